#include "driver/output_file.hpp"

#include <fcntl.h>
#include <limits.h>
#include <linux/magic.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "driver/atomic_write.hpp"
#include "driver/fd_writer.hpp"
#include "source/line_echo.hpp"

namespace archc {

namespace {

namespace fs = std::filesystem;

// As many links as Linux follows in one path (MAXSYMLINKS) before ELOOP.
constexpr int kMaxLinks = 40;

// Where OUT leads, and so how it is written.
struct Target {
  enum class Kind { Atomic, Straight, Descriptor } kind = Kind::Atomic;
  std::string path;  // Atomic: the name to replace; Straight: what to open
  int fd = -1;       // Descriptor
};

// Linux's /proc links (/proc/self/fd/N, where /dev/stdout and /dev/fd/N
// lead) are no ordinary links: what they read as is a description (a
// deleted file, "pipe:[1234]"), not always a name to replace.
bool is_proc_link(const std::string& link) {
  struct statfs fs_info {};
  return statfs(fs::path(link).parent_path().c_str(), &fs_info) == 0 && fs_info.f_type == PROC_SUPER_MAGIC;
}

// N when `link` is /proc/PID/fd/N of this process (reached by any name).
std::optional<int> own_descriptor(const std::string& link) {
  char dir[PATH_MAX];
  if (!realpath(fs::path(link).parent_path().c_str(), dir) || fmt::format("/proc/{}/fd", getpid()) != dir)
    return std::nullopt;
  const std::string name = fs::path(link).filename().string();
  int fd = -1;
  const auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), fd);
  if (ec != std::errc() || end != name.data() + name.size()) return std::nullopt;
  return fd;
}

// Follows OUT's symlinks one at a time, as open(2) would, to what it names.
// False with errno set when it cannot be examined.
bool resolve(const std::string& out, Target& target) {
  std::string path = out;
  bool through_proc = false;
  for (int links = 0;; ++links) {
    struct stat st {};
    if (lstat(path.c_str(), &st) != 0) {
      if (errno != ENOENT) return false;
      target = {Target::Kind::Atomic, path};  // a new file, perhaps at the end of a dangling link
      return true;
    }
    if (!S_ISLNK(st.st_mode)) break;
    if (links == kMaxLinks) {
      errno = ELOOP;
      return false;
    }
    if (is_proc_link(path)) {
      if (const auto fd = own_descriptor(path)) {
        target = {Target::Kind::Descriptor, path, *fd};
        return true;
      }
      through_proc = true;  // stat(2) below follows it
      break;
    }
    std::error_code ec;
    const fs::path next = fs::read_symlink(path, ec);
    if (ec) {
      errno = ec.value();
      return false;
    }
    path = (fs::path(path).parent_path() / next).string();  // an absolute `next` replaces the whole path
  }
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return false;
  if (S_ISDIR(st.st_mode)) {
    errno = EISDIR;
    return false;
  }
  const bool atomic = S_ISREG(st.st_mode) && !through_proc;
  target = {atomic ? Target::Kind::Atomic : Target::Kind::Straight, path};
  return true;
}

// A connected AF_UNIX stream socket, or -1 with errno set.
int connect_socket(const std::string& path) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path.size() >= sizeof address.sun_path) {
    errno = ENAMETOOLONG;
    return -1;
  }
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    const int err = errno;
    close(fd);
    errno = err;
    return -1;
  }
  return fd;
}

// Writes to what `path` names as it is: no temporary file, no rename.
// 0 or errno.
int write_straight(const std::string& path, std::string_view text) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return errno;
  const int fd = S_ISSOCK(st.st_mode)   ? connect_socket(path)
                 : S_ISREG(st.st_mode) ? open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC)
                                       : open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return errno;
  const int err = write_all(fd, text);
  if (close(fd) != 0 && err == 0) return errno;
  return err;
}

}  // namespace

bool write_output(const std::string& path, std::string_view text, std::string& error) {
  Target target;
  int err = resolve(path, target) ? 0 : errno;
  if (err == 0) {
    switch (target.kind) {
      case Target::Kind::Atomic: return write_file_atomically(target.path, text, error);
      case Target::Kind::Straight: err = write_straight(target.path, text); break;
      case Target::Kind::Descriptor: err = write_all(target.fd, text); break;
    }
  }
  if (err != 0) error = fmt::format("cannot write {}: {}", printable(path), std::strerror(err));
  return err == 0;
}

std::optional<FileId> regular_file_id(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileId{st.st_dev, st.st_ino};
}

std::optional<FileId> regular_file_id(int fd) {
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileId{st.st_dev, st.st_ino};
}

}  // namespace archc
