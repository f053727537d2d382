// Choose the plan a screen works on; with `allLabel`, the first option is all the user's plans (value 0).
import { Select } from 'antd';
import type { PlanSummary } from '../../../shared/api';

export function PlanSelect({ plans, value, onChange, loading, allLabel }: { plans: PlanSummary[]; value?: number; onChange: (id: number) => void; loading?: boolean; allLabel?: string }) {
  return (
    <Select
      aria-label="选择规划"
      className="plan-select"
      style={{ width: 360, maxWidth: '100%' }}
      loading={loading}
      value={allLabel ? (value ?? 0) : value}
      onChange={onChange}
      placeholder="选择规划"
      showSearch={{ optionFilterProp: 'label' }}
      options={[...(allLabel ? [{ value: 0, label: allLabel }] : []), ...plans.map((p) => ({ value: p.id, label: p.title }))]}
      notFoundContent="暂无可选规划"
    />
  );
}
