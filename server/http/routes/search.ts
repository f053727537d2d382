// The top bar's search across plans (title and full text), tasks, units and indicators the caller may see.
import { searchOutSchema, searchQuerySchema } from '../../../shared/search.js';
import { search } from '../../queries/search.js';
import { defineRoute } from '../route.js';

export const searchRoutes = [
  defineRoute({
    method: 'GET', url: '/api/search', permission: 'plan.read', tag: 'search', summary: '全局检索:规划(标题与全文)、任务、单位、指标,按类分组,只含可见的记录',
    query: searchQuerySchema,
    response: searchOutSchema,
    handler: async ({ db, actor, query }) => search(db, actor, query.q, query.limit),
  }),
];
