/**
 * After an edit, entity rules and the gap rule are patched in place (RuleMemo.patchEntities,
 * patchFindingEntities): only the entries the edit reaches are looked at, the rest of each table is not
 * visited, and each rule's findings are taken whole when none of them changed. After every edit of a
 * random sequence — statuses, owners, channels, sharing classes, `until` dates that take an entity out
 * of the report date's state and back, the systems a task addresses — the run with the memo must give
 * the findings of a cold run byte for byte, and the patched paths must have been taken (or this proves
 * nothing about them).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MemoryCache } from "../../src/load/cache.js";
import { ModelMemo } from "../../src/model/build.js";
import { runPipeline } from "../../src/pipeline.js";
import { RuleMemo } from "../../src/rules/rule-memo.js";
import { AS_OF, REPO, yamlFiles } from "../helpers/project.js";
import { prng } from "../bench/generate.js";

const ROOT = join(REPO, "architecture");
const base = {
  root: "architecture",
  cwd: REPO,
  today: AS_OF,
  asOf: AS_OF,
  rules: true,
  parallel: "off" as const,
};
/** Fields whose values decide findings of entity rules and gaps; `until` moves an entity out of the state. */
const FIELD =
  /^( *)(status|owner|channel|mandatory|sharing|dossier|personalData|scope|standardised|onlineLevel|until|from|to|lead): ([^#{[\n]+)$/gm;
/** A date before the report date (the entity is gone from the state) and one after. */
const DATES = ["2025-06-30", "2031-12-31"];


/**
 * Random edits from `seed`; `noAddresses`: every task's `addresses` taken out first, so that every
 * entity with findings is a gap (the sample addresses nearly all of them) and the gap rule's findings,
 * in the order of their entities, change as groups of findings appear and go.
 */
async function editAndCompare(
  seed: number,
  noAddresses: boolean,
): Promise<void> {
  const files = yamlFiles(ROOT).filter((f) =>
    /\/(systems|integrations|datasets|tasks)\//.test(f),
  );
  const texts = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));
  const overlay = new Map<string, string>();
  if (noAddresses) {
    for (const [file, text] of texts) {
      if (!file.includes("/tasks/")) continue;
      const without = text.replace(
        /^addresses:(?: \[[^\n]*\])?\n(?: {2}- [^\n]*\n)*/gm,
        "",
      );
      texts.set(file, without);
      overlay.set(file, without);
    }
  }
  const values = new Map<string, Set<string>>();
  for (const text of texts.values())
    for (const m of text.matchAll(FIELD))
      (
        values.get(m[2] as string) ??
        values.set(m[2] as string, new Set()).get(m[2] as string)
      )?.add((m[3] as string).trim());
  for (const d of DATES) values.get("until")?.add(d);
  const store = new MemoryCache();
  const ruleMemo = new RuleMemo();
  const modelMemo = new ModelMemo();
  const first = await runPipeline({
    ...base,
    store,
    ruleMemo,
    modelMemo,
    overlay,
  });
  if (noAddresses)
    expect(
      first.diagnostics.filter((d) => d.code === "task.gap-unaddressed").length,
    ).toBeGreaterThan(20);
  const next = prng(seed);
  let patched = 0;
  let steps = 0;
  for (let step = 0; step < 30; step++) {
    const file = files[Math.floor(next() * files.length)] as string;
    const text = texts.get(file) as string;
    // Now and then the file as it was (the edits undone), as an editor's undo does.
    let edited =
      noAddresses && file.includes("/tasks/")
        ? text
        : readFileSync(file, "utf8");
    let what = "back to the file on disk";
    if (next() < 0.8) {
      const fields = [...text.matchAll(FIELD)];
      const m = fields[Math.floor(next() * fields.length)];
      if (!m || m.index === undefined) continue;
      const choices = [...(values.get(m[2] as string) ?? [])];
      const value = choices[Math.floor(next() * choices.length)] as string;
      edited = `${text.slice(0, m.index)}${m[1]}${m[2]}: ${value}${text.slice(m.index + m[0].length)}`;
      what = `${m[2]}: ${(m[3] as string).trim()} → ${value}`;
    }
    texts.set(file, edited);
    overlay.set(file, edited);
    const incremental = await runPipeline({
      ...base,
      store,
      ruleMemo,
      modelMemo,
      overlay,
    });
    patched += ruleMemo.lastRun.patched;
    steps++;
    const cold = await runPipeline({ ...base, overlay });
    expect(
      JSON.stringify(incremental.diagnostics),
      `step ${step}: ${file.slice(ROOT.length + 1)} ${what}`,
    ).toBe(JSON.stringify(cold.diagnostics));
  }
  // Most runs patch most of the 30-odd entity rules and the gap rule in place.
  expect(patched).toBeGreaterThan(steps * 10);
}

describe("entity and gap rules patched in place after edits", () => {
  it("give the findings of a cold run after every edit of a random sequence", async () => {
    await editAndCompare(41204, false);
  }, 300_000);

  it("give them too when every entity with findings is a gap (groups of findings appear and go)", async () => {
    await editAndCompare(51204, true);
  }, 300_000);
});
