#include "kinds/ec2.hpp"

#include <fmt/format.h>

#include "lower/lowering.hpp"
#include "model/aws_catalog.hpp"
#include "model/logical_id.hpp"
#include "sema/kind_reader.hpp"

namespace archc::kinds::ec2 {

using model::AttributeSpec;

AttributeSpec instance_type_attribute() {
  return {.name = "instance_type",
          .default_value = "`t3.micro`",
          .catalog = model::Catalog::InstanceTypes,
          .doc = "the EC2 instance type (stdlib/instance_types.json)"};
}

AttributeSpec image_attribute() {
  return {.name = "image",
          .default_value = "`al2023`",
          .catalog = model::Catalog::Images,
          .doc = "an image alias from stdlib/images.json (resolved at deploy time) or an ami- id"};
}

AttributeSpec user_data_attribute() {
  return {.name = "user_data", .doc = "a boot script (usually a heredoc); never a secret"};
}

AttributeSpec role_attribute() {
  return {.name = "role",
          .type = model::ValueType::ResourceRef,
          .default_value = "none: no instance profile",
          .refers_to = "role",
          .extension = true,
          .doc = "the IAM role its instances take on (through the role's instance profile)"};
}

void read_image(KindReader& r, std::string& instance_type, std::string& image, SourceRange& image_range) {
  if (auto v = r.string("instance_type")) instance_type = *v;
  if (auto v = r.string("image")) {
    image = *v;
    image_range = r.get("image")->value->range;
  }
  // EC2 refuses to launch an image on an instance of another architecture.
  const auto instance_arch = AwsCatalog::instance_architecture(instance_type);
  const auto image_arch = AwsCatalog::get().image_architecture(image);
  if (!instance_arch || !image_arch || *instance_arch == *image_arch) return;
  const ast::Attribute* type_at = r.get("instance_type");
  auto& d = r.diags().report(Rule::ImageArchitecture,
                             type_at ? type_at->value->range : r.get("image") ? image_range : r.name_range(),
                             fmt::format("`{}` runs {} images, but image `{}` is {}", instance_type, *instance_arch,
                                         image, *image_arch));
  d.notes.push_back({{}, "AWS names Graviton (arm64) instance families with a `g` after the generation, as t4g and "
                         "m7g; choose an instance type and an image of one architecture (al2023-arm64 for Graviton)"});
}

void read_user_data(KindReader& r, std::optional<std::string>& user_data, SourceRange& range) {
  user_data = r.string("user_data");
  if (!user_data) return;
  range = r.get("user_data")->value->range;
  const AwsLimit& limit = AwsCatalog::get().limit("user_data_bytes");
  if (user_data->size() > limit.value)
    r.diags().report(Rule::LimitExceeded, range, "user data is {} bytes; EC2 takes at most {} bytes (before base64)",
                     user_data->size(), limit.value);
}

void read_role(KindReader& r, std::optional<std::size_t>& role, SourceRange& range) {
  role = r.resource("role");
  if (const auto* written = r.get("role")) range = written->value->range;
}

std::optional<std::string> instance_profile(const Lowering& lo, std::optional<std::size_t> role) {
  if (!role) return std::nullopt;
  return logical_id::instance_profile(lo.model().services[*role]->name);
}

std::string role_ref(const model::Model& m, std::optional<std::size_t> role) {
  return role ? m.services[*role]->ref() : "none";
}

bool is_ami_id(const std::string& image) { return image.rfind("ami-", 0) == 0; }

void lower_image(Lowering& lo, const std::string& image, std::string& image_parameter, std::string& image_id) {
  if (is_ami_id(image)) image_id = image;
  else image_parameter = lo.image_parameter(image);
}

std::optional<std::string> root_device(const std::string& image) {
  if (is_ami_id(image)) return std::nullopt;
  // Canonical's Ubuntu images boot from /dev/sda1, Amazon Linux from
  // /dev/xvda (the aliases of stdlib/images.json are of these two families).
  return image.rfind("ubuntu", 0) == 0 ? "/dev/sda1" : "/dev/xvda";
}

std::optional<int> root_snapshot_gib(const std::string& image) {
  if (is_ami_id(image)) return std::nullopt;
  // Amazon Linux 2 and 2023 and Canonical's Ubuntu server images (the
  // aliases of stdlib/images.json) all boot from an 8 GiB snapshot.
  return 8;
}

std::optional<std::string> image_parameter_path(const std::string& image) {
  if (is_ami_id(image)) return std::nullopt;
  return AwsCatalog::get().image_parameter(image);
}

}  // namespace archc::kinds::ec2
