#include "model/tag_text.hpp"

#include <algorithm>
#include <iterator>

#include "source/utf8.hpp"

namespace archc {

namespace {

// Code points beyond ASCII that are not letters, separators or numbers
// (Unicode General_Category outside L, Z and N): whole blocks, or the parts
// of blocks that are, in order.
constexpr std::pair<char32_t, char32_t> kRefused[] = {
    {0x0080, 0x009F},     // C1 controls
    {0x00A1, 0x00A9},     // Latin-1 punctuation and symbols: ¡ ¢ £ ¤ ¥ ¦ § ¨ ©
    {0x00AB, 0x00B1},     // « ¬ soft hyphen ® ¯ ° ±
    {0x00B4, 0x00B4},     // ´
    {0x00B6, 0x00B8},     // ¶ · ¸
    {0x00BB, 0x00BB},     // »
    {0x00BF, 0x00BF},     // ¿
    {0x00D7, 0x00D7},     // ×
    {0x00F7, 0x00F7},     // ÷
    {0x02C2, 0x02C5},     // modifier symbols
    {0x02D2, 0x02DF},     //
    {0x0300, 0x036F},     // combining diacritical marks
    {0x200B, 0x2027},     // format characters, dashes, quotes, bullets
    {0x202A, 0x202E},     // bidirectional format
    {0x2030, 0x205E},     // ‰ ′ ‹ › ※ and more punctuation
    {0x2060, 0x206F},     // invisible operators and format
    {0x20A0, 0x20FF},     // currency symbols, combining marks for symbols
    {0x2190, 0x245F},     // arrows, mathematical operators, technical symbols
    {0x2500, 0x2BFF},     // box drawing, shapes, miscellaneous symbols, dingbats
    {0x2E00, 0x2E7F},     // supplemental punctuation
    {0x3001, 0x3004},     // CJK punctuation: 、 。 〃 〄
    {0x3008, 0x3020},     // 〈 〉 《 》 「 」 and more
    {0x3030, 0x3030},     // 〰
    {0x303D, 0x303F},     //
    {0xD800, 0xF8FF},     // surrogates, private use
    {0xFE00, 0xFE6F},     // variation selectors, combining half marks, small and vertical forms
    {0xFEFF, 0xFEFF},     // zero width no-break space (byte order mark)
    {0xFF01, 0xFF0F},     // fullwidth punctuation
    {0xFF1A, 0xFF20},     //
    {0xFF3B, 0xFF40},     //
    {0xFF5B, 0xFF65},     //
    {0xFFF0, 0xFFFF},     // specials
    {0x1F000, 0x1FAFF},   // mahjong and playing cards, emoji, pictographs, symbols
    {0xE0000, 0xE007F},   // tags
    {0xE0100, 0xE01EF},   // variation selectors supplement
    {0xF0000, 0x10FFFF},  // private use planes
};

bool refused(char32_t cp) {
  const auto after = std::upper_bound(std::begin(kRefused), std::end(kRefused), cp,
                                      [](char32_t c, const auto& range) { return c < range.first; });
  return after != std::begin(kRefused) && cp <= std::prev(after)->second;
}

bool allowed_ascii(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
         std::string_view(" _.:/=+-@").find(c) != std::string_view::npos;
}

}  // namespace

bool is_tag_text(std::string_view text) {
  while (!text.empty()) {
    if (static_cast<unsigned char>(text.front()) < 0x80) {
      if (!allowed_ascii(text.front())) return false;
      text.remove_prefix(1);
      continue;
    }
    const auto c = decode_utf8(text);
    if (!c || refused(c->cp)) return false;
    text.remove_prefix(c->length);
  }
  return true;
}

}  // namespace archc
