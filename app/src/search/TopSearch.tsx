// The top bar's search (issue #11): plans by title and full text, tasks, units and indicators, as the user types,
// grouped by kind; choosing a hit opens it. On a phone the box sits behind a search button, in a full-width panel.
import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Button, Input, Modal } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { SearchOut } from '../../../shared/search';
import { request } from '../api';
import './search.css';

type Group = 'plans' | 'tasks' | 'units' | 'indicators';
const groupLabels: Record<Group, string> = { plans: '规划', tasks: '任务', units: '单位', indicators: '指标' };

/** Where a hit opens. */
function pathOf(kind: Group, hit: { id: number; planId?: number; name?: string }): string {
  if (kind === 'plans') return `/plans/${hit.id}`;
  if (kind === 'tasks') return `/tasks/${hit.id}`;
  if (kind === 'units') return `/units?q=${encodeURIComponent(hit.name ?? '')}`;
  return `/plans/${hit.planId}?tab=indicators`;
}

/** The answer for the words typed, fetched a moment after typing stops; an answer for older words is dropped. */
function useSearch(q: string): { data: SearchOut | null; loading: boolean } {
  const [state, setState] = useState<{ data: SearchOut | null; loading: boolean }>({ data: null, loading: false });
  const latest = useRef('');
  useEffect(() => {
    const words = q.trim();
    latest.current = words;
    if (!words) {
      setState({ data: null, loading: false });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      request<SearchOut>('/api/search', { query: { q: words, limit: 5 } }).then(
        (data) => latest.current === words && setState({ data, loading: false }),
        () => latest.current === words && setState({ data: null, loading: false }),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);
  return state;
}

function options(data: SearchOut | null) {
  if (!data) return [];
  return (['plans', 'tasks', 'units', 'indicators'] as const)
    .filter((g) => data[g].items.length)
    .map((g) => ({
      label: (
        <span className="top-search-group">
          {groupLabels[g]}
          <small>{data[g].total > data[g].items.length ? `共 ${data[g].total} 项,显示前 ${data[g].items.length} 项` : `${data[g].total} 项`}</small>
        </span>
      ),
      options: data[g].items.map((hit) => {
        const title = 'title' in hit ? hit.title : hit.name;
        const sub =
          g === 'plans' && 'matchedIn' in hit
            ? hit.matchedIn === 'text'
              ? `正文提及:${hit.excerpt ?? data.q}`
              : (hit.regionName ?? '')
            : g === 'units' && 'regionName' in hit
              ? (hit.regionName ?? '')
              : 'planTitle' in hit
                ? hit.planTitle
                : '';
        return {
          value: `${g}:${hit.id}`,
          path: pathOf(g, hit as { id: number; planId?: number; name?: string }),
          label: (
            <div className="top-search-hit" data-kind={g}>
              <div className="top-search-title">{title}</div>
              {sub ? <div className="top-search-sub">{sub}</div> : null}
            </div>
          ),
        };
      }),
    }));
}

function SearchBox({ autoFocus, onDone }: { autoFocus?: boolean; onDone?: () => void }) {
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const { data, loading } = useSearch(q);
  const opts = options(data);
  const none = !!data && !loading && !opts.length;
  return (
    <AutoComplete
      className="top-search"
      classNames={{ popup: { root: 'top-search-popup' } }}
      value={q}
      options={opts}
      onSearch={setQ}
      onSelect={(_, option) => {
        const path = (option as { path?: string }).path;
        if (!path) return;
        setQ('');
        onDone?.();
        navigate(path);
      }}
      notFoundContent={none ? `未找到与“${data!.q}”相关的规划、任务、单位或指标` : null}
      popupMatchSelectWidth={false}
      listHeight={420}
    >
      <Input allowClear autoFocus={autoFocus} prefix={<SearchOutlined />} placeholder="搜索规划、任务…" aria-label="全局搜索" />
    </AutoComplete>
  );
}

export default function TopSearch() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <div className="top-search-desk" role="search">
        <SearchBox />
      </div>
      <Button className="top-search-toggle" type="text" icon={<SearchOutlined />} aria-label="打开搜索" onClick={() => setOpen(true)} />
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} title="搜索" destroyOnHidden className="top-search-modal">
        <div role="search">
          <SearchBox autoFocus onDone={() => setOpen(false)} />
        </div>
      </Modal>
    </>
  );
}
