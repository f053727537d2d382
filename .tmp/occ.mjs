import * as OpenCC from 'opencc-js/t2cn';
import fs from 'fs';
const c = OpenCC.Converter({from:'tw',to:'cn'});
const c2 = OpenCC.Converter({from:'hk',to:'cn'});
for (const f of ['000_72a228d2becc53a7.txt','004_daddf72c7a72a405.txt','002_a8cf94ceb730f871.txt','001_d9c31fc2ce3966eb.txt']) {
  const t = fs.readFileSync('/work/shared/corpus/'+f,'utf8');
  let t0=Date.now(); const o = c(t); const ms=Date.now()-t0;
  let diff=0, ex=new Map();
  if (o.length!==t.length) console.log('LEN DIFF', f, o.length, t.length);
  for (let i=0;i<Math.min(o.length,t.length);i++) if (o[i]!==t[i]) {diff++; const k=t[i]+'>'+o[i]; ex.set(k,(ex.get(k)||0)+1);}
  console.log(f, ms+'ms', diff, [...ex].slice(0,30).join(' '));
}
console.log(c('顯著 著名 乾坤 發展 後來 隻 瞭解 甚麼 於是 餘 藉'), c2('乾淨'));
