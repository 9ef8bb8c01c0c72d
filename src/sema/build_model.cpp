#include "sema/build_model.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "model/aws_catalog.hpp"
#include "sema/block_reader.hpp"
#include "sema/subnet_allocation.hpp"
#include "sema/suggest.hpp"

namespace archc {

namespace {

using model::Endpoint;

const std::vector<std::string> kTopKinds = {"stack", "vpc", "sg-chain", "alb", "asg", "rds"};

const BlockReader::Schema kStackSchema{{"region", "tags"}, {}};
const BlockReader::Schema kVpcSchema{{"cidr", "zones", "nat"}, {"subnet"}};
const BlockReader::Schema kTierSchema{{"public", "isolated", "cidrs", "size"}, {}};
const BlockReader::Schema kChainSchema{{}, {}, true};
const BlockReader::Schema kAlbSchema{{"subnets"}, {"listener"}};
const BlockReader::Schema kListenerSchema{{"port", "redirect", "certificate", "forward"}, {}};
const BlockReader::Schema kAsgSchema{{"subnets", "instance_type", "image", "min", "max", "desired", "port",
                                      "health_check", "health_check_grace", "scale_cpu", "user_data"},
                                     {}};
const BlockReader::Schema kRdsSchema{{"engine", "version", "class", "subnets", "storage", "multi_az", "replicas",
                                      "replica_class", "database", "backup_retention"},
                                     {}};

constexpr int kMaxPort = 65535;

// Names declared for one kind, in declaration order.
struct NameTable {
  std::map<std::string, std::size_t, std::less<>> index;
  std::vector<std::string> names;
  std::vector<SourceRange> ranges;

  // The new index, or nullopt for a duplicate (reported).
  std::optional<std::size_t> declare(Diagnostics& diags, const std::string& kind, const std::string& name,
                                     SourceRange range) {
    auto [it, inserted] = index.emplace(name, names.size());
    if (!inserted) {
      diags.report(Rule::DuplicateName, range, fmt::format("{} `{}` is declared twice", kind, name))
          .notes.push_back({ranges[it->second], "first declared here"});
      return std::nullopt;
    }
    names.push_back(name);
    ranges.push_back(range);
    return it->second;
  }
};

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
  ModelBuilder(const ast::File& file, const SourceFile& source, Diagnostics& diags)
      : file_(file), source_(source), diags_(diags), eval_(diags) {}

  model::Model build() {
    eval_.declare_variables(file_);
    declare();
    build_stack();
    for (auto& [block, index] : vpc_blocks_) build_vpc(*block, m_.vpcs[index]);
    allocate_subnets(m_, diags_);
    for (auto& [block, index] : asg_blocks_) build_asg(*block, m_.asgs[index]);
    for (auto& [block, index] : alb_blocks_) build_alb(*block, m_.albs[index]);
    for (auto& [block, index] : rds_blocks_) build_rds(*block, m_.rdss[index]);
    for (auto& [block, index] : chain_blocks_) build_chain(*block, m_.chains[index]);
    return std::move(m_);
  }

 private:
  using Blocks = std::vector<std::pair<const ast::Block*, std::size_t>>;

  // Pass 1: every name, so references may point forward.
  void declare() {
    const ast::Block* stack = nullptr;
    for (const auto& item : file_.items) {
      const auto* bp = std::get_if<std::unique_ptr<ast::Block>>(&item);
      if (!bp) continue;
      const ast::Block& b = **bp;
      if (b.kind == "stack") {
        if (stack) {
          diags_.report(Rule::DuplicateName, b.kind_range, "a file has at most one stack block")
              .notes.push_back({stack->kind_range, "the first stack block"});
        } else {
          stack = &b;
        }
        continue;
      }
      if (std::find(kTopKinds.begin(), kTopKinds.end(), b.kind) == kTopKinds.end()) {
        suggest(diags_.report(Rule::UnknownBlock, b.kind_range, fmt::format("unknown block kind `{}`", b.kind)),
                b.kind_range, b.kind, kTopKinds);
        continue;
      }
      auto name = block_name(diags_, b);
      if (!name) continue;
      const SourceRange at = b.labels.front().range;
      if (b.kind == "vpc") declare_into(b, *name, at, vpc_names_, vpc_blocks_, m_.vpcs);
      else if (b.kind == "alb") declare_into(b, *name, at, alb_names_, alb_blocks_, m_.albs);
      else if (b.kind == "asg") declare_into(b, *name, at, asg_names_, asg_blocks_, m_.asgs);
      else if (b.kind == "rds") declare_into(b, *name, at, rds_names_, rds_blocks_, m_.rdss);
      else declare_into(b, *name, at, chain_names_, chain_blocks_, m_.chains);
    }
    stack_block_ = stack;
    for (auto& [block, index] : vpc_blocks_) declare_tiers(*block, index);
  }

  template <typename T>
  void declare_into(const ast::Block& b, const std::string& name, SourceRange at, NameTable& names, Blocks& blocks,
                    std::vector<T>& items) {
    auto index = names.declare(diags_, b.kind, name, at);
    if (!index) return;
    T item;
    item.name = name;
    item.range = at;
    items.push_back(std::move(item));
    blocks.emplace_back(&b, *index);
  }

  void declare_tiers(const ast::Block& vpc_block, std::size_t vpc) {
    auto& table = tier_names_[vpc];
    for (const auto& item : vpc_block.items) {
      const auto* bp = std::get_if<std::unique_ptr<ast::Block>>(&item);
      if (!bp || (*bp)->kind != "subnet") continue;
      auto name = block_name(diags_, **bp);
      if (!name) continue;
      if (table.declare(diags_, "subnet tier", *name, (*bp)->labels.front().range)) {
        model::Tier t;
        t.name = *name;
        t.range = (*bp)->labels.front().range;
        m_.vpcs[vpc].tiers.push_back(std::move(t));
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
    BlockReader r(diags_, eval_, b, "the stack", kStackSchema);
    if (auto region = r.string("region")) {
      if (AwsCatalog::get().zones(*region)) {
        m_.stack.region = *region;
      } else {
        const SourceRange at = r.get("region")->value->range;
        suggest(diags_.report(Rule::UnknownRegion, at, fmt::format("unknown AWS region `{}`", *region)),
                quoted_contents(at, *region), *region, AwsCatalog::get().region_names());
      }
    }
    if (auto tags = r.object_of("tags", Value::Kind::String)) {
      for (auto& [key, value] : tags->members) {
        if (key == "Name") {
          diags_.report(Rule::InvalidValue, value.range, "the Name tag is set by archc for every resource");
          continue;
        }
        m_.stack.tags.push_back({key, value.text, value.range});
      }
    }
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
      diags_.report(Rule::CidrPrefix, range, fmt::format("a {} prefix must be from /16 to /28, not /{}", what, c->prefix));
      return std::nullopt;
    }
    return c;
  }

  // A CIDR block with no host bits set.
  std::optional<Cidr> network_cidr(const std::string& text, SourceRange range, const char* example) {
    auto c = parse_cidr(text);
    if (!c) {
      diags_.report(Rule::InvalidCidr, range, fmt::format("`{}` is not an IPv4 CIDR block such as {}", text, example));
      return std::nullopt;
    }
    if (c->host_bits_set()) {
      auto& d = diags_.report(Rule::CidrHostBits, range, fmt::format("`{}` has host bits set", text));
      d.notes.push_back({{}, fmt::format("did you mean `{}`?", c->network().str())});
      if (const SourceRange at = quoted_contents(range, text); at.valid()) d.fixits.push_back({at, c->network().str()});
      return std::nullopt;
    }
    return c;
  }

  void build_vpc(const ast::Block& b, model::Vpc& vpc) {
    BlockReader r(diags_, eval_, b, fmt::format("vpc `{}`", vpc.name), kVpcSchema);
    if (r.require("cidr")) {
      vpc.cidr_range = r.get("cidr")->value->range;
      if (auto s = r.string("cidr"))
        if (auto c = cidr_value(*s, vpc.cidr_range, "VPC"))
          vpc.cidr = *c;
    }
    if (r.require("zones")) build_zones(r, vpc);
    bool nat_given = false;
    if (auto nat = r.string("nat")) {
      vpc.nat_range = r.get("nat")->value->range;
      nat_given = true;
      if (*nat == "none") vpc.nat = model::NatMode::None;
      else if (*nat == "single") vpc.nat = model::NatMode::Single;
      else if (*nat == "per-zone") vpc.nat = model::NatMode::PerZone;
      else
        diags_.report(Rule::InvalidValue, vpc.nat_range, fmt::format("`nat` is \"none\", \"single\" or \"per-zone\", not \"{}\"", *nat));
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
  }

  void build_zones(BlockReader& r, model::Vpc& vpc) {
    auto zones = r.list_of("zones", Value::Kind::String);
    if (!zones) return;
    vpc.zones_range = zones->range;
    if (zones->items.empty()) {
      diags_.report(Rule::InvalidValue, zones->range, "`zones` needs at least one zone letter");
      return;
    }
    const auto* known = AwsCatalog::get().zones(m_.stack.region);
    for (const auto& z : zones->items) {
      if (std::find(vpc.zones.begin(), vpc.zones.end(), z.text) != vpc.zones.end()) {
        diags_.report(Rule::DuplicateZone, z.range, fmt::format("zone `{}` is listed twice", z.text));
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
  }

  void build_tier(const ast::Block& b, const model::Vpc& vpc, model::Tier& t) {
    BlockReader r(diags_, eval_, b, fmt::format("subnet tier `{}.{}`", vpc.name, t.name), kTierSchema);
    t.is_public = r.boolean("public").value_or(false);
    t.isolated = r.boolean("isolated").value_or(false);
    if (t.is_public && t.isolated)
      diags_.report(Rule::ConflictingAttributes, r.get("isolated")->name_range,
                   "a tier cannot be both public and isolated");
    const auto* cidrs_attr = r.get("cidrs");
    const auto* size_attr = r.get("size");
    if (cidrs_attr && size_attr) {
      diags_.report(Rule::ConflictingAttributes, size_attr->name_range, "give either `cidrs` or `size`, not both")
          .notes.push_back({cidrs_attr->name_range, "`cidrs` is given here"});
      return;
    }
    if (!cidrs_attr && !size_attr) {
      diags_.report(Rule::MissingAttribute, t.range,
                   fmt::format("subnet tier `{}.{}` needs `cidrs` (one per zone) or `size` (a prefix length)", vpc.name, t.name));
      return;
    }
    if (size_attr) {
      if (auto size = r.integer("size", 16, 28)) {
        t.size = *size;
        t.cidr_ranges.assign(vpc.zones.size(), size_attr->value->range);
      }
      return;
    }
    auto cidrs = r.list_of("cidrs", Value::Kind::String);
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

  // Resolves `vpc.NAME.TIER`.
  std::optional<model::TierRef> tier_ref(const ast::Attribute& attr) {
    auto ep = endpoint(*attr.value);
    if (!ep) return std::nullopt;
    if (ep->kind != Endpoint::Kind::Tier) {
      diags_.report(Rule::TypeMismatch, attr.value->range, fmt::format("`{}` must name a subnet tier, as in vpc.main.app", attr.name));
      return std::nullopt;
    }
    ep->tier.range = attr.value->range;
    return ep->tier;
  }

  // Resolves a reference to a declared thing; reports what does not exist.
  std::optional<Endpoint> endpoint(const ast::Expr& e) {
    if (e.kind != ast::ExprKind::Reference) {
      diags_.report(Rule::TypeMismatch, e.range, "expected a reference such as asg.app or vpc.main.app");
      return std::nullopt;
    }
    Endpoint ep;
    ep.range = e.range;
    const NameTable* table = nullptr;
    if (e.name == "vpc") table = &vpc_names_, ep.kind = Endpoint::Kind::Vpc;
    else if (e.name == "alb") table = &alb_names_, ep.kind = Endpoint::Kind::Alb;
    else if (e.name == "asg") table = &asg_names_, ep.kind = Endpoint::Kind::Asg;
    else if (e.name == "rds") table = &rds_names_, ep.kind = Endpoint::Kind::Rds;
    if (!table) {
      suggest(diags_.report(Rule::UnknownReference, e.name_range,
                            fmt::format("`{}` is not a kind that can be referenced", e.name)),
              e.name_range, e.name, {"vpc", "alb", "asg", "rds"});
      return std::nullopt;
    }
    const std::size_t max_steps = ep.kind == Endpoint::Kind::Vpc ? 2 : 1;
    if (e.steps.empty() || e.steps.size() > max_steps ||
        std::any_of(e.steps.begin(), e.steps.end(), [](const ast::RefStep& s) { return s.index != nullptr; })) {
      diags_.report(Rule::UnknownReference, e.range,
                   ep.kind == Endpoint::Kind::Vpc ? "expected vpc.NAME or vpc.NAME.TIER"
                                                  : fmt::format("expected {}.NAME", e.name));
      return std::nullopt;
    }
    const ast::RefStep& name = e.steps[0];
    auto it = table->index.find(name.name);
    if (it == table->index.end()) {
      suggest(diags_.report(Rule::UnknownReference, name.range, fmt::format("no {} named `{}`", e.name, name.name)),
              name.range, name.name, table->names);
      return std::nullopt;
    }
    ep.index = it->second;
    if (e.steps.size() == 2) {
      const auto& tiers = tier_names_[it->second];
      const ast::RefStep& tier = e.steps[1];
      auto t = tiers.index.find(tier.name);
      if (t == tiers.index.end()) {
        suggest(diags_.report(Rule::UnknownReference, tier.range,
                              fmt::format("vpc `{}` has no subnet tier `{}`", name.name, tier.name)),
                tier.range, tier.name, tiers.names);
        return std::nullopt;
      }
      ep.kind = Endpoint::Kind::Tier;
      ep.tier = {it->second, t->second, e.range};
    }
    return ep;
  }

  std::optional<std::size_t> asg_ref(const ast::Attribute& attr) {
    auto ep = endpoint(*attr.value);
    if (!ep) return std::nullopt;
    if (ep->kind != Endpoint::Kind::Asg) {
      diags_.report(Rule::TypeMismatch, attr.value->range, fmt::format("`{}` must name an auto scaling group, as in asg.app", attr.name));
      return std::nullopt;
    }
    return ep->index;
  }

  void build_alb(const ast::Block& b, model::Alb& alb) {
    BlockReader r(diags_, eval_, b, fmt::format("alb `{}`", alb.name), kAlbSchema);
    if (r.require("subnets"))
      if (auto t = tier_ref(*r.get("subnets"))) {
        alb.subnets = *t;
        alb.internet_facing = m_.tier(*t).is_public;
      }
    NameTable listeners;
    for (const auto* lb : r.blocks("listener")) {
      auto name = block_name(diags_, *lb);
      if (!name || !listeners.declare(diags_, "listener", *name, lb->labels.front().range)) continue;
      model::Listener l;
      l.name = *name;
      l.range = lb->labels.front().range;
      BlockReader lr(diags_, eval_, *lb, fmt::format("listener `{}` of alb `{}`", l.name, alb.name), kListenerSchema);
      if (lr.require("port")) l.port = lr.integer("port", 1, kMaxPort).value_or(0);
      l.redirect = lr.integer("redirect", 1, kMaxPort);
      l.certificate = lr.string("certificate");
      if (l.certificate && l.certificate->rfind("arn:", 0) != 0)
        diags_.report(Rule::InvalidValue, lr.get("certificate")->value->range, "`certificate` must be an ACM certificate ARN (arn:...)");
      else if (l.certificate && !is_acm_certificate_arn(*l.certificate))
        // Still built (a placeholder is common while drafting), but AWS will
        // refuse the listener.
        diags_.report(Rule::CertificateArn, lr.get("certificate")->value->range,
                       "this is not an ACM certificate ARN: arn:aws:acm:REGION:ACCOUNT:certificate/ID");
      if (const auto* fwd = lr.get("forward")) {
        l.forward = asg_ref(*fwd);
        l.forward_range = fwd->value->range;
      }
      const auto* redirect = lr.get("redirect");
      const auto* forward = lr.get("forward");
      if (redirect && forward)
        diags_.report(Rule::ConflictingAttributes, forward->name_range, "a listener either redirects or forwards, not both")
            .notes.push_back({redirect->name_range, "`redirect` is given here"});
      else if (!redirect && !forward)
        diags_.report(Rule::MissingAttribute, l.range, fmt::format("listener `{}` needs `forward` (an asg) or `redirect` (an HTTPS port)", l.name));
      alb.listeners.push_back(std::move(l));
    }
    if (alb.listeners.empty())
      diags_.report(Rule::MissingAttribute, alb.range, fmt::format("alb `{}` needs at least one listener block", alb.name));
  }

  void build_asg(const ast::Block& b, model::Asg& asg) {
    BlockReader r(diags_, eval_, b, fmt::format("asg `{}`", asg.name), kAsgSchema);
    if (r.require("subnets"))
      if (auto t = tier_ref(*r.get("subnets"))) asg.subnets = *t;
    if (auto v = r.string("instance_type")) asg.instance_type = *v;
    if (auto v = r.string("image")) {
      asg.image = *v;
      asg.image_range = r.get("image")->value->range;
      if (!is_ami_id(*v) && !AwsCatalog::get().image_parameter(*v))
        suggest(diags_.report(Rule::UnknownImage, asg.image_range,
                              fmt::format("`{}` is neither an AMI id (ami-...) nor a known image alias", *v)),
                quoted_contents(asg.image_range, *v), *v, AwsCatalog::get().image_aliases());
    }
    constexpr int kMaxInstances = 10000;
    auto min = r.integer("min", 0, kMaxInstances);
    auto max = r.integer("max", 0, kMaxInstances);
    auto desired = r.integer("desired", 0, kMaxInstances);
    asg.min = min.value_or(1);
    asg.desired = desired.value_or(asg.min);
    asg.max = max.value_or(std::max(asg.min, asg.desired));
    if (asg.min > asg.max)
      diags_.report(Rule::InvalidValue, r.get("min") ? r.get("min")->value->range : asg.range,
                   fmt::format("min ({}) is above max ({})", asg.min, asg.max));
    else if (asg.desired < asg.min || asg.desired > asg.max)
      diags_.report(Rule::InvalidValue, r.get("desired") ? r.get("desired")->value->range : asg.range,
                   fmt::format("desired ({}) must be between min ({}) and max ({})", asg.desired, asg.min, asg.max));
    if (auto v = r.integer("port", 1, kMaxPort)) asg.port = *v;
    if (auto v = r.string("health_check")) {
      if (v->empty() || v->front() != '/')
        diags_.report(Rule::InvalidValue, r.get("health_check")->value->range, "`health_check` is a path starting with /");
      else
        asg.health_check = *v;
    }
    if (auto v = r.integer("health_check_grace", 0, 7200)) asg.health_check_grace = *v;
    asg.scale_cpu = r.integer("scale_cpu", 1, 100);
    asg.user_data = r.string("user_data");
    if (asg.user_data) asg.user_data_range = r.get("user_data")->value->range;
  }

  // arn:PARTITION:acm:REGION:ACCOUNT(12 digits):certificate/ID
  static bool is_acm_certificate_arn(const std::string& s) {
    std::vector<std::string> parts;
    for (std::size_t start = 0, i = 0; i <= s.size(); ++i)
      if (i == s.size() || (s[i] == ':' && parts.size() < 5)) {
        parts.push_back(s.substr(start, i - start));
        start = i + 1;
      }
    auto digits = [](const std::string& p) {
      return p.size() == 12 && std::all_of(p.begin(), p.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    };
    return parts.size() == 6 && parts[1].rfind("aws", 0) == 0 && parts[2] == "acm" && !parts[3].empty() &&
           digits(parts[4]) && parts[5].rfind("certificate/", 0) == 0 && parts[5].size() > 12;
  }

  static bool is_ami_id(const std::string& s) {
    if (s.rfind("ami-", 0) != 0 || (s.size() != 12 && s.size() != 21)) return false;
    return std::all_of(s.begin() + 4, s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
  }

  void build_rds(const ast::Block& b, model::Rds& db) {
    BlockReader r(diags_, eval_, b, fmt::format("rds `{}`", db.name), kRdsSchema);
    if (auto v = r.string("engine")) {
      if (AwsCatalog::get().engine(*v)) db.engine = *v;
      else
        suggest(diags_.report(Rule::UnknownEngine, r.get("engine")->value->range,
                              fmt::format("unknown database engine `{}`", *v)),
                quoted_contents(r.get("engine")->value->range, *v), *v, AwsCatalog::get().engine_names());
    }
    db.engine_version = r.string("version");
    if (auto v = r.string("class")) db.instance_class = *v;
    if (r.require("subnets"))
      if (auto t = tier_ref(*r.get("subnets"))) db.subnets = *t;
    if (auto v = r.integer("storage", 20, 65536)) db.storage = *v;
    if (auto v = r.boolean("multi_az")) {
      db.multi_az = *v;
      db.multi_az_range = r.get("multi_az")->value->range;
    }
    if (auto v = r.integer("replicas", 0, 15)) {
      db.replicas = *v;
      db.replicas_range = r.get("replicas")->value->range;
    }
    db.replica_class = r.string("replica_class");
    if (auto v = r.string("database")) {
      const bool ok = !v->empty() && v->size() <= 63 && std::isalpha(static_cast<unsigned char>((*v)[0])) &&
                      std::all_of(v->begin(), v->end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
      if (ok) db.database = *v;
      else
        diags_.report(Rule::InvalidValue, r.get("database")->value->range,
                     "`database` starts with a letter and holds letters, digits and underscores (at most 63)");
    }
    if (auto v = r.integer("backup_retention", 0, 35)) {
      db.backup_retention = *v;
      db.backup_retention_range = r.get("backup_retention")->value->range;
    }
  }

  void build_chain(const ast::Block& b, model::Chain& chain) {
    BlockReader r(diags_, eval_, b, fmt::format("sg-chain `{}`", chain.name), kChainSchema);
    for (const auto* e : r.edges()) {
      model::Edge edge;
      edge.range = e->range;
      auto from = edge_source(e->from);
      auto to = edge_target(e->to);
      bool ok = from && to;
      for (const auto& p : e->ports) {
        auto port = port_range(p);
        if (port) edge.ports.push_back(*port);
        ok = ok && port;
      }
      if (!ok) continue;
      edge.from = *from;
      edge.to = *to;
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
    return endpoint(*ep.expr);
  }

  std::optional<Endpoint> edge_target(const ast::Endpoint& ep) {
    if (ep.internet || ep.expr->kind != ast::ExprKind::Reference) {
      diags_.report(Rule::InvalidEdge, ep.range, "an edge ends at an alb, asg or rds: it opens that resource's security group");
      return std::nullopt;
    }
    auto out = endpoint(*ep.expr);
    if (out && !out->is_resource()) {
      diags_.report(Rule::InvalidEdge, ep.range, "an edge ends at an alb, asg or rds: it opens that resource's security group");
      return std::nullopt;
    }
    return out;
  }

  std::optional<model::PortRange> port_range(const ast::Port& p) {
    model::PortRange out;
    out.range = p.range;
    if (p.kind == ast::Port::Kind::Name) {
      auto port = AwsCatalog::get().port(p.name);
      if (!port) {
        suggest(diags_.report(Rule::UnknownPort, p.range, fmt::format("unknown port name `{}`", p.name)), p.range,
                p.name, AwsCatalog::get().port_names());
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

  // An edge without ports opens what the target serves.
  std::vector<model::PortRange> default_ports(const Endpoint& to) {
    std::vector<model::PortRange> out;
    auto add = [&](int port) {
      if (std::none_of(out.begin(), out.end(), [&](const auto& p) { return p.lo == port; }))
        out.push_back({port, port, to.range});
    };
    if (to.kind == Endpoint::Kind::Asg) add(m_.asgs[to.index].port);
    else if (to.kind == Endpoint::Kind::Rds) add(AwsCatalog::get().engine(m_.rdss[to.index].engine)->port);
    else
      for (const auto& l : m_.albs[to.index].listeners) add(l.port);
    return out;
  }

  const ast::File& file_;
  const SourceFile& source_;
  Diagnostics& diags_;
  Evaluator eval_;
  model::Model m_;
  const ast::Block* stack_block_ = nullptr;
  NameTable vpc_names_, alb_names_, asg_names_, rds_names_, chain_names_;
  std::map<std::size_t, NameTable> tier_names_;
  std::map<std::size_t, std::vector<const ast::Block*>> tier_blocks_;
  Blocks vpc_blocks_, alb_blocks_, asg_blocks_, rds_blocks_, chain_blocks_;
};

}  // namespace

model::Model build_model(const ast::File& file, const SourceFile& source, Diagnostics& diags) {
  return ModelBuilder(file, source, diags).build();
}

}  // namespace archc
