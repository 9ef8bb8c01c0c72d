// Where SARIF results and GitHub annotations say a file is. GitHub code
// scanning resolves a SARIF artifact URI against the repository root (the
// checkout), and the Actions runner resolves an annotation's `file=` the same
// way; an absolute path or one that climbs out with `../` is rejected or
// attached to nothing. So paths are written relative to one base directory:
// `--base-dir`, or the root of the git work tree holding the working
// directory.
#pragma once

#include <optional>
#include <string>

namespace archc::lint {

class RepositoryPaths {
 public:
  // The base is `base_dir` when given (relative to the working directory),
  // else the nearest directory, from the working directory up, holding a
  // `.git` entry (a directory, or the file of a worktree or submodule),
  // else the working directory itself. Symbolic links in it are resolved.
  // Throws std::filesystem::filesystem_error when the working directory no
  // longer exists.
  static RepositoryPaths find(const std::optional<std::string>& base_dir);
  // For tests: `base` as it is (absolute, without symbolic links).
  explicit RepositoryPaths(std::string base) : base_(std::move(base)) {}

  // `path` (as given on the command line: relative to the working directory,
  // or absolute) relative to the base, with `/` separators and symbolic
  // links resolved as far as the path exists; nullopt when it lies outside
  // the base. Throws as find() does, for a relative path.
  std::optional<std::string> relative(const std::string& path) const;
  const std::string& base() const { return base_; }

 private:
  std::string base_;
};

}  // namespace archc::lint
