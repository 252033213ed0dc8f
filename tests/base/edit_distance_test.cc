#include "newsgraph/base/edit_distance.h"

#include <catch2/catch.hpp>

namespace newsgraph {
namespace {

TEST_CASE("EditDistance counts insertions, deletions and substitutions", "[base]") {
  CHECK(EditDistance("", "") == 0);
  CHECK(EditDistance("stats", "stats") == 0);
  CHECK(EditDistance("stast", "stats") == 2);
  CHECK(EditDistance("extact", "extract") == 1);
  CHECK(EditDistance("", "abc") == 3);
}

TEST_CASE("ClosestMatches returns the nearest candidates first", "[base]") {
  std::vector<std::string> commands = {"extract", "merge", "path", "stats", "convert"};
  CHECK(ClosestMatches("extrat", commands, 2) == std::vector<std::string>{"extract"});
  CHECK(ClosestMatches("pat", commands, 2) == std::vector<std::string>{"path"});
  CHECK(ClosestMatches("zzzzzz", commands, 2).empty());
}

}  // namespace
}  // namespace newsgraph
