import fs from 'fs';
import { parseText } from '../server/parser/index.js';
import { normalize } from '../server/parser/normalize.js';
import { parseOutline } from '../server/parser/outline.js';
import { extractTasks } from '../server/parser/tasks.js';
import { extractIndicators } from '../server/parser/indicators.js';
import { extractTargets } from '../server/parser/targets.js';
import { extractProjects } from '../server/parser/projects.js';
import { defaultRegistry } from '../server/parser/registry.js';
const t = fs.readFileSync('/work/shared/corpus/'+(process.argv[2]??'004_daddf72c7a72a405.txt'),'utf8');
for (let i=0;i<3;i++){ const t0=performance.now(); parseText(t); console.log('total', (performance.now()-t0).toFixed(0)); }
const tm=(l:string,f:()=>any)=>{const t0=performance.now(); const r=f(); console.log(l,(performance.now()-t0).toFixed(1)); return r;};
const doc = tm('normalize',()=>normalize(t));
const ctx:any={doc,registry:defaultRegistry(),warnings:[],region:'永川区'};
const o = tm('outline',()=>parseOutline(ctx));
tm('tasks',()=>extractTasks(ctx,o));
tm('indicators',()=>extractIndicators(ctx));
tm('targets',()=>extractTargets(ctx,o));
tm('projects',()=>extractProjects(ctx,o));
