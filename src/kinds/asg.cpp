// `asg`: an auto scaling group of instances in a tier.
#include "model/asg.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kinds/kinds.hpp"
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
  };
  return kind;
}

}  // namespace archc::kinds
