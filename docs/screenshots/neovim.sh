#!/usr/bin/env bash
# Draws docs/editors-neovim.png: Neovim (Debian 12's 0.7) with `archc lsp`,
# showing a warning and a hover, without a display. Neovim runs in tmux with
# the 0.7 setup of docs/editors.md; its screen is captured with its colours
# (tmux capture-pane -e), turned into HTML by aha and photographed by
# headless Chromium.
#
#   docs/screenshots/neovim.sh build/archc docs/editors-neovim.png
#
# Needs nvim, tmux, aha and chromium (Debian packages).
set -euo pipefail
archc=$(realpath "${1:?usage: neovim.sh ARCHC OUT.png}")
out=$(realpath -m "${2:?usage: neovim.sh ARCHC OUT.png}")
root=$(cd "$(dirname "$0")/../.." && pwd)
session=archc-screenshot-$$
work=$(mktemp -d)
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

# The 0.7 setup as docs/editors.md writes it, with archc's full path.
python3 - "$root/docs/editors.md" "$archc" >"$work/init.lua" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
lead = text.index("Neovim 0.7 (Debian 12")
snippet = re.search(r"```lua\n(.*?)```", text[lead:], re.S).group(1)
print(snippet.replace("'archc', 'lsp'", f"'{sys.argv[2]}', 'lsp'"))
# For the picture only: a hover window in grey, not the default pink.
print("vim.cmd('highlight NormalFloat ctermbg=237 ctermfg=253')")
PY
# The lab sample with one NAT gateway for both zones: a single-nat warning.
sed 's/nat   = "per-zone"          # nat-gw-a1 and nat-gw-c1/nat   = "single"/' \
  "$root/samples/lab-vpc.arch" >"$work/lab-vpc.arch"
# Where the asg names its tier: line and column of `app` in vpc.lab-vpc.app.
read -r line column < <(awk '/subnets *= vpc.lab-vpc.app/ && !done { print NR, index($0, ".app") + 1; done = 1 }' \
  "$work/lab-vpc.arch")

tmux new-session -d -s "$session" -x 124 -y 34 "cd '$work' && TERM=tmux-256color nvim -u init.lua lab-vpc.arch"
sleep 3  # the server starts and publishes its diagnostics
tmux send-keys -t "$session" ":call cursor(12, 1) | normal! zt" Enter
tmux send-keys -t "$session" ":call cursor($line, $column)" Enter
tmux send-keys -t "$session" ":lua vim.lsp.buf.hover()" Enter
sleep 2
tmux capture-pane -e -p -t "$session" >"$work/screen.ans"

aha --black --title "archc lsp in Neovim" <"$work/screen.ans" |
  sed 's|</head>|<style>body{margin:8px} pre{font:15px/1.25 "DejaVu Sans Mono",monospace}</style></head>|' \
  >"$work/screen.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1080,720 \
  --screenshot="$out" "file://$work/screen.html" 2>/dev/null
echo "wrote $out"
