#include "model/kind_docs.hpp"

#include <fmt/format.h>

namespace archc::model {

std::string describe_type(const AttributeSpec& a) {
  switch (a.type) {
    case ValueType::String:
      if (!a.allowed.empty()) {
        std::string out;
        for (std::size_t i = 0; i < a.allowed.size(); ++i)
          out += fmt::format("{}`\"{}\"`", i == 0 ? "" : i + 1 == a.allowed.size() ? " or " : ", ", a.allowed[i]);
        return out;
      }
      switch (a.catalog) {
        case Catalog::None: return "string";
        case Catalog::Regions: return "region name";
        case Catalog::Engines: return "engine name";
        case Catalog::Images: return "image alias or `ami-` id";
        case Catalog::InstanceTypes: return "EC2 instance type";
        case Catalog::DbInstanceClasses: return "DB instance class";
        case Catalog::EndpointServices: return "interface endpoint service";
      }
      return "string";
    case ValueType::Integer:
      return a.unit.empty() ? fmt::format("whole number, {}–{}", a.min, a.max)
                            : fmt::format("{}, {}–{}", a.unit, a.min, a.max);
    case ValueType::Number:
      return a.unit.empty() ? fmt::format("number, {}–{}", a.min, a.max)
                            : fmt::format("{}, {}–{}, fractions allowed", a.unit, a.min, a.max);
    case ValueType::Bool: return "bool";
    case ValueType::StringList: return "list of strings";
    case ValueType::StringMap: return "object of strings";
    case ValueType::TierRef: return "tier reference (`vpc.NAME.TIER`)";
    case ValueType::TierRefList: return "list of tier references (`[vpc.NAME.TIER]`)";
    case ValueType::ResourceRef: return fmt::format("reference (`{}.NAME`)", a.refers_to);
    case ValueType::ResourceRefList: return fmt::format("list of references (`[{}.NAME]`)", a.refers_to);
  }
  return "value";
}

std::string attribute_table(const KindSpec& kind) {
  if (kind.attributes.empty()) return {};
  std::string out = "| attribute | type | default | meaning |\n| --- | --- | --- | --- |\n";
  for (const auto& a : kind.attributes)
    out += fmt::format("| `{}`{} | {} | {} | {} |\n", a.name, a.extension ? " (extension)" : "", describe_type(a),
                       a.required ? "required" : a.default_value.empty() ? "none" : a.default_value, a.doc);
  return out;
}

}  // namespace archc::model
