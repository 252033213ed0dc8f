// Turning a byte offset into "line:column" for error messages.
//
//   std::string where = Where("a.json", text, 120);   // "a.json:3:17"
//
// Lines and columns count from 1; columns count Unicode code points, so an
// editor's column matches even after accented letters. Pure functions.
#ifndef NEWSGRAPH_BASE_TEXT_POSITION_H_
#define NEWSGRAPH_BASE_TEXT_POSITION_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace newsgraph {

struct LineColumn {
  size_t line = 1;
  size_t column = 1;
};

// REQUIRES: offset <= text.size().
LineColumn LineColumnAt(std::string_view text, size_t offset);

// "name:LINE:COL" for the byte at `offset` of `text`.
std::string Where(const std::string& name, std::string_view text, size_t offset);

}  // namespace newsgraph

#endif  // NEWSGRAPH_BASE_TEXT_POSITION_H_
