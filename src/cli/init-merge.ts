/**
 * `kientruc init` in a folder that already holds files: what to write, what to leave, and the scripts
 * merged into an existing package.json. Pure: file contents in, a plan out; the command writes it.
 */

export interface InitPlan {
  /** Files to write (new, or replaced under --force, or the merged package.json). */
  readonly write: Readonly<Record<string, string>>;
  /** Files already there with the same contents (a second `init` is a no-op). */
  readonly same: readonly string[];
  /** Files already there with other contents, left untouched (no --force). */
  readonly kept: readonly string[];
  /** Files of the example architecture not written because architecture/ already has a different agency. */
  readonly skippedExamples: readonly string[];
  /** What was merged into package.json, e.g. `scripts.check`, `devDependencies.kientruc`. */
  readonly merged: readonly string[];
  /** Scripts not added because the project uses both `<name>` and `kientruc:<name>` for something else. */
  readonly scriptConflicts: readonly string[];
  /** .gitignore lines the project should add (its .gitignore is the user's, so only reported). */
  readonly gitignoreMissing: readonly string[];
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The indentation an existing JSON file uses (two spaces when it cannot tell). */
function indentOf(text: string): string | number {
  const m = /^[ \t]+(?=")/m.exec(text);
  return m ? m[0] : 2;
}

/**
 * Adds kientruc's scripts and dev dependency to an existing package.json, keeping every other key, its
 * order and the file's indentation. A script name the project already uses for something else is left
 * alone (reported; `--force` replaces it). Returns undefined when the file is not a JSON object.
 */
export function mergePackageJson(
  existing: string,
  ours: { readonly scripts: Readonly<Record<string, string>>; /** the dev dependency's spec: a version, file:…tgz, a git URL */ readonly version: string },
  force: boolean,
): { text: string; merged: string[]; conflicts: string[] } | undefined {
  let pkg: unknown;
  try {
    pkg = JSON.parse(existing);
  } catch {
    return undefined;
  }
  if (!isObject(pkg)) return undefined;
  const merged: string[] = [];
  const conflicts: string[] = [];
  const scripts: Json = isObject(pkg['scripts']) ? { ...pkg['scripts'] } : {};
  for (const [name, command] of Object.entries(ours.scripts)) {
    if (scripts[name] === command || scripts[`kientruc:${name}`] === command) continue;
    // A name the project uses for something else (its own "build") stays; ours goes under "kientruc:<name>".
    const key = scripts[name] === undefined || force ? name : `kientruc:${name}`;
    if (scripts[key] !== undefined && !force) {
      conflicts.push(name);
      continue;
    }
    scripts[key] = command;
    merged.push(`scripts.${key}`);
  }
  const deps = isObject(pkg['dependencies']) ? pkg['dependencies'] : {};
  const devDeps: Json = isObject(pkg['devDependencies']) ? { ...pkg['devDependencies'] } : {};
  if (deps['kientruc'] === undefined && devDeps['kientruc'] === undefined) {
    devDeps['kientruc'] = ours.version;
    merged.push('devDependencies.kientruc');
  }
  if (merged.length === 0) return { text: existing, merged, conflicts };
  const next: Json = { ...pkg, scripts };
  if (merged.includes('devDependencies.kientruc')) {
    next['devDependencies'] = Object.fromEntries(Object.entries(devDeps).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const text = JSON.stringify(next, null, indentOf(existing)).replace(/\n/g, eol) + (/\r?\n$/.test(existing) || existing === '' ? eol : '');
  return { text, merged, conflicts };
}

/** Plans an init into a folder: `files` are the starter's, `read` returns what the folder holds (or undefined). */
export function planInit(
  files: Readonly<Record<string, string>>,
  read: (path: string) => string | undefined,
  opts: { readonly force: boolean; readonly version: string; readonly scripts: Readonly<Record<string, string>> },
): InitPlan {
  const write: Record<string, string> = {};
  const same: string[] = [];
  const kept: string[] = [];
  const skippedExamples: string[] = [];
  let merged: string[] = [];
  let scriptConflicts: string[] = [];
  let gitignoreMissing: string[] = [];

  // An architecture/ folder with another agency.yaml is the project's own: adding our examples next to it
  // would make references to an agency that does not exist.
  const agency = read('architecture/agency.yaml');
  const foreignArchitecture = agency !== undefined && agency !== files['architecture/agency.yaml'] && !opts.force;

  for (const [path, contents] of Object.entries(files)) {
    const current = read(path);
    if (path === 'package.json' && current !== undefined) {
      const m = mergePackageJson(current, { scripts: opts.scripts, version: opts.version }, opts.force);
      if (m === undefined) kept.push(path);
      else {
        if (m.merged.length) write[path] = m.text;
        else same.push(path);
        merged = m.merged;
        scriptConflicts = m.conflicts;
      }
      continue;
    }
    if (path === '.gitignore' && current !== undefined) {
      const lines = new Set(current.split(/\r?\n/).map((l) => l.trim()));
      gitignoreMissing = contents.split('\n').filter((l) => l && !lines.has(l));
      if (gitignoreMissing.length === 0) same.push(path);
      else if (opts.force) write[path] = `${current}${/\n$/.test(current) || current === '' ? '' : '\n'}# kientruc\n${gitignoreMissing.join('\n')}\n`;
      continue;
    }
    if (current === contents) same.push(path);
    else if (current !== undefined && !opts.force) kept.push(path);
    else if (foreignArchitecture && path.startsWith('architecture/')) skippedExamples.push(path);
    else write[path] = contents;
  }
  if (opts.force) gitignoreMissing = [];
  return { write, same, kept, skippedExamples, merged, scriptConflicts, gitignoreMissing };
}
