// The home pages (今日待办): one read per role, each across every plan the caller may see.
import { districtHomeSchema, officeHomeSchema, unitHomeSchema } from '../../../shared/home.js';
import { now } from '../../clock.js';
import { shanghaiToday } from '../../queries/calendar.js';
import { districtHome } from '../../queries/districtHome.js';
import { officeHome } from '../../queries/officeHome.js';
import { unitHome } from '../../queries/unitHome.js';
import { defineRoute } from '../route.js';

const today = () => shanghaiToday(now());

export const homeRoutes = [
  defineRoute({
    method: 'GET', url: '/api/home/office', permission: 'report.review', tag: 'home', summary: '规划办今日待办:待审核报告、逾期未报单位、未明确单位的任务、待复核督办、待审核导入',
    response: officeHomeSchema,
    handler: async ({ db, actor }) => officeHome(db, actor, today()),
  }),
  defineRoute({
    method: 'GET', url: '/api/home/unit', permission: 'report.submit', tag: 'home', summary: '单位今日待办:各规划本期应报进展(按工作日计截止)、配合情况、待办督办、待预审报告',
    response: unitHomeSchema,
    handler: async ({ db, actor }) => unitHome(db, actor, today()),
  }),
  defineRoute({
    method: 'GET', url: '/api/home/district', permission: 'evaluation.read', tag: 'home', summary: '全区概览:各规划、各牵头单位的状态与报送,滞后清单',
    response: districtHomeSchema,
    handler: async ({ db, actor }) => districtHome(db, actor, today()),
  }),
];
