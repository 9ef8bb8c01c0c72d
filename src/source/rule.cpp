#include "source/rule.hpp"

#include <algorithm>

namespace archc {

std::optional<Rule> find_rule(std::string_view id) {
  const auto it = std::find_if(kRules.begin(), kRules.end(), [&](const RuleInfo& r) { return r.id == id; });
  if (it == kRules.end()) return std::nullopt;
  return it->rule;
}

std::optional<std::string_view> security_severity(Rule rule) {
  switch (rule) {
    // A database port open to the internet, or a database in a subnet that
    // routes to it: its data is one guessed password away.
    case Rule::DbInternetExposed:
      return "9.1";
    case Rule::RdsPublicTier:
      return "8.2";
    // A credential in the template, which is stored, shown and committed.
    case Rule::SecretInOutput:
      return "7.5";
    // SSH or RDP open to the internet: scanned and brute-forced.
    case Rule::AdminPortFromInternet:
      return "7.3";
    // More of the network admitted than the chain needs.
    case Rule::ChainSkipsTier:
    case Rule::VpcCidrSource:
      return "4.3";
    default:
      return std::nullopt;
  }
}

std::string rule_help_uri(Rule rule) { return std::string(ARCHC_DOCS_URL "/rules.md#") + std::string(rule_info(rule).id); }

}  // namespace archc
