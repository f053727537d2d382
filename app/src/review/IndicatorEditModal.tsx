// Correct one indicator row of a parsed table: name, unit, attribute, baseline and target values.
import { useEffect } from 'react';
import { Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { ParsedIndicator } from '../../../shared/parsedPlan';
import { attributeLabels, comparatorLabels, indicatorKindLabels } from '../labels';

type Patch = Partial<Omit<ParsedIndicator, 'source'>>;

interface Props {
  indicator: ParsedIndicator | null;
  onCancel: () => void;
  onSubmit: (patch: Patch) => Promise<void>;
}

const opts = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

export function IndicatorEditModal({ indicator, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm();
  useEffect(() => {
    if (indicator)
      form.setFieldsValue({
        name: indicator.name,
        unit: indicator.unit ?? '',
        attribute: indicator.attribute,
        category: indicator.category ?? '',
        baseline: indicator.baseline ?? { year: null, value: null, text: '' },
        targets: indicator.targets,
      });
  }, [indicator, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const baseline = v.baseline && (v.baseline.text || v.baseline.value !== null) ? { year: v.baseline.year ?? null, value: v.baseline.value ?? null, text: v.baseline.text ?? '' } : null;
    // send every field: omitted fields of the contract fall back to their defaults on the server
    await onSubmit({
      table: indicator?.table ?? null,
      actual: indicator?.actual ?? null,
      note: indicator?.note ?? null,
      name: v.name.trim(),
      unit: v.unit?.trim() || null,
      attribute: v.attribute ?? null,
      category: v.category?.trim() || null,
      baseline,
      targets: (v.targets ?? []).map((t: ParsedIndicator['targets'][number]) => ({
        year: t.year ?? null,
        value: t.value ?? null,
        valueMax: t.valueMax ?? null,
        text: t.text ?? '',
        comparator: t.comparator ?? '=',
        kind: t.kind ?? 'level',
      })),
    });
  };
  // validation problems show on the form, API errors in a message: the dialog just stays open
  const submit = () => save().catch(() => undefined);

  return (
    <Modal open={!!indicator} title="修改指标" okText="保存" cancelText="取消" onOk={submit} onCancel={onCancel} width={760} destroyOnHidden>
      <Form form={form} layout="vertical" size="small">
        <Space align="start" wrap>
          <Form.Item name="name" label="指标名称" rules={[{ required: true, message: '请输入指标名称' }]} style={{ width: 300 }}>
            <Input />
          </Form.Item>
          <Form.Item name="unit" label="计量单位" style={{ width: 110 }}>
            <Input />
          </Form.Item>
          <Form.Item name="attribute" label="属性" style={{ width: 110 }}>
            <Select allowClear options={opts(attributeLabels)} placeholder="未标明" />
          </Form.Item>
          <Form.Item name="category" label="类别" style={{ width: 140 }}>
            <Input />
          </Form.Item>
        </Space>
        <div style={{ fontWeight: 500, margin: '4px 0' }}>基期</div>
        <Space align="start" wrap>
          <Form.Item name={['baseline', 'year']} label="年份">
            <InputNumber min={1990} max={2100} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name={['baseline', 'value']} label="数值">
            <InputNumber style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name={['baseline', 'text']} label="原文写法">
            <Input style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <div style={{ fontWeight: 500, margin: '4px 0' }}>目标值</div>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'year']} label="年份">
                    <InputNumber min={1990} max={2100} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'comparator']} label="比较">
                    <Select style={{ width: 90 }} options={opts(comparatorLabels)} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'value']} label="数值">
                    <InputNumber style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'valueMax']} label="上限">
                    <InputNumber style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} label="口径">
                    <Select style={{ width: 100 }} options={opts(indicatorKindLabels)} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'text']} label="原文写法">
                    <Input style={{ width: 110 }} />
                  </Form.Item>
                  <Button type="text" danger icon={<MinusCircleOutlined />} aria-label="删除此目标值" onClick={() => remove(f.name)} style={{ marginTop: 22 }} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ year: null, value: null, valueMax: null, text: '', comparator: '=', kind: 'level' })}>
                添加目标值
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
