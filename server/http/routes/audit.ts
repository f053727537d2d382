import { z } from 'zod';
import { auditEventSchema } from '../../../shared/api.js';
import { readHistory } from '../../audit.js';
import { authorizeHistory } from '../../access.js';
import { defineRoute } from '../route.js';
import { idStringSchema } from '../../../shared/input.js';
import { toAuditOut } from './tasks.js';

export const auditRoutes = [
  defineRoute({
    method: 'GET', url: '/api/audit', permission: 'audit.read', tag: 'audit', summary: '记录的修改历史',
    query: z.object({ entityType: z.string().min(1).max(30), entityId: idStringSchema }),
    response: z.object({ items: z.array(auditEventSchema) }),
    handler: async ({ db, actor, query }) => {
      // a record's history is visible to whoever may see the record itself
      await authorizeHistory(db, actor, query.entityType, Number(query.entityId));
      return { items: (await readHistory(db, query.entityType, query.entityId)).map(toAuditOut) };
    },
  }),
];
