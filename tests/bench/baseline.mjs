/**
 * The floor the bench compares kientruc with, written without any of kientruc's code: read every file,
 * parse it with js-yaml (`yaml` mode) or JSON.parse (`json` mode, on a JSON copy of the same
 * documents), and validate every document with a fresh ajv against the JSON Schema that
 * `kientruc schema` prints. No positions, no messages, no model, no rules.
 *
 *   node tests/bench/baseline.mjs yaml <architecture dir> <schema.json>
 *   node tests/bench/baseline.mjs json <json dir> <schema.json>
 *
 * Prints one JSON line: documents, invalid documents, and the CPU milliseconds spent compiling the schema.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadAll } from 'js-yaml';

const [mode, dir, schemaFile] = process.argv.slice(2);
const files = [];
const walk = (d) => {
  for (const e of readdirSync(d).sort()) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (mode === 'json' ? e.endsWith('.json') : /\.ya?ml$/.test(e)) files.push(p);
  }
};
walk(dir);
const c0 = process.cpuUsage();
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);
// kientruc's own format for "2026", "2026-09" or a date: a floor does not check it.
ajv.addFormat('deadline', true);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
const c1 = process.cpuUsage(c0);
let docs = 0;
let invalid = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const values = mode === 'json' ? JSON.parse(text) : loadAll(text);
  for (const v of values) {
    docs++;
    if (!validate(v)) invalid++;
  }
}
process.stdout.write(`${JSON.stringify({ files: files.length, docs, invalid, compileCpuMs: (c1.user + c1.system) / 1000 })}\n`);
