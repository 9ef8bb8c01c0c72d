// `sg-chain`: security-group rules as edges `source -> target : ports`.
// Read by sema itself (sema/build_model.cpp): edges join the other kinds.
#include "kinds/kinds.hpp"

namespace archc::kinds {

const model::KindSpec& sg_chain() {
  static const model::KindSpec kind{
      .keyword = "sg-chain",
      .doc = "Security-group rules as edges `source -> target : ports`; each opens the target's group.",
      .edges = true,
  };
  return kind;
}

}  // namespace archc::kinds
