#include "newsgraph/base/order_key.h"

#include <bit>
#include <cstring>

namespace newsgraph {

uint64_t OrderKey(std::string_view s, size_t from) {
  // Eight bytes there (most first keys): one load, its bytes reversed on a
  // little-endian machine so that the first is highest.
  if constexpr (std::endian::native == std::endian::little) {
    if (from + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + from, 8);
      return __builtin_bswap64(w);
    }
  }
  uint64_t w = 0;
  for (size_t k = 0; k < 8; ++k) {
    const size_t at = from + k;
    w = (w << 8) | (at < s.size() ? static_cast<unsigned char>(s[at]) : 0u);
  }
  return w;
}

}  // namespace newsgraph
