#pragma once

#include "model/model.hpp"
#include "source/diagnostic.hpp"

namespace archc {

// LANGUAGE.md §4: the architecture checks over a complete model. Each lives
// in its own file under sema/checks/, named for what it checks.
void run_checks(const model::Model& m, Diagnostics& diags);

}  // namespace archc
