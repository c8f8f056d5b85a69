import { sameElements } from '../core/arrays.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { entityLabel } from '../core/labels.js';
import { isId, KIND_BY_DOC_KIND, type EntityKind } from '../core/ref.js';
import { closest } from '../core/similar.js';
import { clip, text, type Text } from '../core/text.js';
import type { ParsedDoc } from '../load/parse-yaml.js';
import type { SourceIndex } from '../load/locate.js';
import type { CompiledSchemas } from './ajv.js';
import type { RunCache } from '../load/run-cache.js';
import { translateAjvError, type EnumChoice } from './messages.js';
import { API_VERSION } from './schema/common.js';
import { collectRefs, schemaAt, type RefSite } from './schema/walk.js';

/** A document whose kind is known, with what survived validation. */
export interface CheckedDoc {
  readonly doc: ParsedDoc;
  readonly kind: EntityKind;
  /** The `id`, when it is a well-formed identifier. */
  readonly id: string | undefined;
  readonly value: Readonly<Record<string, unknown>>;
  /** True when the document passed the schema. */
  readonly valid: boolean;
  /** Typed references the document holds (also for invalid documents, so typos are still reported). */
  readonly refs: readonly RefSite[];
}

export interface ValidateResult {
  readonly value: readonly CheckedDoc[];
  readonly diagnostics: readonly Diagnostic[];
}

const KIND_NAMES = [...KIND_BY_DOC_KIND.keys()];

/** Validation results of one file as the cache keeps them (diagnostics without their file). */
interface CachedValidation {
  readonly checked: readonly { readonly i: number; readonly kind: EntityKind; readonly id: string | null; readonly valid: boolean; readonly refs: readonly RefSite[] }[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface ValidateCache {
  readonly cache: RunCache;
  /** Content hash of a loaded file (the documents of a file are validated as one cached unit). */
  readonly shaOf: (file: string) => string | undefined;
}

/**
 * Dispatches each document on `kind`, validates it against its schema, and reports every problem.
 * With a cache, the results for a file whose content and schema are unchanged are reused.
 */
export function validateDocuments(docs: readonly ParsedDoc[], schemas: CompiledSchemas, sources: SourceIndex, cached?: ValidateCache): ValidateResult {
  const diagnostics: Diagnostic[] = [];
  const out: CheckedDoc[] = [];
  for (let i = 0; i < docs.length; ) {
    const file = (docs[i] as ParsedDoc).file;
    let j = i;
    while (j < docs.length && (docs[j] as ParsedDoc).file === file) j++;
    const group = docs.slice(i, j);
    i = j;
    const sha = cached?.shaOf(file);
    const entry = cached && sha ? cached.cache.entry(file, sha) : undefined;
    const hit = entry?.valid?.[schemas.hash] as CachedValidation | undefined;
    if (hit && Array.isArray(hit.checked) && Array.isArray(hit.diagnostics)) {
      // The same cached result for the same documents (a long-running process, an unchanged file): the
      // objects made from it last time, so what is derived from them is kept too.
      const made = MADE.get(hit);
      if (made !== undefined && made.file === file && sameElements(made.docs, group)) {
        for (const c of made.value) out.push(c);
        for (const d of made.diagnostics) diagnostics.push(d);
        continue;
      }
      const value: CheckedDoc[] = [];
      const found: Diagnostic[] = [];
      for (const c of hit.checked) {
        const doc = group[c.i] as ParsedDoc;
        value.push({ doc, kind: c.kind, id: c.id ?? undefined, value: doc.value as Record<string, unknown>, valid: c.valid, refs: c.refs });
      }
      for (const d of hit.diagnostics) found.push({ ...d, file });
      MADE.set(hit, { file, docs: group, value, diagnostics: found });
      for (const c of value) out.push(c);
      for (const d of found) diagnostics.push(d);
      continue;
    }
    const groupDiagnostics: Diagnostic[] = [];
    const groupOut: CheckedDoc[] = [];
    const text = new FileText(sources, file);
    for (const doc of group) validateOne(doc, schemas, sources, text, groupDiagnostics, groupOut);
    diagnostics.push(...groupDiagnostics);
    out.push(...groupOut);
    if (entry && cached) {
      const result: CachedValidation = {
        checked: groupOut.map((c) => ({ i: group.indexOf(c.doc), kind: c.kind, id: c.id ?? null, valid: c.valid, refs: c.refs })),
        // The file is put back on reading (the key keeps its place, so objects stay identical).
        diagnostics: groupDiagnostics.map((d) => ({ ...d, file: '' })),
      };
      // Only the current schema's results are kept.
      entry.valid = { [schemas.hash]: result };
      cached.cache.touch(file);
    }
  }
  return { value: out, diagnostics };
}

/** What a cached validation result gave, by that result: for these documents of this file. */
const MADE = new WeakMap<CachedValidation, { readonly file: string; readonly docs: readonly ParsedDoc[]; readonly value: readonly CheckedDoc[]; readonly diagnostics: readonly Diagnostic[] }>();

function validateOne(doc: ParsedDoc, schemas: CompiledSchemas, sources: SourceIndex, fileText: FileText, diagnostics: Diagnostic[], out: CheckedDoc[]): void {
  const at = (path: (string | number)[], part: 'value' | 'key' = 'value') => sources.locate(doc.file, doc.index, path, part);
  const value = doc.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push({
      code: 'schema.not-a-mapping',
      severity: 'error',
      message: text(
        'Tài liệu phải là một đối tượng (các cặp khóa: giá trị) bắt đầu bằng apiVersion, kind, id.',
        'A document must be a mapping (key: value pairs) starting with apiVersion, kind, id.',
      ),
      file: doc.file,
      range: doc.range,
      path: [],
      fix: text(`Bắt đầu tài liệu bằng "apiVersion: ${API_VERSION}" và "kind: …".`, `Start the document with "apiVersion: ${API_VERSION}" and "kind: …".`),
    });
    return;
  }
  const record = value as Record<string, unknown>;
  const rawId = record['id'];
  const idText = typeof rawId === 'string' ? clip(rawId) : undefined;
  const apiVersion = record['apiVersion'];
  if (apiVersion !== API_VERSION) {
    const missing = apiVersion === undefined;
    diagnostics.push({
      code: missing ? 'schema.missing-api-version' : 'schema.unknown-api-version',
      severity: 'error',
      message: missing
        ? text(`Tài liệu${idText ? ` "${idText}"` : ''} thiếu "apiVersion".`, `Document${idText ? ` "${idText}"` : ''} lacks "apiVersion".`)
        : text(
            `apiVersion "${clip(String(apiVersion))}" không được hỗ trợ; phiên bản hiện tại là "${API_VERSION}".`,
            `apiVersion "${clip(String(apiVersion))}" is not supported; the current version is "${API_VERSION}".`,
          ),
      file: doc.file,
      range: missing ? doc.range : at(['apiVersion']),
      path: ['apiVersion'],
      fix: text(`Ghi "apiVersion: ${API_VERSION}".`, `Write "apiVersion: ${API_VERSION}".`),
    });
    return;
  }
  const kindName = record['kind'];
  const kind = typeof kindName === 'string' ? KIND_BY_DOC_KIND.get(kindName) : undefined;
  if (!kind) {
    const missing = kindName === undefined;
    const guess = typeof kindName === 'string' ? closest(kindName, KIND_NAMES) : undefined;
    diagnostics.push({
      code: missing ? 'schema.missing-kind' : 'schema.unknown-kind',
      severity: 'error',
      message: missing
        ? text(`Tài liệu${idText ? ` "${idText}"` : ''} thiếu "kind".`, `Document${idText ? ` "${idText}"` : ''} lacks "kind".`)
        : text(
            `Loại thực thể "${clip(String(kindName))}" không tồn tại${guess ? ` — ý bạn là "${guess}"?` : '.'}`,
            `Unknown kind "${clip(String(kindName))}"${guess ? ` — did you mean "${guess}"?` : '.'}`,
          ),
      file: doc.file,
      range: missing ? doc.range : at(['kind']),
      path: ['kind'],
      fix: text(`Dùng một trong: ${KIND_NAMES.join(', ')}.`, `Use one of: ${KIND_NAMES.join(', ')}.`),
    });
    return;
  }
  const id = typeof rawId === 'string' && isId(rawId) ? rawId : undefined;
  const schema = schemas.set.kinds[kind];
  const result = schemas.validate(kind, record);
  const errors = result.errors ?? [];
  // The entity's label and the sets below only for a document with errors (most have none).
  let label: Text | undefined;
  const subjectOf = (): Text => (label ??= entityLabel(kind, idText));
  // A wrong type makes every other complaint about the same value noise.
  const typed = errors.length === 0 ? EMPTY_PATHS : new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = errors.length === 0 ? EMPTY_PATHS : new Set<string>();
  // A number written like 21.000 gets its own finding (below): the schema's complaint about the number
  // YAML read (21 where a whole number is due, 6.85 out of range) is about the same value, and misleads.
  const ambiguous = ambiguousNumbers(doc, schema, sources, fileText);
  const ambiguousAt = ambiguous.length === 0 ? EMPTY_PATHS : new Set(ambiguous.map((a) => a.path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')));
  const enumValues = (enumId: string): readonly EnumChoice[] | undefined => (enumId === 'component' ? componentChoices(schemas) : schemas.enums[enumId]?.values);
  for (const err of errors) {
    const subject = subjectOf();
    if (err.keyword !== 'type' && typed.has(err.instancePath)) continue;
    if (ambiguousAt.has(err.instancePath)) continue;
    const t = translateAjvError(err, subject, (p) => schemaAt(schema, p), enumValues, record);
    const key = `${t.code}|${t.path.join('.')}|${t.message.vi}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push({
      code: t.code,
      severity: 'error',
      message: t.message,
      file: doc.file,
      range: at([...(t.at ?? t.path)], t.part),
      ...(id ? { entity: `${kind}:${id}` } : {}),
      path: t.path,
      ...(t.fix ? { fix: t.fix } : {}),
    });
  }
  for (const a of ambiguous) {
    const subject = subjectOf();
    diagnostics.push({
      code: 'schema.ambiguous-number',
      severity: 'error',
      message: text(
        `Số "${a.raw}" ở "${a.path.join('.')}" của ${subject.vi} mơ hồ: theo cách viết Việt Nam là ${a.grouped}, nhưng YAML đọc thành ${a.read}. kientruc không đoán.`,
        `The number "${a.raw}" at "${a.path.join('.')}" of ${subject.en} is ambiguous: ${a.grouped} with Vietnamese thousands separators, but YAML reads ${a.read}. kientruc never guesses.`,
      ),
      file: doc.file,
      range: a.range,
      ...(id ? { entity: `${kind}:${id}` } : {}),
      path: a.path,
      fix: text(
        `Viết ${a.grouped} (không có dấu phân cách hàng nghìn) nếu là ${a.raw} theo cách viết Việt Nam, hoặc ${a.read} nếu là số thập phân.`,
        `Write ${a.grouped} (no thousands separator) if "${a.raw}" groups thousands, or ${a.read} if it is a decimal.`,
      ),
    });
  }
  const refs = collectRefs(schema, record).filter((r) => refPattern(r.kinds).test(r.value));
  out.push({ doc, kind, id, value: record, valid: result.ok && ambiguous.length === 0, refs });
}

/** The pack's components as enum values with their layer, once per compiled schema set. */
function componentChoices(schemas: CompiledSchemas): readonly EnumChoice[] {
  let list = COMPONENT_CHOICES.get(schemas);
  if (!list) {
    list = schemas.components.map((c) => ({ value: c.id, vi: c.vi, en: c.en, layer: c.layer, confirmed: c.confirmed }));
    COMPONENT_CHOICES.set(schemas, list);
  }
  return list;
}
const COMPONENT_CHOICES = new WeakMap<CompiledSchemas, readonly EnumChoice[]>();

const patterns = new Map<string, RegExp>();
/** What `typed` and `seen` are for a document without schema errors (never added to: no error, no loop). */
const EMPTY_PATHS: Set<string> = new Set();
/** Refs the schema already rejected (wrong kind, malformed) are not resolved again. */
function refPattern(kinds: readonly string[]): RegExp {
  // Asked once per reference site, with the schema's own list of kinds: looked up by that list first
  // (no key string made per site).
  const known = PATTERN_OF_LIST.get(kinds);
  if (known) return known;
  const key = kinds.join('|');
  let re = patterns.get(key);
  if (!re) {
    re = new RegExp(`^(${key}):[a-z0-9]+(-[a-z0-9]+)*(@[A-Za-z0-9][A-Za-z0-9.-]*)?$`);
    patterns.set(key, re);
  }
  PATTERN_OF_LIST.set(kinds, re);
  return re;
}
const PATTERN_OF_LIST = new WeakMap<readonly string[], RegExp>();

/** A plain YAML scalar that reads as a number and also as digits grouped by "." (Vietnamese thousands). */
const AMBIGUOUS_SCALAR = /^-?[1-9]\d{0,2}(\.\d{3})+$/;
/** Cheap pre-check on the whole file: a value written like 21.000 or 3.295 somewhere. */
const AMBIGUOUS_IN_TEXT = /[:\-[,]\s*-?[1-9]\d{0,2}(\.\d{3})+\s*(?:$|[#,\]}])/m;

/**
 * The text of one file, looked at once for all its documents: a file of 50 documents is scanned for
 * ambiguous numbers once, not 50 times.
 */
class FileText {
  private hit: boolean | undefined;
  private split: readonly string[] | undefined;
  constructor(
    private readonly sources: SourceIndex,
    private readonly file: string,
  ) {}
  /** True when the file holds text like 21.000 somewhere. */
  mayHoldAmbiguous(): boolean {
    if (this.hit === undefined) {
      const source = this.sources.text(this.file);
      this.hit = source !== undefined && AMBIGUOUS_IN_TEXT.test(source);
    }
    return this.hit;
  }
  lines(): readonly string[] {
    this.split ??= (this.sources.text(this.file) ?? '').split('\n');
    return this.split;
  }
}

interface Ambiguous {
  readonly path: (string | number)[];
  readonly raw: string;
  readonly read: string;
  readonly grouped: string;
  readonly range: Diagnostic['range'];
}

/**
 * Numbers YAML read from text like `21.000`: YAML says 21, a Vietnamese reader means twenty-one
 * thousand. Only number fields are looked at, and only when the file holds such text at all.
 */
function ambiguousNumbers(doc: ParsedDoc, schema: Readonly<Record<string, unknown>>, sources: SourceIndex, fileText: FileText): Ambiguous[] {
  if (!fileText.mayHoldAmbiguous()) return [];
  const lines = fileText.lines();
  const out: Ambiguous[] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'number') {
      const here = schemaAt(schema, path);
      const t = here?.['type'];
      const numeric = t === 'number' || t === 'integer' || (Array.isArray(t) && (t.includes('number') || t.includes('integer')));
      // Text of the form 21.000 always reads below 1000.
      if (!numeric || Math.abs(value) >= 1000) return;
      const range = sources.locate(doc.file, doc.index, path);
      const line = lines[range.start.line - 1];
      if (line === undefined || range.start.line !== range.end.line) return;
      const raw = line.slice(range.start.col - 1, range.end.col - 1).trim();
      if (!AMBIGUOUS_SCALAR.test(raw)) return;
      out.push({ path, raw, read: String(value), grouped: raw.replace(/\./g, ''), range });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
      return;
    }
    if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(doc.value, []);
  return out;
}
