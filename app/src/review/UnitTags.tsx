// A task's units for one role as tags; unknown units dashed orange; a click shows the mention in the text.
import { Tag } from 'antd';
import type { ParsedUnit } from '../../../shared/parsedPlan';
import { unitScopeLabels } from '../labels';

export function UnitTags({ units, onPick }: { units: ParsedUnit[]; onPick?: (index: number) => void }) {
  if (!units.length) return <span className="muted">—</span>;
  return (
    <>
      {units.map((u, i) => {
        const unknown = u.scope === 'unit' && !u.known;
        const text = u.scope === 'unit' ? u.name : `${u.raw || unitScopeLabels[u.scope]}`;
        return (
          <Tag
            key={`${u.name}-${i}`}
            className={unknown ? 'unit-tag unknown' : 'unit-tag'}
            color={unknown ? 'orange' : u.scope !== 'unit' ? 'purple' : undefined}
            title={unknown ? `单位库中未找到:${u.raw}` : u.raw !== u.name ? `原文:${u.raw}` : undefined}
            onClick={(e) => {
              if (!onPick || !u.source) return;
              e.stopPropagation();
              onPick(i);
            }}
            style={{ cursor: onPick && u.source ? 'pointer' : 'default' }}
          >
            {text}
          </Tag>
        );
      })}
    </>
  );
}
