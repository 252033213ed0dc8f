// Matcher and Vocabulary: token-sequence patterns, longest-leftmost matching.
#include "newsgraph/extract/matcher.h"

#include <catch2/catch.hpp>

#include <vector>

namespace newsgraph {
namespace {

TEST_CASE("Matcher finds the longest leftmost token patterns", "[extract][matcher]") {
  Vocabulary v;
  Matcher m;
  const uint32_t asie = v.Intern("asie"), centrale = v.Intern("centrale"), inde = v.Intern("inde");
  m.Add(std::vector<uint32_t>{asie}, 1);
  m.Add(std::vector<uint32_t>{asie, centrale}, 2);
  m.Add(std::vector<uint32_t>{inde}, 3);
  m.Finalize();
  CHECK(v.Find("asie") == asie);
  CHECK(v.Find("indiens") == kNoKey);
  const std::vector<uint32_t> keys = {inde, v.Find("et"), asie, centrale, v.Find("indiens"), asie};
  std::vector<Matcher::Match> hits;
  m.FindAll(keys.data(), keys.size(), &hits);
  REQUIRE(hits.size() == 3);
  CHECK((hits[0].begin == 0 && hits[0].end == 1));
  CHECK((hits[1].begin == 2 && hits[1].end == 4));
  CHECK(m.Payloads(hits[1].node)[0] == 2);
  CHECK((hits[2].begin == 5 && hits[2].end == 6));
  CHECK(m.Payloads(hits[2].node)[0] == 1);
  // An accept filter can refuse the longer pattern.
  Matcher::Match shorter = m.LongestAt(keys.data(), keys.size(), 2, [&](uint32_t node) {
    return m.Payloads(node)[0] != 2;
  });
  CHECK(shorter.end == 3);
}

}  // namespace
}  // namespace newsgraph
