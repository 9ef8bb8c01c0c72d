#pragma once

#include "model/model.hpp"
#include "source/diagnostic.hpp"
#include "syntax/ast.hpp"

namespace archc {

// LANGUAGE.md §4: the architecture checks over a complete model (one built
// without errors: the checks index through its references freely). Each
// lives in its own file under sema/checks/, named for what it checks; all of
// them run, so one pass reports every problem.
void run_checks(const model::Model& m, Diagnostics& diags);
// The address checks alone (subnets inside their VPC, overlaps): they read
// only VPCs and tiers, so they are safe, and still worth reporting, on a
// model whose other parts had errors.
void run_address_checks(const model::Model& m, Diagnostics& diags);
// The checks over the text itself (variables no block uses), which the model
// does not keep; run with run_checks.
void run_source_checks(const ast::File& syntax, Diagnostics& diags);

}  // namespace archc
