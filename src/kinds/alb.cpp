// `alb`: an application load balancer in a tier, with its listeners.
#include "model/alb.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "graph/graph.hpp"
#include "kinds/kinds.hpp"
#include "lower/lowering.hpp"
#include "model/asg.hpp"
#include "model/logical_id.hpp"
#include "plan/planner.hpp"
#include "sema/kind_reader.hpp"

namespace archc {

std::vector<int> model::Alb::serving_ports() const {
  std::vector<int> out;
  std::set<int> seen;  // not a search of `out`: an alb may have thousands of listeners
  for (const auto& l : listeners)
    if (l.port != 0 && seen.insert(l.port).second) out.push_back(l.port);
  return out;
}

namespace kinds {

namespace {

using model::AttributeSpec;
using model::ValueType;

// arn:PARTITION:acm:REGION:ACCOUNT(12 digits):certificate/ID
bool is_acm_certificate_arn(const std::string& s) {
  std::vector<std::string> parts;
  for (std::size_t start = 0, i = 0; i <= s.size(); ++i)
    if (i == s.size() || (s[i] == ':' && parts.size() < 5)) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  auto digits = [](const std::string& p) {
    return p.size() == 12 && std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  return parts.size() == 6 && parts[1].rfind("aws", 0) == 0 && parts[2] == "acm" && !parts[3].empty() &&
         digits(parts[4]) && parts[5].rfind("certificate/", 0) == 0 && parts[5].size() > 12;
}

model::Listener read_listener(KindReader& r, std::string_view name) {
  model::Listener l;
  l.name = name;
  l.range = r.name_range();
  l.port = r.integer("port").value_or(0);
  l.redirect = r.integer("redirect");
  l.certificate = r.string("certificate");
  if (l.certificate && l.certificate->rfind("arn:", 0) != 0)
    r.diags().report(Rule::InvalidValue, r.get("certificate")->value->range,
                    "`certificate` must be an ACM certificate ARN (arn:...)");
  else if (l.certificate && !is_acm_certificate_arn(*l.certificate))
    // Still built (a placeholder is common while drafting), but AWS will
    // refuse the listener.
    r.diags().report(Rule::CertificateArn, r.get("certificate")->value->range,
                      "this is not an ACM certificate ARN: arn:aws:acm:REGION:ACCOUNT:certificate/ID");
  const auto* redirect = r.get("redirect");
  const auto* forward = r.get("forward");
  if (const auto* port = r.get("port")) l.port_range = port->value->range;
  if (redirect) l.redirect_range = redirect->value->range;
  if (forward) {
    l.forward = r.resource("forward");
    l.forward_range = forward->value->range;
  }
  if (redirect && forward)
    r.diags().report(Rule::ConflictingAttributes, forward->name_range(), "a listener either redirects or forwards, not both")
        .notes.push_back({redirect->name_range(), "`redirect` is given here"});
  else if (!redirect && !forward && !r.broken())
    r.diags().report(Rule::MissingAttribute, l.range,
                    fmt::format("listener `{}` needs `forward` (an asg) or `redirect` (an HTTPS port)", l.name));
  return l;
}

void read_alb(KindReader& r, model::Block& resource) {
  auto& alb = static_cast<model::Alb&>(resource);
  if (alb.subnets) alb.internet_facing = r.model().tier(*alb.subnets).is_public;
  std::map<std::string_view, std::size_t> names;  // index in alb.listeners
  for (const auto* block : r.blocks("listener")) {
    auto name = block_name(r.diags(), *block);
    if (!name) continue;
    if (auto first = names.find(*name); first != names.end()) {
      r.diags().report(Rule::DuplicateName, block->labels.front().range, "listener `{}` is declared twice", *name)
          .notes.push_back({alb.listeners[first->second].range, "first declared here"});
      continue;
    }
    KindReader lr(r.context(), *block, listener(), {"listener `{}` of alb `{}`", *name, alb.name});
    names.emplace(*name, alb.listeners.size());
    alb.listeners.push_back(read_listener(lr, *name));
  }
  if (alb.listeners.empty() && !r.broken())
    r.diags().report(Rule::MissingAttribute, alb.range, "alb `{}` needs at least one listener block", alb.name);
}

void lower_alb(Lowering& lo, const model::Block& resource, std::size_t index) {
  const auto& alb = static_cast<const model::Alb&>(resource);
  const model::Model& m = lo.model();
  const std::string base = logical_id::alb(alb.name);
  const auto& tier = *alb.subnets;
  // AWS refuses an internet-facing load balancer in a VPC without an
  // attached internet gateway; an internal one needs no route out.
  const std::string lb =
      lo.add(aws::LoadBalancer{base, alb.internet_facing, lo.subnet_ids(tier), {lo.security_group(index)},
                               alb.internet_facing ? lo.internet_path(tier) : aws::Ids{}, lo.tags("alb", alb.name)})
          .id;
  lo.add_output({aws::Output::Kind::LoadBalancerDns, base + "DnsName", lb, fmt::format("DNS name of alb {}", alb.name)});
  std::map<std::size_t, std::string> target_groups;  // asg index → target group id
  for (const auto& l : alb.listeners) {
    std::string tg;
    if (l.forward) {
      auto [it, fresh] = target_groups.emplace(*l.forward, "");
      if (fresh) {
        const auto& asg = static_cast<const model::Asg&>(*m.resources[*l.forward]);
        it->second = lo.add(aws::TargetGroup{logical_id::target_group(alb.name, asg.name), lo.vpc_id(tier.vpc),
                                             asg.port, asg.health_check, lo.tags("tg", alb.name + "-" + asg.name)})
                         .id;
        lo.add_target_group(*l.forward, it->second);
      }
      tg = it->second;
    }
    lo.add(aws::Listener{logical_id::listener(alb.name, l.name), lb, l.port, l.certificate, l.redirect, tg});
  }
}

plan::Entry plan_alb(plan::Planner& p, const model::Block& resource, std::size_t index) {
  const auto& alb = static_cast<const model::Alb&>(resource);
  const model::Model& m = p.model();
  const std::string scheme = alb.internet_facing ? "internet-facing" : "internal";
  const std::vector<std::string> subnets = p.subnet_tags(*alb.subnets);
  plan::Entry e;
  e.heading = fmt::format("alb {}  {}", alb.name, scheme);
  e.facts = {{"subnets", fmt::format("{}", fmt::join(subnets, ", "))}, {"security group", p.security_group(index)}};
  plan::Table listeners{"listeners", {}};
  plan::Table groups{"target groups", {}};
  nlohmann::ordered_json listeners_json = nlohmann::ordered_json::array();
  nlohmann::ordered_json groups_json = nlohmann::ordered_json::array();
  for (const auto& l : alb.listeners) {
    std::string target_group;
    if (l.forward) {
      const auto& asg = static_cast<const model::Asg&>(*m.resources[*l.forward]);
      target_group = p.tag("tg", alb.name + "-" + asg.name);
      const bool fresh = std::none_of(groups.rows.begin(), groups.rows.end(),
                                      [&](const auto& row) { return row.front() == target_group; });
      if (fresh) {
        const model::HealthCheck& hc = asg.health_check;
        groups.rows.push_back({target_group, fmt::format("HTTP {}", asg.port), "health check " + hc.path,
                               "success " + hc.success_codes,
                               fmt::format("every {} s, timeout {} s", hc.interval, hc.timeout),
                               fmt::format("healthy after {}, unhealthy after {}", hc.healthy_threshold,
                                           hc.unhealthy_threshold)});
        groups_json.push_back({{"name_tag", target_group},
                               {"asg", asg.name},
                               {"protocol", "HTTP"},
                               {"port", asg.port},
                               {"health_check_path", hc.path},
                               {"success_codes", hc.success_codes},
                               {"health_check_interval", hc.interval},
                               {"health_check_timeout", hc.timeout},
                               {"healthy_threshold", hc.healthy_threshold},
                               {"unhealthy_threshold", hc.unhealthy_threshold}});
        p.add_target_group(*l.forward, target_group);
      }
    }
    std::string action = l.redirect ? fmt::format("redirect to HTTPS {} (301)", *l.redirect) : "forward to " + target_group;
    if (l.certificate) action += ", certificate " + *l.certificate;
    listeners.rows.push_back({l.name, std::to_string(l.port), l.https() ? "HTTPS" : "HTTP", action});
    listeners_json.push_back(
        {{"name", l.name},
         {"port", l.port},
         {"protocol", l.https() ? "HTTPS" : "HTTP"},
         {"certificate", plan::or_null(l.certificate)},
         {"action", l.redirect ? nlohmann::ordered_json{{"type", "redirect"},
                                                        {"protocol", "HTTPS"},
                                                        {"port", *l.redirect},
                                                        {"status_code", "HTTP_301"}}
                               : nlohmann::ordered_json{{"type", "forward"}, {"target_group", target_group}}}});
  }
  e.tables.push_back(std::move(listeners));
  if (!groups.rows.empty()) e.tables.push_back(std::move(groups));
  e.json = {{"name", alb.name},
            {"name_tag", p.tag("alb", alb.name)},
            {"scheme", scheme},
            {"tier", p.tier_ref(*alb.subnets)},
            {"subnets", subnets},
            {"security_group", p.security_group(index)},
            {"listeners", std::move(listeners_json)},
            {"target_groups", std::move(groups_json)}};
  return e;
}

graph::Drawing draw_alb(const model::Block& resource) {
  const auto& alb = static_cast<const model::Alb&>(resource);
  std::vector<std::string> ports;
  for (const auto& l : alb.listeners) ports.push_back(fmt::format("{} {}", l.https() ? "HTTPS" : "HTTP", l.port));
  return {graph::Shape::LoadBalancer,
          alb.ref(),
          {"Application Load Balancer", fmt::format("{}{}{}", alb.internet_facing ? "internet-facing" : "internal",
                                                    ports.empty() ? "" : ", ", fmt::join(ports, ", "))}};
}

}  // namespace

const model::KindSpec& alb() {
  static const model::KindSpec kind{
      .keyword = "alb",
      .doc = "An application load balancer: internet-facing in a public tier, internal otherwise.",
      .attributes = {AttributeSpec{.name = "subnets",
                                   .type = ValueType::TierRef,
                                   .required = true,
                                   .doc = "the tier it sits in: internet-facing when the tier is public"},
                     egress_attribute()},
      .nested = {&listener()},
      .chain_endpoint = true,
      .layer = model::Layer::Front,
      .name_tag_word = "alb",
      .make = []() -> std::unique_ptr<model::Block> { return std::make_unique<model::Alb>(); },
      .read = read_alb,
      .lower = lower_alb,
      .plan = plan_alb,
      .plan_key = "load_balancers",
      .draw = draw_alb,
  };
  return kind;
}

}  // namespace kinds
}  // namespace archc
