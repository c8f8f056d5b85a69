import { Option, type Command } from 'commander';
import { UserError } from '../../core/errors.js';
import { pick, text } from '../../core/text.js';
import { availablePacks, DEFAULT_PACK, loadPack } from '../../framework/load-pack.js';
import type { FrameworkPack } from '../../framework/types.js';
import { schemaJson } from '../../render/schema-file.js';
import { writeGenerated } from '../../write/write-generated.js';
import type { App } from '../app.js';
import { allCodes, emit } from '../output.js';
import { claimOutputFor, DEFAULT_ROOT } from './shared.js';

const LISTS = ['national', 'targets', 'organizations', 'components', 'enums', 'legal', 'units', 'codes'] as const;
type ListName = (typeof LISTS)[number];

// Names of organisations and legal documents are proper names: the pack has them in Vietnamese only.
function listing(pack: FrameworkPack, what: ListName, app: App): string {
  const en = app.lang === 'en';
  const unconfirmed = (c: { confirmed: boolean }): string => (c.confirmed ? '' : en ? '  [unconfirmed]' : '  [chưa xác nhận]');
  const lines: string[] = [];
  switch (what) {
    case 'national':
      for (const n of pack.national) lines.push(`${n.ref.padEnd(36)} ${n.layer}  ${en ? n.nameEn : n.name}${unconfirmed(n)}`);
      break;
    case 'targets':
      for (const t of pack.targets) {
        const v = t.value === null ? '—' : `${t.comparator === 'lte' ? '≤' : '≥'}${t.value}`;
        lines.push(`${t.ref.padEnd(42)} ${v.padEnd(6)} ${(t.deadline ?? '—').padEnd(10)} ${en ? t.nameEn : t.name} (${t.legalRef})${unconfirmed(t)}`);
      }
      break;
    case 'organizations':
      for (const o of pack.organizations) lines.push(`${o.ref.padEnd(34)} ${o.name}`);
      break;
    case 'components':
      for (const c of pack.components) lines.push(`${c.id.padEnd(24)} ${c.layer}  ${en ? c.en : c.vi}${c.nationalCounterpart ? ` (≈ ${c.nationalCounterpart})` : ''}${unconfirmed(c)}`);
      break;
    case 'enums':
      for (const e of Object.values(pack.enums)) {
        lines.push(`${e.id} — ${en ? e.en : e.vi} (${e.source ?? ''})${unconfirmed(e)}`);
        for (const v of e.values) lines.push(`    ${String(v.value).padEnd(22)} ${en ? v.en : v.vi}${unconfirmed(v)}`);
      }
      break;
    case 'legal':
      for (const l of pack.legal) {
        const superseded = !l.supersededOn ? '' : en ? ` (superseded on ${l.supersededOn} by ${l.supersededBy})` : ` (thay thế từ ${l.supersededOn} bởi ${l.supersededBy})`;
        lines.push(`${l.id.padEnd(26)} ${l.short}${superseded}${unconfirmed(l)}`);
      }
      break;
    case 'units':
      // The units catalogue of kpi.unit; an agency adds its own in agency.units.
      for (const v of pack.enums['kpiUnit']?.values ?? []) lines.push(`${String(v.value).padEnd(14)} ${(v.symbol ?? '').padEnd(12)} ${en ? v.en : v.vi}${unconfirmed(v)}`);
      break;
    case 'codes':
      for (const c of allCodes()) lines.push(`${c.id.padEnd(34)} ${c.severity.padEnd(8)} ${pick(c.description, app.lang)}${c.legalRef ? ` [${c.legalRef}]` : ''}`);
      break;
  }
  return `${lines.join('\n')}\n`;
}

export function registerSchema(program: Command, app: App): void {
  program
    .command('schema')
    .summary('xuất lược đồ JSON, tra cứu danh mục của bộ khung / export the JSON Schema, list framework data')
    .description(
      'Xuất lược đồ JSON (draft 2020-12) của định dạng YAML, có tiêu đề và mô tả tiếng Việt, tiếng Anh cho từng trường, để VS Code (YAML extension) gợi ý và báo lỗi. Với --list, in danh mục của bộ khung (hệ thống quốc gia, chỉ tiêu quốc gia, enum, văn bản pháp lý, đơn vị đo, mã lỗi).',
    )
    .option('--out <dir>', 'ghi kientruc.schema.json vào thư mục này (mặc định in ra stdout)')
    .addOption(new Option('--list <what>', 'in một danh mục của bộ khung').choices(LISTS))
    .addOption(new Option('--framework <id>', 'bộ khung').default(DEFAULT_PACK))
    .option('--force', 'ghi vào thư mục đã có tệp không do kientruc tạo (không xóa hay ghi đè tệp nào của bạn)')
    .addHelpText(
      'after',
      `
Ví dụ:
  $ kientruc schema --out generated/schema     # dòng đầu mỗi tệp YAML:
      # yaml-language-server: $schema=../../generated/schema/kientruc.schema.json
  $ kientruc schema --list national            # national:… dùng trong from/to, nationalDatabase
  $ kientruc schema --list targets             # target:… dùng trong nationalTarget
  $ kientruc schema --list units               # đơn vị đo dùng trong kpi.unit (thêm đơn vị riêng ở agency.units)
  $ kientruc schema --list codes               # mọi mã lỗi và quy tắc`,
    )
    .action(async (opts: { out?: string; list?: ListName; framework: string; force?: boolean }) => {
      if (!availablePacks().includes(opts.framework)) {
        throw new UserError(
          text(
            `Bộ khung "${opts.framework}" chưa được cài đặt; có: ${availablePacks().join(', ')}.`,
            `The framework pack "${opts.framework}" is not installed; installed: ${availablePacks().join(', ')}.`,
          ),
        );
      }
      const pack = loadPack(opts.framework);
      if (opts.list) {
        await emit(app, listing(pack, opts.list, app), undefined);
        return;
      }
      const json = schemaJson(pack);
      if (opts.out === undefined) {
        app.io.stdout.write(json);
        return;
      }
      const out = await claimOutputFor(app, opts.out, [DEFAULT_ROOT], opts.force);
      await writeGenerated(out, [{ path: 'kientruc.schema.json', contents: json }], 'merge');
      app.log.info(`✓ ${app.lang === 'en' ? 'Wrote' : 'Đã ghi'} ${opts.out}/kientruc.schema.json`);
    });
}
