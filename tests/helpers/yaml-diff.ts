/**
 * Differential check of the fast parser against `yaml`: same documents, same values, and the same
 * range for every node and key. A difference is a bug in the fast parser (it must give up instead).
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { normalizeStrings } from '../../src/load/decode.js';
import { fastParse, positionTree, type PosNode } from '../../src/load/fast-yaml.js';
import { parseAst } from '../../src/load/locate.js';

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || a === b;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function compareNodes(node: unknown, pos: PosNode | undefined, path: string, out: string[]): void {
  if (!pos) {
    out.push(`${path}: no position`);
    return;
  }
  const r = (node as Node | null)?.range;
  if (!r || r[0] !== pos.s || r[1] !== pos.e) out.push(`${path}: range yaml ${r?.[0]}..${r?.[1]} fast ${pos.s}..${pos.e}`);
  if (isMap(node)) {
    if (!pos.map) {
      out.push(`${path}: yaml mapping, fast not`);
      return;
    }
    if (node.items.length !== pos.map.size) out.push(`${path}: ${node.items.length} keys vs ${pos.map.size}`);
    for (const item of node.items) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      const key = String(item.key.value);
      const p = pos.map.get(key);
      if (!p) {
        out.push(`${path}.${key}: missing in fast`);
        continue;
      }
      const kr = item.key.range;
      if (!kr || kr[0] !== p.ks || kr[1] !== p.ke) out.push(`${path}.${key}: key range yaml ${kr?.[0]}..${kr?.[1]} fast ${p.ks}..${p.ke}`);
      compareNodes(item.value, p.v, `${path}.${key}`, out);
    }
  } else if (isSeq(node)) {
    if (!pos.seq) {
      out.push(`${path}: yaml sequence, fast not`);
      return;
    }
    if (node.items.length !== pos.seq.length) out.push(`${path}: ${node.items.length} items vs ${pos.seq.length}`);
    node.items.forEach((item, i) => compareNodes(item, pos.seq?.[i], `${path}.${i}`, out));
  }
}

export interface YamlDiff {
  /** The fast parser gave up (fine). */
  readonly bailed: string | undefined;
  /** Differences (a bug when non-empty). */
  readonly problems: string[];
}

/** Compares the fast parser with `yaml` on one text. */
export function diffWithYaml(text: string): YamlDiff {
  const fast = fastParse(text, true);
  if (!fast.ok) return { bailed: fast.why, problems: [] };
  const problems: string[] = [];
  const ast = parseAst(text);
  const errors = ast.docs.flatMap((d) => [...d.errors, ...d.warnings].map((e) => e.code));
  if (errors.length) problems.push(`yaml reports ${errors.join(', ')} but the fast parser accepted the text`);
  const nonEmpty = ast.docs
    .map((d, index) => ({ d, index }))
    .filter(({ d }) => !(d.contents === null || (isScalar(d.contents) && d.contents.value === null && d.contents.source === '' && !d.contents.tag && !d.contents.anchor)));
  if (nonEmpty.length !== fast.docs.length) problems.push(`documents: yaml ${nonEmpty.length} fast ${fast.docs.length}`);
  nonEmpty.forEach(({ d, index }, k) => {
    const f = fast.docs[k];
    if (!f) return;
    if (f.index !== index) problems.push(`doc ${k}: index yaml ${index} fast ${f.index}`);
    let value: unknown;
    try {
      value = normalizeStrings(d.toJS({ maxAliasCount: 200 }));
    } catch (err: unknown) {
      problems.push(`doc ${k}: yaml toJS threw ${(err as Error).message}`);
      return;
    }
    if (!sameValue(value, f.value)) problems.push(`doc ${k}: values differ: yaml ${JSON.stringify(value)?.slice(0, 300)} fast ${JSON.stringify(f.value)?.slice(0, 300)}`);
    const start = d.contents?.range?.[0] ?? 0;
    if (start !== f.start) problems.push(`doc ${k}: start yaml ${start} fast ${f.start}`);
    compareNodes(d.contents, positionTree(fast.positions, f.root, f.value), `doc${k}`, problems);
  });
  return { bailed: undefined, problems };
}
