// The lead unit's head breaks a task down: 定人、定目标、定时间、定标准 for each sub-task.
import { DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { subtaskBodySchema } from '../../../shared/reporting';

/** what the form sends: POST /api/tasks/:id/subtasks's body */
export type SubtaskValues = z.output<typeof subtaskBodySchema>;

interface Props {
  open: boolean;
  onCancel: () => void;
  onSubmit: (v: SubtaskValues) => Promise<void>;
}

export function SubtaskFormModal({ open, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm();
  return (
    <Modal
      open={open}
      title="分解子任务(定人、定目标、定时间、定标准)"
      okText="保存"
      cancelText="取消"
      destroyOnHidden
      onCancel={onCancel}
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (!v) return;
        await onSubmit({ ...v, text: v.text ?? '', deadline: (v.deadline as Dayjs).format('YYYY-MM-DD') });
        form.resetFields();
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ weight: 1 }}>
        <Form.Item name="title" label="子任务名称" rules={[{ required: true, min: 2, message: '请填写子任务名称(至少 2 个字)' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="text" label="具体内容">
          <Input.TextArea rows={3} maxLength={10000} />
        </Form.Item>
        <Form.Item name="assignee" label="责任人(定人)" rules={[{ required: true, message: '请填写责任人' }]}>
          <Input maxLength={50} placeholder="姓名或岗位" />
        </Form.Item>
        <Form.Item name="targetText" label="目标(定目标)" rules={[{ required: true, message: '请填写目标' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="deadline" label="完成时限(定时间)" rules={[{ required: true, message: '请选择完成时限' }]}>
          <DatePicker placeholder="选择日期" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="standard" label="完成标准(定标准)" rules={[{ required: true, message: '请填写完成标准' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="weight" label="权重">
          <InputNumber min={0.1} max={100} step={0.5} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
