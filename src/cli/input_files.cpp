#include "cli/input_files.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "source/line_echo.hpp"

namespace archc::cli {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& p) { return p.filename().native().starts_with('.'); }

// The .arch files under `dir`, appended to `out`; why not, when the walk
// failed.
std::optional<std::string> collect(const std::string& dir, std::vector<std::string>& out) {
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
  if (!ec) return std::nullopt;
  return fmt::format("cannot read directory {}: {}", printable(dir), ec.message());
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
    auto why = collect(argument, found);
    if (!why && found.empty()) why = fmt::format("directory {} holds no .arch file", printable(argument));
    if (why) {
      std::cerr << "archc: error: " << *why << '\n';
      result.failures.push_back({argument, std::move(*why)});
    }
    std::sort(found.begin(), found.end());  // std::string compares bytes as unsigned, as memcmp does
    result.files.insert(result.files.end(), found.begin(), found.end());
  }
  // A file named twice is read once, where it comes first.
  std::set<std::pair<dev_t, ino_t>> seen;
  std::erase_if(result.files, [&seen](const std::string& file) {
    struct stat st {};
    return file != "-" && ::stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
           !seen.emplace(st.st_dev, st.st_ino).second;
  });
  return result;
}

}  // namespace archc::cli
