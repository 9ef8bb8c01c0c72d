#pragma once

#include "model/model.hpp"
#include "sema/symbol_index.hpp"
#include "source/diagnostic.hpp"
#include "syntax/ast.hpp"

namespace archc {

// Resolves names and checks attribute types, turning the syntax tree into
// the typed model; allocates `size` tiers; records every declaration and
// use in `symbols`. Everything wrong is reported. A model with errors is
// still consistent: what a broken part could not give is absent (an
// unresolved reference, a missing CIDR), never a made-up default, so the
// checks can run on the rest; only lowering needs a model without errors.
model::Model build_model(const ast::File& file, const SourceFile& source, Diagnostics& diags, SymbolIndex& symbols);

}  // namespace archc
