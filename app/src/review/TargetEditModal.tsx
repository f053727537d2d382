// Correct one numeric target found in the text.
import { useEffect } from 'react';
import { Checkbox, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { ParsedTarget } from '../../../shared/parsedPlan';
import { comparatorLabels } from '../labels';

type Patch = Partial<Omit<ParsedTarget, 'source' | 'quote'>>;

export function TargetEditModal({ target, onCancel, onSubmit }: { target: ParsedTarget | null; onCancel: () => void; onSubmit: (p: Patch) => Promise<void> }) {
  const [form] = Form.useForm();
  useEffect(() => {
    if (target) form.setFieldsValue({ ...target, unit: target.unit ?? '' });
  }, [target, form]);
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    // send every field: omitted fields of the contract fall back to their defaults on the server
    await onSubmit({
      outlineId: target?.outlineId ?? null,
      subject: v.subject.trim(),
      value: v.value,
      valueMax: v.valueMax ?? null,
      unit: v.unit?.trim() || null,
      comparator: v.comparator,
      year: v.year ?? null,
      recurring: !!v.recurring,
      decrease: !!v.decrease,
    });
  };
  // validation problems show on the form, API errors in a message: the dialog just stays open
  const submit = () => save().catch(() => undefined);
  return (
    <Modal open={!!target} title="修改目标" okText="保存" cancelText="取消" onOk={submit} onCancel={onCancel} width={640} destroyOnHidden>
      {target && <blockquote className="quote" style={{ marginBottom: 12 }}>{target.quote}</blockquote>}
      <Form form={form} layout="vertical">
        <Form.Item name="subject" label="目标事项" rules={[{ required: true, message: '请输入目标事项' }]}>
          <Input />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item name="comparator" label="比较方式">
            <Select style={{ width: 110 }} options={Object.entries(comparatorLabels).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="value" label="数值" rules={[{ required: true, message: '请输入数值' }]}>
            <InputNumber style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="valueMax" label="上限(区间时)">
            <InputNumber style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="unit" label="计量单位">
            <Input style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="year" label="年份">
            <InputNumber min={1990} max={2100} style={{ width: 90 }} />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="recurring" valuePropName="checked" noStyle>
            <Checkbox>每年</Checkbox>
          </Form.Item>
          <Form.Item name="decrease" valuePropName="checked" noStyle>
            <Checkbox>下降 / 减少</Checkbox>
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
