// path, neighbors and stats on the seed graph, through the real executable.
#include <catch2/catch.hpp>
#include <filesystem>

#include "cli/run_command.h"

namespace newsgraph::testing {
namespace {

namespace fs = std::filesystem;

// The seed extracted once for every test here.
const std::string& SeedGraph() {
  static const std::string path = [] {
    fs::path p =
        fs::temp_directory_path() / ("newsgraph_query_" + std::to_string(::getpid()) + ".graphml");
    const std::string seed = std::string(NEWSGRAPH_SOURCE_DIR) + "/examples/inde-asie-centrale.txt";
    CommandResult r =
        RunNewsgraph("extract -q " + ShellQuote(seed) + " -o " + ShellQuote(p.string()));
    REQUIRE(r.exit_code == 0);
    return p.string();
  }();
  return path;
}

TEST_CASE("path answers how India is connected to China, with the evidence sentence",
          "[cli][path]") {
  CommandResult r = RunNewsgraph("path " + ShellQuote(SeedGraph()) + " --from inde --to Chine");
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("India (country_ind) --depends_on--> China (country_chn)"));
  CHECK_THAT(r.out, Catch::Contains("inde-asie-centrale 2025-07-06: "));
  CHECK_THAT(r.out, Catch::Contains("dépendance à l’égard de la Chine"));
}

TEST_CASE("path --json gives the hops and their evidence", "[cli][path]") {
  CommandResult r =
      RunNewsgraph("path " + ShellQuote(SeedGraph()) + " --from Q668 --to country_chn --json");
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out,
             Catch::StartsWith("{\"from\":\"country_ind\",\"to\":\"country_chn\",\"paths\":["));
  CHECK_THAT(r.out, Catch::Contains("\"relation\":\"depends_on\""));
  CHECK_THAT(r.out, Catch::Contains("\"article\":\"inde-asie-centrale\""));
}

TEST_CASE("path --k lists several loopless paths, --undirected follows edges both ways",
          "[cli][path]") {
  CommandResult r = RunNewsgraph("path " + ShellQuote(SeedGraph()) +
                                 " --from Kazakhstan --to 'terres rares' --k 3 --undirected");
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("path 1 of 3"));
  CHECK_THAT(r.out, Catch::Contains("path 3 of 3"));
  CommandResult directed =
      RunNewsgraph("path " + ShellQuote(SeedGraph()) + " --from 'terres rares' --to Kazakhstan");
  CHECK(directed.exit_code == 3);  // found nothing: not an error, not a success
  CHECK_THAT(directed.out,
             Catch::Contains("no path from rare earths (resource_rare_earths) to Kazakhstan"));
}

TEST_CASE("An unknown node name gets the candidates", "[cli][path]") {
  CommandResult r = RunNewsgraph("path " + ShellQuote(SeedGraph()) + " --from indai --to chine");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("no node named 'indai'; did you mean 'India' (country_ind"));
}

TEST_CASE("neighbors prints a neighbourhood and writes it as a valid graph file",
          "[cli][neighbors]") {
  const std::string out = (fs::temp_directory_path() /
                           ("newsgraph_neighbors_" + std::to_string(::getpid()) + ".graphml"))
                              .string();
  CommandResult r = RunNewsgraph("neighbors " + ShellQuote(SeedGraph()) + " Chine --depth 1 -o " +
                                 ShellQuote(out));
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("China (country_chn) [country]"));
  CHECK_THAT(r.out, Catch::Contains("Kazakhstan (country_kaz) [country]"));
  CommandResult valid = RunNewsgraph("validate " + ShellQuote(out));
  CHECK(valid.exit_code == 0);
  fs::remove(out);
}

TEST_CASE("stats counts by category and relation and ranks central nodes", "[cli][stats]") {
  CommandResult r = RunNewsgraph("stats " + ShellQuote(SeedGraph()));
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("nodes by category:"));
  CHECK_THAT(r.out, Catch::Contains("country   8"));
  CHECK_THAT(r.out, Catch::Contains("weakly connected components:"));
  CHECK_THAT(r.out, Catch::Contains("top 10 by betweenness"));
  CHECK_THAT(r.out, Catch::Contains("top 10 by PageRank"));
  CommandResult json = RunNewsgraph("stats " + ShellQuote(SeedGraph()) + " --json");
  REQUIRE(json.exit_code == 0);
  CHECK_THAT(json.out, Catch::Contains("\"categories\":{"));
}

}  // namespace
}  // namespace newsgraph::testing
