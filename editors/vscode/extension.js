// The archc extension: the grammar and language configuration do the
// highlighting on their own; this starts `archc lsp` over stdio for .arch
// files, with the executable of the `archc.path` setting, and starts it again
// when that setting changes.
'use strict';
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function createClient() {
  const command = vscode.workspace.getConfiguration('archc').get('path') || 'archc';
  const server = { command, args: ['lsp'] };
  return new LanguageClient(
    'archc',
    'archc',
    { run: server, debug: server },
    { documentSelector: [{ scheme: 'file', language: 'archc' }, { scheme: 'untitled', language: 'archc' }] },
  );
}

async function start() {
  client = createClient();
  try {
    await client.start();
  } catch (e) {
    // Highlighting works without the server: say why the rest does not.
    const path = vscode.workspace.getConfiguration('archc').get('path');
    vscode.window.showErrorMessage(
      `archc: could not start \`${path} lsp\` (${e.message || e}). Set archc.path to an archc that has the lsp command.`,
    );
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('archc.path')) return;
      await stop();
      await start();
    }),
  );
  await start();
}

async function stop() {
  if (client && client.isRunning()) await client.stop();
  client = undefined;
}

module.exports = { activate, deactivate: stop };
