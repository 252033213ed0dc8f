#include "newsgraph/base/utf8.h"

#include <catch2/catch.hpp>

#include "newsgraph/base/text_position.h"

namespace newsgraph {
namespace {

TEST_CASE("FindInvalidUtf8 finds the first bad byte", "[base][utf8]") {
  CHECK(FindInvalidUtf8("plain ascii") == kValidUtf8);
  CHECK(FindInvalidUtf8("l\xE2\x80\x99Inde \xC3\xA9t\xC3\xA9") == kValidUtf8);
  CHECK(FindInvalidUtf8("ab\xFF") == 2);
  CHECK(FindInvalidUtf8("\xC0\xAF") == 0);          // overlong '/'
  CHECK(FindInvalidUtf8("x\xED\xA0\x80") == 1);     // surrogate
  CHECK(FindInvalidUtf8("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(FindInvalidUtf8("abc\xE2\x80") == 3);       // truncated
}

TEST_CASE("FindInvalidUtf8 finds a bad byte at any place in a long ASCII run", "[base][utf8]") {
  // The ASCII runs are passed eight bytes at a time: a bad byte, a valid
  // sequence or a truncated one must be seen wherever it falls in a block.
  for (size_t length = 0; length <= 40; ++length) {
    const std::string ascii(length, 'a');
    CHECK(FindInvalidUtf8(ascii) == kValidUtf8);
    for (size_t at = 0; at < length; ++at) {
      std::string bad = ascii;
      bad[at] = '\xFF';
      CHECK(FindInvalidUtf8(bad) == at);
      std::string accent = ascii.substr(0, at) + "\xC3\xA9" + ascii.substr(at);
      CHECK(FindInvalidUtf8(accent) == kValidUtf8);
      std::string truncated = ascii.substr(0, at) + "\xE2\x80";
      CHECK(FindInvalidUtf8(truncated) == at);
    }
  }
}

TEST_CASE("DecodeUtf8 decodes two-byte sequences inline as the strict decoder does",
          "[base][utf8]") {
  for (int lead = 0x80; lead <= 0xFF; ++lead) {
    for (int next = 0; next <= 0xFF; ++next) {
      const std::string s = {static_cast<char>(lead), static_cast<char>(next)};
      size_t pos = 0;
      const char32_t c = DecodeUtf8(s, &pos);
      const bool two_byte = lead >= 0xC2 && lead <= 0xDF && (next & 0xC0) == 0x80;
      INFO("lead " << lead << " next " << next);
      if (two_byte) {
        CHECK(c == static_cast<char32_t>(((lead & 0x1F) << 6) | (next & 0x3F)));
        CHECK(pos == 2);
      } else if (lead < 0xE0 || lead > 0xF4) {
        CHECK(c == 0xFFFD);  // a lone continuation, C0/C1 (overlong), F5..FF, a bad second byte
        CHECK(pos == 1);
      } else {
        CHECK(c == 0xFFFD);  // a three- or four-byte lead cut short
        CHECK(pos == 1);
      }
    }
    const std::string cut(1, static_cast<char>(lead));  // the text ends after the lead
    size_t pos = 0;
    CHECK(DecodeUtf8(cut, &pos) == 0xFFFD);
    CHECK(pos == 1);
  }
}

TEST_CASE("DecodeUtf8 and AppendUtf8 round-trip", "[base][utf8]") {
  for (char32_t c : {U'a', U'\u00E9', U'\u2019', U'\U0001F30D'}) {
    std::string s;
    AppendUtf8(c, &s);
    size_t pos = 0;
    CHECK(DecodeUtf8(s, &pos) == c);
    CHECK(pos == s.size());
  }
  size_t pos = 0;
  CHECK(DecodeUtf8("\xFF", &pos) == 0xFFFD);
  CHECK(pos == 1);
}

TEST_CASE("Where gives line and column in code points", "[base][text_position]") {
  std::string text = "first\n\xC3\xA9t\xC3\xA9 x";
  CHECK(Where("f.txt", text, 0) == "f.txt:1:1");
  CHECK(Where("f.txt", text, 6) == "f.txt:2:1");
  CHECK(Where("f.txt", text, 12) == "f.txt:2:5");  // the x after "été "
}

}  // namespace
}  // namespace newsgraph
