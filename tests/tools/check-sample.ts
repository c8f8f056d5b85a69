/** Interim: load + schema-validate a folder and print diagnostics (until the CLI lands). */
import { loadArchitecture } from '../../src/load/load-architecture.js';
import { availablePacks, loadPack } from '../../src/framework/load-pack.js';
import { compileSchemas } from '../../src/validate/ajv.js';
import { validateDocuments } from '../../src/validate/validate.js';
const root = process.argv[2] ?? 'architecture';
const t0 = performance.now();
const loaded = await loadArchitecture({ root, cwd: process.cwd() });
const schemas = compileSchemas(loadPack(), availablePacks());
const v = validateDocuments(loaded.docs, schemas, loaded.sources);
for (const d of [...loaded.diagnostics, ...v.diagnostics]) console.log(`${d.file}:${d.range.start.line}:${d.range.start.col} ${d.severity} ${d.code} ${d.message.vi}${d.fix ? `  [${d.fix.vi}]` : ''}`);
console.log(`${loaded.docs.length} docs, ${v.value.length} kinds ok, ${(performance.now() - t0).toFixed(0)} ms`);
