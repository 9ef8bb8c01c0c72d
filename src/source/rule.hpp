// The rules of src/source/rules.def as an enum and a table, so that a call
// site names a rule the compiler checks and everything else (id, severity,
// texts) is looked up, never written twice.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace archc {

enum class Severity { Error, Warning };

enum class Rule {
#define ARCHC_RULE(name, id, severity, summary, why, fix) name,
#include "source/rules.def"
};

struct RuleInfo {
  Rule rule;
  std::string_view id;       // kebab-case, stable: docs/rules.md's heading and `# archc:ignore`'s word
  std::string_view name;     // CamelCase, the enum's own name
  Severity severity;
  std::string_view summary;  // what it catches, one line
  std::string_view why;      // the AWS behaviour or Well-Architected lesson
  std::string_view fix;      // how to fix it
};

// Every rule, in the order of rules.def (and docs/rules.md): kRules[i].rule
// is Rule(i).
inline constexpr std::array kRules = {
#define ARCHC_RULE(name, id, severity, summary, why, fix) \
  RuleInfo{Rule::name, id, #name, Severity::severity, summary, why, fix},
#include "source/rules.def"
};

// The declaration of `rule`.
constexpr const RuleInfo& rule_info(Rule rule) { return kRules[static_cast<std::size_t>(rule)]; }

// The rule whose id is `id`, or nothing for a word that is no archc rule.
std::optional<Rule> find_rule(std::string_view id);

// The score of a rule that guards against a security exposure, as GitHub
// code scanning ranks alerts (SARIF `properties.security-severity`: a CVSS
// v3-like 0.0–10.0; 9.0 and up critical, 7.0 high, 4.0 medium); nothing
// for every other rule.
std::optional<std::string_view> security_severity(Rule rule);

// The rule's section of docs/rules.md under ARCHC_DOCS_URL (a build
// setting): what SARIF's helpUri and the editor's code description link to.
std::string rule_help_uri(Rule rule);

// "error" or "warning", as every output format spells it.
constexpr std::string_view severity_name(Severity s) { return s == Severity::Error ? "error" : "warning"; }

}  // namespace archc
