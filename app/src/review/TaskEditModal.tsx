// Edit one parsed task (title, text, deadline, units by role) or add a new one.
import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import type { Unit } from '../../../shared/api';
import type { CorrectionPatch, ImportCorrection } from '../api';
import type { OutlineNode, ParsedTask, ParsedUnit } from '../../../shared/parsedPlan';
import { taskRoleLabels } from '../labels';
import { UnitPicker } from './UnitPicker';

const ROLES = ['lead', 'responsible', 'cooperating'] as const;

interface Values {
  title: string;
  text: string;
  deadline: string;
  outlineId: string | null;
  lead: ParsedUnit[];
  responsible: ParsedUnit[];
  cooperating: ParsedUnit[];
}

interface Props {
  open: boolean;
  /** the task being edited; a partial draft (no id) when adding */
  task: Partial<ParsedTask> | null;
  outline: OutlineNode[];
  registry: Unit[];
  onCancel: () => void;
  onSubmit: (corrections: ImportCorrection[]) => Promise<void>;
}

const same = (a: ParsedUnit[], b: ParsedUnit[]) => a.length === b.length && a.every((u, i) => u.name === b[i].name);

export function TaskEditModal({ open, task, outline, registry, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<Values>();
  const adding = !task?.id;
  useEffect(() => {
    if (open && task)
      form.setFieldsValue({
        title: task.title ?? '',
        text: task.text ?? '',
        deadline: task.deadline ?? '',
        outlineId: task.outlineId ?? null,
        lead: task.lead ?? [],
        responsible: task.responsible ?? [],
        cooperating: task.cooperating ?? [],
      });
  }, [open, task, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const deadline = v.deadline?.trim() || null;
    if (adding) {
      await onSubmit([
        {
          op: 'addTask',
          task: {
            title: v.title.trim(),
            text: v.text.trim(),
            outlineId: v.outlineId ?? null,
            lead: v.lead,
            responsible: v.responsible,
            cooperating: v.cooperating,
            deadline,
            ...(task?.source ? { source: task.source } : {}),
          },
        },
      ]);
      return;
    }
    const t = task as ParsedTask;
    const out: ImportCorrection[] = [];
    const patch: CorrectionPatch<'updateTask'> = {};
    if (v.title.trim() !== t.title) patch.title = v.title.trim();
    if (v.text.trim() !== t.text) patch.text = v.text.trim();
    if (deadline !== t.deadline) patch.deadline = deadline;
    if (Object.keys(patch).length) out.push({ op: 'updateTask', taskId: t.id, patch });
    for (const role of ROLES) if (!same(v[role], t[role])) out.push({ op: 'setTaskUnits', taskId: t.id, role, units: v[role] });
    if (!out.length) return onCancel();
    await onSubmit(out);
  };
  // validation problems show on the form, API errors in a message: the dialog just stays open
  const submit = () => save().catch(() => undefined);

  return (
    <Modal open={open} title={adding ? '新增任务' : '修改任务'} okText="保存" cancelText="取消" onOk={submit} onCancel={onCancel} width={720} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="title" label="任务名称" rules={[{ required: true, min: 2, message: '任务名称至少 2 个字' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="text" label="任务内容">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item
            name="deadline"
            label="完成时限"
            style={{ width: 200 }}
            rules={[{ pattern: /^(\d{4}-\d{2}(-\d{2})?)?$/, message: '格式为 2025-12 或 2025-12-31' }]}
          >
            <Input placeholder="如 2025-12" />
          </Form.Item>
          {adding && (
            <Form.Item name="outlineId" label="所属章节" style={{ flex: 1 }}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择章节"
                options={outline.map((o) => ({ value: o.id, label: `${'  '.repeat(o.level - 1)}${o.marker}${o.title}`.slice(0, 60) }))}
              />
            </Form.Item>
          )}
        </div>
        {ROLES.map((role) => (
          <Form.Item key={role} name={role} label={taskRoleLabels[role]}>
            <UnitPicker registry={registry} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
