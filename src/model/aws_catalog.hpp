// What AWS offers, from stdlib/*.json: regions and their zones, well-known
// ports, RDS engines and AMI aliases.
#pragma once

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

 private:
  AwsCatalog();
  std::vector<std::pair<std::string, std::vector<std::string>>> regions_;
  std::vector<std::pair<std::string, int>> ports_;
  std::vector<std::pair<std::string, EngineInfo>> engines_;
  std::vector<std::pair<std::string, std::string>> images_;
};

}  // namespace archc
