// `archc fmt`: the one canonical layout of a .arch file (docs/fmt.md). The
// formatter moves blanks only: it never adds, drops or reorders a token, so
// the formatted file means what the original meant, and its comments,
// strings, heredocs and numbers are the original bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "source/diagnostic.hpp"
#include "source/source_file.hpp"

namespace archc::format {

// Lays out `file` in the canonical layout (docs/fmt.md).
// Input: a loaded file; its text has no BOM (SourceFile drops it).
// Output: the formatted text, without a BOM, its lines ended as the file's
// first line is (CRLF or LF), ending with one line end (empty for a file
// of blanks only).
// Errors: nullopt when the file is larger than SourceFile::kMaxBytes (rule
// file-too-large), is not valid UTF-8 or holds a NUL (encoding), or has a
// syntax error (syntax); each is reported to `diags`, with the file's
// ranges, so `file` must outlive what `diags` keeps.
std::optional<std::string> format_file(const SourceFile& file, Diagnostics& diags);

// The same for text in memory, such as an editor's buffer: `text` as read
// from a file, a leading UTF-8 BOM included, which the result keeps.
// Returns nullopt, reporting nothing, when format_file would fail.
std::optional<std::string> format_source(std::string_view text);

// The unified diff (`diff -u`, three lines of context) that turns
// `original` into `formatted`, its headers naming `path` as `--- a/PATH` and
// `+++ b/PATH`; empty when the two are equal.
// It pairs lines in order, as fmt leaves them: a formatted file holds the
// lines of the original, each with its blanks changed, less some blank
// ones. So it is linear in the size of the texts; for two unrelated texts
// the diff is still correct, only longer than the shortest one.
// A last line without a line end is marked `\ No newline at end of file`.
std::string unified_diff(std::string_view original, std::string_view formatted, std::string_view path);

}  // namespace archc::format
