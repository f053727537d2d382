// One check at the edge for every route, before any contract runs: no string in the path, the query or a
// JSON body (values and keys) may hold a NUL byte or a lone UTF-16 surrogate, and no number may be
// non-finite (JSON's 1e400 parses to Infinity). PostgreSQL cannot store the first two, so without this
// they came back as 500s from deep inside an operation; here they are a 400 VALIDATION_FAILED.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.js';

export const MALFORMED_MESSAGE = '提交的内容含有不允许的字符(空字符或不完整的 Unicode 字符)或无效的数字';

// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored, or null. */
export function stringProblem(s: string): string | null {
  if (NUL.test(s)) return '含有空字符(NUL)';
  if (LONE_SURROGATE.test(s)) return '含有不成对的代理字符(不完整的 Unicode 字符)';
  return null;
}

export interface InputProblem {
  path: (string | number)[];
  message: string;
}

/** The first malformed string or number in a parsed value (walked without recursion, so any depth is safe). */
export function findMalformed(value: unknown, root: string): InputProblem | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [root] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const p = stringProblem(v);
      if (p) return { path, message: p };
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { path, message: '数字超出范围或无效' };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, child] of Object.entries(v)) {
        const p = stringProblem(k);
        if (p) return { path: [...path, k], message: `字段名${p}` };
        stack.push({ v: child, path: [...path, k] });
      }
    }
  }
  return null;
}

/** Throws VALIDATION_FAILED (with the place and the reason) for the first malformed input. */
export function assertWellFormed(parts: Record<string, unknown>): void {
  for (const [root, value] of Object.entries(parts)) {
    const problem = findMalformed(value, root);
    if (problem) throw new AppError('VALIDATION_FAILED', [problem], MALFORMED_MESSAGE);
  }
}

/** Fastify preValidation hook: runs on the parsed params, query and body of every request. */
export async function refuseMalformedInput(req: FastifyRequest): Promise<void> {
  assertWellFormed({ params: req.params, query: req.query, body: req.body });
}
