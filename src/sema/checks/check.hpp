// The individual architecture checks; run_checks (sema/checks.cpp) runs them
// in this order. Each is defined in the file of the same name.
#pragma once

#include "model/model.hpp"
#include "source/diagnostic.hpp"
#include "syntax/ast.hpp"

namespace archc::checks {

// Addresses and zones.
void subnet_in_vpc(const model::Model& m, Diagnostics& diags);
void cidr_overlap(const model::Model& m, Diagnostics& diags);
void zone_spread(const model::Model& m, Diagnostics& diags);
void subnet_capacity(const model::Model& m, Diagnostics& diags);
// Placement and routes.
void rds_public_tier(const model::Model& m, Diagnostics& diags);
void eip_private_tier(const model::Model& m, Diagnostics& diags);
void alb_internet_route(const model::Model& m, Diagnostics& diags);
void asg_nat_route(const model::Model& m, Diagnostics& diags);
void cross_vpc(const model::Model& m, Diagnostics& diags);
void peering_overlap(const model::Model& m, Diagnostics& diags);
void duplicate_peering(const model::Model& m, Diagnostics& diags);
void endpoint_unused(const model::Model& m, Diagnostics& diags);
void route_conflict(const model::Model& m, Diagnostics& diags);
void peering_no_route(const model::Model& m, Diagnostics& diags);
void no_aws_service(const model::Model& m, Diagnostics& diags);
void private_dns_conflict(const model::Model& m, Diagnostics& diags);
// Load balancers.
void listener_ports(const model::Model& m, Diagnostics& diags);
// Security chains.
void database_exposure(const model::Model& m, Diagnostics& diags);
void forward_ports(const model::Model& m, Diagnostics& diags);
void chain_skips_tier(const model::Model& m, Diagnostics& diags);
void admin_ports(const model::Model& m, Diagnostics& diags);
void vpc_cidr_source(const model::Model& m, Diagnostics& diags);
void chain_cycle(const model::Model& m, Diagnostics& diags);
void duplicate_edge(const model::Model& m, Diagnostics& diags);
void egress(const model::Model& m, Diagnostics& diags);
void unreachable_resource(const model::Model& m, Diagnostics& diags);
void instance_unreachable(const model::Model& m, Diagnostics& diags);
void endpoint_unreached(const model::Model& m, Diagnostics& diags);
void efs_nfs_blocked(const model::Model& m, Diagnostics& diags);
void efs_mount_zone(const model::Model& m, Diagnostics& diags);
// Buckets.
void bucket_public_read(const model::Model& m, Diagnostics& diags);
// Identity.
void master_secret_once(const model::Model& m, Diagnostics& diags);
void role_unused(const model::Model& m, Diagnostics& diags);
void security_group_quota(const model::Model& m, Diagnostics& diags);
// Network ACLs.
void duplicate_nacl(const model::Model& m, Diagnostics& diags);
void nacl_rule_number(const model::Model& m, Diagnostics& diags);
void nacl_shadowed_rule(const model::Model& m, Diagnostics& diags);
void nacl_blocks_flow(const model::Model& m, Diagnostics& diags);
// Tags.
void name_tags(const model::Model& m, Diagnostics& diags);
// Secrets.
void secret_in_output(const model::Model& m, Diagnostics& diags);
// Databases.
void replica_backups(const model::Model& m, Diagnostics& diags);
// Logical ids.
void name_collision(const model::Model& m, Diagnostics& diags);
void duplicate_name_tags(const model::Model& m, Diagnostics& diags);
// Declared and never used.
void unused_tier(const model::Model& m, Diagnostics& diags);
void unused_variable(const ast::File& file, Diagnostics& diags);

}  // namespace archc::checks
