import fs from 'fs';
import { normalize } from '../server/parser/normalize.js';
const dir='/work/shared/corpus/';
for (const f of fs.readdirSync(dir).filter(f=>f.endsWith('.txt'))) {
  const t = fs.readFileSync(dir+f,'utf8');
  const t0=performance.now(); const d = normalize(t); const ms=performance.now()-t0;
  fs.writeFileSync('.tmp/'+f+'.norm', d.text);
  // check map sanity
  let bad=0; for (let i=1;i<d.map.length;i++) if (d.map[i]<d.map[i-1]) bad++;
  console.log(f, ms.toFixed(1)+'ms', d.text.length, t.length, 'nonmono', bad, d.paginated, d.fixes.map(x=>x.code+':'+x.message.slice(0,30)).slice(0,12));
}
