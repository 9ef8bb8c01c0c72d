#include "cli/input_files.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <system_error>

#include <fmt/format.h>

#include "source/line_echo.hpp"

namespace archc::cli {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& p) { return p.filename().native().starts_with('.'); }

// The .arch files under `dir`, appended to `out`; false after saying why
// when the walk failed.
bool collect(const std::string& dir, std::vector<std::string>& out) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (hidden(p)) {
      it.disable_recursion_pending();  // a symlink or a file is not descended into anyway
      continue;
    }
    std::error_code type_ec;  // a dangling symlink is no file: skipped
    if (p.extension() == ".arch" && fs::is_regular_file(it->status(type_ec))) out.push_back(p.string());
  }
  if (!ec) return true;
  std::cerr << fmt::format("archc: error: cannot read directory {}: {}\n", printable(dir), ec.message());
  return false;
}

}  // namespace

InputFiles expand_inputs(const std::vector<std::string>& arguments) {
  InputFiles result;
  for (const auto& argument : arguments) {
    std::error_code ec;
    if (argument == "-" || !fs::is_directory(argument, ec)) {
      result.files.push_back(argument);  // read as a file, which says what is wrong with it
      continue;
    }
    std::vector<std::string> found;
    const bool read = collect(argument, found);
    if (read && found.empty())
      std::cerr << fmt::format("archc: error: directory {} holds no .arch file\n", printable(argument));
    result.failed = result.failed || !read || found.empty();
    std::sort(found.begin(), found.end());  // std::string compares bytes as unsigned, as memcmp does
    result.files.insert(result.files.end(), found.begin(), found.end());
  }
  return result;
}

}  // namespace archc::cli
