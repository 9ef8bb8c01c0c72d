#pragma once

#include "model/model.hpp"
#include "source/diagnostic.hpp"
#include "syntax/ast.hpp"

namespace archc {

// Resolves names and checks attribute types, turning the syntax tree into
// the typed model; allocates `size` tiers. Everything wrong is reported; the
// model is meaningful only when no error was.
model::Model build_model(const ast::File& file, const SourceFile& source, Diagnostics& diags);

}  // namespace archc
