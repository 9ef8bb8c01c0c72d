// How AWS judges packets against one direction of a network ACL (VPC User
// Guide, "Network ACL rules"): the rules in number order, the first whose
// protocol, port range and CIDR block match a packet allows or denies it,
// and a packet no rule matches is denied (the `*` entry). The port a rule
// matches is the packet's destination port.
#pragma once

#include <cstdint>
#include <span>

#include "model/model.hpp"

namespace archc::model {

// The verdict on every packet of a set: one protocol, the destination ports
// port_lo..port_hi, the peer addresses addr_lo..addr_hi (inclusive; the
// source address inbound, the destination outbound).
struct NaclVerdict {
  bool allowed = true;  // every packet of the set is allowed
  // When not: the lowest-numbered rule that denies one of them, or nullptr
  // when the first denied packet falls through to the implicit deny ...
  const NaclRule* rule = nullptr;
  // ... and one packet it denies.
  int port = 0;
  std::uint32_t address = 0;
};

// The ephemeral ports a reply goes back to: the range AWS advises NACLs to
// allow for clients of any OS, NAT gateways and load balancers (VPC User
// Guide, "Ephemeral ports").
inline constexpr int kEphemeralLo = 1024, kEphemeralHi = 65535;

// Judges the packets of `protocol` (TCP, UDP or ICMP; ports are ignored
// for ICMP) to ports port_lo..port_hi and peer addresses addr_lo..addr_hi
// against `rules`, sorted by number. Exact: it tracks the packets no rule
// has decided yet as rectangles of ports and addresses, so its cost grows
// with the rules (at most 40 a direction, AWS's quota) and not with the
// ports or addresses.
NaclVerdict judge(std::span<const NaclRule> rules, Protocol protocol, int port_lo, int port_hi, std::uint32_t addr_lo,
                  std::uint32_t addr_hi);

}  // namespace archc::model
