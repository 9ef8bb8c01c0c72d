// The machine formats of `archc lint`: SARIF as GitHub code scanning
// requires it, the documented JSON schema, and exact workflow commands.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "lint/formats.hpp"
#include "lint_test_source.hpp"

namespace {

using nlohmann::json;

const std::string& kSource = archc::test::kLintSource;

struct Linted {
  std::unique_ptr<archc::Compilation> c;
  std::vector<archc::lint::LintedFile> files;
};

Linted lint(const std::string& path, const std::string& text) {
  Linted l;
  l.c = archc::compile_text(path, text);
  l.files.push_back(archc::lint::lint_compilation(*l.c));
  return l;
}

// What a format prints for the files of `l`.
template <typename Make>
std::string print(const Linted& l, Make make) {
  std::ostringstream out;
  const auto format = make(out);
  for (const auto& f : l.files) format->file(f);
  format->finish();
  return out.str();
}
std::string json_of(const Linted& l) {
  return print(l, [](std::ostream& out) { return archc::lint::json_format(out); });
}
// SARIF and github paths are relative to `base`: by default the working
// directory, in which the tests' relative names lie.
std::string sarif_of(const Linted& l, const std::string& base = std::filesystem::current_path().string()) {
  return print(l, [&](std::ostream& out) { return archc::lint::sarif_format(out, archc::lint::RepositoryPaths(base)); });
}
std::string github_of(const Linted& l, const std::string& base = std::filesystem::current_path().string()) {
  return print(l, [&](std::ostream& out) { return archc::lint::github_format(out, archc::lint::RepositoryPaths(base)); });
}

void require_text(const json& j, const char* key) {
  REQUIRE(j.contains(key));
  REQUIRE(j[key].contains("text"));
  REQUIRE(j[key]["text"].is_string());
  REQUIRE(!j[key]["text"].get<std::string>().empty());
}

void require_region(const json& region) {
  REQUIRE(region["startLine"].is_number_integer());
  REQUIRE(region["startLine"].get<int>() >= 1);
  for (const char* key : {"startColumn", "endLine", "endColumn"})
    if (region.contains(key)) REQUIRE(region[key].get<int>() >= 1);
  if (region.contains("endLine")) REQUIRE(region["endLine"].get<int>() >= region["startLine"].get<int>());
}

void require_location(const json& loc, const std::string& uri) {
  const json& phys = loc.at("physicalLocation");
  REQUIRE(phys.at("artifactLocation").at("uri") == uri);
  require_region(phys.at("region"));
}

}  // namespace

TEST_CASE("SARIF has the structure GitHub code scanning requires", "[lint][sarif]") {
  auto l = lint("/repo/site/main.arch", kSource);
  const json doc = json::parse(sarif_of(l, "/repo"));
  REQUIRE(doc.at("version") == "2.1.0");
  REQUIRE(doc.at("$schema").get<std::string>().find("sarif") != std::string::npos);
  REQUIRE(doc.at("runs").size() == 1);
  const json& run = doc["runs"][0];
  const json& driver = run.at("tool").at("driver");
  REQUIRE(driver.at("name") == "archc");
  REQUIRE(driver.at("version") == ARCHC_VERSION);
  const json& rules = driver.at("rules");
  REQUIRE(rules.size() == archc::kRules.size());
  std::set<std::string> ids;
  for (const auto& r : rules) {
    REQUIRE(r.at("id").is_string());
    REQUIRE(ids.insert(r["id"].get<std::string>()).second);  // unique
    require_text(r, "shortDescription");
    require_text(r, "fullDescription");
    require_text(r, "help");
    const std::string level = r.at("defaultConfiguration").at("level");
    REQUIRE((level == "error" || level == "warning"));
  }
  const json& results = run.at("results");
  REQUIRE(results.size() == 2);
  std::set<std::string> fingerprints;
  for (const auto& r : results) {
    const std::string id = r.at("ruleId");
    REQUIRE(ids.count(id));
    REQUIRE(rules[r.at("ruleIndex").get<std::size_t>()]["id"] == id);
    const std::string level = r.at("level");
    REQUIRE((level == "error" || level == "warning"));
    require_text(r, "message");
    REQUIRE(r.at("locations").size() == 1);
    require_location(r["locations"][0], "site/main.arch");  // relative to the repository root
    for (const auto& rel : r.value("relatedLocations", json::array())) {
      require_location(rel, "site/main.arch");
      require_text(rel, "message");
    }
    REQUIRE(r.at("partialFingerprints").is_object());
    REQUIRE(!r["partialFingerprints"].empty());
    for (const auto& [key, value] : r["partialFingerprints"].items()) REQUIRE(fingerprints.insert(value).second);
  }
  CHECK(results[0]["ruleId"] == "single-nat");
  const json& error = results[1];
  CHECK(error["ruleId"] == "forward-port-blocked");
  CHECK(error["level"] == "error");
  CHECK(error["locations"][0]["physicalLocation"]["region"] ==
        json{{"startLine", 12}, {"startColumn", 42}, {"endLine", 12}, {"endColumn", 49}});
  CHECK(error["relatedLocations"].size() == 2);  // the asg's port, the edge
}

TEST_CASE("SARIF URIs are percent-encoded", "[lint][sarif]") {
  auto l = lint("my site/main #1.arch", kSource);
  const json doc = json::parse(sarif_of(l));
  CHECK(doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "my%20site/main%20%231.arch");
}

TEST_CASE("JSON follows the schema of docs/lint.md", "[lint][json]") {
  auto l = lint("main.arch", kSource);
  const json doc = json::parse(json_of(l));
  CHECK(doc.at("schema") == "archc-lint/1");
  CHECK(doc.at("archc") == ARCHC_VERSION);
  CHECK(doc.at("summary") ==
        json{{"files", 1},
             {"failures", 0},
             {"errors", 1},
             {"errors_not_shown", 0},
             {"warnings", 1},
             {"warnings_not_shown", 0},
             {"suppressed", 0}});
  const json& f = doc.at("files").at(0);
  CHECK(f.at("path") == "main.arch");
  const json& d = f.at("diagnostics").at(1);
  CHECK(d.at("rule") == "forward-port-blocked");
  CHECK(d.at("severity") == "error");
  CHECK(d.at("range") == json{{"start", {{"line", 12}, {"column", 42}, {"offset", 362}}},
                              {"end", {{"line", 12}, {"column", 49}, {"offset", 369}}}});
  CHECK(d.at("notes").at(0).at("range").at("start").at("line") == 14);
  CHECK(d.at("notes").back().at("message") == "this edge opens only 443");
}

TEST_CASE("github workflow commands are exact and escaped", "[lint][github]") {
  auto l = lint("infra/a,b:c.arch", kSource);
  CHECK(github_of(l) ==
        "::warning file=infra/a%2Cb%3Ac.arch,line=2,col=51,endLine=2,endColumn=58,title=single-nat::vpc `v` routes 2 "
        "zones through one NAT gateway: its zone's outage cuts them all off\n"
        "::error file=infra/a%2Cb%3Ac.arch,line=12,col=42,endLine=12,endColumn=48,title=forward-port-blocked::"
        "listener `http` of alb `web` forwards to asg `app` on port 80, which no sg-chain edge opens from the alb: "
        "the traffic would be dropped%0Anote: infra/a,b:c.arch:14:5: asg `app` serves port 80"
        "%0Anote: infra/a,b:c.arch:8:3: this edge opens only 443\n");
}

TEST_CASE("github escapes percent signs in properties and messages", "[lint][github]") {
  auto l = lint("100%/m.arch", kSource);
  const std::string out = github_of(l);
  CHECK(out.find("::error file=100%25/m.arch,line=12,") != std::string::npos);
  CHECK(out.find("%0Anote: 100%25/m.arch:14:5: ") != std::string::npos);
}

TEST_CASE("JSON reports each fix-it as a range and its replacement", "[lint][json][fixits]") {
  auto l = lint("main.arch", kSource);
  const json doc = json::parse(json_of(l));
  const json& diags = doc.at("files").at(0).at("diagnostics");
  // The warning: the comment that suppresses it, inserted above its line.
  CHECK(diags.at(0).at("fixes") ==
        json::array({{{"range", {{"start", {{"line", 2}, {"column", 1}, {"offset", 10}}},
                                 {"end", {{"line", 2}, {"column", 1}, {"offset", 10}}}}},
                      {"replacement", "  # archc:ignore single-nat\n"}}}));
  CHECK(diags.at(1).at("fixes") == json::array());  // archc does not know this error's fix
}

TEST_CASE("SARIF reports fix-its as fixes with artifact changes", "[lint][sarif][fixits]") {
  auto l = lint("/repo/main.arch", "vpc \"v\" { cidr = \"10.0.0.1/16\", zones = [\"a\", \"b\"] }\n");
  const json doc = json::parse(sarif_of(l, "/repo"));
  const json& results = doc["runs"][0]["results"];
  REQUIRE(results.size() == 1);
  CHECK(results[0]["ruleId"] == "cidr-host-bits");
  const json& fixes = results[0].at("fixes");
  REQUIRE(fixes.size() == 1);
  require_text(fixes[0], "description");
  CHECK(fixes[0]["description"]["text"] == "replace `10.0.0.1/16` with `10.0.0.0/16`");
  const json& changes = fixes[0].at("artifactChanges");
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].at("artifactLocation").at("uri") == "main.arch");
  const json& replacements = changes[0].at("replacements");
  REQUIRE(replacements.size() == 1);
  require_region(replacements[0].at("deletedRegion"));
  CHECK(replacements[0]["deletedRegion"] ==
        json{{"startLine", 1}, {"startColumn", 19}, {"endLine", 1}, {"endColumn", 30}});
  CHECK(replacements[0].at("insertedContent") == json{{"text", "10.0.0.0/16"}});
}

TEST_CASE("SARIF gives an inserted suppression an empty deleted region", "[lint][sarif][fixits]") {
  auto l = lint("/repo/main.arch", kSource);
  const json doc = json::parse(sarif_of(l, "/repo"));
  const json& warning = doc["runs"][0]["results"][0];
  REQUIRE(warning["ruleId"] == "single-nat");
  const json& replacement = warning.at("fixes").at(0).at("artifactChanges").at(0).at("replacements").at(0);
  CHECK(replacement["deletedRegion"] == json{{"startLine", 2}, {"startColumn", 1}, {"endLine", 2}, {"endColumn", 1}});
  CHECK(replacement["insertedContent"]["text"] == "  # archc:ignore single-nat\n");
  CHECK(!doc["runs"][0]["results"][1].contains("fixes"));
}

// A file name is bytes: one that is not UTF-8 made nlohmann's dump throw
// (`lint --format json` ended in an internal error). JSON and workflow
// commands write U+FFFD for each such byte; text escapes it as <FF>.
TEST_CASE("a file name that is not UTF-8 is written with U+FFFD, never a crash", "[lint][hostile]") {
  SECTION("JSON") {
    auto l = lint("bad\xff.arch", kSource);
    const json doc = json::parse(json_of(l));
    CHECK(doc.at("files").at(0).at("path") == "bad\xEF\xBF\xBD.arch");
    CHECK(doc.at("summary").at("errors") == 1);
  }
  SECTION("every format, with diagnostics over the limit (the omitted line quotes the name)") {
    std::string text;
    for (int i = 0; i < 150; ++i) text += "vpc \"v" + std::to_string(i) + "\" { cidr = 5 }\n";
    auto l = lint("dir\xc3/x\xfe\xfe.arch", text);
    const std::string name = "dir\xEF\xBF\xBD/x\xEF\xBF\xBD\xEF\xBF\xBD.arch";
    const json doc = json::parse(json_of(l));
    CHECK(doc.at("files").at(0).at("path") == name);
    CHECK(doc.at("files").at(0).at("errors_not_shown") == 200);

    const json sarif = json::parse(sarif_of(l));
    CHECK(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
          "dir%C3/x%FE%FE.arch");
    CHECK(sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"] ==
          "dir<C3>/x<FE><FE>.arch: too many errors: 200 more not shown (--error-limit 0 shows all)");

    const std::string github = github_of(l);
    CHECK(github.starts_with("::error file=" + name + ",line=1,col=5,"));
    CHECK(github.ends_with("::error file=" + name +
                           "::dir<C3>/x<FE><FE>.arch: too many errors: 200 more not shown (--error-limit 0 shows all)\n"));

    const std::string text_out = print(l, [](std::ostream& out) { return archc::lint::text_format(out, false); });
    CHECK(text_out.starts_with("dir<C3>/x<FE><FE>.arch:1:5: error[missing-attribute]: vpc `v0` needs `zones`\n"));
    CHECK(text_out.ends_with("dir<C3>/x<FE><FE>.arch: 300 errors, 0 warnings\n"));
  }
}

namespace {

// A file name and a message (quoting the source) holding ESC sequences and
// a C1 control (U+009B, CSI): no format writes a control character raw.
// Text and workflow commands show each as `<U+XXXX>`; JSON and SARIF as a
// `\uXXXX` escape, which reads back as the same name and message; a SARIF
// URI percent-encodes it.
TEST_CASE("control characters in file names and messages are escaped in every format", "[lint][hostile]") {
  const std::string name = "a\x1b[31mb\xc2\x9b.arch";
  const auto l = lint(name, "stack \"s\" { region = \"us-east-1\x1b[2J\xc2\x9b\" }\n");
  const auto raw_control = [](const std::string& out) {
    return out.find('\x1b') != std::string::npos || out.find("\xc2\x9b") != std::string::npos;
  };

  const std::string text = print(l, [](std::ostream& out) { return archc::lint::text_format(out, false); });
  CHECK(
      text.starts_with("a<U+001B>[31mb<U+009B>.arch:1:22: error[unknown-region]: unknown AWS region "
                       "`us-east-1<U+001B>[2J<U+009B>`\n"));
  CHECK(text.ends_with("\na<U+001B>[31mb<U+009B>.arch: 1 error, 0 warnings\n"));
  CHECK(!raw_control(text));

  const std::string github = github_of(l);
  CHECK(
      github.starts_with("::error file=a<U+001B>[31mb<U+009B>.arch,line=1,col=22,endLine=1,endColumn=37,"
                         "title=unknown-region::unknown AWS region `us-east-1<U+001B>[2J<U+009B>`%0Anote: "
                         "expected one of: "));
  CHECK(!raw_control(github));

  const std::string json_text = json_of(l);
  CHECK(json_text.find("\"path\": \"a\\u001b[31mb\\u009b.arch\"") != std::string::npos);
  CHECK(json_text.find("\"message\": \"unknown AWS region `us-east-1\\u001b[2J\\u009b`\"") != std::string::npos);
  CHECK(!raw_control(json_text));
  const json doc = json::parse(json_text);
  CHECK(doc["files"][0]["path"] == name);
  CHECK(doc["files"][0]["diagnostics"][0]["message"] == "unknown AWS region `us-east-1\x1b[2J\xc2\x9b`");

  const std::string sarif_text = sarif_of(l);
  CHECK(!raw_control(sarif_text));
  const json sarif = json::parse(sarif_text);
  const json& result = sarif["runs"][0]["results"][0];
  CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a%1B%5B31mb%C2%9B.arch");
  CHECK(result["message"]["text"].get<std::string>().starts_with("unknown AWS region `us-east-1\x1b[2J\xc2\x9b`\n"));
}

}  // namespace

TEST_CASE("repository paths are relative to the base, never absolute and never ../", "[lint][sarif]") {
  const archc::lint::RepositoryPaths paths("/repo");
  CHECK(paths.relative("/repo/infra/site.arch") == "infra/site.arch");
  CHECK(paths.relative("/repo/./infra/../infra//site.arch") == "infra/site.arch");
  CHECK(paths.relative("/repo2/site.arch") == std::nullopt);
  CHECK(paths.relative("/site.arch") == std::nullopt);
  CHECK(paths.relative("/repo/../site.arch") == std::nullopt);
  // Relative to the working directory, as the command line gives them.
  const archc::lint::RepositoryPaths here(std::filesystem::current_path().string());
  CHECK(here.relative("infra/site.arch") == "infra/site.arch");
  CHECK(here.relative("./infra/site.arch") == "infra/site.arch");
  CHECK(here.relative("../site.arch") == std::nullopt);
}

TEST_CASE("SARIF names archc's docs and each rule's page, and scores the security rules", "[lint][sarif]") {
  auto l = lint("main.arch", kSource);
  const json doc = json::parse(sarif_of(l));
  const json& driver = doc["runs"][0]["tool"]["driver"];
  CHECK(driver.at("informationUri") == ARCHC_DOCS_URL);
  const json& rules = driver.at("rules");
  CHECK(rules[static_cast<std::size_t>(archc::Rule::CidrOverlap)].at("helpUri") ==
        std::string(ARCHC_DOCS_URL) + "/rules.md#cidr-overlap");
  const json& exposed = rules[static_cast<std::size_t>(archc::Rule::DbInternetExposed)];
  CHECK(exposed.at("properties").at("security-severity") == "9.1");
  CHECK(exposed["properties"]["tags"] == json::array({"archc", "correctness", "security"}));
  const json& admin = rules[static_cast<std::size_t>(archc::Rule::AdminPortFromInternet)];
  CHECK(admin.at("properties").at("security-severity") == "7.3");
  const json& overlap = rules[static_cast<std::size_t>(archc::Rule::CidrOverlap)];
  CHECK(!overlap.at("properties").contains("security-severity"));
  CHECK(overlap["properties"]["tags"] == json::array({"archc", "correctness"}));
  for (const json& r : rules) {
    const std::string uri = r.at("helpUri");
    CHECK(uri == std::string(ARCHC_DOCS_URL) + "/rules.md#" + r.at("id").get<std::string>());
  }
}

namespace {

// The fingerprint of the result of `rule` in the SARIF of `source`.
std::string fingerprint_of(const std::string& source, const std::string& rule) {
  auto l = lint("main.arch", source);
  const json doc = json::parse(sarif_of(l));
  for (const json& r : doc["runs"][0]["results"])
    if (r["ruleId"] == rule) return r["partialFingerprints"]["archcDiagnostic/v1"];
  FAIL("no " << rule << " result");
  return {};
}

}  // namespace

TEST_CASE("a SARIF fingerprint survives edits elsewhere on the line and in the file", "[lint][sarif]") {
  const std::string before = fingerprint_of(kSource, "single-nat");
  // Lines added above it, and the other attributes of its line rewritten.
  std::string moved = "# a comment\n\n" + kSource;
  CHECK(fingerprint_of(moved, "single-nat") == before);
  std::string edited = kSource;
  const auto zones = edited.find("zones = [\"a\", \"b\"]");
  REQUIRE(zones != std::string::npos);
  edited.replace(zones, std::string("zones = [\"a\", \"b\"]").size(), "zones=[\"a\",\"b\"]");
  CHECK(fingerprint_of(edited, "single-nat") == before);
  // The same warning for another VPC is another alert.
  std::string renamed = kSource;
  renamed.replace(renamed.find("vpc \"v\""), 7, "vpc \"w\"");
  CHECK(fingerprint_of(renamed, "single-nat") != before);
}

TEST_CASE("a file that could not be linted fails the SARIF run and is listed by json and github", "[lint][sarif]") {
  auto l = lint("main.arch", kSource);
  const auto with_failure = [&](auto make) {
    return print(l, [&](std::ostream& out) {
      auto format = make(out);
      format->failed("gone.arch", "gone.arch: No such file or directory");
      return format;
    });
  };
  const std::string cwd = std::filesystem::current_path().string();
  const json sarif = json::parse(
      with_failure([&](std::ostream& out) { return archc::lint::sarif_format(out, archc::lint::RepositoryPaths(cwd)); }));
  const json& invocation = sarif["runs"][0]["invocations"].at(0);
  CHECK(invocation.at("executionSuccessful") == false);
  CHECK(invocation.at("toolExecutionNotifications") ==
        json::array({{{"level", "error"},
                      {"message", {{"text", "gone.arch: No such file or directory"}}},
                      {"locations", json::array({{{"physicalLocation",
                                                    {{"artifactLocation", {{"uri", "gone.arch"}}},
                                                     {"region", {{"startLine", 1}}}}}}})}}}));
  CHECK(sarif["runs"][0]["results"].size() == 2);  // the file that was linted

  // A clean run says so too.
  CHECK(json::parse(sarif_of(l))["runs"][0]["invocations"] == json::array({{{"executionSuccessful", true}}}));

  const json doc = json::parse(with_failure([](std::ostream& out) { return archc::lint::json_format(out); }));
  CHECK(doc.at("failures") == json::array({{{"path", "gone.arch"}, {"message", "gone.arch: No such file or directory"}}}));
  CHECK(doc.at("summary").at("failures") == 1);

  const std::string github = with_failure(
      [&](std::ostream& out) { return archc::lint::github_format(out, archc::lint::RepositoryPaths(cwd)); });
  CHECK(github.starts_with("::error file=gone.arch::gone.arch: No such file or directory\n"));
}
