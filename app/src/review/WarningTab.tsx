// 提示 tab of the import review: what the parser was unsure about, each pointing at the text.
import { useEffect } from 'react';
import { Empty } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import type { ParseWarning } from '../../../shared/parsedPlan';

export function WarningTab({ warnings, selected, onSelect }: { warnings: ParseWarning[]; selected: number | null; onSelect: (i: number) => void }) {
  useEffect(() => {
    if (selected !== null) setTimeout(() => document.getElementById(`warning-${selected}`)?.scrollIntoView({ block: 'nearest' }), 30);
  }, [selected]);
  if (!warnings.length) return <Empty description="解析过程中没有需要提示的问题" />;
  return (
    <div>
      {warnings.map((w, i) => (
        <div
          key={i}
          id={`warning-${i}`}
          role="button"
          tabIndex={0}
          className={i === selected ? 'warning-item selected' : 'warning-item'}
          onClick={() => onSelect(i)}
          onKeyDown={(e) => e.key === 'Enter' && onSelect(i)}
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
