#include "lint/rule_catalog.hpp"

#include <algorithm>

namespace archc::lint {

namespace {
constexpr Severity E = Severity::Error;
constexpr Severity W = Severity::Warning;
}  // namespace

const std::vector<RuleInfo>& rule_catalog() {
  static const std::vector<RuleInfo> rules = {
      // Reading and parsing.
      {"file-too-large", E, "The file is larger than archc reads (64 MiB).",
       "No architecture is that large; the limit keeps a hostile input from exhausting memory.",
       "Split the file, or check that the right file was given."},
      {"encoding", E, "The file is not valid UTF-8, or holds a NUL byte.",
       "archc reads UTF-8 text only, so that columns and names are unambiguous.",
       "Re-save the file as UTF-8."},
      {"syntax", E, "The text does not follow the grammar of LANGUAGE.md §2.",
       "Nothing can be built from text that does not parse; archc resumes at the next top-level block so every "
       "syntax error is reported in one run.",
       "Correct the text at the caret: close the brace, quote the string, separate the items."},
      // Structure.
      {"unknown-block", E, "A top-level block kind archc does not know.",
       "Only stack, vpc, sg-chain, alb, asg and rds blocks have a meaning.", "Use one of the known kinds; the note suggests the nearest."},
      {"missing-name", E, "A block that needs a name has none, or an empty one.",
       "Names are how blocks refer to each other (asg.app) and become part of every AWS resource name.",
       "Give the block one quoted name: asg \"app\" { ... }."},
      {"extra-label", E, "A block has more than one name.", "Each block kind takes exactly one name.",
       "Remove the extra label."},
      {"invalid-name", E, "A stack name AWS would reject, or a block name longer than 64 characters.",
       "CloudFormation stack names start with a letter and hold letters, digits and hyphens, at most 64. Block names "
       "become part of logical ids (at most 255 characters) and Name tags (at most 256).",
       "Rename the stack or the block."},
      {"duplicate-name", E, "Two things of one kind share a name (or a variable or object key is defined twice).",
       "References would be ambiguous and AWS resource names would collide.", "Rename one of them."},
      {"name-collision", E, "Two names that differ only in case or punctuation would give the same logical id.",
       "CloudFormation and Terraform identify each resource by its logical id, which archc derives from the names; "
       "two resources cannot share one, and numbering them by block order would replace both when the blocks move.",
       "Rename one of them so the names differ in more than case, `-` and `_`."},
      {"unknown-attribute", E, "An attribute the block kind does not have.",
       "A misspelt attribute would otherwise be silently ignored.", "Use the attribute the note suggests."},
      {"duplicate-attribute", E, "An attribute is set twice in one block.", "Only one value can apply.",
       "Remove one of the settings."},
      {"missing-attribute", E, "A required attribute or block is missing.",
       "archc cannot choose a value such as a tier's CIDRs or a listener's action for you.",
       "Add the attribute the message names."},
      {"conflicting-attributes", E, "Attributes that exclude each other are both set.",
       "A tier is public or isolated, sized or listed, a listener redirects or forwards: never both.",
       "Keep one of them."},
      {"misplaced-edge", E, "An edge (a -> b) outside an sg-chain block.", "Only sg-chain blocks hold security rules.",
       "Move the edge into an sg-chain block."},
      {"type-mismatch", E, "A value of the wrong type (a string where a number is needed, a reference to the wrong kind).",
       "The model needs typed values to compute addresses and rules.", "Write a value of the type the message names."},
      {"invalid-value", E, "A value of the right type that is out of range or not allowed.",
       "AWS limits these values (ports, instance counts, retention days, names).",
       "Use a value in the range the message gives."},
      // Names and references.
      {"unknown-reference", E, "A reference to something that is not declared.",
       "Every reference must resolve to a block or variable.", "Fix the name; the note suggests the nearest."},
      {"reference-cycle", E, "A variable whose value depends on itself.", "Its value could never be computed.",
       "Break the cycle."},
      {"unknown-function", E, "A call to a function archc does not have.",
       "Only cidrsubnet, join, lower and upper exist.", "Use one of them."},
      {"unknown-region", E, "A region that is not in stdlib/regions.json.", "AWS has no such region.",
       "Use a region name such as us-east-1."},
      {"unknown-zone", E, "A zone letter the stack's region does not have.",
       "AWS rejects subnets in an availability zone that does not exist.", "Use a letter the note lists."},
      {"duplicate-zone", E, "A zone letter listed twice in a VPC.",
       "A tier has one subnet per zone; two in one zone defeats the spread.", "Remove the repeated letter."},
      {"unknown-engine", E, "An RDS engine archc does not know.", "The engine sets the port and the AWS engine name.",
       "Use mysql, postgres, mariadb or another engine the note suggests."},
      {"unknown-image", E, "An image that is neither an AMI id nor a known alias.",
       "Launch templates need an AMI that exists.", "Use an ami-... id or an alias from stdlib/images.json."},
      {"unknown-port", E, "A port name that is not in stdlib/ports.json.", "The rule needs a port number.",
       "Use a number, a range or a known name (ssh, http, https, mysql, postgres ...)."},
      {"invalid-port", E, "A port outside 1..65535 or a range running backwards.",
       "Security group rules accept TCP ports 1 to 65535.", "Use a valid port or range."},
      {"invalid-edge", E, "An edge that ends somewhere other than an alb, asg or rds.",
       "An edge becomes an ingress rule on its target's security group; only those resources have one.",
       "Point the edge at a resource."},
      // Addresses.
      {"invalid-cidr", E, "A CIDR block that does not parse.", "AWS needs a.b.c.d/n IPv4 blocks.",
       "Write the block as in 10.0.1.0/24."},
      {"cidr-host-bits", E, "A CIDR block with host bits set (10.0.1.7/24).",
       "AWS rejects a subnet or VPC block whose address is not the network address.",
       "Use the network address the note suggests."},
      {"cidr-prefix", E, "A VPC or subnet prefix outside /16../28.",
       "AWS allows VPC and subnet blocks from /16 to /28 only.", "Choose a prefix in that range."},
      {"cidr-count", E, "A tier's `cidrs` count differs from its VPC's zone count.",
       "A tier has exactly one subnet per zone, in zone order.", "Give one block per zone, or use `size`."},
      {"subnet-size", E, "A `size` tier for which no free aligned block is left in the VPC.",
       "archc allocates the lowest free aligned blocks; the VPC is full.",
       "Use a smaller size (larger prefix) or a larger VPC block."},
      {"subnet-outside-vpc", E, "A subnet whose block is not inside its VPC's block.",
       "AWS rejects CreateSubnet for a block outside the VPC.", "Pick a block inside the VPC's CIDR."},
      {"cidr-overlap", E, "Two subnets of one VPC overlap.",
       "AWS rejects the second subnet: every address belongs to one subnet.", "Move one of the two blocks."},
      {"asg-capacity", E, "An asg whose max cannot fit in its tier's usable addresses.",
       "Each instance takes an address, and AWS reserves 5 addresses in every subnet; launches past the limit fail.",
       "Lower max or give the tier larger subnets."},
      // Zones.
      {"alb-single-zone", E, "An alb whose subnets cover fewer than two zones.",
       "AWS requires an Application Load Balancer in at least two availability zones.",
       "List at least two zones in the VPC."},
      {"rds-single-zone", E, "An rds whose subnets cover fewer than two zones.",
       "AWS requires a DB subnet group to span at least two availability zones.",
       "List at least two zones in the VPC."},
      {"asg-single-zone", W, "An asg in one zone.",
       "Well-Architected reliability: one zone's outage takes every instance with it.", "Add a second zone."},
      {"rds-single-az", W, "An rds without multi_az.",
       "Without a standby in another zone, a zone outage or maintenance stops the database.",
       "Set multi_az = true (or accept the risk for dev/test)."},
      {"single-nat", W, "nat = \"single\" in a VPC with several zones.",
       "Every private subnet routes through one NAT gateway in one zone: its outage cuts all of them off.",
       "Use nat = \"per-zone\" (or accept the risk for dev/test)."},
      // Load balancers.
      {"certificate-arn", W, "A listener certificate that is an ARN but not an ACM certificate ARN.",
       "HTTPS listeners take certificates from ACM; AWS refuses the listener otherwise (a placeholder is common "
       "while drafting, so the stack is still built).",
       "Use arn:aws:acm:REGION:ACCOUNT:certificate/ID."},
      // Placement and routes.
      {"nat-without-public-tier", E, "A NAT gateway is asked for in a VPC with no public tier.",
       "A NAT gateway lives in a public subnet.", "Add a public tier or set nat = \"none\"."},
      {"rds-public-tier", E, "An rds placed in a public tier.",
       "A public tier routes to an internet gateway; data stores belong in private or isolated subnets.",
       "Place the database in an isolated (or private) tier."},
      {"alb-no-internet-route", E, "An alb opened to the internet whose tier has no internet route.",
       "An alb outside a public tier is created internal; the internet can never reach it.",
       "Place the alb in a public tier, or drop the internet edge."},
      {"asg-without-nat", W, "An asg in a private tier of a VPC with no NAT gateway.",
       "Its instances cannot reach package mirrors, SSM or AWS APIs.",
       "Set nat = \"per-zone\", or mark the tier isolated if that is intended."},
      // Security chains.
      {"db-internet-exposed", E, "An edge from `internet` or a non-private CIDR to an rds.",
       "A database port open to the internet is found and brute-forced; data is reached through the app tier.",
       "Admit the database only from the tier in front of it or a private CIDR."},
      {"forward-port-blocked", E, "An alb forwards to an asg on a port the chain does not open between them.",
       "The asg's security group drops the requests and health checks; every target stays unhealthy.",
       "Add an edge alb.NAME -> asg.NAME on the asg's port."},
      {"chain-skips-tier", W, "An edge that jumps a tier (alb -> rds).",
       "Traffic should pass internet -> alb -> asg -> rds; a load balancer never needs the database.",
       "Remove the edge or route through the application tier."},
      {"admin-port-from-internet", W, "ssh (22) or rdp (3389) open to the whole internet.",
       "Open admin ports are scanned and brute-forced within minutes of launch.",
       "Admit them from a VPN or bastion CIDR, or use SSM Session Manager."},
      {"vpc-cidr-source", W, "An edge whose source is a whole VPC CIDR (vpc.NAME).",
       "It admits every instance in the VPC, public subnets included, not just the tier meant.",
       "Name the resource that needs access (its security group) instead."},
      {"chain-cycle", W, "sg-chain edges that form a cycle between resources.",
       "Tiers call forward; a cycle usually means an edge written backwards that opens a front tier.",
       "Remove or reverse the backward edge."},
      {"duplicate-edge", W, "An edge that opens a port already opened between the same endpoints (by another edge or itself).",
       "The same ingress rule twice: CloudFormation rejects duplicates, and it is usually a leftover.",
       "Remove the repeated port or edge."},
      {"unreachable-resource", W, "A resource no sg-chain path reaches from the internet, a CIDR or a VPC.",
       "A resource not opened by any chain accepts nothing and serves nobody.", "Add the missing edge."},
      // Databases.
      {"secret-in-output", E, "User data or a tag holds a credential: an AWS access key, a secret key, a private key.",
       "Templates are stored, shown in the console and committed; a secret in one is a leaked secret. archc never "
       "writes one.",
       "Read the secret at boot from Secrets Manager or SSM Parameter Store through an instance role."},
      {"replica-without-backups", E, "Read replicas on a database with backup_retention = 0.",
       "RDS builds read replicas from backups; AWS rejects replicas of a source without them.",
       "Set backup_retention to at least 1."},
      // Declared and never used.
      {"unused-tier", W, "A subnet tier no resource uses.",
       "It still costs subnets, route tables and addresses; often a typo in a `subnets` reference.",
       "Remove the tier or place a resource in it."},
      {"unused-variable", W, "A top-level variable nothing refers to.", "Dead text, often a value meant to be used.",
       "Remove it or use it."},
      // Lint.
      {"unused-suppression", W, "An `# archc:ignore RULE` comment that silences nothing.",
       "A stale suppression would hide the next real problem at that place.", "Remove the comment."},
  };
  return rules;
}

const RuleInfo* find_rule(std::string_view id) {
  const auto& rules = rule_catalog();
  auto it = std::find_if(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.id == id; });
  return it == rules.end() ? nullptr : &*it;
}

}  // namespace archc::lint
