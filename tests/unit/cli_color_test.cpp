// --color and the environment: colour on a terminal unless NO_COLOR (set and
// not empty) or TERM=dumb says otherwise; --color always or never decides
// alone. The terminal is a pseudo-terminal whose slave is archc's stderr.
#include "cli_support.hpp"

namespace archc::test {
namespace {

constexpr const char* kBold = "\x1b[1m";

// The stderr of archc checking a file with an error, on a terminal.
std::string error_on_terminal(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  const Run run = stderr_on_terminal(args, env);
  CHECK(run.status == 1);  // the file has an error
  return run.err;
}

TEST_CASE("diagnostics on a terminal are coloured unless NO_COLOR or TERM=dumb says no", "[cli]") {
  TempDir dir;
  write(dir / "bad.arch", "vpc \"v\" { cidr = \"10.0.0.0/33\" }\n");
  const std::vector<std::string> check = {"check", dir / "bad.arch"};
  const std::string plain = "bad.arch:1:5: error[missing-attribute]: vpc `v` needs `zones`";

  // NO_COLOR set but empty counts as unset (no-color.org).
  std::string err = error_on_terminal(check, {"TERM=xterm", "NO_COLOR="});
  CHECK(contains(err, kBold));
  CHECK_FALSE(contains(err, plain));
  err = error_on_terminal(check, {"TERM=xterm", "NO_COLOR=1"});
  CHECK_FALSE(contains(err, "\x1b["));
  CHECK(contains(err, plain));
  err = error_on_terminal(check, {"TERM=dumb", "NO_COLOR="});
  CHECK_FALSE(contains(err, "\x1b["));
  CHECK(contains(err, plain));
  // --color never wins over a terminal, before or after the command.
  err = error_on_terminal({"check", dir / "bad.arch", "--color", "never"}, {"TERM=xterm", "NO_COLOR="});
  CHECK_FALSE(contains(err, "\x1b["));
  err = error_on_terminal({"--color=never", "check", dir / "bad.arch"}, {"TERM=xterm", "NO_COLOR="});
  CHECK_FALSE(contains(err, "\x1b["));
}

TEST_CASE("--color always colours a file, and wins over NO_COLOR and TERM=dumb", "[cli]") {
  TempDir dir;
  write(dir / "bad.arch", "vpc \"v\" { cidr = \"10.0.0.0/33\" }\n");
  const std::string file = quote(dir / "bad.arch");
  CHECK_FALSE(contains(archc("check " + file).err, "\x1b["));  // a file is no terminal
  Run run = archc("--color always check " + file);
  CHECK(run.status == 1);
  CHECK(contains(run.err, kBold));
  run = archc("lint " + file + " --color=always");  // lint's text goes to stdout
  CHECK(contains(run.out, kBold));
  CHECK(contains(archc("check " + file + " --color always").err, kBold));
  CHECK_FALSE(contains(archc("--color always --color never check " + file).err, "\x1b["));  // the last wins
  run = archc("--color sometimes check " + file);
  CHECK(run.status == 2);
  CHECK(contains(run.err, "--color: sometimes not in {auto,always,never}"));
}

TEST_CASE("--color always holds under NO_COLOR and TERM=dumb", "[cli]") {
  TempDir dir;
  write(dir / "bad.arch", "vpc \"v\" { cidr = \"10.0.0.0/33\" }\n");
  Setup setup;
  setup.stderr_path = dir / "err";
  setup.env = {"NO_COLOR=1", "TERM=dumb"};
  wait_for(spawn({"--color", "always", "check", dir / "bad.arch"}, setup));
  CHECK(contains(read(dir / "err"), kBold));
}

}  // namespace
}  // namespace archc::test
