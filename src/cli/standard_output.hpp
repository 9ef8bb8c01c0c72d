// Standard output of the commands that print a result (build, plan, lint),
// written so that a failure is never silent.
#pragma once

#include <ostream>

#include "driver/fd_writer.hpp"

namespace archc::cli {

class StandardOutput {
 public:
  StandardOutput();
  std::ostream& stream() { return stream_; }
  // Writes what is buffered. When any write failed (EPIPE, ENOSPC, EFBIG
  // ...) says so on stderr and returns false: the command exits 2, so no
  // reader takes what got through for the whole result.
  bool finish();

 private:
  FdStreamBuf buffer_;
  std::ostream stream_;
};

}  // namespace archc::cli
