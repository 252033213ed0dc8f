#include "newsgraph/base/order_key.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace newsgraph {
namespace {

// The order of two strings by their keys (first 16 bytes), or 0 on a tie.
int KeyOrder(const std::string& a, const std::string& b) {
  for (size_t from : {size_t{0}, size_t{8}}) {
    const uint64_t x = OrderKey(a, from), y = OrderKey(b, from);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

TEST_CASE("OrderKey orders strings as std::string does", "[base][order_key]") {
  const std::vector<std::string> words = {
      "",         "a",           "ab",       "b",     "bench-10",           "bench-2",
      "country_", "country_ind", "\xC3\xA9", "z\xFF", "event_2025_06_06_x", "event_2025_06_06_y"};
  for (const std::string& a : words) {
    for (const std::string& b : words) {
      CAPTURE(a, b);
      const int order = KeyOrder(a, b);
      if (order != 0) CHECK((order < 0) == (a < b));
    }
  }
  // Ties only where the first 16 bytes agree.
  CHECK(KeyOrder("event_2025_06_06_x", "event_2025_06_06_y") == 0);
  CHECK(KeyOrder("bench-10", "bench-2") == -1);
  CHECK(OrderKey("ab", 0) == 0x6162000000000000ull);
  CHECK(OrderKey("ab", 8) == 0);
}

TEST_CASE("OrderKey reads the eight bytes from its offset, the first highest, zero-padded",
          "[base][order_key]") {
  const std::string s = "country_kaz\xC3\xA9tats-unis!";
  for (size_t from = 0; from <= s.size() + 2; ++from) {
    uint64_t expected = 0;
    for (size_t k = 0; k < 8; ++k) {
      const size_t at = from + k;
      expected = (expected << 8) | (at < s.size() ? static_cast<unsigned char>(s[at]) : 0u);
    }
    CAPTURE(from);
    CHECK(OrderKey(s, from) == expected);
  }
  CHECK(OrderKey("bench-10", 0) == 0x62656E63682D3130ull);  // exactly eight bytes
}

}  // namespace
}  // namespace newsgraph
