import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_LINKS, projectLinksOf, TOOL_VERSION } from '../../src/load/package-info.js';
import { REPO } from '../helpers/project.js';

describe("kientruc's own addresses, from package.json", () => {
  it('reads the version, and gives no address package.json does not give', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(TOOL_VERSION).toBe(pkg['version']);
    expect(PROJECT_LINKS).toEqual(projectLinksOf(pkg));
    if (pkg['homepage'] === undefined && pkg['repository'] === undefined) expect(PROJECT_LINKS).toEqual({});
  });

  it('knows where GitHub and GitLab keep docs/check.md, and guesses nothing for other hosts', () => {
    expect(projectLinksOf({ repository: 'github:org/kientruc' })).toEqual({ home: 'https://github.com/org/kientruc', checkDocs: 'https://github.com/org/kientruc/blob/HEAD/docs/check.md' });
    expect(projectLinksOf({ repository: 'org/kientruc' }).checkDocs).toBe('https://github.com/org/kientruc/blob/HEAD/docs/check.md');
    expect(projectLinksOf({ repository: { type: 'git', url: 'git+https://github.com/org/kientruc.git', directory: 'packages/kientruc' } }).checkDocs).toBe(
      'https://github.com/org/kientruc/blob/HEAD/packages/kientruc/docs/check.md',
    );
    expect(projectLinksOf({ repository: 'git@gitlab.com:so-khcn/kientruc.git' })).toEqual({ home: 'https://gitlab.com/so-khcn/kientruc', checkDocs: 'https://gitlab.com/so-khcn/kientruc/-/blob/HEAD/docs/check.md' });
    expect(projectLinksOf({ repository: 'https://git.example.gov.vn/org/kientruc.git' })).toEqual({ home: 'https://git.example.gov.vn/org/kientruc' });
    expect(projectLinksOf({ homepage: 'https://kientruc.example.gov.vn', repository: 'github:org/kientruc' }).home).toBe('https://kientruc.example.gov.vn');
    expect(projectLinksOf({ homepage: 'javascript:alert(1)' })).toEqual({});
    expect(projectLinksOf({ repository: { url: 'https://github.com/org/k.git', directory: '../x' } }).checkDocs).toBe('https://github.com/org/k/blob/HEAD/docs/check.md');
    expect(projectLinksOf({})).toEqual({});
    expect(projectLinksOf(null)).toEqual({});
  });
});
