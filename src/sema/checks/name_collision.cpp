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
//
// Claims name their owners by reference (Owner), and the words of a message
// are made only for a collision: the check runs on every build, and almost
// never reports.
#include <deque>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "model/alb.hpp"
#include "model/logical_id.hpp"
#include "sema/checks/chain_graph.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

using Kind = model::Endpoint::Kind;

// What claims an id: a declaration, or (for an ingress rule) one rule.
// Compared by what it refers to; described in words only for a message.
struct Owner {
  enum class Kind : std::uint8_t { Vpc, Tier, Resource, Listener, TargetGroup, Rule } kind;
  std::size_t a = 0, b = 0;  // Vpc: vpc; Tier: vpc, tier; Resource: resource; Listener and TargetGroup:
                             // alb resource, listener; Rule: edge (ChainGraph::edges), port
  auto key() const { return std::tie(kind, a, b); }
  bool operator<(const Owner& o) const { return key() < o.key(); }
  bool operator==(const Owner& o) const { return key() == o.key(); }
};

Owner vpc_owner(std::size_t vpc) { return {Owner::Kind::Vpc, vpc, 0}; }
Owner tier_owner(const model::TierRef& t) { return {Owner::Kind::Tier, t.vpc, t.tier}; }
Owner resource_owner(std::size_t r) { return {Owner::Kind::Resource, r, 0}; }

// What makes two rule claims one rule (a rule made twice: duplicate-edge):
// its target, ports and source.
struct RuleIdentity {
  const model::Endpoint* to = nullptr;
  int lo = 0, hi = 0;
  std::string cidr;                       // the source block, when the source is one
  const model::Endpoint* from = nullptr;  // otherwise the source
};

bool same_endpoint(const model::Endpoint& a, const model::Endpoint& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Kind::Internet: return true;
    case Kind::Cidr: return a.cidr == b.cidr;
    case Kind::Vpc: case Kind::Resource: return a.index == b.index;
    case Kind::Tier: return a.tier.vpc == b.tier.vpc && a.tier.tier == b.tier.tier;
  }
  return false;
}

bool same_rule(const RuleIdentity& x, const RuleIdentity& y) {
  if (!x.to || !y.to || !same_endpoint(*x.to, *y.to) || x.lo != y.lo || x.hi != y.hi) return false;
  if (!x.cidr.empty() || !y.cidr.empty()) return x.cidr == y.cidr;
  return same_endpoint(*x.from, *y.from);
}

// One id, or one leading word, that an owner would take among the claims of
// one role.
struct Claim {
  const char* role;
  std::string id;
  Owner owner;
  SourceRange at;
  std::vector<Owner> parents = {};  // the owners whose names the id joins
  RuleIdentity rule = {};           // for an ingress rule
};

class Claims {
 public:
  Claims(const model::Model& m, const ChainGraph& graph, Diagnostics& diags) : m_(m), graph_(graph), diags_(diags) {}

  // Reports `c` when an earlier claim of another owner holds its id, once
  // per pair of owners. A claim whose parents collided already is dropped:
  // its id repeats theirs, and only the first cause is worth reporting.
  void add(Claim c, const char* message) {
    for (const auto& parent : c.parents)
      if (collided_.count(parent)) return;
    const auto it = first_.find({c.role, c.id});
    if (it == first_.end()) {
      const Claim& kept = claims_.emplace_back(std::move(c));
      first_.emplace(std::make_pair(std::string_view(kept.role), std::string_view(kept.id)), &kept);
      return;
    }
    const Claim& other = *it->second;
    if (c.rule.to ? same_rule(other.rule, c.rule) : other.owner == c.owner) return;  // one thing, claimed twice
    collided_.insert(other.owner);
    collided_.insert(c.owner);
    const std::string mine = describe(c.owner), theirs = describe(other.owner);
    if (!reported_.insert({theirs, mine}).second) return;
    diags_.report(Rule::NameCollision, c.at, fmt::runtime(message), mine, theirs, c.id)
        .notes.push_back({other.at, fmt::format("{} is here", theirs)});
  }

 private:
  std::string describe(const Owner& o) const {
    switch (o.kind) {
      case Owner::Kind::Vpc: return fmt::format("vpc `{}`", m_.vpcs[o.a].name);
      case Owner::Kind::Tier: return fmt::format("tier `{}` of vpc `{}`", m_.vpcs[o.a].tiers[o.b].name, m_.vpcs[o.a].name);
      case Owner::Kind::Resource: return fmt::format("{} `{}`", m_.resources[o.a]->kind->keyword, m_.resources[o.a]->name);
      case Owner::Kind::Listener: {
        const auto& alb = static_cast<const model::Alb&>(*m_.resources[o.a]);
        return fmt::format("listener `{}` of alb `{}`", alb.listeners[o.b].name, alb.name);
      }
      case Owner::Kind::TargetGroup: {
        const auto& alb = static_cast<const model::Alb&>(*m_.resources[o.a]);
        return fmt::format("the target group of alb `{}` for asg `{}`", alb.name,
                           m_.resources[*alb.listeners[o.b].forward]->name);
      }
      case Owner::Kind::Rule: {
        const model::Edge& e = *graph_.edges()[o.a];
        return fmt::format("the rule {} -> {} on {}", graph_.describe(e.from), graph_.describe(e.to),
                           format_ports({e.ports[o.b]}));
      }
    }
    return {};
  }

  const model::Model& m_;
  const ChainGraph& graph_;
  Diagnostics& diags_;
  std::deque<Claim> claims_;  // the first claim of each (role, id), where first_'s keys point
  struct KeyHash {
    std::size_t operator()(const std::pair<std::string_view, std::string_view>& k) const {
      return std::hash<std::string_view>()(k.second) * 31 + std::hash<std::string_view>()(k.first);
    }
  };
  std::unordered_map<std::pair<std::string_view, std::string_view>, const Claim*, KeyHash> first_;  // (role, id)
  std::set<Owner> collided_;
  std::set<std::pair<std::string, std::string>> reported_;
};

constexpr const char* kSameWord = "{} and {} would share their logical ids: both names become `{}`";
constexpr const char* kSameId = "{} and {} would both get the logical id `{}`";

void leading_words(Claims& claims, const model::Model& m) {
  for (std::size_t v = 0; v < m.vpcs.size(); ++v)
    claims.add({"vpc", logical_id::leading_word(m.vpcs[v].name), vpc_owner(v), m.vpcs[v].range}, kSameWord);
  for (std::size_t i : m.resources_by_kind()) {
    const model::Resource& r = *m.resources[i];
    claims.add({r.kind->keyword.data(), logical_id::leading_word(r.name), resource_owner(i), r.range}, kSameWord);
  }
}

void subnets(Claims& claims, const model::Model& m) {
  for (std::size_t v = 0; v < m.vpcs.size(); ++v) {
    const model::Vpc& vpc = m.vpcs[v];
    for (std::size_t t = 0; t < vpc.tiers.size(); ++t) {
      for (const auto& zone : vpc.zones) {
        claims.add({"subnet", logical_id::subnet(vpc.name, vpc.tiers[t].name, zone), {Owner::Kind::Tier, v, t},
                    vpc.tiers[t].range, {vpc_owner(v)}},
                   kSameId);
      }
    }
  }
}

void listeners_and_target_groups(Claims& claims, const model::Model& m) {
  for (std::size_t i = 0; i < m.resources.size(); ++i) {
    const auto* alb = dynamic_cast<const model::Alb*>(m.resources[i].get());
    if (!alb) continue;
    for (std::size_t l = 0; l < alb->listeners.size(); ++l) {
      const auto& listener = alb->listeners[l];
      claims.add({"listener", logical_id::listener(alb->name, listener.name), {Owner::Kind::Listener, i, l},
                  listener.range, {resource_owner(i)}},
                 kSameId);
    }
  }
  for (std::size_t i = 0; i < m.resources.size(); ++i) {
    const auto* alb = dynamic_cast<const model::Alb*>(m.resources[i].get());
    if (!alb) continue;
    for (std::size_t l = 0; l < alb->listeners.size(); ++l) {
      const auto& listener = alb->listeners[l];
      if (!listener.forward) continue;
      claims.add({"target group", logical_id::target_group(alb->name, m.resources[*listener.forward]->name),
                  {Owner::Kind::TargetGroup, i, l}, listener.forward_range,
                  {resource_owner(i), resource_owner(*listener.forward)}},
                 kSameId);
    }
  }
}

// The owners whose names an endpoint's part of a rule id comes from.
void endpoint_owners(const model::Model& m, const model::Endpoint& e, std::vector<Owner>& out) {
  switch (e.kind) {
    case Kind::Internet: case Kind::Cidr: return;
    case Kind::Vpc: out.push_back(vpc_owner(e.index)); return;
    case Kind::Tier: out.push_back(vpc_owner(e.tier.vpc)), out.push_back(tier_owner(e.tier)); return;
    case Kind::Resource: out.push_back(resource_owner(e.index)); return;
  }
}

// As lowering makes them: one rule per target, port range and source block
// or group, a rule made twice (duplicate-edge) being one rule.
void ingress_rules(Claims& claims, const model::Model& m, const ChainGraph& graph) {
  for (std::size_t i = 0; i < graph.edges().size(); ++i) {
    const model::Edge& e = *graph.edges()[i];
    const std::string group = logical_id::security_group(m, e.to);
    std::vector<Owner> parents;
    endpoint_owners(m, e.to, parents);
    endpoint_owners(m, e.from, parents);
    const auto sources = logical_id::ingress_sources(m, e.from);
    for (std::size_t p = 0; p < e.ports.size(); ++p) {
      const auto& port = e.ports[p];
      for (const auto& source : sources) {
        claims.add({"ingress rule", logical_id::ingress_rule(group, source, port), {Owner::Kind::Rule, i, p}, port.range,
                    parents, {&e.to, port.lo, port.hi, source.cidr, &e.from}},
                   kSameId);
      }
    }
  }
}

}  // namespace

void name_collision(const model::Model& m, Diagnostics& diags) {
  const ChainGraph graph(m);
  Claims claims(m, graph, diags);
  // Names first: the ids that join names are then checked only where
  // those names are apart.
  leading_words(claims, m);
  subnets(claims, m);
  listeners_and_target_groups(claims, m);
  ingress_rules(claims, m, graph);
}

}  // namespace archc::checks
