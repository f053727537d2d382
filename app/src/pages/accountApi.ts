// HTTP calls for accounts: login with a new password, changing one's own password, user administration.
import type { Me } from '../../../shared/api';
import type { ResetPasswordResult, User } from '../../../shared/accounts';
import type { Role } from '../../../shared/roles';
import { request } from '../api';

export type { User };
export { passwordRuleText } from '../../../shared/passwordRule';

export interface UserFields {
  displayName: string;
  roles: Role[];
  unitId: number | null;
  regionId: number | null;
  email: string | null;
}

export const accountApi = {
  /** login that also sets a new password (required after an administrator's reset) */
  loginWithNewPassword: (username: string, password: string, newPassword: string) =>
    request<Me>('/api/auth/login', { method: 'POST', body: { username, password, newPassword }, no401Redirect: true, quiet: true }),
  changePassword: (currentPassword: string, newPassword: string) => request<{ ok: true }>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword }, quiet: true }),
  users: () => request<{ items: User[] }>('/api/users'),
  createUser: (body: UserFields & { username: string; password: string }) => request<User>('/api/users', { method: 'POST', body, quiet: true }),
  updateUser: (id: number, body: Partial<UserFields> & { disabled?: boolean }) => request<User>(`/api/users/${id}`, { method: 'PATCH', body }),
  resetPassword: (id: number) => request<ResetPasswordResult>(`/api/users/${id}/reset-password`, { method: 'POST', body: {} }),
};
