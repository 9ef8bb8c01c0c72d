// Every declaration and every use of a name in a file, kept after the build
// for the editor: go-to-definition, find-references, rename and hover read
// it. Built by sema while it resolves names; queried by byte offset.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/kind.hpp"
#include "source/source_file.hpp"

namespace archc {

struct SymbolDeclaration {
  const model::KindSpec* kind = nullptr;  // nullptr for a top-level variable
  std::string name;  // as the source refers to it: `vpc.lab`, `vpc.lab.app`, `asg.web`, `vpn_cidr`
  SourceRange range;  // of the name (the label, or the variable's name)
  SourceRange block;  // of the whole block (or the variable's attribute)
};

// A reference in a value or an edge, resolved to a declaration.
struct SymbolUse {
  SourceRange range;  // of the part that names the declaration (`lab` in vpc.lab, `app` in vpc.lab.app)
  std::size_t declaration = 0;  // into SymbolIndex::declarations()
};

// An attribute written in a block, with the declaration of what it means.
struct AttributeSite {
  const model::KindSpec* kind = nullptr;
  const model::AttributeSpec* spec = nullptr;  // nullptr for an attribute the kind does not have
  SourceRange name_range, value_range;
};

class SymbolIndex {
 public:
  // What is at one place of the file.
  struct Hit {
    enum class What { Declaration, Reference, Attribute, Value } what;
    const SymbolDeclaration* declaration = nullptr;  // Declaration, Reference
    const AttributeSite* attribute = nullptr;        // Attribute (its name), Value (its value)
    SourceRange range;                               // of the name or value found
  };

  // Returns the new declaration's index.
  std::size_t declare(SymbolDeclaration d);
  void use(SourceRange range, std::size_t declaration);
  void attribute(AttributeSite site);
  // Sorts the uses and attribute sites by offset, and keeps one use of a
  // place (a value read twice records its uses twice); call once after the
  // build, before any query (O(n log n)).
  void finish();

  const std::vector<SymbolDeclaration>& declarations() const { return declarations_; }
  const std::vector<SymbolUse>& uses() const { return uses_; }
  // The innermost thing at that byte offset: a declaration's name, a
  // reference, an attribute's name, or an attribute's value; nullopt when
  // none is there. O(log n) for names and uses.
  std::optional<Hit> at(std::uint32_t offset) const;
  // The same at a 1-based line and column (columns in code points, as
  // diagnostics show them) of `file`.
  std::optional<Hit> at(const SourceFile& file, std::uint32_t line, std::uint32_t column) const;
  // Every use of one declaration, in source order.
  std::vector<SourceRange> references_to(std::size_t declaration) const;

 private:
  std::vector<SymbolDeclaration> declarations_;
  std::vector<std::size_t> declarations_by_offset_;
  std::vector<SymbolUse> uses_;
  std::vector<AttributeSite> attributes_;
};

}  // namespace archc
