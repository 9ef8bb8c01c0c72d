// archc's language server (LSP 3.17): the lifecycle ("Server lifecycle":
// initialize, initialized, shutdown, exit), document synchronization, and
// the dispatch of each feature's request to lsp/protocol.hpp.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lsp/document.hpp"
#include "lsp/jsonrpc.hpp"
#include "lsp/transport.hpp"

namespace archc::lsp {

class Server {
 public:
  // `send` writes one message to the client; `log_to_stderr` one line of
  // log before the client can take window/logMessage (and always when
  // `verbose`). `rules_url` is the default page of the rules, which the
  // client may replace with initializationOptions.rulesUrl.
  Server(std::function<void(const json&)> send, std::function<void(const std::string&)> log_to_stderr,
         std::string rules_url, bool verbose = false);

  // Handles one message body: its responses and notifications are sent
  // before it returns, but diagnostics of the documents it changed wait for
  // publish_pending(), so a burst of changes is checked once.
  void handle(std::string_view body);
  // Handles a batch read together: cancellations first ($/cancelRequest
  // answers a request of the batch with RequestCancelled instead of
  // running it), then the others in order, then publish_pending().
  void handle_batch(const std::vector<std::string>& bodies);
  // Sends publishDiagnostics for every document changed since the last call.
  void publish_pending();

  // A framing error from the transport: answered like a parse error.
  void framing_error(const std::string& message);

  // Set by `exit`: the process's exit status (0 after shutdown, else 1).
  std::optional<int> exit_status() const { return exit_status_; }
  PositionEncoding encoding() const { return encoding_; }

  // Reads from `in` and writes to `out` until `exit` or the end of input
  // (exit status 1, as for an exit without shutdown).
  static int run_stdio(int in, int out, std::string rules_url, bool verbose);

 private:
  void log(int type, const std::string& message);  // MessageType: 1 Error, 2 Warning, 3 Info, 4 Log
  void register_handlers();
  Document& document(const json& params);

  std::function<void(const json&)> send_;
  std::function<void(const std::string&)> log_to_stderr_;
  std::string rules_url_;
  bool verbose_;
  Dispatcher dispatcher_;
  DocumentStore documents_;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  bool initialized_ = false, shut_down_ = false;
  std::optional<int> exit_status_;
  std::set<std::string> pending_;  // uris whose diagnostics are to be published
  std::set<std::string> cancelled_;  // ids (dumped) of requests cancelled before they ran
};

}  // namespace archc::lsp
