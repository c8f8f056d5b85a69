import { describe, expect, it } from 'vitest';
import { chromiumTmp } from '../../src/render/browser.js';

describe('the temp folder Chromium is given', () => {
  it('keeps a short TMPDIR, and replaces one too deep for its SingletonSocket (Chromium refused a 104-byte socket path)', () => {
    expect(chromiumTmp('/tmp')).toBe('/tmp');
    expect(chromiumTmp('/var/tmp/kientruc-run-abc123')).toBe('/var/tmp/kientruc-run-abc123');
    const deep = '/tmp/tmp.fav34ZXVzo/tmp-machine/kientruc-run-YdbHzY/t/project-DG92mP';
    expect(chromiumTmp(deep)).toBe('/tmp');
    // The socket path Chromium builds under what it is given stays within the limit.
    expect(`${chromiumTmp(deep)}/org.chromium.Chromium.3NSM7E/SingletonSocket`.length).toBeLessThan(108);
    // The folder .ci/run gave the suite on a fresh clone: 59 bytes, so a 104-byte socket path Chromium refused.
    const ci = '/tmp/ci-fresh-tmp/tmp.9LEhDT8aDH/tmp-machine/kientruc-run-Er9XxJ';
    expect(chromiumTmp(ci)).toBe('/tmp');
    // Every TMPDIR kept leaves the socket path within 100 bytes.
    for (let n = 1; n <= 80; n++) {
      const tmp = `/${'a'.repeat(n - 1)}`;
      expect(`${chromiumTmp(tmp)}/org.chromium.Chromium.3NSM7E/SingletonSocket`.length).toBeLessThanOrEqual(100);
    }
  });
});
