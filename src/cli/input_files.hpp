// The FILE arguments of the commands that take several (check, lint, fmt):
// a directory stands for the .arch files under it (docs/cli.md, "Input
// files").
#pragma once

#include <string>
#include <vector>

namespace archc::cli {

struct InputFiles {
  std::vector<std::string> files;  // in the order to read them
  bool failed = false;             // a directory could not be read, or held no .arch file: said on stderr
};

// `arguments` with each directory replaced by every `*.arch` (the suffix in
// lowercase, as the language names it) that is a regular file, or a symlink
// to one, anywhere under it, in byte-wise order of the path. An entry whose
// name starts with `.` is skipped, and so is all under a hidden directory
// (`.git`, `.terraform`), but a directory given by name is searched
// whatever its name (`.`). Symlinks to directories are not followed, so a
// loop of them ends. `-` and anything that is no directory stay as given.
// A directory that cannot be read, or holds no .arch file, is reported
// (`archc: error: ...`) and sets `failed`; the other arguments are kept.
// Cost: one directory walk, and a sort of the files found.
InputFiles expand_inputs(const std::vector<std::string>& arguments);

}  // namespace archc::cli
