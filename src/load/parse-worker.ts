// Worker thread of the parse pool (see parse-pool.ts): parses the files it is sent.
import { parentPort } from 'node:worker_threads';
import { parseFileBytes, type FileParse } from './parse-file.js';

parentPort?.on('message', (m: { id: number; file: string; bytes: Uint8Array }) => {
  const r = parseFileBytes(m.file, m.bytes);
  let out: FileParse = r;
  const transfer: ArrayBuffer[] = [];
  if (r.ok && r.parsed.ast) {
    // Flat positions travel as a transferred buffer; yaml's syntax trees (class instances) do not
    // survive the trip, and the locator parses such a file again if a diagnostic needs it.
    if ('positions' in r.parsed.ast) {
      // Line starts are cheaper to find again than to copy (a copy would lose its class anyway).
      const { positions, docs } = r.parsed.ast;
      out = { ...r, parsed: { ...r.parsed, ast: { positions, docs } } };
      transfer.push(positions.buffer as ArrayBuffer);
    } else out = { ...r, parsed: { docs: r.parsed.docs, diagnostics: r.parsed.diagnostics } };
  }
  parentPort?.postMessage({ id: m.id, result: out }, transfer);
});
