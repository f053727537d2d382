// The office adds or changes a saved task: wording, chapter, units by role (from the registry), and the
// 定人、定目标、定时间、定标准 fields — person in charge, leaders, target, standard, start, time limit, weight.
import { useEffect, useMemo } from 'react';
import { Divider, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { PlanDetail, Unit } from '../../../shared/api';
import type { TaskDetail, TaskRole } from '../api';
import { taskRoleLabels } from '../labels';
import { isCalendarDate, startsAfterDeadline } from './dateRules';
import './task.css';

const ROLES: TaskRole[] = ['lead', 'responsible', 'cooperating'];

export interface TaskFormValues {
  title: string;
  text: string;
  deadline: string | null;
  /** the time limit as worded, e.g. 2025年底前 */
  deadlineText: string | null;
  startDate: string | null;
  assignee: string | null;
  leaders: string[];
  targetText: string | null;
  standard: string | null;
  weight: number;
  /** undefined when the form shows no chapter picker (the task stays where it is) */
  outlineNodeId?: number | null;
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
      deadlineText: task?.deadlineText ?? '',
      startDate: task?.startDate ?? '',
      assignee: task?.assignee ?? '',
      leaders: task?.leaders ?? [],
      targetText: task?.targetText ?? '',
      standard: task?.standard ?? '',
      weight: task?.weight ?? 1,
      outlineNodeId: task?.outlineNodeId ?? null,
      ...Object.fromEntries(ROLES.map((r) => [r, (task?.units ?? []).filter((u) => u.role === r && u.unitId !== null).map((u) => u.unitId)])),
    });
  }, [open, task, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await onSubmit({
      title: v.title.trim(),
      text: (v.text ?? '').trim(),
      deadline: v.deadline?.trim() || null,
      deadlineText: v.deadlineText?.trim() || null,
      startDate: v.startDate?.trim() || null,
      assignee: v.assignee?.trim() || null,
      leaders: ((v.leaders ?? []) as string[]).map((x) => x.trim()).filter(Boolean),
      targetText: v.targetText?.trim() || null,
      standard: v.standard?.trim() || null,
      weight: v.weight ?? 1,
      outlineNodeId: outline ? (v.outlineNodeId ?? null) : undefined,
      units: ROLES.flatMap((role) => ((v[role] ?? []) as number[]).map((unitId) => ({ unitId, role }))),
    });
  };
  // validation problems show on the form, API errors in a message: the dialog just stays open
  const submit = () => save().catch(() => undefined);

  return (
    <Modal
      open={open}
      title={title ?? (task ? '修改任务' : '新增任务')}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      onCancel={onCancel}
      width={760}
      destroyOnHidden
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 170px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      <Form form={form} layout="vertical" className="task-form">
        <Form.Item name="title" label="任务名称" rules={[{ required: true, min: 2, max: 500, message: '任务名称为 2 至 500 个字' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="text" label="任务内容" rules={[{ max: 10000, message: '任务内容不能超过 10000 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
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
        <Divider titlePlacement="start" plain style={{ margin: '4px 0 12px' }}>
          定人、定目标、定时间、定标准
        </Divider>
        <div className="task-form-row">
          <Form.Item name="assignee" label="具体负责人(定人)" style={{ flex: 1 }} rules={[{ max: 50, message: '不能超过 50 个字' }]}>
            <Input placeholder="姓名或岗位" />
          </Form.Item>
          <Form.Item
            name="leaders"
            label="牵头领导"
            style={{ flex: 1.4 }}
            rules={[{ validator: async (_, v: string[] | undefined) => { if ((v ?? []).some((x) => x.trim().length > 50)) throw new Error('每位领导不超过 50 个字'); if ((v ?? []).length > 20) throw new Error('最多 20 位'); } }]}
          >
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['、', ',', ',', ';', ';']} placeholder="输入姓名后按回车,可填多位" />
          </Form.Item>
        </div>
        <Form.Item name="targetText" label="目标(定目标)" rules={[{ max: 500, message: '目标不能超过 500 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="如:完成改造老旧小区 120 个" />
        </Form.Item>
        <Form.Item name="standard" label="完成标准(定标准)" rules={[{ max: 500, message: '完成标准不能超过 500 个字' }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="如:通过竣工验收,居民满意度达到 90% 以上" />
        </Form.Item>
        <div className="task-form-row">
          <Form.Item
            name="startDate"
            label="开始日期"
            style={{ width: 160 }}
            dependencies={['deadline']}
            rules={[
              { pattern: /^(\d{4}-\d{2}-\d{2})?$/, message: '格式为 2025-01-31' },
              { validator: async (_, v: string | undefined) => { if (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !isCalendarDate(v)) throw new Error('不是有效的日期'); } },
              ({ getFieldValue }) => ({
                validator: async (_, v: string | undefined) => {
                  if (startsAfterDeadline(v?.trim() || null, getFieldValue('deadline')?.trim() || null)) throw new Error('不能晚于完成时限');
                },
              }),
            ]}
          >
            <Input placeholder="如 2025-01-01" />
          </Form.Item>
          <Form.Item
            name="deadline"
            label="完成时限(定时间)"
            style={{ width: 160 }}
            rules={[
              { pattern: /^(\d{4}-\d{2}(-\d{2})?)?$/, message: '格式为 2025-12 或 2025-12-31' },
              { validator: async (_, v: string | undefined) => { if (v && /^\d{4}-\d{2}(-\d{2})?$/.test(v) && !isCalendarDate(v)) throw new Error('不是有效的日期'); } },
            ]}
          >
            <Input placeholder="如 2025-12" />
          </Form.Item>
          <Form.Item name="deadlineText" label="时限说明" style={{ flex: 1 }} rules={[{ max: 100, message: '不能超过 100 个字' }]}>
            <Input placeholder="如:2025年底前、长期坚持" />
          </Form.Item>
          <Form.Item name="weight" label="权重" style={{ width: 96 }} rules={[{ required: true, message: '请填写权重' }]}>
            <InputNumber min={0.1} max={100} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
