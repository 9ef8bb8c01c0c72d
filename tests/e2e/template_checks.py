"""What moto cannot show, checked in the template instead (docs/testing.md).

moto creates these resources but ignores the properties below, or does not
create the resource at all; the deployed stack cannot confirm them, so the
template CloudFormation would receive is read and held against the plan.
Resources are found by their Name tags, never by logical ids (those are
the lowering's choice).
"""


from compare import planned_acl_entries


def _name(resource):
    tags = resource.get("Properties", {}).get("Tags") or []
    return {t["Key"]: t["Value"] for t in tags}.get("Name")


def _group_ref(logical, value):
    """The security group a `Fn::GetAtt: [Group, GroupId]` names."""
    if not (isinstance(value, dict) and list(value) == ["Fn::GetAtt"] and value["Fn::GetAtt"][1] == "GroupId"):
        raise ValueError(f"{logical}: expected Fn::GetAtt [group, GroupId], found {value!r}")
    return value["Fn::GetAtt"][0]


def problems(template, plan):
    """One line per way the template departs from the plan in what moto ignores."""
    resources = template["Resources"]
    by_name = {_name(r): logical for logical, r in resources.items() if _name(r)}
    out = []

    def of_type(resource_type):
        return {logical: r["Properties"] for logical, r in resources.items() if r["Type"] == resource_type}

    def named(name, resource_type):
        logical = by_name.get(name)
        if logical is None or resources[logical]["Type"] != resource_type:
            out.append(f"no {resource_type} named {name}")
            return None, {}
        return logical, resources[logical]["Properties"]

    # moto ignores EnableDnsHostnames (and reports it false).
    for vpc in plan["vpcs"]:
        _, props = named(vpc["name_tag"], "AWS::EC2::VPC")
        for flag in ("EnableDnsSupport", "EnableDnsHostnames"):
            if props and props.get(flag) is not True:
                out.append(f"{vpc['name_tag']}: {flag} is {props.get(flag)!r}, §5 turns it on")

    # moto ignores MapPublicIpOnLaunch (and reports it false).
    for vpc in plan["vpcs"]:
        for tier in vpc["tiers"]:
            for subnet in tier["subnets"]:
                _, props = named(subnet["name_tag"], "AWS::EC2::Subnet")
                if props and props.get("MapPublicIpOnLaunch", False) != subnet["map_public_ip"]:
                    out.append(f"{subnet['name_tag']}: MapPublicIpOnLaunch is {props.get('MapPublicIpOnLaunch')!r}, "
                               f"plan says {subnet['map_public_ip']!r}")

    # moto gives a DB the default group whatever VPCSecurityGroups says, and
    # makes no secret for ManageMasterUserPassword.
    for db in plan["databases"]:
        group, _ = named(db["security_group"], "AWS::EC2::SecurityGroup")
        for instance in [db["name_tag"]] + [r["name_tag"] for r in db["replicas"]]:
            logical, props = named(instance, "AWS::RDS::DBInstance")
            if not props:
                continue
            groups = [_group_ref(logical, g) for g in props.get("VPCSecurityGroups", [])]
            if groups != [group]:
                out.append(f"{instance}: VPCSecurityGroups {groups}, plan says [{group}] ({db['security_group']})")
        _, props = named(db["name_tag"], "AWS::RDS::DBInstance")
        if props and (props.get("ManageMasterUserPassword") is not True or "MasterUserPassword" in props):
            out.append(f"{db['name_tag']}: the master password is not left to AWS (ManageMasterUserPassword "
                       f"{props.get('ManageMasterUserPassword')!r}, MasterUserPassword "
                       f"{'set' if 'MasterUserPassword' in props else 'unset'})")

    # moto's CloudFormation cannot create ElastiCache (compare.NOT_MODELLED).
    for cache in plan["caches"]:
        group, _ = named(cache["security_group"], "AWS::EC2::SecurityGroup")
        subnet_group, subnet_group_props = named(cache["subnet_group"]["name_tag"], "AWS::ElastiCache::SubnetGroup")
        logical, props = named(cache["name_tag"], "AWS::ElastiCache::ReplicationGroup")
        if not props or not subnet_group_props:
            continue
        subnets = [by_name.get(s) for s in cache["subnet_group"]["subnets"]]
        want = {"ReplicationGroupId": cache["replication_group_id"], "Engine": cache["engine"],
                "CacheNodeType": cache["node_type"], "NumCacheClusters": cache["nodes"],
                "MultiAZEnabled": cache["multi_az"], "AutomaticFailoverEnabled": cache["automatic_failover"],
                "Port": cache["port"], "AtRestEncryptionEnabled": cache["encrypted_at_rest"],
                "TransitEncryptionEnabled": cache["encrypted_in_transit"], "EngineVersion": cache["engine_version"],
                "CacheSubnetGroupName": {"Ref": subnet_group}, "SecurityGroupIds": [group],
                "subnet group name": cache["subnet_group"]["name"], "subnet group subnets": subnets}
        got = {key: props.get(key) for key in want}
        got["SecurityGroupIds"] = [_group_ref(logical, g) for g in props.get("SecurityGroupIds", [])]
        got["subnet group name"] = subnet_group_props.get("CacheSubnetGroupName")
        got["subnet group subnets"] = [s.get("Ref") for s in subnet_group_props.get("SubnetIds", [])]
        for key in want:
            if got[key] != want[key]:
                out.append(f"{cache['name_tag']}: {key} is {got[key]!r}, plan says {want[key]!r}")

    # moto's CloudFormation cannot create network ACLs (compare.NOT_MODELLED):
    # each ACL's VPC, entries and associated subnets, as the plan lists them.
    entries, associated = {}, {}
    for props in of_type("AWS::EC2::NetworkAclEntry").values():
        ported = "PortRange" in props
        entries.setdefault(props["NetworkAclId"].get("Ref"), []).append(
            f"{'out' if props['Egress'] else 'in'} {props['RuleNumber']} {props['RuleAction']} {props['Protocol']} "
            f"{props['PortRange']['From'] if ported else None}-{props['PortRange']['To'] if ported else None} "
            f"{props['CidrBlock']}")
    for props in of_type("AWS::EC2::SubnetNetworkAclAssociation").values():
        associated.setdefault(props["NetworkAclId"].get("Ref"), []).append(_name(resources[props["SubnetId"]["Ref"]]))
    for acl in plan["network_acls"]:
        logical, props = named(acl["name_tag"], "AWS::EC2::NetworkAcl")
        if not props:
            continue
        vpc = _name(resources[props["VpcId"]["Ref"]])
        if vpc != acl["vpc"]:
            out.append(f"{acl['name_tag']}: in VPC {vpc}, plan says {acl['vpc']}")
        if sorted(entries.get(logical, [])) != planned_acl_entries(acl):
            out.append(f"{acl['name_tag']}: entries {sorted(entries.get(logical, []))}, plan says {planned_acl_entries(acl)}")
        if sorted(associated.get(logical, [])) != sorted(acl["subnets"]):
            out.append(f"{acl['name_tag']}: subnets {sorted(associated.get(logical, []))}, plan says "
                       f"{sorted(acl['subnets'])}")

    # moto's CloudFormation ignores a group's SecurityGroupEgress and does not
    # create AWS::EC2::SecurityGroupEgress: every group keeps AWS's
    # allow-all rule there. A group whose egress the plan restricts must
    # list only the loopback placeholder, and have exactly its planned rules.
    group_ids = {g["name_tag"]: named(g["name_tag"], "AWS::EC2::SecurityGroup") for g in plan["security_groups"]}
    egress = {}
    for logical, props in of_type("AWS::EC2::SecurityGroupEgress").items():
        ports = (f"{props['FromPort']}-{props['ToPort']}" if "FromPort" in props else "None-None")
        peer = (f"cidr {props['CidrIp']}" if "CidrIp" in props
                else f"group {_name(resources[_group_ref(logical, props['DestinationSecurityGroupId'])])}")
        egress.setdefault(_group_ref(logical, props["GroupId"]), []).append(f"{props['IpProtocol']} {ports} to {peer}")
    for g in plan["security_groups"]:
        logical, props = group_ids[g["name_tag"]]
        if not props:
            continue
        own = props.get("SecurityGroupEgress")
        if g["egress"] is None:
            want_own, want_rules = None, []
        else:
            want_own = [{"IpProtocol": "-1", "CidrIp": "127.0.0.1/32", "Description": "no egress but the rules archc adds"}]
            want_rules = sorted(f"{'-1' if r['protocol'] == 'all' else r['protocol']} {r['from_port']}-{r['to_port']} to "
                                + (f"group {r['destination_group']}" if r["destination_group"]
                                   else f"cidr {r['destination_cidr']}") for r in g["egress"])
        if own != want_own:
            out.append(f"{g['name_tag']}: SecurityGroupEgress is {own!r}, plan says {want_own!r}")
        if sorted(egress.get(logical, [])) != want_rules:
            out.append(f"{g['name_tag']}: egress rules {sorted(egress.get(logical, []))}, plan says {want_rules}")

    # moto's CloudFormation gives an instance neither its SecurityGroupIds
    # (it reads SecurityGroups, by name) nor its SourceDestCheck.
    for instance in plan["instances"]:
        group, _ = named(instance["security_group"], "AWS::EC2::SecurityGroup")
        logical, props = named(instance["name_tag"], "AWS::EC2::Instance")
        if not props:
            continue
        groups = [_group_ref(logical, g) for g in props.get("SecurityGroupIds", [])]
        if groups != [group]:
            out.append(f"{instance['name_tag']}: SecurityGroupIds {groups}, plan says [{group}]")
        if props.get("SourceDestCheck", True) != instance["source_dest_check"]:
            out.append(f"{instance['name_tag']}: SourceDestCheck is {props.get('SourceDestCheck')!r}, plan says "
                       f"{instance['source_dest_check']!r}")

    # moto does not create scaling policies at all.
    policies = of_type("AWS::AutoScaling::ScalingPolicy")
    for group in plan["auto_scaling_groups"]:
        logical, _ = named(group["name_tag"], "AWS::AutoScaling::AutoScalingGroup")
        mine = [p for p in policies.values() if p.get("AutoScalingGroupName") == {"Ref": logical}]
        scaling = group["scaling"]
        want = ([{"PolicyType": "TargetTrackingScaling", "metric": scaling["metric"], "target": scaling["target"]}]
                if scaling else [])
        got = [{"PolicyType": p.get("PolicyType"),
                "metric": p.get("TargetTrackingConfiguration", {}).get("PredefinedMetricSpecification", {})
                .get("PredefinedMetricType"),
                "target": p.get("TargetTrackingConfiguration", {}).get("TargetValue")} for p in mine]
        if got != want:
            out.append(f"{group['name_tag']}: scaling policies {got}, plan says {want}")
    # moto's CloudFormation looks a peering's accepter up in its one account
    # and the stack's region, whatever PeerOwnerId and PeerRegion say.
    for peering in plan["peerings"]:
        _, props = named(peering["name_tag"], "AWS::EC2::VPCPeeringConnection")
        if props and props.get("PeerOwnerId") != peering["peer_owner"]:
            out.append(f"{peering['name_tag']}: PeerOwnerId {props.get('PeerOwnerId')!r}, plan says "
                       f"{peering['peer_owner']!r}")
        region = props.get("PeerRegion", plan["stack"]["region"])
        if props and region != peering["peer_region"]:
            out.append(f"{peering['name_tag']}: PeerRegion {region!r}, plan says {peering['peer_region']!r}")

    # moto's CloudFormation sets a bucket's encryption and tags only, and
    # makes no bucket policy.
    policies = of_type("AWS::S3::BucketPolicy")
    for bucket in plan["buckets"]:
        logical, props = named(bucket["name_tag"], "AWS::S3::Bucket")
        if not props:
            continue
        website = props.get("WebsiteConfiguration")
        got = {"versioning": props.get("VersioningConfiguration", {}).get("Status") == "Enabled",
               "website": {"index_document": website["IndexDocument"], "error_document": website.get("ErrorDocument")}
               if website else None,
               "public_access_block": props.get("PublicAccessBlockConfiguration"),
               "public_read": [s["Sid"] for p in policies.values() if p["Bucket"] == {"Ref": logical}
                               for s in p["PolicyDocument"]["Statement"]] == ["PublicRead"]}
        want = {"versioning": bucket["versioning"], "website": bucket["website"],
                "public_access_block": {"BlockPublicAcls": True, "BlockPublicPolicy": not bucket["public_read"],
                                        "IgnorePublicAcls": True, "RestrictPublicBuckets": not bucket["public_read"]},
                "public_read": bucket["public_read"]}
        if got != want:
            out.append(f"{bucket['name_tag']}: {got}, plan says {want}")

    # moto's CloudFormation creates no secret and no master user secret, and
    # attaches no ManagedPolicyArns: each role's grants, by the secrets'
    # references, and each generated secret's shape.
    databases = {"rds." + d["name"]: d["name_tag"] for d in plan["databases"]}
    secret_refs = {}
    for secret in plan["secrets"]:
        if secret["rds"]:
            logical, _ = named(databases[secret["rds"]], "AWS::RDS::DBInstance")
            secret_refs["secret." + secret["name"]] = {"Fn::GetAtt": [logical, "MasterUserSecret.SecretArn"]}
            continue
        logical, props = named(secret["name_tag"], "AWS::SecretsManager::Secret")
        secret_refs["secret." + secret["name"]] = {"Ref": logical}
        generate = props.get("GenerateSecretString", {})
        want = {"PasswordLength": secret["length"], "ExcludePunctuation": not secret["punctuation"]}
        if props and {k: generate.get(k) for k in want} != want:
            out.append(f"{secret['name_tag']}: GenerateSecretString {generate}, plan says {want}")
        if props and "SecretString" in props:
            out.append(f"{secret['name_tag']}: holds a SecretString")
    for role in plan["roles"]:
        _, props = named(role["name_tag"], "AWS::IAM::Role")
        if not props:
            continue
        managed = sorted(props.get("ManagedPolicyArns", []))
        want_managed = sorted("arn:aws:iam::aws:policy/" + p for p in role["managed_policies"])
        if managed != want_managed:
            out.append(f"{role['name_tag']}: ManagedPolicyArns {managed}, plan says {want_managed}")
        statements = [s for p in props.get("Policies", []) for s in p["PolicyDocument"]["Statement"]]
        granted = sorted((str(r) for s in statements for r in s["Resource"]), key=str)
        want_granted = sorted((str(secret_refs[s]) for s in role["read_secrets"]), key=str)
        if granted != want_granted:
            out.append(f"{role['name_tag']}: may read {granted}, plan says {want_granted}")

    return out
