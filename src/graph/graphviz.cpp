#include "graph/graphviz.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "source/line_echo.hpp"

extern char** environ;

namespace archc::graph {

namespace {

// A pipe whose ends are closed with it.
struct Pipe {
  int fd[2] = {-1, -1};
  bool open() { return ::pipe2(fd, O_CLOEXEC) == 0; }
  void close(int end) {
    if (fd[end] >= 0) ::close(fd[end]);
    fd[end] = -1;
  }
  ~Pipe() {
    close(0);
    close(1);
  }
};

}  // namespace

std::string find_dot() {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "";
  while (true) {
    const std::size_t colon = dirs.find(':');
    const std::string_view dir = dirs.substr(0, colon);
    const std::string candidate = dir.empty() ? std::string("./dot") : std::string(dir) + "/dot";
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0)
      return candidate;
    if (colon == std::string_view::npos) return {};
    dirs.remove_prefix(colon + 1);
  }
}

SvgResult render_svg(std::string_view dot_text) {
  const std::string dot = find_dot();
  if (dot.empty())
    return {{}, "--format svg needs Graphviz's dot program, which is not on PATH (Debian: apt-get install graphviz)"};
  Pipe in, out, err;
  if (!in.open() || !out.open() || !err.open()) return {{}, fmt::format("dot failed: {}", std::strerror(errno))};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.fd[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err.fd[1], 2);
  std::string arg0 = "dot", arg1 = "-Tsvg";
  char* argv[] = {arg0.data(), arg1.data(), nullptr};
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, dot.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return {{}, fmt::format("dot failed: cannot run {}: {}", dot, std::strerror(spawned))};
  in.close(0);
  out.close(1);
  err.close(1);

  // Feed its input while reading both outputs, so that neither side waits
  // on a full pipe: a write blocked on its full input while dot waits on a
  // full stderr would wait for ever, so writes do not block.
  ::fcntl(in.fd[1], F_SETFL, O_NONBLOCK);
  std::string svg, messages;
  std::size_t written = 0;
  if (dot_text.empty()) in.close(1);
  while (out.fd[0] >= 0 || err.fd[0] >= 0) {
    pollfd fds[3] = {{in.fd[1], POLLOUT, 0}, {out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}};
    if (::poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[0].revents) {
      const ssize_t n = ::write(in.fd[1], dot_text.data() + written, dot_text.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n < 0 && errno != EINTR && errno != EAGAIN) written = dot_text.size();  // it stopped reading
      if (written == dot_text.size()) in.close(1);
    }
    for (int i : {1, 2}) {
      if (!fds[i].revents) continue;
      Pipe& p = i == 1 ? out : err;
      char buf[65536];
      const ssize_t n = ::read(p.fd[0], buf, sizeof buf);
      if (n > 0)
        (i == 1 ? svg : messages).append(buf, static_cast<std::size_t>(n));
      else if (n == 0 || errno != EINTR)
        p.close(0);
    }
  }
  in.close(1);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {std::move(svg), {}};
  const std::string first_line = printable(messages.substr(0, messages.find('\n')));
  return {{},
          WIFSIGNALED(status) ? fmt::format("dot failed (signal {}): {}", WTERMSIG(status), first_line)
                              : fmt::format("dot failed (exit {}): {}", WEXITSTATUS(status), first_line)};
}

}  // namespace archc::graph
