// What AWS offers, from stdlib/*.json: regions and their zones, well-known
// ports, RDS engines and their versions, EC2 instance types, DB instance
// classes, AMI aliases, interface endpoint services, and the limits archc
// checks against.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace archc {

// A major version of an RDS engine, as AWS's DescribeDBEngineVersions and
// DescribeOrderableDBInstanceOptions list it (stdlib/refresh_catalogues.py).
struct EngineMajorVersion {
  std::string major;                  // "8.0" (MySQL, MariaDB), "16" (PostgreSQL)
  std::string pinned;                 // the release archc writes when only the major is given
  std::vector<std::string> releases;  // every release AWS offers, oldest first: "8.0.40" ...
  std::vector<std::string> classes;   // the DB instance classes offered, sorted: "db.m5.large" ...

  bool offers_class(std::string_view instance_class) const;
  // The families of `classes`: "db.m5", "db.t3" ...
  std::vector<std::string> class_families() const;
};

struct EngineInfo {
  std::string engine;  // as CloudFormation and Terraform name it
  int port = 0;
  std::string master_username;
  std::string default_version;  // the major used when `version` is not given
  std::vector<EngineMajorVersion> versions;

  // The major version `version` names: a major ("8.0") or one of its
  // releases ("8.0.40"); nullptr when AWS offers neither.
  const EngineMajorVersion* find_version(std::string_view version) const;
  // The major versions, oldest first.
  std::vector<std::string> majors() const;
  // What "did you mean" offers for `version`, which AWS does not offer: the
  // releases of the major it starts with, or the majors when it starts with
  // none.
  std::vector<std::string> version_candidates(std::string_view version) const;
};

// A zone letter a stack may name and still not get (stdlib/zone_caveats.json).
struct ZoneCaveat {
  std::vector<std::string> zones;  // the letters in question
  std::string reason;
  std::string source;  // where AWS documents it
};

// A limit or quota of stdlib/limits.json.
struct AwsLimit {
  std::uint64_t value = 0;
  std::string unit;         // "bytes", "rules", "characters" ...
  bool adjustable = false;  // a default quota AWS raises on request, not a fixed limit
  std::string source;       // where AWS documents it
};

class AwsCatalog {
 public:
  static const AwsCatalog& get();

  // Zone letters of a region; nullptr for an unknown region.
  const std::vector<std::string>* zones(std::string_view region) const;
  std::vector<std::string> region_names() const;
  std::optional<int> port(std::string_view name) const;
  std::vector<std::string> port_names() const;
  const EngineInfo* engine(std::string_view name) const;
  std::vector<std::string> engine_names() const;
  // EC2 instance types ("t3.micro") and RDS DB instance classes
  // ("db.t3.micro") that exist in some region (stdlib/instance_types.json,
  // stdlib/db_instance_classes.json, from AWS's DescribeInstanceTypes and
  // DescribeOrderableDBInstanceOptions).
  bool instance_type_exists(std::string_view name) const;
  const std::vector<std::string>& instance_type_names() const { return instance_types_; }
  bool db_instance_class_exists(std::string_view name) const;
  const std::vector<std::string>& db_instance_class_names() const { return db_instance_classes_; }
  // The processor architecture of an instance type: "arm64" for AWS
  // Graviton families, which AWS names with a `g` after the generation
  // (t4g, m7gd, c6gn; and a1), "x86_64" for the rest; nullopt for Mac
  // instances (mac1, mac2-...). Source: Amazon EC2 instance type naming
  // conventions, https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html
  static std::optional<std::string_view> instance_architecture(std::string_view instance_type);
  // The architecture of an image alias's AMI ("arm64" or "x86_64", as its SSM
  // parameter path names it); nullopt for an unknown alias.
  std::optional<std::string_view> image_architecture(std::string_view alias) const;
  // What may keep a zone of `region` from an account; nullptr when nothing.
  const ZoneCaveat* zone_caveat(std::string_view region) const;
  // SSM parameter path of an AMI alias; nullopt when unknown.
  std::optional<std::string> image_parameter(std::string_view alias) const;
  std::vector<std::string> image_aliases() const;
  // A limit by its key in stdlib/limits.json; an unknown key is a bug, and
  // throws std::out_of_range.
  const AwsLimit& limit(std::string_view name) const;
  // What the interface endpoint service of short name `name` ("ssm",
  // "ecr.api") is, as stdlib/endpoint_services.json says ("AWS Systems
  // Manager"); nullptr for a service not in the catalogue.
  const std::string* endpoint_service(std::string_view name) const;
  std::vector<std::string> endpoint_service_names() const;
  // The full name of the endpoint service `service` (a short name such as
  // "s3" or "secretsmanager") in `region`: com.amazonaws.<region>.<service>,
  // as EC2 CreateVpcEndpoint's ServiceName takes it (AWS PrivateLink Guide,
  // "AWS services that integrate with AWS PrivateLink"). Gateway and
  // interface endpoints alike.
  static std::string endpoint_service_name(std::string_view region, std::string_view service);

 private:
  AwsCatalog();
  std::vector<std::pair<std::string, std::vector<std::string>>> regions_;
  std::vector<std::pair<std::string, int>> ports_;
  std::vector<std::pair<std::string, EngineInfo>> engines_;
  std::vector<std::pair<std::string, std::string>> images_;
  std::vector<std::pair<std::string, AwsLimit>> limits_;
  std::vector<std::pair<std::string, std::string>> endpoint_services_;
  std::vector<std::string> instance_types_, db_instance_classes_;  // sorted
  std::vector<std::pair<std::string, ZoneCaveat>> zone_caveats_;
};

}  // namespace archc
