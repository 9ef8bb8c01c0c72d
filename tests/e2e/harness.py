"""Shared by the e2e tests: running archc, a moto server of our own, and
creating a stack in it. Every server started here is stopped, every wait is
bounded.
"""
import argparse
import contextlib
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HOST = "127.0.0.1"
SKIP = 77  # ctest's SKIP_RETURN_CODE for these tests

SERVER_START_S = 30
STACK_CREATE_S = 120


class Failure(Exception):
    """A test failure with a message for people."""


def run(main):
    """Exits with main()'s status; a Failure is printed and exits 1."""
    try:
        sys.exit(main())
    except Failure as e:
        print(f"FAIL: {e}")
        sys.exit(1)


def require_moto():
    """Skips the test (loudly) when moto or boto3 is missing; in CI that fails."""
    missing = [m for m in ("boto3", "moto", "flask") if importlib.util.find_spec(m) is None]
    if not missing:
        return
    print(f"e2e: cannot deploy: python modules missing: {', '.join(missing)} "
          "(pip install 'moto[server]' boto3)", file=sys.stderr)
    if os.environ.get("CI") == "true":
        print("e2e: FAILED: CI=true, where the e2e tests must run", file=sys.stderr)
        sys.exit(1)
    print("e2e: SKIPPED", file=sys.stderr)
    sys.exit(SKIP)


def sample_and_plan(doc):
    """Reads `--archc BINARY SAMPLE` (usage from the script's doc string),
    requires moto, and returns the arguments and the sample's plan JSON."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--archc", required=True, help="the archc binary")
    parser.add_argument("sample")
    args = parser.parse_args()
    require_moto()
    return args, json.loads(archc(args.archc, "plan", args.sample, "--format", "json"))


def archc(binary, *args):
    """Runs archc; its stdout, or Failure with its diagnostics."""
    result = subprocess.run([binary, *args], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise Failure(f"archc {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return result.stdout


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _answers(url):
    # Loopback only: whatever proxy the environment names is bypassed.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url + "/moto-api/", timeout=1) as r:
            return r.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def moto_server(server=("-m", "moto.server")):
    """Starts moto's server on a free loopback port; yields its URL.
    `server` is what python3 runs: `-m moto.server`, or a script that takes
    moto.server's arguments (moto_for_terraform.py).

    The server runs in a process group of its own, which is killed on the
    way out whatever happened. Its log is printed when the test fails.
    """
    # A plain `kill` (ctest's on timeout, a user's) still stops the server:
    # SIGTERM becomes an exit, which runs the `finally` below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    log = tempfile.TemporaryFile()
    port = _free_port()
    # AWS's managed policies (AmazonSSMManagedInstanceCore) exist on AWS;
    # moto holds them only when asked, and refuses to attach one it lacks.
    env = dict(os.environ, MOTO_IAM_LOAD_MANAGED_POLICIES="true")
    proc = subprocess.Popen([sys.executable, *server, "-H", HOST, "-p", str(port)],
                            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True, env=env)
    url = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_S
        while not _answers(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise Failure(f"moto server did not start on {url}:\n{_tail(log)}")
            time.sleep(0.1)
        yield url
    except BaseException:
        print(f"moto server log (tail):\n{_tail(log)}", file=sys.stderr)
        raise
    finally:
        _stop(proc)
        log.close()


def _stop(proc):
    for sig, wait_s in ((signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        if proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(wait_s)


def _tail(log, lines=30):
    log.flush()
    log.seek(0)
    text = log.read().decode("utf-8", "replace").splitlines()
    return "\n".join(text[-lines:])


def clients(url, region):
    """A function giving boto3 clients of the moto server in `region`."""
    import boto3
    from botocore.config import Config

    # Every request stays on loopback, whatever proxy the environment names.
    os.environ["NO_PROXY"] = ",".join(filter(None, (os.environ.get("NO_PROXY"), HOST)))
    os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
    config = Config(connect_timeout=5, read_timeout=60, retries={"total_max_attempts": 2})
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing",
                                    region_name=region)
    return lambda service: session.client(service, endpoint_url=url, config=config)


def use_moto_certificates(client, template, plan):
    """moto refuses an HTTPS listener whose certificate it does not hold: asks
    it for one per certificate the plan names and returns the template with
    those in place, and the map back from moto's ARNs to the plan's."""
    acm = client("acm")
    back = {}
    for lb in plan["load_balancers"]:
        for listener in lb["listeners"]:
            arn = listener["certificate"]
            if arn and arn not in back.values():
                issued = acm.request_certificate(DomainName=f"e2e-{len(back)}.example.com")["CertificateArn"]
                template = template.replace(arn, issued)
                back[issued] = arn
    return template, back


def use_moto_peers(client, template, plan, in_peer_region=True):
    """moto refuses a peering to a VPC it does not hold: makes each VPC
    outside the stack that the plan peers with (its block, in moto's one
    account; in its region, or with `in_peer_region` false in the stack's,
    where moto's CloudFormation looks for it whatever PeerRegion says) and
    returns the template with its id in place, and the map back from moto's
    ids to the plan's."""
    url = client("ec2").meta.endpoint_url
    back = {}
    for peering in plan["peerings"]:
        outside = peering["peer_vpc_id"]
        if outside and outside not in back.values():
            ec2 = clients(url, peering["peer_region"] if in_peer_region else plan["stack"]["region"])("ec2")
            made = ec2.create_vpc(CidrBlock=peering["peer_cidr"])["Vpc"]["VpcId"]
            template = template.replace(outside, made)
            back[made] = outside
    return template, back


def create_stack(client, name, template):
    """Creates the stack and waits (bounded) for it to settle; returns its
    resources, or raises Failure with the reason."""
    cfn = client("cloudformation")
    # As AWS requires of a stack with IAM resources (docs/cli.md).
    cfn.create_stack(StackName=name, TemplateBody=template, Capabilities=["CAPABILITY_IAM"])
    deadline = time.monotonic() + STACK_CREATE_S
    while True:
        # ListStacks, not DescribeStacks: moto answers the latter with an
        # error when an output names a resource it did not model.
        status = next((s for s in cfn.list_stacks()["StackSummaries"] if s["StackName"] == name), None)
        if status and not status["StackStatus"].endswith("_IN_PROGRESS"):
            break
        if time.monotonic() > deadline:
            raise Failure(f"stack {name} not created within {STACK_CREATE_S} s")
        time.sleep(0.2)
    if status["StackStatus"] != "CREATE_COMPLETE":
        raise Failure(f"stack {name}: {status['StackStatus']}: {status.get('StackStatusReason')}")
    # moto lists the stack itself among its resources, with no logical id.
    return [r for r in cfn.describe_stack_resources(StackName=name)["StackResources"] if r.get("LogicalResourceId")]
