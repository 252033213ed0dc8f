#include "newsgraph/text/tokenizer.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "newsgraph/text/normalizer.h"

namespace newsgraph {
namespace {

// Tokens written as "text" with markers: "^" capitalized, "'" elided, "#"
// number, "." punctuation, "~" no space before (after the first token).
std::string Show(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, {0, static_cast<uint32_t>(text.size())}, &tokens);
  std::string out;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (k) out += ' ';
    if (k && !t.space_before) out += '~';
    out += TokenText(text, t);
    if (t.kind == TokenKind::kNumber) out += '#';
    if (t.kind == TokenKind::kPunct) out += '.';
    if (t.capitalized) out += '^';
    if (t.elided) out += '\'';
  }
  return out;
}

}  // namespace

TEST_CASE("Tokenize splits words, numbers and punctuation from a table", "[text][tokenizer]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"l'Inde et d'Asie", "l'' ~Inde^ et d'' ~Asie^"},
      {"qu'elle jusqu'ici j'ai n'a s'est c'est",
       "qu'' ~elle jusqu'' ~ici j'' ~ai n'' ~a s'' ~est c'' ~est"},
      {"L'Inde QU'elle", "L'^' ~Inde^ QU'^' ~elle"},
      {"aujourd'hui O'Brien", "aujourd'hui O'Brien^"},
      {"India's rise", "India^ ~'s rise"},
      {"the Smiths' house", "the Smiths^ ~'. house"},
      {"Asie-Pacifique", "Asie^ ~-. ~Pacifique^"},
      {"Inde-Asie centrale", "Inde^ ~-. ~Asie^ centrale"},
      {"70% et 90 %", "70# ~%. et 90# %."},
      {"3.5 1.000 1,5 3,000,000", "3.5# 1.000# 1,5# 3,000,000#"},
      {"en 2024.", "en 2024# ~.."},
      {"U.S. and U.S.A. e.g. here", "U.S.^ and U.S.A.^ e.g. here"},
      {"M. Modi", "M^ ~.. Modi^"},
      {"J.-C.", "J^ ~.. ~-. ~C^ ~.."},
      {"G20 1er 10h30", "G20^ 1er 10h30"},
      {"Attends... quoi ?", "Attends^ ~.... quoi ?."},
      {"\"Oui\", dit-il", "\". ~Oui^ ~\". ~,. dit ~-. ~il"},
      {"le Kazakhstan \xE2\x80\x94 le", "le Kazakhstan^ \xE2\x80\x94. le"},
      {"\xC3\x89t\xC3\xA9 \xC3\xA0 Pahalgam", "\xC3\x89t\xC3\xA9^ \xC3\xA0 Pahalgam^"},
      {"Pa\xC3\xAFsiy Ukhanov", "Pa\xC3\xAFsiy^ Ukhanov^"},
      {"  ", ""},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(Show(c.in) == c.out);
  }
}

TEST_CASE("Tokenize works inside a sentence span and appends", "[text][tokenizer]") {
  const MappedText m = Normalize("Titre\nL\xE2\x80\x99Inde coop\xC3\xA8re.");
  std::vector<Token> tokens = {Token{}};  // appended to, not cleared
  const uint32_t begin = static_cast<uint32_t>(m.text.find('L'));
  Tokenize(m.text, {begin, static_cast<uint32_t>(m.text.size())}, &tokens);
  REQUIRE(tokens.size() == 5);
  CHECK(TokenText(m.text, tokens[1]) == "L'");
  CHECK(tokens[1].elided);
  CHECK(tokens[1].space_before);  // the sentence start counts as space
  CHECK(TokenText(m.text, tokens[2]) == "Inde");
  CHECK(TokenText(m.text, tokens[3]) == "coop\xC3\xA8re");
  CHECK(tokens[4].kind == TokenKind::kPunct);
  // Offsets map back to the original through the normaliser's map.
  const Span o = m.ToOriginalSpan({tokens[1].begin, tokens[1].end});
  CHECK(o.begin == 6);
  CHECK(o.end == 10);  // "L’" is 4 bytes in the original
}

}  // namespace newsgraph
