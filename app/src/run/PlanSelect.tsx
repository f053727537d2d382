// Choose the plan a screen works on.
import { Select } from 'antd';
import type { PlanSummary } from '../../../shared/api';

export function PlanSelect({ plans, value, onChange, loading }: { plans: PlanSummary[]; value?: number; onChange: (id: number) => void; loading?: boolean }) {
  return (
    <Select
      aria-label="选择规划"
      style={{ width: 360 }}
      loading={loading}
      value={value}
      onChange={onChange}
      placeholder="选择规划"
      showSearch={{ optionFilterProp: 'label' }}
      options={plans.map((p) => ({ value: p.id, label: p.title }))}
      notFoundContent="暂无可选规划"
    />
  );
}
