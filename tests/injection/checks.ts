/**
 * What a reader of each format SEES, as plain text: Markdown is rendered (as GitHub would, inline
 * HTML allowed), HTML/SVG/XML lose their tags and entities, JSON gives its strings, GitHub workflow
 * commands are decoded, PDF and DOCX are unpacked. A payload shown as text survives this intact; a
 * payload that became structure (bold, a link, a tag, a new annotation, a Mermaid node) does not.
 *
 * Adding a format = one line in FILE_CHECKS (generated files, by extension) or FORMAT_CHECKS
 * (diagnostic formats).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { FormatName } from '../../src/diagnostics/format/index.js';
import { CLOSE } from './payloads.js';
import type { PlantedField } from './hostile-model.js';

export type Visible = (contents: Uint8Array) => string;

const utf8 = (b: Uint8Array): string => new TextDecoder('utf-8').decode(b);

export function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(lt|gt|quot|apos|nbsp|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', amp: '&' })[e] as string);
}

/** Structure a reader never wants from data: script, event handlers, javascript: links. */
export function unsafeHtml(html: string): string[] {
  const found: string[] = [];
  if (/<script\b/i.test(html)) found.push('<script>');
  if (/<(iframe|object|embed)\b/i.test(html)) found.push('embedded object');
  if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) found.push('event handler attribute');
  if (/(href|src|xlink:href|action)\s*=\s*["']?\s*javascript:/i.test(html)) found.push('javascript: URL');
  return found;
}

export function markupText(markup: string): string {
  const cdata: string[] = [];
  const noCdata = markup.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, c: string) => `\u0001${cdata.push(c) - 1}\u0001`);
  const stripped = noCdata.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ' ');
  return decodeEntities(stripped).replace(/\u0001(\d+)\u0001/g, (_, i: string) => cdata[Number(i)] as string);
}

const md = new MarkdownIt({ html: true, linkify: true });

export const markdownText: Visible = (b) => {
  const html = md.render(utf8(b));
  const bad = unsafeHtml(html);
  if (bad.length) throw new Error(`Markdown renders to unsafe HTML: ${bad.join(', ')}`);
  return markupText(html);
};

export const htmlText: Visible = (b) => {
  const html = utf8(b);
  const bad = unsafeHtml(html);
  if (bad.length) throw new Error(`unsafe HTML: ${bad.join(', ')}`);
  return markupText(html);
};

export const xmlText: Visible = (b) => markupText(utf8(b));

function strings(value: unknown, out: string[], key = ''): string[] {
  // A URI (SARIF artifactLocation.uri) is shown decoded by every viewer.
  if (typeof value === 'string') out.push(key === 'uri' ? decodeURIComponent(value) : value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out, k);
    }
  }
  return out;
}

export const jsonText: Visible = (b) => strings(JSON.parse(utf8(b)), []).join('\n');

export const plainText: Visible = (b) => utf8(b);

/** GitHub workflow commands: every line must BE a command; data and properties are decoded. */
export const githubText: Visible = (b) => {
  const out: string[] = [];
  for (const line of utf8(b).split('\n')) {
    if (line === '') continue;
    const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
    if (!m) throw new Error(`not a workflow command: ${JSON.stringify(line.slice(0, 80))}`);
    const props = (m[2] as string).split(',').map((p) => p.replace(/%2C/g, ',').replace(/%3A/g, ':'));
    const data = m[3] as string;
    out.push(...props, data);
  }
  return out.map((s) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')).join('\n');
};

/** Mermaid source: what is shown is the text of quoted labels, with Mermaid's #entity; escapes. */
export const mermaidText: Visible = (b) => {
  const src = utf8(b);
  const labels = [...src.matchAll(/"([^"\n]*)"/g)].map((m) => m[1] as string);
  for (const l of labels) {
    if (/<(?!br\s*\/?>)|(?<!<br\s*\/?)>/.test(l)) throw new Error(`unescaped < or > in a Mermaid label: ${JSON.stringify(l.slice(0, 60))}`);
  }
  return labels
    .map((l) => l.replace(/<br\s*\/?>/g, '\n').replace(/#(quot|lt|gt|amp|35|59);/g, (_, e: string) => ({ quot: '"', lt: '<', gt: '>', amp: '&', '35': '#', '59': ';' })[e] as string))
    .join('\n');
};

function withTempFile<T>(b: Uint8Array, ext: string, fn: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'kientruc-inj-'));
  try {
    const path = join(dir, `f${ext}`);
    writeFileSync(path, b);
    return fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const pdfText: Visible = (b) => withTempFile(b, '.pdf', (p) => execFileSync('pdftotext', ['-enc', 'UTF-8', p, '-'], { encoding: 'utf8' }));

export const docxText: Visible = (b) =>
  withTempFile(b, '.docx', (p) => {
    const xml = execFileSync('unzip', ['-p', p, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    return markupText(xml);
  });

/** Generated files by extension. `undefined`: the format holds no extractable text (pixels). */
export const FILE_CHECKS: readonly { readonly ext: string; readonly visible: Visible | undefined }[] = [
  { ext: '.md', visible: markdownText },
  { ext: '.html', visible: htmlText },
  { ext: '.json', visible: jsonText },
  { ext: '.mmd', visible: mermaidText },
  { ext: '.svg', visible: htmlText },
  { ext: '.xml', visible: xmlText },
  { ext: '.pdf', visible: pdfText },
  { ext: '.docx', visible: docxText },
  { ext: '.txt', visible: plainText },
  { ext: '.png', visible: undefined },
];

/** Diagnostic formats of check/validate. */
export const FORMAT_CHECKS: Readonly<Record<FormatName, Visible>> = {
  stylish: plainText,
  json: jsonText,
  sarif: jsonText,
  junit: xmlText,
  github: githubText,
};

/** What a comparison ignores: layout (whitespace, line wrapping) and control characters. */
export function normalize(s: string): string {
  return s.normalize('NFC').replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, '');
}

/**
 * Every marker in `visible` must be followed by its payload, character for character, then the
 * closing marker; or by a prefix of it ending in an ellipsis (a label shortened on purpose).
 */
export function checkFidelity(visible: string, planted: ReadonlyMap<number, PlantedField>): { checked: number; problems: string[] } {
  const text = normalize(visible);
  const problems: string[] = [];
  let checked = 0;
  for (const m of text.matchAll(/XQ(\d+)QX/g)) {
    const n = Number(m[1]);
    const field = planted.get(n);
    if (!field) continue;
    checked++;
    const expected = normalize(field.text) + CLOSE;
    const rest = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + expected.length + 8);
    if (rest.startsWith(expected)) continue;
    let common = 0;
    while (common < expected.length && rest[common] === expected[common]) common++;
    const after = rest.slice(common);
    if (after.startsWith('…') || after.startsWith('...')) continue;
    problems.push(`${field.kind}.${field.path} (#${n}): expected ${JSON.stringify(expected.slice(common, common + 30))}, saw ${JSON.stringify(after.slice(0, 30))} after ${JSON.stringify(expected.slice(0, common).slice(-20))}`);
  }
  return { checked, problems };
}
