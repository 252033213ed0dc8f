// Matcher and Vocabulary: token-sequence patterns, longest-leftmost matching.
#include "newsgraph/extract/matcher.h"

#include <catch2/catch.hpp>
#include <string>
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
  Matcher::Match shorter = m.LongestAt(keys.data(), keys.size(), 2,
                                       [&](uint32_t node) { return m.Payloads(node)[0] != 2; });
  CHECK(shorter.end == 3);
}

TEST_CASE("Matcher LongestFrom, given the first step, finds what LongestAt finds",
          "[extract][matcher]") {
  Matcher m;
  m.Add(std::vector<uint32_t>{1}, 1);
  m.Add(std::vector<uint32_t>{1, 2, 3}, 2);  // a node without payload (1 2) between two with
  m.Add(std::vector<uint32_t>{2, 3}, 3);
  m.Add(std::vector<uint32_t>{3, 1, 1}, 4);
  m.Finalize();
  const std::vector<uint32_t> keys = {1, 2, 3, 1, 1, 2, kNoKey, 2, 3, 1, 2};
  const auto all = [](uint32_t) { return true; };
  const auto not_two = [&](uint32_t node) { return m.Payloads(node)[0] != 2; };
  for (size_t n = 0; n <= keys.size(); ++n) {
    for (size_t start = 0; start < n; ++start) {
      INFO("n " << n << " start " << start);
      const uint32_t first = keys[start] == kNoKey ? 0 : m.Child(0, keys[start]);
      for (const bool filtered : {false, true}) {
        const Matcher::Match at = filtered ? m.LongestAt(keys.data(), n, start, not_two)
                                           : m.LongestAt(keys.data(), n, start, all);
        const Matcher::Match from = filtered ? m.LongestFrom(keys.data(), n, start, first, not_two)
                                             : m.LongestFrom(keys.data(), n, start, first, all);
        CHECK(from.begin == at.begin);
        CHECK(from.end == at.end);
        CHECK(from.node == at.node);
      }
    }
  }
  CHECK(m.LongestAt(keys.data(), keys.size(), 0, all).end == 3);  // 1 2 3
  CHECK(m.LongestAt(keys.data(), keys.size(), 0, not_two).end == 1);
}

TEST_CASE("Matcher keeps every pattern when it holds thousands of them", "[extract][matcher]") {
  // Enough edges to grow the edge table many times.
  Vocabulary v;
  Matcher m;
  for (uint32_t i = 0; i < 5000; ++i) {
    const uint32_t a = v.Intern("a" + std::to_string(i % 97));
    const uint32_t b = v.Intern("b" + std::to_string(i));
    m.Add(std::vector<uint32_t>{a, b}, i);
  }
  m.Finalize();
  for (uint32_t i = 0; i < 5000; i += 7) {
    const std::vector<uint32_t> keys = {v.Find("a" + std::to_string(i % 97)),
                                        v.Find("b" + std::to_string(i))};
    const Matcher::Match hit =
        m.LongestAt(keys.data(), keys.size(), 0, [](uint32_t) { return true; });
    REQUIRE(hit.end == 2);
    CHECK(m.Payloads(hit.node)[0] == i);
  }
  const std::vector<uint32_t> wrong = {v.Find("a1"), v.Find("b2")};  // b2 follows a2 only
  CHECK(m.LongestAt(wrong.data(), wrong.size(), 0, [](uint32_t) { return true; }).end == 0);
  CHECK(m.Child(0, v.Find("b3")) == 0);  // no pattern starts with a b-word
}

TEST_CASE("Matcher FindAll passes over keys that start no pattern, however large",
          "[extract][matcher]") {
  Matcher m;
  m.Add(std::vector<uint32_t>{5, 6}, 1);    // 6 is only ever a second key
  m.Add(std::vector<uint32_t>{130}, 2);     // a key past the first 64
  m.Add(std::vector<uint32_t>{63, 64}, 3);  // keys on either side of a word boundary
  m.Finalize();
  const std::vector<uint32_t> keys = {6, 5, 6, kNoKey, 130, 1000000, 64, 63, 64, 129, 131, 130};
  std::vector<Matcher::Match> hits;
  m.FindAll(keys.data(), keys.size(), &hits);
  REQUIRE(hits.size() == 4);
  CHECK((hits[0].begin == 1 && hits[0].end == 3));
  CHECK((hits[1].begin == 4 && hits[1].end == 5));
  CHECK((hits[2].begin == 7 && hits[2].end == 9));
  CHECK((hits[3].begin == 11 && hits[3].end == 12));
  CHECK(m.Payloads(hits[2].node)[0] == 3);
}

TEST_CASE("Matcher FindAllFrom, given each key's first node, finds what FindAll finds",
          "[extract][matcher]") {
  Matcher m;
  m.Add(std::vector<uint32_t>{5, 6}, 1);
  m.Add(std::vector<uint32_t>{5, 6, 7}, 2);
  m.Add(std::vector<uint32_t>{6}, 3);
  m.Add(std::vector<uint32_t>{7, 8, 9}, 4);  // (7 8) has no payload: "7 8 5" matches nothing there
  m.Finalize();
  const std::vector<uint32_t> keys = {5, 6, 7, 6, kNoKey, 7, 8, 5, 6, 6, 7, 8, 9, 5};
  std::vector<Matcher::Match> all, from;
  m.FindAll(keys.data(), keys.size(), &all);
  m.FindAllFrom(
      keys.data(), keys.size(),
      [&](size_t i) { return keys[i] == kNoKey ? 0 : m.Child(0, keys[i]); }, &from);
  REQUIRE(all.size() == 5);
  REQUIRE(from.size() == all.size());
  for (size_t k = 0; k < all.size(); ++k) {
    CHECK(from[k].begin == all[k].begin);
    CHECK(from[k].end == all[k].end);
    CHECK(from[k].node == all[k].node);
  }
}

}  // namespace
}  // namespace newsgraph
