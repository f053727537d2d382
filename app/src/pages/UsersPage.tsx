// 用户管理 (administrators): list users, add, edit name/roles/unit/region, 停用/启用, 重置密码.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Role } from '../../../shared/roles';
import { api, ApiError } from '../api';
import { useMe } from '../auth';
import { roleLabels } from '../labels';
import { regionOptions } from '../regionOptions';
import { useRequest } from '../useRequest';
import { accountApi, type User, type UserFields } from './accountApi';
import { PasswordFields } from './PasswordFields';

interface EditForm extends UserFields {
  username?: string;
  newPassword?: string;
}

const roleChoices = (Object.keys(roleLabels) as Role[]).map((r) => ({ value: r, label: roleLabels[r] }));

export default function UsersPage() {
  const me = useMe();
  const { message } = App.useApp();
  const users = useRequest(['users'], () => accountApi.users());
  const regions = useRequest(['regions'], () => api.regions());
  const units = useRequest(['units'], () => api.units());
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [temporary, setTemporary] = useState<{ user: User; password: string } | null>(null);
  const [form] = Form.useForm<EditForm>();

  const open = (u: User | 'new') => {
    setFormError(null);
    setEditing(u);
    form.setFieldsValue(
      u === 'new'
        ? { username: '', displayName: '', roles: ['unit_reporter'], unitId: null, regionId: me.regionIds[0] ?? null, email: null, newPassword: '' }
        : { displayName: u.displayName, roles: u.roles as Role[], unitId: u.unitId, regionId: u.regionId, email: u.email },
    );
  };

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const fields: UserFields = { displayName: v.displayName.trim(), roles: v.roles, unitId: v.unitId ?? null, regionId: v.regionId ?? null, email: v.email?.trim() || null };
    try {
      if (editing === 'new') await accountApi.createUser({ ...fields, username: v.username!.trim(), password: v.newPassword! });
      else if (editing) await accountApi.updateUser(editing.id, fields);
    } catch (e) {
      setFormError(e instanceof ApiError ? e.message : '保存失败,请稍后再试');
      return;
    }
    message.success(editing === 'new' ? '用户已添加' : '用户信息已保存');
    setEditing(null);
    users.reload();
  };

  const setDisabled = async (u: User, disabled: boolean) => {
    await accountApi.updateUser(u.id, { disabled });
    message.success(disabled ? `已停用 ${u.displayName},其登录已全部退出` : `已启用 ${u.displayName}`);
    users.reload();
  };

  const reset = async (u: User) => {
    const r = await accountApi.resetPassword(u.id);
    setTemporary({ user: u, password: r.temporaryPassword });
    users.reload();
  };

  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name}(${u.regionName})` }));

  return (
    <section>
      <div className="page-head">
        <h2>用户管理</h2>
        <div className="toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
            新增用户
          </Button>
        </div>
      </div>
      <Table<User>
        rowKey="id"
        size="small"
        loading={users.loading}
        dataSource={users.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个用户` }}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 140 },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'roles', render: (rs: string[]) => rs.map((r) => <Tag key={r}>{roleLabels[r as Role] ?? r}</Tag>) },
          { title: '单位', dataIndex: 'unitName', render: (v: string | null) => v ?? <span className="muted">—</span> },
          { title: '区划', dataIndex: 'regionName', width: 110, render: (v: string | null) => v ?? <span className="muted">—</span> },
          {
            title: '状态',
            width: 120,
            render: (_: unknown, u) => (
              <Space size={4} wrap>
                {u.disabled ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>}
                {u.mustChangePassword && <Tag color="orange">待改密码</Tag>}
              </Space>
            ),
          },
          {
            title: '操作',
            width: 220,
            render: (_: unknown, u) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => open(u)}>
                  编辑
                </Button>
                {u.id !== me.id &&
                  (u.disabled ? (
                    <Button type="link" size="small" onClick={() => setDisabled(u, false)}>
                      启用
                    </Button>
                  ) : (
                    <Popconfirm title={`停用 ${u.displayName}?`} description="停用后该用户立即退出登录,且不能再登录。" okText="停用" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => setDisabled(u, true)}>
                      <Button type="link" size="small" danger>
                        停用
                      </Button>
                    </Popconfirm>
                  ))}
                <Popconfirm title={`重置 ${u.displayName} 的密码?`} description="将生成一个临时密码,该用户立即退出登录,下次登录须设置新密码。" okText="重置" cancelText="取消" onConfirm={() => reset(u)}>
                  <Button type="link" size="small">
                    重置密码
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? '新增用户' : '编辑用户'} okText="保存" cancelText="取消" onOk={() => save().catch(() => undefined)} onCancel={() => setEditing(null)} forceRender>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical">
          {editing === 'new' && (
            <Form.Item name="username" label="用户名" rules={[{ required: true, min: 2, max: 50, pattern: /^[\w.@-]+$/, message: '用户名为 2 至 50 位字母、数字或 . _ - @' }]}>
              <Input autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, max: 50, message: '请输入姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="roles" label="角色" rules={[{ required: true, message: '至少选择一个角色' }]} extra={editing !== 'new' && editing?.id === me.id ? '不能取消自己的系统管理员角色' : undefined}>
            <Select mode="multiple" options={roleChoices} />
          </Form.Item>
          <Form.Item name="unitId" label="所属单位">
            <Select allowClear showSearch optionFilterProp="label" options={unitOptions} placeholder="不属于某一单位(规划办、领导等)" />
          </Form.Item>
          <Form.Item name="regionId" label="所属区划">
            <Select allowClear showSearch optionFilterProp="label" options={regionOptions(regions.data?.items ?? [])} />
          </Form.Item>
          <Form.Item name="email" label="电子邮箱" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
            <Input />
          </Form.Item>
          {editing === 'new' && <PasswordFields label="初始密码" />}
        </Form>
      </Modal>
      <Modal open={temporary !== null} title="临时密码" okText="我已记下" onOk={() => setTemporary(null)} onCancel={() => setTemporary(null)} cancelButtonProps={{ style: { display: 'none' } }}>
        {temporary && (
          <>
            <p>
              {temporary.user.displayName}({temporary.user.username})的临时密码如下,<strong>只显示这一次</strong>。请通过安全渠道告知本人,其下次登录时须设置新密码。
            </p>
            <Typography.Paragraph copyable={{ text: temporary.password }} style={{ fontSize: 20, fontFamily: 'monospace' }}>
              {temporary.password}
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </section>
  );
}
