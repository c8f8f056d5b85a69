import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeProject, REPO } from './project.js';

/** Runs git in `cwd` with a fixed identity and clock, failing the test on error. */
export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'kientruc',
      GIT_AUTHOR_EMAIL: 'dev@kientruc.vn',
      GIT_COMMITTER_NAME: 'kientruc',
      GIT_COMMITTER_EMAIL: 'dev@kientruc.vn',
      GIT_AUTHOR_DATE: '2026-01-15T08:00:00Z',
      GIT_COMMITTER_DATE: '2026-01-15T08:00:00Z',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: cwd,
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** A fresh git repository holding a copy of the sample `architecture/`, committed once. */
export function sampleRepo(): string {
  const dir = makeProject({});
  cpSync(join(REPO, 'architecture'), join(dir, 'architecture'), { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'Kiến trúc ban đầu');
  return dir;
}

/** Edits a file of a project in place with a function of its text; fails when nothing changed. */
export function edit(dir: string, file: string, fn: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = fn(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  writeFileSync(path, after);
}

/** Removes the YAML document with `id: <id>` from a multi-document file. */
export function dropDocument(text: string, id: string): string {
  const parts = text.split(/^---\n/m);
  return parts.filter((p) => !new RegExp(`^id: ${id}$`, 'm').test(p)).join('---\n');
}

/** Replaces the first occurrence of `from` after the line `id: <id>`. */
export function replaceIn(text: string, id: string, from: string, to: string): string {
  const start = text.indexOf(`\nid: ${id}\n`);
  if (start < 0) throw new Error(`no document with id ${id}`);
  const at = text.indexOf(from, start);
  if (at < 0) throw new Error(`"${from}" not found after id ${id}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
