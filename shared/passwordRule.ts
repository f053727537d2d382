// The password rule's numbers and its wording, with no dependencies: the login page shows the rule without
// loading Zod (≈25 KB gzip); shared/accounts.ts re-exports them for the contracts and server/auth/password.ts.
export const PASSWORD_MIN = 10;
/** from this length on, any mix of characters will do */
export const PASSWORD_LONG = 14;
export const PASSWORD_MAX = 128;
export const passwordRuleText = `密码须为 ${PASSWORD_MIN} 至 ${PASSWORD_MAX} 位,并包含大写字母、小写字母、数字、符号中的至少三类(${PASSWORD_LONG} 位及以上不限类别),不能是常见密码,不能包含用户名`;
