// Password rule, argon2 hashing, and the dummy verification that makes an unknown user name cost what a known one does.
import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../shared/errors.js';
import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_LONG, passwordRuleText } from '../../shared/accounts.js';

/** The common-password list (data file beside this one), lower case; loaded on first use. */
let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  if (!common) {
    const text = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
    common = new Set(text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
  }
  return common;
}

const strip = (s: string) => s.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
const unLeet = (s: string, one: string) => s.replace(/[@4013!$57]/g, (c) => ({ '@': 'a', '4': 'a', '0': 'o', '1': one, '!': one, '3': 'e', $: 's', '5': 's', '7': 't' })[c]!);
/** The forms of a password looked up in the list: as typed (lower case), without leading/trailing digits and symbols
 * ("Password2026!" → "password"), and with look-alike characters read as letters ("P@ssw0rd", "1ove"). */
function lookupForms(pw: string): string[] {
  const lower = pw.normalize('NFKC').toLowerCase();
  const forms = new Set([lower, strip(lower)]);
  for (const one of ['i', 'l']) {
    const read = unLeet(lower, one);
    forms.add(read).add(strip(read)).add(unLeet(strip(lower), one));
  }
  return [lower, ...[...forms].filter((f) => f.length >= 4)];
}

export function isCommonPassword(pw: string): boolean {
  const list = commonPasswords();
  return lookupForms(pw).some((f) => list.has(f));
}

function characterClasses(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((r) => r.test(pw)).length;
}

/**
 * The rule for every password a person sets (API, CLI `user add`, password change, login with a temporary password):
 * PASSWORD_MIN..PASSWORD_MAX characters; at least three of lower case, upper case, digits and symbols unless it is
 * PASSWORD_LONG characters or more; at least 5 different characters; not on the common-password list (also after
 * stripping leading/trailing digits and symbols and reading look-alikes as letters); not containing the user name.
 * Demo seeding alone skips it, explicitly (addUser's `internalDemoSeed`).
 */
export function checkPasswordRule(pw: string, opts: { username?: string } = {}): void {
  const weak = () => new AppError('PASSWORD_TOO_WEAK', undefined, passwordRuleText);
  if (pw.length < PASSWORD_MIN || pw.length > PASSWORD_MAX) throw weak();
  if (isCommonPassword(pw)) throw new AppError('PASSWORD_TOO_COMMON');
  const name = opts.username?.trim().toLowerCase();
  if (name && name.length >= 3 && pw.toLowerCase().includes(name)) throw new AppError('PASSWORD_CONTAINS_USERNAME');
  if (new Set(pw).size < 5) throw weak();
  if (pw.length < PASSWORD_LONG && characterClasses(pw) < 3) throw weak();
}

export const hashPassword = (pw: string) => hash(pw);
export const verifyPassword = (h: string, pw: string) => verify(h, pw).catch(() => false);

/** A hash of a random secret, made with the same parameters as real ones: verified against when a name is unknown. */
let dummy: Promise<string> | null = null;
export async function verifyDummy(pw: string): Promise<false> {
  dummy ??= hash(randomBytes(24).toString('base64url'));
  await verifyPassword(await dummy, pw);
  return false;
}

const tempAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
/** A temporary password for an administrator's reset: 3 groups of 5 (e.g. "Xk7pQ-m2VaT-9rHcW"), passes the rule. */
export function temporaryPassword(): string {
  for (;;) {
    const chars = Array.from({ length: 15 }, () => tempAlphabet[randomInt(tempAlphabet.length)]);
    const pw = [chars.slice(0, 5), chars.slice(5, 10), chars.slice(10)].map((g) => g.join('')).join('-');
    if (/[a-z]/.test(pw) && /[A-Z]/.test(pw) && /\d/.test(pw) && !isCommonPassword(pw)) return pw;
  }
}
