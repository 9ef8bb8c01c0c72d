// The documentation of a block kind, made from its declaration: the
// attribute tables of docs/language.md (a unit test keeps the page equal to
// them) and, later, the editor's hover text.
#pragma once

#include <string>

#include "model/kind.hpp"

namespace archc::model {

// How an attribute's type reads in the docs: "port, 1–65535", "tier
// reference (vpc.NAME.TIER)", `"none"`, `"single"` or `"per-zone"` ...
std::string describe_type(const AttributeSpec& a);

// A Markdown table, one row per attribute: name (marked when it is an
// extension), type, default (or "required"), meaning. Empty for a kind
// without attributes.
std::string attribute_table(const KindSpec& kind);

}  // namespace archc::model
