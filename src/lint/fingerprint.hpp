// What identifies a diagnostic across runs, for the formats whose readers
// follow an issue as the file changes: SARIF's partialFingerprints (GitHub
// code scanning) and GitLab Code Quality's fingerprint.
#pragma once

#include <string>
#include <string_view>

#include "source/diagnostic.hpp"

namespace archc::lint {

// 64-bit FNV-1a of `text` as 16 lowercase hex digits: stable across runs and
// platforms, unlike std::hash.
std::string fingerprint(std::string_view text);

// The fingerprint of `d`'s rule, message and the source text under its range
// (at most its first 1 KiB, so that a huge range costs no more than a short
// one): not its line or place, which an edit elsewhere in the file changes.
// Two equal diagnostics of a file have the same key; the formats add an
// occurrence count.
std::string diagnostic_key(const Diagnostic& d);

}  // namespace archc::lint
