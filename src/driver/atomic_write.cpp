#include "driver/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include <fmt/format.h>

namespace archc {

bool write_file_atomically(const std::string& path, const std::string& text, std::string& error) {
  std::string tmpl = path + ".archc-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  const int fd = mkstemp(name.data());
  if (fd < 0) {
    error = fmt::format("cannot write {}: {}", path, std::strerror(errno));
    return false;
  }
  auto fail = [&](const char* what) {
    error = fmt::format("cannot {} {}: {}", what, path, std::strerror(errno));
    close(fd);
    unlink(name.data());
    return false;
  };
  // mkstemp creates 0600; a stack file is as readable as any other output.
  const mode_t mask = umask(0);
  umask(mask);
  if (fchmod(fd, 0666 & ~mask) != 0) return fail("write");
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (fsync(fd) != 0) return fail("write");
  if (close(fd) != 0) {
    error = fmt::format("cannot write {}: {}", path, std::strerror(errno));
    unlink(name.data());
    return false;
  }
  if (std::rename(name.data(), path.c_str()) != 0) {
    error = fmt::format("cannot replace {}: {}", path, std::strerror(errno));
    unlink(name.data());
    return false;
  }
  return true;
}

}  // namespace archc
