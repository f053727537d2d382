import fs from 'fs';
import { parseText } from '../server/parser/index.js';
const dir='/work/shared/corpus/';
const files = process.argv[2] ? [process.argv[2]] : fs.readdirSync(dir).filter(f=>f.endsWith('.txt'));
for (const f of files) {
  const t = fs.readFileSync(dir+f,'utf8');
  const t0=performance.now(); const p = parseText(t); const ms=performance.now()-t0;
  const um = p.tasks.reduce((a,t)=>a+t.lead.length+t.responsible.length+t.cooperating.length,0);
  const wc: Record<string,number> = {}; for (const w of p.warnings) wc[w.code]=(wc[w.code]??0)+1;
  console.log(f, ms.toFixed(0)+'ms', JSON.stringify(p.meta), 'outline', p.outline.length, 'tasks', p.tasks.length, 'units', um, 'notes', p.notes.map(n=>n.code), wc);
  fs.writeFileSync('.tmp/'+f+'.json', JSON.stringify({...p, text: undefined}, null, 1));
}
