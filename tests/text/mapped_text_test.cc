#include "newsgraph/text/mapped_text.h"

#include <catch2/catch.hpp>

#include "newsgraph/text/normalizer.h"

namespace newsgraph {

TEST_CASE("MappedText maps span ends to whole original characters", "[text][mapped_text]") {
  // "…" (3 bytes) became "..." ; all three dots map to its first byte.
  const std::string original = "Bon\xE2\x80\xA6 fin";
  const MappedText m = Normalize(original);
  REQUIRE(m.text == "Bon... fin");
  CHECK(m.ToOriginal(3) == 3);
  CHECK(m.ToOriginal(4) == 3);
  CHECK(m.ToOriginalEnd(4) == 6);  // a span ending inside "..." covers all of "…"
  CHECK(m.ToOriginalEnd(6) == 6);
  CHECK(m.ToOriginalEnd(0) == 0);
  CHECK(m.ToOriginalEnd(m.text.size()) == original.size());
  CHECK(m.ToOriginalSpan(Span{3, 6}) == Span{3, 6});
  CHECK(m.ToOriginalSpan(Span{7, 7}) == Span{7, 7});  // empty stays empty
}

TEST_CASE("MappedText tight spans leave out dropped invisible characters", "[text][mapped_text]") {
  const std::string original = "pr\xC3\xA9sident\xC2\xAD\xE2\x80\x8B et";  // soft hyphen, ZWSP
  const MappedText m = Normalize(original);
  REQUIRE(m.text == "pr\xC3\xA9sident et");
  const Span word{0, 10};
  CHECK(m.ToOriginalSpan(word, original) == Span{0, 10});
  CHECK(m.ToOriginalSpan(word) == Span{0, 15});
  // A span that ends with a space keeps what follows it as is.
  CHECK(m.ToOriginalSpan(Span{0, 11}, original) == Span{0, 16});
}

TEST_CASE("MappedText::Identity maps every byte to itself", "[text][mapped_text]") {
  const MappedText m = MappedText::Identity("abc");
  CHECK(m.text == "abc");
  CHECK(m.origin == std::vector<uint32_t>{0, 1, 2, 3});
}

}  // namespace newsgraph
