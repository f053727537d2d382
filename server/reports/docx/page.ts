// Page setup and the "— 1 —" page number shared by every official document we export.
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, type FileChild } from 'docx';
import { fonts, half, page, sizes } from './gb.js';

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { ascii: fonts.song, hAnsi: fonts.song, eastAsia: fonts.song },
            size: half(sizes.si),
          }),
        ],
      }),
    ],
  });
}

export async function packOfficialDocument(title: string, children: FileChild[]): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: '落实',
    styles: {
      default: {
        document: { run: { font: { eastAsia: fonts.body, ascii: fonts.latin, hAnsi: fonts.latin }, size: half(sizes.san) } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: page.top, bottom: page.bottom, left: page.left, right: page.right, footer: page.footer, header: page.top - 567 },
          },
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
