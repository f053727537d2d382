// A small HTML-to-text reader for saved government web pages: drops scripts, styles,
// navigation, headers, footers and forms, keeps paragraph breaks and table cells.
const DROP = /<(script|style|noscript|nav|footer|header|aside|form|select|button|iframe|svg|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK = /<\/?(p|div|br|li|ul|ol|h[1-6]|tr|table|tbody|thead|section|article|blockquote|pre|dd|dt|dl|hr|center)\b[^>]*>/gi;
const CELL = /<\/?(td|th)\b[^>]*>/gi;

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  mdash: '—', ndash: '–', hellip: '…', middot: '·', times: '×', divide: '÷', le: '≤', ge: '≥', plusmn: '±', deg: '°',
  permil: '‰', bull: '•', emsp: ' ', ensp: ' ', thinsp: ' ', copy: '©', reg: '®', yen: '¥', sup2: '²', sup3: '³',
};

export function htmlToText(html: string): string {
  let s = html.replace(/<!--[\s\S]*?-->/g, '').replace(DROP, '');
  // elements marked as navigation or footer by class/id are page furniture too
  s = s.replace(/<(div|ul|section)\b[^>]*(class|id)="[^"]*\b(nav|menu|footer|breadcrumb|crumb|share|sidebar|copyright)\b[^"]*"[^>]*>[\s\S]*?<\/\1>/gi, '');
  s = s.replace(CELL, (t) => (t.startsWith('</') ? '' : '\t')).replace(BLOCK, '\n').replace(/<[^>]+>/g, '');
  s = s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
  return s
    .split('\n')
    .map((l) => l.replace(/[ \u00a0]+$/g, '').replace(/^[ \u00a0]+(?=\S)/, (w) => (w.length > 1 ? '  ' : '')))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
