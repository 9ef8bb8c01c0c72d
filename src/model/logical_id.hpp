// Logical ids: the names both backends give the generated resources,
// derived from the source names. Lowering builds every id from these
// functions, and the name-collision check (sema/checks/name_collision.cpp)
// compares what they give, so two declarations never share an id.
//
// An id built here starts with an ASCII capital letter and holds only ASCII
// letters and digits, at most 255 of them for names of at most 64 characters
// (kind_reader.hpp). That satisfies:
// - CloudFormation: "The logical ID must be alphanumeric (A-Za-z0-9) and
//   unique within the template" (AWS CloudFormation User Guide, template
//   anatomy, Resources and Outputs), at most 255 characters (CloudFormation
//   quotas, "Resource name");
// - Terraform: a resource name "must start with a letter or underscore and
//   may contain only letters, digits, underscores, and dashes" (Terraform
//   language, Resource Blocks), which terraform_name() (emit/terraform.hpp)
//   keeps when it snake_cases the id;
// - YAML: starting with a letter, such a key is never read as a bool, null,
//   number or timestamp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace archc::logical_id {

// What a source name contributes inside an id: its runs of ASCII letters
// and digits, each with its first letter capitalised; every other byte
// (`-`, `_`, non-ASCII) only separates runs. `lab-vpc` → `LabVpc`, `app_1`
// → `App1`, `1lab` → `1lab`, `-` → ``.
std::string word(std::string_view name);

// What a source name contributes at the start of an id, where a digit or
// nothing cannot stand: word(name), behind an `N` when that does not start
// with a letter. `lab` → `Lab`, `1lab` → `N1lab`, `_0x1` → `N0x1`, `-` → `N`.
std::string leading_word(std::string_view name);

// A zone's letter as it ends an id: `a` → `A`.
std::string zone(std::string_view letter);

// The subnet of a tier in one zone (a letter): vpc `lab`, tier `public`,
// zone `a` → `LabPublicSubnetA`.
std::string subnet(std::string_view vpc, std::string_view tier, std::string_view zone_letter);

// An alb's load balancer: `web` → `WebAlb`; its other ids extend this one.
std::string alb(std::string_view name);
// alb `web`, listener `https` → `WebAlbHttpsListener`.
std::string listener(std::string_view alb_name, std::string_view listener_name);
// The target group of an alb for one asg: `web`, `app` → `WebAlbAppTargetGroup`.
std::string target_group(std::string_view alb_name, std::string_view asg_name);

// The primary DB instance of an rds: `app` → `AppDb`; its other ids
// extend this one.
std::string db_instance(std::string_view rds_name);
// An IAM role and its instance profile: `web` → `WebRole`, `WebInstanceProfile`.
std::string role(std::string_view name);
std::string instance_profile(std::string_view role_name);
// A generated secret: `api` → `ApiSecret`.
std::string secret(std::string_view name);

// The security group of a chain endpoint (`e.is_resource()`; anything else
// is a programming error, std::logic_error): asg `app` → `AppAsgSecurityGroup`.
std::string security_group(const model::Model& m, const model::Endpoint& e);

// One peer of the rules an edge makes, the source of an ingress rule or the
// destination of an egress rule: an address block, or (cidr empty) the
// security group of a resource; with the part of the rule's id that names it
// (`Internet`, `Cidr1080024`, `LabAppA`, `WebAlb`).
struct RulePeer {
  std::string cidr;
  std::string id_part;
};
// The peers `from` stands for, in the order lowering writes their rules: its
// address blocks (one per zone for a tier: those parts end in the zone's
// letter), then its security group when it is a resource. A tier whose
// blocks are not one per zone (its VPC's `zones` did not read) gives no
// blocks: checks meet such models, lowering does not.
std::vector<RulePeer> rule_peers(const model::Model& m, const model::Endpoint& from);

// The ingress rule into `group` (a security_group() id) from `source` on
// `ports`: `AppAsgSecurityGroup`, `WebAlb`, 80..80 →
// `AppAsgFromWebAlbPort80Ingress`; UDP, ICMP and all traffic say so:
// `...FromVpnUdpPort1194Ingress`, `...FromPeerIcmpIngress`, `...FromAdminAllTrafficIngress`.
std::string ingress_rule(std::string_view group, const RulePeer& source, const model::PortRange& ports);
// The egress rule of `group` to `destination` on `ports`: `AppAsgSecurityGroup`,
// `DbRds`, 3306..3306 → `AppAsgToDbRdsPort3306Egress`, named as ingress rules are.
std::string egress_rule(std::string_view group, const RulePeer& destination, const model::PortRange& ports);

}  // namespace archc::logical_id
