// A route is declared once with its permission and Zod contracts; the same table
// registers it with Fastify, writes the OpenAPI document and feeds the permission test.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import type { Actor, Permission } from '../policy.js';
import type { RecordOwner } from '../access.js';
import { idStringSchema } from '../../shared/input.js';

export interface HandlerArgs<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  actor: Actor;
  db: Db;
  req: FastifyRequest;
  reply: FastifyReply;
  /** the plan of the record the route declares, as the route gate read it with the change stamp (access.ts); null for records outside a plan */
  owner: RecordOwner | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a route table holds routes of every shape
export interface RouteDef<P = any, Q = any, B = any> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  permission: Permission;
  summary: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  response?: z.ZodType;
  /** multipart upload routes read the body themselves */
  multipart?: boolean;
  /** returns raw content (files); the handler sets headers */
  raw?: boolean;
  handler: (a: HandlerArgs<P, Q, B>) => Promise<unknown>;
}

export function defineRoute<P = undefined, Q = undefined, B = undefined>(def: RouteDef<P, Q, B>): RouteDef<P, Q, B> {
  return def;
}

/** `:id` in a path: a positive 32-bit integer (a larger one is a 400, not a database error). */
export const idParam = z.object({ id: idStringSchema });
export const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};
export const paged = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
