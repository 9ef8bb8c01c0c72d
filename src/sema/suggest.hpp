// "Did you mean": the nearest valid name to a misspelt one, as a note and as
// a fix-it that writes it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source/diagnostic.hpp"

namespace archc {

// The candidate closest to `word` by edit distance, when it is close enough
// to be a likely typo; nothing otherwise.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

// Adds to `d` a note: `did you mean `x`?` when a close candidate exists, else
// a list of the valid choices (at most a handful). With a close candidate and
// a valid `at` (the range of the misspelt text itself), also adds the fix-it
// that replaces `at` with the candidate.
void suggest(Diagnostic& d, SourceRange at, std::string_view word, const std::vector<std::string>& candidates);

// The range of the text between the quotes when the source at `literal` is
// exactly `"value"` (a string literal without escapes or interpolation);
// otherwise an invalid range, as the value's text is not in the source as is.
SourceRange quoted_contents(SourceRange literal, std::string_view value);

}  // namespace archc
