#include "sema/build_model.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "model/aws_catalog.hpp"
#include "model/tag_text.hpp"
#include "sema/kind_reader.hpp"
#include "sema/scope.hpp"
#include "sema/subnet_allocation.hpp"
#include "sema/suggest.hpp"
#include "source/utf8.hpp"

namespace archc {

namespace {

using model::Endpoint;

constexpr int kMaxPort = 65535;

// The file's name made a valid stack name: lower-case letters, digits and
// single hyphens, starting with a letter (names end up in RDS snapshot
// identifiers, which allow no more).
std::string default_stack_name(const SourceFile& file) {
  std::string stem = file.path();
  if (auto slash = stem.find_last_of("/\\"); slash != std::string::npos) stem.erase(0, slash + 1);
  if (auto dot = stem.find('.'); dot != std::string::npos) stem.erase(dot);
  std::string out;
  for (char c : stem) {
    if (std::isalnum(static_cast<unsigned char>(c)) && (!out.empty() || std::isalpha(static_cast<unsigned char>(c))))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  if (out.size() > 64) out.resize(64);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "archc" : out;
}

class ModelBuilder {
 public:
  ModelBuilder(const ast::File& file, const SourceFile& source, Diagnostics& diags, SymbolIndex& symbols)
      : file_(file),
        source_(source),
        diags_(diags),
        eval_(diags, suggester_),
        scope_(diags, symbols, suggester_),
        ctx_{diags, eval_, scope_, symbols, suggester_, m_} {}

  model::Model build() {
    eval_.declare_variables(file_);
    declare();
    build_stack();
    for (auto& [block, index] : vpc_blocks_) build_vpc(*block, m_.vpcs[index]);
    allocate_subnets(m_, diags_);
    for (auto& [block, index] : resource_blocks_) build_resource(*block, *m_.resources[index]);
    for (auto& [block, index] : chain_blocks_) build_chain(*block, m_.chains[index]);
    return std::move(m_);
  }

 private:
  using Blocks = std::vector<std::pair<const ast::Block*, std::size_t>>;

  static const model::KindSpec& network_kind(std::string_view keyword) { return *model::find_top_level_kind(keyword); }

  // Pass 1: every name, so references may point forward.
  void declare() {
    const ast::Block* stack = nullptr;
    // Each list may hold every top-level block: sized once, a file of
    // millions of blocks no longer copies them at each doubling (what is
    // reserved and never written takes no memory).
    const auto blocks = static_cast<std::size_t>(std::count_if(file_.items.begin(), file_.items.end(), [](const auto& item) {
      return std::holds_alternative<std::unique_ptr<ast::Block>>(item);
    }));
    m_.vpcs.reserve(blocks), m_.resources.reserve(blocks), m_.chains.reserve(blocks);
    vpc_blocks_.reserve(blocks), resource_blocks_.reserve(blocks), chain_blocks_.reserve(blocks);
    scope_.expect(blocks);
    for (const auto& item : file_.items) {
      if (const auto* broken = std::get_if<ast::ErrorItem>(&item)) {
        unread_block();  // it may have been any block
        if (auto head = broken->block_head()) scope_.declare_unread(head->kind, head->label);
      }
      const auto* bp = std::get_if<std::unique_ptr<ast::Block>>(&item);
      if (!bp) continue;
      const ast::Block& b = **bp;
      const model::KindSpec* kind = model::find_top_level_kind(b.kind);
      if (!kind) {
        suggester_.suggest(diags_.report(Rule::UnknownBlock, b.kind_range, "unknown block kind `{}`", b.kind),
                           b.kind_range, b.kind, model::top_level_keywords());
        unread_block();  // a misspelt asg or sg-chain, perhaps
        if (!b.labels.empty()) scope_.declare_unread("", b.labels.front().text);
        continue;
      }
      if (kind->labels == model::Labels::OptionalOne) {  // the stack
        if (stack) {
          diags_.report(Rule::DuplicateName, b.kind_range, "a file has at most one stack block")
              .notes.push_back({stack->kind_range, "the first stack block"});
        } else {
          stack = &b;
        }
        continue;
      }
      auto name = block_name(diags_, b);
      if (!name) {
        unread_block();
        continue;
      }
      const SourceRange at = b.labels.front().range;
      if (kind->chain_endpoint) {
        if (!scope_.declare(*kind, *name, at, b, m_.resources.size())) {
          m_.all_placements_read = false;
          continue;
        }
        auto r = kind->make();
        r->kind = kind;
        r->name = *name;
        r->range = at;
        m_.resources.push_back(std::move(r));
        resource_blocks_.emplace_back(&b, m_.resources.size() - 1);
      } else if (kind->edges) {
        if (!scope_.declare(*kind, *name, at, b, m_.chains.size())) {
          m_.all_edges_read = false;
          continue;
        }
        m_.chains.push_back({std::string(*name), at, {}});
        chain_blocks_.emplace_back(&b, m_.chains.size() - 1);
      } else {
        if (!scope_.declare(*kind, *name, at, b, m_.vpcs.size())) continue;
        model::Vpc vpc;
        vpc.name = *name;
        vpc.range = at;
        m_.vpcs.push_back(std::move(vpc));
        vpc_blocks_.emplace_back(&b, m_.vpcs.size() - 1);
      }
    }
    stack_block_ = stack;
    tier_blocks_.resize(m_.vpcs.size());
    for (auto& [block, index] : vpc_blocks_) declare_tiers(*block, index);
  }

  void unread_block() {
    m_.all_edges_read = false;
    m_.all_placements_read = false;
  }

  void declare_tiers(const ast::Block& vpc_block, std::size_t vpc) {
    for (const auto& item : vpc_block.items) {
      if (const auto* broken = std::get_if<ast::ErrorItem>(&item))
        if (auto head = broken->block_head(); head && head->kind == "subnet") scope_.declare_unread_tier(vpc, head->label);
      const auto* bp = std::get_if<std::unique_ptr<ast::Block>>(&item);
      if (!bp || (*bp)->kind != "subnet") continue;
      auto name = block_name(diags_, **bp);
      if (!name) continue;
      model::Vpc& v = m_.vpcs[vpc];
      if (scope_.declare_tier(vpc, v.name, *name, (*bp)->labels.front().range, **bp, v.tiers.size())) {
        model::Tier t;
        t.name = *name;
        t.range = (*bp)->labels.front().range;
        v.tiers.push_back(std::move(t));
        tier_blocks_[vpc].push_back(bp->get());
      }
    }
  }

  void build_stack() {
    m_.stack.name = default_stack_name(source_);
    if (!stack_block_) return;
    const ast::Block& b = *stack_block_;
    if (b.labels.size() > 1) diags_.report(Rule::ExtraLabel, b.labels[1].range, "`stack` takes one name");
    if (!b.labels.empty()) m_.stack.name = b.labels.front().text;
    m_.stack.range = b.labels.empty() ? b.kind_range : b.labels.front().range;
    if (!valid_stack_name(m_.stack.name))
      diags_.report(Rule::InvalidName, m_.stack.range,
                   "a stack name starts with a letter and holds letters, digits and single hyphens, not at the end (at most 64)");
    KindReader r(ctx_, b, network_kind("stack"), {"the stack"});
    if (auto region = r.string("region")) m_.stack.region = *region;
    if (auto tags = r.string_map("tags")) {
      for (const auto& m : tags->members) {
        if (m.key == "Name") {
          diags_.report(Rule::InvalidValue, key_range(m), "the Name tag is set by archc for every resource");
          continue;
        }
        if (valid_tag(m)) m_.stack.tags.push_back({m.key, m.value.text, m.value.range});
      }
      // archc adds Name to each resource.
      const AwsLimit& most = AwsCatalog::get().limit("tags_per_resource");
      if (tags->members.size() + 1 > most.value)
        diags_.report(Rule::LimitExceeded, tags->range, "{} tags and archc's Name make {}; a resource takes at most {}",
                      tags->members.size(), tags->members.size() + 1, most.value);
    }
  }

  // A tag AWS accepts (Tagging AWS Resources, "Tag naming limits and
  // requirements"): a key of 1 to 128 characters that does not start with
  // `aws:`, a value of at most 256. Reports what is wrong; warns of
  // characters other than letters, digits, spaces and `_ . : / = + - @`,
  // which some services refuse.
  // Where a tag's key is written; its value's place when the key comes
  // from elsewhere (an object built by a function).
  static SourceRange key_range(const Member& m) { return m.key_range.valid() ? m.key_range : m.value.range; }

  bool valid_tag(const Member& m) {
    const std::string& key = m.key;
    const Value& value = m.value;
    const auto characters = [](const std::string& s) { return static_cast<std::uint64_t>(count_code_points(s)); };
    const AwsLimit& key_length = AwsCatalog::get().limit("tag_key_length");
    const AwsLimit& value_length = AwsCatalog::get().limit("tag_value_length");
    if (key.empty()) {
      diags_.report(Rule::InvalidValue, key_range(m), "a tag key must not be empty");
    } else if (characters(key) > key_length.value) {
      diags_.report(Rule::LimitExceeded, key_range(m), "the tag key `{}...` has {} characters; AWS takes at most {}",
                    key.substr(0, utf8_boundary_at_or_before(key, 16)), characters(key), key_length.value);
    } else if (key.size() >= 4 && std::equal(key.begin(), key.begin() + 4, "aws:", [](char a, char b) {
                 return std::tolower(static_cast<unsigned char>(a)) == b;
               })) {
      diags_.report(Rule::InvalidValue, key_range(m), "the tag key `{}` starts with `aws:`, which AWS keeps for its own tags", key);
    } else if (characters(value.text) > value_length.value) {
      diags_.report(Rule::LimitExceeded, value.range, "the value of tag `{}` has {} characters; AWS takes at most {}", key,
                    characters(value.text), value_length.value);
    } else {
      if (!is_tag_text(key) || !is_tag_text(value.text))
        diags_.report(Rule::TagCharacters, is_tag_text(key) ? value.range : key_range(m),
                      "tag `{}` holds a character that RDS, ElastiCache and load balancers refuse: use letters, "
                      "digits, spaces and `_ . : / = + - @`",
                      key);
      return true;
    }
    return false;
  }

  static bool valid_stack_name(const std::string& n) {
    if (n.empty() || n.size() > 64 || !std::isalpha(static_cast<unsigned char>(n[0])) || n.back() == '-' ||
        n.find("--") != std::string::npos)
      return false;
    return std::all_of(n.begin(), n.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; });
  }

  // A CIDR attribute value: parsed, network-aligned, prefix within bounds.
  std::optional<Cidr> cidr_value(const std::string& text, SourceRange range, const char* what) {
    auto c = network_cidr(text, range, "10.0.0.0/16");
    if (c && (c->prefix < 16 || c->prefix > 28)) {
      diags_.report(Rule::CidrPrefix, range, "a {} prefix must be from /16 to /28, not /{}", what, c->prefix);
      return std::nullopt;
    }
    return c;
  }

  // A CIDR block with no host bits set.
  std::optional<Cidr> network_cidr(const std::string& text, SourceRange range, const char* example) {
    auto c = parse_cidr(text);
    if (!c) {
      diags_.report(Rule::InvalidCidr, range, "`{}` is not an IPv4 CIDR block such as {}", text, example);
      return std::nullopt;
    }
    if (c->host_bits_set()) {
      auto& d = diags_.report(Rule::CidrHostBits, range, "`{}` has host bits set", text);
      d.notes.push_back({{}, fmt::format("did you mean `{}`?", c->network().str())});
      if (const SourceRange at = quoted_contents(range, text); at.valid()) d.fixits.push_back({at, c->network().str()});
      return std::nullopt;
    }
    return c;
  }

  void build_vpc(const ast::Block& b, model::Vpc& vpc) {
    KindReader r(ctx_, b, network_kind("vpc"), {"vpc `{}`", vpc.name});
    if (auto s = r.string("cidr")) {
      vpc.cidr_range = r.get("cidr")->value->range;
      vpc.cidr = cidr_value(*s, vpc.cidr_range, "VPC");
    }
    build_zones(r, vpc);
    bool nat_given = false;
    if (auto nat = r.string("nat")) {
      vpc.nat_range = r.get("nat")->value->range;
      nat_given = true;
      vpc.nat = *nat == "none" ? model::NatMode::None : *nat == "single" ? model::NatMode::Single : model::NatMode::PerZone;
    }
    const std::size_t vpc_index = static_cast<std::size_t>(&vpc - m_.vpcs.data());
    auto& tier_blocks = tier_blocks_[vpc_index];
    for (std::size_t i = 0; i < tier_blocks.size(); ++i) build_tier(*tier_blocks[i], vpc, vpc.tiers[i]);
    if (!vpc.has_public_tier() && vpc.nat != model::NatMode::None) {
      // A NAT gateway lives in a public subnet: without one there is none.
      if (nat_given)
        diags_.report(Rule::NatWithoutPublicTier, vpc.nat_range,
                     fmt::format("vpc `{}` has no public tier to hold a NAT gateway", vpc.name))
            .notes.push_back({{}, "add a tier with `public = true`, or set nat = \"none\""});
      vpc.nat = model::NatMode::None;
    }
    build_gateway_names(r, vpc);
  }

  // `igw_name` and `nat_names`, once the tiers and NAT mode say which
  // gateways there are.
  void build_gateway_names(KindReader& r, model::Vpc& vpc) {
    if (auto name = r.string("igw_name")) {
      const SourceRange at = r.get("igw_name")->value->range;
      if (!vpc.has_public_tier())
        diags_.report(Rule::InvalidValue, at,
                      fmt::format("vpc `{}` has no internet gateway to name: none of its tiers is public", vpc.name));
      else
        vpc.igw_name = r.name_tag(*name, at);
    }
    const auto names = r.string_list("nat_names");
    if (!names) return;
    const std::size_t gateways = vpc.nat_gateways();
    if (names->items.size() != gateways) {
      diags_.report(Rule::InvalidValue, names->range,
                    fmt::format("`nat_names` has {} name{} but vpc `{}` has {} NAT gateway{}", names->items.size(),
                                names->items.size() == 1 ? "" : "s", vpc.name, gateways, gateways == 1 ? "" : "s"))
          .notes.push_back({vpc.nat_range.valid() ? vpc.nat_range : vpc.zones_range,
                            "`nat` and the zones decide how many: one a zone, one, or none"});
      return;
    }
    for (const auto& item : names->items)
      if (auto n = r.name_tag(item.text, item.range)) vpc.nat_names.push_back(std::move(*n));
    // A name that could not be read leaves the rest unmatched to their zones.
    if (vpc.nat_names.size() != gateways) vpc.nat_names.clear();
  }

  void build_zones(KindReader& r, model::Vpc& vpc) {
    auto zones = r.string_list("zones");
    if (!zones) return;
    vpc.zones_range = zones->range;
    if (zones->items.empty()) {
      diags_.report(Rule::InvalidValue, zones->range, "`zones` needs at least one zone letter");
      return;
    }
    const auto* known = AwsCatalog::get().zones(m_.stack.region);
    std::set<std::string_view> listed;  // of zones->items, which outlives it
    for (const auto& z : zones->items) {
      if (!listed.insert(z.text).second) {
        diags_.report(Rule::DuplicateZone, z.range, "zone `{}` is listed twice", z.text);
      } else if (known && std::find(known->begin(), known->end(), z.text) == known->end()) {
        auto& d = diags_.report(Rule::UnknownZone, z.range,
                               fmt::format("zone `{}` does not exist in {}", z.text, m_.stack.region));
        d.notes.push_back({{}, fmt::format("{} has zones {}", m_.stack.region, fmt::join(*known, ", "))});
        if (m_.stack.range.valid()) d.notes.push_back({m_.stack.range, "the region is set by this stack"});
      }
      // Kept even when wrong, so the tiers' `cidrs` still count against
      // what the user wrote instead of cascading into cidr-count errors.
      vpc.zones.push_back(z.text);
    }
    warn_zone_caveat(*zones);
  }

  // One warning a VPC, at the first of its letters the region's caveat names.
  void warn_zone_caveat(const Value& zones) {
    const ZoneCaveat* caveat = AwsCatalog::get().zone_caveat(m_.stack.region);
    if (!caveat) return;
    std::vector<std::string> named;
    SourceRange first;
    for (const auto& z : zones.items) {
      if (std::find(caveat->zones.begin(), caveat->zones.end(), z.text) == caveat->zones.end()) continue;
      if (std::find(named.begin(), named.end(), "`" + z.text + "`") != named.end()) continue;
      if (named.empty()) first = z.range;
      named.push_back("`" + z.text + "`");
    }
    if (named.empty()) return;
    diags_
        .report(Rule::ZoneAvailability, first,
                fmt::format("zone{} {} of {}: {}", named.size() == 1 ? "" : "s", fmt::join(named, ", "),
                            m_.stack.region, caveat->reason))
        .notes.push_back({{}, fmt::format("see {}", caveat->source)});
  }

  void build_tier(const ast::Block& b, const model::Vpc& vpc, model::Tier& t) {
    KindReader r(ctx_, b, *network_kind("vpc").nested_kind("subnet"), {"subnet tier `{}.{}`", vpc.name, t.name});
    t.is_public = r.boolean("public").value_or(false);
    t.isolated = r.boolean("isolated").value_or(false);
    if (t.is_public && t.isolated)
      diags_.report(Rule::ConflictingAttributes, r.get("isolated")->name_range(),
                   "a tier cannot be both public and isolated");
    const auto* cidrs_attr = r.get("cidrs");
    const auto* size_attr = r.get("size");
    if (cidrs_attr && size_attr) {
      diags_.report(Rule::ConflictingAttributes, size_attr->name_range(), "give either `cidrs` or `size`, not both")
          .notes.push_back({cidrs_attr->name_range(), "`cidrs` is given here"});
      return;
    }
    if (!cidrs_attr && !size_attr && !r.broken()) {
      diags_.report(Rule::MissingAttribute, t.range,
                   fmt::format("subnet tier `{}.{}` needs `cidrs` (one per zone) or `size` (a prefix length)", vpc.name, t.name));
      return;
    }
    if (size_attr) {
      if (auto size = r.integer("size")) {
        t.size = *size;
        t.cidr_ranges.assign(vpc.zones.size(), size_attr->value->range);
      }
      return;
    }
    auto cidrs = r.string_list("cidrs");
    if (!cidrs) return;
    if (cidrs->items.size() != vpc.zones.size() && !vpc.zones.empty()) {
      diags_.report(Rule::CidrCount, cidrs->range,
                   fmt::format("`cidrs` has {} block{} but vpc `{}` has {} zone{}", cidrs->items.size(),
                               cidrs->items.size() == 1 ? "" : "s", vpc.name, vpc.zones.size(),
                               vpc.zones.size() == 1 ? "" : "s"))
          .notes.push_back({vpc.zones_range, "the zones are listed here"});
      return;
    }
    for (const auto& item : cidrs->items) {
      if (auto c = cidr_value(item.text, item.range, "subnet")) {
        t.cidrs.push_back(*c);
        t.cidr_ranges.push_back(item.range);
      }
    }
  }

  void build_resource(const ast::Block& b, model::Resource& resource) {
    const std::size_t errors = diags_.error_count();
    KindReader r(ctx_, b, *resource.kind, {"{} `{}`", resource.kind->keyword, resource.name});
    resource.subnets = r.tier("subnets");
    if (!resource.subnets) m_.all_placements_read = false;
    // Kinds that send traffic declare `egress` (kinds::egress_attribute).
    if (resource.kind->attribute("egress"))
      if (const auto egress = r.string("egress")) {
        resource.chain_egress = *egress == "chain";
        resource.egress_range = r.get("egress")->value->range;
      }
    resource.kind->read(r, resource);
    // An attribute that was wrong keeps its default, which the source does
    // not say: the checks then do not judge this resource's attributes.
    resource.complete = !r.broken() && diags_.error_count() == errors;
  }

  void build_chain(const ast::Block& b, model::Chain& chain) {
    KindReader r(ctx_, b, network_kind("sg-chain"), {"sg-chain `{}`", chain.name});
    if (r.broken()) m_.all_edges_read = false;
    for (const auto* e : r.edges()) {
      model::Edge edge;
      edge.range = e->range;
      // An edge to `internet` or a CIDR lets its source's group send there.
      const bool egress = e->to.internet || e->to.expr->kind == ast::ExprKind::String;
      auto from = edge_source(e->from);
      auto to = egress ? edge_source(e->to) : edge_target(e->to);
      if (egress && from && !from->is_resource()) {
        diags_.report(Rule::InvalidEdge, e->from.range,
                      "an edge to {} is an egress rule of its source's security group: it starts at a resource "
                      "such as `asg.NAME`",
                      e->to.internet ? "internet" : "a CIDR");
        from.reset();
      }
      if (egress && e->ports.empty()) {
        diags_.report(Rule::InvalidEdge, e->to.range,
                      "an egress edge names what it lets out, as in `asg.NAME -> internet : https`");
        from.reset();
      }
      bool ok = from && to;
      for (const auto& p : e->ports) {
        auto port = port_range(p);
        if (port) edge.ports.push_back(*port);
        ok = ok && port;
      }
      if (!ok) {
        m_.all_edges_read = false;
        continue;
      }
      edge.from = *from;
      edge.to = *to;
      if (egress) {
        chain.egress.push_back(std::move(edge));
        continue;
      }
      if (edge.ports.empty()) edge.ports = default_ports(edge.to);
      chain.edges.push_back(std::move(edge));
    }
  }

  std::optional<Endpoint> edge_source(const ast::Endpoint& ep) {
    Endpoint out;
    out.range = ep.range;
    if (ep.internet) return out;
    if (ep.expr->kind == ast::ExprKind::String) {
      auto v = eval_.eval(*ep.expr);
      if (!v) return std::nullopt;
      auto c = network_cidr(v->text, ep.range, "203.0.113.7/32");
      if (!c) return std::nullopt;
      out.kind = Endpoint::Kind::Cidr;
      out.cidr = *c;
      return out;
    }
    return scope_.resolve(*ep.expr);
  }

  std::optional<Endpoint> edge_target(const ast::Endpoint& ep) {
    if (ep.internet || ep.expr->kind != ast::ExprKind::Reference) {
      diags_.report(Rule::InvalidEdge, ep.range, "an edge ends at a resource with a security group of its own, such as `asg.NAME`: it opens that group");
      return std::nullopt;
    }
    auto out = scope_.resolve(*ep.expr);
    if (out && !out->is_resource()) {
      diags_.report(Rule::InvalidEdge, ep.range, "an edge ends at a resource with a security group of its own, such as `asg.NAME`: it opens that group");
      return std::nullopt;
    }
    return out;
  }

  // One port item of an edge: `443`, `8000..8100`, `https` (TCP), a
  // protocol and its ports (`udp:1194`, `tcp:https`), or a protocol
  // without ports: `icmp` (every type and code) or `all` (every protocol).
  std::optional<model::PortRange> port_range(const ast::Port& p) {
    model::PortRange out;
    out.range = p.range;
    if (!p.protocol.empty()) {
      const auto protocol = ports_protocol(p.protocol);
      if (!protocol) {
        const SourceRange at = p.protocol_range;
        if (p.protocol == "icmp" || p.protocol == "all")
          diags_.report(Rule::InvalidProtocol, at, "`{}` takes no ports: write `{}` alone, which opens every {}", p.protocol,
                        p.protocol, p.protocol == "icmp" ? "ICMP type and code" : "protocol and port");
        else
          suggester_.suggest(diags_.report(Rule::InvalidProtocol, at, "unknown protocol `{}`: ports follow tcp or udp", p.protocol),
                             at, p.protocol, {"tcp", "udp"});
        return std::nullopt;
      }
      out.protocol = *protocol;
    } else if (p.kind == ast::Port::Kind::Name && (p.name == "icmp" || p.name == "all")) {
      out.protocol = p.name == "icmp" ? model::Protocol::Icmp : model::Protocol::All;
      out.lo = 0;
      out.hi = kMaxPort;
      return out;
    }
    if (p.kind == ast::Port::Kind::Name) {
      auto port = AwsCatalog::get().port(p.name);
      if (!port) {
        std::vector<std::string> names = AwsCatalog::get().port_names();
        if (p.protocol.empty()) names.insert(names.end(), {"icmp", "all"});
        suggester_.suggest(diags_.report(Rule::UnknownPort, p.range, "unknown port name `{}`", p.name), p.range, p.name,
                           names);
        return std::nullopt;
      }
      out.lo = out.hi = *port;
      return out;
    }
    if (p.lo < 1 || p.hi > kMaxPort || p.lo > p.hi) {
      diags_.report(Rule::InvalidPort, p.range, "a port is from 1 to 65535, and a range runs from low to high");
      return std::nullopt;
    }
    out.lo = static_cast<int>(p.lo);
    out.hi = static_cast<int>(p.hi);
    return out;
  }

  // The protocol written before ports: tcp or udp.
  static std::optional<model::Protocol> ports_protocol(std::string_view name) {
    if (name == "tcp") return model::Protocol::Tcp;
    if (name == "udp") return model::Protocol::Udp;
    return std::nullopt;
  }

  // An edge without ports opens what the target serves.
  std::vector<model::PortRange> default_ports(const Endpoint& to) const {
    std::vector<model::PortRange> out;
    for (int port : m_.resources[to.index]->serving_ports()) out.push_back({port, port, to.range});
    return out;
  }

  const ast::File& file_;
  const SourceFile& source_;
  Diagnostics& diags_;
  Suggester suggester_;  // one budget for the whole file
  Evaluator eval_;
  model::Model m_;
  Scope scope_;
  ReadContext ctx_;
  const ast::Block* stack_block_ = nullptr;
  std::vector<std::vector<const ast::Block*>> tier_blocks_;  // by vpc index
  Blocks vpc_blocks_, resource_blocks_, chain_blocks_;
};

}  // namespace

model::Model build_model(const ast::File& file, const SourceFile& source, Diagnostics& diags, SymbolIndex& symbols) {
  model::Model m = ModelBuilder(file, source, diags, symbols).build();
  symbols.finish();
  return m;
}

}  // namespace archc
