// Deadlines as written ("2025年12月底前", "8月底", "6月下旬", "2024年上半年") → "YYYY-MM[-DD]".
// A month without a year takes the year from the context (table title, plan year) or stays null.

const PERIOD_END: Record<string, number> = { 上半年: 6, 下半年: 12, 一季度: 3, 二季度: 6, 三季度: 9, 四季度: 12, 第一季度: 3, 第二季度: 6, 第三季度: 9, 第四季度: 12 };
const CN_MONTH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

export interface Deadline {
  deadline: string | null;
  text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Finds the first deadline expression in `text`; null when there is none. */
export function parseDeadline(text: string, contextYear: number | null = null): Deadline | null {
  // "2023.06-2025.12" (开竣工时间): the work is due when it ends; a lone "2025.12" is that month
  const dotted = /^\s*(?:(20\d{2})[./](\d{1,2})\s*[-—–~至]\s*)?(20\d{2})[./](\d{1,2})\s*$/.exec(text);
  if (dotted && Number(dotted[4]) >= 1 && Number(dotted[4]) <= 12) return { deadline: `${dotted[3]}-${pad(Number(dotted[4]))}`, text: text.trim() };
  // "1月—12月", "2023年3月至6月" (计划开展时间): the work runs to the span's last month, as "1—12月" reads already
  const span = /(?:(\d{4})年)?(\d{1,2})月(?:\d{1,2}日)?\s*[-—–~至到]\s*(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日|(底|末|上旬|中旬|下旬))?(?:前|以前|之前)?/.exec(text);
  if (span && Number(span[4]) >= 1 && Number(span[4]) <= 12 && (span[3] || Number(span[2]) <= Number(span[4]))) {
    const year = span[3] ? Number(span[3]) : span[1] ? Number(span[1]) : contextYear;
    const day = span[5] ? Number(span[5]) : null;
    return { deadline: year ? `${year}-${pad(Number(span[4]))}${day && day <= 31 ? `-${pad(day)}` : ''}` : null, text: span[0] };
  }
  const m =
    /(?:(\d{4})年)?(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\d{1,2})日|(底|末|上旬|中旬|下旬|初|中))?(?:前|以前|之前)?/.exec(text) ??
    null;
  const yearOnly = /(\d{4})年(上半年|下半年|(?:第)?[一二三四]季度|底|末|年底|年末|内)?(?:前|以前|之前)?/.exec(text);
  if (m && (m[1] || !yearOnly || m.index <= yearOnly.index)) {
    const month = /^\d+$/.test(m[2]) ? Number(m[2]) : CN_MONTH[m[2]];
    if (!month || month > 12) return null;
    const year = m[1] ? Number(m[1]) : contextYear;
    const day = m[3] ? Number(m[3]) : null;
    const deadline = year ? `${year}-${pad(month)}${day && day <= 31 ? `-${pad(day)}` : ''}` : null;
    return { deadline, text: m[0] };
  }
  if (yearOnly) {
    const year = Number(yearOnly[1]);
    const part = yearOnly[2] ?? '';
    const month = PERIOD_END[part.replace(/^第/, '第')] ?? PERIOD_END[part] ?? 12;
    return { deadline: `${year}-${pad(month)}`, text: yearOnly[0] };
  }
  // "年底前全部完工", "年内完成": the end of the context year
  const yearEnd = /(?:今年|本年|当年)?(?:年底|年末|年内)(?:前|以前|之前)?/.exec(text);
  if (yearEnd && contextYear && !/每年|逐年/.test(text)) return { deadline: `${contextYear}-12`, text: yearEnd[0] };
  if (/长期|持续|常态|每年|逐年|按年度/.test(text)) return { deadline: null, text: text.trim() };
  return null;
}

/** The year a document is about when it names exactly one ("2022年…工作方案"). */
export function contextYearOf(title: string): number | null {
  if (/20\d{2}\s*[-—–~至到]\s*20\d{2}/.test(title)) return null; // a period, not one year
  const years = [...new Set([...title.matchAll(/(20\d{2})年/g)].map((m) => Number(m[1])))];
  return years.length === 1 ? years[0] : null;
}

/** The year a document was issued: a date line of its own ("2024年4月10日") or its 文号 ("〔2024〕33号"). */
export function issueYear(text: string): number | null {
  const head = text.slice(0, 3000);
  const date = /^[ \t]*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?[ \t]*$/m.exec(head) ?? /^[ \t]*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?[ \t]*$/m.exec(text.slice(-1500));
  if (date) return Number(date[1]);
  // "德州市人民政府办公室      2024年7月12日": the issuer and the date on one line of the head
  const signed = /^[^\n。,;:]{2,40}[ \t\u3000]{2,}((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[ \t]*$/m.exec(head.slice(0, 600));
  if (signed) return Number(signed[1]);
  const no = /[〔[(]((?:19|20)\d{2})[〕\])]\s*(?:\d{1,4}\s*号|第\s*\d{1,4}\s*期)/.exec(head);
  if (no) return Number(no[1]);
  // a web page's own metadata: "发布时间:2022-06-16 11:27", "发布日期:2024年3月5日"
  const posted = /(?:发布|发文|成文|印发)(?:时间|日期)\s*[:]\s*((?:19|20)\d{2})\s*[-年/.]/.exec(head.slice(0, 1500));
  return posted ? Number(posted[1]) : null;
}
