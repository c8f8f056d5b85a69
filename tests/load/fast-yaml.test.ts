/**
 * The fast parser against `yaml`: on every YAML file of the repository, on generated national-scale
 * models, on hand-picked tricky texts, and on random documents written in every style yaml knows,
 * with comments and blank lines sprinkled in. Either it gives up, or it agrees on every value and
 * every node's range. Reproduce a failure with FC_SEED=<seed>.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { decodeYamlBytes } from '../../src/load/decode.js';
import { fastParse } from '../../src/load/fast-yaml.js';
import { generateModel } from '../bench/generate.js';
import { REPO } from '../helpers/project.js';
import { diffWithYaml } from '../helpers/yaml-diff.js';
import { textArb, yamlishArb } from '../property/arbitraries.js';

const SEED = process.env['FC_SEED'] === undefined ? undefined : Number(process.env['FC_SEED']);
const RUNS = Number(process.env['FC_RUNS'] ?? 300);

function repoYaml(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(p)) {
        const dec = decodeYamlBytes(readFileSync(p));
        if (dec.ok) out.push([p, dec.text]);
      }
    }
  };
  for (const d of ['architecture', 'tests/fixtures', 'src/framework/packs']) walk(join(REPO, d));
  return out;
}

describe('fast YAML parser agrees with yaml or gives up', () => {
  it('every YAML file in the repository', () => {
    const files = repoYaml();
    const problems = files.flatMap(([p, t]) => diffWithYaml(t).problems.map((x) => `${p}: ${x}`));
    expect(problems).toEqual([]);
  });

  it('the sample province is parsed by the fast path, not by yaml', () => {
    const sample = repoYaml().filter(([p]) => p.includes(`${REPO}architecture`));
    const bailed = sample.filter(([, t]) => !fastParse(t).ok).map(([p]) => p);
    expect(bailed).toEqual([]);
  });

  it('generated national-scale models', () => {
    const model = generateModel({ entities: 3000, seed: 7 });
    const problems: string[] = [];
    let bailed = 0;
    for (const [p, t] of model.files) {
      const d = diffWithYaml(t);
      if (d.bailed) bailed++;
      problems.push(...d.problems.map((x) => `${p}: ${x}`));
    }
    expect(problems).toEqual([]);
    expect(bailed).toBe(0);
  });

  const TRICKY = [
    'a: 1\n---\n',
    '---\n---\n',
    '# only\n',
    'a:\nb: 1\n',
    'a:   \n  # x\nb: 1\n',
    'a:\n  - x\n  # t\nb: 2\n',
    'a:\n  b:\n    c: 1\n    # in c\n  # in b\nd: 1\n',
    'list:\n  - a\n  - b: 1\n    c: 2\n\n  # x\nz: >-\n  folded\n  text\n\n# end\n',
    'k: |\n  line 1\n\n  line 3\n\nn: 1\n',
    'k: >\n  a\n  b\n\n  c\nn: 1\n',
    'k: "a\\tb\\u00e9\\x41\\U0001F600"\n',
    "k: 'it''s'\n",
    'k: [a, "b", {c: d, "e": [1, 2.5, .inf, ~, true, 0x1F, 0o17, -3, 1e3]}]\n',
    'k: plain text\n  continued here\n\n  after blank\nn: 1\n',
    '- - - x\n  - y\n- z\n',
    '- a: 1\n  b:\n    - c\n- d\n',
    '{"a": 1, "b": [true, null, "x"]}\n',
    '{\n  "a": {\n    "b": [\n      1,\n      2\n    ]\n  }\n}\n',
    'key: value # comment\nother: "q" # c\n',
    'url: https://example.gov.vn/a#b\n',
    'a: 1\n...\n',
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: 1\na: 2\n',
    '? a\n: b\n',
    'a:\n\tb: 1\n',
    'a: b: c\n',
    'a: "unterminated\n',
    'a: [1, 2\n',
    '  indented: root\n',
    'k: >-\n\n  x\n',
    'k: |-\n  x\n  \n',
    'k: |\n  x\n   \n',
    'seq:\n- a\n- b\nnext: 1\n',
    'a:\n  # c\n  b: 1\n',
    'a: # c\n  b: 1\n',
    'a:\n\n  b: 1\n',
    'x: 1\n\n\n',
    'x: [a, b,]\n',
    'x: {a: 1, b}\n',
    'x: [a: 1]\n',
    'x: "a" "b"\n',
    'NULL: 1\ntrue: 2\n1.0: 3\n"1": 4\n',
  ];
  it('tricky texts', () => {
    const problems = TRICKY.flatMap((t) => diffWithYaml(t).problems.map((x) => `${JSON.stringify(t)}: ${x}`));
    expect(problems).toEqual([]);
  });

  const valueArb = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 5, arbitrary: textArb },
      { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null)) },
      { weight: 2, arbitrary: fc.constantFrom('1', '0x1F', '0o7', '.5', '1e3', 'True', 'NULL', '~', '', ' lead', 'trail ', 'a: b', '- x', '#x', 'x #y', '[x]', '"q"', "'s'") },
      { weight: 1, arbitrary: tie('array') },
      { weight: 1, arbitrary: tie('object') },
    ),
    array: fc.array(tie('value'), { maxLength: 4 }),
    object: fc.dictionary(fc.oneof(textArb, fc.constantFrom('a', 'b', 'name', 'id', '1', 'true')), tie('value'), { maxKeys: 4 }),
  }));
  const styleArb = fc.record({
    indent: fc.constantFrom(2, 4),
    flow: fc.boolean(),
    lineWidth: fc.constantFrom(0, 20, 80),
    str: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') as fc.Arbitrary<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED'>,
    json: fc.integer({ min: 0, max: 4 }),
    docs: fc.integer({ min: 1, max: 3 }),
  });
  /** Comments and blank lines inserted after random lines, at random indentation. */
  const sprinkle = (text: string, at: number[], indents: number[]): string => {
    const lines = text.split('\n');
    for (const [k, n] of at.entries()) {
      const i = n % (lines.length + 1);
      lines.splice(i, 0, k % 3 === 2 ? '' : `${' '.repeat(indents[k] ?? 0)}# note ${k}`);
    }
    return lines.join('\n');
  };

  it(`random documents in every style (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom('apiVersion', 'kind', 'id', 'name', 'tags', 'security', 'x'), valueArb.value, { maxKeys: 6 }), { minLength: 1, maxLength: 3 }), styleArb, fc.array(fc.nat(), { maxLength: 4 }), fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 4 }), (docs, st, at, indents) => {
        const body = docs
          .slice(0, st.docs)
          .map((d) =>
            st.json === 1
              ? JSON.stringify(d)
              : st.json === 2
                ? JSON.stringify(d, null, 2)
                : stringify(d, { indent: st.indent, lineWidth: st.lineWidth, minContentWidth: 0, defaultStringType: st.str, ...(st.flow ? { collectionStyle: 'flow' as const } : {}) }),
          )
          .join('---\n');
        const text = at.length ? sprinkle(body, at, indents) : body;
        const d = diffWithYaml(text);
        if (d.problems.length) throw new Error(`${JSON.stringify(text)}\n${d.problems.join('\n')}`);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  });

  it(`barely-YAML text (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(yamlishArb, (text) => {
        const d = diffWithYaml(text.replace(/\r/g, ''));
        if (d.problems.length) throw new Error(`${JSON.stringify(text)}\n${d.problems.join('\n')}`);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  });
});
