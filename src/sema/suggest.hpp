// "Did you mean": the nearest valid name to a misspelt one, as a note and as
// a fix-it that writes it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source/diagnostic.hpp"

namespace archc {

// Finds suggestions for the misspelt names of one file. Finding one compares
// the word with every candidate, so a file with many misspellings among many
// names would cost their product; a Suggester spends at most a budget of
// steps (one per candidate looked at, one per cell of an edit-distance
// table) over the whole file, and suggests nothing once it is spent. The
// budget counts steps, not time, so the same file always gets the same
// suggestions.
class Suggester {
 public:
  // Some 50 ms of comparisons: a hundred suggestions among thousands of
  // names, far more than any file with a few typos needs.
  static constexpr std::size_t kBudget = std::size_t{1} << 24;
  // A word longer than this gets no suggestion (names hold at most 64
  // characters; a longer word is no typo of one).
  static constexpr std::size_t kMaxWordBytes = 256;

  explicit Suggester(std::size_t budget = kBudget) : budget_(budget) {}

  // The candidate closest to `word` by edit distance, when it is close
  // enough to be a likely typo (at most a third of its length, and at least
  // one edit, away); the first such in `candidates` on a tie. Nothing
  // otherwise, or when the budget runs out.
  std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

  // Adds to `d` a note: `did you mean `x`?` when a close candidate exists,
  // else a list of the valid choices (at most a handful). With a close
  // candidate and a valid `at` (the range of the misspelt text itself),
  // also adds the fix-it that replaces `at` with the candidate.
  void suggest(Diagnostic& d, SourceRange at, std::string_view word, const std::vector<std::string>& candidates);

  // What is left of the budget.
  std::size_t budget() const { return budget_; }

 private:
  std::size_t budget_;
};

// The range of the text between the quotes when the source at `literal` is
// exactly `"value"` (a string literal without escapes or interpolation);
// otherwise an invalid range, as the value's text is not in the source as is.
SourceRange quoted_contents(SourceRange literal, std::string_view value);

}  // namespace archc
