// extension.js without VS Code: `vscode` and vscode-languageclient are
// replaced by fakes that record what the extension asks of them, so the
// test sees the server command it starts, what it does when the server
// cannot start, and the restart when archc.path changes.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const Module = require('module');
const path = require('path');

function fakes() {
  const state = { settings: { path: 'archc' }, clients: [], errors: [], listeners: [], failStart: false };
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, running: false });
      state.clients.push(this);
    }
    async start() {
      if (state.failStart) throw new Error('spawn archc ENOENT');
      this.running = true;
    }
    isRunning() {
      return this.running;
    }
    async stop() {
      this.running = false;
    }
  }
  const vscode = {
    workspace: {
      getConfiguration: (section) => {
        assert.strictEqual(section, 'archc');
        return { get: (key) => state.settings[key] };
      },
      onDidChangeConfiguration: (listener) => {
        state.listeners.push(listener);
        return { dispose() {} };
      },
    },
    window: { showErrorMessage: (message) => state.errors.push(message) },
  };
  return { state, modules: { vscode, 'vscode-languageclient/node': { LanguageClient } } };
}

function loadExtension(modules) {
  const file = path.join(__dirname, '..', 'extension.js');
  delete require.cache[require.resolve(file)];
  const load = Module._load;
  Module._load = (request, ...rest) => (request in modules ? modules[request] : load(request, ...rest));
  try {
    return require(file);
  } finally {
    Module._load = load;
  }
}

const change = (section) => ({ affectsConfiguration: (s) => s === section });

test('starts archc lsp over stdio for archc documents', async () => {
  const { state, modules } = fakes();
  const context = { subscriptions: [] };
  await loadExtension(modules).activate(context);
  assert.strictEqual(state.clients.length, 1);
  const client = state.clients[0];
  assert.ok(client.running);
  assert.deepStrictEqual(client.serverOptions.run, { command: 'archc', args: ['lsp'] });
  assert.deepStrictEqual(client.clientOptions.documentSelector.map((s) => s.language), ['archc', 'archc']);
  assert.strictEqual(context.subscriptions.length, 1);
  assert.deepStrictEqual(state.errors, []);
});

test('archc.path names the executable, and a change restarts the server', async () => {
  const { state, modules } = fakes();
  state.settings.path = '/opt/archc/bin/archc';
  const extension = loadExtension(modules);
  await extension.activate({ subscriptions: [] });
  assert.strictEqual(state.clients[0].serverOptions.run.command, '/opt/archc/bin/archc');

  await state.listeners[0](change('editor.fontSize'));
  assert.strictEqual(state.clients.length, 1, 'another setting restarts nothing');

  state.settings.path = '/usr/local/bin/archc';
  await state.listeners[0](change('archc.path'));
  assert.strictEqual(state.clients.length, 2);
  assert.ok(!state.clients[0].running);
  assert.ok(state.clients[1].running);
  assert.strictEqual(state.clients[1].serverOptions.run.command, '/usr/local/bin/archc');

  await extension.deactivate();
  assert.ok(!state.clients[1].running);
});

test('a server that cannot start is reported once, naming archc.path', async () => {
  const { state, modules } = fakes();
  state.failStart = true;
  await loadExtension(modules).activate({ subscriptions: [] });
  assert.strictEqual(state.errors.length, 1);
  assert.match(state.errors[0], /archc lsp/);
  assert.match(state.errors[0], /archc\.path/);
  assert.match(state.errors[0], /ENOENT/);
});
