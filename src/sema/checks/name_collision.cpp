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
// Two declarations of one kind and name are one owner (duplicate-name
// reports them); an owner is described in words only for a message.
struct Owner {
  enum class Kind : std::uint8_t { Vpc, Tier, Resource, Listener, TargetGroup, Rule } kind;
  std::string_view a, b;           // Vpc: its name; Tier: vpc, tier; Resource: kind, name; Listener: alb, listener;
                                   // TargetGroup: alb, asg
  std::size_t edge = 0, port = 0;  // Rule: indexes into ChainGraph::edges() and the edge's ports
  auto key() const { return std::tie(kind, a, b, edge, port); }
  bool operator<(const Owner& o) const { return key() < o.key(); }
  bool operator==(const Owner& o) const { return key() == o.key(); }
};

Owner vpc_owner(const model::Vpc& vpc) { return {Owner::Kind::Vpc, vpc.name, {}}; }
Owner tier_owner(const model::Vpc& vpc, const model::Tier& tier) { return {Owner::Kind::Tier, vpc.name, tier.name}; }
Owner resource_owner(const model::Block& r) { return {Owner::Kind::Resource, r.kind->keyword, r.name}; }

// What makes two rule claims one rule (a rule made twice: duplicate-edge):
// its target, protocol, ports and source.
struct RuleIdentity {
  const model::Endpoint* to = nullptr;
  model::Protocol protocol = model::Protocol::Tcp;
  int lo = 0, hi = 0;
  std::string cidr;                       // the source block, when the source is one
  const model::Endpoint* from = nullptr;  // otherwise the source
};

bool same_rule(const RuleIdentity& x, const RuleIdentity& y) {
  // Targets are resources, and so is a source without a block.
  if (!x.to || !y.to || x.to->index != y.to->index || x.protocol != y.protocol || x.lo != y.lo || x.hi != y.hi) return false;
  if (!x.cidr.empty() || !y.cidr.empty()) return x.cidr == y.cidr;
  return x.from->index == y.from->index;
}

// One id, or one leading word, that an owner would take among the claims of
// one role.
struct Claim {
  std::string_view role;
  std::string id;
  Owner owner;
  SourceRange at;
  std::vector<Owner> parents = {};  // the owners whose names the id joins
  RuleIdentity rule = {};           // for an ingress rule
};

class Claims {
 public:
  Claims(const ChainGraph& graph, Diagnostics& diags) : graph_(graph), diags_(diags) {}

  // Reports `c` when an earlier claim of another owner holds its id, once
  // per pair of owners. A claim whose parents collided already is dropped:
  // its id repeats theirs, and only the first cause is worth reporting.
  void add(Claim c, const char* message) {
    for (const auto& parent : c.parents)
      if (collided_.count(parent)) return;
    const auto it = first_.find({c.role, c.id});
    if (it == first_.end()) {
      const Claim& kept = claims_.emplace_back(std::move(c));
      first_.emplace(std::make_pair(kept.role, std::string_view(kept.id)), &kept);
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
      case Owner::Kind::Vpc:
        return fmt::format("vpc `{}`", o.a);
      case Owner::Kind::Tier:
        return fmt::format("tier `{}` of vpc `{}`", o.b, o.a);
      case Owner::Kind::Resource:
        return fmt::format("{} `{}`", o.a, o.b);
      case Owner::Kind::Listener:
        return fmt::format("listener `{}` of alb `{}`", o.b, o.a);
      case Owner::Kind::TargetGroup:
        return fmt::format("the target group of alb `{}` for asg `{}`", o.a, o.b);
      case Owner::Kind::Rule: {
        const model::Edge& e = *graph_.edges()[o.edge];
        return fmt::format("the rule {} -> {} on {}", graph_.describe(e.from), graph_.describe(e.to),
                           format_ports({e.ports[o.port]}));
      }
    }
    return {};
  }

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
  for (const auto& vpc : m.vpcs)
    claims.add({"vpc", logical_id::leading_word(vpc.name), vpc_owner(vpc), vpc.range}, kSameWord);
  for (std::size_t i : m.resources_by_kind()) {
    const model::Resource& r = *m.resources[i];
    claims.add({r.kind->keyword, logical_id::leading_word(r.name), resource_owner(r), r.range}, kSameWord);
  }
  for (const auto& s : m.services)
    claims.add({s->kind->keyword, logical_id::leading_word(s->name), resource_owner(*s), s->range}, kSameWord);
  // A network ACL's ids start with its name's word (lower.cpp).
  for (const auto& nacl : m.nacls)
    claims.add({"nacl", logical_id::leading_word(nacl.name), {Owner::Kind::Resource, "nacl", nacl.name}, nacl.range},
               kSameWord);
  // Peerings (`<word>Peering`, and `<route table><word>PeeringRoute`) and
  // gateway endpoints (`<word>GatewayEndpoint`).
  for (const auto& p : m.peerings)
    claims.add({"peering", logical_id::leading_word(p.name), {Owner::Kind::Resource, "peering", p.name}, p.range},
               kSameWord);
  for (const auto& e : m.gateway_endpoints)
    claims.add({"gateway-endpoint", logical_id::leading_word(e.name), {Owner::Kind::Resource, "gateway-endpoint", e.name},
                e.range},
               kSameWord);
}

void subnets(Claims& claims, const model::Model& m) {
  for (const auto& vpc : m.vpcs)
    for (const auto& tier : vpc.tiers)
      for (const auto& zone : vpc.zones)
        claims.add({"subnet", logical_id::subnet(vpc.name, tier.name, zone), tier_owner(vpc, tier), tier.range,
                    {vpc_owner(vpc)}},
                   kSameId);
}

void listeners(Claims& claims, const model::Model& m) {
  for (const model::Alb* alb : m.all<model::Alb>())
    for (const auto& l : alb->listeners)
      claims.add({"listener", logical_id::listener(alb->name, l.name), {Owner::Kind::Listener, alb->name, l.name},
                  l.range, {resource_owner(*alb)}},
                 kSameId);
}

void target_groups(Claims& claims, const model::Model& m) {
  for (const model::Alb* alb : m.all<model::Alb>()) {
    for (const auto& l : alb->listeners) {
      if (!l.forward) continue;
      const model::Resource& asg = *m.resources[*l.forward];
      claims.add({"target group", logical_id::target_group(alb->name, asg.name),
                  {Owner::Kind::TargetGroup, alb->name, asg.name}, l.forward_range,
                  {resource_owner(*alb), resource_owner(asg)}},
                 kSameId);
    }
  }
}

// The owners whose names an endpoint's part of a rule id comes from.
void endpoint_owners(const model::Model& m, const model::Endpoint& e, std::vector<Owner>& out) {
  switch (e.kind) {
    case Kind::Internet:
    case Kind::Cidr:
      return;
    case Kind::Vpc:
      out.push_back(vpc_owner(m.vpcs[e.index]));
      return;
    case Kind::Tier:
      out.push_back(vpc_owner(m.vpc_of(e.tier))), out.push_back(tier_owner(m.vpc_of(e.tier), m.tier(e.tier)));
      return;
    case Kind::Resource:
      out.push_back(resource_owner(*m.resources[e.index]));
      return;
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
    const auto sources = logical_id::rule_peers(m, e.from);
    for (std::size_t p = 0; p < e.ports.size(); ++p) {
      const auto& port = e.ports[p];
      for (const auto& source : sources) {
        claims.add({"ingress rule",
                    logical_id::ingress_rule(group, source, port),
                    {Owner::Kind::Rule, {}, {}, i, p},
                    port.range,
                    parents,
                    {&e.to, port.protocol, port.lo, port.hi, source.cidr, &e.from}},
                   kSameId);
      }
    }
  }
}

}  // namespace

void name_collision(const model::Model& m, Diagnostics& diags) {
  const ChainGraph graph(m);
  Claims claims(graph, diags);
  // Names first: the ids that join names are then checked only where
  // those names are apart.
  leading_words(claims, m);
  subnets(claims, m);
  listeners(claims, m);
  target_groups(claims, m);
  ingress_rules(claims, m, graph);
}

}  // namespace archc::checks
