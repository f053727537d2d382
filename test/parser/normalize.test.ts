import { describe, expect, it } from 'vitest';
import { normalize } from '../../server/parser/normalize.js';
import { applyEdits, identity } from '../../server/parser/edits.js';

/** Every normalized char maps into the original, monotonically, ending at its length. */
function mapHolds(original: string) {
  const d = normalize(original);
  expect(d.map.length).toBe(d.text.length + 1);
  expect(d.map[d.text.length]).toBe(original.length);
  for (let i = 1; i < d.map.length; i++) expect(d.map[i]).toBeGreaterThanOrEqual(d.map[i - 1]);
  return d;
}

describe('normalize', () => {
  it('folds full-width punctuation to ASCII and keeps Chinese 、。“”', () => {
    const d = mapHolds('（一）目标：达到５０％；“十四五”、完成。');
    expect(d.text).toBe('(一)目标:达到50%;“十四五”、完成。');
    expect(d.toSource(4, 10)).toEqual({ start: 4, end: 10 });
  });

  it('converts traditional to simplified with a 1:1 map and drops inline pinyin only', () => {
    const orig = '重慶市人民政府印發(fā)《實施方案》,職業院校(含技工院校)(責(zé)任單(dān)位:市教委)';
    const d = mapHolds(orig);
    expect(d.text).toBe('重庆市人民政府印发《实施方案》,职业院校(含技工院校)(责任单位:市教委)');
    const i = d.text.indexOf('市教委');
    expect(orig.slice(d.toSource(i, i + 3).start, d.toSource(i, i + 3).end)).toBe('市教委');
    const j = d.text.indexOf('责任单位');
    expect(orig.slice(d.toSource(j, j + 4).start, d.toSource(j, j + 4).end)).toBe('責(zé)任單(dān)位');
  });

  it('leaves simplified text alone', () => {
    const s = '显著提升城市品质,着力推进更新。'.repeat(20);
    expect(normalize(s).text).toBe(s);
  });

  it('strips page counters of a paginated dump but not real numbered items', () => {
    // pages break mid-sentence: "…并\n2、且…"
    const pages = Array.from({ length: 8 }, (_, i) => `${i + 1}、且第${i + 1}页文字。(1)加强管理,推进工作并`).join('\n');
    const d = mapHolds(pages);
    expect(d.paginated).toBe(true);
    expect(d.text.startsWith('且第1页文字。\n(1)加强管理,推进工作并且第2页文字。')).toBe(true);
    const list = '一、任务\n1、加强领导。\n2、完善机制。\n正文一段。\n另一段。\n再一段。\n又一段。';
    expect(normalize(list).paginated).toBe(false);
    expect(normalize(list).text).toBe(list);
  });

  it('removes Word bookmark tags and web page furniture', () => {
    const web = ['当前位置:首页 > 范文 > 公文', '2024XX区行动计划(全文)', '时间:2023-12-29 来源:网友投稿', 'XX区行动计划', '正文。', '版权所有:某网站 2015-2024', '备案号:冀ICP备15026071号'].join('\n');
    const d = mapHolds(web);
    expect(d.text.trim()).toBe('XX区行动计划\n正文。');
    expect(d.fixes.some((f) => f.code === 'NORMALIZED_WEB_JUNK')).toBe(true);
    const w = mapHolds('[bookmark: _Toc123]第一章  总则[bookmark: _GoBack]');
    expect(w.text).toBe('第一章  总则');
    expect(w.toSource(0, 3)).toEqual({ start: 19, end: 22 });
  });

  it('fixes known OCR slips and reports each', () => {
    const d = mapHolds('达到38%o一城市消防站达至U0.56个,J办同建设,推动J11渝合作。L加强管理');
    expect(d.text).toBe('达到38%。一城市消防站达到0.56个,协同建设,推动川渝合作。加强管理');
    expect(d.fixes.filter((f) => f.code === 'OCR_FIXED').length).toBe(5);
  });

  it('joins a clause broken after ";" unless a new item starts', () => {
    const d = mapHolds('(牵头单位:区委宣传部;\n责任单位:区交通局)\n1.任务;\n2.任务');
    expect(d.text).toBe('(牵头单位:区委宣传部;责任单位:区交通局)\n1.任务;\n2.任务');
    expect(d.lines.length).toBe(3);
  });

  it('edits compose: a length-changing replacement keeps offsets monotonic', () => {
    const a = applyEdits(identity('abcdef'), [{ start: 1, end: 3, text: 'X' }, { start: 4, end: 4, text: '--' }]);
    expect(a.text).toBe('aXd--ef');
    expect(Array.from(a.map)).toEqual([0, 1, 3, 4, 4, 4, 5, 6]);
  });
});

describe('normalize: numbered lists are not pages', () => {
  it('keeps a one-task-per-line list numbered 1、2、3、…', () => {
    const list = Array.from({ length: 12 }, (_, i) => `${i + 1}、推进第${i + 1}项工作。(牵头单位:区发展改革委)`).join('\n');
    const d = normalize(list);
    expect(d.paginated).toBe(false);
    expect(d.text).toBe(list);
  });
});

describe('normalize: a page spaced by blank lines and indented with no-break spaces', () => {
  it('closes the blank lines as it does when the indent is plain spaces', () => {
    const lines = ['一是压实工作责任', '各地教育行政部门要明确职责分工。', '二是强化宣传教育', '学校要在放学前进行安全提醒。'];
    const spaced = (indent: string) => lines.map((l) => indent + l).join('\n\n');
    const plain = normalize(spaced('      ')).text;
    expect(normalize(spaced('\u00a0'.repeat(6))).text).toBe(plain);
    expect(plain.split('\n').filter((l) => !l.trim())).toHaveLength(0);
  });
});

describe('"举报电话" in a sentence near the page\'s head (real-DK dk02)', () => {
  it('is no footer: only a line giving the number is', () => {
    expect(normalize('市公安局要于11月8日前向社会公布举报电话,受理举报。\n正文').text).toContain('公布举报电话');
    expect(normalize('正文\n举报电话:023-12345678').text).not.toContain('12345678');
  });
});
