import { parseText } from '../server/parser/index.js';
const spaces = ['序号  重点任务  牵头单位  责任单位  完成时限', '1  建设口袋公园  区城市管理局  区规划自然资源局  2024年底前'].join('\n');
const p = parseText(spaces);
console.log(JSON.stringify(p.tasks.map(t=>[t.title,t.lead.map(u=>u.raw),t.responsible.map(u=>u.raw),t.deadlineText]),null,0), p.outline);
