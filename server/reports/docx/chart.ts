// A rendered chart as a centred docx picture: SVG for Word 2016+, PNG for everything else.
import { AlignmentType, ImageRun, Paragraph } from 'docx';
import type { RenderedChart } from '../charts/render.js';

/** ~150 mm, just inside the 156 mm type area; docx sizes pictures in 96-dpi pixels */
const displayWidth = 566;

export function chartParagraph(chart: RenderedChart, altText: string): Paragraph {
  const height = Math.round((displayWidth * chart.height) / chart.width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true, // stays with its 图N caption
    children: [
      new ImageRun({
        type: 'svg',
        data: chart.svg,
        fallback: { type: 'png', data: chart.png },
        transformation: { width: displayWidth, height },
        altText: { name: altText, description: altText, title: altText },
      }),
    ],
  });
}
