#include "diff/security.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <variant>

#include <fmt/format.h>

#include "diff/nacl_opening.hpp"
#include "model/cidr.hpp"

namespace archc::diff {

namespace {

struct Ports {
  int lo = 0, hi = 0;
};

// The port ranges of the old rules from one source to one group, sorted by
// their first port, with the highest last port so far: some range contains
// [lo, hi] exactly when, among those starting at or before lo, the highest
// end reaches hi.
struct SourceRules {
  std::vector<Ports> ranges;
  std::vector<int> max_hi;
  void finish() {
    std::sort(ranges.begin(), ranges.end(), [](Ports a, Ports b) { return std::tie(a.lo, a.hi) < std::tie(b.lo, b.hi); });
    int high = -1;
    for (const Ports& p : ranges) max_hi.push_back(high = std::max(high, p.hi));
  }
  // The old range that starts last at or before p, else the first: what a
  // source that now reaches more ports reached before.
  Ports nearest(Ports p) const {
    const auto end = std::upper_bound(ranges.begin(), ranges.end(), p.lo, [](int lo, Ports r) { return lo < r.lo; });
    return end == ranges.begin() ? ranges.front() : *(end - 1);
  }
  bool covers(Ports p) const {
    const auto end = std::upper_bound(ranges.begin(), ranges.end(), p.lo, [](int lo, Ports r) { return lo < r.lo; });
    return end != ranges.begin() && max_hi[static_cast<std::size_t>(end - ranges.begin()) - 1] >= p.hi;
  }
};

// A rule's source as the index keys it: a CIDR's network, or `sg:` and the
// group's logical id.
std::string source_key(const aws::IngressRule& r) { return r.cidr.empty() ? "sg:" + r.source_group : r.cidr; }

// Rules of one protocol cover each other; a new protocol from a source is
// new, whatever it had before.
using SourceOf = std::tuple<std::string, std::string, model::Protocol>;  // (group, source, protocol)

class OldRules {
 public:
  explicit OldRules(const aws::Stack& stack) {
    for (const auto& res : stack.resources) {
      const auto* r = std::get_if<aws::IngressRule>(&res);
      if (!r) continue;
      by_source_[{r->group, source_key(*r), r->protocol}].ranges.push_back({r->from_port, r->to_port});
      if (auto c = parse_cidr(r->cidr)) cidrs_[r->group].insert({c->base, c->prefix});
    }
    for (auto& [key, rules] : by_source_) rules.finish();
  }

  const SourceRules* from(const std::string& group, const std::string& source, model::Protocol protocol) const {
    const auto it = by_source_.find({group, source, protocol});
    return it == by_source_.end() ? nullptr : &it->second;
  }

  // Whether an old rule to `group` grants everything `r` does.
  bool covers(const aws::IngressRule& r) const {
    const Ports ports{r.from_port, r.to_port};
    const auto c = parse_cidr(r.cidr);
    if (!c) {
      const SourceRules* old = from(r.group, source_key(r), r.protocol);
      return old && old->covers(ports);
    }
    for (int prefix = c->prefix; prefix >= 0; --prefix) {  // the CIDR and each block that contains it
      const SourceRules* old = from(r.group, Cidr{c->base, prefix}.network().str(), r.protocol);
      if (old && old->covers(ports)) return true;
    }
    return false;
  }

  // An old CIDR source of `group` that `wider` strictly contains, if any:
  // the first by address in `wider`'s range (a block there with a shorter
  // prefix would contain `wider`, not lie in it, so the search goes on past
  // it only within the range).
  std::optional<Cidr> narrower_source(const std::string& group, const Cidr& wider) const {
    const auto it = cidrs_.find(group);
    if (it == cidrs_.end()) return std::nullopt;
    const auto& blocks = it->second;
    for (auto b = blocks.lower_bound({static_cast<std::uint32_t>(wider.first()), wider.prefix + 1});
         b != blocks.end() && b->first <= wider.last(); ++b) {
      const Cidr old{b->first, b->second};
      if (wider.contains(old)) return old;
    }
    return std::nullopt;
  }

 private:
  std::map<SourceOf, SourceRules> by_source_;  // → ports
  std::map<std::string, std::set<std::pair<std::uint32_t, int>>> cidrs_;  // group → (base, prefix)
};

}  // namespace

std::string port_text(model::Protocol protocol, int from, int to) {
  if (!model::has_ports(protocol)) return std::string(model::protocol_name(protocol));
  const std::string ports = from == to ? std::to_string(from) : fmt::format("{}-{}", from, to);
  return protocol == model::Protocol::Tcp ? ports : fmt::format("{}:{}", model::protocol_name(protocol), ports);
}

const char* kind_name(SecurityChange::Kind kind) {
  switch (kind) {
    case SecurityChange::Kind::Internet: return "internet";
    case SecurityChange::Kind::WiderSource: return "wider-source";
    case SecurityChange::Kind::WiderPorts: return "wider-ports";
    case SecurityChange::Kind::NewSource: return "new-source";
    case SecurityChange::Kind::NaclOpened: return "nacl-opened";
  }
  return "new-source";
}

std::vector<SecurityChange> security_changes(const aws::Stack& old_stack, const aws::Stack& new_stack) {
  const OldRules old(old_stack);
  std::set<std::string> databases;
  for (const auto& res : new_stack.resources) {
    if (const auto* db = std::get_if<aws::DbInstance>(&res)) databases.insert(db->security_group);
    if (const auto* cache = std::get_if<aws::CacheReplicationGroup>(&res)) databases.insert(cache->security_group);
  }

  std::vector<Cidr> public_blocks;
  for (const auto& res : new_stack.resources)
    if (const auto* subnet = std::get_if<aws::Subnet>(&res); subnet && subnet->map_public_ip)
      if (auto c = parse_cidr(subnet->cidr)) public_blocks.push_back(*c);
  const std::vector<AddressRange> public_ranges = address_ranges(std::move(public_blocks));
  // Whether `c` overlaps a public subnet: the first range ending at or after
  // its first address starts at or before its last.
  auto reaches_public = [&](const Cidr& c) {
    const auto it = std::lower_bound(public_ranges.begin(), public_ranges.end(), c.first(),
                                     [](const AddressRange& r, std::uint64_t a) { return r.last < a; });
    return it != public_ranges.end() && it->first <= c.last();
  };

  std::vector<SecurityChange> out;
  for (const auto& res : new_stack.resources) {
    const auto* r = std::get_if<aws::IngressRule>(&res);
    if (!r || old.covers(*r)) continue;
    SecurityChange c;
    c.rule = r->id;
    c.group = r->group;
    c.source = r->cidr.empty() ? r->source_group : r->cidr;
    c.protocol = r->protocol;
    c.from_port = r->from_port;
    c.to_port = r->to_port;
    c.description = r->description;
    c.database = databases.count(r->group) > 0;
    const auto cidr = parse_cidr(r->cidr);
    c.public_subnet = cidr && cidr->prefix > 0 && reaches_public(*cidr);  // the internet's is Internet already
    if (const SourceRules* same = old.from(r->group, source_key(*r), r->protocol)) {
      c.kind = SecurityChange::Kind::WiderPorts;
      const Ports was = same->nearest({r->from_port, r->to_port});
      c.was = port_text(r->protocol, was.lo, was.hi);
    } else if (cidr && cidr->prefix == 0) {
      c.kind = SecurityChange::Kind::Internet;
    } else if (auto narrower = cidr ? old.narrower_source(r->group, *cidr) : std::nullopt) {
      c.kind = SecurityChange::Kind::WiderSource;
      c.was = narrower->str();
    }
    out.push_back(std::move(c));
  }
  for (auto& c : nacl_openings(old_stack, new_stack)) out.push_back(std::move(c));
  std::sort(out.begin(), out.end(),
            [](const SecurityChange& a, const SecurityChange& b) { return std::tie(a.group, a.rule) < std::tie(b.group, b.rule); });
  return out;
}

}  // namespace archc::diff
