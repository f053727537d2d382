import mammoth from 'mammoth';
import { expect } from 'vitest';
import { unzip } from './zip.js';

export async function docxText(buf: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: buf })).value;
}

export function docxParts(buf: Buffer) {
  const files = unzip(buf);
  const get = (n: string) => files.get(n)?.toString('utf8') ?? '';
  const footers = [...files.keys()].filter((k) => /^word\/footer\d*\.xml$/.test(k)).map(get);
  const media = [...files.keys()].filter((k) => k.startsWith('word/media/'));
  return { document: get('word/document.xml'), footers, media, files };
}

/** A pattern check on document XML that reports the pattern, not the whole XML, when it fails. */
export function expectXml(xml: string, re: RegExp): void {
  expect(re.test(xml), `XML does not match ${re}`).toBe(true);
}
