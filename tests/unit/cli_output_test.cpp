// `archc build -o OUT` by what OUT names (docs/cli.md, "Output files"): a
// device, a FIFO or a socket is written straight and stays what it is; a
// symlink is followed and kept; a directory or the input file is refused.
// The tests run as root in CI, where a rename over /dev/null would succeed.
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <cstring>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "cli_support.hpp"

namespace archc::test {
namespace {

// The stack of the sample, as written to standard output.
std::string expected_stack() {
  const Run r = archc(fmt::format("build {}", quote(kSample)));
  REQUIRE(r.status == 0);
  REQUIRE(!r.out.empty());
  return r.out;
}

mode_t file_type(const std::string& path) {
  struct stat st {};
  REQUIRE(lstat(path.c_str(), &st) == 0);
  return st.st_mode & S_IFMT;
}

mode_t permissions(const std::string& path) {
  struct stat st {};
  REQUIRE(stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// Everything readable from `fd` until end of file; closes it.
std::string drain(int fd) {
  std::string out;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
  close(fd);
  return out;
}

std::vector<std::string> archc_temp_files_in(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (contains(e.path().filename().string(), ".archc-")) out.push_back(e.path().string());
  return out;
}

TEST_CASE("-o /dev/null discards the stack and leaves /dev/null a character device", "[cli][output]") {
  const Run r = archc(fmt::format("build {} -o /dev/null", quote(kSample)));
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(file_type("/dev/null") == S_IFCHR);
  CHECK(archc_temp_files_in("/dev").empty());
}

TEST_CASE("-o /dev/full fails with exit status 2 and a message, and /dev/full stays a device", "[cli][output]") {
  const Run r = archc(fmt::format("build {} -o /dev/full", quote(kSample)));
  CHECK(r.status == 2);
  CHECK(r.err == "archc: error: cannot write /dev/full: No space left on device\n");
  CHECK(file_type("/dev/full") == S_IFCHR);
  CHECK(archc_temp_files_in("/dev").empty());
}

TEST_CASE("-o a FIFO delivers the stack to its reader and leaves the FIFO", "[cli][output]") {
  TempDir dir;
  const std::string fifo = dir / "stack.fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  Setup setup;
  setup.stderr_path = dir / "err";
  const pid_t pid = spawn({"build", kSample, "-o", fifo}, setup);
  const std::string got = drain(open(fifo.c_str(), O_RDONLY));  // archc's open waits for this one
  const int raw = wait_for(pid);
  REQUIRE(WIFEXITED(raw));
  CHECK(WEXITSTATUS(raw) == 0);
  CHECK(read(dir / "err").empty());
  CHECK(got == expected_stack());
  CHECK(file_type(fifo) == S_IFIFO);
  CHECK(dir.entries() == std::vector<std::string>{"err", "stack.fifo"});
}

TEST_CASE("-o a socket connects to it, writes the stack, and leaves the socket", "[cli][output]") {
  TempDir dir;
  const std::string path = dir / "stack.sock";
  const int listener = socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(listener >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  REQUIRE(path.size() < sizeof address.sun_path);
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  REQUIRE(bind(listener, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(listen(listener, 1) == 0);
  Setup setup;
  setup.stderr_path = dir / "err";
  const pid_t pid = spawn({"build", kSample, "-o", path}, setup);
  const std::string got = drain(accept(listener, nullptr, nullptr));
  close(listener);
  const int raw = wait_for(pid);
  REQUIRE(WIFEXITED(raw));
  CHECK(WEXITSTATUS(raw) == 0);
  CHECK(read(dir / "err").empty());
  CHECK(got == expected_stack());
  CHECK(file_type(path) == S_IFSOCK);
}

TEST_CASE("-o /dev/stdout writes to standard output as it is", "[cli][output]") {
  const std::string stack = expected_stack();
  SECTION("a pipe") {
    TempDir dir;
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    Setup setup;
    setup.stdout_fd = fds[1];
    setup.stderr_path = dir / "err";
    const pid_t pid = spawn({"build", kSample, "-o", "/dev/stdout"}, setup);
    close(fds[1]);
    const std::string got = drain(fds[0]);
    const int raw = wait_for(pid);
    REQUIRE(WIFEXITED(raw));
    CHECK(WEXITSTATUS(raw) == 0);
    CHECK(got == stack);
  }
  SECTION("a file opened for appending keeps what it held, and stays the same file") {
    TempDir dir;
    write(dir / "log", "before\n");
    struct stat before {};
    REQUIRE(stat((dir / "log").c_str(), &before) == 0);
    const std::string command = fmt::format("{} build {} -o /dev/stdout >>{}", quote(ARCHC_BINARY),
                                            quote(kSample), quote(dir / "log"));
    const int raw = std::system(command.c_str());
    REQUIRE(WIFEXITED(raw));
    CHECK(WEXITSTATUS(raw) == 0);
    CHECK(read(dir / "log") == "before\n" + stack);
    struct stat after {};
    REQUIRE(stat((dir / "log").c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);  // written through the descriptor, not replaced
    CHECK(dir.entries() == std::vector<std::string>{"log"});
  }
}

TEST_CASE("-o a symlink replaces the file it leads to and keeps the link", "[cli][output]") {
  TempDir dir;
  fs::create_directory(dir / "real");
  write(dir / "real/stack.yaml", "old\n");
  REQUIRE(chmod((dir / "real/stack.yaml").c_str(), 0640) == 0);
  fs::create_symlink("real/stack.yaml", dir / "link.yaml");  // relative to the link's directory
  const Run r = archc(fmt::format("build {} -o {}", quote(kSample), quote(dir / "link.yaml")));
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(file_type(dir / "link.yaml") == S_IFLNK);
  CHECK(fs::read_symlink(dir / "link.yaml") == "real/stack.yaml");
  CHECK(read(dir / "real/stack.yaml") == expected_stack());
  CHECK(permissions(dir / "real/stack.yaml") == 0640);  // a replaced file keeps its permissions
  CHECK(dir.entries() == std::vector<std::string>{"link.yaml", "real"});
  CHECK(archc_temp_files_in(dir / "real").empty());
}

TEST_CASE("-o a dangling symlink creates the file it leads to", "[cli][output]") {
  TempDir dir;
  fs::create_symlink(dir / "new.yaml", dir / "link.yaml");
  const Run r = archc(fmt::format("build {} -o {}", quote(kSample), quote(dir / "link.yaml")));
  CHECK(r.status == 0);
  CHECK(file_type(dir / "link.yaml") == S_IFLNK);
  CHECK(read(dir / "new.yaml") == expected_stack());
  CHECK(dir.entries() == std::vector<std::string>{"link.yaml", "new.yaml"});
}

TEST_CASE("-o a new file gets 0666 less the umask", "[cli][output]") {
  TempDir dir;
  const std::string command = fmt::format("umask 027 && {} build {} -o {}", quote(ARCHC_BINARY), quote(kSample),
                                          quote(dir / "stack.yaml"));
  const int raw = std::system(command.c_str());
  REQUIRE(WIFEXITED(raw));
  CHECK(WEXITSTATUS(raw) == 0);
  CHECK(permissions(dir / "stack.yaml") == 0640);
}

TEST_CASE("-o a directory is an error", "[cli][output]") {
  TempDir dir;
  fs::create_directory(dir / "out");
  const Run r = archc(fmt::format("build {} -o {}", quote(kSample), quote(dir / "out")));
  CHECK(r.status == 2);
  CHECK(r.err == fmt::format("archc: error: cannot write {}: Is a directory\n", dir / "out"));
  CHECK(fs::is_empty(dir / "out"));
  CHECK(dir.entries() == std::vector<std::string>{"out"});
}

TEST_CASE("-o '' is an error, not standard output", "[cli][output]") {
  const Run r = archc(fmt::format("build {} -o ''", quote(kSample)));
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "archc: error: --output: an empty path names no file\nRun with --help for more information.\n");
}

TEST_CASE("a path in a write error has its control characters escaped", "[cli][output]") {
  TempDir dir;
  const std::string out = dir / "new\nline\x1b[31m/stack.yaml";  // in a directory that does not exist
  const Run r = archc(fmt::format("build {} -o {}", quote(kSample), quote(out)));
  CHECK(r.status == 2);
  CHECK(r.err == fmt::format("archc: error: cannot write {}new<U+000A>line<U+001B>[31m/stack.yaml: No such file or "
                             "directory\n",
                             std::string(dir / "")));
}

TEST_CASE("the input is never the output, by any name", "[cli][output]") {
  TempDir dir;
  const std::string source = read(kSample);
  write(dir / "site.arch", source);
  const std::string input = dir / "site.arch";
  std::string out;
  SECTION("the same path") { out = input; }
  SECTION("a symlink to it") {
    fs::create_symlink(input, dir / "link.yaml");
    out = dir / "link.yaml";
  }
  SECTION("a hard link to it") {
    fs::create_hard_link(input, dir / "hard.yaml");
    out = dir / "hard.yaml";
  }
  SECTION("/dev/stdout appending to it") {
    const std::string command = fmt::format("{} build {} -o /dev/stdout >>{} 2>{}", quote(ARCHC_BINARY),
                                            quote(input), quote(input), quote(dir / "err"));
    const int raw = std::system(command.c_str());
    REQUIRE(WIFEXITED(raw));
    CHECK(WEXITSTATUS(raw) == 2);
    CHECK(read(dir / "err") == fmt::format("archc: error: cannot write /dev/stdout: it is the input file {}\n", input));
    CHECK(read(input) == source);
    return;
  }
  SECTION("standard output appending to it") {
    const std::string command = fmt::format("{} build {} >>{} 2>{}", quote(ARCHC_BINARY), quote(input),
                                            quote(input), quote(dir / "err"));
    const int raw = std::system(command.c_str());
    REQUIRE(WIFEXITED(raw));
    CHECK(WEXITSTATUS(raw) == 2);
    CHECK(read(dir / "err") ==
          fmt::format("archc: error: cannot write standard output: it is the input file {}\n", input));
    CHECK(read(input) == source);
    return;
  }
  const Run r = archc(fmt::format("build {} -o {}", quote(input), quote(out)));
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err == fmt::format("archc: error: cannot write {}: it is the input file {}\n", out, input));
  CHECK(read(input) == source);
  CHECK(archc_temp_files_in(dir / "").empty());
}

TEST_CASE("a target's own limit in a file without a stack block is reported at 1:1", "[cli][output]") {
  TempDir dir;
  std::string text = "vpc \"v\" {\n  cidr  = \"10.0.0.0/16\"\n  zones = [\"a\", \"b\"]\n  subnet \"app\" { size = 20 }\n}\n";
  for (int i = 0; i < 200; ++i) text += fmt::format("asg \"a{}\" {{ subnets = vpc.v.app }}\n", i);
  write(dir / "big.arch", text);
  const Run r = archc(fmt::format("build {} -o {}", quote(dir / "big.arch"), quote(dir / "big.yaml")));
  CHECK(r.status == 1);
  CHECK(contains(r.err, dir / "big.arch:1:1: error[limit-exceeded]: the stack makes "));
  CHECK(dir.entries() == std::vector<std::string>{"big.arch"});
}

}  // namespace
}  // namespace archc::test
