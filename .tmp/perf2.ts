import fs from 'fs';
import { normalize } from '../server/parser/normalize.js';
const t = fs.readFileSync('/work/shared/corpus/004_daddf72c7a72a405.txt','utf8');
for (let i=0;i<5;i++){ const t0=performance.now(); normalize(t); console.log('norm', (performance.now()-t0).toFixed(0)); }
