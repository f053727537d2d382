import { z } from 'zod';
import { auditEventSchema } from '../../../shared/api.js';
import { AppError } from '../../../shared/errors.js';
import { readHistory } from '../../audit.js';
import { getVisiblePlan } from '../../queries/plans.js';
import { getVisibleTask } from '../../queries/tasks.js';
import { requirePermission, seesRegion } from '../../policy.js';
import { defineRoute } from '../route.js';
import { toAuditOut } from './tasks.js';

export const auditRoutes = [
  defineRoute({
    method: 'GET', url: '/api/audit', permission: 'audit.read', tag: 'audit', summary: '记录的修改历史',
    query: z.object({ entityType: z.string().min(1).max(30), entityId: z.string().min(1).max(30) }),
    response: z.object({ items: z.array(auditEventSchema) }),
    handler: async ({ db, actor, query }) => {
      requirePermission(actor, 'audit.read');
      // a record's history is visible to whoever may see the record itself
      if (query.entityType === 'task') await getVisibleTask(db, actor, Number(query.entityId));
      else if (query.entityType === 'plan') await getVisiblePlan(db, actor, Number(query.entityId));
      else if (!seesRegion(actor)) throw new AppError('FORBIDDEN');
      return { items: (await readHistory(db, query.entityType, query.entityId)).map(toAuditOut) };
    },
  }),
];
