/**
 * `kientruc lsp`: a Language Server over stdio on the same pipeline as `kientruc check`. Diagnostics
 * (YAML, schema, model and every rule) for the whole architecture as you type, with open buffers in
 * place of the disk; completion, go to definition, find references and hover of typed references;
 * quick fixes for the "did you mean" hints.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  DiagnosticTag,
  FileChangeType,
  MarkupKind,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type Location as LspLocation,
  type Range as LspRange,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { RefKind } from '../../core/ref.js';
import type { Range } from '../../core/source.js';
import { pick, type Lang } from '../../core/text.js';
import type { Model } from '../../model/model.js';
import { availablePacks } from '../../framework/load-pack.js';
import { buildSchema } from '../../validate/schema/build-schema.js';
import type { PipelineResult } from '../../pipeline.js';
import { hoverText, packLocation } from './entities.js';
import { candidatesOf, matchCandidates, refAt, refFields, replacementOf, typedValue, type Candidate } from './references.js';
import { Workspace } from './workspace.js';
import type { IsoDate } from '../../core/dates.js';

export interface ServerOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly cwd: string;
  readonly today: IsoDate;
  readonly lang: Lang;
  /** Architecture folder from the command line; the client's `initializationOptions.root` wins. */
  readonly root?: string | undefined;
  readonly asOf?: IsoDate | undefined;
}

interface InitOptions {
  readonly root?: string;
  readonly asOf?: IsoDate;
  readonly lang?: Lang;
}

/** 1-based, end-exclusive kientruc range → 0-based LSP range (both count UTF-16 code units). */
export function toLspRange(r: Range): LspRange {
  const z = (n: number) => Math.max(0, n - 1);
  return { start: { line: z(r.start.line), character: z(r.start.col) }, end: { line: z(r.end.line), character: z(r.end.col) } };
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** Starts the server; resolves when the client has asked it to exit. */
export function startServer(opts: ServerOptions): Promise<void> {
  const connection: Connection = createConnection(new StreamMessageReader(opts.input), new StreamMessageWriter(opts.output));
  const documents = new TextDocuments(TextDocument);
  let lang: Lang = opts.lang;
  let ws: Workspace | undefined;
  let candidates: Candidate[] | undefined;
  let fields: ReadonlyMap<string, readonly RefKind[]> | undefined;
  const published = new Map<string, readonly Diagnostic[]>();

  // One analysis at a time; edits that arrive meanwhile are folded into one more run afterwards.
  let running: Promise<void> | undefined;
  let again = false;
  const schedule = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await analyzeAndPublish();
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  const ready = async (): Promise<PipelineResult | undefined> => {
    while (running) await running;
    return ws?.result;
  };

  // Paths in findings are relative to the repository holding the architecture (the loader's base).
  const baseDir = (): string => ws?.result?.loaded.base ?? ws?.cwd ?? opts.cwd;
  // One URI per file and base folder: a run turns thousands of findings into their files' URIs.
  const uris = new Map<string, string>();
  let urisBase = '';
  const uriOf = (file: string): string => {
    const base = baseDir();
    if (base !== urisBase) {
      uris.clear();
      urisBase = base;
    }
    let uri = uris.get(file);
    if (uri === undefined) {
      uri = pathToFileURL(resolve(base, file)).href;
      uris.set(file, uri);
    }
    return uri;
  };
  const absOf = (uri: string): string | undefined => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);

  async function analyzeAndPublish(): Promise<void> {
    if (!ws) return;
    const started = performance.now();
    const cpu = process.cpuUsage();
    let result: PipelineResult;
    try {
      result = await ws.analyze();
    } catch (err) {
      connection.console.error(`kientruc: ${(err as Error).message}`);
      return;
    }
    candidates = undefined;
    const byUri = new Map<string, Diagnostic[]>();
    for (const d of result.diagnostics) {
      const uri = uriOf(d.file);
      const list = byUri.get(uri);
      if (list) list.push(d);
      else byUri.set(uri, [d]);
    }
    for (const uri of published.keys()) if (!byUri.has(uri)) byUri.set(uri, []);
    for (const [uri, diagnostics] of byUri) {
      // Rule findings reused from the last run are the same objects: most files are skipped without a look inside.
      if (sameDiagnostics(published.get(uri), diagnostics)) continue;
      if (diagnostics.length === 0) published.delete(uri);
      else published.set(uri, diagnostics);
      await connection.sendDiagnostics({ uri, diagnostics: diagnostics.map(toLsp) });
    }
    const used = process.cpuUsage(cpu);
    const memo = ws.memo.lastRun;
    connection.console.log(
      `kientruc: ${result.loaded.files.length} tệp, ${result.diagnostics.length} phát hiện, ${(performance.now() - started).toFixed(0)} ms (cpu ${((used.user + used.system) / 1000).toFixed(0)} ms; quy tắc: ${memo.ran} chạy lại, ${memo.reused} dùng lại)`,
    );
  }

  function sameDiagnostics(a: readonly Diagnostic[] | undefined, b: readonly Diagnostic[]): boolean {
    if (a === undefined) return b.length === 0;
    if (a.length !== b.length) return false;
    return a.every((d, i) => d === b[i] || JSON.stringify(d) === JSON.stringify(b[i]));
  }

  function toLsp(d: Diagnostic): LspDiagnostic {
    const fix = d.fix ? `\n→ ${pick(d.fix, lang)}` : '';
    const legal = d.legalRef ? ` [${d.legalRef}]` : '';
    const waived = d.waived ? (lang === 'en' ? ` (waived until ${d.waived.expires})` : ` (đã miễn trừ đến ${d.waived.expires})`) : '';
    const replace = replacementOf(d);
    return {
      range: toLspRange(d.range),
      severity: d.waived ? DiagnosticSeverity.Hint : SEVERITY[d.severity],
      code: d.code,
      source: 'kientruc',
      message: `${pick(d.message, lang)}${legal}${waived}${fix}`,
      ...(d.waived ? { tags: [DiagnosticTag.Unnecessary] } : {}),
      ...(replace !== undefined ? { data: { replace } } : {}),
    };
  }

  function lines(uri: string): string[] {
    const doc = documents.get(uri);
    if (doc) return doc.getText().split(/\r?\n/);
    const abs = absOf(uri);
    try {
      return abs ? readFileSync(abs, 'utf8').split(/\r?\n/) : [];
    } catch {
      return [];
    }
  }

  /** The ref at a position: a written ref, or the entity whose `id:` line it is. */
  function refUnder(model: Model, uri: string, line: number, character: number): { ref: string; range: LspRange } | undefined {
    const text = lines(uri)[line] ?? '';
    const hit = refAt(text, character);
    if (hit) return { ref: hit.ref, range: { start: { line, character: hit.start }, end: { line, character: hit.end } } };
    const id = /^(id:\s*["']?)([a-z0-9]+(?:-[a-z0-9]+)*)/.exec(text);
    const abs = absOf(uri);
    if (!id || !abs || !ws) return undefined;
    const file = displayOf(abs);
    for (const e of ws.entitiesIn(file)) {
      if (e.id !== id[2]) continue;
      if (model.locate(e.ref, ['id']).range.start.line !== line + 1) continue;
      const start = (id[1] ?? '').length;
      return { ref: e.ref, range: { start: { line, character: start }, end: { line, character: start + (id[2] ?? '').length } } };
    }
    return undefined;
  }

  function displayOf(abs: string): string {
    let real = abs;
    try {
      real = join(realpathSync(dirname(abs)), basename(abs));
    } catch {
      // not on disk: as given
    }
    return relative(baseDir(), real).split('\\').join('/');
  }

  function locationOf(model: Model, ref: string): LspLocation | undefined {
    if (model.get(ref)) {
      const loc = model.locate(ref, ['id']);
      return { uri: uriOf(loc.file), range: toLspRange(loc.range) };
    }
    return packLocation(model, ref);
  }

  connection.onInitialize((params) => {
    const init = (params.initializationOptions ?? {}) as InitOptions;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const cwd = folder ? fileURLToPath(folder) : opts.cwd;
    if (init.lang === 'vi' || init.lang === 'en') lang = init.lang;
    ws = new Workspace({ cwd, root: init.root ?? opts.root, today: opts.today, asOf: init.asOf ?? opts.asOf });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', '['] },
        definitionProvider: true,
        referencesProvider: true,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'kientruc' },
    };
  });

  connection.onInitialized(() => {
    void schedule();
  });

  documents.onDidChangeContent((e) => {
    const abs = absOf(e.document.uri);
    if (!ws || !abs || !ws.covers(abs)) return;
    ws.setText(abs, e.document.getText());
    void schedule();
  });
  documents.onDidClose((e) => {
    const abs = absOf(e.document.uri);
    if (!ws || !abs) return;
    ws.close(abs);
    void schedule();
  });
  connection.onDidChangeWatchedFiles((p) => {
    if (p.changes.some((c) => c.type !== FileChangeType.Changed || !documents.get(c.uri))) void schedule();
  });

  connection.onCompletion(async (p) => {
    const result = await ready();
    if (!result) return [];
    const all = lines(p.textDocument.uri);
    const typed = typedValue(all, p.position.line, p.position.character);
    if (!typed) return [];
    fields ??= refFields(buildSchema(result.pack, availablePacks()).kinds);
    const kinds = typed.field !== undefined ? fields.get(typed.field) : undefined;
    const hasKindPrefix = /^[a-z]+:/.test(typed.typed);
    if (!kinds && !hasKindPrefix) return [];
    candidates ??= candidatesOf(result.model);
    const { items, complete } = matchCandidates(candidates, typed.typed, kinds);
    const line = all[p.position.line] ?? '';
    // Replace what was typed, and the rest of a ref already written after the cursor.
    let end = p.position.character;
    while (end < line.length && /[a-z0-9:@.-]/.test(line[end] as string)) end++;
    const range = { start: { line: p.position.line, character: typed.start }, end: { line: p.position.line, character: end } };
    const out: CompletionItem[] = items.map((c, i) => ({
      label: c.ref,
      kind: CompletionItemKind.Reference,
      detail: c.shortName ? `${c.name} (${c.shortName})` : c.name,
      filterText: typed.typed,
      sortText: String(i).padStart(5, '0'),
      textEdit: { range, newText: c.ref },
    }));
    return { isIncomplete: !complete || typed.typed.includes(' '), items: out };
  });

  connection.onDefinition(async (p) => {
    const result = await ready();
    if (!result) return null;
    const hit = refUnder(result.model, p.textDocument.uri, p.position.line, p.position.character);
    return hit ? (locationOf(result.model, hit.ref) ?? null) : null;
  });

  connection.onReferences(async (p) => {
    const result = await ready();
    if (!result) return [];
    const model = result.model;
    const hit = refUnder(model, p.textDocument.uri, p.position.line, p.position.character);
    if (!hit) return [];
    const out: LspLocation[] = [];
    if (p.context.includeDeclaration) {
      const decl = locationOf(model, hit.ref);
      if (decl) out.push(decl);
    }
    for (const r of model.referrers(hit.ref)) {
      const loc = model.locate(r.from, r.path);
      out.push({ uri: uriOf(loc.file), range: toLspRange(loc.range) });
    }
    return out;
  });

  connection.onHover(async (p) => {
    const result = await ready();
    if (!result) return null;
    const hit = refUnder(result.model, p.textDocument.uri, p.position.line, p.position.character);
    if (!hit) return null;
    const value = hoverText(result.model, hit.ref, lang);
    return value === undefined ? null : { contents: { kind: MarkupKind.Markdown, value }, range: hit.range };
  });

  connection.onCodeAction((p) => {
    const actions: CodeAction[] = [];
    for (const d of p.context.diagnostics) {
      const replace = (d.data as { replace?: unknown } | undefined)?.replace;
      if (d.source !== 'kientruc' || typeof replace !== 'string') continue;
      actions.push({
        title: lang === 'en' ? `Change to "${replace}"` : `Sửa thành "${replace}"`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [p.textDocument.uri]: [{ range: d.range, newText: replace }] } },
      });
    }
    return actions;
  });

  documents.listen(connection);
  return new Promise<void>((done) => {
    connection.onExit(() => done());
    connection.onShutdown(async () => {
      await ready();
    });
    connection.listen();
  });
}
