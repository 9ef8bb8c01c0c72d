#!/usr/bin/env python3
"""A stand-in for `archc lsp`, for the editor configurations of docs/editors.md.

Speaks just enough of the Language Server Protocol over stdio: answers
initialize and shutdown, appends the method of every message to the file
$STUB_LSP_LOG, and publishes one error at 1:1 of each document opened, so the
test sees that the editor started one server, sent it each file, and showed
what it said.
"""
import json
import os
import sys


def read():
    length = None
    while True:
        line = sys.stdin.buffer.readline()
        if not line:
            sys.exit(0)
        if line.strip() == b"":
            if length is not None:
                return json.loads(sys.stdin.buffer.read(length))
            continue
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)


def send(message):
    body = json.dumps(dict(message, jsonrpc="2.0")).encode()
    sys.stdout.buffer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    sys.stdout.buffer.flush()


def main():
    if sys.argv[1:] != ["lsp"]:
        print(f"expected `archc lsp`, got {sys.argv[1:]}", file=sys.stderr)
        return 2
    with open(os.environ["STUB_LSP_LOG"], "a") as log:
        while True:
            message = read()
            method = message.get("method", "(response)")
            log.write(method + "\n")
            log.flush()
            if method == "initialize":
                send({"id": message["id"], "result": {"capabilities": {"textDocumentSync": 1}}})
            elif method == "textDocument/didOpen":
                uri = message["params"]["textDocument"]["uri"]
                send({"method": "textDocument/publishDiagnostics",
                      "params": {"uri": uri, "diagnostics": [{
                          "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 3}},
                          "severity": 1, "source": "archc", "message": "stub diagnostic"}]}})
            elif method == "shutdown":
                send({"id": message["id"], "result": None})
            elif method == "exit":
                return 0
            elif "id" in message and "method" in message:
                send({"id": message["id"], "result": None})


if __name__ == "__main__":
    sys.exit(main())
