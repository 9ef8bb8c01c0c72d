// Replacing or creating a regular file so that readers see the old file or
// the new one, never a part, and a failure leaves no trace.
#pragma once

#include <string>
#include <string_view>

namespace archc {

// What a temporary file's name adds to the name of the file it replaces:
// `stack.yaml.archc-Xa3k9Q` (six random characters). docs/cli.md shows how
// to find one that SIGKILL left behind.
inline constexpr std::string_view kTempSuffix = ".archc-";

// Writes `text` to `path` through a temporary file PATH.archc-XXXXXX in the
// same directory, flushed to disk, then renamed over `path`. `path` names a
// regular file or nothing, with no symlink to follow (write_output resolves
// those). A replaced file's permissions are kept, and its owner and group
// where archc may set them (as root); a new file gets 0666 less the umask.
// On failure returns false with `error` set ("cannot write PATH: reason"),
// leaves `path` as it was and removes the temporary file; a signal that
// ends archc meanwhile removes it too (signal_cleanup.hpp).
bool write_file_atomically(const std::string& path, std::string_view text, std::string& error);

}  // namespace archc
