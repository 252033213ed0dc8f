// AsciiLetterRunEnd: where a run of ASCII letters ends, eight bytes a step.
//
//   size_t j = AsciiLetterRunEnd(text, i, end);   // text[i, j) all in [A-Za-z]
//
// The tokenizer and the date prefilter spend most of their time walking the
// letters of words; one 8-byte load classifies eight of them with a few
// arithmetic operations, where a byte loop spends about eight instructions on
// each. Internal to text/. Pure function, thread-safe.
#ifndef NEWSGRAPH_TEXT_ASCII_LETTERS_H_
#define NEWSGRAPH_TEXT_ASCII_LETTERS_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace newsgraph {

inline bool IsAsciiLetter(unsigned char b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }

// The first k >= i with k == end or text[k] not an ASCII letter.
// REQUIRES: i <= end <= text.size().
inline size_t AsciiLetterRunEnd(std::string_view text, size_t i, size_t end) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  // Eight bytes a step while eight are readable (they may lie past `end`,
  // inside the text: the result is clamped to `end`).
  while (i < end && i + 8 <= text.size()) {
    uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    // Per byte: t = (b | 0x20) & 0x7F; a letter when 'a' <= t <= 'z' and b
    // is ASCII. t + 0x1F has its high bit set when t >= 'a', 0xFA - t when
    // t <= 'z'; neither carries into the next byte since t <= 0x7F.
    const uint64_t t = (w | (kOnes * 0x20)) & ~kHigh;
    const uint64_t letters = (t + kOnes * 0x1F) & (kOnes * 0xFA - t) & ~w & kHigh;
    const uint64_t others = ~letters & kHigh;
    if (others == 0) {
      i += 8;
      continue;
    }
    // Bytes are loaded little-endian: the lowest set bit is the first
    // non-letter.
    if constexpr (std::endian::native == std::endian::little) {
      i += static_cast<size_t>(std::countr_zero(others)) / 8;
      return i < end ? i : end;
    }
    break;
  }
  if (i > end) return end;
  while (i < end && IsAsciiLetter(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_TEXT_ASCII_LETTERS_H_
