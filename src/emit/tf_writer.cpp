#include "emit/tf_writer.hpp"

#include <algorithm>
#include <cassert>
#include <stdexcept>

namespace archc {

void TfWriter::open(Section section, std::string_view type, std::string_view id) {
  assert(out_ == &root_);  // one block at a time
  auto group = std::find_if(groups_.begin(), groups_.end(),
                            [&](const Group& g) { return g.section == section && g.type == type; });
  if (group == groups_.end()) {
    // A type's object sits in its section's object, in the root object: two
    // levels deep; the outputs' object is the section's own, one level deep.
    groups_.push_back({section, type, JsonWriter(section == Section::kOutput ? 1 : 2)});
    group = groups_.end() - 1;
    group->blocks.begin_object();
  }
  out_ = &group->blocks;
  scratch_.clear();
  append_terraform_name(scratch_, id);
  key(scratch_);
  begin_object();
}

void TfWriter::resource(const char* type, std::string_view id) {
  types_.emplace(id, type);
  open(Section::kResource, type, id);
}

void TfWriter::data(const char* type, std::string_view id) { open(Section::kData, type, id); }

void TfWriter::ephemeral(const char* type, std::string_view id) { open(Section::kEphemeral, type, id); }

void TfWriter::output(std::string_view id) { open(Section::kOutput, {}, id); }

void TfWriter::close() {
  end_object();
  out_ = &root_;
}

void TfWriter::blocks() {
  // Data sources first and outputs last, as emit_terraform has always
  // written them, whatever order the blocks were opened in.
  for (const auto& [section, name] :
       {std::pair{Section::kData, "data"}, std::pair{Section::kEphemeral, "ephemeral"},
        std::pair{Section::kResource, "resource"}, std::pair{Section::kOutput, "output"}}) {
    bool any = false;
    for (auto& group : groups_) {
      if (group.section != section) continue;
      group.blocks.end_object();
      if (section == Section::kOutput) {
        root_.key(name);
        root_.json(group.blocks.text());
        continue;
      }
      if (!any) {
        root_.key(name);
        root_.begin_object();
        any = true;
      }
      root_.key(group.type);
      root_.json(group.blocks.text());
    }
    if (any) root_.end_object();
  }
  groups_.clear();
}

void TfWriter::key_literal(std::string_view k) {
  scratch_.clear();
  append_terraform_literal(scratch_, k);
  key(scratch_);
}

void TfWriter::literal(std::string_view s) {
  scratch_.clear();
  append_terraform_literal(scratch_, s);
  str(scratch_);
}

void TfWriter::ref_value(const char* type, std::string_view id, const char* attr) {
  scratch_.assign("${").append(type) += '.';
  append_terraform_name(scratch_, id);
  scratch_.append(".").append(attr) += '}';
  str(scratch_);
}

void TfWriter::refs(const char* k, const char* type, const aws::Ids& ids, const char* attr) {
  key(k);
  begin_array();
  for (const auto& id : ids) ref_value(type, id, attr);
  end_array();
}

void TfWriter::depends_on(const aws::Ids& ids) {
  if (ids.empty()) return;
  key("depends_on");
  begin_array();
  for (const auto& id : ids) {
    const auto type = types_.find(id);
    if (type == types_.end()) throw std::logic_error("depends_on " + id + ", which is not written yet");
    scratch_.assign(type->second) += '.';
    append_terraform_name(scratch_, id);
    str(scratch_);
  }
  end_array();
}

}  // namespace archc
