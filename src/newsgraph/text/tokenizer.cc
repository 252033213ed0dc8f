#include "newsgraph/text/tokenizer.h"

#include <cassert>

#include "newsgraph/base/utf8.h"
#include "newsgraph/text/ascii_letters.h"
#include "newsgraph/text/char_class.h"

namespace newsgraph {
namespace {

// A decoded character: code point, class bits and byte length.
struct Char {
  char32_t c = 0;
  uint8_t cls = 0;
  uint32_t size = 0;
};

// Class bits of the ASCII characters, as CharAt reports them.
struct AsciiClasses {
  uint8_t cls[128] = {};
  constexpr AsciiClasses() {
    for (int b = 0; b < 128; ++b) {
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')
        cls[b] = kCharLetter | (b <= 'Z' ? kCharUpper : 0);
      else if (b >= '0' && b <= '9')
        cls[b] = kCharDigit;
      else if (b == ' ' || (b >= '\t' && b <= '\r'))
        cls[b] = kCharSpace;
    }
  }
};
constexpr AsciiClasses kAscii;

Char NonAsciiCharAt(std::string_view s, size_t i, size_t end) {
  size_t next = i;
  const char32_t c = DecodeUtf8(s.substr(0, end), &next);
  return {c, CharClassOf(c), static_cast<uint32_t>(next - i)};
}

inline Char CharAt(std::string_view s, size_t i, size_t end) {
  if (i >= end) return {};
  const unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {b, kAscii.cls[b], 1};
  return NonAsciiCharAt(s, i, end);
}

inline bool IsWordChar(const Char& ch) { return (ch.cls & (kCharLetter | kCharDigit)) != 0; }
inline bool IsAsciiDigitAt(std::string_view s, size_t i, size_t end) {
  return i < end && s[i] >= '0' && s[i] <= '9';
}

// French elided prefixes written before an apostrophe: a closed grammatical
// class (articles, pronouns, conjunctions), not a lexicon.
bool IsElisionPrefix(std::string_view w) {
  if (w.size() > 7) return false;
  char lower[8];
  for (size_t k = 0; k < w.size(); ++k) {
    const char b = w[k];
    if (b & 0x80) return false;
    lower[k] = (b >= 'A' && b <= 'Z') ? static_cast<char>(b + 32) : b;
  }
  const std::string_view l(lower, w.size());
  if (l.size() == 1) return l.find_first_of("ldjmnstc") == 0;
  return l == "qu" || l == "jusqu" || l == "lorsqu" || l == "puisqu" || l == "quoiqu";
}

// "'s" / "'S" at i followed by a non-word character: the English possessive.
bool IsPossessiveAt(std::string_view s, size_t i, size_t end) {
  if (i + 1 >= end || s[i] != '\'' || (s[i + 1] | 0x20) != 's') return false;
  return !IsWordChar(CharAt(s, i + 2, end));
}

// Length of an acronym with dots starting at i ("U.S." -> 4), or 0.
size_t AcronymLength(std::string_view s, size_t i, size_t end) {
  size_t k = i;
  int letters = 0;
  while (true) {
    const Char ch = CharAt(s, k, end);
    if (!(ch.cls & kCharLetter) || (ch.cls & kCharMark)) break;
    if (k + ch.size >= end || s[k + ch.size] != '.') break;
    k += ch.size + 1;
    ++letters;  // a lone letter and its dot; the next one is checked next
  }
  return letters >= 2 ? k - i : 0;
}

}  // namespace

void Tokenize(std::string_view s, Span sentence, std::vector<Token>* out) {
  assert(sentence.end <= s.size());
  const size_t end = sentence.end;
  size_t i = sentence.begin;
  bool space = true;
  const auto push = [&](size_t b, size_t e, TokenKind kind, bool cap, bool elided) {
    out->push_back(
        Token{static_cast<uint32_t>(b), static_cast<uint32_t>(e), kind, cap, elided, space});
    space = false;
  };
  while (i < end) {
    if (s[i] == ' ') {  // the commonest byte between tokens, without decoding
      space = true;
      ++i;
      continue;
    }
    const Char ch = CharAt(s, i, end);
    if ((ch.cls & kCharSpace) || ch.c < 0x20) {
      space = true;
      i += ch.size;
      continue;
    }
    if (!IsWordChar(ch)) {
      if (ch.c == '.' && i + 3 <= end && s[i + 1] == '.' && s[i + 2] == '.') {
        push(i, i + 3, TokenKind::kPunct, false, false);
        i += 3;
      } else if (ch.c == '\'' && !space && IsPossessiveAt(s, i, end)) {
        push(i, i + 2, TokenKind::kWord, false, false);
        i += 2;
      } else {
        push(i, i + ch.size, TokenKind::kPunct, false, false);
        i += ch.size;
      }
      continue;
    }
    const bool cap = (ch.cls & kCharUpper) != 0;
    if (i + ch.size < end && s[i + ch.size] == '.' && (ch.cls & kCharLetter) &&
        !(ch.cls & kCharMark)) {
      const size_t acronym = AcronymLength(s, i, end);
      if (acronym) {
        push(i, i + acronym, TokenKind::kWord, cap, false);
        i += acronym;
        continue;
      }
    }
    // A word or number.
    size_t j = i;
    bool letters = false;
    bool elided = false;
    while (j < end) {
      // ASCII letters, most of a word's bytes, eight at a time.
      const size_t run = j;
      j = AsciiLetterRunEnd(s, j, end);
      letters |= j > run;
      if (j == end) break;
      const unsigned char b = static_cast<unsigned char>(s[j]);
      if (b == ' ') break;  // most words end at a space, which none of the cases below continue
      if (b >= '0' && b <= '9') {
        ++j;
        continue;
      }
      const Char c = CharAt(s, j, end);
      if (IsWordChar(c)) {
        letters |= (c.cls & kCharLetter) != 0;
        j += c.size;
        continue;
      }
      if ((c.c == '.' || c.c == ',') && !letters && IsAsciiDigitAt(s, j + 1, end)) {
        j += 1;  // "3.5", "1.000", "1,5"
        continue;
      }
      if (c.c == '\'' && letters && (CharAt(s, j + 1, end).cls & kCharLetter)) {
        if (IsElisionPrefix(s.substr(i, j - i))) {
          j += 1;  // "l'" ends here
          elided = true;
          break;
        }
        if (IsPossessiveAt(s, j, end)) break;  // "India" + "'s"
        j += 1;                                // "aujourd'hui", "O'Brien"
        continue;
      }
      break;
    }
    push(i, j, letters ? TokenKind::kWord : TokenKind::kNumber, cap, elided);
    i = j;
  }
}

}  // namespace newsgraph
