#include "newsgraph/text/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <bit>
#include <cstring>
#include <iterator>

#include "newsgraph/base/utf8.h"
#include "newsgraph/text/char_class.h"

namespace newsgraph {
namespace {

inline bool IsAscii(char b) { return static_cast<unsigned char>(b) < 0x80; }

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighBits = 0x8080808080808080ull;

inline uint64_t Load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// The index (0..7) of the first of 8 loaded bytes whose bit is set in
// `flags` (the high bit of each flagged byte), or 8 when none is.
inline size_t FirstFlagged8(uint64_t flags) {
  if (flags == 0) return 8;
  if constexpr (std::endian::native == std::endian::little) {
    return static_cast<size_t>(std::countr_zero(flags)) / 8;  // p[0] is the low byte
  }
  size_t k = 0;
  while (!(flags & (uint64_t{0x80} << (8 * k)))) ++k;  // the same byte order as the load
  return k;
}

// How many of the 8 bytes at p, from the first, are ASCII (8: all of them).
inline size_t AsciiPrefix8(const char* p) { return FirstFlagged8(Load8(p) & kHighBits); }

// How many of the 8 bytes at p, from the first, are printable ASCII
// (0x20..0x7F). The subtraction flags each byte below 0x20; a borrow only
// flags bytes after a flagged one, so the first flag is exact.
inline size_t PrintableAsciiPrefix8(const char* p) {
  const uint64_t w = Load8(p);
  const uint64_t below_space = (w - kOnes * 0x20) & ~w & kHighBits;
  return FirstFlagged8((w & kHighBits) | below_space);
}

// Re-normalises [begin, end) of `src` to NFC with ICU, appending to *out and
// mapping each output byte to an offset of `src` in *origin. Returns false
// when ICU fails (the caller then copies the span unchanged).
bool NfcSpan(std::string_view src, size_t begin, size_t end, std::string* out,
             std::vector<uint32_t>* origin) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return false;
  std::string piece;
  icu::StringByteSink<std::string> sink(&piece);
  icu::Edits edits;
  nfc->normalizeUTF8(0, icu::StringPiece(src.data() + begin, static_cast<int32_t>(end - begin)),
                     sink, &edits, status);
  if (U_FAILURE(status)) return false;
  const size_t out_start = out->size();
  out->append(piece);
  origin->resize(out->size());
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    for (int32_t k = 0; k < it.newLength(); ++k) {
      const size_t src_offset = begin + it.sourceIndex() + (it.hasChange() ? 0 : k);
      (*origin)[out_start + it.destinationIndex() + k] = static_cast<uint32_t>(src_offset);
    }
  }
  return U_SUCCESS(status);
}

// NFC pass: returns false (and leaves *out empty) when `src` is already NFC
// by the quick check, the common case. Otherwise fills *out and *origin
// (origin.size() == out.size(), offsets into src).
bool NfcPass(std::string_view src, std::string* out, std::vector<uint32_t>* origin) {
  size_t copied = 0;         // src bytes before this are in *out
  size_t last_boundary = 0;  // start of the last character with an NFC boundary before it
  size_t i = 0;
  bool changed = false;
  while (i < src.size()) {
    if (IsAscii(src[i])) {
      // ASCII: all boundaries. Eight bytes a step, and within the last
      // step straight to the first byte that is not ASCII.
      while (i + 8 <= src.size()) {
        const size_t ascii = AsciiPrefix8(src.data() + i);
        i += ascii;
        if (ascii < 8) break;
      }
      if (i < src.size() && IsAscii(src[i])) {
        last_boundary = i++;
      } else {
        last_boundary = i - 1;
      }
      continue;
    }
    const size_t start = i;
    const uint8_t cls = CharClassOf(DecodeUtf8(src, &i));
    if (cls & kCharNfcSimple) {
      if (cls & kCharNfcBoundary) last_boundary = start;
      continue;
    }
    // A character that may change: re-normalise from the last boundary to the
    // next character with a boundary before it.
    size_t end = i;
    while (end < src.size()) {
      size_t next = end;
      const uint8_t next_cls = IsAscii(src[end]) ? static_cast<uint8_t>(kCharNfcBoundary)
                                                 : CharClassOf(DecodeUtf8(src, &next));
      if (next_cls & kCharNfcBoundary) break;
      end = IsAscii(src[end]) ? end + 1 : next;
    }
    const size_t begin = last_boundary < copied ? copied : last_boundary;
    if (!changed) {
      out->reserve(src.size() + 16);
      origin->reserve(src.size() + 16);
      changed = true;
    }
    for (size_t k = copied; k < begin; ++k) {
      out->push_back(src[k]);
      origin->push_back(static_cast<uint32_t>(k));
    }
    if (!NfcSpan(src, begin, end, out, origin)) {
      for (size_t k = begin; k < end; ++k) {
        out->push_back(src[k]);
        origin->push_back(static_cast<uint32_t>(k));
      }
    }
    copied = end;
    last_boundary = end;
    i = end;
  }
  if (changed) {
    for (size_t k = copied; k < src.size(); ++k) {
      out->push_back(src[k]);
      origin->push_back(static_cast<uint32_t>(k));
    }
  }
  return changed;
}

// ASCII the typographic pass copies unchanged.
inline bool IsPlainAscii(char b) {
  const unsigned char u = static_cast<unsigned char>(b);
  return u < 0x80 && (u >= 0x20 || u == '\n');
}

bool IsHorizontalSpaceToDrop(char32_t c) {
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x200A ||
         c == 0x2007 || c == 0x2008;
}

bool IsAlnum(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return (CharClassOf(c) & (kCharLetter | kCharDigit)) != 0;
}

// The code point of the two-byte UTF-8 character at src[i] when the
// typographic pass copies it unchanged (U+0080..U+07FF, except those it
// rewrites or drops: U+0085, U+00A0, U+00AB, U+00AD, U+00BB, U+02BC), else 0.
inline char32_t CopiedPairAt(std::string_view src, size_t i) {
  if (i + 1 >= src.size()) return 0;
  const unsigned char c = static_cast<unsigned char>(src[i]);
  const unsigned char d = static_cast<unsigned char>(src[i + 1]);
  if (c < 0xC2 || c > 0xDF || (d & 0xC0) != 0x80) return 0;
  const char32_t cp = (static_cast<char32_t>(c & 0x1F) << 6) | (d & 0x3F);
  switch (cp) {
    case 0x0085:
    case 0x00A0:
    case 0x00AB:
    case 0x00AD:
    case 0x00BB:
    case 0x02BC:
      return 0;
    default:
      return cp;
  }
}

// The typographic pass over NFC text `src`; origin_of(i) maps src offsets to
// the original, and copy_origins(b, e, out) writes origin_of(b..e-1) to out.
template <typename OriginOf, typename CopyOrigins>
void TypographicPass(std::string_view src, size_t original_size, OriginOf origin_of,
                     CopyOrigins copy_origins, MappedText* m) {
  std::string& out = m->text;
  std::vector<uint32_t>& origin = m->origin;
  out.reserve(src.size() + 16);
  origin.reserve(src.size() + 17);
  // Byte by byte: what is emitted here is one to three bytes, for which
  // push_back (inline; the room is reserved) costs less than append's and
  // resize's calls.
  const auto emit = [&](std::string_view bytes, size_t at) {
    const uint32_t o = origin_of(at);
    for (const char byte : bytes) {
      out.push_back(byte);
      origin.push_back(o);
    }
  };
  bool after_open_guillemet = false;  // drop the spaces right after «
  char32_t prev = 0;
  size_t i = 0;
  while (i < src.size()) {
    const size_t start = i;
    const char b = src[i];
    // Fast path: a run of plain ASCII and of the two-byte characters this
    // pass copies unchanged (French accented letters), copied in one piece.
    if (!after_open_guillemet && (IsPlainAscii(b) || CopiedPairAt(src, i) != 0)) {
      // Where the pairs are in the run (offsets from i): each byte emit()
      // writes maps to its character's first byte, so the second byte of a
      // pair gets its first byte's origin below. A full list ends the run.
      uint32_t pairs[32];
      size_t pair_count = 0;
      size_t run_end = i;
      for (;;) {
        while (run_end + 8 <= src.size()) {
          const size_t printable = PrintableAsciiPrefix8(src.data() + run_end);
          run_end += printable;
          if (printable < 8) break;
        }
        if (run_end < src.size() && IsPlainAscii(src[run_end])) {
          ++run_end;
        } else if (pair_count < std::size(pairs) && CopiedPairAt(src, run_end) != 0) {
          pairs[pair_count++] = static_cast<uint32_t>(run_end - i);
          run_end += 2;
        } else {
          break;
        }
      }
      out.append(src.data() + i, run_end - i);
      const size_t base = origin.size();
      origin.resize(base + (run_end - i));
      copy_origins(i, run_end, origin.data() + base);
      for (size_t k = 0; k < pair_count; ++k) {
        origin[base + pairs[k] + 1] = origin[base + pairs[k]];
      }
      const bool ends_with_pair = pair_count > 0 && pairs[pair_count - 1] + 2 == run_end - i;
      prev = ends_with_pair ? CopiedPairAt(src, run_end - 2)
                            : static_cast<unsigned char>(src[run_end - 1]);
      i = run_end;
      continue;
    }
    if (IsAscii(b)) {
      ++i;
      if (b == '\r') {
        if (i < src.size() && src[i] == '\n') ++i;  // CRLF -> LF at the CR
        emit("\n", start);
      } else if (b == ' ' || b == '\t') {
        if (!after_open_guillemet) emit(" ", start);
        prev = ' ';
        continue;
      } else if (b == '\v' || b == '\f') {
        emit("\n", start);
      } else {
        out.push_back(b);
        origin.push_back(origin_of(start));
      }
      prev = static_cast<unsigned char>(b);
      after_open_guillemet = false;
      continue;
    }
    const char32_t c = DecodeUtf8(src, &i);
    if (after_open_guillemet && IsHorizontalSpaceToDrop(c)) continue;
    after_open_guillemet = false;
    switch (c) {
      case 0x2019:
      case 0x2018:
      case 0x201B:
      case 0x02BC:
      case 0x2032:
      case 0xFF07:
        emit("'", start);
        break;
      case 0x00AB:
      case 0x2039:  // « ‹
        emit("\"", start);
        after_open_guillemet = true;
        break;
      case 0x00BB:
      case 0x203A:  // » ›: drop the spaces before it
        while (!out.empty() && out.back() == ' ') {
          out.pop_back();
          origin.pop_back();
        }
        emit("\"", start);
        break;
      case 0x201C:
      case 0x201D:
      case 0x201E:
      case 0x201F:
        emit("\"", start);
        break;
      case 0x00A0:
      case 0x1680:
      case 0x2000:
      case 0x2001:
      case 0x2002:
      case 0x2003:
      case 0x2004:
      case 0x2005:
      case 0x2006:
      case 0x2007:
      case 0x2008:
      case 0x2009:
      case 0x200A:
      case 0x202F:
      case 0x205F:
      case 0x3000:
        emit(" ", start);
        break;
      case 0x0085:
      case 0x2028:
        emit("\n", start);
        break;
      case 0x2029:
        emit("\n\n", start);
        break;
      case 0x00AD:
      case 0x180E:
      case 0x200B:
      case 0x200C:
      case 0x200D:
      case 0x200E:
      case 0x200F:
      case 0x202A:
      case 0x202B:
      case 0x202C:
      case 0x202D:
      case 0x202E:
      case 0x2060:
      case 0x2061:
      case 0x2062:
      case 0x2063:
      case 0x2064:
      case 0x2066:
      case 0x2067:
      case 0x2068:
      case 0x2069:
      case 0xFEFF:
        continue;  // removed; `prev` unchanged so "a\u00ADb" still joins
      case 0x2010:
      case 0x2011:
      case 0x2212:
        emit("-", start);
        break;
      case 0x2014:
      case 0x2015:
        emit(kCanonicalDash, start);
        break;
      case 0x2012:
      case 0x2013: {
        size_t peek = i;
        const char32_t next = i < src.size() ? DecodeUtf8(src, &peek) : 0;
        emit(IsAlnum(prev) && IsAlnum(next) ? std::string_view("-") : kCanonicalDash, start);
        break;
      }
      case 0x2026:
        emit("...", start);
        break;
      case 0xFFFD:
        emit("\xEF\xBF\xBD", start);  // also replaces an invalid byte
        break;
      default:
        emit(src.substr(start, i - start), start);
        break;
    }
    prev = c;
  }
  origin.push_back(static_cast<uint32_t>(original_size));
}

// Folds `text`, appending to *out; when `origin` is not null, appends for each
// output byte origin_of(offset in text) to it.
template <typename OriginOf>
void FoldInto(std::string_view text, std::string* out, std::vector<uint32_t>* origin,
              OriginOf origin_of) {
  size_t i = 0;
  while (i < text.size()) {
    const char b = text[i];
    if (IsAscii(b)) {
      out->push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b + ('a' - 'A')) : b);
      if (origin) origin->push_back(origin_of(i));
      ++i;
      continue;
    }
    const size_t start = i;
    const std::string_view folded = FoldedChar(DecodeUtf8(text, &i));
    const std::string_view bytes = folded.data() ? folded : text.substr(start, i - start);
    out->append(bytes);
    if (origin) origin->resize(out->size(), origin_of(start));
  }
}

}  // namespace

MappedText Normalize(std::string_view original) {
  MappedText m;
  std::string nfc;
  std::vector<uint32_t> nfc_origin;
  if (NfcPass(original, &nfc, &nfc_origin)) {
    TypographicPass(
        nfc, original.size(), [&](size_t k) { return nfc_origin[k]; },
        [&](size_t b, size_t e, uint32_t* out) {
          std::memcpy(out, nfc_origin.data() + b, (e - b) * sizeof(uint32_t));
        },
        &m);
  } else {
    TypographicPass(
        original, original.size(), [](size_t k) { return static_cast<uint32_t>(k); },
        [](size_t b, size_t e, uint32_t* out) {
          // The identity map: b, b + 1, ... (a loop on 32-bit values, which
          // the compiler vectorises).
          const uint32_t first = static_cast<uint32_t>(b);
          const uint32_t count = static_cast<uint32_t>(e - b);
          for (uint32_t k = 0; k < count; ++k) out[k] = first + k;
        },
        &m);
  }
  return m;
}

MappedText Fold(const MappedText& normalized) {
  MappedText m;
  m.text.reserve(normalized.text.size() + 8);
  m.origin.reserve(normalized.text.size() + 9);
  FoldInto(normalized.text, &m.text, &m.origin, [&](size_t k) { return normalized.origin[k]; });
  m.origin.push_back(normalized.origin.back());
  return m;
}

MappedText Fold(std::string_view text) {
  MappedText m;
  m.text.reserve(text.size() + 8);
  m.origin.reserve(text.size() + 9);
  FoldInto(text, &m.text, &m.origin, [](size_t k) { return static_cast<uint32_t>(k); });
  m.origin.push_back(static_cast<uint32_t>(text.size()));
  return m;
}

void AppendFolded(std::string_view text, std::string* out) {
  // FoldInto without a map, a run of ASCII at a time (one resize a run
  // instead of one push_back a byte).
  size_t i = 0;
  while (i < text.size()) {
    size_t run = i;
    while (run < text.size() && IsAscii(text[run])) ++run;
    if (run > i) {
      const size_t base = out->size();
      out->resize(base + (run - i));
      char* d = out->data() + base;
      for (size_t k = i; k < run; ++k) {
        const char b = text[k];
        *d++ = b >= 'A' && b <= 'Z' ? static_cast<char>(b + ('a' - 'A')) : b;
      }
      i = run;
      if (i == text.size()) break;
    }
    const size_t start = i;
    const std::string_view folded = FoldedChar(DecodeUtf8(text, &i));
    out->append(folded.data() ? folded : text.substr(start, i - start));
  }
}

std::string FoldString(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendFolded(text, &out);
  return out;
}

}  // namespace newsgraph
