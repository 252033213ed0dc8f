// HashBytes: a fast, deterministic 64-bit hash of short byte strings (words,
// tokens) for the open-addressing tables of the extraction hot loops.
//
//   uint64_t h = HashBytes("kazakhstan");
//   size_t slot = h & (table_size - 1);              // table_size a power of two
//
// Not cryptographic; the same bytes give the same hash on every run and in
// every thread (no seed). Pure function, thread-safe.
#ifndef NEWSGRAPH_TEXT_STRING_HASH_H_
#define NEWSGRAPH_TEXT_STRING_HASH_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace newsgraph {

inline constexpr uint64_t kHashMul = 0x9E3779B97F4A7C15ull;

// Mixes a 64-bit value (a finaliser: every input bit reaches every output bit).
inline uint64_t HashMix(uint64_t h) {
  h ^= h >> 32;
  h *= kHashMul;
  h ^= h >> 29;
  return h;
}

inline uint64_t HashBytes(std::string_view s) {
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

}  // namespace newsgraph

#endif  // NEWSGRAPH_TEXT_STRING_HASH_H_
