// UTF-8 validation and decoding, the lowest layer of text handling.
//
//   size_t bad = FindInvalidUtf8(bytes);     // npos when valid
//   char32_t c = DecodeUtf8(s, &pos);        // advances pos
//
// Strict RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF.
// Pure functions, thread-safe.
#ifndef NEWSGRAPH_BASE_UTF8_H_
#define NEWSGRAPH_BASE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace newsgraph {

inline constexpr size_t kValidUtf8 = static_cast<size_t>(-1);

// Returns the offset of the first byte that does not start a valid UTF-8
// sequence, or kValidUtf8.
size_t FindInvalidUtf8(std::string_view bytes);

// DecodeUtf8 for the sequences it does not decode inline (an internal
// detail: call DecodeUtf8).
char32_t DecodeUtf8Sequence(std::string_view s, size_t* pos);

// Decodes the code point at *pos and advances *pos past it. Invalid bytes
// decode as U+FFFD and advance by one. REQUIRES: *pos < s.size().
// Inline for ASCII and two-byte sequences (the accented Latin letters of
// French), which the text layer's loops meet most; a call for the rest.
inline char32_t DecodeUtf8(std::string_view s, size_t* pos) {
  const size_t i = *pos;
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *pos = i + 1;
    return c;
  }
  if (c >= 0xC2 && c <= 0xDF && i + 1 < s.size()) {  // C0 and C1 would be overlong
    const unsigned char d = static_cast<unsigned char>(s[i + 1]);
    if ((d & 0xC0) == 0x80) {
      *pos = i + 2;
      return (static_cast<char32_t>(c & 0x1F) << 6) | (d & 0x3F);
    }
  }
  return DecodeUtf8Sequence(s, pos);
}

// Appends the UTF-8 encoding of `c` to `out`.
void AppendUtf8(char32_t c, std::string* out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_BASE_UTF8_H_
