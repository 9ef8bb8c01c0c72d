#include "lsp/protocol.hpp"

namespace archc::lsp {

json to_json(Position p) { return {{"line", p.line}, {"character", p.character}}; }
json to_json(const Range& r) { return {{"start", to_json(r.start)}, {"end", to_json(r.end)}}; }
Position position_from(const json& j) {
  return {j.at("line").get<std::uint32_t>(), j.at("character").get<std::uint32_t>()};
}
Range range_from(const json& j) { return {position_from(j.at("start")), position_from(j.at("end"))}; }

}  // namespace archc::lsp
