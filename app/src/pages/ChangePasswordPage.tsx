// 修改密码: every user changes their own password; their other sessions (other browsers) end.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { ApiError } from '../api';
import { accountApi } from './accountApi';
import { PasswordFields } from './PasswordFields';

interface ChangeForm {
  currentPassword: string;
  newPassword: string;
  newPasswordAgain: string;
}

export default function ChangePasswordPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: ChangeForm) => {
    setBusy(true);
    setError(null);
    try {
      await accountApi.changePassword(v.currentPassword, v.newPassword);
      message.success('密码已修改,其他设备上的登录已退出');
      form.resetFields();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '修改失败,请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section style={{ maxWidth: 520 }}>
      <div className="page-head">
        <h2>修改密码</h2>
      </div>
      <Card>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<ChangeForm> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <PasswordFields />
          <Button type="primary" htmlType="submit" loading={busy}>
            修改密码
          </Button>
        </Form>
      </Card>
    </section>
  );
}
