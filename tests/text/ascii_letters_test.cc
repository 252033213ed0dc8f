#include "newsgraph/text/ascii_letters.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

namespace newsgraph {
namespace {

// The byte-by-byte definition.
size_t ReferenceRunEnd(std::string_view text, size_t i, size_t end) {
  while (i < end && IsAsciiLetter(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

TEST_CASE("AsciiLetterRunEnd stops where the byte loop stops", "[text][ascii]") {
  // Every byte value after runs of every length, at every start and end, so
  // each lane of the 8-byte step and the clamping to `end` are exercised.
  for (int b = 0; b < 256; ++b) {
    for (size_t run = 0; run <= 19; ++run) {
      std::string text = "xY" + std::string(run, 'k') + static_cast<char>(b) + "abcDEFghij";
      for (size_t i = 0; i <= 2; ++i) {
        for (size_t end = i; end <= text.size(); ++end) {
          INFO("byte " << b << " run " << run << " i " << i << " end " << end);
          REQUIRE(AsciiLetterRunEnd(text, i, end) == ReferenceRunEnd(text, i, end));
        }
      }
    }
  }
}

TEST_CASE("AsciiLetterRunEnd: letters, and what is not one", "[text][ascii]") {
  const std::string_view s = "Kazakhstan's 2025 \xC3\xA9t\xC3\xA9 @[`{ AZaz";
  CHECK(AsciiLetterRunEnd(s, 0, s.size()) == 10);   // stops at the apostrophe
  CHECK(AsciiLetterRunEnd(s, 13, s.size()) == 13);  // a digit
  CHECK(AsciiLetterRunEnd(s, 18, s.size()) == 18);  // a UTF-8 lead byte
  for (size_t k = 24; k < 29; ++k) CHECK(AsciiLetterRunEnd(s, k, s.size()) == k);  // "@[`{ "
  CHECK(AsciiLetterRunEnd(s, 29, s.size()) == s.size());
  CHECK(AsciiLetterRunEnd(s, 29, 31) == 31);  // clamped to the end given
}

}  // namespace
}  // namespace newsgraph
