// 原文: the plan's original document with every task, indicator, target and project marked where it comes from.
// A click on a mark opens that item; 定位 finds one by name (keyboard too); the selected item (?item=task-12 in
// the address, e.g. from a task's 查看原文) is highlighted and scrolled to. Marks are ranges inside memoised
// paragraphs (SourceText), never one node per character, so 004's 74 000 characters stay quick.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Empty, Select, Skeleton } from 'antd';
import type { PlanDetail, Task } from '../../../shared/api';
import { api, type Indicator, type Project, type Target } from '../api';
import { SourceText } from '../components/SourceText';
import { useRequest } from '../useRequest';
import { itemAt, parseItemKey, SOURCE_KINDS, sourceItems, sourceKindLabels, sourceMarks, type SourceKind } from './sourceItems';
import { SourceItemDrawer, type OpenItem } from './SourceItemDrawer';
import './planSource.css';

/** Every task of the plan (the list endpoint pages at 500). */
async function allTasks(planId: number): Promise<Task[]> {
  const out: Task[] = [];
  for (let page = 1; ; page++) {
    const r = await api.planTasks(planId, { page, pageSize: 500 });
    out.push(...r.items);
    if (out.length >= r.total || !r.items.length) return out;
  }
}

interface Props {
  planId: number;
  outline: PlanDetail['outline'];
  indicators: Indicator[];
  targets: Target[];
  projects: Project[];
  /** the selected item key from the address (task-12, indicator-3, outline-7 …) */
  selected: string | null;
  /** changes when the selection should be scrolled into view (a 查看原文 link, the outline, 定位) */
  scrollNonce: unknown;
  /** select (highlight) an item; `openTask` also opens that task's drawer, `scroll` brings it into view */
  onSelect: (key: string | null, opts?: { scroll?: boolean; openTask?: number }) => void;
  onShowList: (tab: string) => void;
}

export function PlanSourceTab({ planId, outline, indicators, targets, projects, selected, scrollNonce, onSelect, onShowList }: Props) {
  const doc = useRequest(['planDocument', planId], () => api.planDocument(planId));
  const tasks = useRequest(['tasks', 'allOfPlan', planId], () => allTasks(planId));
  const [shown, setShown] = useState<Set<SourceKind>>(() => new Set(SOURCE_KINDS));
  const [scrollToken, setScrollToken] = useState(0);
  // the indicator, target or project opened by a click (tasks open in the page's task drawer)
  const [detail, setDetail] = useState<string | null>(null);

  const items = useMemo(() => sourceItems(tasks.data ?? [], indicators, targets, projects, outline), [tasks.data, indicators, targets, projects, outline]);
  const marks = useMemo(() => sourceMarks(items, shown, selected), [items, shown, selected]);
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const it of items) c[it.kind] = (c[it.kind] ?? 0) + 1;
    return c;
  }, [items]);
  const options = useMemo(
    () =>
      items
        .filter((it) => it.kind !== 'outline')
        .map((it) => ({ value: it.key, label: `${sourceKindLabels[it.kind as SourceKind]}:${it.label.length > 60 ? it.label.slice(0, 60) + '…' : it.label}` })),
    [items],
  );

  useEffect(() => {
    if (scrollNonce) setScrollToken((t) => t + 1);
  }, [scrollNonce]);

  const sel = parseItemKey(detail);
  const open: OpenItem | null =
    sel?.kind === 'indicator' ? wrap('indicator', indicators.find((x) => x.id === sel.id))
    : sel?.kind === 'target' ? wrap('target', targets.find((x) => x.id === sel.id))
    : sel?.kind === 'project' ? wrap('project', projects.find((x) => x.id === sel.id))
    : null;

  const ready = doc.data && tasks.data;
  if (!ready) {
    if (doc.error || tasks.error) return <Alert type="error" showIcon title="原文加载失败,请刷新后重试" />;
    return <Skeleton active paragraph={{ rows: 8 }} />;
  }
  const text = doc.data!.text;
  if (!text) return <Empty description="该规划没有保存原文(例如手工创建的规划)" />;
  const selectedItem = items.find((it) => it.key === selected && it.kind !== 'outline');
  const missing = selected && parseItemKey(selected) && !items.some((it) => it.key === selected);

  return (
    <div className="plan-source">
      <div className="plan-source-bar">
        <span className="muted">标记:</span>
        {SOURCE_KINDS.map((k) => (
          <Checkbox
            key={k}
            checked={shown.has(k)}
            onChange={(e) => {
              const next = new Set(shown);
              if (e.target.checked) next.add(k);
              else next.delete(k);
              setShown(next);
            }}
          >
            <span className={`src-swatch src-${k}`} />
            {sourceKindLabels[k]}
            <span className="muted">({counts[k] ?? 0})</span>
          </Checkbox>
        ))}
        <span style={{ flex: 1 }} />
        <Select
          aria-label="定位到原文中的事项"
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          placeholder="定位:输入任务、指标、目标或项目名称"
          style={{ width: 320 }}
          value={selected && options.some((o) => o.value === selected) ? selected : null}
          options={options}
          onChange={(v: string | undefined) => {
            setDetail(null);
            onSelect(v ?? null, { scroll: true });
          }}
          popupMatchSelectWidth={420}
        />
        <Button
          disabled={!selectedItem}
          onClick={() => {
            if (!selectedItem) return;
            if (selectedItem.kind === 'task') onSelect(selectedItem.key, { openTask: selectedItem.id });
            else setDetail(selectedItem.key);
          }}
        >
          查看详情
        </Button>
      </div>
      {missing && <Alert type="warning" showIcon banner title="该事项在原文中没有对应的位置(可能为手工新增)" />}
      <div className="plan-source-text">
        <SourceText
          text={text}
          marks={marks}
          scrollToken={scrollToken}
          label="规划原文"
          onPick={(offset) => {
            const hit = itemAt(items, shown, offset);
            if (!hit) return;
            if (hit.kind === 'task') {
              setDetail(null);
              onSelect(hit.key, { openTask: hit.id });
            } else {
              setDetail(hit.key);
              onSelect(hit.key);
            }
          }}
        />
      </div>
      <p className="muted plan-source-hint">点击原文中的标记可查看对应的任务、指标、目标或项目;在任务详情中点“查看原文”可回到这里。</p>
      <SourceItemDrawer open={open} text={text} onClose={() => setDetail(null)} onShowList={onShowList} />
    </div>
  );
}

function wrap<K extends OpenItem['kind']>(kind: K, item: Extract<OpenItem, { kind: K }>['item'] | undefined): OpenItem | null {
  return item ? ({ kind, item } as OpenItem) : null;
}
