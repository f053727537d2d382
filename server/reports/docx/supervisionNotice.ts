// 督办通知: a short official notice to one unit listing overdue or lagging tasks.
import type { FileChild } from 'docx';
import { supervisionNoticeInputSchema, type SupervisionNoticeInput } from '../../../shared/reportDocs.js';
import { chineseDate, parenNumber } from './chinese.js';
import { blankLine, bodyParagraph, bodyRun, centeredParagraph, fonts, heading, run, signatureBlock, sizes, titleParagraph } from './gb.js';
import { packOfficialDocument } from './page.js';
import { AlignmentType, Paragraph } from 'docx';

export async function buildSupervisionNotice(input: SupervisionNoticeInput): Promise<Buffer> {
  const n = supervisionNoticeInputSchema.parse(input);
  const title = n.title ?? '督办通知';
  const out: FileChild[] = [
    centeredParagraph(n.noticeNumber),
    blankLine(),
    titleParagraph(title),
    blankLine(),
    // 主送机关: flush left, no indent, ends with a full-width colon
    new Paragraph({ alignment: AlignmentType.LEFT, spacing: { line: 579, lineRule: 'exact' }, children: [bodyRun(`${n.recipient}\uFF1A`)] }),
    bodyParagraph(n.intro ?? `经跟踪调度，你单位牵头的以下${n.items.length}项任务进度滞后或未按时报送，现予督办。`),
  ];
  n.items.forEach((it, i) => {
    out.push(heading(2, `${parenNumber(i + 1)}${it.task}`));
    if (it.problem) out.push(bodyParagraph([run('存在问题：', fonts.hei, sizes.san), bodyRun(it.problem)]));
    if (it.requirement) out.push(bodyParagraph([run('整改要求：', fonts.hei, sizes.san), bodyRun(it.requirement)]));
    if (it.deadline) out.push(bodyParagraph([run('完成时限：', fonts.hei, sizes.san), bodyRun(chineseDate(it.deadline))]));
  });
  out.push(bodyParagraph(`请于${chineseDate(n.responseDeadline)}前将整改落实情况书面报送${n.issuingOffice}，逾期未报的将按规定通报。`));
  if (n.contact) out.push(bodyParagraph(`联系人：${n.contact.name}；联系电话：${n.contact.phone}。`));
  out.push(blankLine(), blankLine(), ...signatureBlock(n.issuingOffice, chineseDate(n.date)));
  return packOfficialDocument(title, out);
}
