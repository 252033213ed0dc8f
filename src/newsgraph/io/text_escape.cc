#include "newsgraph/io/text_escape.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "newsgraph/base/utf8.h"

namespace newsgraph {
namespace {

enum class Context { kText, kAttribute, kJson };

// Bytes that AppendEscaped copies as they are in `ctx`: printable ASCII (and
// DEL) but the characters the context escapes, and in element content tab and
// newline too.
constexpr std::array<bool, 256> PlainBytes(Context ctx) {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) {
    switch (ctx) {
      case Context::kText:
        plain[c] = c != '&' && c != '<' && c != '>';
        break;
      case Context::kAttribute:
        plain[c] = c != '&' && c != '<' && c != '>' && c != '"';
        break;
      case Context::kJson:
        plain[c] = c != '"' && c != '\\';
        break;
    }
  }
  if (ctx == Context::kText) plain['\t'] = plain['\n'] = true;
  return plain;
}

template <Context ctx>
inline constexpr std::array<bool, 256> kPlain = PlainBytes(ctx);

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHigh = 0x8080808080808080ull;

// Non-zero if some byte of `v` is zero.
constexpr uint64_t HasZeroByte(uint64_t v) { return (v - kOnes) & ~v & kHigh; }
// Non-zero if some byte of `w` equals `c`.
constexpr uint64_t HasByte(uint64_t w, unsigned char c) { return HasZeroByte(w ^ (c * kOnes)); }

// The bytes among the 8 at `p` that `ctx` does not copy as they are (high
// bit set, below 0x20, or a character the context escapes; tab and newline
// count as special here): the high bit of each such byte is set. A borrow
// from a special byte may also mark the byte above it (a false alarm that
// callers check with kPlain); a special byte is never missed.
template <Context ctx>
uint64_t SpecialBytes(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  uint64_t special = (w & kHigh) | ((w - 0x20 * kOnes) & ~w & kHigh);
  if constexpr (ctx == Context::kJson) {
    special |= HasByte(w, '"') | HasByte(w, '\\');
  } else {
    special |= HasByte(w, '&') | HasByte(w, '<') | HasByte(w, '>');
    if constexpr (ctx == Context::kAttribute) special |= HasByte(w, '"');
  }
  return special;
}

// Length of the valid UTF-8 character at data[i] if it is one every context
// copies as it is: two bytes (C2-DF, 80-BF), or three bytes led by E1-EC or
// EE (no overlong form, surrogate or U+FFFE/U+FFFF among them); else 0.
size_t PlainMultibyte(const unsigned char* data, size_t i, size_t n) {
  const unsigned char c = data[i];
  if (c >= 0xC2 && c <= 0xDF) {
    return i + 1 < n && (data[i + 1] & 0xC0) == 0x80 ? 2 : 0;
  }
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE) {
    return i + 2 < n && (data[i + 1] & 0xC0) == 0x80 && (data[i + 2] & 0xC0) == 0x80 ? 3 : 0;
  }
  return 0;
}

void AppendHexEscape(unsigned char c, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->append("\\u00");
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 0xF]);
}

// Appends `text` escaped for `ctx`. Runs of bytes that need nothing (plain
// ASCII, checked eight bytes at a time, and common valid UTF-8 characters) are
// copied whole; every other character takes the byte-wise path below.
template <Context ctx>
void AppendEscaped(std::string_view text, std::string* out) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    // Copy the longest run of characters that need nothing.
    size_t run = i;
    while (run < n) {
      if (run + 8 <= n) {
        const uint64_t special = SpecialBytes<ctx>(data + run);
        if (special == 0) {
          run += 8;
          continue;
        }
        if constexpr (std::endian::native == std::endian::little) {
          run += static_cast<size_t>(std::countr_zero(special)) / 8;  // the first special byte
        } else {
          while (run < n && kPlain<ctx>[data[run]]) ++run;
        }
      } else if (std::endian::native == std::endian::little && n >= 8) {
        // The last 8 bytes, without those before `run` (already copied or
        // escaped; a special one among them may only make a false alarm,
        // which the kPlain test below passes over).
        const size_t skip = run - (n - 8);
        const uint64_t special = SpecialBytes<ctx>(data + n - 8) >> (8 * skip);
        run = special == 0 ? n : run + static_cast<size_t>(std::countr_zero(special)) / 8;
      } else {
        while (run < n && kPlain<ctx>[data[run]]) ++run;
      }
      if (run >= n) break;
      if (kPlain<ctx>[data[run]]) {  // tab or newline in element content, or a false alarm
        ++run;
        continue;
      }
      const size_t len = PlainMultibyte(data, run, n);
      if (len == 0) break;
      run += len;
    }
    out->append(text.data() + i, run - i);
    i = run;
    if (i >= n) break;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      size_t start = i;
      char32_t cp = DecodeUtf8(text, &i);
      if (cp == 0xFFFD && !(i - start == 3 && text.compare(start, 3, "\xEF\xBF\xBD") == 0)) {
        out->append("\xEF\xBF\xBD");  // invalid byte
      } else if (cp == 0xFFFE || cp == 0xFFFF) {
        if constexpr (ctx == Context::kJson) out->append(text.substr(start, i - start));
      } else {
        out->append(text.substr(start, i - start));
      }
      continue;
    }
    ++i;
    if constexpr (ctx == Context::kJson) {
      if (c == '"') {
        out->append("\\\"");
      } else if (c == '\\') {
        out->append("\\\\");
      } else {
        AppendHexEscape(c, out);
      }
    } else {
      switch (c) {
        case '&':
          out->append("&amp;");
          break;
        case '<':
          out->append("&lt;");
          break;
        case '>':
          out->append("&gt;");
          break;
        case '"':
          out->append("&quot;");
          break;
        case '\r':
          out->append("&#13;");
          break;
        case '\n':
          out->append(ctx == Context::kAttribute ? "&#10;" : "\n");
          break;
        case '\t':
          out->append(ctx == Context::kAttribute ? "&#9;" : "\t");
          break;
        default:
          break;  // other C0 controls: removed (XML 1.0 forbids them)
      }
    }
  }
}

}  // namespace

void AppendXmlText(std::string_view text, std::string* out) {
  AppendEscaped<Context::kText>(text, out);
}

void AppendXmlAttribute(std::string_view text, std::string* out) {
  AppendEscaped<Context::kAttribute>(text, out);
}

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  AppendEscaped<Context::kJson>(text, out);
  out->push_back('"');
}

void AppendXmlToken(std::string_view text, std::string* out) {
  std::string collapsed;
  collapsed.reserve(text.size());
  bool pending_space = false;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c <= 0x20) {
      pending_space = !collapsed.empty();
      continue;
    }
    if (pending_space) collapsed.push_back(' ');
    pending_space = false;
    collapsed.push_back(ch);
  }
  AppendEscaped<Context::kAttribute>(collapsed, out);
}

}  // namespace newsgraph
