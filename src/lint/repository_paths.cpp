#include "lint/repository_paths.hpp"

#include <filesystem>
#include <system_error>

namespace archc::lint {

namespace fs = std::filesystem;

namespace {

// Absolute, normal, with the symbolic links of its existing part resolved;
// what cannot be resolved (a permission error) is kept lexically.
// Throws std::filesystem::error when the working directory is gone.
fs::path resolved(const fs::path& p) {
  const fs::path absolute = p.is_absolute() ? p : fs::current_path() / p;
  std::error_code ec;
  const fs::path real = fs::weakly_canonical(absolute, ec);
  fs::path out = (ec ? absolute : real).lexically_normal();
  if (!out.has_filename() && out != out.root_path()) out = out.parent_path();  // `dir/` is `dir`
  return out;
}

}  // namespace

RepositoryPaths RepositoryPaths::find(const std::optional<std::string>& base_dir) {
  if (base_dir) return RepositoryPaths(resolved(*base_dir).string());
  const fs::path cwd = resolved(fs::current_path());
  for (fs::path dir = cwd;; dir = dir.parent_path()) {
    std::error_code ec;
    if (fs::exists(dir / ".git", ec)) return RepositoryPaths(dir.string());
    if (dir == dir.root_path()) break;
  }
  return RepositoryPaths(cwd.string());
}

std::optional<std::string> RepositoryPaths::relative(const std::string& path) const {
  const fs::path rel = resolved(path).lexically_relative(base_);
  if (rel.empty() || *rel.begin() == "..") return std::nullopt;
  return rel.generic_string();
}

}  // namespace archc::lint
