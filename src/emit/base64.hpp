#pragma once

#include <string>

namespace archc {

std::string base64_encode(const std::string& bytes);

}  // namespace archc
