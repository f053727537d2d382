// 提示 tab of the import review: what the parser was unsure about, each pointing at the text.
import { useEffect } from 'react';
import { Empty } from 'antd';
import { InfoCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { ParsedPlan, ParseWarning } from '../../../shared/parsedPlan';

type Note = ParsedPlan['notes'][number];

/** Keys: "3" is the fourth warning, "n0" the first note of the text (e.g. a reporting rule). */
export function WarningTab({ warnings, notes, selected, onSelect }: { warnings: ParseWarning[]; notes: Note[]; selected: string | null; onSelect: (key: string) => void }) {
  useEffect(() => {
    if (selected !== null) setTimeout(() => document.getElementById(`warning-${selected}`)?.scrollIntoView({ block: 'nearest' }), 30);
  }, [selected]);
  if (!warnings.length && !notes.length) return <Empty description="解析过程中没有需要提示的问题" />;
  return (
    <div>
      {notes.length > 0 && <h4 style={{ margin: '4px 0' }}>文中的工作规则</h4>}
      {notes.map((n, i) => (
        <div
          key={`n${i}`}
          id={`warning-n${i}`}
          role="button"
          tabIndex={0}
          className={selected === `n${i}` ? 'warning-item selected' : 'warning-item'}
          onClick={() => onSelect(`n${i}`)}
          onKeyDown={(e) => e.key === 'Enter' && onSelect(`n${i}`)}
        >
          <InfoCircleOutlined style={{ color: '#1677ff', marginTop: 4 }} />
          <div className="clamp-2">{n.text}</div>
        </div>
      ))}
      {notes.length > 0 && warnings.length > 0 && <h4 style={{ margin: '12px 0 4px' }}>需要核对的问题</h4>}
      {warnings.map((w, i) => (
        <div
          key={i}
          id={`warning-${i}`}
          role="button"
          tabIndex={0}
          className={String(i) === selected ? 'warning-item selected' : 'warning-item'}
          onClick={() => onSelect(String(i))}
          onKeyDown={(e) => e.key === 'Enter' && onSelect(String(i))}
        >
          <WarningOutlined style={{ color: '#faad14', marginTop: 4 }} />
          <div>
            <div>{w.message}</div>
            {!w.source && <div className="muted" style={{ fontSize: 12 }}>(无对应原文位置)</div>}
          </div>
        </div>
      ))}
    </div>
  );
}
