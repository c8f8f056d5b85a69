/**
 * What draws is part of every cache key of a drawn output: Chromium and the font files fontconfig gives
 * the printed families. Installing Times New Roman beside Tinos (docs/documents.md) or a Chromium update
 * must make the next build draw its PDFs and diagrams again, so that a cached build and a build without
 * the cache write the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserProvider, fontsIdentity, PRINTED_FAMILIES } from '../../src/render/browser.js';
import type { Browser } from 'puppeteer-core';
import { cacheKey, engineKey } from '../../src/render/mermaid/mermaid-config.js';
import { renderDiagramImages } from '../../src/render/mermaid/render-images.js';
import { MemoryCache } from '../helpers/sample-build.js';
import { CHROMIUM } from '../helpers/browser.js';
import { makeTempDir } from '../helpers/tmp.js';

describe('the identity of what draws', () => {
  it('changes with the font file a printed family resolves to, and with that file', () => {
    const dir = makeTempDir('fonts-');
    const tinos = join(dir, 'Tinos-Regular.ttf');
    const times = join(dir, 'times.ttf');
    writeFileSync(tinos, 'tinos');
    writeFileSync(times, 'times new roman');
    const before = fontsIdentity((f) => (f === 'Times New Roman' ? tinos : join(dir, 'other.ttf')));
    const after = fontsIdentity((f) => (f === 'Times New Roman' ? times : join(dir, 'other.ttf')));
    expect(after).not.toBe(before);
    writeFileSync(times, 'times new roman, version 7.01');
    expect(fontsIdentity((f) => (f === 'Times New Roman' ? times : join(dir, 'other.ttf')))).not.toBe(after);
    // Without fontconfig every family is unknown, which is still a stable identity.
    expect(fontsIdentity(() => undefined)).toBe(PRINTED_FAMILIES.map((f) => `${f}:?`).join(';'));
  });

  it('a cached diagram is reused only if the same engine drew it, or when no engine is known here', async () => {
    const job = { name: 'landscape', mermaid: 'flowchart LR\n  a --> b' };
    const cache = new MemoryCache();
    cache.entries.set(cacheKey(job, 'svg'), new TextEncoder().encode('<svg>A</svg>'));
    cache.entries.set(engineKey(cacheKey(job, 'svg')), new TextEncoder().encode('chromium-156|fonts-a'));
    const noBrowser = async (): Promise<Browser> => {
      throw new Error('drew again');
    };
    const draw = (engine: string | undefined) => renderDiagramImages(noBrowser, [job], { formats: ['svg'], cache, engine });
    expect((await draw('chromium-156|fonts-a')).images.get('landscape')?.svg).toBe('<svg>A</svg>');
    // No Chromium here: the cache is all there is.
    expect((await draw(undefined)).cached).toBe(1);
    // Times New Roman installed since: drawn again, not reused.
    await expect(draw('chromium-156|fonts-b')).rejects.toThrow('drew again');
  });

  it.skipIf(!CHROMIUM)('names the font file this machine prints Times New Roman with', () => {
    const file = execFileSync('fc-match', ['-f', '%{file}', 'Times New Roman'], { encoding: 'utf8' }).trim();
    expect(new BrowserProvider(process.env).identity()).toContain(`Times New Roman:${file}:`);
  });
});
