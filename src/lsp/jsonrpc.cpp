#include "lsp/jsonrpc.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace archc::lsp {

json make_response(const json& id, json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json make_error(const json& id, ErrorCode code, std::string_view message) {
  return {{"jsonrpc", "2.0"},
          {"id", id},
          {"error", {{"code", static_cast<int>(code)}, {"message", std::string(message)}}}};
}

json make_notification(std::string_view method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", std::string(method)}, {"params", std::move(params)}};
}

std::variant<Message, json> parse_message(std::string_view body) {
  json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return make_error(nullptr, ErrorCode::ParseError, "the message is not JSON");
  if (!j.is_object()) return make_error(nullptr, ErrorCode::InvalidRequest, "a message is a JSON object");
  json id = nullptr;
  if (auto it = j.find("id"); it != j.end()) {
    if (!it->is_number_integer() && !it->is_string())
      return make_error(nullptr, ErrorCode::InvalidRequest, "`id` is an integer or a string");
    id = *it;
  }
  // JSON-RPC 2.0, "Request object": `jsonrpc` MUST be exactly "2.0".
  if (auto version = j.find("jsonrpc"); version == j.end() || *version != "2.0")
    return make_error(id, ErrorCode::InvalidRequest, "`jsonrpc` is \"2.0\"");
  auto method = j.find("method");
  if (method == j.end()) {
    if (j.contains("result") || j.contains("error")) return json();  // a response to a request of ours
    return make_error(id, ErrorCode::InvalidRequest, "a request has a `method`");
  }
  if (!method->is_string()) return make_error(id, ErrorCode::InvalidRequest, "`method` is a string");
  Message m;
  m.method = method->get<std::string>();
  if (!id.is_null()) m.id = id;
  // A null params is taken as none: some clients send it for a request without params.
  if (auto params = j.find("params"); params != j.end() && !params->is_null()) {
    if (!params->is_object() && !params->is_array())
      return make_error(id, ErrorCode::InvalidRequest, "`params` is an object or an array");
    m.params = std::move(*params);
  }
  return m;
}

void Dispatcher::on_request(std::string method, RequestHandler handler) {
  requests_.emplace(std::move(method), std::move(handler));
}

void Dispatcher::on_notification(std::string method, NotificationHandler handler) {
  notifications_.emplace(std::move(method), std::move(handler));
}

std::optional<json> Dispatcher::dispatch(const Message& m,
                                         const std::function<void(const std::string&)>& log) const {
  if (!m.id) {
    auto it = notifications_.find(m.method);
    if (it == notifications_.end()) {
      if (!m.method.starts_with("$/")) log(fmt::format("ignored the notification {}, which archc does not handle", m.method));
      return std::nullopt;
    }
    try {
      it->second(m.params);
    } catch (const std::exception& e) {
      log(fmt::format("{} failed: {}", m.method, e.what()));
    }
    return std::nullopt;
  }
  auto it = requests_.find(m.method);
  if (it == requests_.end())
    return make_error(*m.id, ErrorCode::MethodNotFound, fmt::format("archc does not handle {}", m.method));
  try {
    return make_response(*m.id, it->second(m.params));
  } catch (const RpcError& e) {
    return make_error(*m.id, e.code, e.what());
  } catch (const json::exception& e) {
    // nlohmann's what() starts with its own id, "[json.exception.type_error.302] ".
    std::string_view why = e.what();
    if (why.starts_with("[json.exception.")) why.remove_prefix(std::min(why.size(), why.find("] ") + 2));
    return make_error(*m.id, ErrorCode::InvalidParams, fmt::format("invalid params of {}: {}", m.method, why));
  } catch (const std::exception& e) {
    log(fmt::format("{} failed: {}", m.method, e.what()));
    return make_error(*m.id, ErrorCode::InternalError, fmt::format("{} failed: {}", m.method, e.what()));
  }
}

}  // namespace archc::lsp
