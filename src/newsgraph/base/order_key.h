// Integer keys that sort strings in std::string's order, for sorting many
// strings (ids, article ids) by comparing integers first and the strings
// only on a tie.
//
//   OrderKey("bench-10", 0) < OrderKey("bench-2", 0)   // as the strings
//
// Bytes [from, from + 8) of `s`, the first one highest, zero-padded: strings
// whose keys differ compare as their keys do (std::string compares bytes
// unsigned, a prefix first); equal keys say nothing. Pure function.
#ifndef NEWSGRAPH_BASE_ORDER_KEY_H_
#define NEWSGRAPH_BASE_ORDER_KEY_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newsgraph {

uint64_t OrderKey(std::string_view s, size_t from);

}  // namespace newsgraph

#endif  // NEWSGRAPH_BASE_ORDER_KEY_H_
