// Minimal VS Code client for `kientruc lsp` (see docs/lsp.md). Install: `npm install` in this folder,
// then "Developer: Install Extension from Location…" (or copy the folder into ~/.vscode/extensions/).
'use strict';
const { existsSync } = require('node:fs');
const { isAbsolute, join } = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function serverCommand(folder, configured) {
  if (configured) return isAbsolute(configured) || !/[\\/]/.test(configured) ? configured : join(folder, configured);
  const local = join(folder, 'node_modules', '.bin', process.platform === 'win32' ? 'kientruc.cmd' : 'kientruc');
  return existsSync(local) ? local : 'kientruc';
}

async function activate(context) {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) return;
  const config = vscode.workspace.getConfiguration('kientruc');
  const root = config.get('root') || 'architecture';
  const command = serverCommand(folder, config.get('serverPath'));
  const run = { command, args: ['lsp', '--stdio'], options: { cwd: folder }, transport: TransportKind.stdio };
  client = new LanguageClient(
    'kientruc',
    'kientruc',
    { run, debug: run },
    {
      documentSelector: [{ scheme: 'file', language: 'yaml', pattern: `${folder.replace(/\\/g, '/')}/${root}/**/*.{yaml,yml}` }],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(`${root}/**/*.{yaml,yml}`) },
      initializationOptions: { root, lang: config.get('lang') || 'vi', ...(config.get('asOf') ? { asOf: config.get('asOf') } : {}) },
    },
  );
  context.subscriptions.push(client);
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
