#!/usr/bin/env python3
"""e2e: deploys a Terraform configuration with `terraform apply` on a local
moto server and checks that what was created is what it should be.

usage: terraform_apply.py --archc BINARY SAMPLE.arch --workdir DIR
         the sample's `archc build --target terraform`, held to
         `archc plan --format json`, as deploy_sample.py does for its
         CloudFormation
       terraform_apply.py --config FIXTURE.tf.json --expect EXPECTED.json --workdir DIR
         a hand-written configuration, held to the inventory (compare.py's
         shape, empty sections left out) it must deploy; then the
         comparison itself is shown to fail on a wrong expectation

terraform runs offline (../terraform/offline_terraform.py); the server is
moto_for_terraform.py. Exit 0 when they agree, 1 on any difference, 77
(skip) without moto/boto3, terraform or a provider mirror (with CI=true,
1).
"""
import argparse
import copy
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "terraform"))

import compare  # noqa: E402
import harness  # noqa: E402
import offline_terraform  # noqa: E402

SERVER = (os.path.join(HERE, "moto_for_terraform.py"),)
INIT_S = 120
APPLY_S = 420  # the provider waits 80 s for each DB instance, one replica after its primary

# Every service the resource types archc writes talk to, and STS, which the
# provider asks who it is.
SERVICES = ("autoscaling", "ec2", "efs", "elasticache", "elbv2", "iam", "rds", "s3", "secretsmanager", "ssm", "sts")

# What compare.observed reads, by the CloudFormation type it knows it as,
# and the attribute of the Terraform state that holds the AWS id it asks for.
DEPLOYED_AS = {
    "aws_vpc": ("AWS::EC2::VPC", "id"),
    "aws_subnet": ("AWS::EC2::Subnet", "id"),
    "aws_internet_gateway": ("AWS::EC2::InternetGateway", "id"),
    "aws_nat_gateway": ("AWS::EC2::NatGateway", "id"),
    "aws_route_table": ("AWS::EC2::RouteTable", "id"),
    "aws_vpc_peering_connection": ("AWS::EC2::VPCPeeringConnection", "id"),
    "aws_vpc_endpoint": ("AWS::EC2::VPCEndpoint", "id"),
    "aws_security_group": ("AWS::EC2::SecurityGroup", "id"),
    "aws_lb": ("AWS::ElasticLoadBalancingV2::LoadBalancer", "arn"),
    "aws_lb_target_group": ("AWS::ElasticLoadBalancingV2::TargetGroup", "arn"),
    "aws_autoscaling_group": ("AWS::AutoScaling::AutoScalingGroup", "name"),
    "aws_db_instance": ("AWS::RDS::DBInstance", "identifier"),  # its id is the DbiResourceId
    "aws_elasticache_replication_group": ("AWS::ElastiCache::ReplicationGroup", "id"),
    "aws_network_acl": ("AWS::EC2::NetworkAcl", "id"),
    "aws_instance": ("AWS::EC2::Instance", "id"),
    "aws_eip": ("AWS::EC2::EIP", "public_ip"),  # as CloudFormation's physical id
    "aws_efs_file_system": ("AWS::EFS::FileSystem", "id"),
    "aws_secretsmanager_secret": ("AWS::SecretsManager::Secret", "arn"),
    "aws_iam_role": ("AWS::IAM::Role", "name"),
    "aws_s3_bucket": ("AWS::S3::Bucket", "id"),
}


def require_terraform():
    """terraform's path and the mirror; skips the test (loudly) without them,
    fails it when CI=true."""
    found = offline_terraform.terraform()
    if found:
        return found
    print(f"e2e: cannot apply: this test needs {offline_terraform.needs()}", file=sys.stderr)
    if os.environ.get("CI") == "true":
        print("e2e: FAILED: CI=true, where the e2e tests must run", file=sys.stderr)
        sys.exit(1)
    print("e2e: SKIPPED", file=sys.stderr)
    sys.exit(harness.SKIP)


def provider_override(url):
    """The provider block's additions (Terraform merges an override file's
    arguments into the block): every endpoint at `url`, moto's test keys,
    and none of the calls that would leave loopback."""
    return {"provider": {"aws": [{
        "access_key": "testing", "secret_key": "testing",
        "skip_credentials_validation": True, "skip_requesting_account_id": True, "skip_metadata_api_check": True,
        # moto answers at one address, not at <bucket>.s3...: path-style requests.
        "s3_use_path_style": True,
        "endpoints": [{service: url for service in SERVICES}]}]}}


def terraform(binary, env, root, timeout, *args):
    """Runs terraform in `root` (printing how long it took), or raises
    Failure with its output."""
    start = time.monotonic()
    try:
        p = subprocess.run([binary, *args, "-input=false", "-no-color"], cwd=root, env=env, capture_output=True,
                           text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise harness.Failure(f"terraform {args[0]} did not finish within {timeout} s")
    if p.returncode != 0:
        raise harness.Failure(f"terraform {args[0]} exited {p.returncode}:\n{p.stdout[-4000:]}{p.stderr}")
    print(f"terraform {args[0]}: {time.monotonic() - start:.0f} s")


def apply(tools, config, url, workdir):
    """`terraform apply` of `config` (a parsed configuration) against the
    moto server at `url`, in a fresh `workdir`, with `tools` (terraform's path
    and the mirror); the state's resources as {address: (type, attributes)}."""
    binary, mirror = tools
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    env = offline_terraform.prepare(workdir, mirror)
    # Requests to moto stay on loopback, whatever proxy the environment names.
    env["NO_PROXY"] = ",".join(filter(None, (env.get("NO_PROXY"), harness.HOST)))
    for name, content in (("main.tf.json", config), ("provider_override.tf.json", provider_override(url))):
        with open(os.path.join(workdir, name), "w") as f:
            json.dump(content, f, indent=2)
    terraform(binary, env, workdir, INIT_S, "init")
    terraform(binary, env, workdir, APPLY_S, "apply", "-auto-approve")
    # The state file itself (format 4): `terraform show -json` would start
    # the provider once more only to print the same.
    with open(os.path.join(workdir, "terraform.tfstate")) as f:
        state = json.load(f)
    return {f"{r['type']}.{r['name']}": (r["type"], r["instances"][0]["attributes"]) for r in state["resources"]
            if r["mode"] == "managed"}


def _declared_name(block):
    """The Name tag a resource block declares (auto scaling groups declare
    theirs in `tag` blocks)."""
    tags = dict(block.get("tags") or {})
    tags.update({t["key"]: t["value"] for t in block.get("tag") or []})
    return tags.get("Name")


def deployed(state, config):
    """The compare.Deployed view of an applied configuration, its resources
    known by their Terraform addresses."""
    resources = [(DEPLOYED_AS[tf_type][0], attributes[DEPLOYED_AS[tf_type][1]], address)
                 for address, (tf_type, attributes) in state.items() if tf_type in DEPLOYED_AS]
    names = {f"{tf_type}.{name}": _declared_name(block)
             for tf_type, blocks in config["resource"].items() for name, block in blocks.items()}
    # Route table associations made through the API show in DescribeRouteTables.
    return compare.Deployed(resources, names, associations=[])


def deploy_and_observe(tools, client, config, url, workdir, certificates_back):
    """Applies `config` and reads back what moto holds: (inventory, notes)."""
    got, named_from_config = compare.observed(client, deployed(apply(tools, config, url, workdir), config),
                                              certificates_back)
    notes = ["moto drops the tags of " + ", ".join(named_from_config) + ": named from the configuration"
             ] if named_from_config else []
    return got, notes


def report(what, differences, notes):
    for note in notes:
        print(f"note: {note}")
    for line in differences:
        print(line)
    if differences:
        print(f"FAIL {what}: {len(differences)} difference(s)")
        return 1
    print(f"ok {what}: terraform apply on moto deployed what was expected")
    return 0


def sample(args, tools):
    plan = json.loads(harness.archc(args.archc, "plan", args.sample, "--format", "json"))
    text = harness.archc(args.archc, "build", args.sample, "--target", "terraform")
    with harness.moto_server(SERVER) as url:
        client = harness.clients(url, plan["stack"]["region"])
        text, certificates_back = harness.use_moto_certificates(client, text, plan)
        text, peers_back = harness.use_moto_peers(client, text, plan)
        certificates_back.update(peers_back)
        got, notes = deploy_and_observe(tools, client, json.loads(text), url, args.workdir, certificates_back)
    return report(os.path.basename(args.sample), compare.differences(compare.expected(plan), got), notes)


def wrong_expectation_is_found(want, got, section):
    """The comparison must report a wrong expectation, exactly: the first
    field of the first entry of `section`, changed."""
    entry = next(iter(want[section]))
    field = next(iter(want[section][entry]))
    wrong = copy.deepcopy(want)
    wrong[section][entry][field] = "<wrong>"
    found = compare.differences(wrong, got)
    expected = [f"{section}[{entry}][{field}]: plan says '<wrong>', deployed is {got[section][entry][field]!r}"]
    print("with a wrong expectation, the comparison reported:" + "".join(f"\n  {d}" for d in found))
    if found != expected:
        print("FAIL: expected exactly:" + "".join(f"\n  {d}" for d in expected))
        return False
    return True


def fixture(args, tools):
    with open(args.config) as f:
        config = json.load(f)
    with open(args.expect) as f:
        expectation = json.load(f)
    want = dict(compare.empty_inventory(), **expectation)
    region = config["provider"]["aws"][0]["region"]
    with harness.moto_server(SERVER) as url:
        got, notes = deploy_and_observe(tools, harness.clients(url, region), config, url, args.workdir, {})
    status = report(os.path.basename(args.config), compare.differences(want, got), notes)
    return status or (0 if wrong_expectation_is_found(want, got, next(iter(expectation))) else 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archc", help="the archc binary (with SAMPLE)")
    parser.add_argument("sample", nargs="?")
    parser.add_argument("--config", help="a Terraform JSON configuration (with --expect)")
    parser.add_argument("--expect", help="the inventory --config must deploy")
    parser.add_argument("--workdir", required=True, help="terraform's working directory, emptied first")
    args = parser.parse_args()
    if bool(args.archc and args.sample) == bool(args.config and args.expect):
        parser.error("give either --archc and SAMPLE, or --config and --expect")
    harness.require_moto()
    tools = require_terraform()
    return sample(args, tools) if args.sample else fixture(args, tools)


if __name__ == "__main__":
    harness.run(main)
