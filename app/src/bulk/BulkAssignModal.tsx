// 批量指派: the tasks selected in a plan's task table get their lead / responsible / cooperating units (added to
// what each names, or in place of it), and/or a deadline and a weight, in one go — all or nothing on the server.
import { useMemo, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { TaskRole, Unit } from '../../../shared/api';
import { api } from '../api';
import { useRequest } from '../useRequest';
import { bulkApi, type AssignBody } from './bulkApi';

type Role = TaskRole;
const roles: [Role, string][] = [['lead', '牵头单位'], ['responsible', '责任单位'], ['cooperating', '配合单位']];

/** `regionId`: the plan's region — only its units and those of the regions below it (its towns) are offered */
export function BulkAssignModal({ planId, regionId, taskIds, units: all, open, onClose, onDone }: { planId: number; regionId: number | null; taskIds: number[]; units: Unit[]; open: boolean; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [picked, setPicked] = useState<Record<Role, number[]>>({ lead: [], responsible: [], cooperating: [] });
  const [mode, setMode] = useState<'add' | 'replace'>('add');
  const [deadline, setDeadline] = useState('');
  const [weight, setWeight] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refs = roles.flatMap(([role]) => picked[role].map((unitId) => ({ unitId, role })));
  const nothing = !refs.length && !deadline.trim() && weight === null;
  const save = async () => {
    setError(null);
    if (deadline.trim() && !/^\d{4}-\d{2}(-\d{2})?$/.test(deadline.trim())) return setError('完成时限格式为 2026-12 或 2026-12-31');
    if (mode === 'replace' && refs.length && !picked.lead.length) return setError('替换单位时须指定牵头单位');
    const body: AssignBody = { taskIds, mode, ...(refs.length ? { units: refs } : {}), ...(deadline.trim() ? { deadline: deadline.trim() } : {}), ...(weight !== null ? { weight } : {}) };
    setBusy(true);
    try {
      const res = await bulkApi.assign(planId, body);
      message.success(`已为 ${res.updated} 项任务完成指派`);
      setPicked({ lead: [], responsible: [], cooperating: [] });
      setDeadline('');
      setWeight(null);
      onDone();
    } finally {
      setBusy(false);
    }
  };
  // the registry holds every district's units; the server accepts only the plan's region and the regions below it
  // (UNIT_OUTSIDE_REGION), so the picker offers only those
  const regions = useRequest(['regions'], () => api.regions());
  const units = useMemo(() => {
    if (regionId === null || !regions.data) return all;
    const inside = new Set([regionId]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const r of regions.data.items) {
        if (r.parentId === null || !inside.has(r.parentId) || inside.has(r.id)) continue;
        inside.add(r.id);
        grew = true;
      }
    }
    return all.filter((u) => inside.has(u.regionId));
  }, [all, regionId, regions.data]);
  // a name two regions still share (a district's and its town's) is shown with its region
  const shared = new Set(units.filter((u, i) => units.findIndex((x) => x.name === u.name) !== i).map((u) => u.name));
  const nameOf = (u: Unit) => (shared.has(u.name) ? `${u.name}(${u.regionName})` : u.name);
  const options = units.map((u) => ({ value: u.id, label: nameOf(u), search: `${nameOf(u)} ${u.aliases.join(' ')}` }));
  return (
    <Modal open={open} title={`批量指派:已选 ${taskIds.length} 项任务`} okText="指派" cancelText="取消" onOk={save} onCancel={onClose} okButtonProps={{ loading: busy, disabled: nothing }} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item label="单位的设置方式">
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
            <Radio value="add">追加到各任务已有的单位</Radio>
            <Radio value="replace">替换各任务原有的单位</Radio>
          </Radio.Group>
        </Form.Item>
        {roles.map(([role, label]) => (
          <Form.Item key={role} label={label}>
            <Select
              mode="multiple"
              allowClear
              aria-label={label}
              placeholder={`从单位库选择${label}`}
              value={picked[role]}
              onChange={(v) => setPicked((p) => ({ ...p, [role]: v }))}
              options={options}
              showSearch={{ filterOption: (input, opt) => String((opt as { search?: string })?.search ?? '').includes(input.trim()) }}
            />
          </Form.Item>
        ))}
        <Form.Item label="完成时限(不填则不改)">
          <Input aria-label="完成时限" value={deadline} onChange={(e) => setDeadline(e.target.value)} placeholder="如 2026-12 或 2026-12-31" />
        </Form.Item>
        <Form.Item label="权重(不填则不改)">
          <InputNumber aria-label="权重" min={0.1} max={100} value={weight} onChange={(v) => setWeight(typeof v === 'number' ? v : null)} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
