#include <nlohmann/json.hpp>

#include "diff/render.hpp"

namespace archc::diff {

namespace {

using Json = nlohmann::ordered_json;

Json value(bool present, const std::string& v) { return present ? Json(v) : Json(nullptr); }

}  // namespace

std::string render_json(const Diff& d, std::string_view old_name, std::string_view new_name) {
  Json out;
  out["schema"] = "archc-diff/1";
  out["old"] = old_name;
  out["new"] = new_name;
  out["summary"] = {{"added", d.count(ResourceChange::Kind::Added)},
                    {"removed", d.count(ResourceChange::Kind::Removed)},
                    {"modified", d.count(ResourceChange::Kind::Modified)},
                    {"replaced", d.replacements()},
                    {"security", d.security.size()},
                    {"subnets_moved", d.subnets.size()}};
  Json& resources = out["resources"] = Json::array();
  for (const auto& r : d.resources) {
    Json properties = Json::array();
    for (const auto& p : r.properties) {
      Json replacement = nullptr;
      if (p.replaces())
        replacement = {{"cloudformation", p.replacement->cloudformation},
                       {"terraform", p.replacement->terraform.empty() ? Json(nullptr) : Json(p.replacement->terraform)}};
      properties.push_back({{"name", p.name},
                            {"old", value(p.old_present, p.old_value)},
                            {"new", value(p.new_present, p.new_value)},
                            {"replacement", replacement}});
    }
    resources.push_back({{"change", kind_name(r.kind)},
                         {"id", r.id},
                         {"type", r.type},
                         {"replaced", r.replaced()},
                         {"follows", r.follows.empty() ? Json(nullptr)
                                                       : Json{{"property", r.follows_property}, {"id", r.follows}}},
                         {"properties", properties}});
  }
  Json& security = out["security"] = Json::array();
  for (const auto& c : d.security) {
    const auto ports = model::port_fields(c.protocol, c.from_port, c.to_port);  // as AWS describes the rule
    security.push_back({{"kind", kind_name(c.kind)},
                        {"group", c.group},
                        {"rule", c.rule},
                        {"source", c.source},
                        {"protocol", model::protocol_name(c.protocol)},
                        {"from_port", ports ? Json(ports->first) : Json(nullptr)},
                        {"to_port", ports ? Json(ports->second) : Json(nullptr)},
                        {"was", c.was.empty() ? Json(nullptr) : Json(c.was)},
                        {"database", c.database},
                        {"public_subnet", c.public_subnet},
                        {"description", c.description}});
  }
  Json& subnets = out["subnets"] = Json::array();
  for (const auto& s : d.subnets)
    subnets.push_back({{"id", s.id},
                       {"zone", s.zone},
                       {"old", s.old_cidr},
                       {"new", s.new_cidr},
                       {"onto", s.onto.empty() ? Json(nullptr) : Json(s.onto)}});
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace archc::diff
