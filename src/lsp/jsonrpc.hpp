// JSON-RPC 2.0 as LSP 3.17 uses it ("Base Protocol", "Request Message",
// "Response Message", "Notification Message"): a body is parsed, checked to
// be a request or a notification, and handed to the handler of its method.
// Whatever is wrong with a message is answered with an error response (for a
// request) or logged (for a notification); nothing escapes to the caller.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

namespace archc::lsp {

using json = nlohmann::json;

// The error codes of JSON-RPC 2.0 and of LSP 3.17 ("ErrorCodes", "LSPErrorCodes").
enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestFailed = -32803,
  RequestCancelled = -32800,
};

// Thrown by a handler to answer its request with this error.
struct RpcError : std::runtime_error {
  RpcError(ErrorCode c, const std::string& message) : std::runtime_error(message), code(c) {}
  ErrorCode code;
};

// A response (result or error) to the request `id`.
json make_response(const json& id, json result);
json make_error(const json& id, ErrorCode code, std::string_view message);
json make_notification(std::string_view method, json params);

// A parsed message, after its envelope was checked.
struct Message {
  std::string method;
  std::optional<json> id;  // requests only: a number or a string
  json params;             // an object, an array, or null when absent or null
};

// Checks the envelope of `body`: the parsed message, or the error response
// to send instead (ParseError for text that is not JSON, InvalidRequest for
// JSON that is not a request or notification; its id null when none could
// be read). A response from the client (an object with `result` or `error`
// and no `method`) gives neither: nullopt and a null json.
std::variant<Message, json> parse_message(std::string_view body);

class Dispatcher {
 public:
  // A request's handler returns its result, or throws RpcError. A
  // json::exception thrown while it reads params (a field missing or of
  // the wrong type) answers InvalidParams; any other exception,
  // InternalError.
  using RequestHandler = std::function<json(const json& params)>;
  using NotificationHandler = std::function<void(const json& params)>;

  void on_request(std::string method, RequestHandler handler);
  void on_notification(std::string method, NotificationHandler handler);

  // Runs the handler of `m`: the response to send for a request, nullopt
  // for a notification (whose errors go to `log`). An unknown request is
  // MethodNotFound; an unknown notification is ignored (`$/` ones may be,
  // says the spec, and others are logged).
  std::optional<json> dispatch(const Message& m, const std::function<void(const std::string&)>& log) const;

 private:
  std::map<std::string, RequestHandler, std::less<>> requests_;
  std::map<std::string, NotificationHandler, std::less<>> notifications_;
};

}  // namespace archc::lsp
