// The office adds or changes a saved task: wording, time limit, units by role (from the registry).
import { useEffect, useMemo } from 'react';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import type { PlanDetail, Unit } from '../../../shared/api';
import type { TaskDetail, TaskRole } from '../api';
import { taskRoleLabels } from '../labels';

const ROLES: TaskRole[] = ['lead', 'responsible', 'cooperating'];

export interface TaskFormValues {
  title: string;
  text: string;
  deadline: string | null;
  assignee: string | null;
  weight: number;
  outlineNodeId: number | null;
  units: { unitId: number; role: TaskRole }[];
}

interface Props {
  open: boolean;
  task: TaskDetail | null; // null: a new task
  outline?: PlanDetail['outline'];
  units: Unit[];
  onCancel: () => void;
  onSubmit: (values: TaskFormValues) => Promise<void>;
  title?: string;
}

export function TaskFormModal({ open, task, outline, units, onCancel, onSubmit, title }: Props) {
  const [form] = Form.useForm();
  const dupNames = useMemo(() => {
    const seen = new Map<string, number>();
    for (const u of units) seen.set(u.name, (seen.get(u.name) ?? 0) + 1);
    return seen;
  }, [units]);
  const unitOptions = units.map((u) => ({ value: u.id, label: (dupNames.get(u.name) ?? 0) > 1 ? `${u.name}(${u.regionName})` : u.name }));

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      title: task?.title ?? '',
      text: task?.text ?? '',
      deadline: task?.deadline ?? '',
      assignee: task?.assignee ?? '',
      weight: task?.weight ?? 1,
      outlineNodeId: task?.outlineNodeId ?? null,
      ...Object.fromEntries(ROLES.map((r) => [r, (task?.units ?? []).filter((u) => u.role === r && u.unitId !== null).map((u) => u.unitId)])),
    });
  }, [open, task, form]);

  const save = async () => {
    const v = await form.validateFields();
    await onSubmit({
      title: v.title.trim(),
      text: (v.text ?? '').trim(),
      deadline: v.deadline?.trim() || null,
      assignee: v.assignee?.trim() || null,
      weight: v.weight ?? 1,
      outlineNodeId: v.outlineNodeId ?? null,
      units: ROLES.flatMap((role) => ((v[role] ?? []) as number[]).map((unitId) => ({ unitId, role }))),
    });
  };
  // validation problems show on the form, API errors in a message: the dialog just stays open
  const submit = () => save().catch(() => undefined);

  return (
    <Modal open={open} title={title ?? (task ? '修改任务' : '新增任务')} okText="保存" cancelText="取消" onOk={submit} onCancel={onCancel} width={680} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="title" label="任务名称" rules={[{ required: true, min: 2, max: 500, message: '任务名称为 2 至 500 个字' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="text" label="任务内容">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        {outline && (
          <Form.Item name="outlineNodeId" label="所属章节">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="不归入章节" options={outline.map((o) => ({ value: o.id, label: `${o.marker}${o.title}`.slice(0, 50) }))} />
          </Form.Item>
        )}
        {ROLES.map((r) => (
          <Form.Item key={r} name={r} label={taskRoleLabels[r]}>
            <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="从单位库选择" options={unitOptions} />
          </Form.Item>
        ))}
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="deadline" label="完成时限" style={{ width: 180 }} rules={[{ pattern: /^(\d{4}-\d{2}(-\d{2})?)?$/, message: '格式为 2025-12 或 2025-12-31' }]}>
            <Input placeholder="如 2025-12" />
          </Form.Item>
          <Form.Item name="assignee" label="具体负责人" style={{ width: 180 }}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="weight" label="权重" style={{ width: 100 }}>
            <InputNumber min={0.1} max={100} step={0.5} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
