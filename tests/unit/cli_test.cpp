// The archc binary as users run it: exit codes, atomic output, determinism,
// target selection, and the help and version texts.
#include <set>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli_support.hpp"

namespace archc::test {
namespace {

TEST_CASE("archc build writes the stack and exits 0") {
  TempDir dir;
  const Run r = archc(fmt::format("build {} -o {}", quote(kSample), quote(dir / "stack.yaml")));
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  const std::string stack = read(dir / "stack.yaml");
  CHECK(stack.rfind("AWSTemplateFormatVersion", 0) == 0);
  CHECK(dir.entries() == std::vector<std::string>{"stack.yaml"});
}

TEST_CASE("archc build without -o writes CloudFormation to stdout") {
  TempDir dir;
  const Run r = archc(fmt::format("build {}", quote(kSample)));
  CHECK(r.status == 0);
  REQUIRE(archc(fmt::format("build {} -o {}", quote(kSample), quote(dir / "stack.yaml"))).status == 0);
  CHECK(r.out == read(dir / "stack.yaml"));
}

TEST_CASE("two builds of the same file are byte-identical") {
  TempDir dir;
  for (const char* name : {"a.yaml", "b.yaml", "a.tf.json", "b.tf.json"})
    REQUIRE(archc(fmt::format("build {} -o {}", quote(kSample), quote(dir / name))).status == 0);
  CHECK(read(dir / "a.yaml") == read(dir / "b.yaml"));
  CHECK(read(dir / "a.tf.json") == read(dir / "b.tf.json"));
}

// LANGUAGE.md allows LF or CRLF line ends; which one a file uses (say, after a
// checkout on Windows) must not change the stack, user data included.
TEST_CASE("a file and its CRLF copy build to the same bytes") {
  TempDir dir;
  std::vector<std::string> sources;
  for (const auto& e : fs::directory_iterator(std::string(ARCHC_SOURCE_DIR) + "/samples"))
    if (e.path().extension() == ".arch") sources.push_back(e.path().string());
  std::sort(sources.begin(), sources.end());
  // Both kinds of heredoc, a blank line and a line of blanks in each.
  write(dir / "heredocs.arch",
        "vpc \"v\" {\n  cidr = \"10.0.0.0/16\", zones = [\"a\", \"b\"], nat = \"none\"\n"
        "  subnet \"app\" { size = 24 }\n}\n"
        "asg \"plain\" {\n  subnets = vpc.v.app\n  user_data = <<EOT\n#!/bin/bash\n\n  \necho \"${HOME}\"\nEOT\n}\n"
        "asg \"indented\" {\n  subnets = vpc.v.app\n  user_data = <<-EOT\n    #!/bin/sh\n\n      \n    exit 0\n  EOT\n}\n");
  sources.push_back(dir / "heredocs.arch");
  for (const std::string& source : sources) {
    INFO(source);
    std::string crlf;
    for (char c : read(source)) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    // The same file name: a stack without a label is named after its file.
    const std::string copy = dir / ("crlf/" + fs::path(source).filename().string());
    fs::create_directories(dir / "crlf");
    write(copy, crlf);
    for (const char* suffix : {".yaml", ".tf.json"}) {
      INFO(suffix);
      REQUIRE(archc(fmt::format("build {} -o {}", quote(source), quote(dir / "lf" + suffix))).status == 0);
      REQUIRE(archc(fmt::format("build {} -o {}", quote(copy), quote(dir / "crlf" + suffix))).status == 0);
      const std::string lf = read(dir / "lf" + suffix);
      CHECK(lf.find('\r') == std::string::npos);
      CHECK(read(dir / "crlf" + suffix) == lf);
    }
  }
}

TEST_CASE("the target follows the output suffix unless --target says") {
  TempDir dir;
  REQUIRE(archc(fmt::format("build {} -o {}", quote(kSample), quote(dir / "main.tf.json"))).status == 0);
  REQUIRE(archc(fmt::format("build {} -o {}", quote(kSample), quote(dir / "stack.json"))).status == 0);
  REQUIRE(archc(fmt::format("build {} --target terraform -o {}", quote(kSample), quote(dir / "forced.yaml"))).status == 0);
  const std::string terraform = read(dir / "main.tf.json");
  CHECK(terraform.rfind("{", 0) == 0);
  CHECK(contains(terraform, "\"aws_vpc\""));
  CHECK(read(dir / "stack.json").rfind("AWSTemplateFormatVersion", 0) == 0);  // only .tf.json means Terraform
  CHECK(read(dir / "forced.yaml") == terraform);
  // The suffix in any case: a case-insensitive file system holds either.
  REQUIRE(archc(fmt::format("build {} -o {}", quote(kSample), quote(dir / "MAIN.TF.JSON"))).status == 0);
  REQUIRE(archc(fmt::format("build {} -o {}", quote(kSample), quote(dir / "Main.Tf.Json"))).status == 0);
  CHECK(read(dir / "MAIN.TF.JSON") == terraform);
  CHECK(read(dir / "Main.Tf.Json") == terraform);
}

TEST_CASE("a file with a syntax error exits 1, names the place and leaves -o untouched") {
  TempDir dir;
  write(dir / "bad.arch", "vpc \"a\" {\n  cidr = [1 2]\n}\n");
  const std::string previous = "previous stack\n";
  write(dir / "stack.yaml", previous);
  const Run r = archc(fmt::format("build {} -o {}", quote(dir / "bad.arch"), quote(dir / "stack.yaml")));
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(contains(r.err, dir / "bad.arch" + ":2:13: error[syntax]: expected ',' or ']' in the list\n"));
  CHECK(read(dir / "stack.yaml") == previous);
  // No archc temporary file (stack.yaml.archc-*) is left behind.
  CHECK(dir.entries() == std::vector<std::string>{"bad.arch", "stack.yaml"});
}

TEST_CASE("diagnostics on a pipe carry no colour codes") {
  TempDir dir;
  write(dir / "bad.arch", "x = \n");
  const Run r = archc(fmt::format("check {}", quote(dir / "bad.arch")));
  CHECK(r.status == 1);
  CHECK_FALSE(contains(r.err, "\x1b["));
  CHECK(contains(r.err, "bad.arch: 1 error, 0 warnings\n"));
}

TEST_CASE("archc check exits 0 on clean files") {
  const Run r = archc(fmt::format("check {}", quote(kSample)));
  CHECK(r.status == 0);
  CHECK(r.out.empty());
}

TEST_CASE("unreadable input and usage errors exit 2") {
  TempDir dir;
  SECTION("missing file") {
    const Run r = archc(fmt::format("build {} -o {}", quote(dir / "missing.arch"), quote(dir / "stack.yaml")));
    CHECK(r.status == 2);
    CHECK(contains(r.err, "cannot read " + dir / "missing.arch"));
    CHECK(dir.entries().empty());
  }
  SECTION("a directory") {
    CHECK(archc(fmt::format("check {}", quote(dir / ""))).status == 2);
  }
  SECTION("an output directory that does not exist") {
    const Run r = archc(fmt::format("build {} -o {}", quote(kSample), quote(dir / "no/such/dir/stack.yaml")));
    CHECK(r.status == 2);
    CHECK(contains(r.err, "archc: error: cannot write"));
  }
  SECTION("no subcommand") { CHECK(archc("").status == 2); }
  SECTION("an unknown option") { CHECK(archc(fmt::format("build {} --bogus", quote(kSample))).status == 2); }
  SECTION("an unknown target") {
    CHECK(archc(fmt::format("build {} --target pulumi", quote(kSample))).status == 2);
  }
}

TEST_CASE("an exception that escapes a command is an internal error with exit status 2, not an abort") {
  // SARIF names files relative to the working directory; when that
  // directory has been removed, std::filesystem::current_path throws.
  TempDir dir, io;
  const std::string gone = dir / "gone";
  const std::string command =
      fmt::format("mkdir {0} && cd {0} && rmdir {0} && exec {1} lint --format sarif {2} >{3} 2>{4}", quote(gone),
                  quote(ARCHC_BINARY), quote(kSample), quote(io / "out"), quote(io / "err"));
  const int raw = std::system(command.c_str());
  REQUIRE(WIFEXITED(raw));
  CHECK(WEXITSTATUS(raw) == 2);
  const std::string err = read(io / "err");
  CHECK(err.rfind("archc: internal error: ", 0) == 0);
  CHECK(contains(err, "current path"));
}

TEST_CASE("archc check reports names that would share logical ids and exits 1") {
  TempDir dir;
  write(dir / "site.arch", R"(vpc "a-b" { cidr = "10.0.0.0/16", zones = ["a"] }
vpc "a_b" { cidr = "10.1.0.0/16", zones = ["a"] }
)");
  const Run r = archc(fmt::format("check {}", quote(dir / "site.arch")));
  CHECK(r.status == 1);
  CHECK(contains(r.err, "site.arch:2:5: error[name-collision]: vpc `a_b` and vpc `a-b` would share their logical ids"));
  CHECK(contains(r.err, "site.arch:1:5: note: vpc `a-b` is here"));
}

TEST_CASE("--version and --help") {
  const Run version = archc("--version");
  CHECK(version.status == 0);
  CHECK(version.out == std::string("archc ") + ARCHC_VERSION + "\n");

  const Run help = archc("--help");
  CHECK(help.status == 0);
  CHECK(contains(help.out, "Examples:"));
  CHECK(contains(help.out, "archc build site.arch -o stack.yaml"));
  CHECK(contains(help.out, "Exit status: 0 success, 1 the input has errors, 2 usage or I/O error."));
  CHECK(contains(help.out, "--error-limit N=100"));
  CHECK(contains(help.out, "Show at most N errors, and N warnings, of each file, then how many more there are (0: no limit)"));

  const Run build_help = archc("build --help");
  CHECK(build_help.status == 0);
  CHECK(contains(build_help.out, "archc build samples/lab-vpc.arch -o main.tf.json"));
  CHECK(contains(build_help.out, "A file is replaced atomically, through OUT.archc-XXXXXX beside it, and left "
                                 "untouched on any error; a symlink is followed and kept; a device, FIFO or socket "
                                 "is written straight; FILE itself is refused"));
  CHECK(contains(build_help.out, "only SIGKILL or a crash can leave one (find . -name '*.archc-\?\?\?\?\?\?')"));
  CHECK(contains(build_help.out, "Global options, before or after the command: -v, --verbose; --error-limit N"));
}

TEST_CASE("lint reads a file whose name is not UTF-8 and writes it with U+FFFD", "[cli][hostile]") {
  TempDir dir;
  const std::string file = dir / "lab\xff.arch";
  write(file, read(kSample));
  const Run json = archc(fmt::format("lint --format json {}", quote(file)));
  CHECK(json.status == 0);
  CHECK(json.err.empty());
  CHECK(contains(json.out, "\"path\": \"" + (dir / "lab\xEF\xBF\xBD.arch") + "\""));
  // A mistake in a file named with a lone continuation byte, in every format.
  const std::string broken = dir / "bad\x80.arch";
  write(broken, "vpc \"v\" { cidr = 5 }\n");
  for (const char* format : {"text", "json", "sarif", "github", "junit", "gitlab"}) {
    INFO(format);
    const Run r = archc(fmt::format("lint --format {} --base-dir {} {}", format, quote(dir / ""), quote(broken)));
    CHECK(r.status == 1);
    CHECK(r.err.empty());
    CHECK(contains(r.out, "missing-attribute"));
    CHECK(!contains(r.out, "\x80"));
  }
}

TEST_CASE("lint names files relative to the repository root in SARIF and github annotations", "[cli][lint]") {
  TempDir dir;
  const std::string repo = dir / "repo";
  fs::create_directories(repo + "/.git");
  fs::create_directories(repo + "/infra");
  const std::string warns = std::string(ARCHC_SOURCE_DIR) + "/samples/my-vpc.arch";
  write(repo + "/infra/site.arch", read(warns));
  write(dir / "outside.arch", read(warns));
  const auto uris = [](const std::string& sarif) {
    std::set<std::string> out;
    const auto doc = nlohmann::json::parse(sarif);
    for (const auto& r : doc["runs"][0]["results"])
      out.insert(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>());
    return out;
  };

  SECTION("from a subdirectory, named relatively, with ../ or absolutely") {
    for (const std::string& name : {std::string("site.arch"), std::string("../infra/./site.arch"), repo + "/infra/site.arch"}) {
      INFO(name);
      const Run r = archc("lint --format sarif " + quote(name), repo + "/infra");
      CHECK(r.status == 0);
      CHECK(uris(r.out) == std::set<std::string>{"infra/site.arch"});
      const Run g = archc("lint --format github " + quote(name), repo + "/infra");
      CHECK(contains(g.out, "::warning file=infra/site.arch,line="));
    }
  }
  SECTION("a file outside the repository is refused, and the SARIF run marked failed") {
    const Run r = archc("lint --format sarif ../../outside.arch site.arch", repo + "/infra");
    CHECK(r.status == 2);
    CHECK(r.err == "archc: error: ../../outside.arch lies outside " + repo +
                       ", the repository root that SARIF paths are relative to (--base-dir sets it)\n");
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(uris(r.out) == std::set<std::string>{"infra/site.arch"});
    CHECK(doc["runs"][0]["invocations"][0]["executionSuccessful"] == false);
    CHECK(doc["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"] ==
          "../../outside.arch lies outside " + repo +
              ", the repository root that SARIF paths are relative to (--base-dir sets it)");
  }
  SECTION("--base-dir names the root") {
    const Run r = archc("lint --format github --base-dir repo/infra repo/infra/site.arch", dir / "");
    CHECK(r.status == 0);
    CHECK(contains(r.out, "::warning file=site.arch,line="));
    const Run outside = archc("lint --format github --base-dir repo outside.arch", dir / "");
    CHECK(outside.status == 2);
    CHECK(outside.out.empty() == false);
    CHECK(contains(outside.out, "::error::outside.arch lies outside " + repo));
  }
  SECTION("an unreadable file fails the run") {
    const Run r = archc("lint --format sarif infra/site.arch infra/missing.arch", repo);
    CHECK(r.status == 2);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["runs"][0]["invocations"][0]["executionSuccessful"] == false);
    const auto& note = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
    CHECK(note["level"] == "error");
    CHECK(contains(note["message"]["text"].get<std::string>(), "infra/missing.arch"));
    CHECK(note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "infra/missing.arch");
    CHECK(uris(r.out) == std::set<std::string>{"infra/site.arch"});
  }
}

TEST_CASE("archc plan escapes control and invisible characters of tags, as check does", "[cli]") {
  TempDir dir;
  write(dir / "tag.arch",
        "stack \"s\" {\n  region = \"us-east-1\"\n  tags = { team = \"a\\u{1b}[31mred\\u{202e}x\\ny\" }\n}\n");
  const Run plan = archc("plan tag.arch", dir / "");
  CHECK(plan.status == 0);
  CHECK(plan.out.rfind("stack s in us-east-1, tags team=a<U+001B>[31mred<U+202E>x<U+000A>y\n", 0) == 0);
  CHECK(plan.out.find('\x1b') == std::string::npos);
}

}  // namespace
}  // namespace archc::test
