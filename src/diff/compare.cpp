#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "diff/diff.hpp"
#include "diff/properties.hpp"
#include "model/cidr.hpp"

namespace archc::diff {

namespace {

using Index = std::map<std::string_view, const aws::Resource*>;

// The elements of `a` that `b` lacks, in `a`'s order, counted as a
// multiset. O(n log n).
std::vector<std::string> missing_from(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::map<std::string_view, std::size_t> left;
  for (const auto& x : b) ++left[x];
  std::vector<std::string> out;
  for (const auto& x : a) {
    const auto it = left.find(x);
    if (it != left.end() && it->second > 0) --it->second;
    else out.push_back(x);
  }
  return out;
}

Index index(const aws::Stack& s) {
  Index out;
  for (const auto& r : s.resources) out.emplace(aws::id_of(r), &r);
  return out;
}

// The properties that differ, in the new view's order, then those only the
// old one has, in its order.
std::vector<PropertyChange> changed_properties(const ResourceView& old_view, const ResourceView& new_view) {
  std::map<std::string_view, const Property*> old_by_name;
  for (const auto& p : old_view.properties) old_by_name.emplace(p.name, &p);
  std::vector<PropertyChange> out;
  auto add = [&](const std::string& name, const Property* before, const Property* after) {
    PropertyChange c;
    c.name = name;
    c.old_value = before ? before->value : "";
    c.new_value = after ? after->value : "";
    c.old_present = before != nullptr;
    c.new_present = after != nullptr;
    c.replacement = replacement_rule(new_view.type, name);
    if (before && after && before->is_list && after->is_list) {
      c.is_list = true;
      c.added = missing_from(after->items, before->items);
      c.removed = missing_from(before->items, after->items);
    }
    out.push_back(std::move(c));
  };
  for (const auto& p : new_view.properties) {
    const auto it = old_by_name.find(p.name);
    const Property* before = it == old_by_name.end() ? nullptr : it->second;
    if (!before || before->value != p.value) add(p.name, before, &p);
    if (it != old_by_name.end()) old_by_name.erase(it);
  }
  for (const auto& p : old_view.properties)
    if (old_by_name.count(p.name)) add(p.name, &p, nullptr);
  return out;
}

// Fills each move's `onto`: the old subnets of each VPC sorted by first
// address (they do not overlap: the cidr-overlap check), one lookup each.
void find_conflicts(const aws::Stack& old_stack, std::vector<SubnetMove>& moves) {
  struct Block {
    std::uint64_t first, last;
    const std::string* id;
  };
  std::map<std::string_view, std::vector<Block>> by_vpc;
  std::map<std::string_view, std::string_view> vpc_of;
  for (const auto& r : old_stack.resources)
    if (const auto* s = std::get_if<aws::Subnet>(&r))
      if (const auto c = parse_cidr(s->cidr)) {
        by_vpc[s->vpc].push_back({c->first(), c->last(), &s->id});
        vpc_of[s->id] = s->vpc;
      }
  for (auto& [vpc, blocks] : by_vpc)
    std::sort(blocks.begin(), blocks.end(), [](const Block& a, const Block& b) { return a.first < b.first; });
  for (auto& m : moves) {
    const auto vpc = vpc_of.find(m.id);
    const auto c = parse_cidr(m.new_cidr);
    if (vpc == vpc_of.end() || !c) continue;
    const auto& blocks = by_vpc[vpc->second];
    // The first block ending at or after the new CIDR's start, and the next
    // (the moved subnet's own old block may be the first).
    auto it = std::lower_bound(blocks.begin(), blocks.end(), c->first(),
                               [](const Block& b, std::uint64_t a) { return b.last < a; });
    for (int n = 0; n < 2 && it != blocks.end() && it->first <= c->last(); ++n, ++it)
      if (*it->id != m.id) {
        m.onto = *it->id;
        break;
      }
  }
}

ResourceChange whole(ResourceChange::Kind kind, const aws::Resource& r) {
  return {kind, aws::id_of(r), std::string(view(r).type), {}, {}, {}};
}

// Marks what a replacement replaces in turn: each resource of the new stack
// with a replacing property (replacement.hpp) whose value, or an element of
// it, is the logical id of a replaced resource, transitively. `replaced`
// holds the ids replaced on their own (a replacing property changed, or a
// type changed under the id); a resource so found that did not change is
// added to `modified` with no property. O(n log n) in the properties.
void follow_replacements(const Index& after, std::vector<std::string> replaced,
                         std::vector<ResourceChange>& modified) {
  struct Dependent {
    std::string_view id, type;  // the index's key; a type's literal
    std::string property;       // the view's, which does not outlive its loop
  };
  std::map<std::string_view, std::vector<Dependent>> referring;  // referred id -> who refers to it
  for (const auto& entry : after) {
    const std::string_view id = entry.first;  // named, not bound: lambdas cannot capture bindings before C++20's P1091 in clang 16
    const ResourceView v = view(*entry.second);
    for (const auto& p : v.properties) {
      if (!replacement_rule(v.type, p.name)) continue;
      const auto refer = [&](const std::string& value) {
        if (const auto target = after.find(value); target != after.end() && target->first != id)
          referring[target->first].push_back({id, v.type, p.name});
      };
      if (p.is_list) {
        for (const auto& item : p.items) refer(item);
      } else {
        refer(p.value);
      }
    }
  }
  std::map<std::string_view, ResourceChange*> changes;
  for (auto& c : modified) changes.emplace(c.id, &c);
  std::map<std::string, ResourceChange> found;  // unchanged resources replaced in turn
  std::set<std::string> done(replaced.begin(), replaced.end());
  while (!replaced.empty()) {
    const std::string source = std::move(replaced.back());
    replaced.pop_back();
    const auto it = referring.find(source);
    if (it == referring.end()) continue;
    for (const Dependent& d : it->second) {
      if (!done.emplace(d.id).second) continue;
      ResourceChange* c = changes.count(d.id) ? changes[d.id] : nullptr;
      if (!c) {
        c = &found.emplace(std::string(d.id), ResourceChange{ResourceChange::Kind::Modified, std::string(d.id),
                                                             std::string(d.type), {}, {}, {}})
                 .first->second;
      }
      c->follows_property = d.property;
      c->follows = source;
      replaced.push_back(std::string(d.id));
    }
  }
  for (auto& [id, c] : found) modified.push_back(std::move(c));
  std::sort(modified.begin(), modified.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
}

}  // namespace

const char* kind_name(ResourceChange::Kind kind) {
  switch (kind) {
    case ResourceChange::Kind::Added: return "added";
    case ResourceChange::Kind::Removed: return "removed";
    case ResourceChange::Kind::Modified: return "modified";
  }
  return "modified";
}

bool ResourceChange::replaced() const {
  return !follows.empty() ||
         std::any_of(properties.begin(), properties.end(), [](const PropertyChange& p) { return p.replaces(); });
}

std::size_t Diff::count(ResourceChange::Kind kind) const {
  return static_cast<std::size_t>(
      std::count_if(resources.begin(), resources.end(), [kind](const ResourceChange& r) { return r.kind == kind; }));
}

std::size_t Diff::replacements() const {
  return static_cast<std::size_t>(
      std::count_if(resources.begin(), resources.end(), [](const ResourceChange& r) { return r.replaced(); }));
}

Diff compare(const aws::Stack& old_stack, const aws::Stack& new_stack) {
  const Index before = index(old_stack), after = index(new_stack);
  std::vector<ResourceChange> removed, modified, added;
  std::vector<std::string> replaced;  // ids replaced on their own
  Diff d;
  for (const auto& [id, old_res] : before) {
    const auto it = after.find(id);
    if (it == after.end()) {
      removed.push_back(whole(ResourceChange::Kind::Removed, *old_res));
      continue;
    }
    const ResourceView old_view = view(*old_res), new_view = view(*it->second);
    if (old_view.type != new_view.type) {  // one logical id, another kind of thing: a new resource
      removed.push_back(whole(ResourceChange::Kind::Removed, *old_res));
      added.push_back(whole(ResourceChange::Kind::Added, *it->second));
      replaced.emplace_back(id);
      continue;
    }
    auto properties = changed_properties(old_view, new_view);
    if (properties.empty()) continue;
    if (const auto* subnet = std::get_if<aws::Subnet>(it->second)) {
      const auto& old_subnet = std::get<aws::Subnet>(*old_res);
      if (old_subnet.cidr != subnet->cidr) d.subnets.push_back({subnet->id, subnet->zone, old_subnet.cidr, subnet->cidr, {}});
    }
    modified.push_back(
        {ResourceChange::Kind::Modified, std::string(id), std::string(new_view.type), std::move(properties), {}, {}});
    if (modified.back().replaced()) replaced.emplace_back(id);
  }
  follow_replacements(after, std::move(replaced), modified);
  for (const auto& [id, new_res] : after)
    if (!before.count(id)) added.push_back(whole(ResourceChange::Kind::Added, *new_res));
  std::sort(added.begin(), added.end(), [](const auto& a, const auto& b) { return a.id < b.id; });

  d.resources = std::move(removed);
  d.resources.insert(d.resources.end(), std::make_move_iterator(modified.begin()), std::make_move_iterator(modified.end()));
  d.resources.insert(d.resources.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
  find_conflicts(old_stack, d.subnets);
  d.security = security_changes(old_stack, new_stack);
  return d;
}

}  // namespace archc::diff
