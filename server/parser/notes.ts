// extractNotes: rules a plan states once for all its tasks — every task cascades to
// every district, how and when lead units report, how the plan is evaluated.
import type { ParsedPlan } from '../../shared/parsedPlan.js';
import type { ParseContext } from './types.js';

type Note = ParsedPlan['notes'][number];

const RULES: { code: string; re: RegExp; sentence: boolean }[] = [
  // "所有任务均需区县落实、不再列出"
  { code: 'CASCADE_ALL_DISTRICTS', re: /(所有|各项|全部|以上|上述|本方案)[^。;()\n]{0,12}任务[^。;()\n]{0,10}区县[^。;()\n]{0,16}(落实|负责|实施)[^。;()\n]{0,12}/g, sentence: false },
  { code: 'CASCADE_ALL_TOWNS', re: /(所有|各项|全部|以上|上述|本方案)[^。;()\n]{0,12}任务[^。;()\n]{0,10}(镇街|镇\(街道\)|街镇|乡镇)[^。;()\n]{0,16}(落实|负责|实施)[^。;()\n]{0,12}/g, sentence: false },
  // "各牵头单位每月25日前向…报送工作进展情况"
  { code: 'REPORTING_RULE', re: /每(月|季度|季|半年|年|周)[^。\n]{0,12}?(\d{1,2}日|底|末|初|结束后[^。\n]{0,6})(前|以前|之前)?[^。\n]{0,60}?(报送|上报|报告|提交)/g, sentence: true },
  { code: 'EVALUATION_RULE', re: /(中期评估|总结评估|终期评估|年度监测|实施评估)/g, sentence: true },
];

export function extractNotes(ctx: ParseContext): Note[] {
  const text = ctx.doc.text;
  const out: Note[] = [];
  const seen = new Set<string>();
  for (const { code, re, sentence } of RULES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const [s, e] = sentence ? sentenceAround(text, m.index, m.index + m[0].length) : [m.index, m.index + m[0].length];
      const key = `${code}:${s}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ code, text: text.slice(s, e).trim(), source: ctx.doc.toSource(s, e) });
      if (sentence) re.lastIndex = Math.max(re.lastIndex, e);
    }
  }
  return out.sort((a, b) => a.source.start - b.source.start);
}

/** The sentence holding [s,e): back to 。;\n or a closing note, on to the next 。 or line end. */
function sentenceAround(text: string, s: number, e: number): [number, number] {
  let a = s;
  while (a > 0 && a > s - 120 && !/[。;\n)]/.test(text[a - 1])) a--;
  let b = e;
  while (b < text.length && b < e + 200 && !/[。\n]/.test(text[b])) b++;
  if (text[b] === '。') b++;
  return [a, b];
}
