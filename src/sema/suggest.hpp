#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace archc {

// The candidate closest to `word` by edit distance, when it is close enough
// to be a likely typo; for "did you mean" notes.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

// `did you mean `x`?` when a close candidate exists, else a list of the
// valid choices (at most a handful).
std::string suggestion_note(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace archc
