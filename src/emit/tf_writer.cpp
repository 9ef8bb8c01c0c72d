#include "emit/tf_writer.hpp"

#include <stdexcept>

namespace archc {

namespace {

// `object[key]` on an ordered_json searches the keys one by one, so adding n
// resources of one type that way is O(n^2): minutes for 100,000 subnets.
// Keys added here are unique (lowering makes logical ids unique, and
// terraform_name is one-to-one), so they are appended without the search.
Json& append(Json& object, std::string key) {
  if (object.is_null()) object = Json::object();
  auto& members = object.get_ref<Json::object_t&>();
  members.Container::emplace_back(std::move(key), nullptr);
  return members.back().second;
}

}  // namespace

Json& TfWriter::resource(const char* type, const std::string& id) {
  types_.emplace(id, type);
  return append(root_["resource"][type], terraform_name(id));
}

Json& TfWriter::data(const char* type, const std::string& id) { return append(root_["data"][type], terraform_name(id)); }

Json& TfWriter::output(const std::string& id) { return append(root_["output"], terraform_name(id)); }

std::string TfWriter::ref(const char* type, const std::string& id, const char* attr) {
  return "${" + std::string(type) + "." + terraform_name(id) + "." + attr + "}";
}

Json TfWriter::subnets(const aws::Ids& ids) {
  Json out = Json::array();
  for (const auto& id : ids) out.push_back(subnet(id));
  return out;
}

Json TfWriter::groups(const aws::Ids& ids) {
  Json out = Json::array();
  for (const auto& id : ids) out.push_back(group(id));
  return out;
}

Json TfWriter::depends_on(const aws::Ids& ids) const {
  Json out = Json::array();
  for (const auto& id : ids) {
    const auto type = types_.find(id);
    if (type == types_.end()) throw std::logic_error("depends_on " + id + ", which is not written yet");
    out.push_back(std::string(type->second) + "." + terraform_name(id));
  }
  return out;
}

Json TfWriter::tags(const aws::Tags& t) {
  Json out = Json::object();
  out[t.front().key] = terraform_literal(t.front().value);
  return out;
}

}  // namespace archc
