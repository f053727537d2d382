// Bounds and shapes at the edge, shared by every contract: record ids are PostgreSQL integers,
// names are NFKC-normalised and carry no invisible or direction-control characters, lists of ids
// are bounded and de-duplicated. (NUL bytes, lone surrogates and non-finite numbers anywhere in a
// request are refused once for all routes by server/http/edge.ts.)
import { z } from 'zod';

/** The largest value of a PostgreSQL `integer` (serial) column. */
export const INT32_MAX = 2147483647;

/** A record id in a JSON body: a positive 32-bit integer. */
export const idSchema = z.number().int().positive().max(INT32_MAX);
/** A record id in a path or query string ("12"). */
export const idStringSchema = z.coerce.number().int().positive().max(INT32_MAX);

/** The most units one task (or one correction, one split) may name. */
export const MAX_UNITS = 200;

/** Keeps the first of each item with the same key: a list of ids names each record once. */
export const uniqueBy =
  <T>(key: (item: T) => unknown) =>
  (items: T[]): T[] => {
    const seen = new Set<unknown>();
    return items.filter((item) => {
      const k = key(item);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };

/** Keeps each value once, in first-seen order. */
export const unique = <T>(items: T[]): T[] => [...new Set(items)];

/** A bounded list of ids, each kept once. */
export const idListSchema = (max: number) => z.array(idSchema).max(max).overwrite(unique);

/**
 * Characters that draw nothing or reorder text: zero-width spaces and joiners, LRM/RLM, the bidi
 * embeddings, overrides and isolates, word joiner and invisible operators, BOM, soft hyphen, ALM,
 * and C0/C1 controls. In a name they only serve to make a look-alike of another name.
 */
// eslint-disable-next-line no-control-regex
export const INVISIBLE_CHARS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
export const INVISIBLE_MESSAGE = '名称不能包含零宽字符、文字方向控制字符或其他不可见字符';

/** A name (unit, person, plan title): NFKC-normalised, trimmed, min..max characters, nothing invisible. */
export const nameSchema = (min: number, max: number) =>
  z.string().normalize('NFKC').trim().min(min).max(max).refine((s) => !INVISIBLE_CHARS.test(s), { message: INVISIBLE_MESSAGE });

/** A web address the server itself will call (a group robot): http or https only. Where it may point is checked by the server. */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((s) => /^https?:\/\//i.test(s), { message: '群机器人地址只能以 http:// 或 https:// 开头' });
