// Choose a task's units for one role from the unit registry; keeps mentions the registry does not hold.
import { Select, Tag } from 'antd';
import type { ParsedUnit } from '../../../shared/parsedPlan';
import type { Unit } from '../../../shared/api';
import { unitScopeLabels } from '../labels';

interface Props {
  value?: ParsedUnit[];
  onChange?: (units: ParsedUnit[]) => void;
  registry: Unit[];
  placeholder?: string;
  id?: string;
}

export function UnitPicker({ value = [], onChange, registry, placeholder, id }: Props) {
  const registryNames = new Set(registry.map((u) => u.name));
  // the same name exists in several districts (one template); corrections carry names, so list each name once
  const unique = [...new Map(registry.map((u) => [u.name, u])).values()];
  const extra = value.filter((u) => !registryNames.has(u.name));
  const options = [
    ...extra.map((u) => ({
      value: u.name,
      label: u.scope === 'unit' ? `${u.name}(未识别)` : `${u.raw}(${unitScopeLabels[u.scope] ?? u.scope})`,
    })),
    ...unique.map((u) => ({ value: u.name, label: u.name, search: `${u.name} ${u.aliases.join(' ')}` })),
  ];
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      style={{ width: '100%' }}
      placeholder={placeholder ?? '从单位库选择'}
      value={value.map((u) => u.name)}
      options={options}
      showSearch={{
        filterOption: (input, opt) => String((opt as { search?: string })?.search ?? opt?.label ?? '').includes(input.trim()),
      }}
      notFoundContent="单位库中没有匹配的单位"
      tagRender={({ label, value: v, closable, onClose }) => {
        const u = value.find((x) => x.name === v);
        const unknown = u && u.scope === 'unit' && !u.known && !registryNames.has(u.name);
        return (
          <Tag color={unknown ? 'orange' : undefined} closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }}>
            {label}
          </Tag>
        );
      }}
      onChange={(names: string[]) =>
        onChange?.(names.map((n) => value.find((u) => u.name === n) ?? { raw: n, name: n, known: true, scope: 'unit' as const }))
      }
    />
  );
}
