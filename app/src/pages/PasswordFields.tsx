// New password + confirmation, with the rule shown under the field (the server checks it, with the common-password list).
import { Form, Input } from 'antd';
import { passwordRuleText } from './accountApi';

export function PasswordFields({ name = 'newPassword', label = '新密码' }: { name?: string; label?: string }) {
  return (
    <>
      <Form.Item name={name} label={label} extra={passwordRuleText} rules={[{ required: true, message: '请输入新密码' }, { min: 10, message: '密码至少 10 位' }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name={`${name}Again`}
        label="再次输入新密码"
        dependencies={[name]}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({ validator: (_r, v) => (!v || v === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
