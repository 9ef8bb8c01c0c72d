#pragma once

#include "model/model.hpp"
#include "source/diagnostic.hpp"
#include "syntax/ast.hpp"

namespace archc {

// LANGUAGE.md §4: the architecture checks. Each lives in its own file under
// sema/checks/, named for what it checks; all of them run, so one pass
// reports every problem. They run on a model with errors too, skipping what
// is absent there (an unresolved tier, a missing CIDR, a dropped edge).
void run_checks(const model::Model& m, Diagnostics& diags);
// The checks over the text itself (variables no block uses), which the model
// does not keep; run with run_checks.
void run_source_checks(const ast::File& syntax, Diagnostics& diags);

}  // namespace archc
