// The plan as text for people: one section per VPC, within it one per tier
// (its subnets, then the resources placed in it as their kinds' plan hooks
// show them, each with the rules of its security group).
#include <algorithm>
#include <map>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "plan/plan.hpp"
#include "source/line_echo.hpp"

namespace archc::plan {

namespace {

// Rows of cells printed with aligned columns. Only cells followed by another
// in their row set a column's width, so a long last cell widens nothing.
class Columns {
 public:
  void row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }

  void print(std::string &out, int indent) const {
    std::vector<std::size_t> widths;
    for (const auto &r : rows_)
      for (std::size_t c = 0; c + 1 < r.size(); ++c) {
        if (widths.size() <= c) widths.resize(c + 1);
        widths[c] = std::max(widths[c], r[c].size());
      }
    for (const auto &r : rows_) {
      std::string line(static_cast<std::size_t>(indent), ' ');
      for (std::size_t c = 0; c < r.size(); ++c)
        line += c + 1 < r.size() ? fmt::format("{:<{}}  ", r[c], widths[c]) : r[c];
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + '\n';
    }
  }

 private:
  std::vector<std::vector<std::string>> rows_;
};

std::string join(const std::vector<std::string> &items) { return fmt::format("{}", fmt::join(items, ", ")); }


std::string route_text(const Route &r) {
  switch (r.via) {
    case Route::Via::InternetGateway:
      return "internet gateway " + r.gateway;
    case Route::Via::Nat:
      return fmt::format("NAT {} ({})", r.gateway, r.zone);
    case Route::Via::None:
      return "none";
  }
  return "none";
}

class TextWriter {
 public:
  // Each tier's resources and each group by name, found once: searching the
  // whole plan for every tier and every resource was quadratic.
  explicit TextWriter(const Plan &p) : p_(p) {
    for (const auto &e : p_.resources) in_tier_[e.tier].push_back(&e);
    for (const auto &g : p_.security_groups) groups_.emplace(g.name, &g);
    for (const auto &n : p_.network_acls) nacls_.emplace(n.tier, &n);
  }

  std::string run() {
    std::vector<std::string> tags;
    // Tags and a stack named after its file are the user's text: escaped as
    // check escapes it, so no control character reaches the terminal.
    for (const auto &t : p_.tags) tags.push_back(printable(t.key) + "=" + printable(t.value));
    out_ += fmt::format("stack {} in {}{}\n", printable(p_.stack), p_.region, tags.empty() ? "" : ", tags " + join(tags));
    for (const auto &v : p_.vpcs) vpc(v);
    for (const auto &pc : p_.peerings) peering(pc);
    if (auto it = in_tier_.find(""); it != in_tier_.end()) {
      out_ += "\noutside the VPCs\n";
      for (const Entry *e : it->second) resource(*e);
    }
    return std::move(out_);
  }

 private:
  void vpc(const Vpc &v) {
    out_ += fmt::format("\nvpc {}  {}  zones {}  nat {}\n", v.name, v.cidr, join(v.zones), v.nat_mode);
    Columns gateways;
    gateways.row({"internet gateway", v.internet_gateway.value_or("none")});
    for (const auto &n : v.nat_gateways) gateways.row({"NAT gateway", n.name, n.zone, "in " + n.subnet});
    if (v.nat_gateways.empty()) gateways.row({"NAT gateway", "none"});
    for (const auto &e : p_.gateway_endpoints)
      if (e.vpc == v.name) gateways.row({"gateway endpoint", e.name, e.service_name, "from " + join(e.route_tables)});
    for (const auto &rt : v.route_tables)
      for (const auto &r : rt.peering_routes) gateways.row({"peering route", rt.name, "to " + r.destination, "via " + r.peering});
    gateways.print(out_, 2);
    for (const auto &t : v.tiers) tier(t);
  }

  void peering(const Peering &pc) {
    out_ += fmt::format("\npeering {}  {}\n", pc.name, pc.tag);
    Columns rows;
    rows.row({"requester", "vpc " + pc.vpc});
    const std::string owner = pc.peer_owner.empty() ? "" : "account " + pc.peer_owner;
    rows.row({"accepter", pc.peer_vpc.empty() ? pc.peer_vpc_id : "vpc " + pc.peer_vpc, pc.peer_cidr, pc.peer_region, owner});
    rows.row({"routes in", join(pc.route_tables)});
    rows.print(out_, 2);
  }

  void tier(const Tier &t) {
    out_ += fmt::format("\n  tier {} ({})\n", t.name, t.kind);
    Columns subnets;
    subnets.row({"subnet", "zone", "cidr", "usable", "public ip", "default route"});
    for (const auto &s : t.subnets)
      subnets.row(
          {s.name, s.zone, s.cidr, std::to_string(s.usable), s.map_public_ip ? "yes" : "no", route_text(s.route)});
    subnets.print(out_, 4);
    if (auto it = nacls_.find(t.ref); it != nacls_.end()) nacl(*it->second);
    if (auto it = in_tier_.find(t.ref); it != in_tier_.end())
      for (const Entry *e : it->second) resource(*e);
  }

  // `100  allow  tcp  3306  from vpc.lab.app  10.0.1.0/24`, each
  // direction ending in AWS's implicit deny.
  void nacl(const NetworkAcl &n) {
    out_ += fmt::format("\n    network acl {} (nacl {})\n", n.name, n.nacl);
    for (const bool outbound : {false, true}) {
      out_ += outbound ? "      outbound\n" : "      inbound\n";
      const char *direction = outbound ? "to" : "from";
      Columns rows;
      for (const auto &e : outbound ? n.outbound : n.inbound)
        rows.row({std::to_string(e.number), e.allow ? "allow" : "deny", std::string(model::protocol_name(e.protocol)),
                  rule_ports({e.protocol, e.from_port, e.to_port, {}, {}, {}}), fmt::format("{} {}", direction, e.peer),
                  e.cidr == e.peer ? "" : e.cidr});
      rows.row({"*", "deny", "all", "all", fmt::format("{} 0.0.0.0/0", direction), ""});
      rows.print(out_, 8);
    }
  }

  void resource(const Entry &e) {
    out_ += "\n    " + e.heading + '\n';
    Columns facts;
    for (const auto &[label, value] : e.facts) facts.row({label, value});
    facts.print(out_, 6);
    for (const auto &table : e.tables) {
      out_ += "      " + table.title + '\n';
      Columns rows;
      for (const auto &r : table.rows) rows.row(r);
      rows.print(out_, 8);
    }
    if (!e.security_group.empty()) ingress(e.security_group);
  }

  void ingress(const std::string &group) {
    const SecurityGroup &g = *groups_.at(group);
    if (g.ingress.empty()) {
      out_ += "      ingress  none (named in no sg-chain)\n";
    } else {
      out_ += "      ingress\n";
      rules(g.ingress, "from");
    }
    if (!g.egress) return;
    if (g.egress->empty()) {
      out_ += "      egress   none (egress = \"chain\", and no edge leaves it)\n";
      return;
    }
    out_ += "      egress\n";
    rules(*g.egress, "to");
  }

  // `tcp  3306  from asg.app  lab-sg-asg-app`: the rule's CIDR or group
  // after its peer as written, unless they read the same.
  void rules(const std::vector<Rule> &of_group, const char *direction) {
    Columns rows;
    for (const auto &r : of_group)
      rows.row({std::string(model::protocol_name(r.protocol)), rule_ports(r), fmt::format("{} {}", direction, r.peer),
                r.cidr.empty() ? r.group : (r.cidr == r.peer ? "" : r.cidr)});
    rows.print(out_, 8);
  }


  const Plan &p_;
  std::map<std::string_view, std::vector<const Entry *>> in_tier_;
  std::map<std::string_view, const SecurityGroup *> groups_;
  std::map<std::string_view, const NetworkAcl *> nacls_;  // by tier ref
  std::string out_;
};

}  // namespace

std::string render_text(const Plan &p) { return TextWriter(p).run(); }

}  // namespace archc::plan
