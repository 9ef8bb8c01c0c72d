// find_overlaps (the sort-and-sweep of model/cidr) against a brute-force
// pairwise reference on random CIDR sets; seeded, so every run is the same.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "driver/compilation.hpp"
#include "model/cidr.hpp"

namespace {

std::vector<archc::Cidr> random_blocks(std::mt19937& rng) {
  std::uniform_int_distribution<int> count(0, 40), prefix(18, 28), offset(0, 255);
  std::vector<archc::Cidr> out(static_cast<std::size_t>(count(rng)));
  for (auto& c : out) {
    c.prefix = prefix(rng);
    // Inside 10.0.0.0/16, so blocks collide often.
    const std::uint32_t raw = 0x0A000000u | static_cast<std::uint32_t>(offset(rng) << 8 | offset(rng));
    c.base = raw & archc::Cidr{0, c.prefix}.mask();
  }
  return out;
}

}  // namespace

TEST_CASE("find_overlaps agrees with a brute-force reference", "[checks][cidr]") {
  std::mt19937 rng(20261121);
  for (int round = 0; round < 2000; ++round) {
    const auto blocks = random_blocks(rng);
    std::set<std::size_t> involved;  // blocks that overlap some other block
    for (std::size_t i = 0; i < blocks.size(); ++i)
      for (std::size_t j = i + 1; j < blocks.size(); ++j)
        if (blocks[i].overlaps(blocks[j])) involved.insert(i), involved.insert(j);
    std::set<std::size_t> reported;
    for (auto [a, b] : archc::find_overlaps(blocks)) {
      REQUIRE(a != b);
      REQUIRE(blocks[a].overlaps(blocks[b]));  // never a false pair
      reported.insert(a);
      reported.insert(b);
    }
    REQUIRE(reported == involved);  // nothing overlapping is missed
  }
}

TEST_CASE("cidr-overlap names both places", "[checks][cidr]") {
  auto c = archc::compile_text("t.arch", R"(vpc "v" {
  cidr = "10.0.0.0/16", zones = ["a", "b"], nat = "none"
  subnet "one" { isolated = true, cidrs = ["10.0.0.0/24", "10.0.1.0/24"] }
  subnet "two" { isolated = true, cidrs = ["10.0.2.0/24", "10.0.1.128/25"] }
}
)");
  std::size_t overlaps = 0;
  for (const auto& d : c->diags.all()) {
    if (d.rule != archc::Rule::CidrOverlap) continue;
    ++overlaps;
    CHECK(d.range.begin.line == 4);
    CHECK(d.range.begin.column == 59);
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].range.begin.line == 3);
    CHECK(d.notes[0].range.begin.column == 59);
  }
  CHECK(overlaps == 1);
}

TEST_CASE("usable addresses leave AWS's five reserved ones out", "[checks][cidr]") {
  CHECK(archc::Cidr{0x0A000000, 28}.usable_in_subnet() == 11);
  CHECK(archc::Cidr{0x0A000000, 24}.usable_in_subnet() == 251);
}
