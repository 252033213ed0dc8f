// HashKeyBytes: a fast hash of short strings for the flat tables of graph/
// (IncrementalMerger's interned strings, KnowledgeGraph::Finalize's article
// dates). Include only from graph/. (Not named HashBytes: text/string_hash.h
// has an inline HashBytes of its own in the same namespace, and two inline
// functions of one name with different bodies in one program are one too
// many.)
#ifndef NEWSGRAPH_GRAPH_HASH_BYTES_H_
#define NEWSGRAPH_GRAPH_HASH_BYTES_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace newsgraph {

// A hash of a short string, eight bytes at a time, for open-addressing tables (the
// keys are ids, codes, names and relations of a few to a few dozen bytes;
// std::hash runs a general-purpose function over them). A tail of fewer
// than eight bytes is read as two overlapping 4-byte words, or as three
// single bytes, so that no load has a variable size (no call to memcpy).
// text/string_hash.h has a hash of the same kind (other values) for the
// extraction tables; graph/ does not depend on text/.
inline uint64_t HashKeyBytes(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const char* p = s.data();
  const size_t n = s.size();
  uint64_t h = n * 0xC2B2AE3D27D4EB4Full;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    h = (h ^ word) * kMul;
    h ^= h >> 32;
  }
  const size_t rest = n - i;
  if (rest >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, p + i, 4);
    std::memcpy(&hi, p + n - 4, 4);
    h = (h ^ (static_cast<uint64_t>(hi) << 32 | lo)) * kMul;
  } else if (rest > 0) {
    const uint64_t word = static_cast<unsigned char>(p[i]) |
                          static_cast<uint64_t>(static_cast<unsigned char>(p[i + rest / 2])) << 8 |
                          static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
    h = (h ^ word) * kMul;
  }
  h ^= h >> 29;
  h *= kMul;
  return h ^ (h >> 32);
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_HASH_BYTES_H_
