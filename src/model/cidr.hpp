// IPv4 CIDR arithmetic: parsing, containment, overlap, alignment.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace archc {

struct Cidr {
  std::uint32_t base = 0;  // network address (host bits may be set before validation)
  int prefix = 0;

  std::uint64_t size() const { return std::uint64_t{1} << (32 - prefix); }
  std::uint32_t mask() const { return prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix); }
  std::uint64_t first() const { return base; }
  std::uint64_t last() const { return std::uint64_t{base} + size() - 1; }  // inclusive
  bool host_bits_set() const { return (base & ~mask()) != 0; }
  Cidr network() const { return {base & mask(), prefix}; }
  bool contains(const Cidr& o) const { return o.prefix >= prefix && (o.base & mask()) == (base & mask()); }
  bool overlaps(const Cidr& o) const { return first() <= o.last() && o.first() <= last(); }
  // AWS keeps the first four addresses (network, VPC router, DNS, future
  // use) and the last one (broadcast) of every subnet.
  static constexpr std::uint64_t kAwsReservedPerSubnet = 5;
  std::uint64_t usable_in_subnet() const {
    return size() > kAwsReservedPerSubnet ? size() - kAwsReservedPerSubnet : 0;
  }

  std::string str() const;
  friend bool operator==(const Cidr&, const Cidr&) = default;
};

// What a block of addresses is for, after the IANA IPv4 Special-Purpose
// Address Registry (RFC 6890).
enum class AddressClass {
  Private,        // RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16
  SharedSpace,    // RFC 6598: 100.64.0.0/10, carrier-grade NAT; never routed on the internet
  Loopback,       // RFC 1122 §3.2.1.3: 127.0.0.0/8
  LinkLocal,      // RFC 3927: 169.254.0.0/16; in a VPC, instance metadata and the DNS resolver
  Documentation,  // RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24
  Public,         // every other address
};
// The class of every address of `block`; Public when the block reaches
// beyond the range of one class (0.0.0.0/0, 100.0.0.0/8).
AddressClass address_class(const Cidr& block);
// The blocks of every class but Public, each with its class; they do not
// overlap.
std::span<const std::pair<Cidr, AddressClass>> special_purpose_blocks();

// An inclusive range of addresses.
struct AddressRange {
  std::uint64_t first = 0, last = 0;
  friend auto operator<=>(const AddressRange&, const AddressRange&) = default;
};
// The addresses of `blocks` as sorted ranges that neither overlap nor touch,
// so that two lists of blocks hold the same addresses exactly when they give
// the same ranges (10.0.0.0/24 and 10.0.1.0/24 give what 10.0.0.0/23 gives).
std::vector<AddressRange> address_ranges(std::vector<Cidr> blocks);

// Parses `a.b.c.d/n`; nullopt on any malformed text.
std::optional<Cidr> parse_cidr(std::string_view text);
std::string format_ipv4(std::uint32_t address);

// Finds overlapping blocks by sorting on first address and sweeping once,
// keeping the block that reaches furthest so far: O(n log n), never pairwise.
// Each result pairs a block with an earlier-sorted block it overlaps; every
// block that overlaps any other appears in at least one pair.
std::vector<std::pair<std::size_t, std::size_t>> find_overlaps(const std::vector<Cidr>& blocks);

}  // namespace archc
