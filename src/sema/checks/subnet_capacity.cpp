// Every subnet must hold the addresses of what may land in it: AWS keeps 5
// of each subnet (Cidr::kAwsReservedPerSubnet), a load balancer keeps 8 free
// in each of its subnets, a NAT gateway takes one, and an asg at its `max`
// keeps ceil(max / zones) in each zone (each resource says its own,
// Resource::addresses_in_one_subnet_balanced). A subnet that runs out fails
// a launch or a scale-out long after deployment: an error. When the other
// zones fail, an asg launches all of `max` in the zones left (Resource::
// addresses_in_one_subnet); a subnet that holds the balanced share but not
// that is a warning of its own, since it fails only in an outage. Load
// balancers also ask for /27s.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "model/alb.hpp"
#include "model/asg.hpp"
#include "sema/checks/check.hpp"

namespace archc::checks {

namespace {

// What takes addresses in one subnet, for the message.
struct Tenant {
  std::string what;
  std::uint64_t addresses;
};

// What takes addresses in one subnet, and how many in all.
struct Load {
  std::vector<Tenant> tenants;
  std::uint64_t placed = 0;
  void add(std::string what, std::uint64_t addresses) {
    tenants.push_back({std::move(what), addresses});
    placed += addresses;
  }
};

std::string list(const std::vector<Tenant>& tenants) {
  constexpr std::size_t kShown = 5;
  std::string out;
  for (std::size_t i = 0; i < tenants.size() && i < kShown; ++i)
    out += fmt::format("{}{} {}", i == 0 ? "" : ", ", tenants[i].what, tenants[i].addresses);
  if (tenants.size() > kShown) out += fmt::format(" and {} more", tenants.size() - kShown);
  return out;
}

// AWS asks for at least a /27 in each subnet of a load balancer, so that it
// can scale (ELB User Guide, "Subnets for your Application Load Balancer");
// a smaller one may hold today's 8 free addresses and still stop it
// growing.
void alb_subnet_size(const model::Vpc& vpc, const model::Tier& tier, Diagnostics& diags) {
  constexpr int kLargestPrefix = 27;
  for (std::size_t z = 0; z < tier.cidrs.size(); ++z)
    if (tier.cidrs[z].prefix > kLargestPrefix) {
      diags.report(Rule::AlbSubnetSize, tier.cidr_ranges[z],
                   "subnet `{}` of zone {} ({}) holds an alb, and AWS asks for at least a /{} in each load balancer "
                   "subnet",
                   tier.name, vpc.zones[z], tier.cidrs[z].str(), kLargestPrefix);
      return;  // once a tier
    }
}

}  // namespace

void subnet_capacity(const model::Model& m, Diagnostics& diags) {
  // The resources of each tier, by their placement.
  std::vector<std::vector<std::vector<const model::Resource*>>> in_tier(m.vpcs.size());
  for (std::size_t v = 0; v < m.vpcs.size(); ++v) in_tier[v].resize(m.vpcs[v].tiers.size());
  for (const auto& r : m.resources)
    if (r->subnets && r->complete) in_tier[r->subnets->vpc][r->subnets->tier].push_back(r.get());

  for (std::size_t v = 0; v < m.vpcs.size(); ++v) {
    const model::Vpc& vpc = m.vpcs[v];
    const std::size_t zones = vpc.zones.size();
    for (std::size_t t = 0; t < vpc.tiers.size(); ++t) {
      const model::Tier& tier = vpc.tiers[t];
      if (zones == 0 || tier.cidrs.size() != zones) continue;  // blocks not all known
      // What one subnet holds while every zone serves, and at worst, when
      // the other zones fail.
      Load balanced, at_worst;
      bool albs = false, asgs = false;  // for the note: what needs explaining
      for (const auto* r : in_tier[v][t]) {
        const std::string what = fmt::format("{} `{}`", r->kind->keyword, r->name);
        balanced.add(what, r->addresses_in_one_subnet_balanced(zones));
        at_worst.add(what, r->addresses_in_one_subnet());
        albs |= dynamic_cast<const model::Alb*>(r) != nullptr;
        asgs |= dynamic_cast<const model::Asg*>(r) != nullptr;
      }
      if (albs) alb_subnet_size(vpc, tier, diags);
      const std::size_t nats = vpc.nat_tier() == t ? vpc.nat_gateways() : 0;
      std::string why = fmt::format("AWS keeps {} addresses of every subnet", Cidr::kAwsReservedPerSubnet);
      if (albs)
        why += fmt::format("; an alb keeps {} free in each of its subnets", model::Alb::kFreeAddressesPerSubnet);

      // Reports the first subnet of the tier that cannot hold `load` and its
      // share of NAT gateways, and how many cannot; whether any cannot.
      const auto report_short = [&](Rule rule, Load load, std::string_view need, const std::string& note) {
        std::optional<std::size_t> first;
        std::size_t short_of = 0;
        for (std::size_t z = 0; z < zones; ++z) {
          if (load.placed + (z < nats ? 1 : 0) <= tier.cidrs[z].usable_in_subnet()) continue;
          if (!first) first = z;
          ++short_of;
        }
        if (!first) return false;
        const std::size_t z = *first;
        if (z < nats) load.add("its NAT gateway", 1);
        Diagnostic& d =
            diags.report(rule, tier.cidr_ranges[z], "subnet `{}` of zone {} ({}) has {} usable addresses{}: {}",
                         tier.name, vpc.zones[z], tier.cidrs[z].str(), tier.cidrs[z].usable_in_subnet(),
                         fmt::format(fmt::runtime(need), load.placed), list(load.tenants));
        d.notes.push_back({tier.range, note});
        if (short_of > 1)
          d.notes.push_back({tier.range, fmt::format("{} more subnet{} of tier `{}` cannot hold it either",
                                                     short_of - 1, short_of == 2 ? "" : "s", tier.name)});
        return true;
      };
      if (report_short(Rule::SubnetCapacity, balanced, ", but what it holds needs {}",
                       asgs ? why + fmt::format("; an asg at its `max` keeps its instances balanced across the zones "
                                                "of its tier, ceil(max / {}) in each",
                                                zones)
                            : why))
        continue;
      if (at_worst.placed != balanced.placed)  // an asg that balances
        report_short(Rule::SubnetCapacityFailover, at_worst,
                     zones == 2
                         ? ", enough while both zones serve, but what it holds may need {} when the other zone fails"
                         : ", enough while every zone serves, but what it holds may need {} when the other zones fail",
                     why +
                         "; an asg launches the instances of failed zones in the zones left, so all of `max` may "
                         "land in one");
    }
  }
}

}  // namespace archc::checks
