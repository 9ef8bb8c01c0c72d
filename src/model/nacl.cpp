#include "model/nacl.hpp"

#include <vector>

namespace archc::model {

namespace {

// Packets not yet decided: destination ports × peer addresses, inclusive.
struct Box {
  std::int64_t port_lo, port_hi, addr_lo, addr_hi;
};

bool protocol_matches(const NaclRule& r, Protocol protocol) {
  return r.ports.protocol == Protocol::All || r.ports.protocol == protocol;
}

}  // namespace

NaclVerdict judge(std::span<const NaclRule> rules, Protocol protocol, int port_lo, int port_hi, std::uint32_t addr_lo,
                  std::uint32_t addr_hi) {
  // ICMP has no ports: one "port" stands for every type and code.
  if (!has_ports(protocol)) port_lo = port_hi = 0;
  std::vector<Box> open{{port_lo, port_hi, addr_lo, addr_hi}};
  std::vector<Box> next;
  for (const NaclRule& r : rules) {
    if (!protocol_matches(r, protocol)) continue;
    // A rule of ICMP or all traffic matches every port of the packets.
    const bool ported = has_ports(r.ports.protocol) && has_ports(protocol);
    const std::int64_t rlo = ported ? r.ports.lo : 0, rhi = ported ? r.ports.hi : 65535;
    for (const Cidr& block : r.blocks) {
      next.clear();
      for (const Box& b : open) {
        const std::int64_t plo = std::max(b.port_lo, rlo), phi = std::min(b.port_hi, rhi);
        const std::int64_t alo = std::max<std::int64_t>(b.addr_lo, block.first());
        const std::int64_t ahi = std::min<std::int64_t>(b.addr_hi, block.last());
        if (plo > phi || alo > ahi) {
          next.push_back(b);
          continue;
        }
        // Every packet of the overlap is still undecided: this rule decides it.
        if (!r.allow) return {false, &r, static_cast<int>(plo), static_cast<std::uint32_t>(alo)};
        // What the rule leaves of the box: below and above its ports, then
        // beside its addresses within them.
        if (b.port_lo < plo) next.push_back({b.port_lo, plo - 1, b.addr_lo, b.addr_hi});
        if (phi < b.port_hi) next.push_back({phi + 1, b.port_hi, b.addr_lo, b.addr_hi});
        if (b.addr_lo < alo) next.push_back({plo, phi, b.addr_lo, alo - 1});
        if (ahi < b.addr_hi) next.push_back({plo, phi, ahi + 1, b.addr_hi});
      }
      open.swap(next);
      if (open.empty()) return {};
    }
  }
  return {false, nullptr, static_cast<int>(open.front().port_lo), static_cast<std::uint32_t>(open.front().addr_lo)};
}

}  // namespace archc::model
