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

// The n < 8 bytes at p packed into a word, zero-padded, without a call to
// memcpy (on a little-endian machine, what memcpy(&w, p, n) into a zeroed w
// gives, so hashes are those of the byte-copy definition).
inline uint64_t LoadShort(const char* p, size_t n) {
  uint64_t w = 0;
  size_t k = 0;
  if (n & 4) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    w = v;
    k = 4;
  }
  if (n & 2) {
    uint16_t v;
    std::memcpy(&v, p + k, 2);
    w |= static_cast<uint64_t>(v) << (8 * k);
    k += 2;
  }
  if (n & 1) w |= static_cast<uint64_t>(static_cast<unsigned char>(p[k])) << (8 * k);
  return w;
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
    uint64_t w;
    if (s.size() >= 8) {
      // The last 8 bytes of s, shifted down to the n that are left.
      std::memcpy(&w, p + n - 8, 8);
      w >>= 8 * (8 - n);
    } else {
      w = LoadShort(p, n);
    }
    h = (h ^ w) * kHashMul;
  }
  return HashMix(h);
}

// HashBytes of a string of n <= 8 bytes, given them packed into `w` (as
// LoadShort gives them, or one 8-byte load when n == 8): for callers that
// already hold the bytes in a register.
inline uint64_t HashPacked(uint64_t w, size_t n) {
  uint64_t h = (n + 1) * kHashMul;
  if (n > 0) h = (h ^ w) * kHashMul;
  if (n == 8) h ^= h >> 31;
  return HashMix(h);
}

// Whether the n bytes at a and b are equal (memcmp(a, b, n) == 0, inline:
// for the short keys of the hot-loop tables, where a call to memcmp costs
// more than the comparison).
inline bool EqualBytes(const char* a, const char* b, size_t n) {
  while (n >= 8) {
    uint64_t x, y;
    std::memcpy(&x, a, 8);
    std::memcpy(&y, b, 8);
    if (x != y) return false;
    a += 8;
    b += 8;
    n -= 8;
  }
  return n == 0 || LoadShort(a, n) == LoadShort(b, n);
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_TEXT_STRING_HASH_H_
