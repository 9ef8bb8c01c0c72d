#include "sema/checks.hpp"

#include "sema/checks/check.hpp"

namespace archc {

void run_checks(const model::Model& m, Diagnostics& diags) {
  checks::subnet_in_vpc(m, diags);
  checks::cidr_overlap(m, diags);
  checks::zone_spread(m, diags);
  checks::subnet_capacity(m, diags);
  checks::rds_public_tier(m, diags);
  checks::eip_private_tier(m, diags);
  checks::alb_internet_route(m, diags);
  checks::asg_nat_route(m, diags);
  checks::cross_vpc(m, diags);
  checks::peering_overlap(m, diags);
  checks::duplicate_peering(m, diags);
  checks::endpoint_unused(m, diags);
  checks::route_conflict(m, diags);
  checks::peering_no_route(m, diags);
  checks::no_aws_service(m, diags);
  checks::private_dns_conflict(m, diags);
  checks::listener_ports(m, diags);
  checks::database_exposure(m, diags);
  checks::forward_ports(m, diags);
  checks::chain_skips_tier(m, diags);
  checks::admin_ports(m, diags);
  checks::vpc_cidr_source(m, diags);
  checks::chain_cycle(m, diags);
  checks::duplicate_edge(m, diags);
  checks::egress(m, diags);
  checks::unreachable_resource(m, diags);
  checks::instance_unreachable(m, diags);
  checks::endpoint_unreached(m, diags);
  checks::efs_nfs_blocked(m, diags);
  checks::efs_mount_zone(m, diags);
  checks::bucket_public_read(m, diags);
  checks::master_secret_once(m, diags);
  checks::role_unused(m, diags);
  checks::security_group_quota(m, diags);
  checks::duplicate_nacl(m, diags);
  checks::nacl_rule_number(m, diags);
  checks::nacl_shadowed_rule(m, diags);
  checks::nacl_blocks_flow(m, diags);
  checks::name_tags(m, diags);
  checks::secret_in_output(m, diags);
  checks::replica_backups(m, diags);
  checks::name_collision(m, diags);
  checks::duplicate_name_tags(m, diags);
  checks::unused_tier(m, diags);
}

void run_source_checks(const ast::File& syntax, Diagnostics& diags) { checks::unused_variable(syntax, diags); }

}  // namespace archc
