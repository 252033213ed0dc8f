// Normalisation and folding: the first step of extraction, with an offset map
// back to the original article bytes.
//
//   MappedText norm = Normalize(article.text);   // NFC, typographic clean-up
//   MappedText fold = Fold(norm);                 // lower-case, no accents
//   // fold.origin and norm.origin both point into article.text.
//
// What Normalize does (every output byte maps to the original character it
// came from; see MappedText):
//   - Unicode NFC (only spans that fail ICU's quick check are re-normalised);
//   - apostrophes ’ ‘ ‛ ʼ ′ -> ' ; quotes « » “ ” „ ‟ ‹ › -> " ; the spaces
//     French typesetting puts just inside « » are dropped ("« oui »" -> "\"oui\"");
//   - no-break, narrow no-break and all other Unicode spaces, and tab -> ' ';
//     U+2028 line separator, U+0085, vertical tab and form feed -> '\n'; U+2029 paragraph separator
//     -> "\n\n"; CRLF and lone CR -> '\n';
//   - soft hyphen, zero-width space/joiners, word joiner, BOM and bidi
//     controls are removed;
//   - dashes: one canonical punctuation dash, U+2014 "—" (3 bytes), for em dash,
//     horizontal bar, and en/figure dash used as punctuation; ASCII '-' for
//     hyphen U+2010/U+2011, minus sign U+2212, and an en/figure dash written
//     between two letters or digits ("1990–2000", "Inde–Asie" -> '-');
//   - ellipsis … -> "...";
//   - invalid UTF-8 bytes -> U+FFFD (the input is normally checked before).
// Fold lower-cases and strips diacritics with a table built once from ICU
// (Latin, Greek, Cyrillic): é -> e, Œ -> oe, ß -> ss, ø -> o, ł -> l, æ -> ae.
// Other characters pass through unchanged; punctuation is kept.
//
// Pure functions; the tables are built once (thread-safe, on first use).
// Cost is linear; the ASCII path touches no ICU.
#ifndef NEWSGRAPH_TEXT_NORMALIZER_H_
#define NEWSGRAPH_TEXT_NORMALIZER_H_

#include <string>
#include <string_view>

#include "newsgraph/text/mapped_text.h"

namespace newsgraph {

// The canonical punctuation dash produced by Normalize (U+2014, UTF-8).
inline constexpr std::string_view kCanonicalDash = "\xE2\x80\x94";

// Normalises `original` as described above; origin maps into `original`.
MappedText Normalize(std::string_view original);

// Folds `normalized.text`; the result's origin maps (through
// normalized.origin) into the same original text.
MappedText Fold(const MappedText& normalized);

// Folds `text`; the result's origin maps into `text` itself.
MappedText Fold(std::string_view text);

// Appends the folded form of `text` to *out (no map): for lexicon keys and
// per-token folding in hot loops (reuse *out, no allocation once warm).
void AppendFolded(std::string_view text, std::string* out);

// The folded form of `text` as a new string.
std::string FoldString(std::string_view text);

}  // namespace newsgraph

#endif  // NEWSGRAPH_TEXT_NORMALIZER_H_
