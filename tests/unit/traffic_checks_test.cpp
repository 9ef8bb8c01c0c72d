// The traffic and topology checks the field showed missing (issue 9): the
// ports of listeners, what crosses VPCs, and which addresses are the
// internet. Each with its exact diagnostics, on the example of the issue and
// on inputs of the same kind.
#include <catch2/catch.hpp>

#include "test_support.hpp"

namespace archc {
namespace {

using test::of_rule;
using Strings = std::vector<std::string>;

// Lines 1 to 8: a VPC with a public and a private tier, and an asg.
const std::string kNetwork = R"(stack "s" { region = "us-east-1" }
vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "pub" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app" { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
}
asg "app" { subnets = vpc.v.app, port = 8080 }
)";

const std::string kCertificate = R"(certificate = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d")";


TEST_CASE("two listeners of one alb on one port are an error at the second port", "[checks][listener]") {
  const std::string text = kNetwork + R"(alb "web" {
  subnets = vpc.v.pub
  listener "http"  { port = 80, redirect = 443 }
  listener "https" { port = 443, )" +
                           kCertificate + R"(, forward = asg.app }
  listener "plain" { port = 80, forward = asg.app }
  listener "tls"   { port = 443, )" +
                           kCertificate + R"(, forward = asg.app }
}
sg-chain "c" {
  internet -> alb.web : http, https
  alb.web -> asg.app : 8080
}
)";
  CHECK(of_rule(text, "duplicate-listener") ==
        Strings{"13:29: error[duplicate-listener]: alb `web` already listens on port 80",
                "  11:29: listener `http` is on port 80",
                "14:29: error[duplicate-listener]: alb `web` already listens on port 443",
                "  12:29: listener `https` is on port 443"});
  // The same ports on two albs are two listeners of their own.
  const std::string two_albs = kNetwork + R"(alb "a" {
  subnets = vpc.v.pub
  listener "http" { port = 80, forward = asg.app }
}
alb "b" {
  subnets = vpc.v.pub
  listener "http" { port = 80, forward = asg.app }
}
sg-chain "c" {
  internet -> alb.a : http
  internet -> alb.b : http
  alb.a -> asg.app : 8080
  alb.b -> asg.app : 8080
}
)";
  CHECK(of_rule(two_albs, "duplicate-listener").empty());
}

TEST_CASE("a listener port that no edge opens to its alb is an error at the port", "[checks][listener]") {
  // The example: HTTPS on 443 while the chain opens only http.
  const std::string text = kNetwork + R"(alb "web" {
  subnets = vpc.v.pub
  listener "http"  { port = 80, redirect = 443 }
  listener "https" { port = 443, )" +
                           kCertificate + R"(, forward = asg.app }
  listener "admin" { port = 8443, )" +
                           kCertificate + R"(, forward = asg.app }
}
sg-chain "c" {
  internet -> alb.web : http
  "10.0.0.0/8" -> alb.web : 8000..8442
  alb.web -> asg.app : 8080
}
)";
  CHECK(of_rule(text, "listener-unreachable") ==
        Strings{"12:29: error[listener-unreachable]: listener `https` of alb `web` is on port 443, which no sg-chain "
                "edge opens to alb.web",
                "13:29: error[listener-unreachable]: listener `admin` of alb `web` is on port 8443, which no sg-chain "
                "edge opens to alb.web"});
  // Opened by a range, or by an edge that names no ports (it opens every
  // listener's port): silent.
  std::string ranged = text;
  ranged.replace(ranged.find("8000..8442"), 10, "443..8443");
  CHECK(of_rule(ranged, "listener-unreachable").empty());
  std::string bare = text;
  bare.replace(bare.find("internet -> alb.web : http"), 26, "internet -> alb.web");
  CHECK(of_rule(bare, "listener-unreachable").empty());
  // A listener serves TCP: UDP or ICMP into the alb opens none of its ports.
  for (const char* other : {"udp:80..8443", "icmp"}) {
    std::string udp = text;
    udp.replace(udp.find("  \"10.0.0.0/8\" -> alb.web : 8000..8442\n"), 39, "");
    udp.replace(udp.find("internet -> alb.web : http"), 26, std::string("internet -> alb.web : ") + other);
    CHECK(of_rule(udp, "listener-unreachable") ==
          Strings{"11:29: error[listener-unreachable]: listener `http` of alb `web` is on port 80, which no sg-chain "
                  "edge opens to alb.web",
                  "12:29: error[listener-unreachable]: listener `https` of alb `web` is on port 443, which no sg-chain "
                  "edge opens to alb.web",
                  "13:29: error[listener-unreachable]: listener `admin` of alb `web` is on port 8443, which no "
                  "sg-chain edge opens to alb.web"});
  }
  // No edge into the alb at all is unreachable-resource's, not each port's.
  std::string none = text;
  none.replace(none.find("  internet -> alb.web : http\n"), 29, "");
  none.replace(none.find("  \"10.0.0.0/8\" -> alb.web : 8000..8442\n"), 39, "");
  CHECK(of_rule(none, "listener-unreachable").empty());
  CHECK(of_rule(none, "unreachable-resource") ==
        Strings{"8:5: warning[unreachable-resource]: no traffic can reach asg.app: no sg-chain path leads to it from "
                "the internet, a CIDR or a VPC",
                "9:5: warning[unreachable-resource]: no traffic can reach alb.web: no sg-chain path leads to it from "
                "the internet, a CIDR or a VPC"});
}

TEST_CASE("a redirect to its own port or to a port without HTTPS is a warning at the redirect", "[checks][listener]") {
  const std::string text = kNetwork + R"(alb "web" {
  subnets = vpc.v.pub
  listener "loop"  { port = 80, redirect = 80 }
  listener "none"  { port = 81, redirect = 8443 }
  listener "plain" { port = 82, redirect = 8080 }
  listener "alt"   { port = 8080, forward = asg.app }
  listener "good"  { port = 83, redirect = 443 }
  listener "https" { port = 443, )" +
                           kCertificate + R"(, forward = asg.app }
}
sg-chain "c" {
  internet -> alb.web
  alb.web -> asg.app : 8080
}
)";
  CHECK(of_rule(text, "redirect-target") ==
        Strings{"11:44: warning[redirect-target]: listener `loop` redirects to HTTPS on its own port 80, which speaks "
                "plain HTTP",
                "12:44: warning[redirect-target]: listener `none` redirects to port 8443, where alb `web` has no "
                "listener",
                "13:44: warning[redirect-target]: listener `plain` redirects to HTTPS on port 8080, where alb `web` "
                "listens with plain HTTP",
                "  14:12: listener `alt` has no `certificate`"});
  CHECK(test::error_briefs(test::compile(text)->diags).empty());
  // An HTTPS listener redirecting to itself changes nothing: AWS refuses it.
  std::string itself = text;
  itself.replace(itself.find("forward = asg.app }\n}"), 17, "redirect = 443");
  CHECK(test::error_briefs(test::compile(itself)->diags) ==
        Strings{"16:118: error[invalid-value]: listener `https` redirects to itself (HTTPS on port 443, same host and "
                "path): AWS refuses a redirect that changes nothing"});
}

// Two VPCs: `v` of kNetwork and `w`, each with a public and a private tier;
// lines 9 to 14.
const std::string kTwoVpcs = kNetwork + R"(vpc "w" {
  cidr  = "10.1.0.0/16"
  zones = ["a", "b"]
  subnet "pub" { public = true, cidrs = ["10.1.1.0/24", "10.1.2.0/24"] }
  subnet "app" { cidrs = ["10.1.3.0/24", "10.1.4.0/24"] }
}
)";

TEST_CASE("an alb forwarding to an asg of another VPC is an error at the forward", "[checks][vpc]") {
  const std::string text = kTwoVpcs + R"(alb "web" {
  subnets = vpc.w.pub
  listener "http" { port = 80, forward = asg.app }
}
sg-chain "c" {
  internet -> alb.web : http
}
)";
  CHECK(of_rule(text, "cross-vpc") ==
        Strings{"17:42: error[cross-vpc]: listener `http` of alb `web` forwards to asg `app` of vpc `v`, but a "
                "target group holds instances of its own VPC only",
                "  16:13: alb `web` is in vpc `w`"});
  // The same alb in the asg's VPC.
  std::string same = text;
  same.replace(same.find("vpc.w.pub"), 9, "vpc.v.pub");
  CHECK(of_rule(same, "cross-vpc").empty());
}

TEST_CASE("an sg-chain edge between the groups of two VPCs is an error at the edge", "[checks][vpc]") {
  const std::string text = kTwoVpcs + R"(asg "worker" { subnets = vpc.w.app }
rds "db" { subnets = vpc.w.app }
sg-chain "c" {
  "10.0.0.0/8" -> asg.app : 8080
  asg.app -> asg.worker : 9000
  asg.worker -> rds.db : mysql
  vpc.v -> asg.worker : 9001
}
)";
  // A tier or VPC as the source is a CIDR rule, not a group: only the edge
  // between groups is reported.
  CHECK(of_rule(text, "cross-vpc") ==
        Strings{"19:3: error[cross-vpc]: asg.app -> asg.worker joins the security groups of vpc `v` and vpc `w`, "
                "which only a peering connection allows",
                "  8:23: asg `app` is in vpc `v`", "  15:26: asg `worker` is in vpc `w`"});
}

TEST_CASE("the shared address space of RFC 6598 is not the internet", "[checks][addresses]") {
  const std::string text = kNetwork + R"(rds "db" { subnets = vpc.v.app }
sg-chain "c" {
  "10.0.0.0/8" -> asg.app : 8080
  asg.app -> rds.db : mysql
  "100.64.0.0/10" -> rds.db : mysql
  "169.254.0.0/16" -> rds.db : mysql
  "100.0.0.0/8" -> rds.db : mysql
  "198.51.100.0/24" -> rds.db : mysql
}
)";
  // 100.0.0.0/8 reaches beyond the shared space; documentation blocks stand
  // for public addresses.
  CHECK(of_rule(text, "db-internet-exposed") ==
        Strings{"15:3: error[db-internet-exposed]: rds `db` is opened to 100.0.0.0/8 on 3306",
                "  9:5: a data store admits only the tier in front of it, or private CIDRs such as a VPN",
                "16:3: error[db-internet-exposed]: rds `db` is opened to 198.51.100.0/24 on 3306",
                "  9:5: a data store admits only the tier in front of it, or private CIDRs such as a VPN"});
}

TEST_CASE("`internet` and 0.0.0.0/0 are one source: the second edge is a duplicate", "[checks][addresses]") {
  const std::string text = kNetwork + R"(sg-chain "c" {
  internet -> asg.app : 8080
  "0.0.0.0/0" -> asg.app : 8000..8090
}
)";
  CHECK(of_rule(text, "duplicate-edge") ==
        Strings{"11:28: warning[duplicate-edge]: 0.0.0.0/0 -> asg.app on 8080 is already opened",
                "  10:3: by this edge", "  10:3: `internet` is 0.0.0.0/0"});
  std::string reversed = kNetwork + R"(sg-chain "c" {
  "0.0.0.0/0" -> asg.app : 8080
  internet -> asg.app : 8080
}
)";
  CHECK(of_rule(reversed, "duplicate-edge") ==
        Strings{"11:25: warning[duplicate-edge]: internet -> asg.app on 8080 is already opened", "  10:3: by this edge",
                "  11:3: `internet` is 0.0.0.0/0"});
}

TEST_CASE("a tier or a VPC and a CIDR of the same addresses are one source", "[checks][addresses]") {
  // The tiers of `lab` are /23s in two /24s.
  const std::string network = R"(stack "s" { region = "us-east-1" }
vpc "lab" {
  cidr  = "10.0.0.0/22"
  zones = ["a", "b"]
  subnet "pub" { public = true, cidrs = ["10.0.0.0/24", "10.0.1.0/24"] }
  subnet "app" { cidrs = ["10.0.2.0/24", "10.0.3.0/24"] }
}
asg "app" { subnets = vpc.lab.app, port = 8080 }
)";
  const std::string text = network + R"(sg-chain "c" {
  vpc.lab.pub -> asg.app : 8080
  "10.0.0.0/23" -> asg.app : 8080
  "10.0.0.0/24" -> asg.app : 8080
  "10.0.0.0/22" -> asg.app : 9000
  vpc.lab -> asg.app : 9000
  vpc.lab.pub -> asg.app : 9000
}
)";
  // Half of the tier is not the tier; the tier is not the whole VPC. Each
  // name is explained where it is written.
  CHECK(of_rule(text, "duplicate-edge") ==
        Strings{"11:30: warning[duplicate-edge]: 10.0.0.0/23 -> asg.app on 8080 is already opened",
                "  10:3: by this edge", "  10:3: `vpc.lab.pub` is 10.0.0.0/24 and 10.0.1.0/24",
                "14:24: warning[duplicate-edge]: vpc.lab -> asg.app on 9000 is already opened", "  13:3: by this edge",
                "  14:3: `vpc.lab` is 10.0.0.0/22"});
  // Two names of the same addresses: a second VPC whose block is the tier's.
  const std::string two_names = network + R"(vpc "w" {
  cidr  = "10.0.0.0/23"
  zones = ["a", "b"]
}
sg-chain "c" {
  vpc.w -> asg.app : 8080
  vpc.lab.pub -> asg.app : 8080
}
)";
  CHECK(of_rule(two_names, "duplicate-edge") ==
        Strings{"15:28: warning[duplicate-edge]: vpc.lab.pub -> asg.app on 8080 is already opened",
                "  14:3: by this edge", "  14:3: `vpc.w` is 10.0.0.0/23",
                "  15:3: `vpc.lab.pub` is 10.0.0.0/24 and 10.0.1.0/24"});
}

TEST_CASE("ssh and rdp open to blocks of internet addresses are a warning that says how much", "[checks][addresses]") {
  const std::string text = kNetwork + R"(sg-chain "c" {
  "0.0.0.0/1" -> asg.app : ssh
  "128.0.0.0/1" -> asg.app : 22
  "8.0.0.0/8" -> asg.app : rdp
  "203.0.113.0/24" -> asg.app : 3000..4000
  "10.0.0.0/8" -> asg.app : rdp
  "100.64.0.0/10" -> asg.app : rdp
  "169.254.0.0/16" -> asg.app : rdp
  "127.0.0.0/8" -> asg.app : rdp
  "198.51.100.7/32" -> asg.app : rdp
}
)";
  // The two halves hold every internet address; private, shared, link-local
  // and loopback blocks hold none, and one host is a bastion's address.
  CHECK(of_rule(text, "admin-port-from-internet") ==
        Strings{"10:28: warning[admin-port-from-internet]: ssh (port 22) of asg.app is open to the whole internet, "
                "with the 1 other block that opens it",
                "11:30: warning[admin-port-from-internet]: ssh (port 22) of asg.app is open to the whole internet, "
                "with the 1 other block that opens it",
                "12:28: warning[admin-port-from-internet]: rdp (port 3389) of asg.app is open to 16777216 internet "
                "addresses",
                "13:33: warning[admin-port-from-internet]: rdp (port 3389) of asg.app is open to 256 internet "
                "addresses"});
  // One half alone: its internet addresses, without 10/8, 100.64/10 and 127/8.
  std::string half = text;
  half.replace(half.find("  \"128.0.0.0/1\" -> asg.app : 22\n"), 32, "");
  CHECK(of_rule(half, "admin-port-from-internet").front() ==
        "10:28: warning[admin-port-from-internet]: ssh (port 22) of asg.app is open to 2109734912 internet addresses");
  // Every public block beside the private ones, written out, is the whole
  // internet too.
  const std::string everything_public = kNetwork + R"(sg-chain "c" {
  "0.0.0.0/5" -> asg.app : ssh
  "8.0.0.0/7" -> asg.app : ssh
  "11.0.0.0/8" -> asg.app : ssh
  "12.0.0.0/6" -> asg.app : ssh
  "16.0.0.0/4" -> asg.app : ssh
  "32.0.0.0/3" -> asg.app : ssh
  "64.0.0.0/3" -> asg.app : ssh
  "96.0.0.0/6" -> asg.app : ssh
  "100.0.0.0/10" -> asg.app : ssh
  "100.128.0.0/9" -> asg.app : ssh
  "101.0.0.0/8" -> asg.app : ssh
  "102.0.0.0/7" -> asg.app : ssh
  "104.0.0.0/5" -> asg.app : ssh
  "112.0.0.0/5" -> asg.app : ssh
  "120.0.0.0/6" -> asg.app : ssh
  "124.0.0.0/7" -> asg.app : ssh
  "126.0.0.0/8" -> asg.app : ssh
  "128.0.0.0/1" -> asg.app : ssh
}
)";
  const Strings all = of_rule(everything_public, "admin-port-from-internet");
  CHECK(all.size() == 18);
  CHECK(all.back() ==
        "27:30: warning[admin-port-from-internet]: ssh (port 22) of asg.app is open to the whole internet, with the 17 "
        "other blocks that open it");
}

TEST_CASE("a subnet must hold the alb's free addresses and an asg's max balanced over the zones",
          "[checks][capacity]") {
  // The example: two /28 public subnets, an alb and an asg of max 10. By
  // max alone (22 addresses in the tier) it fits.
  const std::string text = R"(stack "s" { region = "us-east-1" }
vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  subnet "pub" { public = true, cidrs = ["10.0.1.0/28", "10.0.2.0/28"] }
}
alb "web" {
  subnets = vpc.v.pub
  listener "http" { port = 80, forward = asg.app }
}
asg "app" { subnets = vpc.v.pub, max = 10 }
sg-chain "c" {
  internet -> alb.web : http
  alb.web -> asg.app : http
}
)";
  CHECK(of_rule(text, "subnet-capacity") ==
        Strings{"5:42: error[subnet-capacity]: subnet `pub` of zone a (10.0.1.0/28) has 11 usable addresses, but "
                "what it holds needs 13: alb `web` 8, asg `app` 5",
                "  5:10: AWS keeps 5 addresses of every subnet; an alb keeps 8 free in each of its subnets; an asg at "
                "its `max` keeps its instances balanced across the zones of its tier, ceil(max / 2) in each",
                "  5:10: 1 more subnet of tier `pub` cannot hold it either"});
  CHECK(of_rule(text, "subnet-capacity-failover").empty());
  // max = 6 fits balanced, 3 in each zone, but not all 6 in one when the
  // other zone fails: a warning.
  std::string failover = text;
  failover.replace(failover.find("max = 10"), 8, "max = 6");
  CHECK(of_rule(failover, "subnet-capacity").empty());
  CHECK(of_rule(failover, "subnet-capacity-failover") ==
        Strings{"5:42: warning[subnet-capacity-failover]: subnet `pub` of zone a (10.0.1.0/28) has 11 usable "
                "addresses, enough while both zones serve, but what it holds may need 14 when the other zone fails: "
                "alb `web` 8, asg `app` 6",
                "  5:10: AWS keeps 5 addresses of every subnet; an alb keeps 8 free in each of its subnets; an asg "
                "launches the instances of failed zones in the zones left, so all of `max` may land in one",
                "  5:10: 1 more subnet of tier `pub` cannot hold it either"});
  // max = 3 fits beside the alb's 8 even in one zone; but AWS asks for /27s
  // under an alb.
  std::string fits = text;
  fits.replace(fits.find("max = 10"), 8, "max = 3");
  CHECK(of_rule(fits, "subnet-capacity").empty());
  CHECK(of_rule(fits, "subnet-capacity-failover").empty());
  CHECK(of_rule(fits, "alb-subnet-size") ==
        Strings{"5:42: warning[alb-subnet-size]: subnet `pub` of zone a (10.0.1.0/28) holds an alb, and AWS asks for at "
                "least a /27 in each load balancer subnet"});
  std::string wide = fits;
  wide.replace(wide.find(R"(["10.0.1.0/28", "10.0.2.0/28"])"), 30, R"(["10.0.1.0/27", "10.0.2.0/27"])");
  CHECK(of_rule(wide, "alb-subnet-size").empty());
}

TEST_CASE("subnet capacity counts NAT gateways, databases, replicas and cache nodes", "[checks][capacity]") {
  // A single NAT gateway sits in zone a's public subnet: only that subnet
  // of the tier is short, by that one address.
  const std::string text = R"(stack "s" { region = "us-east-1" }
vpc "v" {
  cidr  = "10.0.0.0/16"
  zones = ["a", "b"]
  nat   = "single"
  subnet "pub" { public = true, cidrs = ["10.0.1.0/28", "10.0.2.0/28"] }
  subnet "app" { cidrs = ["10.0.3.0/28", "10.0.4.0/28"] }
}
asg "app" { subnets = vpc.v.app, max = 1 }
rds "db" { subnets = vpc.v.app, replicas = 2, backup_retention = 7 }
cache "c" { subnets = vpc.v.app, nodes = 3, multi_az = true }
asg "edge" { subnets = vpc.v.pub, max = 21 }
sg-chain "c" {
  internet -> asg.edge : http
  asg.edge -> asg.app : http
  asg.app -> rds.db : mysql
  asg.app -> cache.c
}
)";
  CHECK(
      of_rule(text, "subnet-capacity") ==
      Strings{"6:42: error[subnet-capacity]: subnet `pub` of zone a (10.0.1.0/28) has 11 usable addresses, but "
              "what it holds needs 12: asg `edge` 11, its NAT gateway 1",
              "  6:10: AWS keeps 5 addresses of every subnet; an asg at its `max` keeps its instances balanced across "
              "the zones of its tier, ceil(max / 2) in each"});
  // The app tier: 1 + (1 + 2 replicas) + 3 nodes = 7 of 11; 3 more nodes
  // and 4 more instances (2 more in each zone) make 12.
  std::string full = text;
  full.replace(full.find("nodes = 3"), 9, "nodes = 6");
  full.replace(full.find("max = 1 "), 8, "max = 5 ");
  full.replace(full.find("max = 21"), 8, "max = 20");
  CHECK(
      of_rule(full, "subnet-capacity") ==
      Strings{"7:27: error[subnet-capacity]: subnet `app` of zone a (10.0.3.0/28) has 11 usable addresses, but "
              "what it holds needs 12: asg `app` 3, rds `db` 3, cache `c` 6",
              "  7:10: AWS keeps 5 addresses of every subnet; an asg at its `max` keeps its instances balanced across "
              "the zones of its tier, ceil(max / 2) in each",
              "  7:10: 1 more subnet of tier `app` cannot hold it either"});
  // The public tier holds 10 of 20 in each zone beside the NAT gateway, but
  // not all 20 when zone b fails.
  CHECK(of_rule(full, "subnet-capacity-failover") ==
        Strings{"6:42: warning[subnet-capacity-failover]: subnet `pub` of zone a (10.0.1.0/28) has 11 usable "
                "addresses, enough while both zones serve, but what it holds may need 21 when the other zone fails: "
                "asg `edge` 20, its NAT gateway 1",
                "  6:10: AWS keeps 5 addresses of every subnet; an asg launches the instances of failed zones in the "
                "zones left, so all of `max` may land in one",
                "  6:10: 1 more subnet of tier `pub` cannot hold it either"});
}

}  // namespace
}  // namespace archc
