// FILE `-`: standard input, named `<stdin>` or --stdin-filename in what
// archc prints, read once, and never overwritten by the output.
#include "cli_support.hpp"

namespace archc::test {
namespace {

const std::string kBad = "vpc \"v\" { cidr = \"10.0.0.0/33\" }\n";

TEST_CASE("- reads standard input, named <stdin> or --stdin-filename", "[cli]") {
  TempDir dir;
  write(dir / "bad.arch", kBad);
  const std::string in = " < " + quote(dir / "bad.arch");
  Run run = archc("check -" + in);
  CHECK(run.status == 1);
  CHECK(run.err.starts_with("<stdin>:1:5: error[missing-attribute]: vpc `v` needs `zones`\n"));
  CHECK(contains(run.err, "\n<stdin>: 2 errors, 0 warnings\n"));
  run = archc("--stdin-filename infra/site.arch check -" + in);
  CHECK(run.err.starts_with("infra/site.arch:1:5: error[missing-attribute]"));
  run = archc("lint --format json - --stdin-filename infra/site.arch" + in);
  CHECK(run.status == 1);
  CHECK(contains(run.out, "\"path\": \"infra/site.arch\""));
  // Among other files, in its place.
  run = archc("check " + quote(dir / "bad.arch") + " -" + in);
  CHECK(contains(run.err, "bad.arch: 2 errors, 0 warnings\n<stdin>:1:5:"));
}

TEST_CASE("build - writes the stack of standard input", "[cli]") {
  const Run from_file = archc("build " + quote(kSample));
  const Run from_stdin = archc("build - < " + quote(kSample));
  CHECK(from_stdin.status == 0);
  CHECK(from_stdin.err.empty());
  CHECK(from_stdin.out == from_file.out);
  CHECK(from_stdin.out.starts_with("AWSTemplateFormatVersion:"));
}

TEST_CASE("the file standard input reads is never the output", "[cli]") {
  TempDir dir;
  const std::string sample = read(kSample);
  write(dir / "site.arch", sample);
  Run run = archc("build - -o " + quote(dir / "site.arch") + " < " + quote(dir / "site.arch"));
  CHECK(run.status == 2);
  CHECK(run.err == "archc: error: cannot write " + dir / "site.arch" + ": it is the file standard input reads\n");
  // Standard output appending to it: the shell opens both before archc runs.
  const int raw = std::system(fmt::format("{} build - < {} >> {} 2> {}", quote(ARCHC_BINARY), quote(dir / "site.arch"),
                                          quote(dir / "site.arch"), quote(dir / "err"))
                                  .c_str());
  CHECK((WIFEXITED(raw) && WEXITSTATUS(raw) == 2));
  CHECK(read(dir / "err") == "archc: error: cannot write standard output: it is the file standard input reads\n");
  CHECK(read(dir / "site.arch") == sample);
}

TEST_CASE("standard input is read once, and a closed one is an I/O error", "[cli]") {
  TempDir dir;
  write(dir / "bad.arch", kBad);
  Run run = archc("check - - < " + quote(dir / "bad.arch"));
  CHECK(run.status == 2);
  CHECK(run.err == "archc: error: standard input (-) is named more than once: it can be read once\n");
  run = archc("lint - - < " + quote(dir / "bad.arch"));
  CHECK(run.status == 2);
  run = archc("check - <&-");
  CHECK(run.status == 2);
  CHECK(run.err == "archc: error: cannot read <stdin>: Bad file descriptor\n");
}

TEST_CASE("a non-blocking pipe on standard input is waited on, not an error", "[cli]") {
  TempDir dir;
  int pipe_fds[2];
  REQUIRE(pipe2(pipe_fds, O_CLOEXEC) == 0);  // archc gets the read end as its stdin, and no copy of the write end
  REQUIRE(fcntl(pipe_fds[0], F_SETFL, O_NONBLOCK) == 0);  // the descriptor archc inherits
  Setup setup;
  setup.stdin_fd = pipe_fds[0];
  setup.stderr_path = dir / "err";
  const pid_t pid = spawn({"check", "-"}, setup);
  close(pipe_fds[0]);
  // Half the file, a pause in which archc finds the pipe empty, the rest.
  const std::string half = kBad.substr(0, 10), rest = kBad.substr(10);
  REQUIRE(::write(pipe_fds[1], half.data(), half.size()) == static_cast<ssize_t>(half.size()));
  usleep(200'000);
  REQUIRE(::write(pipe_fds[1], rest.data(), rest.size()) == static_cast<ssize_t>(rest.size()));
  close(pipe_fds[1]);
  const int status = wait_for(pid);
  CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 1));
  CHECK(read(dir / "err").starts_with("<stdin>:1:5: error[missing-attribute]: vpc `v` needs `zones`\n"));
}

TEST_CASE("an empty --stdin-filename is a usage error", "[cli]") {
  const Run run = archc("--stdin-filename '' check - < /dev/null");
  CHECK(run.status == 2);
  CHECK(contains(run.err, "--stdin-filename: an empty name names nothing"));
}

}  // namespace
}  // namespace archc::test
