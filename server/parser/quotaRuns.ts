// A figure handed down to places in one run of "place figure" pairs: a table cell "元坝镇280 白果乡15 柏林沟镇40 …"
// (real-CT ct06, under "城镇新增就业人数(人)"), a sentence "吴家镇4720株,太平8810株,坝墙子4500株,…" (real-BK bk01). Each
// pair is that place's task and its target (fixtures/real/README.md, session 18: quotas handed to named places) — how
// binding figures go down to towns. Read on the normalized lines (pinyin notes gone), so a pair is found however the
// page spelled its name.
import type { Line } from './types.js';

export interface QuotaPair {
  /** the place as read (normalized text) and where it starts */
  place: { text: string; start: number };
  value: number;
  /** the measure word after the figure, else the unit of the measure the run stands under ("(人)"), else null */
  unit: string | null;
  /** what is counted: the measure the run stands under ("城镇新增就业人数"), else null */
  measure: string | null;
  start: number;
  end: number;
  text: string;
}

// a place's name ends as a township, street, village or farm does
const PLACE_END = /(?:镇|乡|街道|街道办|街道办事处|办事处|社区|村|管委会|农场|林场|(?<![小园片景辖校厂矿库营])区|县|旗)$/;
// "吴家镇4720株", "元坝镇280", "拣银岩街道办40": a name, its figure, a short measure word
const PAIR = /^([\u4e00-\u9fa5]{2,10}?)(\d+(?:\.\d+)?)([\u4e00-\u9fa5]{1,3})?$/;
// words that open a piece of work or a record, not a place ("新建5个", "完成3000户")
const NOT_PLACE = /^(?:新建|新增|完成|建设|改造|实施|开展|推进|累计|共计|合计|总计|其中|全年|全市|全县|全区|全镇|全乡|力争|确保|达到|新开工|续建|计划|今年|明年|去年|每年|年均|约|共)|[年月日号次届期]$/;
const PROGRESS = /已完成|已建成|已开工|已落实|累计完成|截至|截止/;
// points of an assessment ("城乡管理30分"), money per head, ages: no quota of a place
const NOT_UNIT = /^(?:分|岁|周岁|元|年|月|日|号)$/;
const SEP = /[ \t\u3000,,、;;::]+/;
// the measure the run stands under, earlier on its line: "城镇新增就业人数(人) | 1300 |"
const MEASURE = /([\u4e00-\u9fa5]{2,20})[(（]([^()（）\d]{1,4})[)）][^|]*\|[^|]*\|?\s*$/;

const readPairs = new WeakMap<Line[], QuotaPair[]>();

/** The runs of four or more "place figure" pairs on each line; every pair of a run. */
export function findQuotaPairs(lines: Line[]): QuotaPair[] {
  // read once per document: the tasks stage and the targets stage both ask (callers only read the answer)
  const known = readPairs.get(lines);
  if (known) return known;
  const out: QuotaPair[] = [];
  for (const line of lines) {
    const t = line.text;
    // a cheap test first: four figures on the line at least
    if (t.length < 16 || (t.match(/\d+/g)?.length ?? 0) < 4) continue;
    // a progress line breaks down what is done, not what is due ("其中北山街道1个,…,其中3个点位已完成建设")
    if (PROGRESS.test(t)) continue;
    const segs: { text: string; start: number }[] = [];
    const re = new RegExp(SEP.source, 'g');
    let at = 0;
    for (let m = re.exec(t); ; m = re.exec(t)) {
      const end = m ? m.index : t.length;
      if (end > at) segs.push({ text: t.slice(at, end), start: at });
      if (!m) break;
      at = m.index + m[0].length;
    }
    let run: { seg: { text: string; start: number }; m: RegExpExecArray }[] = [];
    const flush = () => {
      if (run.length >= 4 && isQuotaRun(run.map((r) => r.m))) out.push(...pairsOf(line, t, run));
      run = [];
    };
    for (const seg of segs) {
      // a sentence's stop ends a run ("…东郭500株。")
      const text = seg.text.replace(/[。.]$/, '');
      const m = PAIR.exec(text);
      if (m && !NOT_PLACE.test(m[1])) run.push({ seg: { text, start: seg.start }, m });
      else flush();
      if (text !== seg.text) flush();
    }
    flush();
  }
  readPairs.set(lines, out);
  return out;
}

/** places by their endings, or one measure word shared by every pair ("太平8810株,…,高升31493株") */
function isQuotaRun(ms: RegExpExecArray[]): boolean {
  if (ms.some((m) => m[3] && NOT_UNIT.test(m[3]))) return false;
  const named = ms.filter((m) => PLACE_END.test(m[1])).length;
  if (named * 4 >= ms.length * 3 && ms.every((m) => !m[3] || m[3] === ms[0][3])) return true;
  const unit = ms[0][3];
  return !!unit && named >= 1 && ms.every((m) => m[3] === unit);
}

function pairsOf(line: Line, t: string, run: { seg: { text: string; start: number }; m: RegExpExecArray }[]): QuotaPair[] {
  const before = t.slice(0, run[0].seg.start);
  const measure = MEASURE.exec(before);
  return run.map(({ seg, m }) => ({
    place: { text: m[1], start: line.start + seg.start },
    value: Number(m[2]),
    unit: m[3] ?? measure?.[2] ?? null,
    measure: measure?.[1] ?? null,
    start: line.start + seg.start,
    end: line.start + seg.start + seg.text.length,
    text: seg.text,
  }));
}
