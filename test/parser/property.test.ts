// Whatever text arrives, parsing never throws, stays fast, and every source is inside the text.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../server/parser/index.js';
import type { ParsedPlan, Source } from '../../shared/parsedPlan.js';
import { corpusDir } from '../helpers/corpus.js';

const CORPUS = corpusDir();
const docs = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(CORPUS, f), 'utf8'));

function allSources(p: ParsedPlan): (Source | null | undefined)[] {
  return [
    ...p.outline.map((n) => n.source),
    ...p.tasks.flatMap((t) => [t.source, t.unitsSource, ...[...t.lead, ...t.responsible, ...t.cooperating].map((u) => u.source)]),
    ...p.targets.map((t) => t.source),
    ...p.indicators.map((t) => t.source),
    ...p.projects.map((t) => t.source),
    ...p.notes.map((n) => n.source),
    ...p.warnings.map((w) => w.source),
  ];
}
function sound(text: string) {
  const p = parseText(text);
  for (const s of allSources(p)) if (s) expect(s.start >= 0 && s.start <= s.end && s.end <= text.length, JSON.stringify(s)).toBe(true);
  return p;
}

// pieces that exercise every stage: markers, labels, pinyin, page counters, tables, odd widths
const TOKENS = ['一、', '(一)', '(', ')', '（', '）', '1.', '(1)', '①', '——', '第三章', '第一节', '牵头单位:', '责任单位:', '配合单位', ';', ';\n', '、', ',', '，', '。', '\n', '\n\n', '\t', '|', '  ', '区发展改革委', '各镇街', '等区级有关部门', '成员单位', '發(fā)', '(qū)', '區', '12、', '[bookmark: _Toc1]', '%o', '至U', '2025年12月底前', '8月底', '序号', '重点任务', '完成时限', '牵头', '按职责分工负责', '所有任务均需区县落实', '每月25日前报送', '\ufeff', '\r\n', '\ud83d\ude00', '\ud800', '专栏1', '表1', '*', '【', '】'];

describe('parser properties', () => {
  it('random token soup never throws and keeps sources in bounds', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 300 }), (parts) => {
        sound(parts.join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('mutated corpus text never throws and keeps sources in bounds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...docs.keys()),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.constantFrom('', '\n', '(', ')', '牵头单位:', '、', '一、', '\t', '發(fā)', ';\n')), { maxLength: 12 }),
        (i, cuts) => {
          let t = docs[i];
          for (const [at, len, ins] of cuts) {
            const p = at % (t.length + 1);
            t = t.slice(0, p) + ins + t.slice(p + len);
          }
          sound(t);
        },
      ),
      { numRuns: 40 },
    );
  });

  // Speed (and a super-linear blow-up, once 248 s) is measured by bench/parse-worst.bench.ts, never timed here
  it('parses 200 KB of real layouts into its tasks', () => {
    let big = '';
    for (let k = 0; big.length < 200_000; k++) big += docs[k % docs.length];
    big = big.slice(0, 200_000);
    const p = sound(big);
    expect(p.tasks.length).toBeGreaterThan(100);
  });
});
