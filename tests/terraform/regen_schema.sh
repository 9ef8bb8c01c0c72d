#!/bin/sh
# Regenerates aws_schema_subset.json: the hashicorp/aws schema of exactly the
# resource types and data sources archc emits, taken from the npm package
# @cdktf/provider-aws (which is generated from the provider's schema).
# Add a type here when the Terraform emitter starts writing it.
# Usage: tests/terraform/regen_schema.sh [PACKAGE_VERSION]   (needs npm, python3)
set -eu
version=${1:-21.22.1}  # hashicorp/aws 6.25.0
here=$(cd "$(dirname "$0")" && pwd)
types="
  aws_vpc aws_internet_gateway aws_internet_gateway_attachment aws_subnet
  aws_route_table aws_route aws_route_table_association aws_eip aws_nat_gateway
  aws_security_group aws_vpc_security_group_egress_rule aws_vpc_security_group_ingress_rule
  aws_lb aws_lb_target_group aws_lb_listener
  aws_launch_template aws_instance aws_autoscaling_group aws_autoscaling_policy
  aws_db_subnet_group aws_db_instance
  aws_elasticache_subnet_group aws_elasticache_replication_group
  aws_network_acl aws_network_acl_rule aws_network_acl_association
  aws_vpc_peering_connection aws_vpc_endpoint
  aws_efs_file_system aws_efs_mount_target
  aws_iam_role aws_iam_role_policy aws_iam_role_policy_attachment aws_iam_instance_profile
  aws_secretsmanager_secret aws_secretsmanager_secret_version
  aws_s3_bucket aws_s3_bucket_server_side_encryption_configuration aws_s3_bucket_ownership_controls
  aws_s3_bucket_public_access_block aws_s3_bucket_versioning aws_s3_bucket_website_configuration
  aws_s3_bucket_policy
  data.aws_ssm_parameter"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@cdktf/provider-aws@$version" >/dev/null)
tar -xzf "$work"/cdktf-provider-aws-*.tgz -C "$work" package/.jsii package/package.json
# shellcheck disable=SC2086  # $types is a word list
python3 "$here/extract_schema.py" "$work/package" $types >"$work/subset.json"
mv "$work/subset.json" "$here/aws_schema_subset.json"
echo "wrote $here/aws_schema_subset.json"
