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
        eval_(diags, suggester_, symbols),
        scope_(diags, symbols, suggester_),
        ctx_{diags, eval_, scope_, symbols, suggester_, m_} {}

  model::Model build() {
    eval_.declare_variables(file_);
    declare();
    build_stack();
    for (auto& [block, index] : vpc_blocks_) build_vpc(*block, m_.vpcs[index]);
    allocate_subnets(m_, diags_);
    for (auto& [block, index] : resource_blocks_) build_resource(*block, *m_.resources[index]);
    for (auto& [block, index] : service_blocks_) build_service(*block, *m_.services[index]);
    for (auto& [block, index] : peering_blocks_) build_peering(*block, m_.peerings[index]);
    for (auto& [block, index] : endpoint_blocks_) build_endpoint(*block, m_.gateway_endpoints[index]);
    for (auto& [block, index] : nacl_blocks_) build_nacl(*block, m_.nacls[index]);
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
        // An endpoint kind's `make` makes a model::Resource (model/kind.hpp).
        m_.resources.emplace_back(static_cast<model::Resource*>(kind->make().release()));
        name_block(*m_.resources.back(), *kind, *name, at);
        resource_blocks_.emplace_back(&b, m_.resources.size() - 1);
      } else if (kind->service) {
        if (!scope_.declare(*kind, *name, at, b, m_.services.size())) continue;
        m_.services.push_back(kind->make());
        name_block(*m_.services.back(), *kind, *name, at);
        service_blocks_.emplace_back(&b, m_.services.size() - 1);
      } else if (kind->keyword == "nacl") {
        if (!scope_.declare(*kind, *name, at, b, m_.nacls.size())) continue;
        m_.nacls.push_back({std::string(*name), at, {}, {}, {}, {}, {}, true});
        nacl_blocks_.emplace_back(&b, m_.nacls.size() - 1);
      } else if (kind->edges) {
        if (!scope_.declare(*kind, *name, at, b, m_.chains.size())) {
          m_.all_edges_read = false;
          continue;
        }
        m_.chains.push_back({std::string(*name), at, {}, {}});
        chain_blocks_.emplace_back(&b, m_.chains.size() - 1);
      } else if (kind == &network_kind("peering")) {
        if (!scope_.declare(*kind, *name, at, b, m_.peerings.size())) continue;
        m_.peerings.emplace_back().name = *name;
        m_.peerings.back().range = at;
        peering_blocks_.emplace_back(&b, m_.peerings.size() - 1);
      } else if (kind == &network_kind("gateway-endpoint")) {
        if (!scope_.declare(*kind, *name, at, b, m_.gateway_endpoints.size())) continue;
        m_.gateway_endpoints.emplace_back().name = *name;
        m_.gateway_endpoints.back().range = at;
        endpoint_blocks_.emplace_back(&b, m_.gateway_endpoints.size() - 1);
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

  static void name_block(model::Block& block, const model::KindSpec& kind, std::string_view name, SourceRange at) {
    block.kind = &kind;
    block.name = name;
    block.range = at;
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

  // A tier list of a peering or an endpoint: every tier must be in one of
  // the VPCs `vpcs` (reported at the tier, naming what it is not in).
  std::vector<model::TierRef> tiers_in(KindReader& r, std::initializer_list<std::optional<std::size_t>> vpcs,
                                       std::string_view what) {
    auto tiers = r.tiers("tiers");
    if (!tiers) return {};
    std::vector<model::TierRef> out;
    for (const auto& t : *tiers) {
      if (std::find(vpcs.begin(), vpcs.end(), std::optional<std::size_t>(t.vpc)) != vpcs.end()) {
        out.push_back(t);
        continue;
      }
      std::vector<std::string> names;
      for (const auto& v : vpcs)
        if (v) names.push_back(fmt::format("vpc `{}`", m_.vpcs[*v].name));
      diags_.report(Rule::InvalidValue, t.range, "tier `{}.{}` is not in {} of {}", m_.vpcs[t.vpc].name,
                    m_.tier(t).name, fmt::join(names, " or "), what);
    }
    return out;
  }

  void build_peering(const ast::Block& b, model::Peering& p) {
    KindReader r(ctx_, b, network_kind("peering"), {"peering `{}`", p.name});
    p.vpc = r.resource("vpc");
    if (const auto* a = r.get("vpc")) p.vpc_range = a->value->range;
    p.peer_vpc = r.resource("peer_vpc");
    const auto* peer_vpc = r.get("peer_vpc");
    if (peer_vpc) p.peer_vpc_range = peer_vpc->value->range;
    const auto* peer_id = r.get("peer_vpc_id");
    if (peer_vpc) {
      // The outside attributes describe a VPC of the file already: its
      // block, region (the stack's) and account (the stack's).
      for (const char* outside : {"peer_vpc_id", "peer_cidr", "peer_region", "peer_owner"})
        if (const auto* a = r.get(outside))
          diags_.report(Rule::ConflictingAttributes, a->name_range(),
                        "`{}` describes a VPC outside the stack; `peer_vpc` names one of the file", outside)
              .notes.push_back({peer_vpc->name_range(), "`peer_vpc` is given here"});
    } else if (!peer_id) {
      if (!r.broken())
        diags_.report(Rule::MissingAttribute, r.name_range(),
                      "peering `{}` needs `peer_vpc` (a VPC of the file) or `peer_vpc_id` and `peer_cidr`", p.name);
    } else {
      if (auto id = r.string("peer_vpc_id")) {
        if (!is_vpc_id(*id))
          diags_.report(Rule::InvalidValue, peer_id->value->range,
                        "`{}` is not a VPC id: vpc- and 8 or 17 hexadecimal digits", *id);
        p.peer_vpc_id = *id;
      }
      if (auto cidr = r.string("peer_cidr")) {
        p.peer_cidr_range = r.get("peer_cidr")->value->range;
        p.peer_cidr = cidr_value(*cidr, p.peer_cidr_range, "VPC");
      } else if (!r.get("peer_cidr") && !r.broken()) {
        diags_.report(Rule::MissingAttribute, r.name_range(),
                      "peering `{}` needs `peer_cidr`, the block of vpc {}, to route to it", p.name, p.peer_vpc_id);
      }
      if (auto region = r.string("peer_region")) {
        p.peer_region = *region;
        p.peer_region_range = r.get("peer_region")->value->range;
      }
      if (auto owner = r.string("peer_owner")) {
        if (owner->size() != 12 || !std::all_of(owner->begin(), owner->end(), [](char c) { return c >= '0' && c <= '9'; }))
          diags_.report(Rule::InvalidValue, r.get("peer_owner")->value->range,
                        "`{}` is not an AWS account id: 12 digits", *owner);
        p.peer_owner = *owner;
      }
    }
    if (p.vpc && p.peer_vpc && *p.vpc == *p.peer_vpc)
      diags_.report(Rule::InvalidValue, p.peer_vpc_range, "peering `{}` joins vpc `{}` to itself", p.name,
                    m_.vpcs[*p.vpc].name);
    if (const auto* tiers = r.get("tiers")) {
      p.tiers_given = true;
      p.tiers_range = tiers->value->range;
      p.tiers_written = tiers->value->items().size();
      p.tiers = tiers_in(r, {p.vpc, p.peer_vpc}, fmt::format("peering `{}`", p.name));
    }
  }

  // vpc- and 8 or 17 hexadecimal digits: the two forms EC2 VPC ids take.
  static bool is_vpc_id(const std::string& s) {
    if (s.rfind("vpc-", 0) != 0 || (s.size() != 12 && s.size() != 21)) return false;
    return std::all_of(s.begin() + 4, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
  }

  void build_endpoint(const ast::Block& b, model::GatewayEndpoint& e) {
    KindReader r(ctx_, b, network_kind("gateway-endpoint"), {"gateway-endpoint `{}`", e.name});
    e.vpc = r.resource("vpc");
    if (const auto* a = r.get("vpc")) e.vpc_range = a->value->range;
    if (auto service = r.string("service")) {
      e.service = *service;
      e.service_range = r.get("service")->value->range;
    }
    if (const auto* tiers = r.get("tiers")) {
      e.tiers_range = tiers->value->range;
      e.tiers_written = tiers->value->items().size();
      e.tiers = tiers_in(r, {e.vpc}, fmt::format("gateway-endpoint `{}`", e.name));
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

  void build_service(const ast::Block& b, model::Block& service) {
    const std::size_t errors = diags_.error_count();
    KindReader r(ctx_, b, *service.kind, {"{} `{}`", service.kind->keyword, service.name});
    service.kind->read(r, service);
    service.complete = !r.broken() && diags_.error_count() == errors;
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

  void build_nacl(const ast::Block& b, model::Nacl& nacl) {
    KindReader r(ctx_, b, network_kind("nacl"), {"nacl `{}`", nacl.name});
    nacl.tier = r.tier("tier");
    nacl.complete = !r.broken() && nacl.tier;
    for (const bool outbound : {false, true}) {
      const char* attr = outbound ? "outbound" : "inbound";
      auto rules = r.string_list(attr);
      if (!rules) {
        if (r.get(attr)) nacl.complete = false;
        continue;
      }
      (outbound ? nacl.outbound_range : nacl.inbound_range) = rules->range;
      auto& out = outbound ? nacl.outbound : nacl.inbound;
      for (const auto& item : rules->items) {
        if (auto rule = nacl_rule(item, outbound))
          out.push_back(std::move(*rule));
        else
          nacl.complete = false;
      }
      // AWS evaluates by number; equal numbers (reported) keep source order.
      std::stable_sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.number < y.number; });
      std::uint64_t entries = 0;
      for (const auto& rule : out) entries += static_cast<std::uint64_t>(rule.last_number() - rule.number) + 1;
      if (entries > AwsCatalog::get().limit("rules_per_network_acl_max").value) nacl.complete = false;
    }
  }

  // One rule string, `NUMBER allow|deny PORTS from|to PEER`: PORTS as an
  // edge writes one port item (`tcp:3306`, `udp:1024..65535`, `https`,
  // `icmp`, `all`), PEER a CIDR block or a tier `vpc.NAME.TIER`. Each part
  // is reported at its own columns when the string is in the source as is.
  std::optional<model::NaclRule> nacl_rule(const Value& item, bool outbound) {
    const std::string& text = item.text;
    const SourceRange contents = quoted_contents(item.range, text);
    const auto at = [&](std::size_t offset, std::size_t length) {
      if (!contents.valid()) return item.range;
      SourceRange out = contents;
      out.begin.offset += static_cast<std::uint32_t>(offset), out.begin.column += static_cast<std::uint32_t>(offset);
      out.end = out.begin;
      out.end.offset += static_cast<std::uint32_t>(length), out.end.column += static_cast<std::uint32_t>(length);
      return out;
    };
    struct Word {
      std::string_view text;
      std::size_t offset;
    };
    std::vector<Word> words;
    for (std::size_t i = 0; i < text.size();) {
      if (text[i] == ' ' || text[i] == '\t') {
        ++i;
        continue;
      }
      const std::size_t start = i;
      while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
      words.push_back({std::string_view(text).substr(start, i - start), start});
    }
    const char* direction = outbound ? "to" : "from";
    const std::string form =
        fmt::format("a rule is `NUMBER allow|deny PORTS {} PEER`, as in \"100 allow tcp:443 {} 0.0.0.0/0\"", direction, direction);
    if (words.size() != 5) {
      const SourceRange where = words.size() > 5 ? at(words[5].offset, text.size() - words[5].offset) : item.range;
      diags_.report(Rule::InvalidValue, where, "{}", form);
      return std::nullopt;
    }
    const auto word_range = [&](const Word& w) { return at(w.offset, w.text.size()); };
    model::NaclRule rule;
    rule.range = item.range;
    rule.number_range = word_range(words[0]);
    const std::string_view number = words[0].text;
    if (number.size() > 9 || !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      diags_.report(Rule::InvalidValue, rule.number_range, "`{}` is not a rule number: {}", number, form);
      return std::nullopt;
    }
    rule.number = std::stoi(std::string(number));
    if (words[1].text != "allow" && words[1].text != "deny") {
      suggester_.suggest(diags_.report(Rule::InvalidValue, word_range(words[1]), "a rule's action is `allow` or `deny`, not `{}`",
                                       words[1].text),
                         word_range(words[1]), std::string(words[1].text), {"allow", "deny"});
      return std::nullopt;
    }
    rule.allow = words[1].text == "allow";
    auto ports = nacl_ports(words[2].text, words[2].offset, at);
    if (!ports) return std::nullopt;
    rule.ports = *ports;
    if (words[3].text != direction) {
      diags_.report(Rule::InvalidValue, word_range(words[3]), "an {} rule names its peer with `{}`, not `{}`",
                    outbound ? "outbound" : "inbound", direction, words[3].text);
      return std::nullopt;
    }
    const SourceRange peer_at = word_range(words[4]);
    rule.peer = words[4].text;
    if (rule.peer.starts_with("vpc.")) {
      // vpc.NAME.TIER, each part reported and found by an editor at its columns.
      const std::string_view peer = words[4].text;
      const std::size_t dot = peer.find('.', 4);
      if (dot == std::string_view::npos || dot == 4 || dot + 1 == peer.size() ||
          peer.find('.', dot + 1) != std::string_view::npos) {
        diags_.report(Rule::UnknownReference, peer_at, "a tier peer is written vpc.NAME.TIER, not `{}`", peer);
        return std::nullopt;
      }
      auto tier = scope_.resolve_tier(peer.substr(4, dot - 4), at(words[4].offset + 4, dot - 4), peer.substr(dot + 1),
                                      at(words[4].offset + dot + 1, peer.size() - dot - 1), peer_at, contents.valid());
      if (!tier) return std::nullopt;
      rule.tier = tier;
      rule.blocks = m_.tier(*tier).cidrs;
      if (rule.blocks.empty()) return std::nullopt;  // its addresses could not be read (reported)
    } else {
      auto cidr = network_cidr(rule.peer, peer_at, "10.0.0.0/16");
      if (!cidr) return std::nullopt;
      rule.blocks = {*cidr};
    }
    return rule;
  }

  // The ports of a rule as an edge's port item, read by port_range: TCP
  // when no protocol is written.
  template <typename At>
  std::optional<model::PortRange> nacl_ports(std::string_view text, std::size_t offset, const At& at) {
    ast::Port p;
    p.range = at(offset, text.size());
    std::string_view ports = text;
    if (const auto colon = text.find(':'); colon != std::string_view::npos) {
      p.protocol = text.substr(0, colon);
      p.protocol_range = at(offset, colon);
      ports = text.substr(colon + 1);
    }
    const auto digits = [](std::string_view s) {
      return !s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (const auto dots = ports.find(".."); dots != std::string_view::npos && digits(ports.substr(0, dots)) &&
                                           digits(ports.substr(dots + 2))) {
      p.kind = ast::Port::Kind::Range;
      p.lo = std::stoll(std::string(ports.substr(0, dots)));
      p.hi = std::stoll(std::string(ports.substr(dots + 2)));
    } else if (digits(ports)) {
      p.kind = ast::Port::Kind::Number;
      p.lo = p.hi = std::stoll(std::string(ports));
    } else {
      p.kind = ast::Port::Kind::Name;
      p.name = ports;
    }
    return port_range(p);
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
      if (!port && p.protocol.empty() && ports_protocol(p.name)) {
        // A protocol written where its ports belong: `udp` for udp:1194.
        diags_.report(Rule::InvalidProtocol, p.range, "`{0}` needs its ports: write {0}:PORT, as in {0}:{1}, or `all` for "
                      "every protocol and port", p.name, p.name == "udp" ? "1194" : "443");
        return std::nullopt;
      }
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
  Blocks vpc_blocks_, resource_blocks_, chain_blocks_, peering_blocks_, endpoint_blocks_, nacl_blocks_, service_blocks_;
  // `vpc.NAME.TIER` → the tier, made when the first nacl rule names one.
};

}  // namespace

model::Model build_model(const ast::File& file, const SourceFile& source, Diagnostics& diags, SymbolIndex& symbols) {
  model::Model m = ModelBuilder(file, source, diags, symbols).build();
  symbols.finish();
  return m;
}

}  // namespace archc
