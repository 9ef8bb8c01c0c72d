// Which characters AWS takes in a tag key or value.
#pragma once

#include <string_view>

namespace archc {

// Whether every character of the UTF-8 `text` matches what RDS, ElastiCache
// and Elastic Load Balancing take in tags, `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`
// (Tagging AWS Resources, "Tag naming limits and requirements"): letters,
// separators (spaces) and numbers of any script, and `_ . : / = + - @`.
// Without Unicode's category tables, characters beyond ASCII count as
// letters except the blocks that hold punctuation, symbols, combining marks,
// format and private-use characters, and emoji (tag_text.cpp lists them):
// what a tag is likely to hold. EC2 alone takes any character.
bool is_tag_text(std::string_view text);

}  // namespace archc
