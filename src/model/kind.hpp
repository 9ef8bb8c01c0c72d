// Block kinds, each declared once as data (src/kinds/, one file a kind):
// its attributes with their type, presence, default, bounds, unit and doc;
// the kinds nested in it; its place in the security chains; and the hooks
// that read it. The attribute reader, "did you mean", the attribute tables
// of docs/language.md, and the editor's hover and completion all read these
// declarations, so an attribute is described in exactly one place.
//
// The hooks take types of the layers above the model (sema's reader, the
// lowering, the planner, the graph), declared here only by name: those layers call the
// hooks, the model never does.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace archc {
class KindReader;  // sema/kind_reader.hpp
class Lowering;    // lower/lowering.hpp
namespace plan {
class Planner;  // plan/planner.hpp
struct Entry;   // plan/plan.hpp
}  // namespace plan
namespace graph {
struct Drawing;  // graph/graph.hpp
}  // namespace graph
}  // namespace archc

namespace archc::model {

struct Block;

enum class ValueType {
  String,       // "text"
  Integer,      // a whole number within [min, max]
  Number,       // a number within [min, max], fractions allowed
  Bool,         // true | false
  StringList,   // ["a", "b"]
  StringMap,    // { key = "value" }
  TierRef,      // vpc.NAME.TIER
  TierRefList,  // [vpc.NAME.TIER, ...]
  ResourceRef,  // KIND.NAME, KIND being AttributeSpec::refers_to
  ResourceRefList,  // [KIND.NAME, ...], KIND being a service kind (KindSpec::service)
};

// Where a string's allowed values come from when they are a known set.
enum class Catalog { None, Regions, Engines, Images, InstanceTypes, DbInstanceClasses, EndpointServices };

struct AttributeSpec {
  std::string_view name{};
  ValueType type = ValueType::String;
  bool required = false;
  std::string_view default_value{};  // as the docs show it; empty: no default (none)
  int min = 0, max = 0;            // Integer, Number: inclusive bounds
  std::string_view unit{};           // Integer, Number: "port", "GiB", "days", "seconds", "percent", "prefix length" ...
  std::vector<std::string_view> allowed{};  // String: the only values allowed, when not empty
  Catalog catalog = Catalog::None;        // String: values from stdlib/ (or an AMI id, for images)
  std::string_view refers_to{};             // ResourceRef(List): the keyword of the kind referred to
  bool extension = false;                 // archc's own, beyond ../shared/spec/LANGUAGE.md
  std::string_view doc{};                   // one line
};

// The order traffic passes the resources of a chain: internet → front
// (load balancers) → app (instances) → data (databases, caches). An edge
// that skips a layer is linted (chain-skips-tier).
enum class Layer { Front, App, Data };

enum class Labels {
  One,          // KIND "name" { ... }
  OptionalOne,  // KIND ["name"] { ... } (the stack: its name defaults to the file's)
};

struct KindSpec {
  std::string_view keyword{};  // as written in the source: "vpc", "sg-chain"
  std::string_view doc{};      // one line, for hover and the docs
  Labels labels = Labels::One;
  bool top_level = true;
  std::vector<AttributeSpec> attributes{};
  std::vector<const KindSpec*> nested{};  // kinds its body may hold
  bool edges = false;                   // whether its body holds `a -> b` edges

  // A chain endpoint is a resource placed in a tier (its `subnets`) that
  // owns a security group: edges may start and end at it. A service is a
  // block outside every VPC (an IAM role, a secret): other blocks name it
  // (`role = role.web`), edges never do. Only endpoint and service kinds
  // have the hooks below; the network kinds (stack, vpc, subnet, sg-chain,
  // peering ...) are the ground the resources stand on, read by sema itself.
  bool chain_endpoint = false;
  bool service = false;
  Layer layer = Layer::App;
  std::string_view name_tag_word{};  // the `<kind>` of its Name tags and logical ids: "alb", "rds" ...

  // A new model object of this kind, before anything of it is read (names
  // are declared first, so that references may point forward).
  // An endpoint kind makes a model::Resource.
  std::unique_ptr<Block> (*make)() = nullptr;
  // Reads one block of this kind into its model object (whose kind, name,
  // range and, for an endpoint, `subnets` are already set): its attributes, its nested
  // blocks, and the checks that span its attributes. Reports what is wrong
  // and leaves absent what could not be read.
  void (*read)(KindReader&, Block&) = nullptr;
  // Adds the AWS resources and outputs of one block of this kind (at
  // `index` in Model::resources, or in Model::services for a service, of a
  // model without errors) to the lowering.
  void (*lower)(Lowering&, const Block&, std::size_t index) = nullptr;
  // What `archc plan` shows of that block; the JSON plan lists the blocks
  // of this kind in an array named `plan_key`.
  plan::Entry (*plan)(plan::Planner&, const Block&, std::size_t index) = nullptr;
  std::string_view plan_key{};  // "load_balancers"
  // How `archc graph` draws an endpoint in its tier: a shape and lines of
  // text (graph/graph.hpp).
  graph::Drawing (*draw)(const Block&) = nullptr;

  const AttributeSpec* attribute(std::string_view name) const;
  std::vector<std::string> attribute_names() const;
  const KindSpec* nested_kind(std::string_view keyword) const;
};

// Every kind, top-level and nested, in registration order (src/kinds/registry.cpp):
// resources are lowered and planned kind by kind in this order.
std::span<const KindSpec* const> all_kinds();
// The top-level kind of that keyword, or nullptr.
const KindSpec* find_top_level_kind(std::string_view keyword);
std::vector<std::string> top_level_keywords();

}  // namespace archc::model
