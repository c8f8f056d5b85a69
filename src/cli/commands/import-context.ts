/**
 * What `kientruc import` reads besides the spreadsheet: the files it writes (YAML and the record of
 * the last import, as they are now), and the entities the rest of the architecture declares (with
 * where each field is written, and the rows other imports made them from).
 */
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ExistingEntity, RecordedRow } from '../../exchange/xlsx/import/convert.js';
import { importedFrom } from '../../exchange/xlsx/import/plan.js';
import { parseRecord, recordPathOf, type ImportRecord } from '../../exchange/xlsx/import/record.js';
import { recordedRows } from '../../exchange/xlsx/import/reimport.js';
import type { Mapping, SheetKind } from '../../exchange/xlsx/mapping.js';
import type { Model } from '../../model/model.js';
import type { PipelineResult } from '../../pipeline.js';
import type { App } from '../app.js';

const toPosix = (p: string): string => p.split(sep).join('/');

/** One file of the import: the YAML and its record, as they are now. */
export interface Target {
  readonly kind: SheetKind;
  /** Relative to the architecture folder. */
  readonly path: string;
  readonly abs: string;
  /** As shown to the user (relative to the working folder). */
  readonly shown: string;
  /** As the model names the file (relative to the path base). */
  readonly modelPath: string;
  readonly before?: string;
  readonly recordAbs: string;
  readonly recordShown: string;
  readonly recordBefore?: string;
  readonly record?: ImportRecord;
}

/** The file of each kind the import of `stem` writes, with what an earlier run of it left there. */
export async function readTargets(app: App, mapping: Mapping, stem: string, intoAbs: string, loaded: PipelineResult): Promise<Target[]> {
  const targets: Target[] = [];
  for (const k of mapping.kinds) {
    const path = `${k.folder}/${stem}.yaml`;
    const abs = join(intoAbs, path);
    const recordAbs = join(intoAbs, recordPathOf(path));
    const before = await readFile(abs, 'utf8').catch(() => undefined);
    const recordBefore = await readFile(recordAbs, 'utf8').catch(() => undefined);
    const record = recordBefore === undefined ? undefined : parseRecord(recordBefore);
    const recordShown = toPosix(relative(app.io.cwd, recordAbs));
    if (recordBefore !== undefined && !record) {
      app.log.warn(
        app.lang === 'en'
          ? `${recordShown} is not a record this version reads; every difference is treated as a conflict.`
          : `${recordShown} không phải bản ghi lần nhập mà phiên bản này đọc được; mọi khác biệt được coi là xung đột.`,
      );
    }
    targets.push({
      kind: k.kind,
      path,
      abs,
      shown: toPosix(relative(app.io.cwd, abs)),
      modelPath: toPosix(relative(loaded.loaded.base, join(loaded.loaded.rootAbs, path))),
      recordAbs,
      recordShown,
      ...(before !== undefined ? { before } : {}),
      ...(recordBefore !== undefined ? { recordBefore } : {}),
      ...(record ? { record } : {}),
    });
  }
  return targets;
}

/**
 * Entities declared outside the import's own files (`own`, model paths): with their fields and
 * where each is written, for comparing a row that names one; and the rows other imports' records
 * made entities from, to tell apart declared entities that share a name.
 */
export async function readDeclared(model: Model, base: string, own: ReadonlySet<string>): Promise<{ existing: ExistingEntity[]; recorded: RecordedRow[] }> {
  const texts = new Map<string, string | undefined>();
  const existing: ExistingEntity[] = [];
  const recorded: RecordedRow[] = [];
  for (const kind of ['agency', 'org', 'system', 'dataset', 'integration', 'task', 'function', 'service'] as const) {
    for (const e of model.all(kind)) {
      const f = e.origin.file;
      if (own.has(f)) continue;
      const firstRead = !texts.has(f);
      if (firstRead) texts.set(f, await readFile(join(base, f), 'utf8').catch(() => undefined));
      const from = importedFrom(texts.get(f) ?? '');
      existing.push({
        kind,
        id: e.id,
        name: e.name,
        ...(e.shortName ? { shortName: e.shortName } : {}),
        file: f,
        doc: e as unknown as Record<string, unknown>,
        at: (field) => {
          const loc = model.locate(e.ref, field.split('.'));
          return `${loc.file}:${loc.range.start.line}`;
        },
        ...(from !== undefined ? { importedFrom: from } : {}),
      });
      if (from !== undefined && firstRead) {
        const r = parseRecord(await readFile(join(base, recordPathOf(f)), 'utf8').catch(() => ''));
        if (r) recorded.push(...recordedRows(r));
      }
    }
  }
  return { existing, recorded };
}
