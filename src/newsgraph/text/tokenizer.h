// Tokenize: words, numbers and punctuation of one sentence, as byte spans.
//
//   std::vector<Token> tokens;                       // reused across sentences
//   tokens.clear();
//   Tokenize(norm.text, sentence, &tokens);          // appends
//   for (const Token& t : tokens) Use(norm.text.substr(t.begin, t.end - t.begin));
//
// Rules (on Normalize()d text):
//   - a word is a run of letters, combining marks and digits ("G20", "1er" and
//     "10h30" are words); kNumber is a run of digits, with '.' or ',' groups
//     between digits ("3.5", "1.000", "1,5", "3,000,000");
//   - French elision: "l'Inde" -> "l'" (elided) + "Inde"; prefixes l d j m n s
//     t c qu jusqu lorsqu puisqu quoiqu, any case ("L'Inde", "QU'elle");
//     other apostrophes between letters stay inside the word ("aujourd'hui",
//     "O'Brien"), except the English possessive: "India's" -> "India" + "'s";
//   - acronyms with dots are one word including the last dot ("U.S.", "U.S.A.");
//   - every hyphen is its own kPunct token ("Asie-Pacifique" -> "Asie" "-"
//     "Pacifique") with space_before false on both sides, so the matcher can
//     keep or split compounds;
//   - "..." is one kPunct token; any other non-space character is one kPunct
//     token ("70%" -> "70" "%", "—", "\"").
// Offsets are into `normalized`. No allocation per token (amortised appends).
// Pure function, thread-safe.
#ifndef NEWSGRAPH_TEXT_TOKENIZER_H_
#define NEWSGRAPH_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "newsgraph/text/mapped_text.h"

namespace newsgraph {

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;   // first character is an upper-case letter
  bool elided = false;        // a French elided prefix: "l'", "d'", "qu'"
  bool space_before = false;  // white space (or the sentence start) precedes it
};

// Appends the tokens of normalized[sentence.begin, sentence.end) to *out.
// REQUIRES: sentence.end <= normalized.size().
void Tokenize(std::string_view normalized, Span sentence, std::vector<Token>* out);

// The text of a token.
inline std::string_view TokenText(std::string_view normalized, const Token& t) {
  return normalized.substr(t.begin, t.end - t.begin);
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_TEXT_TOKENIZER_H_
