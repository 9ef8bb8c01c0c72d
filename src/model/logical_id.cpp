#include "model/logical_id.hpp"

#include <stdexcept>

namespace archc::logical_id {

namespace {

bool ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

using Kind = model::Endpoint::Kind;

const model::Resource& resource(const model::Model& m, const model::Endpoint& e) {
  if (!e.is_resource()) throw std::logic_error("only a chain endpoint has a security group");
  return *m.resources[e.index];
}

// The part of a rule id naming its source, before any zone letter.
std::string source_word(const model::Model& m, const model::Endpoint& e) {
  switch (e.kind) {
    case Kind::Internet: return "Internet";
    case Kind::Cidr: return "Cidr" + word(e.cidr.str());
    case Kind::Vpc: return word(m.vpcs[e.index].name) + "Vpc";
    case Kind::Tier: return word(m.vpcs[e.tier.vpc].name) + word(m.tier(e.tier).name);
    case Kind::Resource: {
      const model::Resource& r = resource(m, e);
      return word(r.name) + word(r.kind->name_tag_word);
    }
  }
  throw std::logic_error("unknown endpoint kind");
}

}  // namespace

std::string word(std::string_view name) {
  std::string out;
  bool up = true;
  for (char c : name) {
    if (!ascii_letter(c) && !ascii_digit(c)) {
      up = true;
      continue;
    }
    out += up ? ascii_upper(c) : c;
    up = false;
  }
  return out;
}

std::string leading_word(std::string_view name) {
  std::string w = word(name);
  return !w.empty() && ascii_letter(w.front()) ? w : "N" + w;
}

std::string zone(std::string_view letter) {
  std::string out;
  for (char c : letter) out += ascii_upper(c);
  return out;
}

std::string subnet(std::string_view vpc, std::string_view tier, std::string_view zone_letter) {
  return leading_word(vpc) + word(tier) + "Subnet" + zone(zone_letter);
}

std::string alb(std::string_view name) { return leading_word(name) + "Alb"; }

std::string db_instance(std::string_view rds_name) { return leading_word(rds_name) + "Db"; }

std::string role(std::string_view name) { return leading_word(name) + "Role"; }

std::string instance_profile(std::string_view role_name) { return leading_word(role_name) + "InstanceProfile"; }

std::string secret(std::string_view name) { return leading_word(name) + "Secret"; }

std::string listener(std::string_view alb_name, std::string_view listener_name) {
  return alb(alb_name) + word(listener_name) + "Listener";
}

std::string target_group(std::string_view alb_name, std::string_view asg_name) {
  return alb(alb_name) + word(asg_name) + "TargetGroup";
}

std::string security_group(const model::Model& m, const model::Endpoint& e) {
  const model::Resource& r = resource(m, e);
  return leading_word(r.name) + word(r.kind->name_tag_word) + "SecurityGroup";
}

std::vector<RulePeer> rule_peers(const model::Model& m, const model::Endpoint& from) {
  std::vector<Cidr> cidrs = m.source_cidrs(from);
  const std::string part = source_word(m, from);
  std::vector<RulePeer> out;
  // Only a tier stands for several blocks, one per zone.
  const bool tier = from.kind == model::Endpoint::Kind::Tier;
  if (tier && cidrs.size() != m.vpcs[from.tier.vpc].zones.size()) cidrs.clear();
  for (std::size_t z = 0; z < cidrs.size(); ++z)
    out.push_back({cidrs[z].str(), tier && cidrs.size() > 1 ? part + zone(m.vpcs[from.tier.vpc].zones[z]) : part});
  if (from.is_resource()) out.push_back({"", part});
  return out;
}

namespace {
// `AppAsg` + `From` + `WebAlb` + `Port80` + `Ingress`: a rule of `group`
// (a security_group() id) with `peer` on `ports`.
std::string rule(std::string_view group, std::string_view direction, const RulePeer& peer, const model::PortRange& ports,
                 std::string_view suffix) {
  constexpr std::string_view kGroup = "SecurityGroup";
  std::string id(group.substr(0, group.size() - kGroup.size()));
  id += direction;
  id += peer.id_part;
  // TCP ports keep the ids they had before other protocols were written.
  switch (ports.protocol) {
    case model::Protocol::Tcp: break;
    case model::Protocol::Udp: id += "Udp"; break;
    case model::Protocol::Icmp: return id + "Icmp" + std::string(suffix);
    case model::Protocol::All: return id + "AllTraffic" + std::string(suffix);
  }
  id += "Port" + std::to_string(ports.lo);
  if (ports.hi != ports.lo) id += "To" + std::to_string(ports.hi);
  return id + std::string(suffix);
}
}  // namespace

std::string ingress_rule(std::string_view group, const RulePeer& source, const model::PortRange& ports) {
  return rule(group, "From", source, ports, "Ingress");
}

std::string egress_rule(std::string_view group, const RulePeer& destination, const model::PortRange& ports) {
  return rule(group, "To", destination, ports, "Egress");
}

}  // namespace archc::logical_id
