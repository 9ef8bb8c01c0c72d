#include "driver/git_revision.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

extern char** environ;

namespace archc {

std::optional<std::string> read_at_revision(const std::string& revision, const std::string& path, std::string& error) {
  if (revision.empty() || revision.front() == '-') {
    error = fmt::format("--git takes a revision, not `{}`", revision);
    return std::nullopt;
  }
  const std::size_t slash = path.find_last_of('/');
  std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  const std::string spec = revision + ":./" + (slash == std::string::npos ? path : path.substr(slash + 1));
  std::string arg0 = "git", c = "-C", show = "show";
  std::string spec_arg = spec;
  char* argv[] = {arg0.data(), c.data(), dir.data(), show.data(), spec_arg.data(), nullptr};

  int fd[2];
  if (::pipe2(fd, O_CLOEXEC) != 0) {
    error = fmt::format("git show {} failed: {}", spec, std::strerror(errno));
    return std::nullopt;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fd[1], 1);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fd[1]);
  if (spawned != 0) {
    ::close(fd[0]);
    error = fmt::format("--git needs git, which could not be run: {}", std::strerror(spawned));
    return std::nullopt;
  }
  std::string text;
  char buf[65536];
  while (true) {
    const ssize_t n = ::read(fd[0], buf, sizeof buf);
    if (n > 0) text.append(buf, static_cast<std::size_t>(n));
    else if (n == 0 || errno != EINTR) break;
  }
  ::close(fd[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return text;
  error = WIFSIGNALED(status) ? fmt::format("git show {} failed (signal {})", spec, WTERMSIG(status))
                              : fmt::format("git show {} failed (exit {})", spec, WEXITSTATUS(status));
  return std::nullopt;
}

}  // namespace archc
