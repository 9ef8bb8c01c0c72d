#include "cli/standard_output.hpp"

#include <unistd.h>

#include <cstring>
#include <iostream>

namespace archc::cli {

StandardOutput::StandardOutput() : buffer_(STDOUT_FILENO), stream_(&buffer_) {}

bool StandardOutput::finish() {
  stream_.flush();
  if (buffer_.error() == 0) return true;
  std::cerr << "archc: error: cannot write standard output: " << std::strerror(buffer_.error()) << '\n';
  return false;
}

}  // namespace archc::cli
