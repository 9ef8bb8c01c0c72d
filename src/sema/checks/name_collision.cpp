// Two declarations whose names differ only in case or punctuation (`a-b`
// and `a_b`, `web` and `_web`, `main` and `Main`) would derive the same
// logical id (model/logical_id.hpp). Numbering one of them would tie each
// id to the order of the blocks, so moving a block would replace resources
// on the next deploy; sharing one would merge two resources. Both are
// refused here, before anything is lowered.
//
// Every id lowering makes is a stem from names followed by a fixed ending
// of its role (`Vpc`, `SubnetA`, `AlbSecurityGroup`, `Listener`,
// `DbReplica2`, `Ingress`, ...), and no ending is the tail of another, so
// two ids can only be equal within one role. Per role this compares:
// - vpcs and the resources of each kind: the name's leading word, which starts every
//   id they own (their security groups and outputs included);
// - subnets, listeners, target groups and ingress rules, whose stems join
//   two names or a name and an address: the whole id, across all their
//   parents, since `a` + `b-c` and `a-b` + `c` meet only there.
// Image parameters come from stdlib aliases, which a unit test keeps apart.
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "model/alb.hpp"
#include "model/logical_id.hpp"
#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

using Kind = model::Endpoint::Kind;

// One id, or one leading word, that a declaration would own among the
// claims of one role.
struct Claim {
  std::string role;
  std::string id;
  std::string owner;  // `vpc `lab``: the declaration, named for messages
  SourceRange at;
  std::vector<std::string> parents = {};  // the owners whose names the id joins
  std::string identity = {};              // when set, what makes two claims one thing (one rule made twice)
  const std::string& key() const { return identity.empty() ? owner : identity; }
};

class Claims {
 public:
  explicit Claims(Diagnostics& diags) : diags_(diags) {}

  // Reports `c` when an earlier claim of another owner holds its id, once
  // per pair of owners. A claim whose parents collided already is dropped:
  // its id repeats theirs, and only the first cause is worth reporting.
  void add(Claim c, const char* message) {
    for (const auto& parent : c.parents)
      if (collided_.count(parent)) return;
    auto [it, fresh] = first_.emplace(std::make_pair(c.role, c.id), c);
    if (fresh || it->second.key() == c.key()) return;
    const Claim& other = it->second;
    collided_.insert(other.owner);
    collided_.insert(c.owner);
    if (!reported_.insert({other.key(), c.key()}).second) return;
    diags_.report(Rule::NameCollision, c.at, fmt::format(fmt::runtime(message), c.owner, other.owner, c.id))
        .notes.push_back({other.at, fmt::format("{} is here", other.owner)});
  }

 private:
  Diagnostics& diags_;
  std::map<std::pair<std::string, std::string>, Claim> first_;  // (role, id) → its first claim
  std::set<std::string> collided_;
  std::set<std::pair<std::string, std::string>> reported_;
};

constexpr const char* kSameWord = "{} and {} would share their logical ids: both names become `{}`";
constexpr const char* kSameId = "{} and {} would both get the logical id `{}`";

std::string owner(std::string_view kind, const std::string& name) { return fmt::format("{} `{}`", kind, name); }
std::string tier_owner(const model::Vpc& vpc, const model::Tier& tier) {
  return fmt::format("tier `{}` of vpc `{}`", tier.name, vpc.name);
}

void leading_words(Claims& claims, const model::Model& m) {
  for (const auto& vpc : m.vpcs)
    claims.add({"vpc", logical_id::leading_word(vpc.name), owner("vpc", vpc.name), vpc.range}, kSameWord);
  for (std::size_t i : m.resources_by_kind()) {
    const model::Resource& r = *m.resources[i];
    const std::string kind(r.kind->keyword);
    claims.add({kind, logical_id::leading_word(r.name), owner(kind, r.name), r.range}, kSameWord);
  }
}

void subnets(Claims& claims, const model::Model& m) {
  for (const auto& vpc : m.vpcs) {
    for (const auto& tier : vpc.tiers) {
      for (const auto& zone : vpc.zones) {
        claims.add({"subnet", logical_id::subnet(vpc.name, tier.name, zone), tier_owner(vpc, tier), tier.range,
                    {owner("vpc", vpc.name)}},
                   kSameId);
      }
    }
  }
}

void listeners(Claims& claims, const model::Model& m) {
  for (const model::Alb* alb : m.all<model::Alb>()) {
    for (const auto& l : alb->listeners) {
      claims.add({"listener", logical_id::listener(alb->name, l.name),
                  fmt::format("listener `{}` of alb `{}`", l.name, alb->name), l.range, {owner("alb", alb->name)}},
                 kSameId);
    }
  }
}

void target_groups(Claims& claims, const model::Model& m) {
  for (const model::Alb* alb : m.all<model::Alb>()) {
    for (const auto& l : alb->listeners) {
      if (!l.forward) continue;
      const std::string& asg = m.resources[*l.forward]->name;
      claims.add({"target group", logical_id::target_group(alb->name, asg),
                  fmt::format("the target group of alb `{}` for asg `{}`", alb->name, asg), l.forward_range,
                  {owner("alb", alb->name), owner("asg", asg)}},
                 kSameId);
    }
  }
}

// The owners whose names an endpoint's part of a rule id comes from.
std::vector<std::string> endpoint_owners(const model::Model& m, const model::Endpoint& e) {
  switch (e.kind) {
    case Kind::Internet: case Kind::Cidr: return {};
    case Kind::Vpc: return {owner("vpc", m.vpcs[e.index].name)};
    case Kind::Tier: return {owner("vpc", m.vpc_of(e.tier).name), tier_owner(m.vpc_of(e.tier), m.tier(e.tier))};
    case Kind::Resource: {
      const model::Resource& r = *m.resources[e.index];
      return {owner(r.kind->keyword, r.name)};
    }
  }
  return {};
}

// As lowering makes them: one rule per target, port range and source block
// or group, a rule made twice (duplicate-edge) being one rule.
void ingress_rules(Claims& claims, const model::Model& m) {
  const ChainGraph graph(m);
  for (const auto* e : graph.edges()) {
    const std::string group = logical_id::security_group(m, e->to);
    std::vector<std::string> parents = endpoint_owners(m, e->to);
    for (auto& o : endpoint_owners(m, e->from)) parents.push_back(std::move(o));
    const auto sources = logical_id::ingress_sources(m, e->from);
    const std::string from = graph.describe(e->from), to = graph.describe(e->to);
    for (const auto& port : e->ports) {
      const std::string rule = fmt::format("the rule {} -> {} on {}", from, to, format_ports({port}));
      for (const auto& source : sources) {
        const std::string identity =
            fmt::format("{} {}..{} {}", to, port.lo, port.hi, source.cidr.empty() ? from : source.cidr);
        claims.add({"ingress rule", logical_id::ingress_rule(group, source, port), rule, port.range, parents, identity},
                   kSameId);
      }
    }
  }
}

}  // namespace

void name_collision(const model::Model& m, Diagnostics& diags) {
  Claims claims(diags);
  // Names first: the ids that join names are then checked only where
  // those names are apart.
  leading_words(claims, m);
  subnets(claims, m);
  listeners(claims, m);
  target_groups(claims, m);
  ingress_rules(claims, m);
}

}  // namespace archc::checks
