// The FILE arguments of the commands that take several (check, lint, fmt):
// a directory stands for the .arch files under it (docs/cli.md, "Input
// files").
#pragma once

#include <string>
#include <vector>

namespace archc::cli {

struct InputFiles {
  struct Failure {
    std::string directory;
    std::string reason;  // said on stderr already; lint's formats record it too
  };
  std::vector<std::string> files;  // in the order to read them
  std::vector<Failure> failures;   // directories that could not be read, or held no .arch file

  bool failed() const { return !failures.empty(); }
};

// `arguments` with each directory replaced by every `*.arch` (the suffix in
// lowercase, as the language names it) that is a regular file, or a symlink
// to one, anywhere under it, in byte-wise order of the path. An entry whose
// name starts with `.` is skipped, and so is all under a hidden directory
// (`.git`, `.terraform`), but a directory given by name is searched
// whatever its name (`.`). Symlinks to directories are not followed, so a
// loop of them ends. `-` and anything that is no directory stay as given.
// An existing file named twice (by any path: its device and inode) is kept
// only where it comes first.
// A directory that cannot be read, or holds no .arch file, is reported
// (`archc: error: ...`) and listed in `failures`; the other arguments are
// kept.
// Cost: one directory walk, a sort of the files found, and a stat(2) of
// each file.
InputFiles expand_inputs(const std::vector<std::string>& arguments);

}  // namespace archc::cli
