import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { buildSupervisionNotice, type SupervisionNoticeInput } from '../../server/reports/index.js';
import { docxParts, docxText, expectXml } from './docxHelpers.js';

const notice: SupervisionNoticeInput = {
  noticeNumber: '永规实督〔2026〕3号',
  recipient: '区规划自然资源局',
  items: [
    {
      task: '构建山清水秀生态空间',
      problem: '该任务完成时限为2024年6月，至今未报送进展。',
      requirement: '深入践行绿水青山就是金山银山“两山论”，抓紧制定推进方案。',
      deadline: '2026-12-31',
    },
    { task: '构建大协同体系', problem: '临港新区规划报批晚于计划。', requirement: null, deadline: null },
  ],
  responseDeadline: '2026-12-05',
  issuingOffice: '永川区规划实施工作领导小组办公室',
  date: '2026-11-22',
  contact: { name: '张敏', phone: '023-49812345' },
};

describe('supervision notice', () => {
  it('carries number, recipient, items, response deadline and issuing office', async () => {
    const text = await docxText(await buildSupervisionNotice(notice));
    const lines = text.split('\n').filter(Boolean);
    expect(lines[0]).toBe('永规实督〔2026〕3号');
    expect(lines[1]).toBe('督办通知');
    expect(lines[2]).toBe('区规划自然资源局：');
    expect(text).toContain('你单位牵头的以下2项任务进度滞后或未按时报送，现予督办。');
    expect(text).toContain('（一）构建山清水秀生态空间');
    expect(text).toContain('存在问题：该任务完成时限为2024年6月，至今未报送进展。');
    expect(text).toContain('整改要求：深入践行绿水青山');
    expect(text).toContain('完成时限：2026年12月31日');
    expect(text).toContain('（二）构建大协同体系');
    expect(text).toContain('请于2026年12月5日前将整改落实情况书面报送永川区规划实施工作领导小组办公室');
    expect(text).toContain('联系人：张敏；联系电话：023-49812345。');
    expect(lines.slice(-2)).toEqual(['永川区规划实施工作领导小组办公室', '2026年11月22日']);
  });

  it('uses the official page and the dash page number', async () => {
    const { document, footers } = docxParts(await buildSupervisionNotice(notice));
    expectXml(document, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expectXml(footers.join(''), /— <\/w:t>.*PAGE.* —/s);
    // 成文日期 右空四字 (4 × 16pt)
    expectXml(document, /<w:ind w:right="1280"\/><w:jc w:val="right"\/><\/w:pPr><w:r>.*?2026年11月22日/);
  });

  it('needs at least one item', async () => {
    await expect(buildSupervisionNotice({ ...notice, items: [] })).rejects.toBeInstanceOf(ZodError);
  });
});
