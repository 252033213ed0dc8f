#include "newsgraph/text/string_hash.h"

#include <bit>
#include <catch2/catch.hpp>
#include <cstring>
#include <string>
#include <string_view>

namespace newsgraph {
namespace {

// The byte-copy definition of HashBytes: the tail copied into a zeroed word.
uint64_t ReferenceHash(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = (n + 1) * kHashMul;
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kHashMul;
    h ^= h >> 31;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * kHashMul;
  }
  return HashMix(h);
}

// Bytes of every value, so each position of the tail is seen.
const std::string kBytes = [] {
  std::string s;
  for (int k = 0; k < 300; ++k) s.push_back(static_cast<char>((k * 37 + 11) & 0xFF));
  return s;
}();

}  // namespace

TEST_CASE("HashBytes equals the byte-copy definition at every length and offset", "[text][hash]") {
  for (size_t offset = 0; offset < 9; ++offset) {
    for (size_t n = 0; n <= 40; ++n) {
      const std::string_view s(kBytes.data() + offset, n);
      INFO("offset " << offset << ", length " << n);
      CHECK(HashBytes(s) == ReferenceHash(s));
    }
  }
  CHECK(HashBytes("kazakhstan") == ReferenceHash("kazakhstan"));
  CHECK(HashBytes("") == ReferenceHash(""));
}

TEST_CASE("HashPacked equals HashBytes for the strings of up to 8 bytes", "[text][hash]") {
  for (size_t offset = 0; offset < 9; ++offset) {
    for (size_t n = 0; n <= 8; ++n) {
      const char* p = kBytes.data() + offset;
      uint64_t w = 0;
      std::memcpy(&w, p, n);
      INFO("offset " << offset << ", length " << n);
      CHECK(HashPacked(w, n) == HashBytes(std::string_view(p, n)));
      if (n < 8 && std::endian::native == std::endian::little) CHECK(w == LoadShort(p, n));
    }
  }
}

TEST_CASE("HashBytes tells apart strings that differ in one tail byte or in length",
          "[text][hash]") {
  CHECK(HashBytes("inde") != HashBytes("indo"));
  CHECK(HashBytes("asie-centrale") != HashBytes("asie-centralf"));
  CHECK(HashBytes("a") != HashBytes(std::string_view("a\0", 2)));
}

TEST_CASE("EqualBytes agrees with memcmp for every length and differing position", "[text][hash]") {
  for (size_t n = 0; n <= 24; ++n) {
    std::string a = kBytes.substr(5, n);
    CHECK(EqualBytes(a.data(), kBytes.data() + 5, n));
    for (size_t k = 0; k < n; ++k) {
      std::string b = a;
      b[k] = static_cast<char>(b[k] ^ 0x40);
      INFO("length " << n << ", byte " << k);
      CHECK_FALSE(EqualBytes(a.data(), b.data(), n));
      CHECK((std::memcmp(a.data(), b.data(), n) == 0) == EqualBytes(a.data(), b.data(), n));
    }
  }
}

}  // namespace newsgraph
