// ECharts tooltips as DOM nodes whose text is set with textContent. A tooltip formatter that returns a string is
// put into the page as HTML by ECharts, so a unit name, chapter title or indicator unit such as
// `<img src=x onerror=…>` would run as script; nodes built here show it as the text it is.
// Every tooltip formatter in app/src comes from this file (test/static/noHtmlStrings.test.ts keeps it so), and no
// code in app/src builds HTML from a string.

/** One element with plain text. */
function textEl(tag: 'div' | 'span', text: string, style: Partial<CSSStyleDeclaration> = {}): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  Object.assign(el.style, style);
  return el;
}

/** A tooltip of lines of text (an item tooltip: one point of a small chart). */
export function tooltipLines(lines: string[]): HTMLElement {
  const box = document.createElement('div');
  for (const l of lines) box.appendChild(textEl('div', l, { whiteSpace: 'normal', maxWidth: '260px' }));
  return box;
}

/** What ECharts passes a formatter for one series at one axis position (the fields used here). */
export interface TooltipParam {
  dataIndex: number;
  name?: string;
  axisValueLabel?: string;
  seriesName?: string;
  value?: unknown;
  color?: unknown;
}

/**
 * The formatter of an axis tooltip: a heading (the category) and one line per series with its colour mark,
 * the series name and the value; `header` may give the full category name where the axis shows it shortened.
 */
export function axisTooltip(opts: { header?: (p: TooltipParam) => string; value?: (v: unknown) => string } = {}) {
  const valueText = opts.value ?? ((v: unknown) => (v === null || v === undefined || v === '-' ? '—' : String(v)));
  return (params: TooltipParam | TooltipParam[]): HTMLElement => {
    const list = Array.isArray(params) ? params : [params];
    const box = document.createElement('div');
    if (list.length) {
      const first = list[0];
      box.appendChild(textEl('div', opts.header ? opts.header(first) : (first.axisValueLabel ?? first.name ?? ''), { fontWeight: '600', marginBottom: '4px', maxWidth: '320px', whiteSpace: 'normal' }));
    }
    for (const p of list) {
      const row = document.createElement('div');
      row.style.display = 'flex';
      row.style.alignItems = 'center';
      row.style.gap = '6px';
      const mark = textEl('span', '', { display: 'inline-block', width: '10px', height: '10px', borderRadius: '50%', flex: 'none' });
      if (typeof p.color === 'string') mark.style.backgroundColor = p.color;
      row.append(mark, textEl('span', p.seriesName ?? ''), textEl('span', valueText(p.value), { marginLeft: 'auto', paddingLeft: '16px', fontWeight: '600' }));
      box.appendChild(row);
    }
    return box;
  };
}
