/**
 * Documents are written piece by piece (src/render/streamed.ts, `renderInPieces` in
 * src/render/handlebars.ts): the pieces must join to exactly the text of one whole render, for every
 * kind and edition, on the sample and on a generated national-style model, and a national document
 * must really come in pieces (no piece near the size of the document).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPipeline, type ValidPipelineResult } from '../../src/pipeline.js';
import { DOCUMENT_KINDS, renderDocuments, type Audience } from '../../src/render/documents/index.js';
import { compileTemplate, renderInPieces } from '../../src/render/handlebars.js';
import { tidy, tidyPieces } from '../../src/render/strategy/formats.js';
import { endingWithOneLineBreak } from '../../src/render/streamed.js';
import { TEMPLATE_DIR } from '../../src/render/strategy/templates.js';
import type { GeneratedFile, RenderContext } from '../../src/render/types.js';
import { generateModel, writeModel } from '../bench/generate.js';
import { fastCheckSeed } from '../helpers/fast-check-seed.js';
import { REPO, renderContextOf, valid } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';

const AS_OF = '2026-09-30';

function ctxOf(r: ValidPipelineResult, identityOverride = false): RenderContext {
  // An "override" that is the package's own template: the document is then rendered whole, at once
  // (the path an agency's templates take), with the same templates, so it must read the same.
  const name = 'bang.md.hbs';
  const templates = identityOverride ? [{ name, file: `templates/strategy/${name}`, text: readFileSync(join(TEMPLATE_DIR, name), 'utf8') }] : [];
  return renderContextOf(r, { assets: { ...r.assets, templates } });
}

const joined = (f: GeneratedFile): string => [...(f.chunks?.() ?? [])].join('');

/** Every kind and edition in Markdown and HTML, streamed and whole. */
async function bothWays(r: ValidPipelineResult, audiences: readonly Audience[]): Promise<{ streamed: GeneratedFile[]; whole: GeneratedFile[] }> {
  const requests = DOCUMENT_KINDS.flatMap((kind) => audiences.map((audience) => ({ kind, audience, formats: ['md', 'html'] as const })));
  return { streamed: await renderDocuments(ctxOf(r), requests), whole: await renderDocuments(ctxOf(r, true), requests) };
}

function expectSame(streamed: readonly GeneratedFile[], whole: readonly GeneratedFile[]): void {
  expect(streamed.map((f) => f.path)).toEqual(whole.map((f) => f.path));
  for (const [i, f] of streamed.entries()) {
    const w = whole[i] as GeneratedFile;
    expect(f.chunks, f.path).toBeDefined();
    expect(w.chunks, w.path).toBeUndefined();
    const text = joined(f);
    expect(text.length, f.path).toBe((w.contents as string).length);
    expect(text === w.contents, f.path).toBe(true);
  }
}

describe('tidyPieces', () => {
  it('gives, joined, tidy of the joined text, however the text is cut', () => {
    const ch = fc.constantFrom(' ', '\t', '\n', '\n', '\r', 'a', 'b', '\u00a0', '\u2028', 'ế', '\ufeff');
    fc.assert(
      fc.property(fc.array(fc.array(ch, { maxLength: 12 }).map((cs) => cs.join('')), { maxLength: 12 }), (parts) => {
        expect([...tidyPieces(parts)].join('')).toBe(tidy(parts.join('')));
      }),
      { seed: fastCheckSeed(), numRuns: 2000 },
    );
  });
});

describe('endingWithOneLineBreak', () => {
  it('gives, joined, the lines joined by line breaks with the final run of line breaks made one', () => {
    const line = fc.array(fc.constantFrom('a', 'ế', '\n', ' '), { maxLength: 6 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 9 }), (lines, size) => {
        const whole = `${lines.join('\n').replace(/\n+$/, '')}\n`;
        const text = lines.map((l) => `${l}\n`).join('');
        const cut = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
        expect([...endingWithOneLineBreak(cut)].join('')).toBe(whole);
      }),
      { seed: fastCheckSeed(), numRuns: 1000 },
    );
  });
});

describe('renderInPieces', () => {
  const source = [
    '{{#each groups}}[{{@index}}{{#if @first}}F{{/if}}{{#if @last}}L{{/if}} {{name}}:',
    '{{#each rows}}<{{@../index}}.{{@index}}{{#if @last}}!{{/if}} {{this.v}}/{{../name}}/{{lookup ../../labels @index}}{{#each this.cells}}({{@key}}={{this}}){{/each}}>{{/each}}',
    '{{#each empty}}x{{else}}none{{/each}}]{{/each}}',
  ].join('');
  const labels = Array.from({ length: 40 }, (_, i) => `l${i}`);
  const groups = Array.from({ length: 20 }, (_, g) => ({
    name: `g${g}`,
    empty: [],
    rows: Array.from({ length: g * 17 }, (_, i) => ({ v: i * g, cells: Array.from({ length: i % 20 }, (_, c) => c) })),
  }));
  const context = { groups, labels };
  // As the documents do: the template as compileTemplate gives it at the time of each render.
  const whole = (): string => compileTemplate(source, false)(context);
  const inPieces = (): Generator<string> => renderInPieces((helpers) => compileTemplate(source, false)(context, { helpers }));

  it('joins to the text of one render: @index, @first, @last, @../index, parent lookups, nested lists, else', () => {
    const pieces = [...inPieces()];
    expect(pieces.join('')).toBe(whole());
    expect(pieces.length).toBeGreaterThan(20);
  });

  it('is not disturbed by other renders of the same template while it is under way', () => {
    const expected = whole();
    const a = inPieces();
    const first = a.next().value as string;
    // A whole render and a second render in pieces, both finished before the first goes on.
    expect(whole()).toBe(expected);
    expect([...inPieces()].join('')).toBe(expected);
    expect(first + [...a].join('')).toBe(expected);
  });
});

describe('documents in pieces read as rendered whole', () => {
  it('on the sample: every kind, both editions, Markdown and HTML', async () => {
    const r = valid(await runPipeline({ root: 'architecture', cwd: REPO, today: AS_OF, asOf: AS_OF, rules: true }));
    const { streamed, whole } = await bothWays(r, ['internal', 'public']);
    expectSame(streamed, whole);
  }, 120_000);

  describe('on a generated national-style model', () => {
    let r: ValidPipelineResult;
    beforeAll(async () => {
      const dir = writeModel(generateModel({ entities: 2000 }), makeTempDir('streamed-documents-'));
      r = valid(await runPipeline({ root: 'architecture', cwd: dir, today: AS_OF, asOf: AS_OF, rules: true }));
    }, 120_000);

    it('every kind, internal edition: the same text, in pieces far smaller than the document', async () => {
      const { streamed, whole } = await bothWays(r, ['internal']);
      expectSame(streamed, whole);
      const strategy = streamed.find((f) => f.path === 'chien-luoc-du-lieu.md') as GeneratedFile;
      const sizes = [...(strategy.chunks?.() ?? [])].map((p) => p.length);
      const total = sizes.reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThan(500_000);
      expect(Math.max(...sizes)).toBeLessThan(total / 8);
    }, 120_000);

    it('two documents read in turn, piece by piece, each read the same as alone', async () => {
      const { streamed, whole } = await bothWays(r, ['internal']);
      const pick = (path: string): number => streamed.findIndex((f) => f.path === path);
      const picked = [pick('chien-luoc-du-lieu.md'), pick('kien-truc-so.html')];
      const iterators = picked.map((i) => (streamed[i] as GeneratedFile).chunks?.()[Symbol.iterator]() as Iterator<string>);
      const texts = picked.map(() => '');
      for (let done = 0; done < iterators.length; ) {
        done = 0;
        for (const [k, it] of iterators.entries()) {
          const step = it.next();
          if (step.done) done++;
          else texts[k] += step.value;
        }
      }
      for (const [k, i] of picked.entries()) expect(texts[k] === (whole[i] as GeneratedFile).contents, (whole[i] as GeneratedFile).path).toBe(true);
    }, 120_000);
  });
});
