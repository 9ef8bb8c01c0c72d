// The block kinds archc knows, one file each in this folder. ARCHC_KINDS is
// the registration list: its order is the order of all_kinds(), in which
// resources get their security groups, are lowered and are planned.
#pragma once

#include "model/kind.hpp"

#define ARCHC_KINDS(X) \
  X(stack) X(vpc) X(subnet) X(peering) X(gateway_endpoint) X(sg_chain) X(nacl) X(alb) X(listener) X(asg) X(rds) X(cache) X(instance) X(interface_endpoint) X(efs) X(bucket) X(secret) X(role)

namespace archc::kinds {

#define ARCHC_DECLARE_KIND(name) const model::KindSpec& name();
ARCHC_KINDS(ARCHC_DECLARE_KIND)
#undef ARCHC_DECLARE_KIND

// `egress`, declared by the chain-endpoint kinds that send traffic of their
// own (sema/build_model.cpp reads it for any kind that declares it):
// "chain" restricts the group's egress to what the chain edges from the
// resource open (docs/language.md, "Extension: egress").
model::AttributeSpec egress_attribute();

// `name`, declared by the kinds whose AWS resource may take a Name tag the
// source chooses instead of the derived `<stack>-<kind>-<name>`; the
// duplicate-name-tag check keeps such names unique.
model::AttributeSpec name_attribute();

}  // namespace archc::kinds
