#pragma once

#include <string>

namespace archc {

// Writes `text` to `path` through a temporary file in the same directory and
// a rename, so readers see the old file or the new one, never a part. On
// failure returns false with `error` set, and leaves no temporary file.
bool write_file_atomically(const std::string& path, const std::string& text, std::string& error);

}  // namespace archc
