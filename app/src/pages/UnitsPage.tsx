// 单位库: search the registry by name or alias, filter by region; the office adds units.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CreateUnitBody, Unit } from '../../../shared/api';
import { api } from '../api';
import { regionOptions } from '../regionOptions';
import { useMe } from '../auth';
import { label, unitKindLabels } from '../labels';
import { canManageUnits } from '../permissions';
import { invalidateUnits } from '../unitsCache';
import { useRequest } from '../useRequest';

type NewUnit = CreateUnitBody;

export default function UnitsPage() {
  const me = useMe();
  const { message } = App.useApp();
  // ?q= opens the list searched (a unit chosen in the top bar's search)
  const [params] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  useEffect(() => setQ(params.get('q') ?? ''), [params]);
  const [regionId, setRegionId] = useState<number | undefined>();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<NewUnit>();
  const units = useRequest(['units', 'search', q, regionId], () => api.units(q || undefined, regionId));
  const regions = useRequest(['regions'], () => api.regions());
  const regionChoices = regionOptions(regions.data?.items ?? []);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await api.createUnit({ name: v.name.trim(), aliases: (v.aliases ?? []).map((a) => a.trim()).filter(Boolean), kind: v.kind, regionId: v.regionId });
    invalidateUnits();
    message.success('单位已添加');
    setAdding(false);
    form.resetFields();
    units.reload();
  };
  // validation problems show on the form, API errors in a message: the dialog just stays open
  const submit = () => save().catch(() => undefined);

  return (
    <section>
      <div className="page-head">
        <h2>单位库</h2>
        <div className="toolbar">
          <Input.Search key={params.get('q') ?? ''} defaultValue={params.get('q') ?? ''} allowClear placeholder="按名称或别名搜索" aria-label="搜索单位" style={{ width: 240 }} onSearch={(v) => setQ(v.trim())} />
          <Select aria-label="按区划筛选" allowClear placeholder="全部区划" style={{ width: 160 }} value={regionId} onChange={setRegionId} options={regionChoices} showSearch optionFilterProp="label" />
          {canManageUnits(me) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              新增单位
            </Button>
          )}
        </div>
      </div>
      <Table<Unit>
        rowKey="id"
        size="small"
        loading={units.loading}
        dataSource={units.data?.items ?? []}
        locale={{ emptyText: '没有找到单位' }}
        pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个单位` }}
        columns={[
          { title: '单位名称', dataIndex: 'name' },
          { title: '别名', dataIndex: 'aliases', render: (a: string[]) => (a.length ? a.map((x) => <Tag key={x}>{x}</Tag>) : <span className="muted">—</span>) },
          { title: '类别', dataIndex: 'kind', width: 110, render: (v: string) => label(unitKindLabels, v) },
          { title: '所属区划', dataIndex: 'regionName', width: 140 },
        ]}
      />
      <Modal open={adding} title="新增单位" okText="保存" cancelText="取消" onOk={submit} onCancel={() => setAdding(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ kind: 'department', aliases: [], regionId: me.regionIds[0] }}>
          <Form.Item name="name" label="单位名称" rules={[{ required: true, min: 2, max: 60, message: '单位名称为 2 至 60 个字' }]}>
            <Input placeholder="如:区发展改革委" />
          </Form.Item>
          <Form.Item name="aliases" label="别名" extra="输入后按回车添加,文件中出现这些写法时也能识别为该单位">
            <Select mode="tags" open={false} placeholder="如:发改委" suffixIcon={null} />
          </Form.Item>
          <Form.Item name="kind" label="类别">
            <Select options={Object.entries(unitKindLabels).map(([value, l]) => ({ value, label: l }))} />
          </Form.Item>
          <Form.Item name="regionId" label="所属区划" rules={[{ required: true, message: '请选择所属区划' }]}>
            <Select options={regionChoices} showSearch optionFilterProp="label" />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
