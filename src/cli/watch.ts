import { relative, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { UserError } from '../core/errors.js';
import { pick } from '../core/text.js';
import { displayPath } from '../load/discover.js';
import type { App } from './app.js';

/** Editors save in bursts (temp file, rename, chmod): wait this long after the last event. */
export const DEBOUNCE_MS = 150;

/** True for a change that can alter the build: a YAML file, strategy prose, or a folder (added, removed, renamed). */
export function isRelevant(name: string, rootAbs: string, outAbs: string): boolean {
  const abs = resolve(rootAbs, name);
  const inOut = relative(outAbs, abs);
  if (inOut === '' || (!inOut.startsWith('..') && !inOut.startsWith(sep))) return false;
  const parts = name.split(/[\\/]/);
  if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return false;
  const last = parts[parts.length - 1] ?? '';
  // YAML entities, and the strategy prose (`strategy/<name>.md`) the document reads.
  if (/\.md$/i.test(last)) return parts.length === 2 && parts[0] === 'strategy';
  return /\.ya?ml$/i.test(last) || !last.includes('.');
}

/** True for what the watcher need not even look at: the output folder, dot folders and files, node_modules. */
export function isIgnored(abs: string, rootAbs: string, outAbs: string): boolean {
  const name = relative(rootAbs, abs);
  if (name === '') return false;
  const inOut = relative(outAbs, abs);
  if (inOut === '' || (!inOut.startsWith('..') && !inOut.startsWith(sep))) return true;
  return name.split(/[\\/]/).some((p) => p.startsWith('.') || p === 'node_modules');
}

/**
 * Builds once, then again whenever the architecture folder changes, until Ctrl-C.
 * The watcher is chokidar's: unlike \`fs.watch\` it keeps following a file an editor replaced by rename
 * (atomic save, \`sed -i\`), a renamed file, and folders created after it started. Changes that arrive
 * during a build start one more build when it ends. Progress goes to stderr.
 */
export async function watchBuild(app: App, dir: string, out: string, rebuild: () => Promise<boolean>): Promise<void> {
  const rootAbs = resolve(app.io.cwd, dir);
  const outAbs = resolve(app.io.cwd, out);
  const shown = displayPath(app.io.cwd, rootAbs);
  const seconds = (ms: number) => (app.lang === 'vi' ? `${(ms / 1000).toFixed(1).replace('.', ',')} giây` : `${(ms / 1000).toFixed(1)} s`);
  const waiting = app.lang === 'vi' ? `Đang theo dõi ${shown}/ — sửa tệp YAML để tạo lại; Ctrl-C để dừng.` : `Watching ${shown}/ — edit a YAML file to rebuild; Ctrl-C to stop.`;

  let running: Promise<void> | undefined;
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const run = async (changed: readonly string[]): Promise<void> => {
    const started = performance.now();
    if (changed.length) {
      // Editors' temp files show up as extension-less names; name the YAML files.
      const yaml = changed.filter((n) => /\.ya?ml$/i.test(n));
      const first = yaml.length ? displayPath(app.io.cwd, resolve(rootAbs, yaml[0] as string)) : shown;
      const more = yaml.length > 1 ? (app.lang === 'vi' ? ` (+${yaml.length - 1} tệp khác)` : ` (+${yaml.length - 1} more)`) : '';
      app.log.info(app.lang === 'vi' ? `↻ Thay đổi: ${first}${more} — đang tạo lại…` : `↻ Changed: ${first}${more} — rebuilding…`);
    }
    let ok = false;
    try {
      ok = await rebuild();
    } catch (err: unknown) {
      // As main() would print it: a user's mistake (an override naming a missing field) in the run's language.
      app.log.warn(`kientruc: ${err instanceof UserError ? pick(err.text, app.lang) : err instanceof Error ? err.message : String(err)}`);
    }
    const took = seconds(performance.now() - started);
    app.log.info(ok ? (app.lang === 'vi' ? `✓ Xong sau ${took}. ${waiting}` : `✓ Done in ${took}. ${waiting}`) : waiting);
  };

  const kick = (): void => {
    if (stopped || running) return;
    const changed = [...pending].sort();
    pending = new Set();
    running = run(changed).finally(() => {
      running = undefined;
      if (pending.size && !stopped) kick();
    });
  };

  await new Promise<void>((done) => {
    let watcher: FSWatcher | undefined;
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      const closing = watcher?.close() ?? Promise.resolve();
      removeInterrupt?.();
      void Promise.all([closing, running ?? Promise.resolve()]).then(() => {
        app.log.info(app.lang === 'vi' ? 'Đã dừng theo dõi.' : 'Stopped watching.');
        done();
      });
    };
    const removeInterrupt = app.io.onInterrupt?.(stop);
    try {
      watcher = watch(rootAbs, {
        ignoreInitial: true,
        // Editors' save-by-rename shows up as one change, not as a delete then an add.
        atomic: true,
        ignored: (path: string) => isIgnored(resolve(path), rootAbs, outAbs),
      });
      watcher.on('all', (event, path) => {
        const file = relative(rootAbs, path) || '.';
        const isDir = event === 'addDir' || event === 'unlinkDir';
        if (file !== '.' && !isDir && !isRelevant(file, rootAbs, outAbs)) return;
        pending.add(file);
        if (timer) clearTimeout(timer);
        timer = setTimeout(kick, DEBOUNCE_MS);
      });
      watcher.on('error', (err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        app.log.warn(app.lang === 'vi' ? `Không theo dõi được ${shown}: ${message}` : `Cannot watch ${shown}: ${message}`);
        stop();
      });
    } catch (err: unknown) {
      app.log.warn(app.lang === 'vi' ? `Không theo dõi được ${shown}: ${String(err)}` : `Cannot watch ${shown}: ${String(err)}`);
      stop();
      return;
    }
    // The first build starts once the watcher has seen the tree, so no edit made after it can be missed.
    watcher.once('ready', () => {
      if (stopped) return;
      running = run([]).finally(() => {
        running = undefined;
        if (pending.size && !stopped) kick();
      });
    });
  });
}
