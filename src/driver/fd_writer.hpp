// Writing to a file descriptor with write(2), keeping errno: iostreams and
// stdio say only that a write failed, and archc must say why (a closed pipe,
// a full disk, a file size limit).
#pragma once

#include <array>
#include <streambuf>
#include <string_view>

namespace archc {

// Writes all of `data` to `fd`, resuming after a signal interrupts write(2)
// and waiting (poll) when `fd` is non-blocking and full. Returns 0, or the
// errno of the write that failed (EPIPE, ENOSPC, EFBIG ...); part of `data`
// may have been written then.
int write_all(int fd, std::string_view data);

// A buffered std::streambuf over a descriptor it does not own, for
// std::ostream. After the first failed write it discards everything and
// error() tells why; the stream it backs turns bad.
class FdStreamBuf : public std::streambuf {
 public:
  explicit FdStreamBuf(int fd);
  FdStreamBuf(const FdStreamBuf&) = delete;
  FdStreamBuf& operator=(const FdStreamBuf&) = delete;
  ~FdStreamBuf() override;

  // The errno of the first write that failed, 0 while none has.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool flush_buffer();

  int fd_;
  int error_ = 0;
  std::array<char, 1 << 16> buffer_;
};

}  // namespace archc
