import { z } from 'zod';
import type { RouteDef } from './route.js';

const schemaOf = (s?: z.ZodType) => (s ? z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) : undefined);

export function buildOpenApi(routes: RouteDef[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const p = r.url.replace(/:(\w+)/g, '{$1}');
    const params = r.params ? Object.keys((r.params as z.ZodObject).shape ?? {}).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })) : [];
    const queryParams = r.query
      ? Object.keys((r.query as z.ZodObject).shape ?? {}).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } }))
      : [];
    (paths[p] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      'x-permission': r.permission,
      parameters: [...params, ...queryParams],
      ...(r.body && !r.multipart ? { requestBody: { content: { 'application/json': { schema: schemaOf(r.body) } } } } : {}),
      ...(r.multipart ? { requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } } } : {}),
      responses: { '200': { description: 'OK', content: r.response ? { 'application/json': { schema: schemaOf(r.response) } } : undefined }, default: { description: '错误 { error: { code, message } }' } },
    };
  }
  return { openapi: '3.1.0', info: { title: 'Luoshi 落实 API', version: '0.1.0' }, paths };
}
