import { realpathSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { Option, type Command } from 'commander';
import { countBySeverity, sortDiagnostics, type Diagnostic } from '../../core/diagnostic.js';
import { isStructural } from '../../diagnostics/codes.js';
import { UserError } from '../../core/errors.js';
import { countEn, pick, text } from '../../core/text.js';
import { appendixMarkdown } from '../../aggregate/appendix.js';
import { consolidatedGapReport } from '../../aggregate/gap.js';
import { mergeAgencies } from '../../aggregate/merge.js';
import { aggregateJson, aggregateMarkdown } from '../../aggregate/report.js';
import type { AgencyInput, AggregateResult, WeightBasis } from '../../aggregate/types.js';
import { exitCodeFor } from '../../diagnostics/exit-code.js';
import { displayPath, pathBase } from '../../load/discover.js';
import { runPipeline } from '../../pipeline.js';
import { modelJsonRenderer } from '../../render/model/model-json.js';
import type { BrowserProvider } from '../../render/browser.js';
import { renderGapReport } from '../../render/gap/gap-report.js';
import { diagramImages } from '../../render/mermaid/renderer.js';
import { DIAGRAMS_DIR } from '../../render/mermaid/types.js';
import { siteFiles } from '../../render/site/site.js';
import type { GeneratedFile, RenderCache, RenderContext } from '../../render/types.js';
import { crossAgencyDiagram } from '../../aggregate/diagram.js';
import { Spool } from '../../write/spool.js';
import { writeGenerated } from '../../write/write-generated.js';
import { parseAsOf, parseMegabytes, type App } from '../app.js';
import { allCodes, emit, formatDiagnostics } from '../output.js';
import { withRenderResources } from './documents.js';
import { addForceOption, addInputOptions, addReportOptions, claimOutputFor, type InputOptions, type ReportOptions } from './shared.js';

interface AggregateOptions extends InputOptions, ReportOptions {
  out: string;
  agency?: string;
  weights: WeightBasis;
  render: boolean;
  force?: boolean;
}

/** The deepest folder holding every one of `paths` (absolute). */
function commonAncestor(paths: readonly string[]): string {
  let common = paths[0] ?? sep;
  for (const p of paths.slice(1)) {
    while (common !== dirname(common) && relative(common, p).startsWith('..')) common = dirname(common);
  }
  return common;
}

async function loadAgencies(app: App, dirs: readonly string[], opts: AggregateOptions): Promise<AgencyInput[]> {
  const asOf = parseAsOf(opts.asOf);
  const maxFileBytes = parseMegabytes(opts.maxFileSize);
  const seen = new Map<string, string>();
  const inputs: AgencyInput[] = [];
  const reals = dirs.map((dir) => {
    try {
      return realpathSync(resolve(app.io.cwd, dir));
    } catch {
      throw new UserError(text(`Không tìm thấy thư mục kiến trúc "${dir}".`, `No architecture folder "${dir}".`));
    }
  });
  // One base for every agency (the folder holding all their repositories), so their file paths never
  // collide and do not depend on the working directory.
  const base = commonAncestor(await Promise.all(reals.map((r) => pathBase(r))));
  const onLoaded = app.io.onLoaded;
  let before = { files: 0, bytes: 0 };
  for (const [i, dir] of dirs.entries()) {
    const real = reals[i] as string;
    const dup = seen.get(real);
    if (dup !== undefined) throw new UserError(text(`Thư mục "${dir}" đã được chỉ định (là "${dup}").`, `The folder "${dir}" is already given (as "${dup}").`));
    seen.set(real, dir);
    app.log.info(app.lang === 'en' ? `Reading ${dir}…` : `Đọc ${dir}…`);
    const r = await runPipeline({
      root: dir,
      cwd: app.io.cwd,
      base,
      // What the folders hold together so far: the size an out-of-memory line names, and what sets the
      // heap growth of the rest of the run (../memory-guard.ts).
      ...(onLoaded ? { onRead: (s: { files: number; bytes: number }) => onLoaded({ files: before.files + s.files, bytes: before.bytes + s.bytes }) } : {}),
      today: app.today,
      rules: true,
      ...(asOf ? { asOf } : {}),
      ...(maxFileBytes ? { maxFileBytes } : {}),
    });
    inputs.push({ dir: r.loaded.root, model: r.model, diagnostics: r.diagnostics, sources: r.loaded.sources, files: r.loaded.files, structuralErrors: r.structuralErrors });
    before = { files: before.files + r.loaded.files.length, bytes: before.bytes + r.loaded.files.reduce((n, f) => n + f.bytes, 0) };
  }
  return inputs;
}

/** An agency folder whose own check found syntax, schema or reference errors, with those errors. */
interface BlockedAgency {
  readonly dir: string;
  readonly name: string;
  readonly errors: readonly Diagnostic[];
}

/** The folders the merge cannot stand on: what `site`, `gap` and `report` refuse for one folder. */
function blockingErrors(inputs: readonly AgencyInput[]): BlockedAgency[] {
  return inputs
    .filter((i) => i.structuralErrors)
    .map((i) => ({ dir: i.dir, name: i.model.agency?.name ?? i.dir, errors: i.diagnostics.filter((d) => d.severity === 'error' && isStructural(d.code)) }));
}

/**
 * An agency with syntax, schema or reference errors would be merged without the entities that failed,
 * and the consolidated view would read as complete: print those errors with the conflicts (as `check`
 * prints them, in --format), write nothing, leave the previous --out as it was, and exit 1.
 */
async function refuseAggregate(app: App, opts: AggregateOptions, result: AggregateResult, blocked: readonly BlockedAgency[]): Promise<void> {
  const all = sortDiagnostics([...result.conflicts, ...blocked.flatMap((b) => b.errors)]);
  const files = [...new Set([...result.model.files.map((f) => f.file), ...all.map((d) => d.file)])];
  const who = blocked
    .map((b) =>
      app.lang === 'en'
        ? `${b.name} (${b.dir}) has ${countEn(b.errors.length, 'syntax, schema or reference error')}`
        : `${b.name} (${b.dir}) có ${b.errors.length} lỗi cú pháp, lược đồ hoặc tham chiếu`,
    )
    .join('; ');
  app.log.warn(
    app.lang === 'en'
      ? `No aggregate written: ${who}; fix it (kientruc check shows the same). The previous ${opts.out} is left as it was.`
      : `Không tạo tổng hợp: ${who}; sửa các lỗi này (kientruc check cho thư mục đó báo giống vậy). Đầu ra cũ trong ${opts.out} được giữ nguyên.`,
  );
  app.exitCode = Math.max(1, exitCodeFor(all, opts.failOn));
  await emit(app, formatDiagnostics(app, opts.format, all, files, opts.failOn), opts.output);
}

/**
 * Everything `aggregate` writes into --out, from the merged view. With a spool, the reports go to disk as
 * soon as they are made (the consolidated gap report's view model is not kept while the rest renders);
 * model.json and the site are streamed from the merged model when written.
 */
export async function renderAggregate(app: App, result: AggregateResult, browser: BrowserProvider | undefined, cache: RenderCache | undefined, spool?: Spool): Promise<GeneratedFile[]> {
  const ctx: RenderContext = {
    model: result.model,
    diagnostics: result.diagnostics,
    rules: [],
    asOf: result.asOf,
    lang: app.lang,
    toolVersion: app.version,
    log: (m) => app.log.info(pick(m, app.lang)),
    browser,
    cache,
  };
  const keep = async (files: GeneratedFile[]): Promise<GeneratedFile[]> => (spool ? spool.keep(files) : files);
  const spec = crossAgencyDiagram(result);
  const { images } = await diagramImages(ctx, [spec], ['svg']);
  const svg = images.get(spec.name)?.svg;
  const diagramPath = `${DIAGRAMS_DIR}/${spec.name}`;
  return [
    ...(await keep([
      { path: 'aggregate.md', contents: aggregateMarkdown(result, app.lang, { ...spec, svgPath: svg === undefined ? undefined : `${diagramPath}.svg` }) },
      { path: 'aggregate.json', contents: aggregateJson(result, app.version) },
      { path: 'appendix.md', contents: appendixMarkdown(result, app.lang) },
    ])),
    // The consolidated gap report: the gap report's view model over the merged model, with the KPI
    // roll-ups and agency-wide coverage (../../aggregate/gap.ts), in its three formats.
    ...(await keep(renderGapReport(consolidatedGapReport(result, allCodes())))),
    { path: `${diagramPath}.mmd`, contents: spec.mermaid },
    ...(svg === undefined ? [] : [{ path: `${diagramPath}.svg`, contents: svg }]),
    ...(await modelJsonRenderer.render(ctx)),
    ...siteFiles({ ...ctx, diagrams: [{ name: spec.name, title: spec.title, mmd: spec.mermaid, ...(svg === undefined ? {} : { svg }) }] }),
  ];
}

export function registerAggregate(program: Command, app: App): void {
  const cmd = program
    .command('aggregate')
    .summary('tổng hợp kiến trúc nhiều cơ quan / merge many agencies into one view')
    .description(
      'Tổng hợp thư mục kiến trúc của nhiều cơ quan (tỉnh và các sở, xã; bộ và các đơn vị) thành một góc nhìn: mã thực thể có hậu tố mã định danh cơ quan (QCVN 102), ' +
        'tham chiếu "system:x@<mã>" được giải quyết giữa các cơ quan; báo xung đột kèm tệp và dòng (CSDL quốc gia có hai nguồn, hai cơ quan cùng khai báo một hệ thống, ' +
        'kết nối tới hệ thống không tồn tại, trùng hoặc thiếu mã định danh); tổng hợp chỉ tiêu theo chỉ tiêu quốc gia có trọng số; tạo báo cáo, phụ lục tổng hợp vào --out. ' +
        'Xung đột được in ra stdout theo --format.',
    )
    .argument('<dir...>', 'các thư mục kiến trúc (mỗi thư mục một cơ quan)')
    .requiredOption('--out <dir>', 'thư mục đầu ra của góc nhìn tổng hợp')
    .option('--agency <code>', 'mã định danh của cơ quan tổng hợp (mặc định: cơ quan cấp cao nhất)')
    .addOption(
      new Option('--weights <basis>', 'trọng số khi tổng hợp chỉ tiêu (thiếu thì lùi về dân số, rồi bằng nhau)').choices(['denominator', 'population', 'equal']).default('denominator'),
    )
    .option('--no-render', 'không dùng trình duyệt: sơ đồ kết nối giữa cơ quan chỉ có mã Mermaid');
  addInputOptions(cmd);
  addReportOptions(cmd);
  addForceOption(cmd);
  cmd.addHelpText(
    'after',
    `
Ví dụ:
  $ kientruc aggregate architecture ../so-y-te/architecture ../xa-lam-nguyen/architecture --out generated/tinh
  $ kientruc aggregate tinh/ so-*/ xa-*/ --out tong-hop --agency 000.00.00.H99 --weights population
  $ kientruc aggregate a b c --out tong-hop --format sarif --output xung-dot.sarif

Đầu ra: aggregate.md (cơ quan, xung đột, chỉ tiêu tổng hợp, kết nối giữa cơ quan), aggregate.json,
gap-report.{md,html,json} (báo cáo khoảng cách tổng hợp), appendix.md (phụ lục hệ thống, cơ sở dữ liệu, nhiệm vụ), diagrams/lien-co-quan.{mmd,svg} (sơ đồ kết nối
giữa cơ quan), model.json (mô hình đã gộp), site/index.html (trang danh mục của góc nhìn tổng hợp).`,
  );
  cmd.action(async (dirs: string[], opts: AggregateOptions) => {
    const out = await claimOutputFor(app, opts.out, dirs, opts.force);
    const inputs = await loadAgencies(app, dirs, opts);
    const blocked = blockingErrors(inputs);
    // The folders' own models are not kept past the merge (splice empties the list): the merged model is
    // a namespaced copy, and at national scale the two together would not fit a default heap.
    const result = mergeAgencies(inputs.splice(0), {
      today: app.today,
      weights: opts.weights,
      ...(opts.agency ? { primary: opts.agency } : {}),
      ...(opts.asOf ? { asOf: opts.asOf } : {}),
    });
    if (opts.agency && !result.agencies.some((a) => a.primary)) {
      throw new UserError(
        text(
          `--agency ${opts.agency}: không có cơ quan nào mang mã định danh này trong các thư mục đã cho.`,
          `--agency ${opts.agency}: no agency has this identifier in the folders given.`,
        ),
      );
    }
    if (blocked.length > 0) {
      await refuseAggregate(app, opts, result, blocked);
      return;
    }
    const spool = await Spool.open();
    let written: number;
    try {
      const files = await withRenderResources(app, opts, opts.render, (browser, cache) => renderAggregate(app, result, browser, cache, spool));
      await writeGenerated(out, files, 'replace');
      written = files.length;
    } finally {
      await spool.close();
    }
    const outAbs = resolve(app.io.cwd, opts.out);
    const n = countBySeverity(result.conflicts);
    const merged = result.agencies.filter((a) => a.merged).length;
    const shown = displayPath(app.io.cwd, outAbs);
    app.log.info(
      app.lang === 'en'
        ? `✓ Merged ${countEn(merged, 'agency', 'agencies')} into ${shown}/ (${countEn(written, 'file')}); conflicts: ${countEn(n.error, 'error')}, ${countEn(n.warning, 'warning')}.`
        : `✓ Đã tổng hợp ${merged} cơ quan vào ${shown}/ (${written} tệp); xung đột: ${n.error} lỗi, ${n.warning} cảnh báo.`,
    );
    await emit(app, formatDiagnostics(app, opts.format, result.conflicts, result.model.files.map((f) => f.file), opts.failOn), opts.output);
    app.exitCode = exitCodeFor(result.conflicts, opts.failOn);
  });
}
