// Tokenises each file given with the extension's grammar, through
// vscode-textmate and the Oniguruma regex engine VS Code uses, and fails on
// every token whose scopes include `invalid`: the grammar marks only what
// archc refuses (an unknown kind, function or port, a bad escape), so a
// valid file must have none. With --dump, prints every token's scopes.
//
// Usage: node no_invalid.js [--dump] FILE...
'use strict';
const fs = require('fs');
const path = require('path');
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const GRAMMAR = path.join(__dirname, '..', 'syntaxes', 'archc.tmLanguage.json');

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR),
  });
  return registry.loadGrammar('source.archc');
}

async function main() {
  const args = process.argv.slice(2);
  const dump = args[0] === '--dump';
  const files = dump ? args.slice(1) : args;
  const grammar = await loadGrammar();
  let invalid = 0;
  for (const file of files) {
    let state = textmate.INITIAL;
    // archc reads LF and CRLF line ends alike, as VS Code hands lines to the grammar.
    fs.readFileSync(file, 'utf8').split(/\r?\n/).forEach((line, i) => {
      const result = grammar.tokenizeLine(line, state);
      for (const token of result.tokens) {
        const text = line.slice(token.startIndex, token.endIndex);
        const scopes = token.scopes.join(' ');
        if (dump) console.log(`${i + 1}:${token.startIndex + 1} ${JSON.stringify(text)} ${scopes}`);
        if (token.scopes.some((s) => s.startsWith('invalid'))) {
          console.error(`${file}:${i + 1}:${token.startIndex + 1}: ${JSON.stringify(text)} is ${scopes}`);
          ++invalid;
        }
      }
      state = result.ruleStack;
    });
  }
  if (invalid > 0) {
    console.error(`${invalid} invalid token(s)`);
    process.exit(1);
  }
  console.log(`${files.length} file(s): no invalid token`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
