// `asg`: an auto scaling group of instances in a tier.
#include "model/asg.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "kinds/kinds.hpp"
#include "lower/lowering.hpp"
#include "model/aws_catalog.hpp"
#include "model/logical_id.hpp"
#include "plan/planner.hpp"
#include "sema/kind_reader.hpp"

namespace archc::kinds {

namespace {

using model::AttributeSpec;
using model::ValueType;

void read_asg(KindReader& r, model::Resource& resource) {
  auto& asg = static_cast<model::Asg&>(resource);
  if (auto v = r.string("instance_type")) asg.instance_type = *v;
  if (auto v = r.string("image")) {
    asg.image = *v;
    asg.image_range = r.get("image")->value->range;
  }
  auto min = r.integer("min");
  auto max = r.integer("max");
  auto desired = r.integer("desired");
  asg.min = min.value_or(1);
  asg.desired = desired.value_or(asg.min);
  asg.max = max.value_or(std::max(asg.min, asg.desired));
  if (asg.min > asg.max)
    r.diags().report(Rule::InvalidValue, r.get("min") ? r.get("min")->value->range : asg.range,
                    fmt::format("min ({}) is above max ({})", asg.min, asg.max));
  else if (asg.desired < asg.min || asg.desired > asg.max)
    r.diags().report(Rule::InvalidValue, r.get("desired") ? r.get("desired")->value->range : asg.range,
                    fmt::format("desired ({}) must be between min ({}) and max ({})", asg.desired, asg.min, asg.max));
  if (auto v = r.integer("port")) asg.port = *v;
  if (auto v = r.string("health_check")) {
    if (v->empty() || v->front() != '/')
      r.diags().report(Rule::InvalidValue, r.get("health_check")->value->range, "`health_check` is a path starting with /");
    else
      asg.health_check = *v;
  }
  if (auto v = r.integer("health_check_grace")) asg.health_check_grace = *v;
  asg.scale_cpu = r.integer("scale_cpu");
  // A target-tracking policy moves the capacity between min and max.
  if (asg.scale_cpu && asg.max <= asg.min)
    r.diags().report(Rule::InvalidValue, r.get("scale_cpu")->value->range,
                     fmt::format("`scale_cpu` scales between min and max, but both are {}: raise max", asg.min));
  asg.user_data = r.string("user_data");
  if (asg.user_data) asg.user_data_range = r.get("user_data")->value->range;
}

void lower_asg(Lowering& lo, const model::Resource& resource, std::size_t index) {
  const auto& asg = static_cast<const model::Asg&>(resource);
  const std::string base = logical_id::leading_word(asg.name);
  aws::LaunchTemplate lt;
  lt.id = base + "LaunchTemplate";
  if (asg.image.rfind("ami-", 0) == 0) lt.image_id = asg.image;
  else lt.image_parameter = lo.image_parameter(asg.image);
  lt.instance_type = asg.instance_type;
  lt.security_group = lo.security_group(index);
  lt.user_data = asg.user_data;
  lt.tags = lo.tags("lt", asg.name);
  const std::string lt_id = lo.add(std::move(lt)).id;
  const std::string group =
      // Instances boot and run their user data (package installs, downloads)
      // as soon as the group exists: their tier's route out must be there.
      lo.add(aws::AutoScalingGroup{base + "Asg", lt_id, lo.subnet_ids(*asg.subnets), lo.target_groups(index), asg.min,
                                   asg.max, asg.desired, asg.health_check_grace, lo.internet_path(*asg.subnets),
                                   lo.tags("asg", asg.name)})
          .id;
  if (asg.scale_cpu) lo.add(aws::ScalingPolicy{base + "CpuScalingPolicy", group, *asg.scale_cpu});
}

plan::Entry plan_asg(plan::Planner& p, const model::Resource& resource, std::size_t index) {
  const auto& asg = static_cast<const model::Asg&>(resource);
  const std::vector<std::string> subnets = p.subnet_tags(*asg.subnets);
  const std::vector<std::string>& target_groups = p.target_groups(index);
  const bool elb_health_checks = !target_groups.empty();
  std::optional<std::string> image_parameter;
  if (asg.image.rfind("ami-", 0) != 0) image_parameter = AwsCatalog::get().image_parameter(asg.image);
  plan::Entry e;
  e.heading = fmt::format("asg {}  {}  image {}", asg.name, asg.instance_type, asg.image);
  e.facts = {
      {"subnets", fmt::format("{}", fmt::join(subnets, ", "))},
      {"capacity", fmt::format("min {}, max {}, desired {}", asg.min, asg.max, asg.desired)},
      {"serves", fmt::format("port {}", asg.port)},
      {"target groups", elb_health_checks ? fmt::format("{} (ELB health checks, grace {} s)",
                                                        fmt::join(target_groups, ", "), asg.health_check_grace)
                                          : "none (EC2 health checks)"},
      {"scaling", asg.scale_cpu ? fmt::format("target tracking, {}% average CPU", *asg.scale_cpu) : "none"},
      {"security group", p.security_group(index)},
  };
  using Json = nlohmann::ordered_json;
  e.json = {{"name", asg.name},
            {"name_tag", p.tag("asg", asg.name)},
            {"tier", p.tier_ref(*asg.subnets)},
            {"subnets", subnets},
            {"instance_type", asg.instance_type},
            {"image", asg.image},
            {"image_parameter", plan::or_null(image_parameter)},
            {"port", asg.port},
            {"min", asg.min},
            {"max", asg.max},
            {"desired", asg.desired},
            {"target_groups", target_groups},
            {"health_check_type", elb_health_checks ? "ELB" : "EC2"},
            {"health_check_grace", elb_health_checks ? Json(asg.health_check_grace) : Json(nullptr)},
            {"scaling", asg.scale_cpu ? Json{{"metric", "ASGAverageCPUUtilization"}, {"target", *asg.scale_cpu}}
                                      : Json(nullptr)},
            {"security_group", p.security_group(index)}};
  return e;
}

// EC2 Auto Scaling quotas allow far fewer instances per group; this bound
// only keeps the arithmetic of the checks in range.
constexpr int kMaxInstances = 10000;

}  // namespace

const model::KindSpec& asg() {
  static const model::KindSpec kind{
      .keyword = "asg",
      .doc = "An auto scaling group: instances from a launch template, spread over the zones of a tier.",
      .attributes =
          {
              AttributeSpec{.name = "subnets", .type = ValueType::TierRef, .required = true, .doc = "the tier its instances run in"},
              AttributeSpec{.name = "instance_type", .default_value = "`t3.micro`", .doc = "the EC2 instance type"},
              AttributeSpec{.name = "image",
                            .default_value = "`al2023`",
                            .catalog = model::Catalog::Images,
                            .doc = "an image alias from stdlib/images.json (resolved at deploy time) or an ami- id"},
              AttributeSpec{.name = "min",
                            .type = ValueType::Integer,
                            .default_value = "`1`",
                            .min = 0,
                            .max = kMaxInstances,
                            .unit = "instances",
                            .doc = "the fewest instances; min ≤ desired ≤ max"},
              AttributeSpec{.name = "max",
                            .type = ValueType::Integer,
                            .default_value = "the larger of `min` and `desired`",
                            .min = 0,
                            .max = kMaxInstances,
                            .unit = "instances",
                            .doc = "the most instances"},
              AttributeSpec{.name = "desired",
                            .type = ValueType::Integer,
                            .default_value = "`min`",
                            .min = 0,
                            .max = kMaxInstances,
                            .unit = "instances",
                            .doc = "the instances it starts with"},
              AttributeSpec{.name = "port",
                            .type = ValueType::Integer,
                            .default_value = "`80`",
                            .min = 1,
                            .max = 65535,
                            .unit = "port",
                            .doc = "the port the instances serve: the target group's port, and what an edge opens by default"},
              AttributeSpec{.name = "health_check", .default_value = "`/`", .doc = "the HTTP path the target group checks"},
              AttributeSpec{.name = "health_check_grace",
                            .type = ValueType::Integer,
                            .default_value = "`300`",
                            .min = 0,
                            .max = 7200,
                            .unit = "seconds",
                            .extension = true,
                            .doc = "how long a new instance may fail health checks"},
              AttributeSpec{.name = "scale_cpu",
                            .type = ValueType::Integer,
                            .min = 1,
                            .max = 100,
                            .unit = "percent",
                            .doc = "target average CPU of a scaling policy; none: no scaling policy"},
              AttributeSpec{.name = "user_data", .doc = "a boot script (usually a heredoc); never a secret"},
          },
      .chain_endpoint = true,
      .layer = model::Layer::App,
      .name_tag_word = "asg",
      .make = []() -> std::unique_ptr<model::Resource> { return std::make_unique<model::Asg>(); },
      .read = read_asg,
      .lower = lower_asg,
      .plan = plan_asg,
      .plan_key = "auto_scaling_groups",
  };
  return kind;
}

}  // namespace archc::kinds
