#include "newsgraph/graph/name_key.h"

#include <algorithm>

#include "newsgraph/base/utf8.h"

namespace newsgraph {
namespace {

// Lower-case ASCII folds of U+00C0-U+024F and U+1E00-U+1EFF (from Unicode
// canonical decompositions, plus the letters that have none: æ œ ß ø đ ł þ ı
// ŋ ...). "" means "no fold": the character passes through (× and ÷ are
// handled as separators before the lookup).
constexpr const char* kLatinFold00C0[] = {
    "a",  "a",  "a",  "a",  "a",  "a",  "ae", "c",
    "e",  "e",  "e",  "e",  "i",  "i",  "i",  "i",  // U+00C0
    "d",  "n",  "o",  "o",  "o",  "o",  "o",  "",
    "o",  "u",  "u",  "u",  "u",  "y",  "th", "ss",  // U+00D0
    "a",  "a",  "a",  "a",  "a",  "a",  "ae", "c",
    "e",  "e",  "e",  "e",  "i",  "i",  "i",  "i",  // U+00E0
    "d",  "n",  "o",  "o",  "o",  "o",  "o",  "",
    "o",  "u",  "u",  "u",  "u",  "y",  "th", "y",  // U+00F0
    "a",  "a",  "a",  "a",  "a",  "a",  "c",  "c",
    "c",  "c",  "c",  "c",  "c",  "c",  "d",  "d",  // U+0100
    "d",  "d",  "e",  "e",  "e",  "e",  "e",  "e",
    "e",  "e",  "e",  "e",  "g",  "g",  "g",  "g",  // U+0110
    "g",  "g",  "g",  "g",  "h",  "h",  "h",  "h",
    "i",  "i",  "i",  "i",  "i",  "i",  "i",  "i",  // U+0120
    "i",  "i",  "ij", "ij", "j",  "j",  "k",  "k",
    "k",  "l",  "l",  "l",  "l",  "l",  "l",  "l",  // U+0130
    "l",  "l",  "l",  "n",  "n",  "n",  "n",  "n",
    "n",  "n",  "n",  "n",  "o",  "o",  "o",  "o",  // U+0140
    "o",  "o",  "oe", "oe", "r",  "r",  "r",  "r",
    "r",  "r",  "s",  "s",  "s",  "s",  "s",  "s",  // U+0150
    "s",  "s",  "t",  "t",  "t",  "t",  "t",  "t",
    "u",  "u",  "u",  "u",  "u",  "u",  "u",  "u",  // U+0160
    "u",  "u",  "u",  "u",  "w",  "w",  "y",  "y",
    "y",  "z",  "z",  "z",  "z",  "z",  "z",  "s",  // U+0170
    "b",  "",   "",   "",   "",   "",   "",   "",
    "",   "d",  "d",  "",   "",   "",   "",   "",  // U+0180
    "",   "",   "",   "",   "",   "",   "",   "i",
    "",   "",   "",   "",   "",   "",   "",   "",  // U+0190
    "o",  "o",  "",   "",   "",   "",   "",   "",
    "",   "",   "",   "",   "",   "",   "",   "u",  // U+01A0
    "u",  "",   "",   "",   "",   "z",  "z",  "",
    "",   "",   "",   "",   "",   "",   "",   "",  // U+01B0
    "",   "",   "",   "",   "dz", "dz", "dz", "lj",
    "lj", "lj", "nj", "nj", "nj", "a",  "a",  "i",  // U+01C0
    "i",  "o",  "o",  "u",  "u",  "u",  "u",  "u",
    "u",  "u",  "u",  "u",  "u",  "",   "a",  "a",  // U+01D0
    "a",  "a",  "ae", "ae", "g",  "g",  "g",  "g",
    "k",  "k",  "o",  "o",  "o",  "o",  "",   "",  // U+01E0
    "j",  "dz", "dz", "dz", "g",  "g",  "",   "",
    "n",  "n",  "a",  "a",  "ae", "ae", "o",  "o",  // U+01F0
    "a",  "a",  "a",  "a",  "e",  "e",  "e",  "e",
    "i",  "i",  "i",  "i",  "o",  "o",  "o",  "o",  // U+0200
    "r",  "r",  "r",  "r",  "u",  "u",  "u",  "u",
    "s",  "s",  "t",  "t",  "",   "",   "h",  "h",  // U+0210
    "",   "",   "",   "",   "",   "",   "a",  "a",
    "e",  "e",  "o",  "o",  "o",  "o",  "o",  "o",  // U+0220
    "o",  "o",  "y",  "y",  "",   "",   "",   "",
    "",   "",   "",   "",   "",   "",   "",   "",  // U+0230
    "",   "",   "",   "",   "",   "",   "",   "",
    "",   "",   "",   "",   "",   "",   "",   "",  // U+0240
};
constexpr const char* kLatinFold1E00[] = {
    "a", "a", "b", "b", "b", "b", "b", "b", "c", "c", "d", "d", "d", "d", "d",  "d",  // U+1E00
    "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "f",  "f",  // U+1E10
    "g", "g", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "i", "i", "i",  "i",  // U+1E20
    "k", "k", "k", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "m",  "m",  // U+1E30
    "m", "m", "m", "m", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o",  "o",  // U+1E40
    "o", "o", "o", "o", "p", "p", "p", "p", "r", "r", "r", "r", "r", "r", "r",  "r",  // U+1E50
    "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t",  "t",  // U+1E60
    "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "v", "v", "v",  "v",  // U+1E70
    "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "x", "x", "x", "x", "y",  "y",  // U+1E80
    "z", "z", "z", "z", "z", "z", "h", "t", "w", "y", "",  "",  "",  "",  "ss", "",   // U+1E90
    "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a",  "a",  // U+1EA0
    "a", "a", "a", "a", "a", "a", "a", "a", "e", "e", "e", "e", "e", "e", "e",  "e",  // U+1EB0
    "e", "e", "e", "e", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o",  "o",  // U+1EC0
    "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o",  "o",  // U+1ED0
    "o", "o", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u",  "u",  // U+1EE0
    "u", "u", "y", "y", "y", "y", "y", "y", "y", "y", "",  "",  "",  "",  "",   "",   // U+1EF0
};

enum class CharClass { kKeep, kSeparator, kDrop };

CharClass Classify(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
               ? CharClass::kKeep
               : CharClass::kSeparator;
  }
  if (c == 0xAD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF ||
      (c >= 0x0300 && c <= 0x036F)) {
    return CharClass::kDrop;  // soft hyphen, zero-width, combining marks
  }
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return CharClass::kSeparator;  // NBSP « » ¿ × ÷ ...
  if ((c >= 0x02B9 && c <= 0x02BF) || (c >= 0x2000 && c <= 0x2BFF) ||
      (c >= 0x3000 && c <= 0x303F) || c == 0xFFFD) {
    return CharClass::kSeparator;  // modifier apostrophes, punctuation, symbols
  }
  return CharClass::kKeep;
}

// Appends the folded form of a kept character.
void AppendFold(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
    return;
  }
  const char* fold = nullptr;
  if (c >= 0xC0 && c < 0x250) fold = kLatinFold00C0[c - 0xC0];
  if (c >= 0x1E00 && c < 0x1F00) fold = kLatinFold1E00[c - 0x1E00];
  if (fold != nullptr && *fold != '\0') {
    out->append(fold);
    return;
  }
  if ((c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F))
    c += 0x20;  // Greek, Cyrillic
  else if (c >= 0x400 && c <= 0x40F)
    c += 0x50;
  AppendUtf8(c, out);
}

}  // namespace

std::string NameKey(std::string_view name, const NameKeyOptions& options) {
  // Words are written straight into the key, one space between two; a
  // separator only marks that a space is due before the next kept
  // character.
  std::string key;
  key.reserve(name.size());
  bool space_due = false;
  size_t pos = 0;
  while (pos < name.size()) {
    const unsigned char byte = static_cast<unsigned char>(name[pos]);
    char32_t c = byte;
    if (byte < 0x80) {
      ++pos;
    } else {
      c = DecodeUtf8(name, &pos);
    }
    switch (Classify(c)) {
      case CharClass::kKeep:
        if (space_due) key.push_back(' ');
        space_due = false;
        AppendFold(c, &key);
        break;
      case CharClass::kSeparator:
        space_due = !key.empty();
        break;
      case CharClass::kDrop:
        break;
    }
  }
  // One leading article is dropped when another word follows.
  const size_t first_end = key.find(' ');
  if (first_end != std::string::npos) {
    const std::string_view first(key.data(), first_end);
    if (std::find(options.leading_articles.begin(), options.leading_articles.end(), first) !=
        options.leading_articles.end()) {
      key.erase(0, first_end + 1);
    }
  }
  return key;
}

}  // namespace newsgraph
