#include "lsp/transport.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>

#include <fmt/format.h>

namespace archc::lsp {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

void MessageReader::feed(std::string_view bytes) {
  if (skip_ > 0) {
    const std::size_t n = std::min(skip_, bytes.size());
    skip_ -= n;
    bytes.remove_prefix(n);
  }
  // Drop what was taken before growing, so the buffer holds one message.
  if (consumed_ > 0) buffer_.erase(0, consumed_), consumed_ = 0;
  buffer_.append(bytes);
}

std::optional<FramingError> MessageReader::read_header(std::size_t end) {
  std::string_view header(buffer_.data() + consumed_, end - consumed_);
  std::optional<std::size_t> length;
  while (!header.empty()) {
    const std::size_t eol = header.find("\r\n");
    std::string_view line = header.substr(0, eol);
    header.remove_prefix(eol == std::string_view::npos ? header.size() : eol + 2);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return FramingError{fmt::format("a header line without `:`: {:?}", line)};
    if (!iequals(trim(line.substr(0, colon)), "Content-Length")) continue;  // Content-Type, or one of the future
    std::string_view value = trim(line.substr(colon + 1));
    std::size_t n = 0;
    auto [end_of_number, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end_of_number != value.data() + value.size() || value.empty())
      return FramingError{fmt::format("Content-Length is not a number: {:?}", value)};
    length = n;
  }
  if (!length) return FramingError{"a header part without Content-Length"};
  if (*length > kMaxBody) {
    skip_ = *length;
    return FramingError{fmt::format("a message of {} bytes, more than the {} accepted", *length, kMaxBody)};
  }
  body_length_ = *length;
  return std::nullopt;
}

std::optional<MessageReader::Frame> MessageReader::next() {
  if (skip_ > 0) {  // an oversized body: drop what was buffered of it
    const std::size_t n = std::min(skip_, buffer_.size() - consumed_);
    skip_ -= n, consumed_ += n;
    if (skip_ > 0) return std::nullopt;
  }
  if (!body_length_) {
    const std::size_t end = buffer_.find("\r\n\r\n", consumed_);
    if (end == std::string::npos) {
      if (buffer_.size() - consumed_ <= kMaxHeader + 3) return std::nullopt;
      consumed_ = buffer_.size();
      return FramingError{"a header part longer than 8192 bytes"};
    }
    if (end - consumed_ > kMaxHeader) {
      consumed_ = end + 4;
      return FramingError{"a header part longer than 8192 bytes"};
    }
    std::optional<FramingError> error = read_header(end);
    consumed_ = end + 4;
    if (error) {
      // An oversized body may already be partly here.
      const std::size_t n = std::min(skip_, buffer_.size() - consumed_);
      skip_ -= n, consumed_ += n;
      return Frame{std::move(*error)};
    }
  }
  if (buffer_.size() - consumed_ < *body_length_) return std::nullopt;
  std::string body = buffer_.substr(consumed_, *body_length_);
  consumed_ += *body_length_;
  body_length_.reset();
  return Frame{std::move(body)};
}

std::optional<MessageReader::Frame> Transport::read(bool wait) {
  while (true) {
    if (auto frame = reader_.next()) return frame;
    if (closed_) return std::nullopt;
    if (!wait) {
      pollfd p{in_, POLLIN, 0};
      if (::poll(&p, 1, 0) <= 0) return std::nullopt;
    }
    char chunk[65536];
    const ssize_t n = ::read(in_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {  // a non-blocking descriptor: wait for more
      if (!wait) return std::nullopt;
      pollfd p{in_, POLLIN, 0};
      ::poll(&p, 1, -1);
      continue;
    }
    if (n <= 0) {
      closed_ = true;
      return std::nullopt;
    }
    reader_.feed(std::string_view(chunk, static_cast<std::size_t>(n)));
  }
}

bool Transport::write(std::string_view body) {
  std::string message = fmt::format("Content-Length: {}\r\n\r\n", body.size());
  message.append(body);
  std::string_view rest = message;
  while (!rest.empty()) {
    const ssize_t n = ::write(out_, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace archc::lsp
