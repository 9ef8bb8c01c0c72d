#!/usr/bin/env python3
"""Runs the Neovim or Emacs configuration of docs/editors.md, as written there,
against a stand-in `archc lsp` (stub_lsp.py, first on PATH as `archc`).

  clients_test.py neovim   the Neovim 0.8+ snippet, or the 0.7 one on Neovim 0.7
  clients_test.py emacs    the eglot snippet

Two .arch files are opened in the editor, headless: the test passes when the
editor started one server, sent it both files (didOpen) and holds the
server's diagnostic for each. A missing editor (or eglot) skips the test
(exit 77) and says so, except when CI=true, where it fails.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from missing_tool import missing  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DOC = os.path.join(HERE, "..", "..", "docs", "editors.md")

NEOVIM_CHECK = r"""
vim.wait(5000, function() return #vim.diagnostic.get(0) > 0 end)
vim.cmd('edit b.arch')
vim.wait(5000, function() return #vim.diagnostic.get(0) > 0 end)
local names = {}
for _, client in pairs(vim.lsp.get_active_clients()) do table.insert(names, client.name) end
io.stdout:write(string.format('filetype %s; clients %s; diagnostics %d\n', vim.bo.filetype,
                              table.concat(names, ','), #vim.diagnostic.get()))
vim.cmd('qa!')
"""

# eglot-ensure connects from post-command-hook, and Flymake checks a buffer
# once it is displayed or edited, neither of which happens in batch mode:
# the wait runs the hook and starts Flymake, as a session's keystrokes would.
EMACS_CHECK = r"""
(defun stub-wait (predicate)
  (let ((tries 0))
    (while (and (not (funcall predicate)) (< tries 100))
      (run-hooks 'post-command-hook)
      (when flymake-mode (flymake-start))
      (accept-process-output nil 0.05)
      (setq tries (1+ tries)))))
(dolist (file '("a.arch" "b.arch"))
  (find-file file)
  (stub-wait (lambda () (flymake-diagnostics))))
(defun stub-each (f) (mapcar (lambda (b) (with-current-buffer b (funcall f))) '("a.arch" "b.arch")))
(princ (format "modes %s; servers %d; diagnostics %d\n"
               (stub-each (lambda () major-mode))
               (length (delete-dups (delq nil (stub-each #'eglot-current-server))))
               (apply #'+ (stub-each (lambda () (length (flymake-diagnostics)))))))
"""


def snippet(lead, language):
    """The first ```language block of docs/editors.md after the text lead."""
    text = open(DOC).read()
    return re.search(r"```" + language + r"\n(.*?)```", text[text.index(lead):], re.S).group(1)


def run(editor, work):
    if editor == "neovim":
        nvim = shutil.which("nvim")
        if nvim is None:
            return None, "no nvim on PATH"
        version = subprocess.run([nvim, "--version"], capture_output=True, text=True).stdout.split()[1]
        lead = "Neovim 0.7 (" if version.startswith("v0.7") else "Neovim 0.8 and later"
        print(f"nvim {version}: the snippet after '{lead}'")
        open(os.path.join(work, "init.lua"), "w").write(snippet(lead, "lua"))
        open(os.path.join(work, "check.lua"), "w").write(NEOVIM_CHECK)
        command = [nvim, "--headless", "-u", "init.lua", "a.arch", "-c", "luafile check.lua"]
        expected = "filetype archc; clients archc; diagnostics 2"
    else:
        emacs = shutil.which("emacs")
        if emacs is None:
            return None, "no emacs on PATH"
        if subprocess.run([emacs, "--batch", "--eval", "(progn (package-initialize) (require 'eglot))"],
                          capture_output=True).returncode != 0:
            return None, "no eglot for this Emacs (elpa-eglot on Debian 12)"
        open(os.path.join(work, "init.el"), "w").write(snippet("## Emacs", "elisp"))
        open(os.path.join(work, "check.el"), "w").write(EMACS_CHECK)
        # package-initialize as Emacs does at startup, which --batch skips: it
        # finds eglot, installed by elpa-eglot or package.el.
        command = [emacs, "--batch", "--eval", "(package-initialize)", "-l", "init.el", "-l", "check.el"]
        expected = "modes (archc-mode archc-mode); servers 1; diagnostics 2"
    return subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
                          env=dict(os.environ, PATH=os.path.join(work, "bin") + os.pathsep + os.environ["PATH"],
                                   STUB_LSP_LOG=os.path.join(work, "methods.log"), HOME=work)), expected


def main(argv):
    if argv[1:] not in (["neovim"], ["emacs"]):
        print(__doc__, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        os.mkdir(os.path.join(work, "bin"))
        os.symlink(os.path.join(HERE, "stub_lsp.py"), os.path.join(work, "bin", "archc"))
        open(os.path.join(work, "a.arch"), "w").write('vpc "a" { cidr = "10.0.0.0/16", zones = ["a"] }\n')
        open(os.path.join(work, "b.arch"), "w").write('stack "b" {}\n')
        result, expected = run(argv[1], work)
        if result is None:
            return missing(expected)
        methods = open(os.path.join(work, "methods.log")).read().split() if os.path.exists(
            os.path.join(work, "methods.log")) else []
    said = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    print(f"editor: {said}\nserver received: {' '.join(methods)}")
    problems = []
    if said != expected:
        problems.append(f"the editor said `{said}`, expected `{expected}`")
    if methods.count("initialize") != 1:
        problems.append(f"{methods.count('initialize')} servers started, expected 1")
    if methods.count("textDocument/didOpen") != 2:
        problems.append(f"{methods.count('textDocument/didOpen')} files opened on the server, expected 2")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(result.stdout + result.stderr, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
