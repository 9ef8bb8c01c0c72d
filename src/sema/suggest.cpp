#include "sema/suggest.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace archc {

namespace {
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
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

std::string suggestion_note(std::string_view word, const std::vector<std::string>& candidates) {
  if (auto best = closest_match(word, candidates)) return fmt::format("did you mean `{}`?", *best);
  if (candidates.empty()) return "nothing of that kind is declared";
  constexpr std::size_t kShown = 12;
  std::vector<std::string> shown(candidates.begin(), candidates.begin() + std::min(kShown, candidates.size()));
  return fmt::format("expected one of: {}{}", fmt::join(shown, ", "), candidates.size() > kShown ? ", ..." : "");
}

}  // namespace archc
