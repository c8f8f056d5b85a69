import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import type addFormatsPlugin from 'ajv-formats';
import type { IsoDate } from '../core/dates.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Severity } from '../core/severity.js';
import { closest } from '../core/similar.js';
import type { DocPath } from '../core/source.js';
import { text } from '../core/text.js';
import type { LoadedConfig } from '../load/config.js';
import { translateAjvError } from './messages.js';
import { arr, date, doc, obj, str, type Schema } from './schema/dsl.js';

const require = createRequire(import.meta.url);

/** `off` switches a rule off (a reason is then required). */
export type RuleLevel = Severity | 'off';

export interface RuleSetting {
  readonly severity?: RuleLevel;
  readonly reason?: string;
}

/** A finding accepted for one (rule, entity) pair until a date. */
export interface Waiver {
  readonly rule: string;
  readonly entity: string;
  readonly reason: string;
  readonly approvedBy: string;
  readonly expires: IsoDate;
  /** Where it was written, for `waiver.*` diagnostics. */
  readonly file: string;
  readonly range: Diagnostic['range'];
  readonly path: DocPath;
}

export interface Config {
  /** Display path of the file the settings came from, or undefined when there is none. */
  readonly file: string | undefined;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly waivers: readonly Waiver[];
}

export const EMPTY_CONFIG: Config = { file: undefined, rules: {}, waivers: [] };

const LEVELS = ['error', 'warning', 'info', 'off'] as const;

/** JSON Schema of `kientruc.config.yaml` (also written by `kientruc schema`). */
export const CONFIG_SCHEMA: Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://kientruc.vn/schema/kientruc.config.schema.json',
  ...obj(
    {
      vi: 'Cấu hình kientruc',
      en: 'kientruc configuration',
      dvi: 'Điều chỉnh mức nghiêm trọng của quy tắc, tắt quy tắc (kèm lý do) và miễn trừ từng phát hiện (kèm lý do, người phê duyệt, thời hạn).',
      den: 'Rule severity overrides, rules switched off (with a reason) and waivers for single findings (with reason, approver, expiry).',
    },
    {
      $schema: str({ vi: 'Lược đồ', en: 'Schema' }),
      rules: doc(
        { vi: 'Quy tắc', en: 'Rules', dvi: 'Theo mã quy tắc, ví dụ "data.layer-block".', den: 'By rule id, e.g. "data.layer-block".' },
        {
          type: 'object',
          propertyNames: { pattern: '^[a-z]+\\.[a-z0-9]+(-[a-z0-9]+)*$' },
          additionalProperties: obj(
            { vi: 'Thiết lập quy tắc', en: 'Rule setting' },
            {
              severity: doc({ vi: 'Mức nghiêm trọng', en: 'Severity', dvi: 'error, warning, info, hoặc off để tắt quy tắc.', den: 'error, warning, info, or off.' }, { type: 'string', enum: [...LEVELS] }),
              reason: str({ vi: 'Lý do', en: 'Reason', dvi: 'Bắt buộc khi tắt quy tắc.', den: 'Required when the rule is off.' }, { maxLength: 1000 }),
            },
            ['severity'],
          ),
        },
      ),
      waivers: arr(
        {
          vi: 'Miễn trừ',
          en: 'Waivers',
          dvi: 'Mỗi miễn trừ chấp nhận các phát hiện của một quy tắc trên một thực thể, hoặc trên mọi thực thể khớp mẫu (ví dụ "system:*", "dataset:dat-dai-*"), kèm lý do, người phê duyệt và thời hạn.',
          den: 'Each waiver accepts the findings of one rule on one entity, or on every entity matching a pattern (e.g. "system:*", "dataset:dat-dai-*"), with a reason, an approver and an expiry.',
        },
        obj(
          { vi: 'Miễn trừ', en: 'Waiver' },
          {
            rule: str({ vi: 'Mã quy tắc', en: 'Rule id' }, { pattern: '^[a-z]+\\.[a-z0-9]+(-[a-z0-9]+)*$' }),
            entity: str(
              {
                vi: 'Thực thể',
                en: 'Entity',
                dvi: 'Tham chiếu ("system:hsmc") hoặc mẫu: "*" thay cho một đoạn ký tự bất kỳ, "?" cho một ký tự ("system:*", "dataset:dat-dai-*").',
                den: 'A reference ("system:hsmc") or a pattern: "*" stands for any run of characters, "?" for one ("system:*", "dataset:dat-dai-*").',
                examples: ['system:hsmc', 'system:*', 'dataset:dat-dai-*'],
              },
              { pattern: '^[a-z]+:[a-z0-9*?]+(-[a-z0-9*?]+)*$' },
            ),
            reason: str({ vi: 'Lý do', en: 'Reason' }, { maxLength: 1000 }),
            approvedBy: str({ vi: 'Người phê duyệt', en: 'Approved by' }, { maxLength: 300 }),
            expires: date({ vi: 'Hết hạn', en: 'Expires' }),
          },
          ['rule', 'entity', 'reason', 'approvedBy', 'expires'],
        ),
      ),
    },
  ),
};

/** Schema problems keep their own code under `config.`; anything rarer is `config.invalid`. */
const CONFIG_SCHEMA_CODES: ReadonlySet<string> = new Set(['config.required', 'config.unknown-field', 'config.type', 'config.enum', 'config.format', 'config.pattern', 'config.empty', 'config.too-long']);

let compiled: ValidateFunction | undefined;
/** Compiled on first use: ajv is loaded only when there is a configuration file to check (≈ 0.1 s CPU at start). */
function validator(): ValidateFunction {
  if (!compiled) {
    const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    const addFormats = require('ajv-formats') as typeof addFormatsPlugin.default;
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, allowUnionTypes: true });
    addFormats(ajv, ['date']);
    ajv.addVocabulary(['x-vi', 'x-en', 'x-legal', 'x-enum', 'x-ref', 'markdownEnumDescriptions']);
    compiled = ajv.compile(CONFIG_SCHEMA);
  }
  return compiled;
}

/** Schema of a config member, following `additionalProperties` under `rules`. */
function schemaAtConfig(path: DocPath): Schema | undefined {
  let cur: Schema | undefined = CONFIG_SCHEMA;
  for (const seg of path) {
    if (!cur) return undefined;
    if (typeof seg === 'number') cur = cur['items'] as Schema | undefined;
    else cur = ((cur['properties'] as Record<string, Schema> | undefined)?.[seg] ?? (cur['additionalProperties'] as Schema | undefined)) || undefined;
  }
  return cur;
}

/**
 * Validates a configuration against its schema and the registered rule ids. Entries with problems are
 * reported (`config.*`) and left out; the rest applies.
 */
export function checkConfig(
  loaded: LoadedConfig | undefined,
  ruleIds: readonly string[],
  /** Rules resting on unconfirmed facts: they never report above `warning`, whatever the configuration says. */
  capped: ReadonlySet<string> = new Set(),
): { value: Config; diagnostics: Diagnostic[] } {
  if (!loaded) return { value: EMPTY_CONFIG, diagnostics: [] };
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const { file } = loaded;
  const at = (path: DocPath, part: 'value' | 'key' = 'value') => loaded.sources.locate(file, 0, path, part);
  const value = loaded.value;
  if (loaded.diagnostics.length > 0) return { value: { ...EMPTY_CONFIG, file }, diagnostics };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push({
      code: 'config.not-a-mapping',
      severity: 'error',
      message: text('Tệp cấu hình phải là một đối tượng với các khóa "rules" và "waivers".', 'The configuration must be a mapping with "rules" and "waivers".'),
      file,
      range: at([]),
      path: [],
    });
    return { value: { ...EMPTY_CONFIG, file }, diagnostics };
  }
  const subject = text(`Tệp cấu hình`, `The configuration`);
  const validate = validator();
  validate(value);
  const bad = new Set<string>();
  for (const err of validate.errors ?? []) {
    const t = translateAjvError(err, subject, schemaAtConfig);
    const key = t.path.slice(0, 2).join('\u0000');
    bad.add(key);
    const code = t.code.replace(/^schema\./, 'config.');
    diagnostics.push({
      code: CONFIG_SCHEMA_CODES.has(code) ? code : 'config.invalid',
      severity: 'error',
      message: t.message,
      file,
      range: at([...(t.at && t.at[0] !== 'id' ? t.at : t.path)], t.part),
      path: t.path,
      ...(t.fix ? { fix: t.fix } : {}),
    });
  }
  const record = value as { rules?: Record<string, RuleSetting>; waivers?: Omit<Waiver, 'file' | 'range' | 'path'>[] };
  const known = new Set(ruleIds);
  const unknownRule = (id: string, path: DocPath, part: 'value' | 'key'): Diagnostic => {
    const guess = closest(id, ruleIds);
    return {
      code: 'config.unknown-rule',
      severity: 'error',
      message: text(`Quy tắc "${id}" không tồn tại${guess ? ` — ý bạn là "${guess}"?` : '.'}`, `Rule "${id}" does not exist${guess ? ` — did you mean "${guess}"?` : '.'}`),
      file,
      range: at(path, part),
      path,
      fix: guess ? text(`Sửa thành "${guess}".`, `Change it to "${guess}".`) : text('Xem danh sách quy tắc: kientruc schema --list codes.', 'List the rules: kientruc schema --list codes.'),
    };
  };
  const rules: Record<string, RuleSetting> = {};
  const ruleEntries = !bad.has('rules') && isRecord(record.rules) ? Object.entries(record.rules) : [];
  for (const [id, setting] of ruleEntries) {
    if (bad.has(['rules', id].join('\u0000'))) continue;
    if (!known.has(id)) {
      diagnostics.push(unknownRule(id, ['rules', id], 'key'));
      continue;
    }
    if (setting.severity === 'off' && setting.reason === undefined) {
      diagnostics.push({
        code: 'config.off-without-reason',
        severity: 'error',
        message: text(`Tắt quy tắc "${id}" phải nêu lý do.`, `Switching rule "${id}" off needs a reason.`),
        file,
        range: at(['rules', id, 'severity']),
        path: ['rules', id, 'severity'],
        fix: text(`Thêm "reason: …" vào rules.${id}.`, `Add "reason: …" to rules.${id}.`),
      });
      continue;
    }
    if (setting.severity === 'error' && capped.has(id)) {
      diagnostics.push({
        code: 'config.severity-capped',
        severity: 'warning',
        message: text(
          `Quy tắc "${id}" dựa trên căn cứ chưa xác nhận nên không báo lỗi (error) được; kientruc vẫn báo ở mức cảnh báo (warning).`,
          `Rule "${id}" rests on unconfirmed facts, so it cannot report errors; kientruc keeps reporting it as a warning.`,
        ),
        file,
        range: at(['rules', id, 'severity']),
        path: ['rules', id, 'severity'],
        fix: text(`Đổi thành "severity: warning", hoặc dùng --fail-on warning để cảnh báo làm lệnh thất bại.`, `Set "severity: warning", or use --fail-on warning to make warnings fail the run.`),
      });
    }
    rules[id] = setting;
  }
  const waivers: Waiver[] = [];
  const waiverEntries = !bad.has('waivers') && Array.isArray(record.waivers) ? record.waivers : [];
  waiverEntries.forEach((w, i) => {
    if (bad.has(['waivers', i].join('\u0000'))) return;
    const path: DocPath = ['waivers', i];
    if (!known.has(w.rule)) {
      diagnostics.push(unknownRule(w.rule, [...path, 'rule'], 'value'));
      return;
    }
    waivers.push({ rule: w.rule, entity: w.entity, reason: w.reason, approvedBy: w.approvedBy, expires: w.expires, file, range: at(path), path });
  });
  return { value: { file, rules, waivers }, diagnostics };
}

/** Severity overrides and switched-off rules, as `runRules` takes them. */
export function ruleOptions(config: Config): { severity: Record<string, Severity>; disabled: Set<string> } {
  const severity: Record<string, Severity> = {};
  const disabled = new Set<string>();
  for (const [id, s] of Object.entries(config.rules)) {
    if (s.severity === 'off') disabled.add(id);
    else if (s.severity !== undefined) severity[id] = s.severity;
  }
  return { severity, disabled };
}

function isRecord(v: unknown): v is Record<string, RuleSetting> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
