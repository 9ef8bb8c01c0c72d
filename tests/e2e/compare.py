"""The comparison at the heart of the e2e tests: what `archc plan --format
json` promises against what a deployed stack really holds.

Both sides are brought to one inventory shape, keyed by Name tags:

    {section: {name_tag: {field: value}}}

`expected(plan)` reads the plan; `observed(...)` asks the simulator through
boto3 about a `Deployed` stack (made by CloudFormation or by Terraform) and
resolves every AWS id back to a Name tag; `differences(a, b)` lists what
differs, one line each; `deploy_and_compare(...)` does it all for a
CloudFormation template (terraform_apply.py for a Terraform configuration).
"""
import ast
import json

import cfn_yaml
import harness


def _sorted(items):
    return sorted(items, key=str)


def _rule(protocol, from_port, to_port, direction, peer):
    """A security group rule as both sides write it: `tcp 80-80 from group X`;
    every protocol is -1, and has no ports, in the EC2 API."""
    return f"{protocol} {from_port}-{to_port} {direction} {peer}"


def _planned_rules(rules, direction, key):
    return _sorted(_rule("-1" if r["protocol"] == "all" else r["protocol"], r["from_port"], r["to_port"], direction,
                         f"group {r[key + '_group']}" if r[key + "_group"] else f"cidr {r[key + '_cidr']}")
                   for r in rules)


# The one egress rule archc gives a CloudFormation group whose egress the
# chains restrict, so that AWS drops its allow-all rule (docs/language.md).
_NO_EGRESS_PLACEHOLDER = "-1 None-None to cidr 127.0.0.1/32"
_ALL_EGRESS = ["-1 None-None to cidr 0.0.0.0/0"]


def _listener_action(action):
    if action["type"] == "redirect":
        return f"redirect {action['protocol']}:{action['port']} {action['status_code']}"
    return f"forward {action['target_group']}"


class _GivenByAws:
    """A value the plan leaves to AWS (a bucket's name): whatever is deployed."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __repr__(self):
        return "<given by AWS>"


GIVEN_BY_AWS = _GivenByAws()


def empty_inventory():
    return {section: {} for section in ("vpcs", "subnets", "internet_gateways", "nat_gateways", "route_tables",
                                        "peerings", "gateway_endpoints", "interface_endpoints",
                                        "security_groups", "load_balancers", "target_groups",
                                        "auto_scaling_groups", "db_instances", "caches", "network_acls",
                                        "instances", "elastic_ips", "file_systems", "buckets", "secrets", "roles")}


# The ARN of an AWS managed policy (emit/resources/iam_role.cpp).
def _managed_policy_arn(name):
    return "arn:aws:iam::aws:policy/" + name


def _master_secret(db_name_tag):
    """How both sides name the master user secret RDS made for a DB instance."""
    return f"master user secret of {db_name_tag}"


def _acl_entry(egress, number, action, protocol, from_port, to_port, cidr):
    """A network ACL entry as both sides write it: `in 100 allow 6 3306-3306
    10.0.1.0/24`; the protocol is its number, and only TCP and UDP have ports."""
    return f"{'out' if egress else 'in'} {number} {action} {protocol} {from_port}-{to_port} {cidr}"


_PROTOCOL_NUMBERS = {"tcp": "6", "udp": "17", "icmp": "1", "all": "-1"}


def planned_acl_entries(acl):
    """The entries of a plan's network ACL, as _acl_entry writes them."""
    return _sorted(_acl_entry(egress, e["rule_number"], e["action"], _PROTOCOL_NUMBERS[e["protocol"]],
                              e["from_port"] if e["protocol"] in ("tcp", "udp") else None,
                              e["to_port"] if e["protocol"] in ("tcp", "udp") else None, e["cidr"])
                   for egress, key in ((False, "inbound"), (True, "outbound")) for e in acl[key])


def expected(plan):
    """The inventory the plan promises."""
    inv = empty_inventory()
    for vpc in plan["vpcs"]:
        inv["vpcs"][vpc["name_tag"]] = {"cidr": vpc["cidr"]}
        if vpc["internet_gateway"]:
            inv["internet_gateways"][vpc["internet_gateway"]] = {"vpc": vpc["name_tag"]}
        for nat in vpc["nat_gateways"]:
            inv["nat_gateways"][nat["name_tag"]] = {"subnet": nat["subnet"]}
        for rt in vpc["route_tables"]:
            route = rt["default_route"]
            inv["route_tables"][rt["name_tag"]] = {"vpc": vpc["name_tag"],
                                                   "default_route": route["gateway"] if route else None,
                                                   "peering_routes": _sorted(f"{r['destination_cidr']} via {r['peering']}"
                                                                             for r in rt["peering_routes"]),
                                                   "subnets": _sorted(rt["subnets"])}
        for tier in vpc["tiers"]:
            for s in tier["subnets"]:
                inv["subnets"][s["name_tag"]] = {"vpc": vpc["name_tag"], "cidr": s["cidr"], "zone": s["zone"]}
    vpc_tags = {vpc["name"]: vpc["name_tag"] for vpc in plan["vpcs"]}
    for p in plan["peerings"]:
        inv["peerings"][p["name_tag"]] = {"vpc": vpc_tags[p["vpc"]],
                                          "peer_vpc": vpc_tags[p["peer_vpc"]] if p["peer_vpc"] else p["peer_vpc_id"],
                                          "peer_cidr": p["peer_cidr"], "peer_region": p["peer_region"]}
    # A gateway endpoint has no Name tag: it is known by its VPC and service.
    for e in plan["gateway_endpoints"]:
        inv["gateway_endpoints"][f"{vpc_tags[e['vpc']]} {e['service_name']}"] = {"type": "Gateway",
                                                                                "route_tables": _sorted(e["route_tables"])}
    for e in plan["interface_endpoints"]:
        inv["interface_endpoints"][e["name_tag"]] = {
            "vpc": vpc_tags[e["vpc"]], "type": e["type"], "service_name": e["service_name"],
            "subnets": _sorted(e["subnets"]), "security_groups": [e["security_group"]],
            "private_dns": e["private_dns"]}
    for g in plan["security_groups"]:
        inv["security_groups"][g["name_tag"]] = {
            "ingress": _planned_rules(g["ingress"], "from", "source"),
            "egress": _ALL_EGRESS if g["egress"] is None else _planned_rules(g["egress"], "to", "destination")}
    for acl in plan["network_acls"]:
        inv["network_acls"][acl["name_tag"]] = {"vpc": acl["vpc"], "subnets": _sorted(acl["subnets"]),
                                                "entries": planned_acl_entries(acl)}
    for lb in plan["load_balancers"]:
        inv["load_balancers"][lb["name_tag"]] = {
            "scheme": lb["scheme"], "subnets": _sorted(lb["subnets"]), "security_groups": [lb["security_group"]],
            "listeners": {str(l["port"]): {"protocol": l["protocol"], "action": _listener_action(l["action"]),
                                           "certificates": [l["certificate"]] if l["certificate"] else []}
                          for l in lb["listeners"]}}
        for tg in lb["target_groups"]:
            inv["target_groups"][tg["name_tag"]] = {"protocol": tg["protocol"], "port": tg["port"],
                                                    "health_check_path": tg["health_check_path"],
                                                    "success_codes": tg["success_codes"],
                                                    "health_check_interval": tg["health_check_interval"],
                                                    "health_check_timeout": tg["health_check_timeout"],
                                                    "healthy_threshold": tg["healthy_threshold"],
                                                    "unhealthy_threshold": tg["unhealthy_threshold"],
                                                    "load_balancers": [lb["name_tag"]]}
    for a in plan["auto_scaling_groups"]:
        inv["auto_scaling_groups"][a["name_tag"]] = {
            "min": a["min"], "max": a["max"], "desired": a["desired"], "subnets": _sorted(a["subnets"]),
            "target_groups": _sorted(a["target_groups"]), "health_check_type": a["health_check_type"],
            "health_check_grace": a["health_check_grace"]}
    for db in plan["databases"]:
        inv["db_instances"][db["name_tag"]] = {
            "engine": db["engine"], "class": db["class"], "storage_gib": db["storage_gib"],
            "multi_az": db["multi_az"], "encrypted": db["encrypted"],
            "publicly_accessible": db["publicly_accessible"], "database": db["database"],
            "backup_retention_days": db["backup_retention_days"],
            "subnet_group": _sorted(db["subnet_group"]["subnets"]), "replica_of": None}
        for r in db["replicas"]:
            # A replica inherits storage, Multi-AZ off, encryption and subnet
            # group from its primary; only its class and its link are its own.
            inv["db_instances"][r["name_tag"]] = {"class": r["class"], "replica_of": db["name_tag"]}
    for c in plan["caches"]:
        inv["caches"][c["name_tag"]] = {
            "engine": c["engine"], "engine_version": c["engine_version"], "node_type": c["node_type"],
            "nodes": c["nodes"], "multi_az": c["multi_az"], "automatic_failover": c["automatic_failover"],
            "port": c["port"], "at_rest_encryption": c["encrypted_at_rest"],
            "transit_encryption": c["encrypted_in_transit"], "subnet_group": _sorted(c["subnet_group"]["subnets"]),
            "security_groups": [c["security_group"]]}
    for i in plan["instances"]:
        inv["instances"][i["name_tag"]] = {
            "instance_type": i["instance_type"], "subnet": i["subnet"], "key_name": i["key_name"],
            "security_groups": [i["security_group"]], "source_dest_check": i["source_dest_check"]}
        if i["elastic_ip"]:
            inv["elastic_ips"][i["elastic_ip"]["name_tag"]] = {"instance": i["name_tag"]}
    for b in plan["buckets"]:
        inv["buckets"][b["name_tag"]] = {
            "bucket_name": b["bucket_name"] or GIVEN_BY_AWS, "encryption": b["encryption"],
            "versioning": b["versioning"],
            "website": b["website"], "public_read": b["public_read"],
            "public_access_block": {"BlockPublicAcls": True, "IgnorePublicAcls": True,
                                    "BlockPublicPolicy": not b["public_read"],
                                    "RestrictPublicBuckets": not b["public_read"]}}
    # A secret is known by its Name tag; the one RDS made, by its database's.
    databases = {"rds." + d["name"]: d["name_tag"] for d in plan["databases"]}
    secrets = {"secret." + s["name"]: s["name_tag"] or _master_secret(databases[s["rds"]])
               for s in plan["secrets"]}
    # Every primary has the master user secret RDS makes for it
    # (ManageMasterUserPassword), named in the file or not.
    for secret in list(secrets.values()) + [_master_secret(tag) for tag in databases.values()]:
        inv["secrets"][secret] = {}
    for r in plan["roles"]:
        inv["roles"][r["name_tag"]] = {
            "managed_policies": _sorted(_managed_policy_arn(p) for p in r["managed_policies"]),
            "read_secrets": _sorted(secrets[s] for s in r["read_secrets"]), "instance_profiles": 1}
    for f in plan["file_systems"]:
        inv["file_systems"][f["name_tag"]] = {
            "encrypted": f["encrypted"], "throughput_mode": f["throughput_mode"],
            "transition_to_ia": f["transition_to_ia"],
            "mount_targets": {t["subnet"]: {"zone": t["zone"], "security_groups": [f["security_group"]]}
                              for t in f["mount_targets"]}}
    return inv


def _name(tags):
    return {t["Key"]: t["Value"] for t in tags or []}.get("Name")


class Deployed:
    """A deployed stack, whichever tool deployed it: its resources by type,
    and the Name tags of AWS ids.

    `resources` holds (CloudFormation type, AWS id, source id) per deployed
    resource, the source id being the resource's name in what was deployed
    (a logical id, a Terraform address); `declared_names` maps a source id to
    the Name tag declared for it; `associations` holds the (route table,
    subnet) source ids of the declared route table associations.

    A Name comes from the tags AWS reports. moto drops the tags CloudFormation
    gives some kinds (internet and NAT gateways, route tables, load
    balancers, target groups); those are named by the Name tag declared for
    the resource they were made from.
    """

    def __init__(self, resources, declared_names, associations):
        self.resources = resources
        self.declared_names = declared_names
        self.declared_associations = associations
        # moto gives some resources another's id (an association is known by
        # its route table's), so an id is looked up within its type.
        self.source = {(resource_type, aws_id): source for resource_type, aws_id, source in resources}
        self.names = {}
        self.named_from_source = set()

    @classmethod
    def from_cloudformation(cls, stack_resources, template):
        """`stack_resources` as DescribeStackResources gives them, `template`
        the parsed template they were created from."""
        declared = template["Resources"]
        associations = [(r["Properties"]["RouteTableId"]["Ref"], r["Properties"]["SubnetId"]["Ref"])
                        for r in declared.values() if r["Type"] == "AWS::EC2::SubnetRouteTableAssociation"]
        return cls([(r["ResourceType"], r["PhysicalResourceId"], r["LogicalResourceId"]) for r in stack_resources
                    if r.get("PhysicalResourceId")],
                   {logical: _name(r.get("Properties", {}).get("Tags")) for logical, r in declared.items()},
                   associations)

    def ids(self, resource_type):
        return [aws_id for t, aws_id, _ in self.resources if t == resource_type]

    def physical(self, source):
        return next(aws_id for _, aws_id, s in self.resources if s == source)

    def associations(self):
        """(route table id, subnet id) of every declared association."""
        for route_table, subnet in self.declared_associations:
            yield self.physical(route_table), self.physical(subnet)

    def learn(self, resource_type, aws_id, tags):
        name = _name(tags)
        if name is None and (resource_type, aws_id) in self.source:
            name = self.declared_names.get(self.source[resource_type, aws_id])
            self.named_from_source.add(resource_type)
        self.names[aws_id] = name

    def name(self, aws_id):
        return self.names.get(aws_id, f"<unknown {aws_id}>")


def observed(client, stack, certificates_back):
    """The inventory of the Deployed `stack`, and the resource types that had
    to be named from their declarations. `certificates_back` maps the
    simulator's certificate ARNs, and the ids of the VPCs it made for peers
    outside the stack (harness.use_moto_peers), to the plan's."""
    ec2, elb, asg, rds = client("ec2"), client("elbv2"), client("autoscaling"), client("rds")
    name = stack.name

    def described(resource_type, describe, ids_param, result_key, id_key):
        """The stack's resources of a type as AWS describes them, each named."""
        ids = stack.ids(resource_type)
        items = describe(**{ids_param: ids})[result_key] if ids else []
        for item in items:
            stack.learn(resource_type, item[id_key], item.get("Tags"))
        return items

    inv = empty_inventory()

    for v in described("AWS::EC2::VPC", ec2.describe_vpcs, "VpcIds", "Vpcs", "VpcId"):
        inv["vpcs"][name(v["VpcId"])] = {"cidr": v["CidrBlock"]}
    for s in described("AWS::EC2::Subnet", ec2.describe_subnets, "SubnetIds", "Subnets", "SubnetId"):
        inv["subnets"][name(s["SubnetId"])] = {"vpc": name(s["VpcId"]), "cidr": s["CidrBlock"],
                                               "zone": s["AvailabilityZone"]}
    for g in described("AWS::EC2::InternetGateway", ec2.describe_internet_gateways, "InternetGatewayIds",
                       "InternetGateways", "InternetGatewayId"):
        for a in g.get("Attachments", []):
            inv["internet_gateways"][name(g["InternetGatewayId"])] = {"vpc": name(a["VpcId"])}
    for n in described("AWS::EC2::NatGateway", ec2.describe_nat_gateways, "NatGatewayIds", "NatGateways",
                       "NatGatewayId"):
        inv["nat_gateways"][name(n["NatGatewayId"])] = {"subnet": name(n["SubnetId"])}

    for p in described("AWS::EC2::VPCPeeringConnection", ec2.describe_vpc_peering_connections,
                       "VpcPeeringConnectionIds", "VpcPeeringConnections", "VpcPeeringConnectionId"):
        accepter = p["AccepterVpcInfo"]
        inv["peerings"][name(p["VpcPeeringConnectionId"])] = {
            "vpc": name(p["RequesterVpcInfo"]["VpcId"]),
            "peer_vpc": certificates_back.get(accepter["VpcId"]) or name(accepter["VpcId"]),
            "peer_cidr": accepter.get("CidrBlock"), "peer_region": accepter.get("Region")}
    for rt in described("AWS::EC2::RouteTable", ec2.describe_route_tables, "RouteTableIds", "RouteTables",
                        "RouteTableId"):
        defaults = [name(r.get("GatewayId") or r.get("NatGatewayId")) for r in rt.get("Routes", [])
                    if r.get("DestinationCidrBlock") == "0.0.0.0/0"]
        inv["route_tables"][name(rt["RouteTableId"])] = {
            "vpc": name(rt["VpcId"]),
            "default_route": defaults[0] if len(defaults) == 1 else defaults or None,
            "peering_routes": _sorted(f"{r['DestinationCidrBlock']} via {name(r['VpcPeeringConnectionId'])}"
                                      for r in rt.get("Routes", []) if r.get("VpcPeeringConnectionId")),
            "subnets": _sorted(name(a["SubnetId"]) for a in rt.get("Associations", []) if a.get("SubnetId"))}
    # A gateway endpoint has no Name tag: it is known by its VPC and service.
    # Interface endpoints are read once their security groups are named.
    endpoints = described("AWS::EC2::VPCEndpoint", ec2.describe_vpc_endpoints, "VpcEndpointIds", "VpcEndpoints",
                          "VpcEndpointId")
    for e in endpoints:
        if e.get("VpcEndpointType") != "Interface":
            inv["gateway_endpoints"][f"{name(e['VpcId'])} {e['ServiceName']}"] = {
                "type": e.get("VpcEndpointType"), "route_tables": _sorted(name(t) for t in e.get("RouteTableIds", []))}
    if not any(t["subnets"] for t in inv["route_tables"].values()):
        # moto keeps the associations CloudFormation makes out of sight of
        # DescribeRouteTables: they are read from the declarations, with the
        # ids the stack gave the route tables and subnets they name.
        for route_table, subnet in stack.associations():
            inv["route_tables"][name(route_table)]["subnets"].append(name(subnet))
        for t in inv["route_tables"].values():
            t["subnets"].sort()

    for g in described("AWS::EC2::SecurityGroup", ec2.describe_security_groups, "GroupIds", "SecurityGroups",
                       "GroupId"):
        def rules(permissions, direction):
            out = []
            for p in permissions:
                peers = ([f"group {name(pair['GroupId'])}" for pair in p.get("UserIdGroupPairs", [])]
                         + [f"cidr {r['CidrIp']}" for r in p.get("IpRanges", [])])
                out += [_rule(p["IpProtocol"], p.get("FromPort"), p.get("ToPort"), direction, peer) for peer in peers]
            return _sorted(r for r in out if r != _NO_EGRESS_PLACEHOLDER)
        inv["security_groups"][name(g["GroupId"])] = {"ingress": rules(g.get("IpPermissions", []), "from"),
                                                      "egress": rules(g.get("IpPermissionsEgress", []), "to")}
    for e in endpoints:
        if e.get("VpcEndpointType") == "Interface":
            inv["interface_endpoints"][name(e["VpcEndpointId"])] = {
                "vpc": name(e["VpcId"]), "type": e["VpcEndpointType"], "service_name": e["ServiceName"],
                "subnets": _sorted(name(s) for s in e.get("SubnetIds", [])),
                "security_groups": _sorted(name(g["GroupId"]) for g in e.get("Groups", [])),
                "private_dns": e.get("PrivateDnsEnabled")}

    # Network ACLs, without AWS's own `*` entries (rule 32767, deny all).
    for acl in described("AWS::EC2::NetworkAcl", ec2.describe_network_acls, "NetworkAclIds", "NetworkAcls",
                         "NetworkAclId"):
        inv["network_acls"][name(acl["NetworkAclId"])] = {
            "vpc": name(acl["VpcId"]),
            "subnets": _sorted(name(a["SubnetId"]) for a in acl.get("Associations", [])),
            "entries": _sorted(_acl_entry(e["Egress"], e["RuleNumber"], e["RuleAction"], e["Protocol"],
                                          e.get("PortRange", {}).get("From"), e.get("PortRange", {}).get("To"),
                                          e["CidrBlock"])
                               for e in acl.get("Entries", []) if e["RuleNumber"] != 32767)}

    # ELBv2 reports tags apart from the resources.
    lb_arns = stack.ids("AWS::ElasticLoadBalancingV2::LoadBalancer")
    tg_arns = stack.ids("AWS::ElasticLoadBalancingV2::TargetGroup")
    for resource_type, arns in (("AWS::ElasticLoadBalancingV2::LoadBalancer", lb_arns),
                                ("AWS::ElasticLoadBalancingV2::TargetGroup", tg_arns)):
        for start in range(0, len(arns), 20):  # DescribeTags takes 20 at most
            for d in elb.describe_tags(ResourceArns=arns[start:start + 20])["TagDescriptions"]:
                stack.learn(resource_type, d["ResourceArn"], d.get("Tags"))
    for lb in elb.describe_load_balancers(LoadBalancerArns=lb_arns)["LoadBalancers"] if lb_arns else []:
        listeners = {}
        for l in elb.describe_listeners(LoadBalancerArn=lb["LoadBalancerArn"])["Listeners"]:
            actions = []
            for a in l.get("DefaultActions", []):
                if a["Type"] == "redirect":
                    c = a["RedirectConfig"]
                    actions.append(f"redirect {c['Protocol']}:{c['Port']} {c['StatusCode']}")
                else:
                    actions.append(f"{a['Type']} {name(a.get('TargetGroupArn'))}")
            listeners[str(l["Port"])] = {
                "protocol": l["Protocol"], "action": actions[0] if len(actions) == 1 else actions,
                "certificates": [certificates_back.get(c["CertificateArn"], c["CertificateArn"])
                                 for c in l.get("Certificates", [])]}
        inv["load_balancers"][name(lb["LoadBalancerArn"])] = {
            "scheme": lb["Scheme"], "subnets": _sorted(name(z["SubnetId"]) for z in lb["AvailabilityZones"]),
            "security_groups": _sorted(name(g) for g in lb.get("SecurityGroups", [])),
            "listeners": listeners}
    for t in elb.describe_target_groups(TargetGroupArns=tg_arns)["TargetGroups"] if tg_arns else []:
        inv["target_groups"][name(t["TargetGroupArn"])] = {
            "protocol": t["Protocol"], "port": t["Port"], "health_check_path": t.get("HealthCheckPath"),
            "success_codes": t.get("Matcher", {}).get("HttpCode"),
            "health_check_interval": t.get("HealthCheckIntervalSeconds"),
            "health_check_timeout": t.get("HealthCheckTimeoutSeconds"),
            "healthy_threshold": t.get("HealthyThresholdCount"),
            "unhealthy_threshold": t.get("UnhealthyThresholdCount"),
            # A set: moto repeats the load balancer once per listener forwarding here.
            "load_balancers": _sorted({name(a) for a in t.get("LoadBalancerArns", [])})}

    for g in described("AWS::AutoScaling::AutoScalingGroup", asg.describe_auto_scaling_groups,
                       "AutoScalingGroupNames", "AutoScalingGroups", "AutoScalingGroupName"):
        elb_checks = g["HealthCheckType"] == "ELB"
        inv["auto_scaling_groups"][name(g["AutoScalingGroupName"])] = {
            "min": g["MinSize"], "max": g["MaxSize"], "desired": g["DesiredCapacity"],
            "subnets": _sorted(name(s) for s in g.get("VPCZoneIdentifier", "").split(",") if s),
            "target_groups": _sorted(name(a) for a in g.get("TargetGroupARNs", [])),
            "health_check_type": g["HealthCheckType"],
            "health_check_grace": g.get("HealthCheckGracePeriod") if elb_checks else None}

    # DescribeDBInstances takes one identifier at a time, and calls tags TagList.
    dbs = [rds.describe_db_instances(DBInstanceIdentifier=i)["DBInstances"][0]
           for i in stack.ids("AWS::RDS::DBInstance")]
    for d in dbs:
        stack.learn("AWS::RDS::DBInstance", d["DBInstanceIdentifier"], d.get("TagList"))
    for d in dbs:
        source = d.get("ReadReplicaSourceDBInstanceIdentifier")
        if source:
            entry = {"class": d["DBInstanceClass"], "replica_of": name(source.split(":")[-1])}
        else:
            entry = {"engine": d["Engine"], "class": d["DBInstanceClass"], "storage_gib": d["AllocatedStorage"],
                     "multi_az": d["MultiAZ"], "encrypted": d["StorageEncrypted"],
                     "publicly_accessible": d["PubliclyAccessible"], "database": d.get("DBName"),
                     "backup_retention_days": d["BackupRetentionPeriod"],
                     "subnet_group": _sorted(name(s["SubnetIdentifier"]) for s in d["DBSubnetGroup"]["Subnets"]),
                     "replica_of": None}
        inv["db_instances"][name(d["DBInstanceIdentifier"])] = entry

    # ElastiCache (Redis) replication groups. A group's subnet group, security
    # groups and engine version are told by its member clusters, as on AWS.
    cache = client("elasticache")
    for group_id in stack.ids("AWS::ElastiCache::ReplicationGroup"):
        g = cache.describe_replication_groups(ReplicationGroupId=group_id)["ReplicationGroups"][0]
        stack.learn("AWS::ElastiCache::ReplicationGroup", group_id,
                    cache.list_tags_for_resource(ResourceName=g["ARN"])["TagList"])
        member = cache.describe_cache_clusters(CacheClusterId=g["MemberClusters"][0])["CacheClusters"][0]
        subnet_group = cache.describe_cache_subnet_groups(
            CacheSubnetGroupName=member["CacheSubnetGroupName"])["CacheSubnetGroups"][0]
        inv["caches"][name(group_id)] = {
            "engine": g["Engine"], "engine_version": member.get("EngineVersion"), "node_type": g["CacheNodeType"],
            "nodes": len(g["MemberClusters"]), "multi_az": g["MultiAZ"] == "enabled",
            "automatic_failover": g["AutomaticFailover"] == "enabled",
            "port": g["NodeGroups"][0]["PrimaryEndpoint"]["Port"],
            "at_rest_encryption": g["AtRestEncryptionEnabled"], "transit_encryption": g["TransitEncryptionEnabled"],
            "subnet_group": _sorted(name(s["SubnetIdentifier"]) for s in subnet_group["Subnets"]),
            "security_groups": _sorted(name(s["SecurityGroupId"]) for s in member.get("SecurityGroups", []))}

    instance_ids = stack.ids("AWS::EC2::Instance")
    reservations = ec2.describe_instances(InstanceIds=instance_ids)["Reservations"] if instance_ids else []
    for i in (i for r in reservations for i in r["Instances"]):
        stack.learn("AWS::EC2::Instance", i["InstanceId"], i.get("Tags"))
        inv["instances"][name(i["InstanceId"])] = {
            "instance_type": i["InstanceType"], "subnet": name(i["SubnetId"]), "key_name": i.get("KeyName"),
            "security_groups": _sorted(name(g["GroupId"]) for g in i.get("SecurityGroups", [])),
            "source_dest_check": i["SourceDestCheck"]}
    # Elastic IPs are known by their address; a NAT gateway's is no
    # instance's and is not in the plan's list.
    for a in described("AWS::EC2::EIP", ec2.describe_addresses, "PublicIps", "Addresses", "PublicIp"):
        if a.get("InstanceId"):
            inv["elastic_ips"][name(a["PublicIp"])] = {"instance": name(a["InstanceId"])}

    # EFS file systems, each with its lifecycle policy and its mount targets
    # (which take no tags: they are known by their subnets) and their groups.
    efs = client("efs")
    for fs_id in stack.ids("AWS::EFS::FileSystem"):
        f = efs.describe_file_systems(FileSystemId=fs_id)["FileSystems"][0]
        stack.learn("AWS::EFS::FileSystem", fs_id, f.get("Tags"))
        policies = efs.describe_lifecycle_configuration(FileSystemId=fs_id)["LifecyclePolicies"]
        transitions = [p["TransitionToIA"] for p in policies if "TransitionToIA" in p]
        inv["file_systems"][name(fs_id)] = {
            "encrypted": f["Encrypted"], "throughput_mode": f["ThroughputMode"],
            "transition_to_ia": transitions[0] if len(transitions) == 1 else transitions or None,
            "mount_targets": {
                name(t["SubnetId"]): {
                    "zone": t["AvailabilityZoneName"],
                    "security_groups": _sorted(name(g) for g in efs.describe_mount_target_security_groups(
                        MountTargetId=t["MountTargetId"])["SecurityGroups"])}
                for t in efs.describe_mount_targets(FileSystemId=fs_id)["MountTargets"]}}

    # S3 buckets, each setting from its own call, as AWS keeps them.
    s3 = client("s3")
    for bucket in stack.ids("AWS::S3::Bucket"):
        stack.learn("AWS::S3::Bucket", bucket, _s3_or(lambda: s3.get_bucket_tagging(Bucket=bucket)["TagSet"], []))
        encryption = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"]
        website = _s3_or(lambda: s3.get_bucket_website(Bucket=bucket), None)
        policy = _s3_or(lambda: json.loads(s3.get_bucket_policy(Bucket=bucket)["Policy"]), {"Statement": []})
        block = _s3_or(lambda: s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"], None)
        inv["buckets"][name(bucket)] = {
            "bucket_name": bucket,
            "encryption": encryption[0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"],
            "versioning": s3.get_bucket_versioning(Bucket=bucket).get("Status") == "Enabled",
            "website": {"index_document": website["IndexDocument"]["Suffix"],
                        "error_document": website.get("ErrorDocument", {}).get("Key")} if website else None,
            "public_read": any(s["Effect"] == "Allow" and s["Principal"] in ("*", {"AWS": "*"})
                               and s["Action"] == "s3:GetObject" for s in policy["Statement"]),
            "public_access_block": block}

    # Secrets: the generated ones by their Name tags, the ones RDS made by
    # their databases'; then roles, their grants resolved to those names.
    secretsmanager = client("secretsmanager")
    secret_by_arn = {}
    for arn in stack.ids("AWS::SecretsManager::Secret"):
        stack.learn("AWS::SecretsManager::Secret", arn, secretsmanager.describe_secret(SecretId=arn).get("Tags"))
        secret_by_arn[arn] = name(arn)
    for db_id in stack.ids("AWS::RDS::DBInstance"):
        d = rds.describe_db_instances(DBInstanceIdentifier=db_id)["DBInstances"][0]
        # moto gives a read replica its primary's secret too; on AWS only a
        # primary has one.
        if "MasterUserSecret" in d and not d.get("ReadReplicaSourceDBInstanceIdentifier"):
            secret_by_arn[d["MasterUserSecret"]["SecretArn"]] = _master_secret(name(db_id))
    inv["secrets"] = {secret: {} for secret in secret_by_arn.values()}
    iam = client("iam")
    for role_name in stack.ids("AWS::IAM::Role"):
        stack.learn("AWS::IAM::Role", role_name, iam.list_role_tags(RoleName=role_name)["Tags"])
        documents = [_policy_document(iam.get_role_policy(RoleName=role_name, PolicyName=p)["PolicyDocument"])
                     for p in iam.list_role_policies(RoleName=role_name)["PolicyNames"]]
        arns = [arn for d in documents for s in d["Statement"]
                for arn in (s["Resource"] if isinstance(s["Resource"], list) else [s["Resource"]])]
        inv["roles"][name(role_name)] = {
            "managed_policies": _sorted(p["PolicyArn"] for p in
                                        iam.list_attached_role_policies(RoleName=role_name)["AttachedPolicies"]),
            "read_secrets": _sorted(secret_by_arn.get(arn, arn) for arn in arns),
            "instance_profiles": len(iam.list_instance_profiles_for_role(RoleName=role_name)["InstanceProfiles"])}
    return inv, sorted(stack.named_from_source)


def _s3_or(call, default):
    """What an S3 Get call answers, or `default` when the bucket has no such
    configuration (S3 answers with an error: NoSuchWebsiteConfiguration ...)."""
    from botocore.exceptions import ClientError
    try:
        return call()
    except ClientError as e:
        if e.response["Error"]["Code"].startswith("NoSuch"):
            return default
        raise


def _policy_document(document):
    """boto3 decodes the URL-encoded document AWS sends; moto's stays text:
    JSON, or, for a role its CloudFormation made, the repr of a Python dict."""
    if not isinstance(document, str):
        return document
    try:
        return json.loads(document)
    except ValueError:
        return ast.literal_eval(document)


def differences(want, got, path=""):
    """One line per difference between two inventories (plan first)."""
    if isinstance(want, dict) and isinstance(got, dict):
        out = []
        for key in want:
            if key not in got:
                out.append(f"{path}[{key}]: in the plan, not deployed")
            else:
                out += differences(want[key], got[key], f"{path}[{key}]" if path else key)
        out += [f"{path}[{key}]: deployed, not in the plan" for key in got if key not in want]
        return out
    if want != got:
        return [f"{path}: plan says {want!r}, deployed is {got!r}"]
    return []


# Types moto's CloudFormation cannot create: a template holding one fails
# with an internal error, so they are left out of the deploy. ElastiCache and
# network ACLs are deployed through Terraform instead (terraform_apply.py),
# and their templates checked against the plan (template_checks.py).
NOT_MODELLED = ("AWS::ElastiCache::SubnetGroup", "AWS::ElastiCache::ReplicationGroup", "AWS::EC2::NetworkAcl",
                "AWS::EC2::NetworkAclEntry", "AWS::EC2::SubnetNetworkAclAssociation", "AWS::SecretsManager::Secret")
# Attributes moto's CloudFormation cannot give (it makes no master user
# secret for a DB instance).
NOT_MODELLED_ATTRIBUTES = ("MasterUserSecret.SecretArn",)


def _unmodelled(value, left_out):
    """Whether `value` is a Ref or GetAtt that moto's CloudFormation cannot resolve."""
    if not isinstance(value, dict) or len(value) != 1:
        return False
    if "Ref" in value:
        return value["Ref"] in left_out
    get_att = value.get("Fn::GetAtt")
    return bool(get_att) and (get_att[0] in left_out or get_att[1] in NOT_MODELLED_ATTRIBUTES)


def _placeholders(value, left_out):
    """`value` with each reference moto cannot resolve (a role policy's
    secret) replaced by a made-up ARN."""
    if _unmodelled(value, left_out):
        target = value.get("Ref") or value["Fn::GetAtt"][0]
        return f"arn:aws:secretsmanager:us-east-1:123456789012:secret:{target}"
    if isinstance(value, dict):
        return {k: _placeholders(v, left_out) for k, v in value.items()}
    if isinstance(value, list):
        return [_placeholders(v, left_out) for v in value]
    return value


def without_unmodelled(template):
    """The template without resources of NOT_MODELLED types and the outputs
    that name them or NOT_MODELLED_ATTRIBUTES, every other reference to them
    a made-up ARN; and the logical ids left out."""
    left_out = {logical for logical, r in template["Resources"].items() if r["Type"] in NOT_MODELLED}
    outputs = template.get("Outputs", {})
    if not left_out and not any(_unmodelled(o["Value"], left_out) for o in outputs.values()):
        return template, left_out
    kept = dict(template)
    kept["Resources"] = _placeholders({k: r for k, r in template["Resources"].items() if k not in left_out}, left_out)
    kept["Outputs"] = {k: o for k, o in outputs.items() if not _unmodelled(o["Value"], left_out)}
    return kept, left_out


def deploy_and_compare(client, stack_name, template_text, plan):
    """Creates the stack from `template_text` in the moto server behind
    `client` and compares it with the plan: (differences, notes)."""
    text, certificates_back = harness.use_moto_certificates(client, template_text, plan)
    text, peers_back = harness.use_moto_peers(client, text, plan, in_peer_region=False)
    certificates_back.update(peers_back)
    template = cfn_yaml.load(text)
    deployable, left_out = without_unmodelled(template)
    if deployable is not template:
        text = json.dumps(deployable)
    resources = harness.create_stack(client, stack_name, text)
    got, named_from_template = observed(client, Deployed.from_cloudformation(resources, template), certificates_back)
    created = {r["LogicalResourceId"] for r in resources}
    notes = [f"moto did not create {logical} ({r['Type']})"
             for logical, r in template["Resources"].items() if logical not in created]
    if named_from_template:
        notes.append("moto drops the tags of " + ", ".join(named_from_template) + ": named from the template")
    want = expected(plan)
    # moto's CloudFormation keeps AWS's allow-all egress on every group: the
    # restricted ones are held to the plan in the template instead.
    for group in want["security_groups"].values():
        group["egress"] = _ALL_EGRESS
    # moto's CloudFormation peers with a VPC of the stack's own region,
    # whatever PeerRegion says: the region is held to the plan in the
    # template instead.
    for peering in want["peerings"].values():
        peering["peer_region"] = plan["stack"]["region"]
    # moto's CloudFormation gives an instance none of SecurityGroupIds and
    # SourceDestCheck (it reads SecurityGroups, by name): both are held to
    # the plan in the template instead (template_checks.py), and by the
    # Terraform deploy.
    for inventory in (want, got):
        for instance in inventory["instances"].values():
            instance.pop("security_groups", None)
            instance.pop("source_dest_check", None)
    if left_out:
        # Held to the plan in the template instead (template_checks.py).
        want["caches"] = {}
        want["network_acls"] = {}
    # moto's CloudFormation creates no secret, no master user secret, and
    # attaches no ManagedPolicyArns: secrets, grants and bucket settings are held to the plan
    # in the template instead (template_checks.py), and by the Terraform
    # deploy.
    # Nor does it set a bucket's versioning, website, public access block or
    # policy (it reads BucketEncryption and Tags only).
    for inventory in (want, got):
        inventory["secrets"] = {}
        for role in inventory["roles"].values():
            role.pop("read_secrets", None)
            role.pop("managed_policies", None)
        for bucket in inventory["buckets"].values():
            for setting in ("versioning", "website", "public_read", "public_access_block"):
                bucket.pop(setting, None)
    return differences(want, got), notes
