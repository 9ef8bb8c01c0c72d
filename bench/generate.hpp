// Large, valid .arch inputs for the benchmark: they must compile without
// errors, so every time measured is the time of a successful build.
#pragma once

#include <string>

namespace archc::bench {

// The most copies of the lab architecture lab_copies makes: each copy owns
// one 10.i.0.0/16, and 10.0.0.0/8 holds 256 of them.
inline constexpr int kMaxLabCopies = 256;

// `copies` copies of samples/lab-vpc.arch (vpc with public/app/db tiers in
// two zones, sg-chain, alb, asg, rds with a replica) under one stack; copy i
// names everything `nI-...` and owns 10.I.0.0/16.
std::string lab_copies(int copies);

// `vpcs` VPCs of `tiers` tiers in two zones: 2 × vpcs × tiers subnets, all
// inside 10.0.0.0/8. Each VPC is a /19 and each subnet a /26, so at most
// 2048 VPCs and 64 tiers (/24 subnets would not do: 100,000 of them need
// 25.6 M addresses, more than all of RFC 1918). The first half of the tiers
// give `cidrs`, the rest a `size` that archc allocates; tier 0 is public
// and the last isolated, so lowering makes NATs and all three route tables.
std::string wide_subnets(int vpcs, int tiers);

}  // namespace archc::bench
