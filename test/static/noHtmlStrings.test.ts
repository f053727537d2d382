// No HTML is built from strings in the web app (issue #10, stored XSS): no innerHTML and friends, no
// dangerouslySetInnerHTML, no javascript: links, and every ECharts tooltip/label formatter comes from
// app/src/chartTooltip.ts, which returns DOM nodes with textContent (ECharts puts a formatter's string into the
// page as HTML). The browser journey test/browser/xss.test.ts checks the same with hostile data on every page.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../app/src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [path.join(dir, e.name)] : []));
const sources = files(root).map((f) => ({ rel: path.relative(root, f).split(path.sep).join('/'), src: readFileSync(f, 'utf8') }));

const forbidden: [string, RegExp][] = [
  ['innerHTML / outerHTML', /\.(inner|outer)HTML\b/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['createContextualFragment / DOMParser', /createContextualFragment|DOMParser/],
  ['srcdoc', /srcdoc/i],
  ['javascript: URL', /javascript:/i],
  ['eval / new Function', /\beval\(|new Function\(/],
];

describe('no HTML strings in the web app', () => {
  it('has enough sources to check', () => expect(sources.length).toBeGreaterThan(50));

  for (const [what, re] of forbidden) {
    it(`no ${what}`, () => {
      expect(sources.filter((s) => re.test(s.src)).map((s) => s.rel)).toEqual([]);
    });
  }

  it('every ECharts formatter is a DOM-building one from chartTooltip.ts', () => {
    const bad: string[] = [];
    for (const { rel, src } of sources) {
      if (rel === 'chartTooltip.ts') continue;
      // a string template ('{b}: {c}') or a function returning a string is HTML to ECharts: only the helpers pass
      for (const m of src.matchAll(/formatter\s*:\s*(.*)/g)) {
        if (!/^(\([^)]*\)\s*=>\s*)?(tooltipLines|axisTooltip)\(/.test(m[1].trim())) bad.push(`${rel}: ${m[0].slice(0, 80)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('chartTooltip.ts sets text only through textContent', () => {
    const src = sources.find((s) => s.rel === 'chartTooltip.ts')!.src;
    expect(src).toContain('textContent');
    expect(src).not.toMatch(/innerHTML|outerHTML|insertAdjacent|innerText\s*=/);
  });
});
