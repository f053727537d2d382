import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../api';
import { useAuth } from '../auth';
import { homePath } from '../permissions';
import { accountApi } from './accountApi';
import { PasswordFields } from './PasswordFields';

interface LoginForm {
  username: string;
  password: string;
}

interface NewPasswordForm {
  newPassword: string;
  newPasswordAgain: string;
}

export default function LoginPage() {
  const { me, setMe } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** after an administrator's reset: the temporary password was right, a new one must be set before entering */
  const [mustChange, setMustChange] = useState<LoginForm | null>(null);
  const from = (location.state as { from?: string } | null)?.from;

  useEffect(() => {
    if (me) navigate(from && from !== '/login' ? from : homePath(me), { replace: true });
  }, [me, from, navigate]);

  const submit = async (v: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      setMe(await api.login(v.username.trim(), v.password));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'PASSWORD_CHANGE_REQUIRED') setMustChange({ username: v.username.trim(), password: v.password });
      else setError(e instanceof ApiError ? e.message : '登录失败,请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  const submitNew = async (v: NewPasswordForm) => {
    if (!mustChange) return;
    setBusy(true);
    setError(null);
    try {
      setMe(await accountApi.loginWithNewPassword(mustChange.username, mustChange.password, v.newPassword));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '设置失败,请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <Card className="login-card">
        <div className="login-brand">
          <h1>落实</h1>
          <p>规划实施管理平台</p>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        {mustChange ? (
          <Form<NewPasswordForm> layout="vertical" onFinish={submitNew} requiredMark={false}>
            <Alert type="info" showIcon title="管理员已重置您的密码,请设置新密码后进入系统" style={{ marginBottom: 16 }} />
            <PasswordFields />
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              设置新密码并登录
            </Button>
            <Button type="link" block onClick={() => { setMustChange(null); setError(null); }}>
              返回登录
            </Button>
          </Form>
        ) : (
          <Form<LoginForm> layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
            <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined />} autoFocus autoComplete="username" placeholder="请输入用户名" size="large" />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="请输入密码" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              登录
            </Button>
          </Form>
        )}
      </Card>
    </main>
  );
}
