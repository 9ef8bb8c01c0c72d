#include "cli/terminal_width.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <string_view>

namespace archc::cli {

std::size_t terminal_columns(int fd) {
  if (!isatty(fd)) return 0;
  if (const char* env = std::getenv("COLUMNS")) {
    const std::string_view text(env);
    std::size_t columns = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), columns);
    if (error == std::errc() && end == text.data() + text.size() && columns >= 1 && columns <= 100000) return columns;
  }
  winsize size{};
  if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 0;
}

}  // namespace archc::cli
