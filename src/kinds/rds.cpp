// `rds`: a relational database in a tier, with read replicas.
#include "model/rds.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "graph/graph.hpp"
#include "kinds/kinds.hpp"
#include "lower/lowering.hpp"
#include "model/aws_catalog.hpp"
#include "model/logical_id.hpp"
#include "plan/planner.hpp"
#include "sema/kind_reader.hpp"
#include "sema/suggest.hpp"

namespace archc {

std::vector<int> model::Rds::serving_ports() const { return {AwsCatalog::get().engine(engine)->port}; }

namespace kinds {

namespace {

using model::AttributeSpec;
using model::ValueType;

// The class (or the replicas' class) against the families `version` offers;
// `attribute` is where it is written, absent when it is the default.
void check_class_offered(KindReader& r, const model::Rds& db, const EngineMajorVersion& version,
                         const std::string& instance_class, std::string_view attribute) {
  if (version.offers_class(instance_class)) return;
  const ast::Attribute* at = r.get(attribute);
  const ast::Attribute* version_at = r.get("version");
  const SourceRange range = at ? at->value->range : version_at ? version_at->value->range : r.name_range();
  auto& d = r.diags().report(Rule::InstanceClassNotOffered, range,
                             fmt::format("AWS does not offer {} {} on `{}`", db.engine, version.major, instance_class));
  const std::string family = instance_class.substr(0, instance_class.rfind('.'));
  std::vector<std::string> same_family;
  for (const auto& c : version.classes)
    if (c.compare(0, family.size() + 1, family + ".") == 0) same_family.push_back(c);
  if (same_family.empty())
    d.notes.push_back({{}, fmt::format("{} {} is offered on classes of {} (stdlib/engines.json lists each)", db.engine,
                                       version.major, fmt::join(version.class_families(), ", "))});
  else
    d.notes.push_back({{}, fmt::format("of {}, {} {} is offered on {} only", family, db.engine, version.major,
                                       fmt::join(same_family, ", "))});
  if (!at) d.notes.push_back({{}, fmt::format("`{}` is `{}` when not given", attribute, instance_class)});
}

// `version` resolved to the release written (a major to its pinned release,
// no version to the engine's default major), and the classes that were read
// (`class_read`, `replica_class_read`) checked against what that version
// offers. `engine` is the engine read, known.
void read_version(KindReader& r, model::Rds& db, const EngineInfo& engine, bool class_read, bool replica_class_read) {
  const EngineMajorVersion* version = nullptr;
  if (const ast::Attribute* given = r.get("version")) {
    auto v = r.string("version");
    if (!v) return;
    version = engine.find_version(*v);
    if (!version) {
      auto& d = r.diags().report(Rule::UnknownEngineVersion, given->value->range,
                                 fmt::format("AWS does not offer {} `{}`", db.engine, *v));
      // A suggestion stays within the major written (AWS upgrades but never
      // downgrades a database, and a new major is no typo): its releases
      // when the major is known, else the majors.
      r.context().suggester.suggest(d, quoted_contents(given->value->range, *v), *v, engine.version_candidates(*v));
      d.notes.push_back({{}, fmt::format("AWS offers {} {} and their releases (stdlib/engines.json)", db.engine,
                                         fmt::join(engine.majors(), ", "))});
      return;
    }
    db.engine_version = *v == version->major ? version->pinned : *v;
  } else {
    version = engine.find_version(engine.default_version);
    db.engine_version = version->pinned;
  }
  if (class_read) check_class_offered(r, db, *version, db.instance_class, "class");
  if (replica_class_read && db.replicas > 0) check_class_offered(r, db, *version, *db.replica_class, "replica_class");
}

void read_rds(KindReader& r, model::Block& resource) {
  auto& db = static_cast<model::Rds&>(resource);
  // What could not be read was reported; nothing more is said about it.
  auto engine = r.string("engine");
  if (engine) db.engine = *engine;
  auto instance_class = r.string("class");
  if (instance_class) db.instance_class = *instance_class;
  if (auto v = r.integer("storage")) db.storage = *v;
  if (auto v = r.boolean("multi_az")) {
    db.multi_az = *v;
    db.multi_az_range = r.get("multi_az")->value->range;
  }
  if (auto v = r.integer("replicas")) {
    db.replicas = *v;
    db.replicas_range = r.get("replicas")->value->range;
  }
  db.replica_class = r.string("replica_class");
  if (engine || !r.get("engine"))
    read_version(r, db, *AwsCatalog::get().engine(db.engine), instance_class || !r.get("class"),
                 db.replica_class.has_value());
  if (auto v = r.string("database")) {
    // RDS DBName: a letter, then letters, digits and underscores, at most 63.
    const bool ok = !v->empty() && v->size() <= 63 && std::isalpha(static_cast<unsigned char>((*v)[0])) &&
                    std::all_of(v->begin(), v->end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
    if (ok)
      db.database = *v;
    else
      r.diags().report(Rule::InvalidValue, r.get("database")->value->range,
                      "`database` starts with a letter and holds letters, digits and underscores (at most 63)");
  }
  if (auto v = r.integer("backup_retention")) {
    db.backup_retention = *v;
    db.backup_retention_range = r.get("backup_retention")->value->range;
  }
}

void lower_rds(Lowering& lo, const model::Block& resource, std::size_t index) {
  const auto& db = static_cast<const model::Rds&>(resource);
  const std::string base = logical_id::db_instance(db.name);
  const EngineInfo& engine = *AwsCatalog::get().engine(db.engine);
  const std::string subnet_group =
      lo.add(aws::DbSubnetGroup{base + "SubnetGroup", fmt::format("archc rds {} subnets", db.name),
                                lo.subnet_ids(*db.subnets), lo.tags("dbsubnet", db.name)})
          .id;
  aws::DbInstance primary;
  primary.id = base;
  primary.engine = engine.engine;
  primary.engine_version = db.engine_version.value();  // read_rds resolves it, or reports an error
  primary.instance_class = db.instance_class;
  primary.security_group = lo.security_group(index);
  primary.tags = lo.tags("rds", db.name);
  primary.storage = db.storage;
  primary.multi_az = db.multi_az;
  primary.subnet_group = subnet_group;
  primary.master_username = engine.master_username;
  primary.database = db.database;
  primary.backup_retention = db.backup_retention;
  const std::string primary_id = lo.add(std::move(primary)).id;
  lo.add_output({aws::Output::Kind::DbAddress, base + "Endpoint", primary_id,
                 fmt::format("endpoint address of rds {}", db.name)});
  for (int r = 1; r <= db.replicas; ++r) {
    aws::DbInstance replica;
    replica.id = base + "Replica" + std::to_string(r);
    replica.engine = engine.engine;
    replica.engine_version = db.engine_version.value();
    replica.instance_class = db.replica_class.value_or(db.instance_class);
    replica.security_group = lo.security_group(index);
    replica.tags = lo.tags("rds", db.name + "-replica-" + std::to_string(r));
    replica.replica_of = primary_id;
    lo.add(std::move(replica));
  }
}

plan::Entry plan_rds(plan::Planner& p, const model::Block& resource, std::size_t index) {
  const auto& db = static_cast<const model::Rds&>(resource);
  const EngineInfo& engine = *AwsCatalog::get().engine(db.engine);
  const std::vector<std::string> subnets = p.subnet_tags(*db.subnets);
  const std::string subnet_group = p.tag("dbsubnet", db.name);
  std::vector<std::string> replicas_text;
  nlohmann::ordered_json replicas = nlohmann::ordered_json::array();
  for (int r = 1; r <= db.replicas; ++r) {
    const std::string tag = p.tag("rds", fmt::format("{}-replica-{}", db.name, r));
    const std::string& instance_class = db.replica_class.value_or(db.instance_class);
    replicas_text.push_back(fmt::format("{} ({})", tag, instance_class));
    replicas.push_back({{"name_tag", tag}, {"class", instance_class}});
  }
  plan::Entry e;
  e.heading = fmt::format("rds {}  {}{}  {}  {} GiB  {}", db.name, engine.engine,
                          db.engine_version ? " " + *db.engine_version : "", db.instance_class, db.storage,
                          db.multi_az ? "Multi-AZ" : "single-AZ");
  e.facts.emplace_back("subnet group", fmt::format("{} ({})", subnet_group, fmt::join(subnets, ", ")));
  e.facts.emplace_back("port", std::to_string(engine.port));
  if (db.database) e.facts.emplace_back("database", *db.database);
  e.facts.emplace_back("backups", db.backup_retention ? fmt::format("{} days", db.backup_retention) : "off");
  e.facts.emplace_back("protection", "storage encrypted; not publicly accessible; master password managed by AWS");
  e.facts.emplace_back("read replicas", replicas_text.empty() ? "none" : fmt::format("{}", fmt::join(replicas_text, ", ")));
  e.facts.emplace_back("security group", p.security_group(index));
  e.json = {{"name", db.name},
            {"name_tag", p.tag("rds", db.name)},
            {"engine", engine.engine},
            {"engine_version", plan::or_null(db.engine_version)},
            {"port", engine.port},
            {"class", db.instance_class},
            {"storage_gib", db.storage},
            {"multi_az", db.multi_az},
            {"encrypted", true},
            {"publicly_accessible", false},
            {"master_password", "aws-managed"},
            {"tier", p.tier_ref(*db.subnets)},
            {"subnet_group", {{"name_tag", subnet_group}, {"subnets", subnets}}},
            {"security_group", p.security_group(index)},
            {"database", plan::or_null(db.database)},
            {"backup_retention_days", db.backup_retention},
            {"replicas", std::move(replicas)}};
  return e;
}

graph::Drawing draw_rds(const model::Block& resource) {
  const auto& db = static_cast<const model::Rds&>(resource);
  const EngineInfo& engine = *AwsCatalog::get().engine(db.engine);
  std::string second = fmt::format("{}, {}", db.instance_class, db.multi_az ? "Multi-AZ" : "single-AZ");
  if (db.replicas) second += fmt::format(", {} read replica{}", db.replicas, db.replicas == 1 ? "" : "s");
  return {graph::Shape::Database,
          db.ref(),
          {fmt::format("RDS {}{}", engine.engine, db.engine_version ? " " + *db.engine_version : ""), second}};
}

}  // namespace

const model::KindSpec& rds() {
  static const model::KindSpec kind{
      .keyword = "rds",
      .doc = "A relational database instance with optional read replicas; its password is managed by AWS.",
      .attributes =
          {
              AttributeSpec{.name = "engine",
                            .default_value = "`mysql`",
                            .catalog = model::Catalog::Engines,
                            .doc = "mysql, mariadb or postgres (stdlib/engines.json); sets the port"},
              AttributeSpec{.name = "version",
                            .default_value = "the engine's `default_version`",
                            .extension = true,
                            .doc = "a major version (written as the release stdlib/engines.json pins) or a release"},
              AttributeSpec{.name = "class",
                            .default_value = "`db.t3.micro`",
                            .catalog = model::Catalog::DbInstanceClasses,
                            .doc = "the DB instance class, one the engine version offers"},
              AttributeSpec{.name = "subnets", .type = ValueType::TierRef, .required = true, .doc = "the tier of its subnet group"},
              AttributeSpec{.name = "storage",
                            .type = ValueType::Integer,
                            .default_value = "`20`",
                            .min = 20,
                            .max = 65536,
                            .unit = "GiB",
                            .doc = "allocated storage, encrypted"},
              AttributeSpec{.name = "multi_az",
                            .type = ValueType::Bool,
                            .default_value = "`false`",
                            .doc = "a standby in a second zone"},
              AttributeSpec{.name = "replicas",
                            .type = ValueType::Integer,
                            .default_value = "`0`",
                            .min = 0,
                            .max = 15,
                            .unit = "replicas",
                            .doc = "read replicas"},
              AttributeSpec{.name = "replica_class",
                            .default_value = "`class`",
                            .catalog = model::Catalog::DbInstanceClasses,
                            .extension = true,
                            .doc = "the replicas' instance class"},
              AttributeSpec{.name = "database", .doc = "the database to create: a letter, then letters, digits, underscores"},
              AttributeSpec{.name = "backup_retention",
                            .type = ValueType::Integer,
                            .default_value = "`7`",
                            .min = 0,
                            .max = 35,
                            .unit = "days",
                            .extension = true,
                            .doc = "how long automated backups are kept; 0 turns them off"},
          },
      .chain_endpoint = true,
      .layer = model::Layer::Data,
      .name_tag_word = "rds",
      .make = []() -> std::unique_ptr<model::Block> { return std::make_unique<model::Rds>(); },
      .read = read_rds,
      .lower = lower_rds,
      .plan = plan_rds,
      .plan_key = "databases",
      .draw = draw_rds,
  };
  return kind;
}

}  // namespace kinds
}  // namespace archc
