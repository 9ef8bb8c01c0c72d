#include "generate.hpp"

#include <cstdint>
#include <stdexcept>

#include <fmt/format.h>

namespace archc::bench {

namespace {

// The stack shared by every generated file: the region of the lab, whose
// zones a and c the copies use.
constexpr const char* kStack = R"(stack "bench" {
  region = "ap-northeast-2"
  tags   = { project = "archc-bench" }
}
)";

std::string dotted(std::uint32_t address) {
  return fmt::format("{}.{}.{}.{}", address >> 24, (address >> 16) & 0xff, (address >> 8) & 0xff, address & 0xff);
}

// samples/lab-vpc.arch with every name prefixed by `{n}` and the third
// octet of every address taken from `{i}`.
constexpr const char* kLabCopy = R"(
vpc "{n}-vpc" {{
  cidr  = "10.{i}.0.0/16"
  zones = ["a", "c"]
  nat   = "per-zone"

  subnet "public" {{
    public = true
    cidrs  = ["10.{i}.1.0/24", "10.{i}.2.0/24"]
  }}
  subnet "app" {{ cidrs = ["10.{i}.3.0/24", "10.{i}.4.0/24"] }}
  subnet "db"  {{ isolated = true, cidrs = ["10.{i}.5.0/24", "10.{i}.6.0/24"] }}
}}

sg-chain "{n}-tiers" {{
  internet        -> alb.{n}-alb : http
  alb.{n}-alb     -> asg.{n}-asg : http
  asg.{n}-asg     -> rds.{n}-rds : mysql
}}

alb "{n}-alb" {{
  subnets = vpc.{n}-vpc.public
  listener "http" {{ port = 80, forward = asg.{n}-asg }}
}}

asg "{n}-asg" {{
  subnets            = vpc.{n}-vpc.app
  instance_type      = "t2.micro"
  image              = "ami-0c9c942bd7bf113a2"
  min = 2, max = 4, desired = 2
  port               = 80
  health_check       = "/"
  health_check_grace = 60
  scale_cpu          = 7
  user_data          = <<-EOT
    #!/bin/bash
    dnf install -y httpd
    echo "<h1>$(hostname -f)</h1>" > /var/www/html/index.html
    systemctl enable --now httpd
  EOT
}}

rds "{n}-rds" {{
  engine           = "mysql"
  class            = "db.t3.micro"
  subnets          = vpc.{n}-vpc.db
  storage          = 20
  multi_az         = true
  backup_retention = 7
  database         = "labvpcrds"
  replicas         = 1
  replica_class    = "db.t3.micro"
}}
)";

}  // namespace

std::string lab_copies(int copies) {
  if (copies < 1 || copies > kMaxLabCopies) throw std::invalid_argument("lab copies must be from 1 to 256");
  std::string out = kStack;
  for (int i = 0; i < copies; ++i)
    fmt::format_to(std::back_inserter(out), kLabCopy, fmt::arg("n", fmt::format("n{}", i)), fmt::arg("i", i));
  return out;
}

std::string wide_subnets(int vpcs, int tiers) {
  constexpr std::uint32_t kNet = 10u << 24;
  constexpr std::uint32_t kVpcSize = 1u << (32 - 19);
  constexpr std::uint32_t kSubnetSize = 1u << (32 - 26);
  if (vpcs < 1 || vpcs > 2048 || tiers < 3 || tiers > 64)
    throw std::invalid_argument("wide_subnets takes 1 to 2048 VPCs of 3 to 64 tiers");
  std::string out = kStack;
  auto to = std::back_inserter(out);
  for (std::uint32_t v = 0; v < static_cast<std::uint32_t>(vpcs); ++v) {
    const std::uint32_t base = kNet + v * kVpcSize;
    fmt::format_to(to, "\nvpc \"w{}\" {{\n  cidr  = \"{}/19\"\n  zones = [\"a\", \"c\"]\n", v, dotted(base));
    for (int t = 0; t < tiers; ++t) {
      const char* role = t == 0 ? "public = true, " : t == tiers - 1 ? "isolated = true, " : "";
      // Allocation takes the lowest free aligned blocks, which are exactly
      // where the explicit half would have put them: the layout is the same.
      if (t < tiers / 2) {
        const std::uint32_t first = base + static_cast<std::uint32_t>(2 * t) * kSubnetSize;
        fmt::format_to(to, "  subnet \"t{}\" {{ {}cidrs = [\"{}/26\", \"{}/26\"] }}\n", t, role, dotted(first),
                       dotted(first + kSubnetSize));
      } else {
        fmt::format_to(to, "  subnet \"t{}\" {{ {}size = 26 }}\n", t, role);
      }
    }
    out += "}\n";
  }
  return out;
}

}  // namespace archc::bench
