// Every route of the API, in one table: registration, OpenAPI and the permission test read it.
import type { RouteDef } from '../route.js';
import { authRoutes } from './auth.js';
import { unitRoutes } from './units.js';
import { planRoutes } from './plans.js';
import { publishingRoutes } from './publishing.js';
import { taskRoutes } from './tasks.js';
import { importRoutes } from './imports.js';
import { auditRoutes } from './audit.js';
import { userRoutes } from './users.js';
import { reportingRoutes } from './reporting.js';
import { supervisionRoutes } from './supervision.js';
import { evaluationRoutes } from './evaluation.js';
import { exportRoutes } from './exports.js';
import { dashboardRoutes } from './dashboards.js';
import { publicRoutes } from './public.js';
import { homeRoutes } from './home.js';
import { takeUpRoutes } from './takeUp.js';
import { sameWorkRoutes } from './sameWork.js';
import { bulkRoutes } from './bulk.js';
import { checkupRoutes } from './checkups.js';
import { projectRoutes } from './projects.js';
import { searchRoutes } from './search.js';

export const allRoutes: RouteDef[] = [...authRoutes, ...unitRoutes, ...planRoutes, ...publishingRoutes, ...taskRoutes, ...importRoutes, ...auditRoutes, ...userRoutes, ...reportingRoutes, ...supervisionRoutes, ...evaluationRoutes, ...exportRoutes, ...dashboardRoutes, ...publicRoutes, ...homeRoutes, ...takeUpRoutes, ...sameWorkRoutes, ...projectRoutes, ...checkupRoutes, ...bulkRoutes, ...searchRoutes] as RouteDef[];
