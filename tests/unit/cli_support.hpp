// Running the archc binary from the tests: in a shell for an ordinary
// command line, or with fork and exec for what a shell cannot set up (a
// pipe nobody reads, a file size limit, a signal at a chosen moment).
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

namespace archc::test {

namespace fs = std::filesystem;

inline const std::string kSample = std::string(ARCHC_SOURCE_DIR) + "/samples/lab-vpc.arch";

// A fresh directory, removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "archc-cli-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path_ = tmpl;
  }
  ~TempDir() { fs::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string operator/(const std::string& name) const { return (path_ / name).string(); }
  std::vector<std::string> entries() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(path_)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  fs::path path_;
};

inline std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

inline std::string quote(const std::string& s) { return "'" + s + "'"; }

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

struct Run {
  int status;
  std::string out, err;
};

// Runs archc with `args` (already shell-quoted where needed) through the
// shell, in `cwd` when given, stdout and stderr each to a file.
inline Run archc(const std::string& args, const std::string& cwd = {}) {
  TempDir io;
  const std::string command = fmt::format("{}{} {} >{} 2>{}", cwd.empty() ? "" : "cd " + quote(cwd) + " && exec ",
                                          quote(ARCHC_BINARY), args, quote(io / "out"), quote(io / "err"));
  const int raw = std::system(command.c_str());
  REQUIRE(WIFEXITED(raw));
  return {WEXITSTATUS(raw), read(io / "out"), read(io / "err")};
}

// What a test sets up for archc started with fork and exec.
struct Setup {
  int stdin_fd = -1;   // the child's stdin; -1: /dev/null
  int stdout_fd = -1;  // the child's stdout; -1: /dev/null
  std::string stderr_path;  // the child's stderr; empty: /dev/null
  std::vector<std::string> env;  // NAME=VALUE added to the environment
  std::optional<rlim_t> file_size_limit;  // RLIMIT_FSIZE, in bytes
  std::vector<int> ignored_signals;  // SIG_IGN when archc starts, as nohup does
};

// Starts archc with `args` (not quoted: no shell) and returns its pid. No
// core file is written whatever signal ends it.
inline pid_t spawn(const std::vector<std::string>& args, const Setup& setup) {
  std::vector<std::string> argv_storage{ARCHC_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_storage(setup.env);
  for (char** e = environ; *e; ++e) env_storage.emplace_back(*e);  // the first of a name wins in getenv
  std::vector<char*> envp;
  for (auto& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);

  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid > 0) return pid;
  // The child: only async-signal-safe calls until exec.
  const int null = open("/dev/null", O_RDWR);
  dup2(setup.stdin_fd >= 0 ? setup.stdin_fd : null, STDIN_FILENO);
  dup2(setup.stdout_fd >= 0 ? setup.stdout_fd : null, STDOUT_FILENO);
  const int err = setup.stderr_path.empty() ? null : open(setup.stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  dup2(err, STDERR_FILENO);
  const rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  if (setup.file_size_limit) {
    const rlimit fsize{*setup.file_size_limit, *setup.file_size_limit};
    setrlimit(RLIMIT_FSIZE, &fsize);
  }
  for (int sig : setup.ignored_signals) signal(sig, SIG_IGN);
  execve(argv[0], argv.data(), envp.data());
  _exit(127);
}

// Waits for `pid` to end and returns its raw wait status.
inline int wait_for(pid_t pid) {
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return status;
}

// archc's stderr, or its stdout (`fd`), when it is a terminal: runs `args`
// with the slave of a new pseudo-terminal as that stream and `env` added,
// and returns its exit status and what reached the master in `err` (the
// terminal turns each `\n` into `\r\n`). The terminal is `columns` wide
// (TIOCSWINSZ); 0 leaves the size unknown.
inline Run on_terminal(const std::vector<std::string>& args, const std::vector<std::string>& env,
                       unsigned short columns = 0, int fd = STDERR_FILENO) {
  const int master = posix_openpt(O_RDWR | O_NOCTTY);
  REQUIRE(master >= 0);
  REQUIRE(grantpt(master) == 0);
  REQUIRE(unlockpt(master) == 0);
  const char* slave = ptsname(master);
  REQUIRE(slave != nullptr);
  if (columns > 0) {
    const winsize size{24, columns, 0, 0};
    REQUIRE(ioctl(master, TIOCSWINSZ, &size) == 0);
  }
  Setup setup;
  setup.env = env;
  const int slave_fd = fd == STDOUT_FILENO ? ::open(slave, O_WRONLY | O_NOCTTY) : -1;
  if (fd == STDOUT_FILENO) {
    REQUIRE(slave_fd >= 0);
    setup.stdout_fd = slave_fd;
  } else {
    setup.stderr_path = slave;
  }
  const int status = wait_for(spawn(args, setup));
  if (slave_fd >= 0) close(slave_fd);
  REQUIRE(WIFEXITED(status));
  // What archc wrote waits in the terminal's buffer (far larger than one
  // diagnostic) until read; a read after it is drained fails (EIO).
  REQUIRE(fcntl(master, F_SETFL, O_NONBLOCK) == 0);
  std::string out;
  char buffer[4096];
  for (ssize_t n; (n = ::read(master, buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
  close(master);
  return {WEXITSTATUS(status), {}, out};
}
inline Run stderr_on_terminal(const std::vector<std::string>& args, const std::vector<std::string>& env,
                              unsigned short columns = 0) {
  return on_terminal(args, env, columns, STDERR_FILENO);
}

}  // namespace archc::test
