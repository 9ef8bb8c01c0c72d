#include "sema/suggest.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace archc {

namespace {
// Optimal string alignment distance: insertions, deletions, substitutions
// and swaps of two neighbours each count one (`vcp` is one edit from `vpc`).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t w = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * w);
  for (std::size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    d[i * w] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t best = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, d[(i - 2) * w + j - 2] + 1);
      d[i * w + j] = best;
    }
  }
  return d.back();
}
}  // namespace

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (d < best_distance) best_distance = d, best = c;
  }
  return best;
}

void suggest(Diagnostic& d, SourceRange at, std::string_view word, const std::vector<std::string>& candidates) {
  if (auto best = closest_match(word, candidates)) {
    d.notes.push_back({{}, fmt::format("did you mean `{}`?", *best)});
    if (at.valid()) d.fixits.push_back({at, *best});
    return;
  }
  if (candidates.empty()) {
    d.notes.push_back({{}, "nothing of that kind is declared"});
    return;
  }
  constexpr std::size_t kShown = 12;
  std::vector<std::string> shown(candidates.begin(), candidates.begin() + std::min(kShown, candidates.size()));
  d.notes.push_back(
      {{}, fmt::format("expected one of: {}{}", fmt::join(shown, ", "), candidates.size() > kShown ? ", ..." : "")});
}

SourceRange quoted_contents(SourceRange literal, std::string_view value) {
  if (!literal.valid()) return {};
  const std::string_view source =
      literal.file->text().substr(literal.begin.offset, literal.end.offset - literal.begin.offset);
  if (source.size() != value.size() + 2 || source.front() != '"' || source.back() != '"' ||
      source.substr(1, value.size()) != value)
    return {};
  return literal.file->range(literal.begin.offset + 1, literal.end.offset - 1);
}

}  // namespace archc
