// A failed write to standard output is an error every command reports:
// a message on stderr and exit status 2, never a silent or a clean exit.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "cli_support.hpp"

namespace archc::test {
namespace {

const std::string kWarns = std::string(ARCHC_SOURCE_DIR) + "/samples/my-vpc.arch";

// Every command line that writes its result to standard output.
std::vector<std::vector<std::string>> printing_commands() {
  return {{"build", kSample},
          {"build", kSample, "--target", "terraform"},
          {"plan", kSample},
          {"plan", kSample, "--format", "json"},
          {"lint", kWarns},
          {"lint", kWarns, "--format", "json"},
          {"lint", kWarns, "--format", "sarif"},
          {"lint", kWarns, "--format", "github"},
          {"--help"},
          {"--version"}};
}

std::string shell_words(const std::vector<std::string>& args) {
  std::string out;
  for (const auto& a : args) out += " " + quote(a);
  return out;
}

TEST_CASE("a full standard output gives exit status 2 and a message", "[cli][write-errors]") {
  for (const auto& args : printing_commands()) {
    INFO(shell_words(args));
    TempDir io;
    const std::string command =
        fmt::format("{}{} >/dev/full 2>{}", quote(ARCHC_BINARY), shell_words(args), quote(io / "err"));
    const int raw = std::system(command.c_str());
    REQUIRE(WIFEXITED(raw));
    CHECK(WEXITSTATUS(raw) == 2);
    const std::string err = read(io / "err");
    // --help and --version are printed by the argument parser through
    // iostreams, which do not keep the reason.
    CHECK((err == "archc: error: cannot write standard output: No space left on device\n" ||
           (args[0].starts_with("--") && err == "archc: error: cannot write standard output\n")));
  }
}

TEST_CASE("check writes nothing to standard output, so a full one does not fail it", "[cli][write-errors]") {
  TempDir io;
  const std::string command =
      fmt::format("{} check {} >/dev/full 2>{}", quote(ARCHC_BINARY), quote(kSample), quote(io / "err"));
  const int raw = std::system(command.c_str());
  REQUIRE(WIFEXITED(raw));
  CHECK(WEXITSTATUS(raw) == 0);
  CHECK(read(io / "err").empty());
}

TEST_CASE("a pipe whose reader is gone gives exit status 2 and a message, not a silent SIGPIPE",
          "[cli][write-errors]") {
  for (const auto& args : printing_commands()) {
    if (args[0].starts_with("--")) continue;
    INFO(shell_words(args));
    TempDir io;
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    close(fds[0]);  // nobody will read: the first write fails with EPIPE
    Setup setup;
    setup.stdout_fd = fds[1];
    setup.stderr_path = io / "err";
    const pid_t pid = spawn(args, setup);
    close(fds[1]);
    const int raw = wait_for(pid);
    REQUIRE(WIFEXITED(raw));
    CHECK(WEXITSTATUS(raw) == 2);
    CHECK(read(io / "err") == "archc: error: cannot write standard output: Broken pipe\n");
  }
}

TEST_CASE("a file size limit on standard output gives exit status 2 and a message", "[cli][write-errors]") {
  TempDir io;
  const int out = open((io / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  REQUIRE(out >= 0);
  Setup setup;
  setup.stdout_fd = out;
  setup.stderr_path = io / "err";
  setup.file_size_limit = 100;
  const pid_t pid = spawn({"build", kSample}, setup);
  close(out);
  const int raw = wait_for(pid);
  REQUIRE(WIFEXITED(raw));
  CHECK(WEXITSTATUS(raw) == 2);
  CHECK(read(io / "err") == "archc: error: cannot write standard output: File too large\n");
  CHECK(read(io / "out").size() == 100);  // as much as the limit let through
}

}  // namespace
}  // namespace archc::test
