#include "newsgraph/base/order_key.h"

namespace newsgraph {

uint64_t OrderKey(std::string_view s, size_t from) {
  uint64_t w = 0;
  for (size_t k = 0; k < 8; ++k) {
    const size_t at = from + k;
    w = (w << 8) | (at < s.size() ? static_cast<unsigned char>(s[at]) : 0u);
  }
  return w;
}

}  // namespace newsgraph
