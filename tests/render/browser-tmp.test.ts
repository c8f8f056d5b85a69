import { describe, expect, it } from 'vitest';
import { chromiumTmp } from '../../src/render/browser.js';

describe('the temp folder Chromium is given', () => {
  it('keeps a short TMPDIR, and replaces one too deep for its SingletonSocket (107-byte Unix socket paths)', () => {
    expect(chromiumTmp('/tmp')).toBe('/tmp');
    expect(chromiumTmp('/var/tmp/kientruc-run-abc123')).toBe('/var/tmp/kientruc-run-abc123');
    const deep = '/tmp/tmp.fav34ZXVzo/tmp-machine/kientruc-run-YdbHzY/t/project-DG92mP';
    expect(chromiumTmp(deep)).toBe('/tmp');
    // The socket path Chromium builds under what it is given stays within the limit.
    expect(`${chromiumTmp(deep)}/org.chromium.Chromium.3NSM7E/SingletonSocket`.length).toBeLessThan(108);
  });
});
