// Levenshtein distance, for "did you mean" suggestions.
//
//   EditDistance("stast", "stats") == 2
//
// Counts bytes; fine for the ASCII command and option names it is used on,
// and a reasonable approximation elsewhere. Pure function.
#ifndef NEWSGRAPH_BASE_EDIT_DISTANCE_H_
#define NEWSGRAPH_BASE_EDIT_DISTANCE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

size_t EditDistance(std::string_view a, std::string_view b);

// The candidates closest to `word` within `max_distance`, best first (ties in
// the candidates' order). Empty when nothing is close.
std::vector<std::string> ClosestMatches(std::string_view word,
                                        const std::vector<std::string>& candidates,
                                        size_t max_distance);

}  // namespace newsgraph

#endif  // NEWSGRAPH_BASE_EDIT_DISTANCE_H_
