#include "lsp/server.hpp"

#include <chrono>

#include <fmt/format.h>

#include "lsp/protocol.hpp"

namespace archc::lsp {

Server::Server(std::function<void(const json&)> send, std::function<void(const std::string&)> log_to_stderr,
               std::string rules_url, bool verbose)
    : send_(std::move(send)), log_to_stderr_(std::move(log_to_stderr)), rules_url_(std::move(rules_url)),
      verbose_(verbose) {
  register_handlers();
}

void Server::log(int type, const std::string& message) {
  if (initialized_ && !shut_down_) send_(make_notification("window/logMessage", {{"type", type}, {"message", message}}));
  if (!initialized_ || verbose_) log_to_stderr_(message);
}

Document& Server::document(const json& params) {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  if (Document* d = documents_.find(uri)) return *d;
  throw RpcError(ErrorCode::RequestFailed, fmt::format("{} is not open", uri));
}

void Server::register_handlers() {
  Dispatcher& d = dispatcher_;
  d.on_request("initialize", [this](const json& params) {
    if (initialized_) throw RpcError(ErrorCode::InvalidRequest, "initialize was already sent");
    encoding_ = PositionEncoding::Utf16;
    if (auto general = params.find("capabilities"); general != params.end() && general->contains("general")) {
      const json& encodings = (*general)["general"].value("positionEncodings", json::array());
      for (const auto& e : encodings)
        if (e == "utf-8") encoding_ = PositionEncoding::Utf8;
    }
    if (auto options = params.find("initializationOptions"); options != params.end() && options->is_object())
      if (auto url = options->find("rulesUrl"); url != options->end() && url->is_string()) rules_url_ = *url;
    initialized_ = true;
    return json{
        {"capabilities",
         {{"positionEncoding", encoding_ == PositionEncoding::Utf8 ? "utf-8" : "utf-16"},
          {"textDocumentSync", {{"openClose", true}, {"change", 2}}},  // TextDocumentSyncKind.Incremental
          {"hoverProvider", true},
          {"definitionProvider", true},
          {"referencesProvider", true},
          {"documentHighlightProvider", true},
          {"renameProvider", {{"prepareProvider", true}}},
          {"documentSymbolProvider", true},
          {"completionProvider", {{"triggerCharacters", {".", ":", "\"", "="}}}},
          {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
          {"semanticTokensProvider", {{"legend", semantic_tokens_legend()}, {"full", true}}},
          {"documentFormattingProvider", true}}},
        {"serverInfo", {{"name", "archc"}, {"version", ARCHC_VERSION}}}};
  });
  d.on_notification("initialized", [](const json&) {});
  d.on_request("shutdown", [this](const json&) {
    shut_down_ = true;
    return json(nullptr);
  });
  d.on_notification("exit", [this](const json&) { exit_status_ = shut_down_ ? 0 : 1; });

  d.on_notification("textDocument/didOpen", [this](const json& params) {
    const json& item = params.at("textDocument");
    const std::string uri = item.at("uri").get<std::string>();
    documents_.open(uri, item.value("version", std::int64_t{0}), item.at("text").get<std::string>());
    pending_.insert(uri);
  });
  d.on_notification("textDocument/didChange", [this](const json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    Document* doc = documents_.find(uri);
    if (!doc) return log(2, fmt::format("didChange of {}, which is not open", uri));
    // Changes apply one after the other, each to the text the one before made.
    for (const auto& change : params.at("contentChanges")) {
      std::optional<Range> range;
      if (change.contains("range")) range = range_from(change.at("range"));
      doc->apply_change(range, change.at("text").get<std::string>(), encoding_);
    }
    doc->set_version(params.at("textDocument").value("version", doc->version()));
    pending_.insert(uri);
  });
  d.on_notification("textDocument/didClose", [this](const json& params) {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    documents_.close(uri);
    pending_.erase(uri);
    // Its diagnostics go with it (the spec leaves clearing them to the server).
    send_(make_notification("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}}));
  });
  d.on_notification("textDocument/didSave", [](const json&) {});

  auto with_position = [this](auto feature) {
    return [this, feature](const json& params) {
      const Context c{document(params), encoding_, rules_url_};
      return feature(c, position_from(params.at("position")), params);
    };
  };
  d.on_request("textDocument/hover", with_position([](const Context& c, Position p, const json&) { return hover(c, p); }));
  d.on_request("textDocument/definition",
               with_position([](const Context& c, Position p, const json&) { return definition(c, p); }));
  d.on_request("textDocument/references", with_position([](const Context& c, Position p, const json& params) {
                 const bool include = params.contains("context") && params["context"].value("includeDeclaration", false);
                 return references(c, p, include);
               }));
  d.on_request("textDocument/documentHighlight",
               with_position([](const Context& c, Position p, const json&) { return document_highlight(c, p); }));
  d.on_request("textDocument/prepareRename",
               with_position([](const Context& c, Position p, const json&) { return prepare_rename(c, p); }));
  d.on_request("textDocument/rename", with_position([](const Context& c, Position p, const json& params) {
                 return rename(c, p, params.at("newName").get<std::string>());
               }));
  d.on_request("textDocument/completion",
               with_position([](const Context& c, Position p, const json&) { return completion(c, p); }));
  d.on_request("textDocument/documentSymbol", [this](const json& params) {
    return document_symbols(Context{document(params), encoding_, rules_url_});
  });
  d.on_request("textDocument/codeAction", [this](const json& params) {
    return code_actions(Context{document(params), encoding_, rules_url_}, range_from(params.at("range")));
  });
  d.on_request("textDocument/semanticTokens/full", [this](const json& params) {
    return semantic_tokens(Context{document(params), encoding_, rules_url_});
  });
  d.on_request("textDocument/formatting", [this](const json& params) {
    return formatting(Context{document(params), encoding_, rules_url_});
  });
}

void Server::handle(std::string_view body) {
  auto parsed = parse_message(body);
  if (auto* error = std::get_if<json>(&parsed)) {
    if (!error->is_null()) {
      log(1, fmt::format("answered a malformed message: {}", (*error)["error"]["message"].get<std::string>()));
      send_(*error);
    }
    return;
  }
  const Message& m = std::get<Message>(parsed);
  const auto start = std::chrono::steady_clock::now();
  // A cancellation is handled by handle_batch, for requests not yet run; sent
  // as a request, it is answered MethodNotFound, as any `$/` request may be.
  if (m.method == "$/cancelRequest" && !m.id) return;
  if (m.id && cancelled_.erase(m.id->dump()))
    return send_(make_error(*m.id, ErrorCode::RequestCancelled, "cancelled"));
  if (exit_status_) return;
  if (!initialized_ && m.method != "initialize" && m.method != "exit") {
    if (m.id) send_(make_error(*m.id, ErrorCode::ServerNotInitialized, "initialize first"));
    return;
  }
  if (shut_down_ && m.method != "exit") {
    if (m.id) send_(make_error(*m.id, ErrorCode::InvalidRequest, "the server is shut down: only exit is accepted"));
    return;
  }
  if (auto response = dispatcher_.dispatch(m, [this](const std::string& s) { log(1, s); })) send_(*response);
  if (verbose_)
    log(4, fmt::format("{} in {} µs", m.method,
                       std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start)
                           .count()));
}

void Server::handle_batch(const std::vector<std::string>& bodies) {
  for (const auto& body : bodies) {
    json j = json::parse(body, nullptr, false);
    if (j.is_object() && j.value("method", "") == "$/cancelRequest" && !j.contains("id") && j.contains("params") &&
        j["params"].is_object() && j["params"].contains("id"))
      cancelled_.insert(j["params"]["id"].dump());
  }
  for (const auto& body : bodies) handle(body);
  cancelled_.clear();  // a cancelled request already answered, or never sent
  publish_pending();
}

void Server::publish_pending() {
  if (exit_status_) return;
  for (const auto& uri : pending_)
    if (Document* doc = documents_.find(uri))
      send_(make_notification("textDocument/publishDiagnostics", diagnostics(Context{*doc, encoding_, rules_url_})));
  pending_.clear();
}

void Server::framing_error(const std::string& message) {
  log(1, "a message could not be read: " + message);
  send_(make_error(nullptr, ErrorCode::ParseError, message));
}

int Server::run_stdio(int in, int out, std::string rules_url, bool verbose) {
  Transport transport(in, out);
  Server server([&](const json& j) { transport.write(j.dump(-1, ' ', false, json::error_handler_t::replace)); },
                [](const std::string& line) { std::fprintf(stderr, "archc lsp: %s\n", line.c_str()); },
                std::move(rules_url), verbose);
  while (!server.exit_status()) {
    // One message, waited for, and whatever else has arrived with it.
    std::vector<std::string> batch;
    for (bool wait = true;; wait = false) {
      auto frame = transport.read(wait);
      if (!frame) break;
      if (auto* error = std::get_if<FramingError>(&*frame)) server.framing_error(error->message);
      else batch.push_back(std::move(std::get<std::string>(*frame)));
    }
    server.handle_batch(batch);
    if (transport.closed() && !server.exit_status()) return 1;
  }
  return *server.exit_status();
}

}  // namespace archc::lsp
