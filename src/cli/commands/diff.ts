import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { compareSides } from '../../diff/compare.js';
import { compareStates } from '../../diff/states.js';
import { UserError } from '../../core/errors.js';
import { viShortDate } from '../../core/dates.js';
import { countEn, text } from '../../core/text.js';
import { parseState, transitionsBetween, type StateSpec } from '../../model/states.js';
import { formatDiffJson, formatDiffMarkdown, summaryLine } from '../../diff/format.js';
import type { DiffSide } from '../../diff/types.js';
import { folderAt, followFolderRename, snapshotFolderAt } from '../../load/git-snapshot.js';
import { runPipeline } from '../../pipeline.js';
import { parseAsOf, parseMegabytes, type App } from '../app.js';
import { emit } from '../output.js';
import { addInputOptions, DEFAULT_ROOT, type InputOptions } from './shared.js';

interface DiffOptions extends InputOptions {
  dir: string;
  baseDir?: string;
  headDir?: string;
  from?: string;
  to?: string;
  format: 'md' | 'json';
  output?: string;
  failOnBreaking?: boolean;
}

interface LoadedSide {
  readonly side: DiffSide;
  dispose(): Promise<void>;
}

/** A folder argument may be the architecture folder itself or a checkout holding `architecture/`. */
function asFolder(cwd: string, arg: string): string | undefined {
  const abs = resolve(cwd, arg);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) return undefined;
  if (!existsSync(join(abs, 'agency.yaml')) && existsSync(join(abs, DEFAULT_ROOT, 'agency.yaml'))) return join(arg, DEFAULT_ROOT);
  return arg;
}

/** The architecture folder of each side of a comparison, and the option that names it. */
interface SideDirs {
  readonly base: string;
  readonly head: string;
  readonly baseFlag: string;
  readonly headFlag: string;
}

/**
 * The architecture folder of each side: `--base-dir`/`--head-dir`, else `--dir`. When a git side
 * does not have that folder and no per-side option names it, the folder may have been renamed between
 * the sides (`git mv architecture kien-truc`): git's rename detection says where it went, so the CI job
 * (`kientruc diff "$BASE_SHA" HEAD`) keeps working on the pull request that renames it.
 */
async function sideDirs(app: App, base: string, head: string | undefined, opts: DiffOptions): Promise<SideDirs> {
  const cwd = app.io.cwd;
  let baseDir = opts.baseDir ?? opts.dir;
  let headDir = opts.headDir ?? opts.dir;
  const baseIsRef = asFolder(cwd, base) === undefined;
  const headIsRef = head !== undefined && asFolder(cwd, head) === undefined;
  const headHas = async (dir: string) => (head === undefined ? existsSync(resolve(cwd, dir)) : headIsRef ? await folderAt(cwd, head, dir) : true);
  const said = (from: string, to: string) =>
    app.log.info(app.lang === 'en' ? `The architecture folder was renamed between the sides (git): ${from} → ${to}.` : `Thư mục kiến trúc đổi tên giữa hai phía (theo git): ${from} → ${to}.`);
  if (baseIsRef && opts.baseDir === undefined && (await folderAt(cwd, base, baseDir)) === false && (head === undefined || headIsRef) && (await headHas(headDir))) {
    const found = await followFolderRename({ cwd, base, head, dir: headDir, direction: 'backward' });
    if (found !== undefined) {
      said(found, headDir);
      baseDir = found;
    }
  }
  if (baseIsRef && opts.headDir === undefined && (head === undefined || headIsRef) && !(await headHas(headDir)) && (await folderAt(cwd, base, baseDir)) === true) {
    const found = await followFolderRename({ cwd, base, head, dir: baseDir, direction: 'forward' });
    if (found !== undefined) {
      said(baseDir, found);
      headDir = found;
    }
  }
  // A folder missing on one side only is that side's option to fix; missing on both, --dir.
  const both = baseDir === headDir && opts.baseDir === undefined && opts.headDir === undefined;
  return { base: baseDir, head: headDir, baseFlag: both ? '--dir' : '--base-dir', headFlag: both ? '--dir' : '--head-dir' };
}

async function loadSide(app: App, arg: string | undefined, dir: string, flag: string, opts: DiffOptions): Promise<LoadedSide> {
  const asOf = parseAsOf(opts.asOf);
  const maxFileBytes = parseMegabytes(opts.maxFileSize);
  const common = { today: app.today, rules: true, ...(asOf ? { asOf } : {}), ...(maxFileBytes ? { maxFileBytes } : {}) };
  const folder = arg === undefined ? dir : asFolder(app.io.cwd, arg);
  if (folder !== undefined) {
    const what = arg !== undefined ? folder : app.lang === 'en' ? `the working folder (${folder})` : `thư mục làm việc (${folder})`;
    app.log.info(app.lang === 'en' ? `Reading ${what}…` : `Đọc ${what}…`);
    const r = await runPipeline({ root: folder, cwd: app.io.cwd, ...common });
    return {
      side: { label: arg ?? '', model: r.model, diagnostics: r.diagnostics, asOf: r.asOf, root: r.loaded.root, structuralErrors: r.structuralErrors },
      dispose: async () => {},
    };
  }
  const snap = await snapshotFolderAt({ cwd: app.io.cwd, ref: arg as string, dir, flag });
  try {
    const commit = snap.commit.slice(0, 8);
    app.log.info(
      app.lang === 'en' ? `Reading ${dir} at ${arg} (${commit}, ${countEn(snap.files, 'YAML file')})…` : `Đọc ${dir} tại ${arg} (${commit}, ${snap.files} tệp YAML)…`,
    );
    const r = await runPipeline({ root: snap.root, cwd: snap.cwd, base: snap.base, ...common });
    return {
      side: {
        label: arg as string,
        commit: snap.commit.slice(0, 8),
        model: r.model,
        diagnostics: r.diagnostics,
        asOf: r.asOf,
        root: r.loaded.root,
        structuralErrors: r.structuralErrors,
      },
      dispose: () => snap.dispose(),
    };
  } catch (err: unknown) {
    await snap.dispose();
    throw err;
  }
}

export function registerDiff(program: Command, app: App): void {
  const cmd = program
    .command('diff')
    .summary('so sánh hai phiên bản kiến trúc / compare two versions of the architecture')
    .description(
      'So sánh kiến trúc giữa hai phía — mỗi phía là một tham chiếu git (nhánh, thẻ, commit) hoặc một thư mục; mặc định phía mới là thư mục làm việc. ' +
        'Liệt kê thay đổi phá vỡ trước (xóa thực thể đang được tham chiếu, hạ cấp độ an toàn, thu hẹp chia sẻ dữ liệu, ngừng đồng bộ về CSDL tổng hợp quốc gia, lùi thời hạn quá chỉ tiêu quốc gia), ' +
        'rồi thực thể thêm, xóa, sửa từng trường, biến động chỉ tiêu, phát hiện mới và đã khắc phục. Markdown dùng làm bình luận pull request.',
    )
    .argument('[base]', 'phía gốc: tham chiếu git hoặc thư mục; với --from/--to: thư mục kiến trúc (mặc định architecture)')
    .argument('[head]', 'phía mới: tham chiếu git hoặc thư mục (mặc định: thư mục làm việc)')
    .option('--from <state>', 'so sánh hai trạng thái của cùng một kiến trúc — trạng thái gốc: current, target:YYYY, YYYY hoặc YYYY-MM-DD (mặc định current)')
    .option('--to <state>', 'trạng thái đích khi so sánh hai trạng thái (mặc định current)')
    .option('--dir <dir>', 'thư mục kiến trúc trong kho git (dùng cho phía là tham chiếu git và cho thư mục làm việc)', DEFAULT_ROOT)
    .option('--base-dir <dir>', 'thư mục kiến trúc của phía gốc khi khác phía mới (mặc định: --dir, hoặc thư mục git ghi nhận đã đổi tên)')
    .option('--head-dir <dir>', 'thư mục kiến trúc của phía mới khi khác phía gốc (mặc định: --dir, hoặc thư mục git ghi nhận đã đổi tên)')
    .addOption(new Option('-f, --format <format>', 'định dạng kết quả').choices(['md', 'json']).default('md'))
    .option('-o, --output <file>', 'ghi kết quả vào tệp thay vì stdout')
    .option('--fail-on-breaking', 'trả mã thoát 1 khi có thay đổi phá vỡ');
  addInputOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Mỗi phía là một thư mục nếu thư mục đó tồn tại, nếu không thì là tham chiếu git.
Thư mục kiến trúc đổi tên giữa hai phía (git mv architecture kien-truc) được nhận ra qua git;
hoặc nêu rõ từng phía bằng --base-dir/--head-dir.

Ví dụ:
  $ kientruc diff main                                # nhánh main → thư mục làm việc
  $ kientruc diff origin/main HEAD --format md --output kientruc-diff.md
  $ kientruc diff v1.0 v1.1 --format json | jq .breaking
  $ kientruc diff ../ban-cu/architecture architecture # hai thư mục
  $ kientruc diff main --fail-on-breaking             # CI: chặn thay đổi phá vỡ
  $ kientruc diff v1.0 HEAD --base-dir architecture --head-dir kien-truc
  $ kientruc diff --from current --to target:2030     # hiện trạng → kiến trúc mục tiêu 2030, kèm lộ trình
  $ kientruc diff --from 2027 --to 2028 architecture  # các bước chuyển đổi trong năm 2028

Với --from/--to, hai phía là hai trạng thái của cùng một thư mục kiến trúc (since, until, transitions):
thực thể bắt đầu có, dừng, thay đổi, và lộ trình các bước chuyển đổi kèm nhiệm vụ thực hiện.`,
  );
  cmd.action(async (base: string | undefined, head: string | undefined, opts: DiffOptions) => {
    if (opts.from !== undefined || opts.to !== undefined) {
      if (head !== undefined) {
        throw new UserError(
          text(
            '--from/--to so sánh hai trạng thái của một thư mục kiến trúc: chỉ nêu một thư mục.',
            '--from/--to compare two states of one architecture folder: give only one folder.',
          ),
        );
      }
      await diffStates(app, base, opts);
      return;
    }
    if (base === undefined) {
      throw new UserError(
        text(
          'Thiếu phía gốc: nêu tham chiếu git hoặc thư mục (ví dụ "kientruc diff main"), hoặc --from/--to để so sánh hai trạng thái.',
          'Missing the base side: give a git reference or a folder (e.g. "kientruc diff main"), or --from/--to to compare two states.',
        ),
      );
    }
    const dirs = await sideDirs(app, base, head, opts);
    const b = await loadSide(app, base, dirs.base, dirs.baseFlag, opts);
    try {
      const h = await loadSide(app, head, dirs.head, dirs.headFlag, opts);
      try {
        const report = compareSides(b.side, h.side);
        const content = opts.format === 'json' ? formatDiffJson(report) : formatDiffMarkdown(report, app.lang);
        await emit(app, content, opts.output);
        app.log.info(summaryLine(report, app.lang).replace(/\*\*/g, ''));
        app.exitCode = opts.failOnBreaking && report.breaking.length > 0 ? 1 : 0;
      } finally {
        await h.dispose();
      }
    } finally {
      await b.dispose();
    }
  });
}

/** The side of one state: the whole pipeline (rules included) on that state, labelled "current (30/9/2026)". */
async function loadState(app: App, dir: string, spec: StateSpec, opts: DiffOptions): Promise<DiffSide> {
  const asOf = parseAsOf(opts.asOf);
  const maxFileBytes = parseMegabytes(opts.maxFileSize);
  const r = await runPipeline({ root: dir, cwd: app.io.cwd, today: app.today, rules: true, state: spec, ...(asOf ? { asOf } : {}), ...(maxFileBytes ? { maxFileBytes } : {}) });
  const date = r.state?.date;
  const label = spec.kind === 'date' || date === undefined ? spec.text : `${spec.text} (${app.lang === 'vi' ? viShortDate(date) : date})`;
  return { label, model: r.model, diagnostics: r.diagnostics, asOf: r.asOf, root: r.loaded.root, structuralErrors: r.structuralErrors };
}

/** `kientruc diff --from current --to target:2030 [dir]`: two states of one architecture, with the roadmap between them. */
async function diffStates(app: App, arg: string | undefined, opts: DiffOptions): Promise<void> {
  const from = parseState(opts.from ?? 'current');
  const to = parseState(opts.to ?? 'current');
  const dir = arg === undefined ? opts.dir : asFolder(app.io.cwd, arg);
  if (dir === undefined) throw new UserError(text(`"${String(arg)}" không phải thư mục kiến trúc.`, `"${String(arg)}" is not an architecture folder.`));
  app.log.info(`${app.lang === 'en' ? 'Reading' : 'Đọc'} ${dir}: ${from.text} → ${to.text}…`);
  const base = await loadState(app, dir, from, opts);
  const head = await loadState(app, dir, to, opts);
  const asOf = parseAsOf(opts.asOf);
  const steps = transitionsBetween(base.model, from, to, asOf ? { asOf } : {});
  const report = compareStates(base, head, steps);
  const content = opts.format === 'json' ? formatDiffJson(report) : formatDiffMarkdown(report, app.lang);
  await emit(app, content, opts.output);
  app.log.info(summaryLine(report, app.lang).replace(/\*\*/g, ''));
  app.exitCode = opts.failOnBreaking && report.breaking.length > 0 ? 1 : 0;
}
