// Character classes and fold table for the text layer's hot loops.
//
//   uint8_t f = CharClassOf(c);            // kLetter | kUpper ...
//   if (f & kCharLetter) ...
//   std::string_view folded = FoldedChar(c);   // "oe" for U+0153, "" if unchanged
//
// Internal to text/ (used by the normalizer, tokenizer, splitter, dates and
// language detector; other modules use those). The tables cover the Basic
// Multilingual Plane and are built once from ICU on first use (thread-safe,
// a few milliseconds); supplementary characters are asked of ICU directly,
// which is rare in news text. Lookups are pure and thread-safe.
#ifndef NEWSGRAPH_TEXT_CHAR_CLASS_H_
#define NEWSGRAPH_TEXT_CHAR_CLASS_H_

#include <cstdint>
#include <string_view>

namespace newsgraph {

enum CharClassBit : uint8_t {
  kCharLetter = 1 << 0,       // alphabetic (includes combining marks)
  kCharUpper = 1 << 1,        // upper- or title-case letter
  kCharDigit = 1 << 2,        // decimal digit
  kCharSpace = 1 << 3,        // Unicode white space
  kCharMark = 1 << 4,         // combining mark (Mn, Mc, Me)
  kCharNfcSimple = 1 << 5,    // NFC quick check yes and canonical class 0
  kCharNfcBoundary = 1 << 6,  // NFC has a boundary before this character
};

// The class bits of code point `c`.
uint8_t CharClassOf(char32_t c);

// The lower-cased, accent-stripped form of `c` in UTF-8 when it differs from
// `c` (may be "" for a combining mark, or several letters: "ß" -> "ss"), or
// a view with data() == nullptr when `c` folds to itself. ASCII is not
// covered: callers fold A-Z themselves.
std::string_view FoldedChar(char32_t c);

}  // namespace newsgraph

#endif  // NEWSGRAPH_TEXT_CHAR_CLASS_H_
