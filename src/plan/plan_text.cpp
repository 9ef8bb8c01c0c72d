// The plan as text for people: one section per VPC, within it one per tier
// (its subnets, then the load balancers, auto scaling groups and databases
// placed in it, each with the rules of its security group).
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "plan/plan.hpp"

namespace archc::plan {

namespace {

// Rows of cells printed with aligned columns. Only cells followed by another
// in their row set a column's width, so a long last cell widens nothing.
class Table {
 public:
  void row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }

  void print(std::string& out, int indent) const {
    std::vector<std::size_t> widths;
    for (const auto& r : rows_)
      for (std::size_t c = 0; c + 1 < r.size(); ++c) {
        if (widths.size() <= c) widths.resize(c + 1);
        widths[c] = std::max(widths[c], r[c].size());
      }
    for (const auto& r : rows_) {
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

std::string join(const std::vector<std::string>& items) { return fmt::format("{}", fmt::join(items, ", ")); }

std::string ports(int lo, int hi) { return lo == hi ? std::to_string(lo) : fmt::format("{}-{}", lo, hi); }

std::string route_text(const Route& r) {
  switch (r.via) {
    case Route::Via::InternetGateway: return "internet gateway " + r.gateway;
    case Route::Via::Nat: return fmt::format("NAT {} ({})", r.gateway, r.zone);
    case Route::Via::None: return "none";
  }
  return "none";
}

class TextWriter {
 public:
  explicit TextWriter(const Plan& p) : p_(p) {}

  std::string run() {
    std::vector<std::string> tags;
    for (const auto& t : p_.tags) tags.push_back(t.key + "=" + t.value);
    out_ += fmt::format("stack {} in {}{}\n", p_.stack, p_.region, tags.empty() ? "" : ", tags " + join(tags));
    for (const auto& v : p_.vpcs) vpc(v);
    return std::move(out_);
  }

 private:
  void vpc(const Vpc& v) {
    out_ += fmt::format("\nvpc {}  {}  zones {}  nat {}\n", v.name, v.cidr, join(v.zones), v.nat_mode);
    Table gateways;
    gateways.row({"internet gateway", v.internet_gateway.value_or("none")});
    for (const auto& n : v.nat_gateways) gateways.row({"NAT gateway", n.name, n.zone, "in " + n.subnet});
    if (v.nat_gateways.empty()) gateways.row({"NAT gateway", "none"});
    gateways.print(out_, 2);
    for (const auto& t : v.tiers) tier(t);
  }

  void tier(const Tier& t) {
    out_ += fmt::format("\n  tier {} ({})\n", t.name, t.kind);
    Table subnets;
    subnets.row({"subnet", "zone", "cidr", "usable", "public ip", "default route"});
    for (const auto& s : t.subnets)
      subnets.row(
          {s.name, s.zone, s.cidr, std::to_string(s.usable), s.map_public_ip ? "yes" : "no", route_text(s.route)});
    subnets.print(out_, 4);
    for (const auto& lb : p_.load_balancers)
      if (lb.tier == t.ref) alb(lb);
    for (const auto& a : p_.auto_scaling_groups)
      if (a.tier == t.ref) asg(a);
    for (const auto& d : p_.databases)
      if (d.tier == t.ref) rds(d);
  }

  void alb(const LoadBalancer& lb) {
    out_ += fmt::format("\n    alb {}  {}\n", lb.name, lb.internet_facing ? "internet-facing" : "internal");
    Table facts;
    facts.row({"subnets", join(lb.subnets)});
    facts.row({"security group", lb.security_group});
    facts.print(out_, 6);
    out_ += "      listeners\n";
    Table listeners;
    for (const auto& l : lb.listeners) {
      std::string action = l.redirect_port ? fmt::format("redirect to HTTPS {} (301)", *l.redirect_port)
                                           : "forward to " + l.target_group;
      if (l.certificate) action += ", certificate " + *l.certificate;
      listeners.row({l.name, std::to_string(l.port), l.https ? "HTTPS" : "HTTP", action});
    }
    listeners.print(out_, 8);
    if (!lb.target_groups.empty()) {
      out_ += "      target groups\n";
      Table groups;
      for (const auto& tg : lb.target_groups)
        groups.row({tg.name, fmt::format("HTTP {}", tg.port), "health check " + tg.health_check_path});
      groups.print(out_, 8);
    }
    ingress(lb.security_group);
  }

  void asg(const AutoScalingGroup& a) {
    out_ += fmt::format("\n    asg {}  {}  image {}\n", a.name, a.instance_type, a.image);
    Table facts;
    facts.row({"subnets", join(a.subnets)});
    facts.row({"capacity", fmt::format("min {}, max {}, desired {}", a.min, a.max, a.desired)});
    facts.row({"serves", fmt::format("port {}", a.port)});
    facts.row({"target groups", a.elb_health_checks() ? fmt::format("{} (ELB health checks, grace {} s)",
                                                                     join(a.target_groups), a.health_check_grace)
                                                       : "none (EC2 health checks)"});
    facts.row({"scaling", a.scale_cpu ? fmt::format("target tracking, {}% average CPU", *a.scale_cpu) : "none"});
    facts.row({"security group", a.security_group});
    facts.print(out_, 6);
    ingress(a.security_group);
  }

  void rds(const Database& d) {
    out_ += fmt::format("\n    rds {}  {}{}  {}  {} GiB  {}\n", d.name, d.engine,
                        d.engine_version ? " " + *d.engine_version : "", d.instance_class, d.storage,
                        d.multi_az ? "Multi-AZ" : "single-AZ");
    Table facts;
    facts.row({"subnet group", fmt::format("{} ({})", d.subnet_group, join(d.subnets))});
    facts.row({"port", std::to_string(d.port)});
    if (d.database) facts.row({"database", *d.database});
    facts.row({"backups", d.backup_retention ? fmt::format("{} days", d.backup_retention) : "off"});
    facts.row({"protection", "storage encrypted; not publicly accessible; master password managed by AWS"});
    std::vector<std::string> replicas;
    for (const auto& r : d.replicas) replicas.push_back(fmt::format("{} ({})", r.name, r.instance_class));
    facts.row({"read replicas", replicas.empty() ? "none" : join(replicas)});
    facts.row({"security group", d.security_group});
    facts.print(out_, 6);
    ingress(d.security_group);
  }

  void ingress(const std::string& group) {
    const auto& g = *std::find_if(p_.security_groups.begin(), p_.security_groups.end(),
                                  [&](const SecurityGroup& s) { return s.name == group; });
    if (g.ingress.empty()) {
      out_ += "      ingress  none (named in no sg-chain)\n";
      return;
    }
    out_ += "      ingress\n";
    Table rules;
    for (const auto& r : g.ingress)
      rules.row({"tcp", ports(r.from_port, r.to_port), "from " + r.source,
                 r.cidr.empty() ? r.source_group : (r.cidr == r.source ? "" : r.cidr)});
    rules.print(out_, 8);
  }

  const Plan& p_;
  std::string out_;
};

}  // namespace

std::string render_text(const Plan& p) { return TextWriter(p).run(); }

}  // namespace archc::plan
