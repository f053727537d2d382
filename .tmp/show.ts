import fs from 'fs';
const p = JSON.parse(fs.readFileSync('.tmp/'+process.argv[2]+'.json','utf8'));
const n = Number(process.argv[3] ?? 10);
for (const t of p.tasks.slice(0, n)) {
  const f=(us:any[])=>us.map(u=>u.raw+(u.known?'':'?')+(u.scope!=='unit'?'['+u.scope+']':'')).join('、');
  console.log(t.id, t.outlineId, '|', t.title.slice(0,30), '| L:', f(t.lead), '| R:', f(t.responsible), '| C:', f(t.cooperating), t.deadline??'', '| text:', t.text.slice(0,40).replace(/\n/g,'⏎'));
}
for (const w of p.warnings) if (process.argv[4]) console.log(w.code, w.message);
