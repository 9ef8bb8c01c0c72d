#include "cli/rule_config.hpp"

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "cli/terminal_width.hpp"
#include "driver/compilation.hpp"
#include "sema/suggest.hpp"
#include "source/diagnostic.hpp"
#include "source/line_echo.hpp"

namespace archc::cli {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string>& rule_ids() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out;
    for (const auto& r : kRules) out.emplace_back(r.id);
    return out;
  }();
  return ids;
}

// Why `id` cannot be given a level (empty: it can, and `rule` is set).
std::string refuse_rule(std::string_view id, Rule& rule) {
  const std::optional<Rule> found = find_rule(id);
  if (!found) return fmt::format("`{}` is not an archc rule", printable(id));
  if (rule_info(*found).severity == Severity::Error)
    return fmt::format("`{}` is an error and cannot be turned off or changed: only warnings can", id);
  rule = *found;
  return {};
}

std::string refuse_level(std::string_view word) {
  return fmt::format("`{}` is not a level: off, warning or error", printable(word));
}

// The nearest config file for an input in `dir`, or nothing.
std::optional<fs::path> find_config(fs::path dir) {
  std::error_code ec;
  for (;;) {
    fs::path candidate = dir / kConfigName;
    if (fs::exists(candidate, ec)) return candidate;
    if (fs::exists(dir / ".git", ec) || dir == dir.parent_path()) return std::nullopt;
    dir = dir.parent_path();
  }
}

// find_config once per directory a run: the files of one directory, given
// by the thousand through a directory argument, share its walk up the tree.
const std::optional<fs::path>& nearest_config(const fs::path& dir) {
  static std::map<fs::path, std::optional<fs::path>> found;
  auto it = found.find(dir);
  if (it == found.end()) it = found.emplace(dir, find_config(dir)).first;
  return it->second;
}

// One config file's text read into levels; its errors into `diags`.
class ConfigReader {
 public:
  ConfigReader(const SourceFile& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  RuleLevels read() {
    YAML::Node root;
    try {
      root = YAML::Load(std::string(file_.text()));
    } catch (const YAML::Exception& e) {
      diags_.report(Rule::ConfigFile, at(e.mark, 1), fmt::format("not YAML: {}", e.msg));
      return {};
    }
    if (root.IsNull()) return {};
    if (!root.IsMap()) {
      diags_.report(Rule::ConfigFile, at(root.Mark(), 1), "the file must be a mapping, such as `rules: {single-nat: off}`");
      return {};
    }
    for (const auto& entry : root) {
      const YAML::Node& key = entry.first;
      if (!key.IsScalar() || key.Scalar() != "rules") {
        const std::string word = key.IsScalar() ? key.Scalar() : std::string();
        Diagnostic& d = diags_.report(Rule::ConfigFile, span(key), fmt::format("unknown key `{}`", printable(word)));
        suggester_.suggest(d, span(key), word, {"rules"});
        continue;
      }
      read_rules(entry.second);
    }
    return levels_;
  }

 private:
  void read_rules(const YAML::Node& rules) {
    if (rules.IsNull()) return;
    if (!rules.IsMap()) {
      diags_.report(Rule::ConfigFile, span(rules), "`rules` must map rule ids to levels, such as `single-nat: off`");
      return;
    }
    for (const auto& entry : rules) {
      const YAML::Node &key = entry.first, &value = entry.second;
      const std::string id = key.IsScalar() ? key.Scalar() : std::string();
      Rule rule{};
      if (const std::string why = refuse_rule(id, rule); !why.empty()) {
        Diagnostic& d = diags_.report(Rule::ConfigFile, span(key), why);
        if (!find_rule(id)) suggester_.suggest(d, span(key), id, rule_ids());
        continue;
      }
      const std::optional<Level> level = value.IsScalar() ? parse_level(value.Scalar()) : std::nullopt;
      if (!level) {
        diags_.report(Rule::ConfigFile, span(value), refuse_level(value.IsScalar() ? value.Scalar() : ""));
        continue;
      }
      levels_.set(rule, *level);
    }
  }

  // The range of `width` bytes at a yaml-cpp mark (0-based line and column,
  // which count bytes), kept inside its line.
  SourceRange at(const YAML::Mark& mark, std::size_t width) const {
    if (mark.is_null()) return file_.range(0, 0);
    const auto line = static_cast<std::uint32_t>(mark.line + 1);
    const std::optional<std::uint32_t> start = file_.offset_at(line, 1);
    if (!start) return file_.range(static_cast<std::uint32_t>(file_.text().size()),
                                   static_cast<std::uint32_t>(file_.text().size()));
    const std::size_t length = file_.line_text(line).size();
    const std::size_t begin = std::min<std::size_t>(static_cast<std::size_t>(mark.column), length);
    const std::size_t end = std::min(begin + width, length);
    return file_.range(*start + static_cast<std::uint32_t>(begin), *start + static_cast<std::uint32_t>(end));
  }
  // The range of a node: its scalar's text, or its first character.
  SourceRange span(const YAML::Node& node) const {
    return at(node.Mark(), node.IsScalar() && !node.Scalar().empty() ? node.Scalar().size() : 1);
  }

  const SourceFile& file_;
  Diagnostics& diags_;
  Suggester suggester_;
  RuleLevels levels_;
};

// A config file read: its levels, or nothing when it had errors (said).
struct Config {
  std::optional<RuleLevels> levels;
};

Config read_config(const std::string& path, bool color) {
  std::string error;
  std::optional<std::string> text = read_file(path, error);
  if (!text) {
    std::cerr << "archc: error: " << error << '\n';
    return {};
  }
  const SourceFile file(path, std::move(*text));
  Diagnostics diags;
  RuleLevels levels = ConfigReader(file, diags).read();
  if (!diags.has_errors()) return {levels};
  const std::size_t columns = terminal_columns(STDERR_FILENO);
  for (const auto& d : diags.all()) std::cerr << render_text(d, color, columns) << '\n';
  std::cerr << render_summary(path, diags.error_count(), diags.warning_count()) << '\n';
  return {};
}

}  // namespace

std::string add_rule_setting(std::string_view setting, RuleLevels& levels) {
  for (std::size_t from = 0; from <= setting.size();) {
    const std::size_t comma = std::min(setting.find(',', from), setting.size());
    const std::string_view one = setting.substr(from, comma - from);
    from = comma + 1;
    const std::size_t equals = one.find('=');
    if (equals == std::string_view::npos)
      return fmt::format("`{}` sets no level: give ID=LEVEL, such as single-nat=off", printable(one));
    const std::string_view id = one.substr(0, equals), word = one.substr(equals + 1);
    Rule rule{};
    if (std::string why = refuse_rule(id, rule); !why.empty()) {
      if (!find_rule(id))
        if (const auto near = Suggester().closest_match(id, rule_ids())) why += fmt::format(": did you mean `{}`?", *near);
      return why;
    }
    const std::optional<Level> level = parse_level(word);
    if (!level) return refuse_level(word);
    levels.set(rule, *level);
  }
  return {};
}

std::optional<RuleLevels> levels_for(const std::string& path, const RuleLevels& command_line, bool color,
                                     std::string& why) {
  std::error_code ec;
  const fs::path input = fs::absolute(path, ec).lexically_normal();
  const std::optional<fs::path> config = ec ? std::nullopt : nearest_config(input.parent_path());
  RuleLevels levels;
  if (config) {
    // Named as the input is: relative to the working directory when the input was.
    const std::string name = fs::path(path).is_absolute() ? config->string()
                                                           : config->lexically_proximate(fs::current_path(ec)).string();
    static std::map<std::string, Config> read;  // by path: each file read once a run
    auto it = read.find(name);
    if (it == read.end()) it = read.emplace(name, read_config(name, color)).first;
    if (!it->second.levels) {
      why = fmt::format("{} has errors: {} is not checked", printable(name), printable(path));
      return std::nullopt;
    }
    levels = *it->second.levels;
  }
  levels.override_with(command_line);
  return levels;
}

}  // namespace archc::cli
