#!/usr/bin/env python3
"""Do a CloudFormation template and a Terraform configuration describe the same stack?

Usage: equivalence.py STACK.yaml STACK.tf.json

Reads both back into one neutral form, a set of entities keyed by
(kind, CloudFormation logical id) with their key properties, references
resolved to the entity they name ("subnet:LabVpcAppSubnetA"), and compares
the sets. A Terraform name maps to the logical id whose snake_case it is
(terraform_name in src/emit/terraform.cpp). Exit 0 when equal, 1 with a
readable diff, 2 when a file cannot be read.
"""
import base64
import json
import re
import sys

import yaml

CFN_KINDS = {
    "AWS::EC2::VPC": "vpc",
    "AWS::EC2::InternetGateway": "internet_gateway",
    "AWS::EC2::VPCGatewayAttachment": "gateway_attachment",
    "AWS::EC2::Subnet": "subnet",
    "AWS::EC2::RouteTable": "route_table",
    "AWS::EC2::Route": "route",
    "AWS::EC2::SubnetRouteTableAssociation": "route_table_association",
    "AWS::EC2::EIP": "elastic_ip",
    "AWS::EC2::NatGateway": "nat_gateway",
    "AWS::EC2::SecurityGroup": "security_group",
    "AWS::EC2::SecurityGroupIngress": "ingress_rule",
    "AWS::EC2::SecurityGroupEgress": "egress_rule",
    "AWS::ElasticLoadBalancingV2::LoadBalancer": "load_balancer",
    "AWS::ElasticLoadBalancingV2::TargetGroup": "target_group",
    "AWS::ElasticLoadBalancingV2::Listener": "listener",
    "AWS::EC2::LaunchTemplate": "launch_template",
    "AWS::EC2::Instance": "instance",
    "AWS::AutoScaling::AutoScalingGroup": "auto_scaling_group",
    "AWS::AutoScaling::ScalingPolicy": "scaling_policy",
    "AWS::RDS::DBSubnetGroup": "db_subnet_group",
    "AWS::RDS::DBInstance": "db_instance",
    "AWS::ElastiCache::SubnetGroup": "cache_subnet_group",
    "AWS::ElastiCache::ReplicationGroup": "cache_replication_group",
    "AWS::EC2::NetworkAcl": "network_acl",
    "AWS::EC2::NetworkAclEntry": "network_acl_entry",
    "AWS::EC2::SubnetNetworkAclAssociation": "network_acl_association",
    "AWS::EC2::VPCPeeringConnection": "peering_connection",
    "AWS::EC2::VPCEndpoint": "vpc_endpoint",
    "AWS::EFS::FileSystem": "file_system",
    "AWS::EFS::MountTarget": "mount_target",
    "AWS::IAM::Role": "iam_role",
    "AWS::IAM::InstanceProfile": "instance_profile",
    "AWS::SecretsManager::Secret": "secret",
    "AWS::S3::Bucket": "s3_bucket",
    "AWS::S3::BucketPolicy": "bucket_policy",
}
TF_KINDS = {
    "aws_vpc": "vpc",
    "aws_internet_gateway": "internet_gateway",
    "aws_internet_gateway_attachment": "gateway_attachment",
    "aws_subnet": "subnet",
    "aws_route_table": "route_table",
    "aws_route": "route",
    "aws_route_table_association": "route_table_association",
    "aws_eip": "elastic_ip",
    "aws_nat_gateway": "nat_gateway",
    "aws_security_group": "security_group",
    "aws_vpc_security_group_ingress_rule": "ingress_rule",
    "aws_vpc_security_group_egress_rule": "egress_rule",
    "aws_lb": "load_balancer",
    "aws_lb_target_group": "target_group",
    "aws_lb_listener": "listener",
    "aws_launch_template": "launch_template",
    "aws_instance": "instance",
    "aws_autoscaling_group": "auto_scaling_group",
    "aws_autoscaling_policy": "scaling_policy",
    "aws_db_subnet_group": "db_subnet_group",
    "aws_db_instance": "db_instance",
    "aws_elasticache_subnet_group": "cache_subnet_group",
    "aws_elasticache_replication_group": "cache_replication_group",
    "aws_network_acl": "network_acl",
    "aws_network_acl_rule": "network_acl_entry",
    "aws_network_acl_association": "network_acl_association",
    "aws_vpc_peering_connection": "peering_connection",
    "aws_vpc_endpoint": "vpc_endpoint",
    "aws_efs_file_system": "file_system",
    "aws_efs_mount_target": "mount_target",
    "aws_iam_role": "iam_role",
    "aws_iam_role_policy": "iam_role_policy",
    "aws_iam_role_policy_attachment": "iam_role_policy_attachment",
    "aws_iam_instance_profile": "instance_profile",
    "aws_secretsmanager_secret": "secret",
    "aws_secretsmanager_secret_version": "secret_version",
    "aws_s3_bucket": "s3_bucket",
    "aws_s3_bucket_server_side_encryption_configuration": "bucket_setting",
    "aws_s3_bucket_ownership_controls": "bucket_setting",
    "aws_s3_bucket_public_access_block": "bucket_setting",
    "aws_s3_bucket_versioning": "bucket_setting",
    "aws_s3_bucket_website_configuration": "bucket_setting",
    "aws_s3_bucket_policy": "bucket_policy",
}
# What an output's attribute is, on either side (`Ref` for the outputs that
# are a resource's id: a file system's; a secret's Ref is its ARN).
OUTPUT_VALUES = {"DNSName": "dns name", "Endpoint.Address": "address", "PrimaryEndPoint.Address": "cache address",
                 "Ref": "id", "MasterUserSecret.SecretArn": "master user secret arn", "Arn": "arn",
                 "dns_name": "dns name", "address": "address", "primary_endpoint_address": "cache address", "id": "id",
                 "master_user_secret[0].secret_arn": "master user secret arn", "arn": "arn",
                 "WebsiteURL": "website url", "bucket": "bucket name"}
# What reading a secret takes (emit/resources/iam_role.cpp).
READ_SECRET_ACTIONS = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
# AWS's own egress rule of a group that lists none. Terraform deletes it
# from the groups it creates, so archc writes it out, described as this.
ALL_TRAFFIC_OUT = {"group": None, "protocol": "-1", "from_port": None, "to_port": None, "destination": "cidr:0.0.0.0/0",
                   "description": "all outbound traffic (the AWS default)"}
# The one egress rule of a CloudFormation group whose egress the chains
# restrict: it only makes AWS drop its allow-all rule (emit/resources/security_group.cpp).
NO_EGRESS_PLACEHOLDER = {"IpProtocol": "-1", "CidrIp": "127.0.0.1/32", "Description": "no egress but the rules archc adds"}


def group_egress(rules_by_group):
    """Egress entities, one per group: its rules in a stable order. Both
    sides write a group's egress apart from the group, so it is compared per
    group rather than per rule resource."""
    return {("egress", group.split(":", 1)[1]): {"rules": sorted(rules, key=lambda r: json.dumps(r, sort_keys=True))}
            for group, rules in rules_by_group.items()}


def terraform_name(logical_id):
    return re.sub(r"(?<!^)([A-Z])", r"_\1", logical_id).lower()


def number(v):
    """CloudFormation writes some numbers as strings ("2"); compare them as numbers."""
    return None if v is None else int(v)


def tag_dict(tags):
    return {t["Key"]: t["Value"] for t in tags or []}


class CloudFormation:
    def __init__(self, template):
        self.resources = template.get("Resources", {})
        self.parameters = template.get("Parameters", {})
        self.template = template

    def ref(self, value):
        """`{Ref: X}` or `{Fn::GetAtt: [X, Attr]}` → "kind:X"."""
        if not isinstance(value, dict) or len(value) != 1:
            return "literal:%s" % (value,)
        (fn, arg), = value.items()
        target = arg if fn == "Ref" else arg[0] if fn == "Fn::GetAtt" else None
        if target in self.parameters:
            return "image_parameter:%s" % target
        if target not in self.resources:
            return "unresolved:%s" % (value,)
        return "%s:%s" % (CFN_KINDS.get(self.resources[target]["Type"], self.resources[target]["Type"]), target)

    def refs(self, values):
        return sorted(self.ref(v) for v in values or [])

    def entities(self):
        out = {}
        egress = {}
        for pid, p in self.parameters.items():
            out[("image_parameter", pid)] = {"ssm_path": p.get("Default")}
        for rid, r in self.resources.items():
            kind = CFN_KINDS.get(r["Type"], r["Type"])
            props = getattr(self, kind, lambda p, r: dict(p))(r.get("Properties", {}), r)
            if "DependsOn" in r:
                props["depends_on"] = self.refs({"Ref": d} for d in as_list(r["DependsOn"]))
            if kind == "egress_rule":
                egress.setdefault(props["group"], []).append(props)
                continue
            out[(kind, rid)] = props
            if kind == "security_group":
                own = r.get("Properties", {}).get("SecurityGroupEgress")
                group = "security_group:" + rid
                if own is None:  # AWS gives a group without egress rules allow-all outbound
                    egress.setdefault(group, []).append(dict(ALL_TRAFFIC_OUT, group=group))
                elif own == [NO_EGRESS_PLACEHOLDER]:
                    egress.setdefault(group, [])
                else:
                    egress.setdefault(group, []).append({"unexpected SecurityGroupEgress": own})
        out.update(group_egress(egress))
        for oid, o in self.template.get("Outputs", {}).items():
            attribute = "Ref" if "Ref" in o["Value"] else o["Value"]["Fn::GetAtt"][1]
            of = self.ref(o["Value"])
            value = OUTPUT_VALUES[attribute]
            if attribute == "Ref" and of.startswith("secret:"):
                value = "arn"
            elif attribute == "Ref" and of.startswith("s3_bucket:"):
                value = "bucket name"
            out[("output", oid)] = {"description": o.get("Description"), "of": of, "value": value}
        return out

    def secret_arn(self, value):
        """A policy's Resource item: a secret's Ref, or a DB instance's master user secret."""
        if isinstance(value, dict) and "Fn::GetAtt" in value:
            return "%s.%s" % (self.ref(value), value["Fn::GetAtt"][1])
        return self.ref(value)

    def s3_bucket(self, p, r):
        sse = p["BucketEncryption"]["ServerSideEncryptionConfiguration"]
        website = p.get("WebsiteConfiguration")
        return {"bucket_name": p.get("BucketName"),
                "encryption": [rule["ServerSideEncryptionByDefault"]["SSEAlgorithm"] for rule in sse],
                "ownership": [rule["ObjectOwnership"] for rule in p["OwnershipControls"]["Rules"]],
                "public_access_block": p["PublicAccessBlockConfiguration"],
                "versioning": p.get("VersioningConfiguration", {}).get("Status"),
                "website": (website["IndexDocument"], website.get("ErrorDocument")) if website else None,
                "tags": tag_dict(p.get("Tags"))}

    def bucket_policy(self, p, r):
        def resource(v):
            # Fn::Sub "${Bucket.Arn}/*": the reference, then the rest.
            m = re.match(r"^\$\{([A-Za-z0-9]+)\.Arn\}(.*)$", v.get("Fn::Sub", "")) if isinstance(v, dict) else None
            return self.ref({"Fn::GetAtt": [m.group(1), "Arn"]}) + m.group(2) if m else "unexpected:%s" % (v,)
        return {"bucket": self.ref(p["Bucket"]),
                "statements": [(s.get("Sid"), s["Effect"], s["Principal"], s["Action"], resource(s["Resource"]))
                               for s in p["PolicyDocument"]["Statement"]]}

    def iam_role(self, p, r):
        trust = p["AssumeRolePolicyDocument"]["Statement"]
        read = [s for policy in p.get("Policies", []) for s in policy["PolicyDocument"]["Statement"]]
        return {"trusted": [(s["Effect"], s["Principal"]["Service"], s["Action"]) for s in trust],
                "managed_policies": sorted(p.get("ManagedPolicyArns", [])),
                "policies": sorted(policy["PolicyName"] for policy in p.get("Policies", [])),
                "read_secrets": [(s["Effect"], s["Action"], sorted(self.secret_arn(v) for v in s["Resource"]))
                                 for s in read],
                "tags": tag_dict(p.get("Tags"))}

    def instance_profile(self, p, r):
        return {"roles": self.refs(p["Roles"])}

    def secret(self, p, r):
        generate = p["GenerateSecretString"]
        return {"description": p.get("Description"), "length": generate.get("PasswordLength"),
                "exclude_punctuation": generate.get("ExcludePunctuation"), "value": "generated",
                "tags": tag_dict(p.get("Tags"))}

    def vpc(self, p, r):
        return {"cidr": p["CidrBlock"], "dns_support": p.get("EnableDnsSupport"),
                "dns_hostnames": p.get("EnableDnsHostnames"), "tags": tag_dict(p.get("Tags"))}

    def internet_gateway(self, p, r):
        return {"tags": tag_dict(p.get("Tags"))}

    def gateway_attachment(self, p, r):
        return {"vpc": self.ref(p["VpcId"]), "gateway": self.ref(p["InternetGatewayId"])}

    def subnet(self, p, r):
        return {"vpc": self.ref(p["VpcId"]), "cidr": p["CidrBlock"], "zone": p["AvailabilityZone"],
                "map_public_ip": p.get("MapPublicIpOnLaunch", False), "tags": tag_dict(p.get("Tags"))}

    def route_table(self, p, r):
        return {"vpc": self.ref(p["VpcId"]), "tags": tag_dict(p.get("Tags"))}

    def route(self, p, r):
        target = p.get("GatewayId") or p.get("NatGatewayId") or p.get("VpcPeeringConnectionId")
        return {"route_table": self.ref(p["RouteTableId"]), "destination": p["DestinationCidrBlock"],
                "target": self.ref(target)}

    def peering_connection(self, p, r):
        # Within one account and region CloudFormation accepts the request
        # itself, as Terraform's auto_accept does.
        same_account = "PeerOwnerId" not in p and "PeerRegion" not in p
        return {"vpc": self.ref(p["VpcId"]), "peer_vpc": self.ref(p["PeerVpcId"]),
                "peer_region": p.get("PeerRegion"), "peer_owner": p.get("PeerOwnerId"),
                "accepted_by_stack": same_account, "tags": tag_dict(p.get("Tags"))}

    def vpc_endpoint(self, p, r):
        return {"vpc": self.ref(p["VpcId"]), "service": p["ServiceName"], "type": p.get("VpcEndpointType"),
                "route_tables": self.refs(p.get("RouteTableIds")), "subnets": self.refs(p.get("SubnetIds")),
                "security_groups": self.refs(p.get("SecurityGroupIds")),
                "private_dns": p.get("PrivateDnsEnabled"),
                # A gateway endpoint is written untagged (its Terraform twin
                # takes the provider's default_tags): only an interface
                # endpoint's tags are compared.
                "tags": tag_dict(p.get("Tags")) if p.get("VpcEndpointType") == "Interface" else None}

    def route_table_association(self, p, r):
        return {"subnet": self.ref(p["SubnetId"]), "route_table": self.ref(p["RouteTableId"])}

    def network_acl(self, p, r):
        return {"vpc": self.ref(p["VpcId"]), "tags": tag_dict(p.get("Tags"))}

    def network_acl_entry(self, p, r):
        ports, icmp = p.get("PortRange", {}), p.get("Icmp", {})
        return {"acl": self.ref(p["NetworkAclId"]), "number": number(p["RuleNumber"]), "egress": p["Egress"],
                "protocol": str(p["Protocol"]), "action": p["RuleAction"], "cidr": p["CidrBlock"],
                "from_port": number(ports.get("From")), "to_port": number(ports.get("To")),
                "icmp_type": number(icmp.get("Type")), "icmp_code": number(icmp.get("Code"))}

    def network_acl_association(self, p, r):
        return {"subnet": self.ref(p["SubnetId"]), "acl": self.ref(p["NetworkAclId"])}

    def elastic_ip(self, p, r):
        return {"domain": p.get("Domain"), "instance": self.ref(p["InstanceId"]) if "InstanceId" in p else None,
                "tags": tag_dict(p.get("Tags"))}

    def nat_gateway(self, p, r):
        return {"subnet": self.ref(p["SubnetId"]), "eip": self.ref(p["AllocationId"]),
                "tags": tag_dict(p.get("Tags"))}

    def security_group(self, p, r):
        return {"vpc": self.ref(p["VpcId"]), "description": p["GroupDescription"], "tags": tag_dict(p.get("Tags"))}

    def ingress_rule(self, p, r):
        source = ("cidr:" + p["CidrIp"]) if "CidrIp" in p else self.ref(p["SourceSecurityGroupId"])
        return {"group": self.ref(p["GroupId"]), "protocol": p["IpProtocol"], "from_port": p.get("FromPort"),
                "to_port": p.get("ToPort"), "source": source, "description": p.get("Description")}

    def egress_rule(self, p, r):
        destination = ("cidr:" + p["CidrIp"]) if "CidrIp" in p else self.ref(p["DestinationSecurityGroupId"])
        return {"group": self.ref(p["GroupId"]), "protocol": p["IpProtocol"], "from_port": p.get("FromPort"),
                "to_port": p.get("ToPort"), "destination": destination, "description": p.get("Description")}

    def load_balancer(self, p, r):
        return {"type": p.get("Type"), "scheme": p.get("Scheme"), "subnets": self.refs(p["Subnets"]),
                "security_groups": self.refs(p.get("SecurityGroups")), "tags": tag_dict(p.get("Tags"))}

    def target_group(self, p, r):
        return {"vpc": self.ref(p["VpcId"]), "target_type": p.get("TargetType"), "protocol": p["Protocol"],
                "port": p["Port"], "health_check_protocol": p.get("HealthCheckProtocol"),
                "health_check_path": p.get("HealthCheckPath"),
                "success_codes": p.get("Matcher", {}).get("HttpCode"),
                "health_check_interval": p.get("HealthCheckIntervalSeconds"),
                "health_check_timeout": p.get("HealthCheckTimeoutSeconds"),
                "healthy_threshold": p.get("HealthyThresholdCount"),
                "unhealthy_threshold": p.get("UnhealthyThresholdCount"), "tags": tag_dict(p.get("Tags"))}

    def listener(self, p, r):
        action = p["DefaultActions"][0]
        redirect = action.get("RedirectConfig", {})
        return {"load_balancer": self.ref(p["LoadBalancerArn"]), "port": p["Port"], "protocol": p["Protocol"],
                "certificate": (p.get("Certificates") or [{}])[0].get("CertificateArn"),
                "actions": len(p["DefaultActions"]), "action": action["Type"],
                "forward_to": self.ref(action["TargetGroupArn"]) if "TargetGroupArn" in action else None,
                "redirect_protocol": redirect.get("Protocol"), "redirect_port": number(redirect.get("Port")),
                "redirect_status": redirect.get("StatusCode")}

    def launch_template(self, p, r):
        d = p["LaunchTemplateData"]
        image = d["ImageId"]
        user_data = d.get("UserData", {}).get("Fn::Base64")
        tags = {}
        for spec in p.get("TagSpecifications", []):
            tags.update(tag_dict(spec.get("Tags")))
        return {"image": self.ref(image) if isinstance(image, dict) else "literal:" + image,
                "instance_type": d["InstanceType"], "security_groups": self.refs(d.get("SecurityGroupIds")),
                "http_tokens": d.get("MetadataOptions", {}).get("HttpTokens"), "user_data": user_data,
                "instance_profile": self.ref(d["IamInstanceProfile"]["Arn"]) if "IamInstanceProfile" in d else None,
                "tags": tags}

    def instance(self, p, r):
        image = p["ImageId"]
        user_data = p.get("UserData", {}).get("Fn::Base64")
        root = [m["Ebs"] for m in p.get("BlockDeviceMappings", [])]
        return {"image": self.ref(image) if isinstance(image, dict) else "literal:" + image,
                "instance_type": p["InstanceType"], "subnet": self.ref(p["SubnetId"]),
                "security_groups": self.refs(p.get("SecurityGroupIds")), "key_name": p.get("KeyName"),
                "source_dest_check": p.get("SourceDestCheck", True),
                "http_tokens": p.get("MetadataOptions", {}).get("HttpTokens"),
                "root_volume": [(e["VolumeSize"], e["VolumeType"], e["Encrypted"]) for e in root],
                "instance_profile": self.ref(p["IamInstanceProfile"]) if "IamInstanceProfile" in p else None,
                "user_data": user_data, "tags": tag_dict(p.get("Tags"))}

    def auto_scaling_group(self, p, r):
        return {"launch_template": self.ref(p["LaunchTemplate"]["LaunchTemplateId"]),
                "launch_template_version": self.ref(p["LaunchTemplate"]["Version"]),
                "min": number(p["MinSize"]), "max": number(p["MaxSize"]), "desired": number(p.get("DesiredCapacity")),
                "subnets": self.refs(p["VPCZoneIdentifier"]), "target_groups": self.refs(p.get("TargetGroupARNs")),
                "health_check_type": p.get("HealthCheckType"), "health_check_grace": p.get("HealthCheckGracePeriod"),
                "tags": {t["Key"]: (t["Value"], t.get("PropagateAtLaunch")) for t in p.get("Tags", [])}}

    def scaling_policy(self, p, r):
        c = p["TargetTrackingConfiguration"]
        return {"group": self.ref(p["AutoScalingGroupName"]), "policy_type": p["PolicyType"],
                "metric": c["PredefinedMetricSpecification"]["PredefinedMetricType"], "target": c["TargetValue"]}

    def db_subnet_group(self, p, r):
        return {"description": p["DBSubnetGroupDescription"], "subnets": self.refs(p["SubnetIds"]),
                "tags": tag_dict(p.get("Tags"))}

    def db_instance(self, p, r):
        return {"engine": p["Engine"], "engine_version": p.get("EngineVersion"), "class": p["DBInstanceClass"],
                "security_groups": self.refs(p.get("VPCSecurityGroups")),
                "publicly_accessible": p.get("PubliclyAccessible"), "storage": number(p.get("AllocatedStorage")),
                "encrypted": p.get("StorageEncrypted"), "multi_az": p.get("MultiAZ"),
                "subnet_group": self.ref(p["DBSubnetGroupName"]) if "DBSubnetGroupName" in p else None,
                "username": p.get("MasterUsername"), "managed_password": p.get("ManageMasterUserPassword"),
                "database": p.get("DBName"), "backup_retention": p.get("BackupRetentionPeriod"),
                "replica_of": self.ref(p["SourceDBInstanceIdentifier"]) if "SourceDBInstanceIdentifier" in p else None,
                "final_snapshot": r.get("DeletionPolicy") == "Snapshot", "tags": tag_dict(p.get("Tags"))}

    def cache_subnet_group(self, p, r):
        return {"name": p["CacheSubnetGroupName"], "description": p["Description"],
                "subnets": self.refs(p["SubnetIds"]), "tags": tag_dict(p.get("Tags"))}

    def cache_replication_group(self, p, r):
        return {"group_id": p["ReplicationGroupId"], "description": p["ReplicationGroupDescription"],
                "engine": p.get("Engine"), "engine_version": p.get("EngineVersion"), "node_type": p["CacheNodeType"],
                "nodes": p.get("NumCacheClusters"), "multi_az": p.get("MultiAZEnabled"),
                "automatic_failover": p.get("AutomaticFailoverEnabled"),
                "subnet_group": self.ref(p["CacheSubnetGroupName"]),
                "security_groups": self.refs(p.get("SecurityGroupIds")), "port": p.get("Port"),
                "at_rest_encryption": p.get("AtRestEncryptionEnabled"),
                "transit_encryption": p.get("TransitEncryptionEnabled"), "tags": tag_dict(p.get("Tags"))}

    def file_system(self, p, r):
        return {"encrypted": p.get("Encrypted"), "performance_mode": p.get("PerformanceMode"),
                "throughput_mode": p.get("ThroughputMode"),
                "transition_to_ia": [lp["TransitionToIA"] for lp in p.get("LifecyclePolicies", [])],
                "tags": tag_dict(p.get("FileSystemTags"))}

    def mount_target(self, p, r):
        return {"file_system": self.ref(p["FileSystemId"]), "subnet": self.ref(p["SubnetId"]),
                "security_groups": self.refs(p.get("SecurityGroups"))}


class Terraform:
    REFERENCE = re.compile(r"^\$\{(data\.|ephemeral\.)?([a-z0-9_]+)\.([a-z0-9_]+)\.([a-z0-9_.\[\]]+)\}$")

    def __init__(self, config, logical_ids):
        self.config = config
        # Terraform name → CloudFormation logical id; unmapped names stay as they are.
        self.logical = {terraform_name(i): i for i in logical_ids}
        self.resources = config.get("resource", {})
        provider = as_list(config.get("provider", {}).get("aws", [{}]))[0]
        self.default_tags = {}
        for block in as_list(provider.get("default_tags", [])):
            self.default_tags.update(block.get("tags", {}))

    def id_of(self, name):
        return self.logical.get(name, "terraform:" + name)

    def ref(self, value):
        """`${aws_subnet.lab_vpc_app_subnet_a.id}` → "subnet:LabVpcAppSubnetA"."""
        m = self.REFERENCE.match(value) if isinstance(value, str) else None
        if not m:
            return "literal:%s" % (value,)
        data, tf_type, name = m.group(1), m.group(2), m.group(3)
        if data:
            kind = "random_password" if tf_type == "aws_secretsmanager_random_password" else "image_parameter"
            return "%s:%s" % (kind, self.id_of(name))
        return "%s:%s" % (TF_KINDS.get(tf_type, tf_type), self.id_of(name))

    def refs(self, values):
        return sorted(self.ref(v) for v in values or [])

    def tags(self, b):
        # Terraform strings escape `${` as `$${`; the value AWS sees is the unescaped one.
        return {k: unescape(v) for k, v in dict(self.default_tags, **b.get("tags", {})).items()}

    def entities(self):
        out = {}
        egress = {}
        for name, d in self.config.get("data", {}).get("aws_ssm_parameter", {}).items():
            out[("image_parameter", self.id_of(name))] = {"ssm_path": d["name"]}
        for tf_type, named in self.resources.items():
            kind = TF_KINDS.get(tf_type, tf_type)
            for name, b in named.items():
                props = getattr(self, kind, lambda b: dict(b))(b)
                if kind == "bucket_policy":
                    # It waits for its bucket's public access block, which
                    # would refuse it; CloudFormation sets both on one bucket.
                    block = "aws_s3_bucket_public_access_block." + self.REFERENCE.match(b["bucket"]).group(3)
                    if b.get("depends_on") != [block]:
                        props["depends_on"] = b.get("depends_on")
                elif "depends_on" in b:  # addresses: TYPE.NAME
                    props["depends_on"] = self.refs("${%s.id}" % address for address in b["depends_on"])
                if kind == "egress_rule":
                    egress.setdefault(props["group"], []).append(props)
                elif kind not in ("iam_role_policy", "iam_role_policy_attachment", "secret_version", "bucket_setting"):
                    out[(kind, self.id_of(name))] = props
                if kind == "security_group":
                    egress.setdefault("security_group:" + self.id_of(name), [])
        out.update(group_egress(egress))
        self.fold_roles(out)
        self.fold_secrets(out)
        self.fold_buckets(out)
        for name, o in self.config.get("output", {}).items():
            # A website's URL is `http://` and its endpoint, as CloudFormation's WebsiteURL.
            value = o["value"][len("http://"):] if o["value"].startswith("http://${") else o["value"]
            attribute = self.REFERENCE.match(value).group(4)
            if value != o["value"] and attribute == "website_endpoint":
                attribute = "WebsiteURL"
            of = self.ref(value)
            if of.startswith("bucket_setting:"):  # a bucket's website configuration is the bucket's
                of = "s3_bucket:" + of.split(":", 1)[1]
            out[("output", self.id_of(name))] = {"description": unescape(o.get("description")), "of": of,
                                                 "value": OUTPUT_VALUES[attribute]}
        return out

    def secret_arn(self, value):
        """A policy's Resource item, as CloudFormation.secret_arn names it."""
        m = self.REFERENCE.match(value)
        if m and m.group(4) == "master_user_secret[0].secret_arn":
            return "db_instance:%s.MasterUserSecret.SecretArn" % self.id_of(m.group(3))
        return self.ref(value) if m and m.group(4) == "arn" else "unexpected:" + value

    def fold_roles(self, out):
        """A role's inline policy and managed policy attachments are resources
        of their own in Terraform: folded into the role, as CloudFormation
        writes them."""
        for name, b in self.resources.get("aws_iam_role_policy", {}).items():
            role = out[("iam_role", self.ref(b["role"]).split(":", 1)[1])]
            role["policies"].append(b["name"])
            role["read_secrets"] += [(s["Effect"], s["Action"], sorted(self.secret_arn(v) for v in s["Resource"]))
                                     for s in json.loads(b["policy"])["Statement"]]
        for name, b in self.resources.get("aws_iam_role_policy_attachment", {}).items():
            role = out[("iam_role", self.ref(b["role"]).split(":", 1)[1])]
            role["managed_policies"] = sorted(role["managed_policies"] + [b["policy_arn"]])

    def fold_secrets(self, out):
        """A generated secret's value: GetRandomPassword's (an ephemeral
        resource), written once, write-only, into the secret's first version."""
        passwords = self.config.get("ephemeral", {}).get("aws_secretsmanager_random_password", {})
        for name, b in self.resources.get("aws_secretsmanager_secret_version", {}).items():
            secret = out[("secret", self.ref(b["secret_id"]).split(":", 1)[1])]
            value = b.get("secret_string_wo")
            source = self.REFERENCE.match(value or "")
            password = (passwords.get(source.group(3), {}) if source and source.group(1) == "ephemeral."
                        and source.group(2) == "aws_secretsmanager_random_password" else {})
            written_once = b.get("secret_string_wo_version") == 1 and "secret_string" not in b
            secret.update({"length": password.get("password_length"),
                           "exclude_punctuation": password.get("exclude_punctuation"),
                           "value": "generated" if password and written_once else value})

    def fold_buckets(self, out):
        """A bucket's settings are resources of their own in Terraform: folded
        into the bucket, as CloudFormation writes them."""
        def bucket_of(b):
            return out[("s3_bucket", self.ref(b["bucket"]).split(":", 1)[1])]
        r = self.resources
        for b in r.get("aws_s3_bucket_server_side_encryption_configuration", {}).values():
            bucket_of(b)["encryption"] = [rule["apply_server_side_encryption_by_default"][0]["sse_algorithm"]
                                          for rule in b["rule"]]
        for b in r.get("aws_s3_bucket_ownership_controls", {}).values():
            bucket_of(b)["ownership"] = [rule["object_ownership"] for rule in b["rule"]]
        for b in r.get("aws_s3_bucket_public_access_block", {}).values():
            bucket_of(b)["public_access_block"] = {
                "BlockPublicAcls": b["block_public_acls"], "BlockPublicPolicy": b["block_public_policy"],
                "IgnorePublicAcls": b["ignore_public_acls"], "RestrictPublicBuckets": b["restrict_public_buckets"]}
        for b in r.get("aws_s3_bucket_versioning", {}).values():
            bucket_of(b)["versioning"] = b["versioning_configuration"][0]["status"]
        for b in r.get("aws_s3_bucket_website_configuration", {}).values():
            error = b.get("error_document")
            bucket_of(b)["website"] = (b["index_document"][0]["suffix"], error[0]["key"] if error else None)

    def s3_bucket(self, b):
        return {"bucket_name": unescape(b.get("bucket")), "encryption": None, "ownership": None,
                "public_access_block": None, "versioning": None, "website": None, "tags": self.tags(b)}

    def bucket_policy(self, b):
        bucket = self.ref(b["bucket"])
        statements = []
        for s in json.loads(b["policy"])["Statement"]:
            # "${aws_s3_bucket.NAME.arn}/*": the reference, then the rest.
            m = re.match(r"^(\$\{[^}]*\})(.*)$", s["Resource"])
            resource = self.ref(m.group(1)) + m.group(2) if m else s["Resource"]
            statements.append((s.get("Sid"), s["Effect"], s["Principal"], s["Action"], resource))
        return {"bucket": bucket, "statements": statements}

    def iam_role(self, b):
        trust = json.loads(b["assume_role_policy"])["Statement"]
        return {"trusted": [(s["Effect"], s["Principal"]["Service"], s["Action"]) for s in trust],
                "managed_policies": [], "policies": [], "read_secrets": [], "tags": self.tags(b)}

    def instance_profile(self, b):
        return {"roles": [self.ref(b["role"])]}

    def secret(self, b):
        return {"description": unescape(b.get("description")), "length": None, "exclude_punctuation": None,
                "value": None, "tags": self.tags(b)}

    def vpc(self, b):
        return {"cidr": b["cidr_block"], "dns_support": b.get("enable_dns_support"),
                "dns_hostnames": b.get("enable_dns_hostnames"), "tags": self.tags(b)}

    def internet_gateway(self, b):
        return {"tags": self.tags(b)}

    def gateway_attachment(self, b):
        return {"vpc": self.ref(b["vpc_id"]), "gateway": self.ref(b["internet_gateway_id"])}

    def subnet(self, b):
        return {"vpc": self.ref(b["vpc_id"]), "cidr": b["cidr_block"], "zone": b["availability_zone"],
                "map_public_ip": b.get("map_public_ip_on_launch", False), "tags": self.tags(b)}

    def route_table(self, b):
        return {"vpc": self.ref(b["vpc_id"]), "tags": self.tags(b)}

    def route(self, b):
        target = b.get("gateway_id") or b.get("nat_gateway_id") or b.get("vpc_peering_connection_id")
        return {"route_table": self.ref(b["route_table_id"]), "destination": b["destination_cidr_block"],
                "target": self.ref(target)}

    def peering_connection(self, b):
        return {"vpc": self.ref(b["vpc_id"]), "peer_vpc": self.ref(b["peer_vpc_id"]),
                "peer_region": b.get("peer_region"), "peer_owner": b.get("peer_owner_id"),
                "accepted_by_stack": b.get("auto_accept", False), "tags": self.tags(b)}

    def vpc_endpoint(self, b):
        return {"vpc": self.ref(b["vpc_id"]), "service": b["service_name"], "type": b.get("vpc_endpoint_type"),
                "route_tables": self.refs(b.get("route_table_ids")), "subnets": self.refs(b.get("subnet_ids")),
                "security_groups": self.refs(b.get("security_group_ids")),
                "private_dns": b.get("private_dns_enabled"),
                "tags": self.tags(b) if b.get("vpc_endpoint_type") == "Interface" else None}

    def route_table_association(self, b):
        return {"subnet": self.ref(b["subnet_id"]), "route_table": self.ref(b["route_table_id"])}

    def network_acl(self, b):
        return {"vpc": self.ref(b["vpc_id"]), "tags": self.tags(b)}

    def network_acl_entry(self, b):
        return {"acl": self.ref(b["network_acl_id"]), "number": b["rule_number"], "egress": b["egress"],
                "protocol": str(b["protocol"]), "action": b["rule_action"], "cidr": b["cidr_block"],
                "from_port": number(b.get("from_port")), "to_port": number(b.get("to_port")),
                "icmp_type": number(b.get("icmp_type")), "icmp_code": number(b.get("icmp_code"))}

    def network_acl_association(self, b):
        return {"subnet": self.ref(b["subnet_id"]), "acl": self.ref(b["network_acl_id"])}

    def elastic_ip(self, b):
        return {"domain": b.get("domain"), "instance": self.ref(b["instance"]) if "instance" in b else None,
                "tags": self.tags(b)}

    def nat_gateway(self, b):
        return {"subnet": self.ref(b["subnet_id"]), "eip": self.ref(b["allocation_id"]), "tags": self.tags(b)}

    def security_group(self, b):
        return {"vpc": self.ref(b["vpc_id"]), "description": unescape(b["description"]), "tags": self.tags(b)}

    def egress_rule(self, b):
        destination = ("cidr:" + b["cidr_ipv4"]) if "cidr_ipv4" in b else self.ref(b["referenced_security_group_id"])
        return {"group": self.ref(b["security_group_id"]), "protocol": b["ip_protocol"], "from_port": b.get("from_port"),
                "to_port": b.get("to_port"), "destination": destination, "description": unescape(b.get("description"))}

    def ingress_rule(self, b):
        source = ("cidr:" + b["cidr_ipv4"]) if "cidr_ipv4" in b else self.ref(b["referenced_security_group_id"])
        return {"group": self.ref(b["security_group_id"]), "protocol": b["ip_protocol"], "from_port": b.get("from_port"),
                "to_port": b.get("to_port"), "source": source, "description": unescape(b.get("description"))}

    def load_balancer(self, b):
        return {"type": b.get("load_balancer_type"), "scheme": "internal" if b.get("internal") else "internet-facing",
                "subnets": self.refs(b["subnets"]), "security_groups": self.refs(b.get("security_groups")),
                "tags": self.tags(b)}

    def target_group(self, b):
        health = as_list(b.get("health_check", [{}]))[0]
        return {"vpc": self.ref(b["vpc_id"]), "target_type": b.get("target_type"), "protocol": b["protocol"],
                "port": b["port"], "health_check_protocol": health.get("protocol"),
                "health_check_path": unescape(health.get("path")), "success_codes": health.get("matcher"),
                "health_check_interval": health.get("interval"), "health_check_timeout": health.get("timeout"),
                "healthy_threshold": health.get("healthy_threshold"),
                "unhealthy_threshold": health.get("unhealthy_threshold"), "tags": self.tags(b)}

    def listener(self, b):
        actions = as_list(b["default_action"])
        action = actions[0]
        redirect = as_list(action.get("redirect", [{}]))[0]
        return {"load_balancer": self.ref(b["load_balancer_arn"]), "port": b["port"], "protocol": b["protocol"],
                "certificate": unescape(b.get("certificate_arn")), "actions": len(actions), "action": action["type"],
                "forward_to": self.ref(action["target_group_arn"]) if "target_group_arn" in action else None,
                "redirect_protocol": redirect.get("protocol"), "redirect_port": number(redirect.get("port")),
                "redirect_status": redirect.get("status_code")}

    def launch_template(self, b):
        user_data = b.get("user_data")
        image = b["image_id"]
        return {"image": self.ref(image) if image.startswith("${") else "literal:" + image,
                "instance_type": unescape(b["instance_type"]), "security_groups": self.refs(b.get("vpc_security_group_ids")),
                "http_tokens": as_list(b.get("metadata_options", [{}]))[0].get("http_tokens"),
                "user_data": base64.b64decode(user_data).decode() if user_data is not None else None,
                "instance_profile": (self.ref(as_list(b["iam_instance_profile"])[0]["arn"])
                                     if "iam_instance_profile" in b else None),
                "tags": self.tags(b)}

    def instance(self, b):
        image = b["ami"]
        user_data = b.get("user_data_base64")
        return {"image": self.ref(image) if image.startswith("${") else "literal:" + image,
                "instance_type": unescape(b["instance_type"]), "subnet": self.ref(b["subnet_id"]),
                "security_groups": self.refs(b.get("vpc_security_group_ids")),
                "key_name": unescape(b["key_name"]) if "key_name" in b else None,
                "source_dest_check": b.get("source_dest_check", True),
                "http_tokens": as_list(b.get("metadata_options", [{}]))[0].get("http_tokens"),
                "root_volume": [(d["volume_size"], d["volume_type"], d["encrypted"])
                                for d in as_list(b.get("root_block_device", []))],
                "instance_profile": self.ref(b["iam_instance_profile"]) if "iam_instance_profile" in b else None,
                "user_data": base64.b64decode(user_data).decode() if user_data is not None else None,
                "tags": self.tags(b)}

    def auto_scaling_group(self, b):
        template = as_list(b["launch_template"])[0]
        return {"launch_template": self.ref(template["id"]), "launch_template_version": self.ref(template["version"]),
                "min": b["min_size"], "max": b["max_size"], "desired": b.get("desired_capacity"),
                "subnets": self.refs(b["vpc_zone_identifier"]), "target_groups": self.refs(b.get("target_group_arns")),
                "health_check_type": b.get("health_check_type"), "health_check_grace": b.get("health_check_grace_period"),
                # Auto scaling groups do not take the provider's default tags: only their own tag blocks count.
                "tags": {unescape(t["key"]): (unescape(t["value"]), t.get("propagate_at_launch"))
                         for t in as_list(b.get("tag", []))}}

    def scaling_policy(self, b):
        c = as_list(b["target_tracking_configuration"])[0]
        return {"group": self.ref(b["autoscaling_group_name"]), "policy_type": b["policy_type"],
                "metric": as_list(c["predefined_metric_specification"])[0]["predefined_metric_type"],
                "target": c["target_value"]}

    def db_subnet_group(self, b):
        return {"description": unescape(b["description"]), "subnets": self.refs(b["subnet_ids"]), "tags": self.tags(b)}

    def db_instance(self, b):
        return {"engine": b["engine"], "engine_version": unescape(b.get("engine_version")),
                "class": unescape(b["instance_class"]), "security_groups": self.refs(b.get("vpc_security_group_ids")),
                "publicly_accessible": b.get("publicly_accessible"), "storage": b.get("allocated_storage"),
                "encrypted": b.get("storage_encrypted"), "multi_az": b.get("multi_az"),
                "subnet_group": self.ref(b["db_subnet_group_name"]) if "db_subnet_group_name" in b else None,
                "username": b.get("username"), "managed_password": b.get("manage_master_user_password"),
                "database": b.get("db_name"), "backup_retention": b.get("backup_retention_period"),
                "replica_of": self.ref(b["replicate_source_db"]) if "replicate_source_db" in b else None,
                "final_snapshot": b.get("skip_final_snapshot") is False, "tags": self.tags(b)}

    def cache_subnet_group(self, b):
        return {"name": b["name"], "description": unescape(b.get("description")),
                "subnets": self.refs(b["subnet_ids"]), "tags": self.tags(b)}

    def cache_replication_group(self, b):
        # The provider takes at_rest_encryption_enabled as the string "true"/"false".
        at_rest = b.get("at_rest_encryption_enabled")
        return {"group_id": b["replication_group_id"], "description": unescape(b["description"]),
                "engine": b.get("engine"), "engine_version": unescape(b.get("engine_version")),
                "node_type": unescape(b["node_type"]), "nodes": b.get("num_cache_clusters"),
                "multi_az": b.get("multi_az_enabled"), "automatic_failover": b.get("automatic_failover_enabled"),
                "subnet_group": self.ref(b["subnet_group_name"]),
                "security_groups": self.refs(b.get("security_group_ids")), "port": b.get("port"),
                "at_rest_encryption": {"true": True, "false": False}.get(at_rest, at_rest),
                "transit_encryption": b.get("transit_encryption_enabled"), "tags": self.tags(b)}

    def file_system(self, b):
        return {"encrypted": b.get("encrypted"), "performance_mode": b.get("performance_mode"),
                "throughput_mode": b.get("throughput_mode"),
                "transition_to_ia": [lp["transition_to_ia"] for lp in as_list(b.get("lifecycle_policy"))],
                "tags": self.tags(b)}

    def mount_target(self, b):
        return {"file_system": self.ref(b["file_system_id"]), "subnet": self.ref(b["subnet_id"]),
                "security_groups": self.refs(b.get("security_groups"))}


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def unescape(s):
    if not isinstance(s, str):
        return s
    return s.replace("$${", "${").replace("%%{", "%{")


def compare(cfn, tf):
    """Lines describing every difference; empty when the stacks match."""
    lines = []
    for key in sorted(set(cfn) | set(tf)):
        kind, ident = key
        if key not in tf:
            lines.append("only in CloudFormation: %s %s %s" % (kind, ident, json.dumps(cfn[key], sort_keys=True)))
        elif key not in cfn:
            lines.append("only in Terraform:      %s %s %s" % (kind, ident, json.dumps(tf[key], sort_keys=True)))
        else:
            for prop in sorted(set(cfn[key]) | set(tf[key])):
                a, b = cfn[key].get(prop), tf[key].get(prop)
                if a != b:
                    lines.append("%s %s: %s differs\n    CloudFormation: %s\n    Terraform:      %s"
                                 % (kind, ident, prop, json.dumps(a, sort_keys=True), json.dumps(b, sort_keys=True)))
    return lines


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        with open(sys.argv[1]) as f:
            template = yaml.safe_load(f)
        with open(sys.argv[2]) as f:
            config = json.load(f)
    except (OSError, ValueError, yaml.YAMLError) as e:
        print("equivalence.py: %s" % e, file=sys.stderr)
        return 2
    cfn = CloudFormation(template)
    ids = list(cfn.resources) + list(cfn.parameters) + list(template.get("Outputs", {}))
    differences = compare(cfn.entities(), Terraform(config, ids).entities())
    for line in differences:
        print(line)
    if differences:
        print("%d difference(s) between %s and %s" % (len(differences), sys.argv[1], sys.argv[2]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
