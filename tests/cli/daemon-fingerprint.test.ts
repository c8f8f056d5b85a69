/**
 * What tells a daemon that a client runs other code (daemon/fingerprint.ts), and the hash that names
 * a daemon's files (daemon/paths.ts): the build id when the bundle step wrote one, the files' names,
 * sizes and dates otherwise.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBuildId } from '../../src/cli/daemon/build-id.js';
import { BUILD_ID_FILE, daemonFingerprint } from '../../src/cli/daemon/fingerprint.js';
import { fnv1a64 } from '../../src/cli/daemon/paths.js';
import { REPO } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';

/** A package root with a code folder laid out as a build lays it out (dist/cli, precompiled, packs). */
function installation(buildId: string | undefined): { root: string; code: string } {
  const root = makeTempDir('fingerprint-');
  const code = join(root, 'dist');
  mkdirSync(join(code, 'cli'), { recursive: true });
  mkdirSync(join(code, 'precompiled'), { recursive: true });
  mkdirSync(join(root, 'src', 'framework', 'packs'), { recursive: true });
  writeFileSync(join(code, 'index.js'), 'export {};\n');
  writeFileSync(join(code, 'cli', 'bin.js'), '// bin\n');
  writeFileSync(join(code, 'cli', 'chunk-AAAAAAAA.js'), '// chunk\n');
  writeFileSync(join(code, 'precompiled', 'code-digests.json'), '{}\n');
  writeFileSync(join(root, 'src', 'framework', 'packs', 'vn-2025.yaml'), 'id: vn-2025\n');
  writeFileSync(join(root, 'package.json'), '{"name":"kientruc","version":"1.0.0"}\n');
  if (buildId !== undefined) writeFileSync(join(code, 'cli', BUILD_ID_FILE), `${buildId}\n`);
  return { root, code };
}

const ID = 'be5eb393fbd993a09903045dfe61ff09';

describe('fnv1a64', () => {
  it('gives the published FNV-1a 64 values, and the same as a BigInt reference on any text', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
    const reference = (text: string): string => {
      let h = 0xcbf29ce484222325n;
      for (const byte of Buffer.from(text, 'utf8')) h = BigInt.asUintN(64, (h ^ BigInt(byte)) * 0x100000001b3n);
      return h.toString(16).padStart(16, '0');
    };
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => fnv1a64(text) === reference(text)));
  });
});

describe('daemonFingerprint', () => {
  it('is the build id’s when there is one: copies of one build agree, another build differs', () => {
    const a = installation(ID);
    const b = installation(ID);
    const fp = daemonFingerprint(a.code, a.root);
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(daemonFingerprint(b.code, b.root)).toBe(fp);
    // The files the id stands for are not looked at: a new date on a chunk changes nothing.
    utimesSync(join(a.code, 'cli', 'chunk-AAAAAAAA.js'), 1_700_000_000, 1_700_000_000);
    expect(daemonFingerprint(a.code, a.root)).toBe(fp);
    writeFileSync(join(b.code, 'cli', BUILD_ID_FILE), `${ID.replace(/^b/, 'c')}\n`);
    expect(daemonFingerprint(b.code, b.root)).not.toBe(fp);
  });

  it('without a build id (or an unreadable one), follows the files: a new date, size or file changes it', () => {
    for (const broken of [undefined, 'not-an-id']) {
      const a = installation(broken);
      const before = daemonFingerprint(a.code, a.root);
      expect(before).not.toBe(daemonFingerprint(installation(ID).code));
      expect(daemonFingerprint(a.code, a.root)).toBe(before);
      utimesSync(join(a.code, 'cli', 'chunk-AAAAAAAA.js'), 1_700_000_000, 1_700_000_000);
      const dated = daemonFingerprint(a.code, a.root);
      expect(dated).not.toBe(before);
      writeFileSync(join(a.root, 'src', 'framework', 'packs', 'vn-2025.yaml'), 'id: vn-2025\nversion: 2\n');
      const resized = daemonFingerprint(a.code, a.root);
      expect(resized).not.toBe(dated);
      rmSync(join(a.code, 'index.js'));
      expect(daemonFingerprint(a.code, a.root)).not.toBe(resized);
    }
  });

  it('this build’s id is the hash of its bundle, packs and package.json, and any byte of them changes it', () => {
    const dist = join(REPO, 'dist');
    const id = readFileSync(join(dist, 'cli', BUILD_ID_FILE), 'utf8');
    expect(id).toMatch(/^[0-9a-f]{32}\n$/);
    // The bundle's code files: those that begin with its banner (cli/bundle.ts).
    const bundle = readdirSync(join(dist, 'cli')).filter((n) => n.endsWith('.js') && readFileSync(join(dist, 'cli', n), 'utf8').slice(0, 300).includes('// kientruc bundle '));
    expect(bundle).toContain('bin.js');
    expect(computeBuildId(join(dist, 'cli'), bundle, REPO)).toBe(id.trim());
    expect(daemonFingerprint(dist, REPO)).toBe(fnv1a64(`${process.version}\n${process.execPath}\nbuild ${id.trim()}\n`));
    // A copy of the bundle with one byte changed, beside a copy of the packs and package.json.
    const other = makeTempDir('build-id-');
    mkdirSync(join(other, 'cli'));
    for (const name of bundle) cpSync(join(dist, 'cli', name), join(other, 'cli', name));
    cpSync(join(REPO, 'src', 'framework', 'packs'), join(other, 'src', 'framework', 'packs'), { recursive: true });
    cpSync(join(REPO, 'package.json'), join(other, 'package.json'));
    expect(computeBuildId(join(other, 'cli'), bundle, other)).toBe(id.trim());
    const chunk = bundle.find((n) => n !== 'bin.js') as string;
    writeFileSync(join(other, 'cli', chunk), `${readFileSync(join(other, 'cli', chunk), 'utf8')} `);
    expect(computeBuildId(join(other, 'cli'), bundle, other)).not.toBe(id.trim());
  });
});
