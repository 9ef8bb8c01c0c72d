// No temporary file of `-o` survives a signal or a file size limit. archc is
// started with preload/stop_before_fsync.cpp, which stops it (SIGSTOP) when
// the temporary file is written, before it is flushed and renamed; the test
// sends a signal there, lets it go on, and looks at what is left.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <cstring>

#include "cli_support.hpp"

namespace archc::test {
namespace {

const std::string kPrevious = "the previous stack\n";

// The environment that preloads the stopper. AddressSanitizer (CI's
// sanitizer build) wants its runtime first in the library list; the
// stopper comes before it, which is harmless.
std::vector<std::string> preload_env() {
  const char* asan = std::getenv("ASAN_OPTIONS");
  return {std::string("LD_PRELOAD=") + ARCHC_STOP_BEFORE_FSYNC,
          fmt::format("ASAN_OPTIONS={}{}verify_asan_link_order=0", asan ? asan : "", asan ? ":" : "")};
}

// A run of `archc build SAMPLE -o DIR/stack.yaml`, stopped with its
// temporary file written.
class StoppedBuild {
 public:
  explicit StoppedBuild(const Setup& extra = {}) {
    write(dir_ / "stack.yaml", kPrevious);
    Setup setup = extra;
    setup.env = preload_env();
    setup.stderr_path = err_ / "err";
    pid_ = spawn({"build", kSample, "-o", dir_ / "stack.yaml"}, setup);
    int status = 0;
    REQUIRE(waitpid(pid_, &status, WUNTRACED) == pid_);
    REQUIRE(WIFSTOPPED(status));
    REQUIRE(WSTOPSIG(status) == SIGSTOP);
  }

  const TempDir& dir() const { return dir_; }
  // The temporary file, named as docs/cli.md says: OUT.archc-XXXXXX.
  std::string temp_file() const {
    const auto entries = dir_.entries();
    REQUIRE(entries.size() == 2);
    REQUIRE(entries[0] == "stack.yaml");
    REQUIRE(entries[1].starts_with("stack.yaml.archc-"));
    REQUIRE(entries[1].size() == std::string("stack.yaml.archc-").size() + 6);
    return dir_ / entries[1];
  }
  // Sends `sig`, then SIGCONT; returns the wait status.
  int signal_and_continue(int sig) {
    REQUIRE(kill(pid_, sig) == 0);
    REQUIRE(kill(pid_, SIGCONT) == 0);
    return wait_for(pid_);
  }
  std::string err() const { return read(err_ / "err"); }

 private:
  TempDir dir_, err_;
  pid_t pid_ = -1;
};

std::string expected_stack() {
  const Run r = archc(fmt::format("build {}", quote(kSample)));
  REQUIRE(r.status == 0);
  return r.out;
}

TEST_CASE("the stopper stops archc with its temporary file complete", "[cli][signals]") {
  StoppedBuild build;
  CHECK(read(build.temp_file()) == expected_stack());
  CHECK(read(build.dir() / "stack.yaml") == kPrevious);
  const int status = build.signal_and_continue(SIGCONT);  // no other signal: the build completes
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(build.dir().entries() == std::vector<std::string>{"stack.yaml"});
  CHECK(read(build.dir() / "stack.yaml") == expected_stack());
}

TEST_CASE("a signal that ends archc removes the temporary file and leaves OUT as it was", "[cli][signals]") {
  for (const int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGALRM, SIGUSR1, SIGUSR2, SIGXCPU, SIGVTALRM, SIGPROF, SIGABRT,
                        SIGTRAP, SIGSYS, SIGIO, SIGSTKFLT, SIGPWR, SIGRTMIN, SIGRTMIN + 5, SIGRTMAX}) {
    INFO(strsignal(sig));
    StoppedBuild build;
    build.temp_file();
    const int status = build.signal_and_continue(sig);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == sig);  // ended by the signal itself, as without a handler
    CHECK(build.dir().entries() == std::vector<std::string>{"stack.yaml"});
    CHECK(read(build.dir() / "stack.yaml") == kPrevious);
    CHECK(build.err().empty());
  }
}

TEST_CASE("SIGPIPE and SIGXFSZ from outside do not stop a write, so they leave no temporary file",
          "[cli][signals]") {
  // archc ignores both: from its own writes they are errors it reports
  // (cli_write_errors_test.cpp and below).
  for (const int sig : {SIGPIPE, SIGXFSZ}) {
    INFO(strsignal(sig));
    StoppedBuild build;
    build.temp_file();
    const int status = build.signal_and_continue(sig);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(build.dir().entries() == std::vector<std::string>{"stack.yaml"});
    CHECK(read(build.dir() / "stack.yaml") == expected_stack());
  }
}

TEST_CASE("a signal ignored when archc starts (nohup) stays ignored", "[cli][signals]") {
  Setup setup;
  setup.ignored_signals = {SIGHUP};
  StoppedBuild build(setup);
  build.temp_file();
  const int status = build.signal_and_continue(SIGHUP);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(build.dir().entries() == std::vector<std::string>{"stack.yaml"});
  CHECK(read(build.dir() / "stack.yaml") == expected_stack());
}

TEST_CASE("a file size limit (SIGXFSZ) fails the write with exit status 2 and leaves no temporary file",
          "[cli][signals]") {
  TempDir dir, io;
  write(dir / "stack.yaml", kPrevious);
  Setup setup;
  setup.stderr_path = io / "err";
  setup.file_size_limit = 1000;  // the stack is larger
  const int status = wait_for(spawn({"build", kSample, "-o", dir / "stack.yaml"}, setup));
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(read(io / "err") == fmt::format("archc: error: cannot write {}: File too large\n", dir / "stack.yaml"));
  CHECK(dir.entries() == std::vector<std::string>{"stack.yaml"});
  CHECK(read(dir / "stack.yaml") == kPrevious);
}

}  // namespace
}  // namespace archc::test
