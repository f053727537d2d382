// 下发督办: the office addresses a notice to a unit, optionally about one of its tasks, with a reply deadline.
import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Task } from '../../../shared/api';
import { api } from '../api';
import { runApi, type NoticeOut } from './runApi';

interface Values {
  unitId: number;
  taskId?: number;
  title: string;
  requirement: string;
  responseDeadline?: Dayjs;
}

export interface NoticeSeed {
  unitId?: number;
  taskId?: number;
  title?: string;
  requirement?: string;
}

export function IssueNoticeModal({ planId, units, seed, onClose, onDone }: { planId: number; units: { unitId: number; unitName: string }[]; seed: NoticeSeed | null; onClose: () => void; onDone: (n: NoticeOut) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const unitId = Form.useWatch('unitId', form);
  const [tasks, setTasks] = useState<Task[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (seed) form.setFieldsValue({ unitId: seed.unitId, taskId: seed.taskId, title: seed.title ?? '', requirement: seed.requirement ?? '', responseDeadline: undefined });
  }, [seed, form]);
  useEffect(() => {
    setTasks([]);
    if (!unitId) return;
    api.planTasks(planId, { unitId, role: 'lead', pageSize: 500 }).then((p) => setTasks(p.items), () => undefined);
  }, [planId, unitId]);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const n = await runApi.issueNotice(planId, { unitId: v.unitId, taskId: v.taskId ?? null, title: v.title, requirement: v.requirement, responseDeadline: v.responseDeadline?.format('YYYY-MM-DD') });
      message.success(`督办件已下发给${n.unitName}`);
      form.resetFields();
      onDone(n);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={!!seed} title="下发督办件" onCancel={onClose} onOk={submit} okText="下发" cancelText="取消" confirmLoading={busy} width={640} destroyOnHidden forceRender>
      <Form form={form} layout="vertical">
        <Form.Item name="unitId" label="督办单位" rules={[{ required: true, message: '请选择督办单位' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} placeholder="选择单位" options={units.map((u) => ({ value: u.unitId, label: u.unitName }))} />
        </Form.Item>
        <Form.Item name="taskId" label="涉及任务(可不选)">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={unitId ? '选择该单位牵头的任务' : '请先选择单位'} disabled={!unitId} options={tasks.map((t) => ({ value: t.id, label: t.title }))} />
        </Form.Item>
        <Form.Item name="title" label="督办事项" rules={[{ required: true, min: 2, message: '请填写督办事项(至少2个字)' }]}>
          <Input maxLength={200} placeholder="例如:加快推进老旧小区改造" />
        </Form.Item>
        <Form.Item name="requirement" label="督办要求" rules={[{ required: true, min: 2, message: '请填写督办要求' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} placeholder="问题、整改要求和反馈内容" />
        </Form.Item>
        <Form.Item name="responseDeadline" label="反馈期限" extra="不填则按规划设置的工作日数自动计算">
          <DatePicker placeholder="选择日期" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
