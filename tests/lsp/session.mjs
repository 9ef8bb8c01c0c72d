// A scripted LSP session against `archc lsp`, through vscode-jsonrpc and
// vscode-languageserver-protocol, the protocol client of VS Code. Usage:
//   node session.mjs ARCHC SAMPLE
// Exits 0 when every step answered as expected, 1 with the first difference.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification, HoverRequest, DefinitionRequest, ReferencesRequest, RenameRequest,
  CompletionRequest, CodeActionRequest, DocumentSymbolRequest, DocumentFormattingRequest, ShutdownRequest,
  ExitNotification,
} from 'vscode-languageserver-protocol/node.js';

const [archc, samplePath] = process.argv.slice(2);
const server = spawn(archc, ['lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const timer = setTimeout(() => { console.error('FAIL: the session took more than 60 s'); process.exit(1); }, 60000);

// Diagnostics as they arrive, by uri; waiters for the next ones of a uri.
const waiting = new Map();
connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
  const resolve = waiting.get(params.uri);
  waiting.delete(params.uri);
  if (resolve) resolve(params);
});
const nextDiagnostics = (uri) => new Promise((resolve) => waiting.set(uri, resolve));
connection.listen();

// The position of the `at`-th character of the first `needle` after `after` in `text`, 0-based (ASCII texts).
function pos(text, needle, at = 0, after = '') {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0) + at;
  assert.ok(offset >= at, `${needle} is in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
const range = (start, length) => ({ start, end: { line: start.line, character: start.character + length } });
const brief = (d) => `${d.range.start.line}:${d.range.start.character} ${d.severity === 1 ? 'error' : 'warning'}[${d.code}]: ${d.message}`;
const step = (name) => console.log(`lsp session: ${name}`);

async function open(uri, text) {
  const diagnostics = nextDiagnostics(uri);
  connection.sendNotification(DidOpenTextDocumentNotification.type,
    { textDocument: { uri, languageId: 'arch', version: 1, text } });
  return (await diagnostics).diagnostics;
}

async function main() {
  step('initialize');
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: null, capabilities: { general: { positionEncodings: ['utf-16'] } },
  });
  assert.equal(init.capabilities.positionEncoding, 'utf-16');
  assert.equal(init.capabilities.textDocumentSync.change, 2);
  assert.equal(init.serverInfo.name, 'archc');
  connection.sendNotification(InitializedNotification.type, {});

  step('open the lab sample: no diagnostics');
  const lab = readFileSync(samplePath, 'utf8');
  const labUri = pathToFileURL(samplePath).href;
  assert.deepEqual((await open(labUri, lab)).map(brief), []);
  const doc = { textDocument: { uri: labUri } };

  step('hover on a tier reference: its CIDRs');
  const appRef = pos(lab, 'vpc.lab-vpc.app', 'vpc.lab-vpc.'.length);
  const hover = await connection.sendRequest(HoverRequest.type, { ...doc, position: appRef });
  assert.deepEqual(hover.range, range(appRef, 3));
  for (const text of ['vpc.lab-vpc.app', '10.1.3.0/24', '10.1.4.0/24', 'ap-northeast-2a', 'ap-northeast-2c', '251'])
    assert.ok(hover.contents.value.includes(text), `hover shows ${text}: ${hover.contents.value}`);

  step('definition of the tier');
  const appLabel = pos(lab, '"app"', 1);
  assert.deepEqual(await connection.sendRequest(DefinitionRequest.type, { ...doc, position: appRef }),
    { uri: labUri, range: range(appLabel, 3) });

  step('references to asg "asg"');
  const asgLabel = pos(lab, 'asg "asg"', 5);
  const refs = await connection.sendRequest(ReferencesRequest.type,
    { ...doc, position: asgLabel, context: { includeDeclaration: true } });
  assert.deepEqual(refs.map((l) => l.range.start), [
    asgLabel, pos(lab, 'asg.asg', 4), pos(lab, 'asg.asg', 4, 'asg.asg     -> rds'),
    pos(lab, 'asg.asg', 4, 'instance.bastion  -> asg.asg'), pos(lab, 'forward = asg.asg', 14),
    pos(lab, 'asg.asg -> efs', 4),
  ]);

  step('rename asg "asg" to web');
  const edit = await connection.sendRequest(RenameRequest.type, { ...doc, position: asgLabel, newName: 'web' });
  const edits = edit.changes[labUri];
  assert.deepEqual(edits.map((e) => e.range), refs.map((l) => range(l.range.start, 3)));
  assert.ok(edits.every((e) => e.newText === 'web'));

  step('document symbols');
  const symbols = await connection.sendRequest(DocumentSymbolRequest.type, doc);
  assert.deepEqual(symbols.map((s) => `${s.detail} ${s.name}`),
    ['stack lab', 'vpc lab-vpc', 'sg-chain tiers', 'alb alb-asg', 'asg asg', 'rds rds', 'instance bastion', 'efs lab-vpc-efs',
     'sg-chain files', 'bucket site']);
  assert.deepEqual(symbols[1].children.map((s) => s.name), ['public', 'app', 'db']);

  step('completion in four contexts');
  const site = [
    'stack "s" { region = "ap-northeast-2" }',
    'vpc "v" {',
    '  cidr  = "10.0.0.0/16"',
    '  zones = [""]',
    '  subnet "app" { size = 24 }',
    '  ',
    '}',
    'alb "w" {',
    '  subnets = vpc.v.',
    '}',
    '',
  ].join('\n');
  const siteUri = 'file:///tmp/site.arch';
  await open(siteUri, site);
  const complete = async (position) =>
    (await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: siteUri }, position })).map((i) => i.label);
  assert.deepEqual(await complete({ line: 10, character: 0 }),
    ['stack', 'vpc', 'peering', 'gateway-endpoint', 'sg-chain', 'nacl', 'alb', 'asg', 'rds', 'cache', 'instance', 'interface-endpoint', 'efs', 'bucket', 'secret', 'role']);
  const inVpc = await complete({ line: 5, character: 2 });
  assert.ok(inVpc.includes('nat') && inVpc.includes('subnet'), inVpc.join());
  assert.ok(!inVpc.includes('cidr') && !inVpc.includes('zones'), inVpc.join());
  assert.deepEqual(await complete({ line: 8, character: 18 }), ['app']);
  assert.deepEqual(await complete({ line: 3, character: 12 }), ['a', 'b', 'c', 'd']);

  step('formatting: archc fmt\'s layout as one edit of the whole document');
  const formatted = execFileSync(archc, ['fmt', '-'], { input: lab, encoding: 'utf8' });
  assert.notEqual(formatted, lab, 'the lab sample is already formatted: this step tests nothing');
  const layout = await connection.sendRequest(DocumentFormattingRequest.type,
    { ...doc, options: { tabSize: 2, insertSpaces: true } });
  const lines = lab.split('\n');
  assert.deepEqual(layout, [{ range: { start: { line: 0, character: 0 },
                                      end: { line: lines.length - 1, character: lines[lines.length - 1].length } },
                             newText: formatted }]);

  step('a code action: the corrected CIDR');
  const mistakes = 'vpc "v" {\n  cidr  = "10.0.0.5/16"\n  zones = ["a"]\n  subnet "app" { size = 24 }\n}\n';
  const mistakesUri = 'file:///tmp/mistakes.arch';
  const found = await open(mistakesUri, mistakes);
  assert.deepEqual(found.map(brief).filter((d) => d.includes('cidr-host-bits')).length, 1, found.map(brief).join('\n'));
  const hostBits = found.find((d) => d.code === 'cidr-host-bits');
  const actions = await connection.sendRequest(CodeActionRequest.type,
    { textDocument: { uri: mistakesUri }, range: hostBits.range, context: { diagnostics: [hostBits] } });
  const fix = actions.find((a) => a.diagnostics[0].code === 'cidr-host-bits');
  assert.equal(fix.kind, 'quickfix');
  assert.deepEqual(fix.edit.changes[mistakesUri], [{ range: range(pos(mistakes, '10.0.0.5'), 11), newText: '10.0.0.0/16' }]);

  step('an edit that breaks one attribute mid-block: the other diagnostics stay');
  const before = found.map(brief);
  const zones = pos(mistakes, '["a"]');
  const changed = nextDiagnostics(mistakesUri);
  connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: mistakesUri, version: 2 },
    contentChanges: [{ range: range(zones, 5), text: '["a"' }],
  });
  const after = (await changed).diagnostics.map(brief);
  assert.ok(after.some((d) => d.includes('error[syntax]')), after.join('\n'));
  for (const d of before) assert.ok(after.includes(d), `${d} stays: ${after.join('\n')}`);

  step('shutdown and exit');
  assert.equal(await connection.sendRequest(ShutdownRequest.type), null);
  const exited = new Promise((resolve) => server.on('exit', resolve));
  connection.sendNotification(ExitNotification.type);
  assert.equal(await exited, 0);
  clearTimeout(timer);
  connection.dispose();
}

// Exits as soon as the session is done: a handle the client library keeps
// open must not hold the test until ctest's timeout.
main().then(() => { console.log('lsp session: ok'); process.exit(0); }, (e) => {
  console.error(`FAIL: ${e.stack ?? e}`);
  process.exit(1);
});
