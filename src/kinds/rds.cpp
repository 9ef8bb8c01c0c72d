// `rds`: a relational database in a tier, with read replicas.
#include "model/rds.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kinds/kinds.hpp"
#include "model/aws_catalog.hpp"
#include "sema/kind_reader.hpp"

namespace archc {

std::vector<int> model::Rds::serving_ports() const { return {AwsCatalog::get().engine(engine)->port}; }

namespace kinds {

namespace {

using model::AttributeSpec;
using model::ValueType;

void read_rds(KindReader& r, model::Resource& resource) {
  auto& db = static_cast<model::Rds&>(resource);
  if (auto v = r.string("engine")) db.engine = *v;
  db.engine_version = r.string("version");
  if (auto v = r.string("class")) db.instance_class = *v;
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
              AttributeSpec{.name = "version", .default_value = "the engine's default", .extension = true, .doc = "the engine version"},
              AttributeSpec{.name = "class", .default_value = "`db.t3.micro`", .doc = "the DB instance class"},
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
              AttributeSpec{.name = "replica_class", .default_value = "`class`", .extension = true, .doc = "the replicas' instance class"},
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
      .make = []() -> std::unique_ptr<model::Resource> { return std::make_unique<model::Rds>(); },
      .read = read_rds,
  };
  return kind;
}

}  // namespace kinds
}  // namespace archc
