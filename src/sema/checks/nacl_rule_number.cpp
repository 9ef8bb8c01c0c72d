// nacl-rule-number: AWS takes network ACL rule numbers 1-32766 (VPC User
// Guide, "Network ACL rules"), one entry a number and direction; a rule with
// a tier peer takes one number a subnet (lower.cpp). O(n) a direction, over
// the rules sorted by number (build_model.cpp). The entries a direction
// holds are held to AWS's quota here too (stdlib/limits.json,
// rules_per_network_acl and its most, rules_per_network_acl_max).
#include <fmt/format.h>

#include "model/aws_catalog.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

constexpr int kMaxRuleNumber = 32766;  // 32767 is AWS's `*` entry

void numbers(const model::Nacl& nacl, const std::vector<model::NaclRule>& rules, const char* direction,
             Diagnostics& diags) {
  const model::NaclRule* holder = nullptr;  // of the highest number taken so far
  for (const auto& r : rules) {
    if (r.number < 1 || r.last_number() > kMaxRuleNumber) {
      if (r.last_number() != r.number)
        diags.report(Rule::NaclRuleNumber, r.number_range,
                     "rule {} of nacl `{}` takes numbers {}-{}, one a subnet of `{}`; AWS takes 1-{}", r.number,
                     nacl.name, r.number, r.last_number(), r.peer, kMaxRuleNumber);
      else
        diags.report(Rule::NaclRuleNumber, r.number_range, "rule number {} is outside 1-{}", r.number, kMaxRuleNumber);
    }
    if (holder && r.number <= holder->last_number()) {
      auto& d = diags.report(Rule::NaclRuleNumber, r.number_range, "{} rule number {} of nacl `{}` is taken{}",
                             direction, r.number, nacl.name,
                             holder->number == r.number
                                 ? ""
                                 : fmt::format(" by rule {}, one number a subnet of `{}`", holder->number, holder->peer));
      d.notes.push_back({holder->number_range, fmt::format("rule {} is here", holder->number)});
    }
    if (!holder || r.last_number() > holder->last_number()) holder = &r;
  }
}

// quota-exceeded at the rule that makes the direction's 21st entry,
// limit-exceeded at the one that makes its 41st.
void entries(const model::Nacl& nacl, const std::vector<model::NaclRule>& rules, const char* direction,
             Diagnostics& diags) {
  const AwsLimit& quota = AwsCatalog::get().limit("rules_per_network_acl");
  const AwsLimit& most = AwsCatalog::get().limit("rules_per_network_acl_max");
  std::uint64_t count = 0;
  for (const auto& r : rules) {
    const std::uint64_t before = count;
    count += static_cast<std::uint64_t>(r.last_number() - r.number) + 1;
    if (before <= most.value && count > most.value) {
      diags.report(Rule::LimitExceeded, r.range, "this rule makes {} {} entries in nacl `{}`; AWS allows at most {}",
                   count, direction, nacl.name, most.value);
      return;
    }
    if (before <= quota.value && count > quota.value)
      diags.report(Rule::QuotaExceeded, r.range,
                   "this rule makes {} {} entries in nacl `{}`; AWS allows {} unless the quota is raised (to at most {})",
                   count, direction, nacl.name, quota.value, most.value);
  }
}

}  // namespace

void nacl_rule_number(const model::Model& m, Diagnostics& diags) {
  for (const auto& nacl : m.nacls) {
    for (const bool outbound : {false, true}) {
      const char* direction = outbound ? "outbound" : "inbound";
      numbers(nacl, outbound ? nacl.outbound : nacl.inbound, direction, diags);
      entries(nacl, outbound ? nacl.outbound : nacl.inbound, direction, diags);
    }
  }
}

}  // namespace archc::checks
