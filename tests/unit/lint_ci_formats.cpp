// The CI report formats of `archc lint` on exact text: JUnit XML (GitLab,
// Jenkins) and GitLab Code Quality JSON. tests/lint/validate_reports.py
// validates them against their schemas.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "lint/formats.hpp"
#include "lint_test_source.hpp"

namespace {

const std::string& kSource = archc::test::kLintSource;
const std::string kClean = "stack \"s\" { region = \"us-east-1\" }\n";
const std::string kTimestamp = "2026-01-02T03:04:05";

struct Run {
  std::vector<std::unique_ptr<archc::Compilation>> compilations;
  std::vector<archc::lint::LintedFile> files;
  void add(const std::string& path, const std::string& text, std::size_t error_limit = archc::kDefaultErrorLimit) {
    compilations.push_back(archc::compile_text(path, text, error_limit));
    files.push_back(archc::lint::lint_compilation(*compilations.back()));
  }
};

// What a format prints for the files of `run`, then a file that could not be read.
template <typename Make>
std::string print(const Run& run, Make make, bool with_failure) {
  std::ostringstream out;
  const auto format = make(out);
  for (const auto& f : run.files) format->file(f);
  if (with_failure) format->failed("/repo/site/gone.arch", "/repo/site/gone.arch: No such file or directory");
  format->finish();
  return out.str();
}
std::string junit_of(const Run& run, bool with_failure = false) {
  const auto make = [](std::ostream& out) {
    return archc::lint::junit_format(out, archc::lint::RepositoryPaths("/repo"), kTimestamp);
  };
  return print(run, make, with_failure);
}
std::string gitlab_of(const Run& run, bool with_failure = false) {
  return print(
      run, [](std::ostream& out) { return archc::lint::gitlab_format(out, archc::lint::RepositoryPaths("/repo")); },
      with_failure);
}

}  // namespace

TEST_CASE("junit: a suite per file, a failed case per diagnostic, a passing case for a clean file", "[lint][junit]") {
  Run run;
  run.add("/repo/site/main.arch", kSource);
  run.add("/repo/site/clean.arch", kClean);
  CHECK(junit_of(run, true) == R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite package="archc" id="0" name="site/main.arch" timestamp="2026-01-02T03:04:05" hostname="localhost" tests="2" failures="2" errors="0" time="0">
    <properties/>
    <testcase name="single-nat at 2:51" classname="site/main.arch" time="0">
      <failure type="warning" message="vpc `v` routes 2 zones through one NAT gateway: its zone's outage cuts them all off">site/main.arch:2:51: warning[single-nat]: vpc `v` routes 2 zones through one NAT gateway: its zone's outage cuts them all off</failure>
    </testcase>
    <testcase name="forward-port-blocked at 12:42" classname="site/main.arch" time="0">
      <failure type="error" message="listener `http` of alb `web` forwards to asg `app` on port 80, which no sg-chain edge opens from the alb: the traffic would be dropped">site/main.arch:12:42: error[forward-port-blocked]: listener `http` of alb `web` forwards to asg `app` on port 80, which no sg-chain edge opens from the alb: the traffic would be dropped
note: site/main.arch:14:5: asg `app` serves port 80
note: site/main.arch:8:3: this edge opens only 443</failure>
    </testcase>
    <system-out/>
    <system-err/>
  </testsuite>
  <testsuite package="archc" id="1" name="site/clean.arch" timestamp="2026-01-02T03:04:05" hostname="localhost" tests="1" failures="0" errors="0" time="0">
    <properties/>
    <testcase name="lint" classname="site/clean.arch" time="0"/>
    <system-out/>
    <system-err/>
  </testsuite>
  <testsuite package="archc" id="2" name="site/gone.arch" timestamp="2026-01-02T03:04:05" hostname="localhost" tests="1" failures="0" errors="1" time="0">
    <properties/>
    <testcase name="lint" classname="site/gone.arch" time="0">
      <error type="not-linted" message="/repo/site/gone.arch: No such file or directory">/repo/site/gone.arch: No such file or directory</error>
    </testcase>
    <system-out/>
    <system-err/>
  </testsuite>
</testsuites>
)");
}

TEST_CASE("gitlab: an issue per diagnostic, a blocker for a file not linted", "[lint][gitlab]") {
  Run run;
  run.add("/repo/site/main.arch", kSource);
  run.add("/repo/site/clean.arch", kClean);
  CHECK(gitlab_of(run, true) == R"([
  {
    "description": "vpc `v` routes 2 zones through one NAT gateway: its zone's outage cuts them all off",
    "check_name": "single-nat",
    "fingerprint": "ff9399cfa2fa63e7",
    "severity": "minor",
    "location": {
      "path": "site/main.arch",
      "lines": {
        "begin": 2
      }
    }
  },
  {
    "description": "listener `http` of alb `web` forwards to asg `app` on port 80, which no sg-chain edge opens from the alb: the traffic would be dropped\nnote: site/main.arch:14:5: asg `app` serves port 80\nnote: site/main.arch:8:3: this edge opens only 443",
    "check_name": "forward-port-blocked",
    "fingerprint": "5702448dc113c89f",
    "severity": "critical",
    "location": {
      "path": "site/main.arch",
      "lines": {
        "begin": 12
      }
    }
  },
  {
    "description": "/repo/site/gone.arch: No such file or directory",
    "check_name": "not-linted",
    "fingerprint": "4e207927ed5a9985",
    "severity": "blocker",
    "location": {
      "path": "site/gone.arch",
      "lines": {
        "begin": 1
      }
    }
  }
]
)");
}

// A file name with markup and quotes, and a message quoting ESC and U+FFFF,
// which XML 1.0 cannot hold even as references: written `<U+XXXX>`.
TEST_CASE("junit and gitlab escape markup, quotes and control characters", "[lint][junit][gitlab]") {
  Run run;
  run.add("/repo/a&<\"'>\x1b.arch", "stack \"s\" { region = \"us-east-1\x1b[2J\xef\xbf\xbf\" }\n");
  const std::string junit = junit_of(run);
  CHECK(junit.find('\x1b') == std::string::npos);
  CHECK(junit.find("\xef\xbf\xbf") == std::string::npos);
  CHECK(junit.find("name=\"a&amp;&lt;&quot;'&gt;&lt;U+001B&gt;.arch\"") != std::string::npos);
  CHECK(junit.find("message=\"unknown AWS region `us-east-1&lt;U+001B&gt;[2J&lt;U+FFFF&gt;`\"") != std::string::npos);
  CHECK(junit.find(">a&amp;&lt;\"'&gt;&lt;U+001B&gt;.arch:1:22: error[unknown-region]: unknown AWS region "
                   "`us-east-1&lt;U+001B&gt;[2J&lt;U+FFFF&gt;`\nnote: expected one of: ") != std::string::npos);

  const std::string gitlab = gitlab_of(run);
  CHECK(gitlab.find('\x1b') == std::string::npos);
  const auto issues = nlohmann::json::parse(gitlab);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0]["location"]["path"] == "a&<\"'>\x1b.arch");
  CHECK(issues[0]["description"].get<std::string>().starts_with(
      "unknown AWS region `us-east-1\x1b[2J\xef\xbf\xbf`\nnote: expected one of: "));
}

TEST_CASE("junit and gitlab say what was over the error limit", "[lint][junit][gitlab]") {
  Run run;
  run.add("/repo/many.arch", "vpc \"a\" { cidr = 1 }\nvpc \"b\" { cidr = 2 }\nvpc \"c\" { cidr = 3 }\n", 1);
  const std::string junit = junit_of(run);
  CHECK(junit.find("tests=\"2\" failures=\"2\" errors=\"0\"") != std::string::npos);
  CHECK(junit.find("<testcase name=\"diagnostics not shown\" classname=\"many.arch\" time=\"0\">\n"
                   "      <failure type=\"error\" message=\"/repo/many.arch: too many errors: 5 more not shown "
                   "(--error-limit 0 shows all)\">") != std::string::npos);
  const auto issues = nlohmann::json::parse(gitlab_of(run));
  REQUIRE(issues.size() == 2);
  CHECK(issues[1]["check_name"] == "diagnostics-not-shown");
  CHECK(issues[1]["severity"] == "critical");
  CHECK(issues[1]["location"] == nlohmann::json{{"path", "many.arch"}, {"lines", {{"begin", 1}}}});
  CHECK(issues[0]["fingerprint"] != issues[1]["fingerprint"]);
}

TEST_CASE("gitlab fingerprints are unique, also for a file given twice", "[lint][gitlab]") {
  Run run;
  run.add("/repo/site/main.arch", kSource);
  run.add("/repo/site/main.arch", kSource);
  const auto issues = nlohmann::json::parse(gitlab_of(run, true));
  std::set<std::string> fingerprints;
  for (const auto& i : issues) CHECK(fingerprints.insert(i["fingerprint"].get<std::string>()).second);
  CHECK(fingerprints.size() == 5);
}
