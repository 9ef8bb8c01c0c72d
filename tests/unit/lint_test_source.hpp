// The file the lint format tests (lint_formats.cpp, lint_ci_formats.cpp)
// render in every format: a warning (single-nat) and an error with two
// notes (forward-port-blocked).
#pragma once

#include <string>

namespace archc::test {

inline const std::string kLintSource = R"(vpc "v" {
  cidr = "10.0.0.0/16", zones = ["a", "b"], nat = "single"
  subnet "public" { public = true, cidrs = ["10.0.1.0/24", "10.0.2.0/24"] }
  subnet "app"    { cidrs = ["10.0.3.0/24", "10.0.4.0/24"] }
}
sg-chain "c" {
  internet -> alb.web : http
  alb.web  -> asg.app : https
}
alb "web" {
  subnets = vpc.v.public
  listener "http" { port = 80, forward = asg.app }
}
asg "app" { subnets = vpc.v.app, min = 2, max = 4 }
)";

}  // namespace archc::test
