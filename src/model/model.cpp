#include "model/model.hpp"

#include <algorithm>

namespace archc::model {

bool Vpc::has_public_tier() const {
  return std::any_of(tiers.begin(), tiers.end(), [](const Tier& t) { return t.is_public; });
}

}  // namespace archc::model
