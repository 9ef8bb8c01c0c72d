// nacl-shadowed-rule: the first rule by number that matches a packet
// decides it (VPC User Guide, "Network ACL rules"), so a rule that an
// earlier rule of the other action covers whole (its protocol, every port,
// every block) never applies. O(n²) pairs a direction, so only a direction
// AWS would take is looked at: at most 40 rules (stdlib/limits.json,
// rules_per_network_acl_max; nacl_rule_number.cpp reports more).
#include <fmt/format.h>

#include "model/aws_catalog.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

// Whether every packet `later` matches, `earlier` matches too.
bool covers(const model::NaclRule& earlier, const model::NaclRule& later) {
  const auto& e = earlier.ports;
  const auto& l = later.ports;
  if (e.protocol != model::Protocol::All && e.protocol != l.protocol) return false;
  if (model::has_ports(e.protocol) && (l.lo < e.lo || e.hi < l.hi)) return false;
  for (const Cidr& b : later.blocks) {
    bool held = false;
    for (const Cidr& c : earlier.blocks) held = held || c.contains(b);
    if (!held) return false;
  }
  return true;
}

void shadows(const model::Nacl& nacl, const std::vector<model::NaclRule>& rules, const char* direction,
             Diagnostics& diags) {
  if (rules.size() > AwsCatalog::get().limit("rules_per_network_acl_max").value) return;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      const auto& earlier = rules[j];
      if (earlier.number == rules[i].number || earlier.allow == rules[i].allow || !covers(earlier, rules[i])) continue;
      diags
          .report(Rule::NaclShadowedRule, rules[i].range,
                  "{} rule {} of nacl `{}` never applies: rule {} {} all it matches first", direction, rules[i].number,
                  nacl.name, earlier.number, earlier.allow ? "allows" : "denies")
          .notes.push_back({earlier.range, fmt::format("rule {} is here", earlier.number)});
      break;
    }
  }
}

}  // namespace

void nacl_shadowed_rule(const model::Model& m, Diagnostics& diags) {
  for (const auto& nacl : m.nacls) {
    shadows(nacl, nacl.inbound, "inbound", diags);
    shadows(nacl, nacl.outbound, "outbound", diags);
  }
}

}  // namespace archc::checks
