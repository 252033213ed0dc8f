#include "newsgraph/text/mapped_text.h"

#include <utility>

namespace newsgraph {

uint32_t MappedText::ToOriginalEnd(size_t i) const {
  assert(i < origin.size());
  if (i == 0) return origin[0];
  const uint32_t last_char = origin[i - 1];
  size_t j = i;
  while (j < text.size() && origin[j] == last_char) ++j;  // finish an expansion
  return origin[j];
}

Span MappedText::ToOriginalSpan(Span s) const {
  assert(s.begin <= s.end && s.end <= text.size());
  const uint32_t begin = ToOriginal(s.begin);
  if (s.empty()) return {begin, begin};
  return {begin, ToOriginalEnd(s.end)};
}

namespace {

// Byte length of the space or invisible character ending original[0, end),
// or 0: ' ', '\t', NBSP, soft hyphen, U+2000-U+200F, U+202A-U+202F,
// U+205F-U+2064, U+2066-U+2069, BOM.
size_t TrailingInvisible(std::string_view s, size_t end) {
  const auto at = [&](size_t back) { return static_cast<unsigned char>(s[end - back]); };
  if (end >= 1 && (at(1) == ' ' || at(1) == '\t')) return 1;
  if (end >= 2 && at(2) == 0xC2 && (at(1) == 0xA0 || at(1) == 0xAD)) return 2;
  if (end >= 3 && at(3) == 0xE2 && at(2) == 0x80 &&
      (at(1) <= 0x8F || (at(1) >= 0xAA && at(1) <= 0xAF))) {
    return 3;
  }
  if (end >= 3 && at(3) == 0xE2 && at(2) == 0x81 &&
      ((at(1) >= 0x9F && at(1) <= 0xA4) || (at(1) >= 0xA6 && at(1) <= 0xA9))) {
    return 3;
  }
  if (end >= 3 && at(3) == 0xEF && at(2) == 0xBB && at(1) == 0xBF) return 3;
  return 0;
}

}  // namespace

Span MappedText::ToOriginalSpan(Span s, std::string_view original) const {
  Span o = ToOriginalSpan(s);
  if (s.empty() || text[s.end - 1] == ' ' || text[s.end - 1] == '\t') return o;
  while (o.end > o.begin) {
    const size_t n = TrailingInvisible(original, o.end);
    if (n == 0 || o.end - n < o.begin) break;
    o.end -= static_cast<uint32_t>(n);
  }
  return o;
}

MappedText MappedText::Identity(std::string original) {
  MappedText m;
  m.text = std::move(original);
  m.origin.resize(m.text.size() + 1);
  for (size_t i = 0; i < m.origin.size(); ++i) m.origin[i] = static_cast<uint32_t>(i);
  return m;
}

}  // namespace newsgraph
