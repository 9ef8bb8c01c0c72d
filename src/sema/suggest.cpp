#include "sema/suggest.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace archc {

namespace {

// Optimal string alignment distance: insertions, deletions, substitutions
// and swaps of two neighbours each count one (`vcp` is one edit from `vpc`).
// Only a distance of at most `k` matters, so only the cells of the table
// within k of its diagonal are computed (a path through any other costs
// more than k), three rows at a time; k + 1 stands for "more than k". Adds
// the cells computed to `steps`.
std::size_t bounded_distance(std::string_view a, std::string_view b, std::size_t k, std::size_t& steps) {
  const std::size_t n = a.size(), m = b.size(), over = k + 1;
  if ((n > m ? n - m : m - n) > k) return over;
  // Rows i - 2, i - 1 and i of the table. A row is written only within its
  // band and one cell either side, and read only where its neighbour rows'
  // bands reach, so the other cells may hold anything.
  std::vector<std::size_t> two_up(m + 1, over), up(m + 1, over), row(m + 1, over);
  steps += m + 1;
  for (std::size_t j = 0; j <= std::min(m, k); ++j) up[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t lo = i > k ? i - k : 1, hi = std::min(m, i + k);
    row[lo - 1] = lo == 1 && i <= k ? i : over;
    std::size_t row_min = row[lo - 1];
    for (std::size_t j = lo; j <= hi; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t best = std::min({up[j] + 1, row[j - 1] + 1, up[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, two_up[j - 2] + 1);
      row[j] = std::min(best, over);
      row_min = std::min(row_min, row[j]);
    }
    if (hi < m) row[hi + 1] = over;
    steps += hi - lo + 1;
    if (row_min > k) return over;  // every path runs through this row
    std::swap(two_up, up);
    std::swap(up, row);
  }
  return std::min(up[m], over);
}

}  // namespace

std::optional<std::string> Suggester::closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.size() > kMaxWordBytes) return std::nullopt;
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    // The most a comparison can cost: the rows' setup and the band of every
    // row. Past the budget, no suggestion rather than one that may not be
    // the closest.
    const std::size_t k = best_distance - 1;
    const std::size_t most = 1 + c.size() + 1 + word.size() * (2 * k + 1);
    if (most > budget_) {
      budget_ = 0;
      return std::nullopt;
    }
    std::size_t steps = 1;
    const std::size_t d = bounded_distance(word, c, k, steps);
    budget_ -= steps;
    if (d < best_distance) best_distance = d, best = c;
  }
  return best;
}

void Suggester::suggest(Diagnostic& d, SourceRange at, std::string_view word,
                        const std::vector<std::string>& candidates) {
  // The notes quote names, which may be as long as the file.
  if (auto best = closest_match(word, candidates)) {
    d.notes.push_back({{}, fmt::format("did you mean `{}`?", *best)});
    clip(d.notes.back().message);
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
  clip(d.notes.back().message);
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
