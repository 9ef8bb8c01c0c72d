#include "driver/compilation.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "sema/build_model.hpp"
#include "sema/checks.hpp"
#include "source/line_echo.hpp"
#include "syntax/parser.hpp"

namespace archc {

std::optional<std::string> read_descriptor(int fd, const std::string& name, std::string& error) {
  std::string text;
  char buffer[1 << 16];
  while (text.size() <= SourceFile::kMaxBytes) {  // one byte over is reported as a diagnostic
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) return text;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {  // a non-blocking pipe: wait for more
      pollfd ready{fd, POLLIN, 0};
      if (::poll(&ready, 1, -1) >= 0 || errno == EINTR) continue;
    }
    if (n < 0) {
      error = fmt::format("cannot read {}: {}", printable(name), std::strerror(errno));
      return std::nullopt;
    }
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = fmt::format("cannot read {}: {}", printable(path), std::strerror(errno));
    return std::nullopt;
  }
  auto text = read_descriptor(fd, path, error);
  ::close(fd);
  return text;
}

std::unique_ptr<Compilation> compile_text(std::string path, std::string text, std::size_t error_limit,
                                          const RuleLevels& levels) {
  auto c = std::make_unique<Compilation>();
  c->levels = levels;
  c->diags = Diagnostics(error_limit, error_limit);
  c->diags.set_levels(&c->levels);
  const bool too_big = text.size() > SourceFile::kMaxBytes;
  if (too_big) text.resize(SourceFile::kMaxBytes);
  c->source = std::make_unique<SourceFile>(std::move(path), std::move(text));
  const SourceFile& f = *c->source;
  if (too_big) {
    c->diags.report(Rule::FileTooLarge, f.range(0, 0),
                   fmt::format("file is larger than {} MiB", SourceFile::kMaxBytes >> 20));
    return c;
  }
  if (auto bad = check_encoding(f.text())) {
    c->diags.report(Rule::Encoding, f.range(bad->offset, bad->offset + 1), bad->message);
    return c;
  }
  // Every stage runs whatever went wrong before it: a broken block drops
  // out of the model and the rest is still checked.
  c->syntax = parse_file(f, c->diags);  // which reports only errors: no warning comes before its filter
  c->suppressions = find_suppressions(c->syntax);
  c->diags.set_filter(&c->silencer.emplace(c->syntax, c->suppressions));
  c->model = build_model(c->syntax, f, c->diags, c->symbols);
  c->complete = !c->diags.has_errors();
  run_checks(c->model, c->diags);
  run_source_checks(c->syntax, c->diags);
  c->diags.sort();  // in source order, however they were found
  return c;
}

}  // namespace archc
