// `instance`: one EC2 instance in one subnet of a tier — a bastion host, a
// VPN server, a small server of its own — optionally with an Elastic IP.
#include "model/instance.hpp"

#include <algorithm>
#include <string>
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

namespace archc::kinds {

namespace {

using model::AttributeSpec;
using model::ValueType;

// The zone letter picks the tier's subnet; absent, the tier's first zone.
void read_zone(KindReader& r, model::Instance& instance) {
  const auto zone = r.string("zone");
  if (!zone || !instance.subnets) return;
  const model::Vpc& vpc = r.model().vpc_of(*instance.subnets);
  const auto at = std::find(vpc.zones.begin(), vpc.zones.end(), *zone);
  if (at != vpc.zones.end()) {
    instance.zone = static_cast<std::size_t>(at - vpc.zones.begin());
    return;
  }
  const model::Tier& tier = r.model().tier(*instance.subnets);
  r.diags()
      .report(Rule::InstanceZone, r.get("zone")->value->range,
              fmt::format("tier `{}` has no subnet in zone `{}`: its zones are {}", tier.name, *zone,
                          fmt::join(vpc.zones, ", ")))
      .notes.push_back({vpc.zones_range, "the zones are listed here"});
}

void read_instance(KindReader& r, model::Block& resource) {
  auto& instance = static_cast<model::Instance&>(resource);
  ec2::read_image(r, instance.instance_type, instance.image, instance.image_range);
  read_zone(r, instance);
  if (auto v = r.integer("root_volume")) {
    const auto snapshot = instance.image.empty() ? std::nullopt : ec2::root_snapshot_gib(instance.image);
    if (snapshot && *v < *snapshot)
      r.diags().report(Rule::InvalidValue, r.get("root_volume")->value->range,
                       fmt::format("`root_volume` is {} GiB, smaller than the {} GiB root snapshot of image `{}`: "
                                   "EC2 refuses to launch it",
                                   *v, *snapshot, instance.image));
    else if (ec2::root_device(instance.image))
      instance.root_volume = *v;
    else
      r.diags().report(Rule::InvalidValue, r.get("root_volume")->value->range,
                       fmt::format("`root_volume` needs the image's root device name, which archc knows only for "
                                   "the aliases of stdlib/images.json, not for `{}`",
                                   instance.image));
  }
  ec2::read_user_data(r, instance.user_data, instance.user_data_range);
  ec2::read_role(r, instance.role, instance.role_range);
  // EC2 CreateKeyPair: a key pair name is 1-255 ASCII characters.
  if (auto key = r.string("key_name")) {
    if (key->empty() || key->size() > 255 ||
        !std::all_of(key->begin(), key->end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
      r.diags().report(Rule::InvalidValue, r.get("key_name")->value->range,
                       "`key_name` is the name of an EC2 key pair: 1 to 255 ASCII characters");
    else
      instance.key_name = std::move(key);
  }
  if (auto v = r.boolean("elastic_ip")) {
    instance.elastic_ip = *v;
    instance.elastic_ip_range = r.get("elastic_ip")->value->range;
  }
  if (auto v = r.boolean("source_dest_check")) instance.source_dest_check = *v;
  if (auto v = r.string("name")) instance.name_tag = r.name_tag(*v, r.get("name")->value->range);
}

void lower_instance(Lowering& lo, const model::Block& resource, std::size_t index) {
  const auto& instance = static_cast<const model::Instance&>(resource);
  const std::string base = logical_id::leading_word(instance.name);
  aws::Instance in;
  in.id = base + "Instance";
  ec2::lower_image(lo, instance.image, in.image_parameter, in.image_id);
  in.instance_type = instance.instance_type;
  in.subnet = lo.subnet_ids(*instance.subnets)[instance.zone];
  in.security_group = lo.security_group(index);
  in.key_name = instance.key_name;
  in.root_volume = instance.root_volume;
  if (instance.root_volume) in.root_device = *ec2::root_device(instance.image);
  in.user_data = instance.user_data;
  in.instance_profile = ec2::instance_profile(lo, instance.role);
  in.source_dest_check = instance.source_dest_check;
  // It boots and runs its user data (package installs, downloads) at once:
  // its tier's route out must be there.
  in.depends_on = lo.internet_path(*instance.subnets);
  in.tags = lo.tags(instance.name_tag ? &*instance.name_tag : nullptr, "ec2", instance.name);
  const std::string id = lo.add(std::move(in)).id;
  // The address is associated through the internet gateway: the public
  // tier's path to it comes first (eip-private-tier keeps it public).
  if (instance.elastic_ip)
    lo.add(aws::ElasticIp{base + "Eip", id, lo.internet_path(*instance.subnets), lo.tags("eip", instance.name)});
}

plan::Entry plan_instance(plan::Planner& p, const model::Block& resource, std::size_t index) {
  const auto& instance = static_cast<const model::Instance&>(resource);
  const model::Vpc& vpc = p.model().vpc_of(*instance.subnets);
  const std::string& zone = vpc.zones[instance.zone];
  const std::string subnet = p.subnet_tags(*instance.subnets)[instance.zone];
  const bool is_public = p.model().tier(*instance.subnets).is_public;
  const std::string name_tag = instance.name_tag ? instance.name_tag->value : p.tag("ec2", instance.name);
  const std::string eip_tag = p.tag("eip", instance.name);
  const std::optional<std::string> image_parameter = ec2::image_parameter_path(instance.image);
  plan::Entry e;
  e.heading = fmt::format("instance {}  {}  image {}  zone {}", instance.name, instance.instance_type, instance.image,
                          zone);
  e.facts = {
      {"name", name_tag},
      {"subnet", subnet},
      {"address", instance.elastic_ip ? fmt::format("Elastic IP {}", eip_tag)
                  : is_public         ? "a public IP at launch (public tier)"
                                      : "private only"},
      {"key pair", instance.key_name.value_or("none (SSM Session Manager or EC2 Instance Connect)")},
      {"root volume", instance.root_volume ? fmt::format("{} GiB gp3, encrypted", *instance.root_volume)
                                           : "the image's"},
      {"source/dest check", instance.source_dest_check ? "on" : "off (it forwards traffic)"},
      {"security group", p.security_group(index)},
  };
  if (instance.role) e.facts.emplace_back("role", ec2::role_ref(p.model(), instance.role));
  using Json = nlohmann::ordered_json;
  e.json = {{"name", instance.name},
            {"name_tag", name_tag},
            {"tier", p.tier_ref(*instance.subnets)},
            {"zone", p.model().stack.region + zone},
            {"subnet", subnet},
            {"instance_type", instance.instance_type},
            {"image", instance.image},
            {"image_parameter", plan::or_null(image_parameter)},
            {"key_name", plan::or_null(instance.key_name)},
            {"root_volume", plan::or_null(instance.root_volume)},
            {"source_dest_check", instance.source_dest_check},
            {"public_ip", is_public || instance.elastic_ip},
            {"elastic_ip", instance.elastic_ip ? Json{{"name_tag", eip_tag}} : Json(nullptr)},
            {"role", instance.role ? Json(p.model().services[*instance.role]->ref()) : Json(nullptr)},
            {"security_group", p.security_group(index)}};
  return e;
}

graph::Drawing draw_instance(const model::Block& resource) {
  const auto& instance = static_cast<const model::Instance&>(resource);
  return {graph::Shape::Instances,
          instance.ref(),
          {"EC2 instance", fmt::format("{}{}", instance.instance_type, instance.elastic_ip ? ", Elastic IP" : "")}};
}

}  // namespace

const model::KindSpec& instance() {
  static const model::KindSpec kind{
      .keyword = "instance",
      .doc = "A single EC2 instance (an archc extension): a bastion host, a VPN server, in one subnet of a tier.",
      .attributes =
          {
              AttributeSpec{.name = "subnets",
                            .type = ValueType::TierRef,
                            .required = true,
                            .doc = "the tier it runs in (as every chain endpoint names its tier); `zone` picks the "
                                   "subnet"},
              AttributeSpec{.name = "zone",
                            .default_value = "the tier's first zone",
                            .doc = "the zone letter of its subnet, one of its VPC's zones"},
              ec2::instance_type_attribute(),
              ec2::image_attribute(),
              AttributeSpec{.name = "root_volume",
                            .type = ValueType::Integer,
                            .default_value = "the image's size",
                            .min = 1,
                            .max = 16384,
                            .unit = "GiB",
                            .doc = "the size of its root volume (gp3, encrypted); needs an image alias"},
              ec2::user_data_attribute(),
              ec2::role_attribute(),
              AttributeSpec{.name = "key_name",
                            .default_value = "none",
                            .doc = "an existing EC2 key pair for SSH; none: SSM Session Manager or Instance Connect"},
              AttributeSpec{.name = "elastic_ip",
                            .type = ValueType::Bool,
                            .default_value = "`false`",
                            .doc = "allocate an Elastic IP and associate it with the instance; public tiers only"},
              AttributeSpec{.name = "source_dest_check",
                            .type = ValueType::Bool,
                            .default_value = "`true`",
                            .doc = "drop traffic not addressed to it; `false` for a VPN or NAT instance that "
                                   "forwards"},
              name_attribute(),
              egress_attribute(),
          },
      .chain_endpoint = true,
      .layer = model::Layer::App,
      .name_tag_word = "ec2",
      .make = []() -> std::unique_ptr<model::Block> { return std::make_unique<model::Instance>(); },
      .read = read_instance,
      .lower = lower_instance,
      .plan = plan_instance,
      .plan_key = "instances",
      .draw = draw_instance,
  };
  return kind;
}

}  // namespace archc::kinds
