#include "newsgraph/base/text_position.h"

#include <algorithm>

namespace newsgraph {

LineColumn LineColumnAt(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  LineColumn lc;
  for (size_t i = 0; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++lc.line;
      lc.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // count code points, not continuation bytes
      ++lc.column;
    }
  }
  return lc;
}

std::string Where(const std::string& name, std::string_view text, size_t offset) {
  LineColumn lc = LineColumnAt(text, offset);
  return name + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

}  // namespace newsgraph
