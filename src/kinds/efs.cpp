// `efs`: an Amazon EFS file system, with a mount target in each zone of a
// tier (or of the zones named), which instances mount over NFS.
#include "model/efs.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "graph/graph.hpp"
#include "kinds/kinds.hpp"
#include "lower/lowering.hpp"
#include "model/logical_id.hpp"
#include "model/tag_text.hpp"
#include "plan/planner.hpp"
#include "sema/kind_reader.hpp"

namespace archc::kinds {

namespace {

using model::AttributeSpec;
using model::ValueType;

// The days after which a lifecycle policy may move a file to Infrequent
// Access (EFS API Reference, LifecyclePolicy: TransitionToIA is one of
// AFTER_1_DAY, AFTER_7_DAYS ... AFTER_365_DAYS).
constexpr std::array kTransitionDays{1, 7, 14, 30, 60, 90, 180, 270, 365};

// TransitionToIA as both backends write it: `AFTER_30_DAYS`, `AFTER_1_DAY`.
std::string transition_name(int days) { return fmt::format("AFTER_{}_DAY{}", days, days == 1 ? "" : "S"); }

// `zones`: letters of the tier's VPC, each once; absent, every zone.
void read_zones(KindReader& r, model::Efs& efs) {
  const model::Vpc& vpc = r.model().vpc_of(*efs.subnets);
  const auto zones = r.string_list("zones");
  if (!r.get("zones")) {
    for (std::size_t z = 0; z < vpc.zones.size(); ++z) efs.zones.push_back(z);
    return;
  }
  if (!zones) return;
  efs.zones_range = zones->range;
  if (zones->items.empty()) {
    r.diags().report(Rule::InvalidValue, zones->range,
                     "`zones` names no zone: leave it out for a mount target in every zone of the tier");
    return;
  }
  std::vector<std::size_t> picked;
  for (const auto& item : zones->items) {
    const auto at = std::find(vpc.zones.begin(), vpc.zones.end(), item.text);
    if (at == vpc.zones.end()) {
      r.diags()
          .report(Rule::InvalidValue, item.range,
                  fmt::format("tier `{}` has no subnet in zone `{}`: its zones are {}",
                              r.model().tier(*efs.subnets).name, item.text, fmt::join(vpc.zones, ", ")))
          .notes.push_back({vpc.zones_range, "the zones are listed here"});
      return;
    }
    const auto z = static_cast<std::size_t>(at - vpc.zones.begin());
    if (std::find(picked.begin(), picked.end(), z) != picked.end()) {
      r.diags().report(Rule::DuplicateZone, item.range, "zone `{}` is listed twice", item.text);
      return;
    }
    picked.push_back(z);
  }
  std::sort(picked.begin(), picked.end());
  efs.zones = std::move(picked);
}

void read_efs(KindReader& r, model::Block& resource) {
  auto& efs = static_cast<model::Efs&>(resource);
  if (efs.subnets) read_zones(r, efs);
  if (auto v = r.boolean("encrypted")) efs.encrypted = *v;
  if (auto v = r.integer("transition_to_ia")) {
    if (std::find(kTransitionDays.begin(), kTransitionDays.end(), *v) != kTransitionDays.end())
      efs.transition_to_ia = *v;
    else
      r.diags().report(Rule::InvalidValue, r.get("transition_to_ia")->value->range,
                       fmt::format("EFS moves files to Infrequent Access after {} days, not {}",
                                   fmt::join(kTransitionDays, ", "), *v));
  }
  if (auto v = r.string("throughput_mode")) efs.throughput_mode = *v;
  if (auto v = r.string("name")) {
    const SourceRange at = r.get("name")->value->range;
    efs.name_tag = r.name_tag(*v, at);
    // EFS takes in tags what RDS and ElastiCache take (EFS API Reference,
    // Tag: `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`).
    if (efs.name_tag && !is_tag_text(*v))
      r.diags().report(Rule::TagCharacters, at,
                       "EFS refuses this Name tag: use letters, digits, spaces and `_ . : / = + - @`");
  }
}

void lower_efs(Lowering& lo, const model::Block& resource, std::size_t index) {
  const auto& efs = static_cast<const model::Efs&>(resource);
  const std::string base = logical_id::leading_word(efs.name);
  aws::FileSystem fs;
  fs.id = base + "FileSystem";
  fs.encrypted = efs.encrypted;
  if (efs.transition_to_ia) fs.transition_to_ia = transition_name(*efs.transition_to_ia);
  fs.throughput_mode = efs.throughput_mode;
  fs.tags = lo.tags(efs.name_tag ? &*efs.name_tag : nullptr, "efs", efs.name);
  const std::string id = lo.add(std::move(fs)).id;
  const model::Vpc& vpc = lo.model().vpc_of(*efs.subnets);
  const aws::Ids& subnets = lo.subnet_ids(*efs.subnets);
  for (std::size_t z : efs.zones)
    lo.add(aws::MountTarget{base + "MountTarget" + logical_id::zone(vpc.zones[z]), id, subnets[z],
                            lo.security_group(index)});
  lo.add_output({aws::Output::Kind::FileSystemId, base + "FileSystemId", id,
                 fmt::format("id of file system {}, which its clients mount", efs.name)});
}

plan::Entry plan_efs(plan::Planner& p, const model::Block& resource, std::size_t index) {
  const auto& efs = static_cast<const model::Efs&>(resource);
  const model::Vpc& vpc = p.model().vpc_of(*efs.subnets);
  const std::vector<std::string> subnets = p.subnet_tags(*efs.subnets);
  const std::string name_tag = efs.name_tag ? efs.name_tag->value : p.tag("efs", efs.name);
  plan::Entry e;
  e.heading = fmt::format("efs {}  {}  {}  {} mount target{}", efs.name, efs.encrypted ? "encrypted" : "unencrypted",
                          efs.throughput_mode, efs.zones.size(), efs.zones.size() == 1 ? "" : "s");
  e.facts = {
      {"name", name_tag},
      {"port", fmt::format("NFS, TCP {}", model::Efs::kNfsPort)},
      {"encryption", efs.encrypted ? "at rest, with the key aws/elasticfilesystem" : "none"},
      {"throughput", efs.throughput_mode},
      {"lifecycle", efs.transition_to_ia ? fmt::format("to Infrequent Access after {} day{} without access",
                                                       *efs.transition_to_ia, *efs.transition_to_ia == 1 ? "" : "s")
                                         : "every file stays in Standard"},
      {"security group", p.security_group(index)},
  };
  plan::Table targets{"mount targets", {}};
  nlohmann::ordered_json targets_json = nlohmann::ordered_json::array();
  for (std::size_t z : efs.zones) {
    const std::string zone = p.model().stack.region + vpc.zones[z];
    targets.rows.push_back({zone, subnets[z]});
    targets_json.push_back({{"zone", zone}, {"subnet", subnets[z]}});
  }
  e.tables.push_back(std::move(targets));
  e.json = {{"name", efs.name},
            {"name_tag", name_tag},
            {"encrypted", efs.encrypted},
            {"throughput_mode", efs.throughput_mode},
            {"transition_to_ia", efs.transition_to_ia ? nlohmann::ordered_json(transition_name(*efs.transition_to_ia))
                                                      : nlohmann::ordered_json(nullptr)},
            {"port", model::Efs::kNfsPort},
            {"tier", p.tier_ref(*efs.subnets)},
            {"mount_targets", std::move(targets_json)},
            {"security_group", p.security_group(index)}};
  return e;
}

graph::Drawing draw_efs(const model::Block& resource) {
  const auto& efs = static_cast<const model::Efs&>(resource);
  return {graph::Shape::FileSystem,
          efs.ref(),
          {"EFS file system",
           fmt::format("{} mount target{}, {}", efs.zones.size(), efs.zones.size() == 1 ? "" : "s",
                       efs.encrypted ? "encrypted" : "unencrypted")}};
}

}  // namespace

const model::KindSpec& efs() {
  static const model::KindSpec kind{
      .keyword = "efs",
      .doc = "A shared file system (an archc extension): Amazon EFS, with a mount target in each zone of a tier.",
      .attributes =
          {
              AttributeSpec{.name = "subnets",
                            .type = ValueType::TierRef,
                            .required = true,
                            .doc = "the tier of its mount targets: one in the tier's subnet of each zone"},
              AttributeSpec{.name = "zones",
                            .type = ValueType::StringList,
                            .default_value = "every zone of the tier",
                            .doc = "the zone letters that get a mount target"},
              AttributeSpec{.name = "encrypted",
                            .type = ValueType::Bool,
                            .default_value = "`true`",
                            .doc = "encrypt at rest, with the AWS managed key aws/elasticfilesystem"},
              AttributeSpec{.name = "transition_to_ia",
                            .type = ValueType::Integer,
                            .default_value = "none",
                            .min = 1,
                            .max = 365,
                            .unit = "days",
                            .doc = "move a file to Infrequent Access after this many days without access: 1, 7, "
                                   "14, 30, 60, 90, 180, 270 or 365"},
              AttributeSpec{.name = "throughput_mode",
                            .default_value = "`\"bursting\"`",
                            .allowed = {"bursting", "elastic"},
                            .doc = "`bursting`: throughput grows with the size stored; `elastic`: as much as the "
                                   "clients ask, paid per use"},
              name_attribute(),
          },
      .chain_endpoint = true,
      .layer = model::Layer::Data,
      .name_tag_word = "efs",
      .make = []() -> std::unique_ptr<model::Block> { return std::make_unique<model::Efs>(); },
      .read = read_efs,
      .lower = lower_efs,
      .plan = plan_efs,
      .plan_key = "file_systems",
      .draw = draw_efs,
  };
  return kind;
}

}  // namespace archc::kinds
