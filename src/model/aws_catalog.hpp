// What AWS offers, from stdlib/*.json: regions and their zones, well-known
// ports, RDS engines, AMI aliases, and the limits archc checks against.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace archc {

struct EngineInfo {
  std::string engine;  // as CloudFormation and Terraform name it
  int port = 0;
  std::string master_username;
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
  // SSM parameter path of an AMI alias; nullopt when unknown.
  std::optional<std::string> image_parameter(std::string_view alias) const;
  std::vector<std::string> image_aliases() const;
  // A limit by its key in stdlib/limits.json; an unknown key is a bug, and
  // throws std::out_of_range.
  const AwsLimit& limit(std::string_view name) const;

 private:
  AwsCatalog();
  std::vector<std::pair<std::string, std::vector<std::string>>> regions_;
  std::vector<std::pair<std::string, int>> ports_;
  std::vector<std::pair<std::string, EngineInfo>> engines_;
  std::vector<std::pair<std::string, std::string>> images_;
  std::vector<std::pair<std::string, AwsLimit>> limits_;
};

}  // namespace archc
