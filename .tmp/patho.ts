import { parseText } from '../server/parser/index.js';
const cases: Record<string,string> = {
  oneLine: '(牵头单位:区发展改革委;责任单位:区财政局)推进工作。'.repeat(8000),
  shortLines: '强化规划引领\n'.repeat(20000),
  parens: '('.repeat(100000) + ')'.repeat(100000),
  labels: '牵头单位:'.repeat(40000),
  markers: '(一)\n1.\n'.repeat(30000),
  semis: ';\n'.repeat(100000),
  tableCells: '序号\n重点任务\n牵头单位\n责任单位\n'.repeat(10000),
  pinyin: '發(fā)'.repeat(40000),
};
for (const [k,v] of Object.entries(cases)) { const t0=performance.now(); const p=parseText(v.slice(0,200000)); console.log(k, v.length, (performance.now()-t0).toFixed(0)+'ms', p.tasks.length, p.warnings.length); }
