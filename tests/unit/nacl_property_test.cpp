// The verdict behind nacl-blocks-flow (model::judge) against a brute-force
// evaluation of network ACL rules: random small rule sets over a small
// universe of ports and addresses, every packet of the asked set judged one
// by one as AWS does (rules by number, the first match decides, then the
// implicit deny).
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <random>
#include <vector>

#include "model/nacl.hpp"
#include "test_support.hpp"

namespace archc {
namespace {

constexpr std::uint32_t kBase = 0x0A000000;  // 10.0.0.0: the universe is 10.0.0.0/26 ...
constexpr std::uint32_t kAddresses = 64;
constexpr int kPorts = 48;                   // ... and ports 0-47

// The rule (index into `rules`) that decides one packet, or nullopt for the
// implicit deny; blocks of one rule are its consecutive entries.
std::optional<std::size_t> decide(const std::vector<model::NaclRule>& rules, model::Protocol protocol, int port,
                                  std::uint32_t address) {
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& r = rules[i];
    if (r.ports.protocol != model::Protocol::All && r.ports.protocol != protocol) continue;
    const bool ported = r.ports.protocol == model::Protocol::Tcp || r.ports.protocol == model::Protocol::Udp;
    if (ported && (port < r.ports.lo || port > r.ports.hi)) continue;
    for (const Cidr& b : r.blocks)
      if (b.first() <= address && address <= b.last()) return i;
  }
  return std::nullopt;
}

Cidr random_block(std::mt19937& rng) {
  // Now and then the whole internet; otherwise a block of the universe.
  if (rng() % 8 == 0) return {0, 0};
  const int prefix = 26 + static_cast<int>(rng() % 7);  // /26 to /32
  const std::uint32_t size = 1u << (32 - prefix);
  return {kBase + (static_cast<std::uint32_t>(rng() % kAddresses) / size) * size, prefix};
}

model::Protocol random_protocol(std::mt19937& rng) {
  constexpr model::Protocol all[] = {model::Protocol::Tcp, model::Protocol::Udp, model::Protocol::Icmp,
                                     model::Protocol::All};
  return all[rng() % 4];
}

}  // namespace

TEST_CASE("judge agrees with a packet-by-packet evaluation of random ACLs", "[nacl][property]") {
  std::mt19937 rng(20261201);
  for (int round = 0; round < 3000; ++round) {
    std::vector<model::NaclRule> rules(rng() % 7);
    int number = 0;
    for (auto& r : rules) {
      r.number = number += 1 + static_cast<int>(rng() % 10);
      r.allow = rng() % 3 != 0;
      r.ports.protocol = random_protocol(rng);
      const int a = static_cast<int>(rng() % kPorts), b = static_cast<int>(rng() % kPorts);
      r.ports.lo = std::min(a, b), r.ports.hi = std::max(a, b);
      if (!model::has_ports(r.ports.protocol)) r.ports.lo = 0, r.ports.hi = 65535;
      r.blocks.resize(1 + rng() % 2);  // a CIDR, or a tier of two subnets
      for (auto& block : r.blocks) block = random_block(rng);
    }
    const model::Protocol protocol = std::array{model::Protocol::Tcp, model::Protocol::Udp, model::Protocol::Icmp}[rng() % 3];
    const int p1 = static_cast<int>(rng() % kPorts), p2 = static_cast<int>(rng() % kPorts);
    const int port_lo = std::min(p1, p2), port_hi = model::has_ports(protocol) ? std::max(p1, p2) : port_lo;
    const std::uint32_t a1 = kBase + rng() % kAddresses, a2 = kBase + rng() % kAddresses;
    const std::uint32_t addr_lo = std::min(a1, a2), addr_hi = std::max(a1, a2);

    const model::NaclVerdict v = model::judge(rules, protocol, port_lo, port_hi, addr_lo, addr_hi);

    bool all_allowed = true;
    std::optional<std::size_t> first_deny;  // the lowest-numbered deny rule that decides a packet
    for (int port = port_lo; port <= port_hi; ++port)
      for (std::uint32_t address = addr_lo; address <= addr_hi; ++address) {
        const auto d = decide(rules, protocol, port, address);
        if (d && rules[*d].allow) continue;
        all_allowed = false;
        if (d && (!first_deny || *d < *first_deny)) first_deny = d;
      }
    INFO("round " << round);
    REQUIRE(v.allowed == all_allowed);
    if (all_allowed) continue;
    // The packet it names is in the set and denied by the rule it names ...
    REQUIRE(v.address >= addr_lo);
    REQUIRE(v.address <= addr_hi);
    if (model::has_ports(protocol)) REQUIRE((v.port >= port_lo && v.port <= port_hi));
    const auto d = decide(rules, protocol, model::has_ports(protocol) ? v.port : port_lo, v.address);
    REQUIRE(d.has_value() == (v.rule != nullptr));
    if (d) REQUIRE(&rules[*d] == v.rule);
    // ... the lowest-numbered deny that decides one of them, and the implicit
    // deny only when no rule denies any.
    if (first_deny) REQUIRE(v.rule == &rules[*first_deny]);
    else REQUIRE(v.rule == nullptr);
  }
}

// The check itself, end to end: random ACLs on a database tier of two /28
// subnets reached from an app tier of two more. The edge's request (tcp 3306
// in from the app tier's 32 addresses) and its reply (tcp 1024-65535 out to
// them) are judged packet by packet; the check must warn exactly when one
// is dropped, and name the leg.
TEST_CASE("nacl-blocks-flow agrees with a packet-by-packet evaluation of random ACLs", "[nacl][property]") {
  struct Peer {
    const char* text;
    std::vector<Cidr> blocks;
  };
  const std::uint32_t app = 0x0A000100;  // 10.0.1.0
  const std::vector<Peer> peers = {{"vpc.v.app", {{app, 28}, {app + 16, 28}}},
                                   {"10.0.1.0/28", {{app, 28}}},
                                   {"10.0.1.8/29", {{app + 8, 29}}},
                                   {"10.0.1.16/28", {{app + 16, 28}}},
                                   {"10.0.0.0/16", {{0x0A000000, 16}}},
                                   {"0.0.0.0/0", {{0, 0}}}};
  const std::vector<std::pair<const char*, model::PortRange>> ports = {
      {"tcp:3306", {3306, 3306, {}, model::Protocol::Tcp}},
      {"tcp:3000..4000", {3000, 4000, {}, model::Protocol::Tcp}},
      {"udp:3306", {3306, 3306, {}, model::Protocol::Udp}},
      {"tcp:1024..65535", {1024, 65535, {}, model::Protocol::Tcp}},
      {"tcp:32768..65535", {32768, 65535, {}, model::Protocol::Tcp}},
      {"tcp:1..1023", {1, 1023, {}, model::Protocol::Tcp}},
      {"all", {0, 65535, {}, model::Protocol::All}}};
  std::mt19937 rng(7);
  for (int round = 0; round < 60; ++round) {
    std::vector<model::NaclRule> direction[2];  // inbound, outbound
    std::string lists[2];
    for (int d = 0; d < 2; ++d) {
      int number = 0;
      for (std::size_t n = rng() % 4; n > 0; --n) {
        const Peer& peer = peers[rng() % peers.size()];
        const auto& [port_text, port] = ports[rng() % ports.size()];
        model::NaclRule r;
        r.number = number += 10;
        r.allow = rng() % 4 != 0;
        r.ports = port;
        r.blocks = peer.blocks;
        direction[d].push_back(r);
        lists[d] += fmt::format("{}\"{} {} {} {} {}\"", lists[d].empty() ? "" : ", ", r.number,
                                r.allow ? "allow" : "deny", port_text, d == 0 ? "from" : "to", peer.text);
      }
    }
    const std::string text = fmt::format(R"(stack "s" {{ region = "us-east-1" }}
vpc "v" {{
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "app" {{ cidrs = ["10.0.1.0/28", "10.0.1.16/28"] }}
  subnet "db"  {{ isolated = true, cidrs = ["10.0.3.0/28", "10.0.3.16/28"] }}
}}
rds "main" {{ engine = "mysql", class = "db.t3.micro", subnets = vpc.v.db, storage = 20, multi_az = true }}
asg "app" {{ subnets = vpc.v.app, port = 8080 }}
sg-chain "c" {{ asg.app -> rds.main : mysql }}
nacl "db" {{
  tier     = vpc.v.db
  inbound  = [{}]
  outbound = [{}]
}}
)",
                                         lists[0], lists[1]);
    const auto blocked = [&](const std::vector<model::NaclRule>& rules, int lo, int hi) {
      for (int port = lo; port <= hi; ++port)
        for (std::uint32_t address = app; address < app + 32; ++address) {
          const auto d = decide(rules, model::Protocol::Tcp, port, address);
          if (!d || !rules[*d].allow) return true;
        }
      return false;
    };
    const bool request = blocked(direction[0], 3306, 3306);
    const bool reply = !request && blocked(direction[1], model::kEphemeralLo, model::kEphemeralHi);
    const auto found = test::of_rule(text, "nacl-blocks-flow");
    INFO(text);
    REQUIRE(found.size() == (request ? 2u : reply ? 3u : 0u));  // the warning, its notes
    if (request) CHECK(found[0].find("the request of edge") != std::string::npos);
    if (reply) CHECK(found[0].find("the reply of edge") != std::string::npos);
  }
}

}  // namespace archc
