// `asg`: an auto scaling group of instances in a tier.
#include "model/asg.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "graph/graph.hpp"
#include "kinds/ec2.hpp"
#include "kinds/kinds.hpp"
#include "lower/lowering.hpp"
#include "model/logical_id.hpp"
#include "plan/planner.hpp"
#include "sema/kind_reader.hpp"
#include "source/utf8.hpp"

namespace archc::kinds {

namespace {

using model::AttributeSpec;
using model::ValueType;

// What is wrong with an ELBv2 Matcher HttpCode for an application load
// balancer, or nothing: one code, codes separated by commas, or one range
// low-high, each code from 200 to 499 ("Matcher", ELBv2 API Reference).
// A list and a range together are refused: AWS documents either, not both.
std::optional<std::string> success_codes_error(const std::string& codes) {
  auto code = [](std::string_view s) -> std::optional<int> {
    if (s.size() != 3 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return std::nullopt;
    return (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
  };
  const std::string_view text = codes;
  std::vector<std::string_view> items;
  const char separator = text.find('-') != std::string_view::npos ? '-' : ',';
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find(separator, start);
    items.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  std::vector<int> values;
  for (const auto item : items)
    if (auto c = code(item)) values.push_back(*c);
  if (values.size() != items.size() || (separator == '-' && items.size() != 2))
    return fmt::format("`success_codes` is one HTTP code (\"200\"), codes separated by commas (\"200,302\") or a range "
                       "(\"200-399\"), not \"{}\"",
                       codes);
  for (const int c : values)
    if (c < 200 || c > 499) return fmt::format("`success_codes` holds HTTP codes from 200 to 499, not {}", c);
  if (separator == '-' && values[0] > values[1])
    return fmt::format("the range {}-{} of `success_codes` runs backwards: write {}-{}", values[0], values[1],
                       values[1], values[0]);
  return std::nullopt;
}

// The target group's health check, from the asg's attributes.
void read_health_check(KindReader& r, model::HealthCheck& hc) {
  if (auto v = r.string("health_check")) {
    // ELBv2 HealthCheckPath: 1 to 1024 characters.
    constexpr std::size_t kMaxPath = 1024;
    if (v->empty() || v->front() != '/')
      r.diags().report(Rule::InvalidValue, r.get("health_check")->value->range, "`health_check` is a path starting with /");
    else if (count_code_points(*v) > kMaxPath)
      r.diags().report(Rule::InvalidValue, r.get("health_check")->value->range,
                       "`health_check` is {} characters long; AWS takes a path of at most {}", count_code_points(*v),
                       kMaxPath);
    else
      hc.path = *v;
  }
  if (auto v = r.string("success_codes")) {
    if (auto error = success_codes_error(*v))
      r.diags().report(Rule::InvalidValue, r.get("success_codes")->value->range, *error);
    else
      hc.success_codes = *v;
  }
  const auto interval = r.integer("health_check_interval");
  const auto timeout = r.integer("health_check_timeout");
  if (auto v = r.integer("healthy_threshold")) hc.healthy_threshold = *v;
  if (auto v = r.integer("unhealthy_threshold")) hc.unhealthy_threshold = *v;
  if (interval) hc.interval = *interval;
  if (timeout) hc.timeout = *timeout;
  // AWS refuses a target group whose timeout is not below its interval.
  // Judged only when each of the two is read or surely absent: a value out
  // of bounds was reported, and in a broken block a missing attribute may
  // be the one that did not parse.
  const ast::Attribute* interval_attr = r.get("health_check_interval");
  const ast::Attribute* timeout_attr = r.get("health_check_timeout");
  const bool interval_known = interval || (!interval_attr && !r.broken());
  const bool timeout_known = timeout || (!timeout_attr && !r.broken());
  if (!interval_known || !timeout_known || hc.timeout < hc.interval) return;
  auto seconds = [](int s, const ast::Attribute* given) {
    return fmt::format("{} s{}", s, given ? "" : ", the default");
  };
  r.diags().report(Rule::InvalidValue, (timeout_attr ? timeout_attr : interval_attr)->value->range,
                   fmt::format("`health_check_timeout` ({}) must be less than `health_check_interval` ({})",
                               seconds(hc.timeout, timeout_attr), seconds(hc.interval, interval_attr)));
}

void read_asg(KindReader& r, model::Block& resource) {
  auto& asg = static_cast<model::Asg&>(resource);
  ec2::read_image(r, asg.instance_type, asg.image, asg.image_range);
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
  read_health_check(r, asg.health_check);
  if (auto v = r.integer("health_check_grace")) asg.health_check_grace = *v;
  asg.scale_cpu = r.number("scale_cpu");
  // A target-tracking policy moves the capacity between min and max (a min
  // above max is reported above).
  if (asg.scale_cpu && asg.max == asg.min)
    r.diags().report(Rule::InvalidValue, r.get("scale_cpu")->value->range,
                     fmt::format("`scale_cpu` scales between min and max, but both are {}: raise max", asg.min));
  ec2::read_user_data(r, asg.user_data, asg.user_data_range);
  ec2::read_role(r, asg.role, asg.role_range);
}

void lower_asg(Lowering& lo, const model::Block& resource, std::size_t index) {
  const auto& asg = static_cast<const model::Asg&>(resource);
  const std::string base = logical_id::leading_word(asg.name);
  aws::LaunchTemplate lt;
  lt.id = base + "LaunchTemplate";
  ec2::lower_image(lo, asg.image, lt.image_parameter, lt.image_id);
  lt.instance_type = asg.instance_type;
  lt.security_group = lo.security_group(index);
  lt.user_data = asg.user_data;
  lt.instance_profile = ec2::instance_profile(lo, asg.role);
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

plan::Entry plan_asg(plan::Planner& p, const model::Block& resource, std::size_t index) {
  const auto& asg = static_cast<const model::Asg&>(resource);
  const std::vector<std::string> subnets = p.subnet_tags(*asg.subnets);
  const std::vector<std::string>& target_groups = p.target_groups(index);
  const bool elb_health_checks = !target_groups.empty();
  const std::optional<std::string> image_parameter = ec2::image_parameter_path(asg.image);
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
  if (asg.role) e.facts.emplace_back("role", ec2::role_ref(p.model(), asg.role));
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
            {"role", asg.role ? Json(p.model().services[*asg.role]->ref()) : Json(nullptr)},
            {"security_group", p.security_group(index)}};
  return e;
}

// EC2 Auto Scaling quotas allow far fewer instances per group; this bound
// only keeps the arithmetic of the checks in range.
constexpr int kMaxInstances = 10000;

graph::Drawing draw_asg(const model::Block& resource) {
  const auto& asg = static_cast<const model::Asg&>(resource);
  return {
      graph::Shape::Instances,
      asg.ref(),
      {"Auto Scaling group", fmt::format("{} x {}-{} (desired {})", asg.instance_type, asg.min, asg.max, asg.desired)}};
}

}  // namespace

const model::KindSpec& asg() {
  static const model::KindSpec kind{
      .keyword = "asg",
      .doc = "An auto scaling group: instances from a launch template, spread over the zones of a tier.",
      .attributes =
          {
              AttributeSpec{.name = "subnets", .type = ValueType::TierRef, .required = true, .doc = "the tier its instances run in"},
              ec2::instance_type_attribute(),
              ec2::image_attribute(),
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
              // The health check settings below follow AWS's bounds and
              // defaults for an HTTP target group (ELBv2 CreateTargetGroup).
              AttributeSpec{.name = "success_codes",
                            .default_value = "`\"200\"`",
                            .extension = true,
                            .doc = "the HTTP codes of a healthy answer, 200–499: one (`\"200\"`), a comma list "
                                   "(`\"200,302\"`) or a range (`\"200-399\"`)"},
              AttributeSpec{.name = "health_check_interval",
                            .type = ValueType::Integer,
                            .default_value = "`30`",
                            .min = 5,
                            .max = 300,
                            .unit = "seconds",
                            .extension = true,
                            .doc = "the time between two checks of an instance"},
              AttributeSpec{.name = "health_check_timeout",
                            .type = ValueType::Integer,
                            .default_value = "`6`",
                            .min = 2,
                            .max = 120,
                            .unit = "seconds",
                            .extension = true,
                            .doc = "how long a check waits for the answer; less than `health_check_interval`"},
              AttributeSpec{.name = "healthy_threshold",
                            .type = ValueType::Integer,
                            .default_value = "`5`",
                            .min = 2,
                            .max = 10,
                            .unit = "checks",
                            .extension = true,
                            .doc = "the consecutive successful checks that make an instance healthy"},
              AttributeSpec{.name = "unhealthy_threshold",
                            .type = ValueType::Integer,
                            .default_value = "`2`",
                            .min = 2,
                            .max = 10,
                            .unit = "checks",
                            .extension = true,
                            .doc = "the consecutive failed checks that make an instance unhealthy"},
              AttributeSpec{.name = "health_check_grace",
                            .type = ValueType::Integer,
                            .default_value = "`300`",
                            .min = 0,
                            .max = 7200,
                            .unit = "seconds",
                            .extension = true,
                            .doc = "how long a new instance may fail health checks"},
              AttributeSpec{.name = "scale_cpu",
                            .type = ValueType::Number,
                            .min = 1,
                            .max = 100,
                            .unit = "percent",
                            .doc = "target average CPU of a scaling policy; none: no scaling policy"},
              ec2::user_data_attribute(),
              ec2::role_attribute(),
              egress_attribute(),
          },
      .chain_endpoint = true,
      .layer = model::Layer::App,
      .name_tag_word = "asg",
      .make = []() -> std::unique_ptr<model::Block> { return std::make_unique<model::Asg>(); },
      .read = read_asg,
      .lower = lower_asg,
      .plan = plan_asg,
      .plan_key = "auto_scaling_groups",
      .draw = draw_asg,
  };
  return kind;
}

}  // namespace archc::kinds
