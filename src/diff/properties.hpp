// A lowered resource as the diff compares it: its CloudFormation type and
// its properties by their CloudFormation names, each value as one string.
// Two resources of the same logical id and type differ exactly where a
// property's value differs. Names and values follow the CloudFormation
// mapping of src/emit/resources/<type>.cpp, with the values archc always
// writes (IpProtocol tcp, a load balancer's Type application ...) among
// them, so that the replacement table can name every create-only property
// archc writes. Properties nested in the template
// (a launch template's LaunchTemplateData) are named by their own name
// (ImageId, UserData); `DependsOn`, the resource's deploy-time order, is
// listed among them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lower/aws_resources.hpp"

namespace archc::diff {

struct Property {
  std::string name;   // CloudFormation property name: CidrBlock, Engine ...
  std::string value;  // a logical id for a reference; a list as `[a, b]`; tags as `[Key=Value, ...]`
  bool is_list = false;
  std::vector<std::string> items;  // a list's elements (tags: `Key=Value`), in order
};

struct ResourceView {
  std::string_view type;  // AWS::EC2::Subnet ...
  std::vector<Property> properties;  // in the order the CloudFormation mapping writes them
};

// The view of one lowered resource. Never fails.
ResourceView view(const aws::Resource& r);

}  // namespace archc::diff
