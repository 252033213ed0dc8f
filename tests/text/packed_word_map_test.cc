#include "newsgraph/text/packed_word_map.h"

#include <catch2/catch.hpp>
#include <string>

namespace newsgraph {
namespace {

TEST_CASE("PackedWordMap finds what was added, by length and bytes", "[text][packed]") {
  PackedWordMap m;
  CHECK(m.Find("juin") == 0);  // empty map
  m.Add("juin", 1);
  m.Add("juin", 2);  // flags are or-ed
  m.Add("jui", 4);
  m.Add("12345678", 8);
  m.Add("\xC3\xA9t\xC3\xA9", 16);
  CHECK(m.Find("juin") == 3);
  CHECK(m.Find("jui") == 4);
  CHECK(m.Find("ju") == 0);         // a prefix is another word
  CHECK(m.Find("juine") == 0);      // and so is a longer one
  CHECK(m.Find("12345678") == 8);   // eight bytes: the whole word
  CHECK(m.Find("123456789") == 0);  // longer than kMaxWord: never found
  CHECK(m.Find("\xC3\xA9t\xC3\xA9") == 16);
  CHECK(m.Find("") == 0);
}

TEST_CASE("PackedWordMap finds a word packed by its caller", "[text][packed]") {
  PackedWordMap m;
  CHECK(m.FindPacked(0x6E69756A) == 0);  // empty map
  m.Add("juin", 1);
  m.Add("12345678", 8);
  // Little-endian packing: the first byte lowest, the rest zero.
  CHECK(m.FindPacked(0x6E69756A) == 1);             // "juin"
  CHECK(m.FindPacked(0x0069756A) == 0);             // "jui"
  CHECK(m.FindPacked(0x3837363534333231ull) == 8);  // "12345678"
}

TEST_CASE("PackedWordMap keeps every word as it grows", "[text][packed]") {
  PackedWordMap m;
  for (int k = 0; k < 1000; ++k) m.Add("w" + std::to_string(k), static_cast<uint8_t>(1 + k % 7));
  for (int k = 0; k < 1000; ++k) {
    REQUIRE(m.Find("w" + std::to_string(k)) == 1 + k % 7);
    REQUIRE(m.Find("x" + std::to_string(k)) == 0);
  }
}

}  // namespace
}  // namespace newsgraph
