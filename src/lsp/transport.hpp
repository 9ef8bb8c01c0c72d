// The base protocol of LSP 3.17 ("Base Protocol"): each message is a header
// part (`Content-Length: N`, optionally `Content-Type`, each line ended by
// \r\n, the part ended by an empty line) and then N bytes of JSON.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace archc::lsp {

// A header part that gives no usable length: its message cannot be found,
// and the reader has skipped it (and the body it announced, if too long).
struct FramingError {
  std::string message;
};

// Splits a byte stream into message bodies. It is fed whatever read(2)
// returned, however the stream was cut, and never holds more than one
// header part and one body (at most kMaxBody bytes) at a time.
class MessageReader {
 public:
  // The largest body accepted: SourceFile::kMaxBytes of text, escaped, with
  // room for the rest of a didOpen. A longer one is skipped unread.
  static constexpr std::size_t kMaxBody = 160u * 1024u * 1024u;
  // The longest header part accepted, without its empty line.
  static constexpr std::size_t kMaxHeader = 8192;

  using Frame = std::variant<std::string, FramingError>;

  void feed(std::string_view bytes);
  // The next complete body, or the error of a header part that has none;
  // nullopt until more bytes are fed.
  std::optional<Frame> next();

 private:
  // Parses the header part at the front of buffer_ (ending at `end`, the
  // offset of its empty line) into body_length_ or a FramingError.
  std::optional<FramingError> read_header(std::size_t end);

  std::string buffer_;
  std::size_t consumed_ = 0;  // bytes of buffer_ already taken
  std::optional<std::size_t> body_length_;  // set between a header and its body
  std::size_t skip_ = 0;  // bytes of an oversized body still to drop
};

// The stdio end of a connection: reads framed messages from one descriptor
// and writes them to another. Writes are whole messages (a partial write is
// resumed), so a message is never interleaved with another.
class Transport {
 public:
  Transport(int in, int out) : in_(in), out_(out) {}

  // The next frame: blocks until one is complete when `wait`, else returns
  // nullopt when none is complete with what is readable now. nullopt with
  // closed() true at the end of input.
  std::optional<MessageReader::Frame> read(bool wait);
  bool closed() const { return closed_; }
  // Writes `body` with its header; false when the output is gone.
  bool write(std::string_view body);

 private:
  int in_, out_;
  bool closed_ = false;
  MessageReader reader_;
};

}  // namespace archc::lsp
