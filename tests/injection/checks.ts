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
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { FormatName } from '../../src/diagnostics/format/index.js';
import { CLOSE } from './payloads.js';
import type { PlantedField } from './hostile-model.js';
import { makeTempDir } from '../helpers/tmp.js';

export type Visible = (contents: Uint8Array) => string;

const utf8 = (b: Uint8Array): string => new TextDecoder('utf-8').decode(b);

export function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(lt|gt|quot|apos|nbsp|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', amp: '&' })[e] as string);
}

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s=>"'/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
const ATTR = /\s([^\s=>"'/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;

/**
 * Structure a reader never wants from data: script, embedded objects, event handlers, javascript:
 * links. Tags and attributes are parsed, so an escaped payload inside an attribute value (a search
 * index in `data-q="…onerror=…"`) is text, not an attribute. `ownScripts`: how many `<script>`
 * elements the renderer itself writes (the catalogue site's search).
 */
export function unsafeHtml(html: string, ownScripts = 0): string[] {
  const found = new Set<string>();
  let scripts = 0;
  for (const tag of html.matchAll(TAG)) {
    const name = (tag[1] as string).toLowerCase();
    if (name === 'script') scripts++;
    if (name === 'iframe' || name === 'object' || name === 'embed') found.add('embedded object');
    for (const attr of (tag[2] ?? '').matchAll(ATTR)) {
      const key = (attr[1] as string).toLowerCase();
      const value = decodeEntities((attr[2] ?? '').replace(/^["']|["']$/g, '')).trim();
      if (/^on[a-z]+$/.test(key)) found.add('event handler attribute');
      if (/^(href|src|xlink:href|action|formaction)$/.test(key) && /^javascript:/i.test(value)) found.add('javascript: URL');
    }
  }
  if (scripts > ownScripts) found.add('<script>');
  return [...found];
}

export function markupText(markup: string): string {
  const cdata: string[] = [];
  const noCdata = markup.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, c: string) => `\u0001${cdata.push(c) - 1}\u0001`);
  const stripped = noCdata.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ' ');
  return decodeEntities(stripped).replace(/\u0001(\d+)\u0001/g, (_, i: string) => cdata[Number(i)] as string);
}

const md = new MarkdownIt({ html: true, linkify: true });

/** Mermaid source shown as such (a ```mermaid block, a <pre> in a page built without a browser) is read as its labels. */
const MERMAID_START = /^\s*(---\n[\s\S]*?\n---\n)?(%%\{.*\}%%\s*)?(flowchart|graph|gantt|xychart-beta|pie|quadrantChart|block-beta|sequenceDiagram|classDiagram)\b/;

export const markdownText: Visible = (b) => {
  const fences: string[] = [];
  const src = utf8(b).replace(/^```mermaid\n([\s\S]*?)^```$/gm, (_, body: string) => {
    fences.push(body);
    return '';
  });
  const html = md.render(src);
  const bad = unsafeHtml(html);
  if (bad.length) throw new Error(`Markdown renders to unsafe HTML: ${bad.join(', ')}`);
  return [markupText(html), ...fences.map((f) => mermaidText(new TextEncoder().encode(f)))].join('\n');
};

/** Page text, with <pre> blocks of Mermaid source read as Mermaid labels. */
function pageText(html: string): string {
  const sources: string[] = [];
  const rest = html.replace(/<pre>([\s\S]*?)<\/pre>/g, (whole, body: string) => {
    const code = decodeEntities(body);
    if (!MERMAID_START.test(code)) return whole;
    sources.push(code);
    return '';
  });
  return [markupText(rest), ...sources.map((c) => mermaidText(new TextEncoder().encode(c)))].join('\n');
}

export const htmlText: Visible = (b) => {
  const html = utf8(b);
  const bad = unsafeHtml(html);
  if (bad.length) throw new Error(`unsafe HTML: ${bad.join(', ')}`);
  return pageText(html);
};

/** The catalogue site: HTML with exactly one script of its own (search and filters), holding no data. */
export const siteText: Visible = (b) => {
  const html = utf8(b);
  const bad = unsafeHtml(html, 1);
  if (bad.length) throw new Error(`unsafe HTML: ${bad.join(', ')}`);
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  if (/XQ\d+QX/.test(script)) throw new Error('data reached the site script');
  return pageText(html.replace(/<script>[\s\S]*?<\/script>/, ''));
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
  const dir = makeTempDir('inj-');
  try {
    const path = join(dir, `f${ext}`);
    writeFileSync(path, b);
    return fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** PDF text in content-stream order; the page number printed at the top of pages 2… is not part of the text. */
export const pdfText: Visible = (b) =>
  withTempFile(b, '.pdf', (p) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', p, '-'], { encoding: 'utf8' })).replace(/\f\d+\n/g, '\n');

export const docxText: Visible = (b) =>
  withTempFile(b, '.docx', (p) => {
    const xml = execFileSync('unzip', ['-p', p, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    return markupText(xml);
  });

/**
 * Generated files by extension (or, first, by path). `undefined`: the format holds no extractable
 * text (pixels). PDF text is read in content-stream order (`-raw`), as a screen reader or a copy does,
 * so two columns of the header block do not interleave.
 */
export const FILE_CHECKS: readonly { readonly ext: string; readonly path?: string; readonly visible: Visible | undefined }[] = [
  { ext: '.html', path: 'site/index.html', visible: siteText },
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

/**
 * What a comparison ignores: layout (whitespace, line wrapping), control characters (dropped, or shown
 * as U+FFFD as CommonMark does for NUL), invisible joiners (a word joiner keeps `%%` from opening a
 * Mermaid directive), bidi controls (HTML and PDF drop them: see withoutBidiControls), and typographic quotes that diagram labels use in place of
 * straight ones (a straight quote would end a Mermaid label).
 */
export function normalize(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\s\u0000-\u001f\u007f-\u009f\ufffd\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]+/g, '')
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2018\u2019`]/g, "'");
}

/** Letter case is presentation too: NĐ 30/2020 sets agency names and document titles in capitals. */
const fold = (s: string): string => s.toLocaleUpperCase('vi');

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
    const expected = fold(normalize(field.text) + CLOSE);
    const rest = fold(text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + expected.length + 8));
    if (rest.startsWith(expected)) continue;
    let common = 0;
    while (common < expected.length && rest[common] === expected[common]) common++;
    const after = rest.slice(common);
    if (after.startsWith('…') || after.startsWith('...')) continue;
    problems.push(`${field.kind}.${field.path} (#${n}): expected ${JSON.stringify(expected.slice(common, common + 30))}, saw ${JSON.stringify(after.slice(0, 30))} after ${JSON.stringify(expected.slice(0, common).slice(-20))}`);
  }
  return { checked, problems };
}
