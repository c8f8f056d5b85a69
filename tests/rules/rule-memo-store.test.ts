/**
 * The rule memo as kept on disk (pipeline.ts, `ruleMemoOnDisk`): what `save` writes, `restore` reads
 * back to the same findings; a corrupt or foreign entry is never trusted (every rule runs again); an
 * entity rule re-judges only the entities whose reads changed.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cache } from '../../src/load/cache.js';
import { RULES } from '../../src/rules/index.js';
import { memoKey, readRuleMemo, runPipeline, writeRuleMemo } from '../../src/pipeline.js';
import { RuleMemo } from '../../src/rules/rule-memo.js';
import { AS_OF, REPO } from '../helpers/project.js';
import { makeTempDir } from '../helpers/tmp.js';

const IDS = RULES.map((r) => r.id);
const base = { root: 'architecture', cwd: REPO, today: AS_OF, asOf: AS_OF, rules: true, parallel: 'off' as const };

describe('rule memo on disk', () => {
  it('round-trips through save and restore: every rule is reused with the same findings', async () => {
    const first = new RuleMemo();
    const cold = await runPipeline({ ...base, ruleMemo: first });
    const restored = RuleMemo.restore(JSON.parse(JSON.stringify(first.save())));
    expect(restored).toBeInstanceOf(RuleMemo);
    const warm = await runPipeline({ ...base, ruleMemo: restored });
    expect(restored?.lastRun.ran).toBe(0);
    expect(restored?.lastRun.reused).toBe(RULES.length);
    expect(JSON.stringify(warm.diagnostics)).toBe(JSON.stringify(cold.diagnostics));
  }, 120_000);

  it('ignores a corrupt or foreign entry: an empty memo, every rule runs', async () => {
    const memo = new RuleMemo();
    await runPipeline({ ...base, ruleMemo: memo });
    const saved = memo.save() as unknown as Record<string, unknown>;
    const broken: unknown[] = [
      null,
      [],
      { ...saved, reads: ['only-one'] },
      { ...saved, rules: ['rule', [[99_999_999], [], [], []]] },
      { ...saved, entities: ['rule', ['system:x', [[], [[0, 7, 'a', 'b', 0, 1, 1, 1, 1, 0, [], -1, -1, -1]], [0], [0]]]] },
      { ...saved, settings: 42 },
    ];
    for (const b of broken) expect(RuleMemo.restore(b)).toBeUndefined();

    const dir = makeTempDir('memo-store-');
    const cache = new Cache(join(dir, 'cache'));
    const key = memoKey(join(REPO, 'architecture'), REPO);
    expect(readRuleMemo(cache, key, IDS)?.lastRun.ran).toBe(0); // nothing stored: a fresh memo
    writeRuleMemo(cache, key, memo);
    const back = readRuleMemo(cache, key, IDS) as RuleMemo;
    await runPipeline({ ...base, ruleMemo: back });
    expect(back.lastRun.ran).toBe(0); // every rule's entry read back from its own cache entry
    // A corrupt entry (here: the wrong shape under the right key) is not trusted.
    cache.writeJson('rules', key, { ...saved, keys: 'not a list' });
    const again = readRuleMemo(cache, key, IDS) as RuleMemo;
    await runPipeline({ ...base, ruleMemo: again });
    expect(again.lastRun.ran).toBe(RULES.length);
  }, 120_000);

  it('re-judges only the edited entity for an entity rule', async () => {
    const memo = new RuleMemo();
    await runPipeline({ ...base, ruleMemo: memo });
    const judgedCold = memo.lastRun.judged;
    expect(judgedCold).toBeGreaterThan(10);
    const file = join(REPO, 'architecture', 'systems', 'l3-ung-dung.yaml');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(file, 'utf8');
    const overlay = new Map([[file, text.replace('status: operating', 'status: building')]]);
    await runPipeline({ ...base, ruleMemo: memo, overlay });
    expect(memo.lastRun.judged).toBeGreaterThan(0);
    expect(memo.lastRun.judged).toBeLessThan(judgedCold / 4);
  }, 120_000);
});
