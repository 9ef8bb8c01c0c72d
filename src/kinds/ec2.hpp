// What the kinds that launch EC2 instances share (`asg` through a launch
// template, `instance` directly): the declarations of their instance type,
// image and user data attributes, their reading and checks, and how an
// image becomes an AMI id in the output.
#pragma once

#include <optional>
#include <string>

#include "model/kind.hpp"
#include "model/model.hpp"
#include "source/source_file.hpp"

namespace archc {
class KindReader;
class Lowering;
}  // namespace archc

namespace archc::kinds::ec2 {

model::AttributeSpec instance_type_attribute();
model::AttributeSpec image_attribute();
model::AttributeSpec user_data_attribute();
// `role = role.NAME`: the IAM role its instances take on, through the
// role's instance profile.
model::AttributeSpec role_attribute();

// Reads `instance_type` and `image` into the two (which keep their
// defaults when absent or wrong; `image_range` is set when `image` is
// written) and reports an image of another architecture than the instance
// type's (image-architecture: EC2 refuses to launch it).
void read_image(KindReader& r, std::string& instance_type, std::string& image, SourceRange& image_range);
// Reads `user_data`, reporting a script over EC2's 16 KiB (limit-exceeded,
// stdlib/limits.json `user_data_bytes`).
void read_user_data(KindReader& r, std::optional<std::string>& user_data, SourceRange& range);

// Reads `role` into the two (`range` is set when it is written, whether or
// not it resolves).
void read_role(KindReader& r, std::optional<std::size_t>& role, SourceRange& range);
// The logical id of the instance profile of `role` (an index into
// Model::services, a model::Role), when there is one.
std::optional<std::string> instance_profile(const Lowering& lo, std::optional<std::size_t> role);
// The role's name, as `archc plan` shows it: `role.web`, or `none`.
std::string role_ref(const model::Model& m, std::optional<std::size_t> role);

// Whether `image` is a literal AMI id rather than an alias.
bool is_ami_id(const std::string& image);
// Sets one of the two: the id of the SSM parameter that resolves an alias
// at deploy time (added to the lowering on first use), or the literal AMI.
void lower_image(Lowering& lo, const std::string& image, std::string& image_parameter, std::string& image_id);
// The device name of the image's root volume, which a CloudFormation
// block device mapping must name; none for an AMI id, whose device archc
// cannot know.
std::optional<std::string> root_device(const std::string& image);
// The size of the image's root snapshot in GiB, the least root volume EC2
// launches it with (RunInstances: "Volume of size N is smaller than
// snapshot"); none for an AMI id, whose snapshot archc cannot know.
std::optional<int> root_snapshot_gib(const std::string& image);
// The SSM path `archc plan` shows for an alias; none for an AMI id.
std::optional<std::string> image_parameter_path(const std::string& image);

}  // namespace archc::kinds::ec2
