/**
 * Drives `kientruc lsp` over stdio on the sample architecture, as an editor does: initialize, open a
 * file, edit it in memory (never on disk), and ask for diagnostics, completion, definition,
 * references, hover and a quick fix.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { BIN, REPO } from '../helpers/project.js';

const FILE = join(REPO, 'architecture', 'integrations', 'noi-tinh.yaml');
const URI = pathToFileURL(FILE).href;
const TEXT = readFileSync(FILE, 'utf8');
const LINES = TEXT.split('\n');
const VIA_LINE = LINES.findIndex((l) => l === 'via: system:lgsp-tinh');

interface PublishedDiagnostic {
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly code: string;
  readonly message: string;
  readonly data?: { replace?: string };
}

let server: ChildProcessWithoutNullStreams;
let conn: MessageConnection;
const published = new Map<string, PublishedDiagnostic[][]>();
const waiters: (() => void)[] = [];

/** Resolves once diagnostics for `uri` satisfy `test` (checked at every publication). */
function diagnosticsWhere(uri: string, test: (ds: PublishedDiagnostic[]) => boolean): Promise<PublishedDiagnostic[]> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no matching diagnostics for ${uri}`)), 60_000);
    const check = (): void => {
      const last = published.get(uri)?.at(-1);
      if (last && test(last)) {
        clearTimeout(timer);
        done(last);
      } else waiters.push(check);
    };
    check();
  });
}

beforeAll(async () => {
  server = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: REPO, stdio: 'pipe' });
  conn = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: PublishedDiagnostic[] }) => {
    const list = published.get(p.uri) ?? [];
    list.push(p.diagnostics);
    published.set(p.uri, list);
    for (const w of waiters.splice(0)) w();
  });
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  const init = (await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(REPO).href,
    capabilities: {},
    initializationOptions: { asOf: '2026-01-15' },
  })) as { capabilities: Record<string, unknown> };
  expect(init.capabilities['completionProvider']).toBeTruthy();
  await conn.sendNotification('initialized', {});
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT } });
}, 60_000);

afterAll(async () => {
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  server.kill();
});

describe('kientruc lsp over stdio (sample architecture)', () => {
  it('publishes diagnostics of the whole architecture, rules included', async () => {
    // A file of the sample with rule findings, though it is not open.
    const other = pathToFileURL(join(REPO, 'architecture', 'tasks', 'ung-dung.yaml')).href;
    const ds = await diagnosticsWhere(other, (d) => d.length > 0);
    expect(ds.some((d) => /^(task|kpi|system|data|integration|agency)\./.test(d.code))).toBe(true);
  }, 60_000);

  it('a bad ref typed in an unsaved buffer gives model.unresolved-ref at its range, and a quick fix', async () => {
    expect(VIA_LINE).toBeGreaterThan(0);
    const start = 'via: '.length;
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: VIA_LINE, character: start }, end: { line: VIA_LINE, character: LINES[VIA_LINE]!.length } }, text: 'system:lgsp-tinhh' }],
    });
    const ds = await diagnosticsWhere(URI, (d) => d.some((x) => x.code === 'model.unresolved-ref'));
    const bad = ds.find((x) => x.code === 'model.unresolved-ref')!;
    expect(bad.range).toEqual({ start: { line: VIA_LINE, character: start }, end: { line: VIA_LINE, character: start + 'system:lgsp-tinhh'.length } });
    expect(bad.message).toContain('lgsp-tinhh');
    expect(bad.data?.replace).toBe('system:lgsp-tinh');
    const actions = (await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: bad.range,
      context: { diagnostics: [bad] },
    })) as { title: string; edit: { changes: Record<string, { newText: string }[]> } }[];
    expect(actions[0]?.edit.changes[URI]?.[0]?.newText).toBe('system:lgsp-tinh');
    // The disk was not touched.
    expect(readFileSync(FILE, 'utf8')).toBe(TEXT);
    // Undo the edit: the finding goes away.
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: TEXT }] });
    await diagnosticsWhere(URI, (d) => !d.some((x) => x.code === 'model.unresolved-ref'));
  }, 60_000);

  it('completes a reference by kind and by name without diacritics', async () => {
    const line = VIA_LINE;
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 4 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: LINES[line]!.length } }, text: 'via: system:lgsp' }],
    });
    const byRef = (await conn.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line, character: 'via: system:lgsp'.length } })) as {
      items: { label: string; textEdit: { newText: string; range: { start: { character: number } } } }[];
    };
    expect(byRef.items.map((i) => i.label)).toContain('system:lgsp-tinh');
    expect(byRef.items.every((i) => i.label.startsWith('system:'))).toBe(true);
    expect(byRef.items[0]?.textEdit.range.start.character).toBe('via: '.length);
    // "datasets" accepts datasets (and national databases); a name typed without diacritics finds "Hộ tịch" datasets.
    const DS_LINE = LINES.findIndex((l) => l.startsWith('datasets: ['));
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 5 },
      contentChanges: [{ range: { start: { line: DS_LINE, character: 0 }, end: { line: DS_LINE, character: LINES[DS_LINE]!.length } }, text: 'datasets: [ho tich' }],
    });
    const byName = (await conn.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: { line: DS_LINE, character: 'datasets: [ho tich'.length } })) as {
      items: { label: string; detail: string }[];
    };
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((i) => /^(dataset|national):/.test(i.label))).toBe(true);
    expect(byName.items.some((i) => /hộ tịch/i.test(i.detail))).toBe(true);
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 6 }, contentChanges: [{ text: TEXT }] });
  }, 60_000);

  it('goes to the definition of a reference, lists its references, and shows it on hover', async () => {
    const col = LINES[VIA_LINE]!.indexOf('lgsp-tinh');
    const def = (await conn.sendRequest('textDocument/definition', { textDocument: { uri: URI }, position: { line: VIA_LINE, character: col } })) as {
      uri: string;
      range: { start: { line: number } };
    };
    expect(def.uri).toMatch(/architecture\/systems\/.*\.yaml$/);
    const target = readFileSync(new URL(def.uri), 'utf8').split('\n')[def.range.start.line];
    expect(target).toBe('id: lgsp-tinh');

    const refs = (await conn.sendRequest('textDocument/references', {
      textDocument: { uri: URI },
      position: { line: VIA_LINE, character: col },
      context: { includeDeclaration: true },
    })) as { uri: string; range: { start: { line: number } } }[];
    expect(refs.length).toBeGreaterThan(2);
    expect(refs[0]).toEqual(def);
    expect(refs.some((r) => r.uri === URI && r.range.start.line === VIA_LINE)).toBe(true);

    const hover = (await conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: VIA_LINE, character: col } })) as {
      contents: { value: string };
    };
    expect(hover.contents.value).toContain('`system:lgsp-tinh`');
    expect(hover.contents.value).toMatch(/architecture\/systems\/.*\.yaml:\d+/);
  }, 60_000);
});

describe('kientruc lsp: public services (kind: Service)', () => {
  it('completes and follows function: references like any other kind', async () => {
    const file = join(REPO, 'architecture', 'services', 'cap-tinh.yaml');
    const uri = pathToFileURL(file).href;
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const fnLine = lines.findIndex((l) => l === 'function: function:xay-dung');
    expect(fnLine).toBeGreaterThan(0);
    const def = (await conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: fnLine, character: 'function: function:'.length + 2 } })) as {
      uri: string;
      range: { start: { line: number } };
    };
    expect(def.uri).toMatch(/architecture\/services\/chuc-nang\.yaml$/);
    expect(readFileSync(new URL(def.uri), 'utf8').split('\n')[def.range.start.line]).toBe('id: xay-dung');
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: fnLine, character: 0 }, end: { line: fnLine, character: lines[fnLine]!.length } }, text: 'function: function:ho' }],
    });
    const items = (await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: fnLine, character: 'function: function:ho'.length } })) as { items: { label: string }[] };
    expect(items.items.map((i) => i.label)).toContain('function:ho-tich');
    expect(items.items.every((i) => i.label.startsWith('function:'))).toBe(true);
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
  }, 60_000);
});

describe('kientruc lsp: framework pack entries', () => {
  it('goes to the national system in the framework pack', async () => {
    const file = join(REPO, 'architecture', 'integrations', 'quoc-gia.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => l === 'to: national:ndxp');
    const def = (await conn.sendRequest('textDocument/definition', {
      textDocument: { uri: pathToFileURL(file).href },
      position: { line, character: 'to: national:'.length + 1 },
    })) as { uri: string; range: { start: { line: number } } };
    expect(def.uri).toMatch(/src\/framework\/packs\/vn-2025\/national\.yaml$/);
    expect(readFileSync(new URL(def.uri), 'utf8').split('\n')[def.range.start.line]).toMatch(/^\s*- id: ndxp$/);
  }, 60_000);
});

describe('kientruc init and the editor', () => {
  it('writes the VS Code settings of the language server client', async () => {
    const { scaffoldFiles } = await import('../../src/cli/scaffold.js');
    const files = scaffoldFiles({ name: 'Sở Y tế tỉnh Thử', id: 'so-y-te', level: 'department', today: '2026-01-15', version: '0.1.0' });
    const settings = JSON.parse(files['.vscode/settings.json'] as string) as Record<string, unknown>;
    expect(settings['kientruc.root']).toBe('architecture');
    expect(settings['kientruc.serverPath']).toBe('node_modules/.bin/kientruc');
  });
});
