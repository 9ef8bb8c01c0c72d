#include "model/cidr.hpp"

#include <algorithm>
#include <charconv>
#include <numeric>

#include <fmt/format.h>

namespace archc {

namespace {
// Reads a decimal number of 1-3 digits with no leading zero (to avoid the
// octal ambiguity some tools have) at text[i], advancing i.
std::optional<unsigned> read_number(std::string_view text, std::size_t& i, unsigned max) {
  std::size_t start = i;
  while (i < text.size() && i - start < 3 && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == start || (i - start > 1 && text[start] == '0')) return std::nullopt;
  unsigned v = 0;
  std::from_chars(text.data() + start, text.data() + i, v);
  if (v > max) return std::nullopt;
  return v;
}
}  // namespace

std::optional<Cidr> parse_cidr(std::string_view text) {
  std::size_t i = 0;
  std::uint32_t addr = 0;
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0) {
      if (i >= text.size() || text[i] != '.') return std::nullopt;
      ++i;
    }
    auto v = read_number(text, i, 255);
    if (!v) return std::nullopt;
    addr = (addr << 8) | *v;
  }
  if (i >= text.size() || text[i] != '/') return std::nullopt;
  ++i;
  auto prefix = read_number(text, i, 32);
  if (!prefix || i != text.size()) return std::nullopt;
  return Cidr{addr, static_cast<int>(*prefix)};
}

std::string format_ipv4(std::uint32_t a) {
  return fmt::format("{}.{}.{}.{}", a >> 24, (a >> 16) & 0xFF, (a >> 8) & 0xFF, a & 0xFF);
}

std::string Cidr::str() const { return fmt::format("{}/{}", format_ipv4(base), prefix); }

std::span<const std::pair<Cidr, AddressClass>> special_purpose_blocks() {
  static constexpr std::pair<Cidr, AddressClass> kBlocks[] = {
      {{0x0A000000, 8}, AddressClass::Private},        {{0xAC100000, 12}, AddressClass::Private},
      {{0xC0A80000, 16}, AddressClass::Private},       {{0x64400000, 10}, AddressClass::SharedSpace},
      {{0x7F000000, 8}, AddressClass::Loopback},       {{0xA9FE0000, 16}, AddressClass::LinkLocal},
      {{0xC0000200, 24}, AddressClass::Documentation}, {{0xC6336400, 24}, AddressClass::Documentation},
      {{0xCB007100, 24}, AddressClass::Documentation},
  };
  return kBlocks;
}

AddressClass address_class(const Cidr& block) {
  for (const auto& [range, cls] : special_purpose_blocks())
    if (range.contains(block)) return cls;
  return AddressClass::Public;
}

std::vector<AddressRange> address_ranges(std::vector<Cidr> blocks) {
  std::sort(blocks.begin(), blocks.end(), [](const Cidr& a, const Cidr& b) { return a.first() < b.first(); });
  std::vector<AddressRange> out;
  for (const Cidr& b : blocks) {
    if (!out.empty() && b.first() <= out.back().last + 1)
      out.back().last = std::max(out.back().last, b.last());
    else
      out.push_back({b.first(), b.last()});
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> find_overlaps(const std::vector<Cidr>& blocks) {
  std::vector<std::size_t> order(blocks.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return blocks[a].first() < blocks[b].first(); });
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const Cidr* reach = nullptr;  // the block with the highest last address so far
  std::size_t reach_index = 0;
  for (std::size_t i : order) {
    const Cidr& b = blocks[i];
    if (reach && b.first() <= reach->last()) out.emplace_back(i, reach_index);
    if (!reach || b.last() > reach->last()) reach = &b, reach_index = i;
  }
  return out;
}

}  // namespace archc
