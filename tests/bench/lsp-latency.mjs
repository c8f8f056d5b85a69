/**
 * Edit → diagnostics latency of `kientruc lsp` (built code), as an editor sees it: start the server on a
 * project, wait for the first diagnostics, open one file, then make `edits` changes in memory (a task's
 * deliverable, then a ref typo and back) and time each from the didChange notification to the end of
 * the run that publishes its diagnostics (the server's log line, sent after the diagnostics).
 *
 *   node tests/bench/lsp-latency.mjs <project dir> [edits]
 *
 * Prints one JSON line: wall and server CPU of the first run and of each edit.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
const project = process.argv[2];
const edits = Number(process.argv[3] ?? 8);
const server = spawn(process.execPath, [BIN, 'lsp', '--stdio', '--as-of', '2026-09-30'], { cwd: project, stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
let waiting;
conn.onNotification('window/logMessage', (p) => {
  const m = /(\d+) ms \(cpu (\d+) ms/.exec(p.message);
  if (m && waiting) waiting({ serverMs: Number(m[1]), cpuMs: Number(m[2]) });
});
conn.onNotification('textDocument/publishDiagnostics', () => undefined);
conn.listen();
const nextRun = () => new Promise((r) => (waiting = r));

let run = nextRun();
let t = performance.now();
await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(project).href, capabilities: {} });
await conn.sendNotification('initialized', {});
const first = { ...(await run), wallMs: performance.now() - t };

// A file with a task in it, somewhere in the middle of the architecture.
const files = [];
const walk = (d) => {
  for (const e of readdirSync(d).sort()) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (e.endsWith('.yaml')) files.push(p);
  }
};
walk(join(project, 'architecture'));
const file = files.filter((f) => /\ndeliverable: /.test(readFileSync(f, 'utf8')))[Math.floor(files.length / 3) % Math.max(1, files.length)] ?? files[1];
const uri = pathToFileURL(file).href;
const text = readFileSync(file, 'utf8');
run = nextRun();
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
await run;

const results = [];
for (let i = 0; i < edits; i++) {
  const edited = i % 2 === 0 ? text.replace(/\ndeliverable: .*/, `\ndeliverable: Sản phẩm sửa lần ${i}`) : text.replace(/\nlead: org:/, '\nlead: org:x');
  run = nextRun();
  t = performance.now();
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text: edited }] });
  results.push({ ...(await run), wallMs: performance.now() - t });
}
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
conn.dispose();
process.stdout.write(`${JSON.stringify({ first, edits: results })}\n`);
