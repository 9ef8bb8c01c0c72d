#include "driver/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <tuple>

#include <fmt/format.h>

#include "driver/fd_writer.hpp"
#include "driver/signal_cleanup.hpp"
#include "source/line_echo.hpp"

namespace archc {

namespace {

// The temporary file: registered for removal on a signal from the moment
// it exists, removed when this object ends unless it was renamed.
class TempFile {
 public:
  // Creates PATH.archc-XXXXXX; on failure fd() is negative and error()
  // tells why.
  explicit TempFile(const std::string& path) : name_(fmt::format("{}{}XXXXXX", path, kTempSuffix)) {
    CleanupSignalsBlocked blocked;
    fd_ = mkostemp(name_.data(), O_CLOEXEC);
    exists_ = fd_ >= 0;
    if (exists_) remove_on_signal(name_);
    else error_ = errno;
  }
  ~TempFile() {
    if (!exists_) return;
    CleanupSignalsBlocked blocked;
    if (fd_ >= 0) close(fd_);
    unlink(name_.c_str());
    forget_on_signal();
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  int fd() const { return fd_; }
  int error() const { return error_; }

  // Closes the file, which reports a write error some file systems (NFS)
  // delay until then; 0 or errno.
  int close_file() {
    const int result = close(fd_);
    fd_ = -1;
    return result == 0 ? 0 : errno;
  }

  // Renames the closed file over `path`; 0 or errno. Done with the signals
  // blocked: a signal gets either the temporary file or the renamed one.
  int rename_to(const std::string& path) {
    CleanupSignalsBlocked blocked;
    if (std::rename(name_.c_str(), path.c_str()) != 0) return errno;
    exists_ = false;
    forget_on_signal();
    return 0;
  }

 private:
  std::string name_;
  int fd_ = -1;
  int error_ = 0;
  bool exists_ = false;  // the name is ours to remove
};

mode_t current_umask() {
  const mode_t mask = umask(0);
  umask(mask);
  return mask;
}

}  // namespace

bool write_file_atomically(const std::string& path, std::string_view text, std::string& error) {
  auto fail = [&](const char* what, int err) {
    error = fmt::format("cannot {} {}: {}", what, printable(path), std::strerror(err));
    return false;
  };
  struct stat old {};
  const bool replacing = stat(path.c_str(), &old) == 0;
  TempFile temp(path);
  if (temp.fd() < 0) return fail("write", temp.error());
  // Owner first: fchown clears set-id bits that fchmod then sets. Only root
  // may give a file away: for anyone else it fails and the new file is
  // theirs, as any file they write is.
  if (replacing && (old.st_uid != geteuid() || old.st_gid != getegid()))
    std::ignore = fchown(temp.fd(), old.st_uid, old.st_gid);
  // mkstemp creates 0600; a stack file is as readable as any other output.
  if (fchmod(temp.fd(), replacing ? old.st_mode & 07777 : 0666 & ~current_umask()) != 0) return fail("write", errno);
  if (const int err = write_all(temp.fd(), text)) return fail("write", err);
  if (fsync(temp.fd()) != 0) return fail("write", errno);
  if (const int err = temp.close_file()) return fail("write", err);
  if (const int err = temp.rename_to(path)) return fail("replace", err);
  return true;
}

}  // namespace archc
