// A file as it was at a git revision (`archc diff --git REV NEW`).
#pragma once

#include <optional>
#include <string>

namespace archc {

// The text of `path` at `revision`: `git -C DIR show REV:./BASE` run
// without a shell (posix_spawnp, `git` from PATH), DIR and BASE being
// path's directory and file name, so a path relative to the current
// directory, or absolute, names the file of the repository it lies in
// whatever that repository's root is. git's own messages go to archc's
// stderr. nullopt with `error` set ("git show REV:./BASE failed (exit N)",
// or why git could not be run) when git fails; `revision` starting with
// `-` is refused, git would read it as an option.
std::optional<std::string> read_at_revision(const std::string& revision, const std::string& path, std::string& error);

}  // namespace archc
