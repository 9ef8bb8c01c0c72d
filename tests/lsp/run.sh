#!/usr/bin/env bash
# Runs one LSP client test against archc: `run.sh session ARCHC SAMPLE` (the
# Node session of session.mjs) or `run.sh neovim ARCHC` (neovim.lua). A
# missing client is a skip (exit 77), a failure when CI=true.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
which="$1" archc="$2"

skip() {
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: $1 (CI=true: .ci/install-deps installs it)" >&2
    exit 1
  fi
  echo "SKIP: $1 (.ci/install-deps installs it)" >&2
  exit 77
}

case "$which" in
  session)
    command -v node >/dev/null || skip "node is not installed"
    (cd "$here" && npm ls --depth=0 >/dev/null 2>&1) || skip "the npm packages of tests/lsp are not installed"
    exec node "$here/session.mjs" "$archc" "$3"
    ;;
  neovim)
    command -v nvim >/dev/null || skip "nvim is not installed"
    dir="$(mktemp -d)"
    trap 'rm -rf "$dir"' EXIT
    # The output of a headless nvim goes to its terminal; a timeout guards a hang.
    ARCHC="$archc" FILE="$dir/site.arch" timeout 60 nvim --headless --clean -c "luafile $here/neovim.lua" 2>&1
    ;;
  *)
    echo "usage: run.sh session ARCHC SAMPLE | run.sh neovim ARCHC" >&2
    exit 2
    ;;
esac
