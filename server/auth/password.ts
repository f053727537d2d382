import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../shared/errors.js';

/** Password rule: at least 10 characters with letters and digits. */
export function checkPasswordRule(pw: string): void {
  if (pw.length < 10 || !/[A-Za-z]/.test(pw) || !/\d/.test(pw)) throw new AppError('PASSWORD_TOO_WEAK');
}
export const hashPassword = (pw: string) => hash(pw);
export const verifyPassword = (h: string, pw: string) => verify(h, pw).catch(() => false);
