#include "newsgraph/graph/metrics.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "graph/graph_fixtures.h"

namespace newsgraph {
namespace {

using testing::BuildGraph;
using testing::EdgeSpec;
using testing::MakeNode;

// h <- l1 (twice: member_of and supports), h <- l2, h <- l3, l3 -> x; y alone.
KnowledgeGraph SmallGraph() {
  KnowledgeGraph g = BuildGraph({}, {{"l1", "member_of", "h", false},
                                     {"l1", "supports", "h", false},
                                     {"l2", "member_of", "h", false},
                                     {"l3", "member_of", "h", false},
                                     {"l3", "supports", "x", false}});
  g.node(*g.FindNode("h")).category = "region";
  g.node(*g.FindNode("h")).label = "Central Asia";
  g.node(*g.FindNode("x")).category = "event";
  g.AddNode(MakeNode("y", "resource"));
  return g;
}

std::vector<std::pair<std::string, double>> Scores(const std::vector<NodeScore>& top) {
  std::vector<std::pair<std::string, double>> out;
  for (const NodeScore& s : top) out.emplace_back(s.id, s.score);
  return out;
}

TEST_CASE("ComputeStats counts categories, relations and components", "[graph][metrics]") {
  GraphStats stats = ComputeStats(SmallGraph(), 3);
  CHECK(stats.num_nodes == 6);
  CHECK(stats.num_edges == 5);
  CHECK(stats.categories ==
        std::vector<NameCount>{{"country", 3}, {"event", 1}, {"region", 1}, {"resource", 1}});
  CHECK(stats.relations == std::vector<NameCount>{{"member_of", 3}, {"supports", 2}});
  CHECK(stats.num_components == 2);
  CHECK(stats.component_sizes == std::vector<size_t>{5, 1});
}

TEST_CASE("ComputeStats ranks by degree, betweenness and PageRank, ties by id",
          "[graph][metrics]") {
  GraphStats stats = ComputeStats(SmallGraph(), 4);
  using Row = std::pair<std::string, double>;
  CHECK(Scores(stats.top_degree) == std::vector<Row>{{"h", 4}, {"l1", 2}, {"l3", 2}, {"l2", 1}});
  REQUIRE(stats.betweenness_computed);
  CHECK_FALSE(stats.betweenness_sampled);
  // h lies on l1-l2 l1-l3 l2-l3 l1-x l2-x; l3 on x-h x-l1 x-l2.
  CHECK(Scores(stats.top_betweenness) ==
        std::vector<Row>{{"h", 5}, {"l3", 3}, {"l1", 0}, {"l2", 0}});
  REQUIRE(stats.top_pagerank.size() == 4);
  CHECK(stats.top_pagerank[0].id == "h");
  CHECK(stats.top_pagerank[0].label == "Central Asia");
  CHECK(stats.top_pagerank[1].id == "x");
}

TEST_CASE("PageRank matches the closed form on a star and sums to one", "[graph][metrics]") {
  // l1 l2 l3 -> h; h is dangling and spreads its rank evenly.
  KnowledgeGraph g = BuildGraph({}, {{"l1", "member_of", "h", false},
                                     {"l2", "member_of", "h", false},
                                     {"l3", "member_of", "h", false}});
  int iterations = 0;
  std::vector<double> pr = PageRank(g, 0.85, 1e-12, 500, &iterations);
  // x_l = 0.0375 + 0.2125 x_h and x_h = 0.0375 + 0.2125 x_h + 2.55 x_l.
  const double h = 0.133125 / 0.245625;
  CHECK(pr[*g.FindNode("h")] == Approx(h).epsilon(1e-9));
  CHECK(pr[*g.FindNode("l2")] == Approx(0.0375 + 0.2125 * h).epsilon(1e-9));
  CHECK(iterations < 500);
  double sum = 0;
  for (double p : pr) sum += p;
  CHECK(sum == Approx(1.0).epsilon(1e-12));

  SECTION("a symmetric relation counts both ways") {
    KnowledgeGraph cycle = BuildGraph({}, {{"a", "cooperates_with", "b", true},
                                           {"b", "cooperates_with", "c", true},
                                           {"a", "cooperates_with", "c", true}});
    for (double p : PageRank(cycle, 0.85, 1e-12, 100)) CHECK(p == Approx(1.0 / 3).epsilon(1e-12));
  }
}

TEST_CASE("Sampled betweenness from every source equals Boost's exact betweenness",
          "[graph][metrics]") {
  std::mt19937 rng(11);
  std::vector<EdgeSpec> edges;
  for (int i = 0; i < 120; ++i) {
    std::uniform_int_distribution<int> pick(0, 59);
    edges.emplace_back("v" + std::to_string(pick(rng)), "supports", "v" + std::to_string(pick(rng)),
                       false);
  }
  KnowledgeGraph g = BuildGraph({}, edges);
  std::vector<double> exact = Betweenness(g);
  std::vector<double> sampled = SampledBetweenness(g, g.num_nodes(), 1);
  REQUIRE(exact.size() == sampled.size());
  for (size_t i = 0; i < exact.size(); ++i) CHECK(sampled[i] == Approx(exact[i]).margin(1e-9));

  StatsOptions options;
  options.top_n = 5;
  options.betweenness_budget = 10.0 * static_cast<double>(g.num_edges());  // ~10 sources
  GraphStats stats = ComputeStats(g, options);
  CHECK(stats.betweenness_sampled);
  CHECK(stats.betweenness_sources >= 9);
  CHECK(stats.betweenness_sources <= 10);
  CHECK(stats.top_betweenness.size() == 5);
}

TEST_CASE("ComputeStats does not depend on insertion order", "[graph][metrics]") {
  std::vector<EdgeSpec> edges = {{"a", "supports", "b", false},
                                 {"b", "supports", "c", false},
                                 {"c", "supports", "a", false},
                                 {"d", "supports", "a", false},
                                 {"e", "supports", "d", false}};
  KnowledgeGraph one = BuildGraph({}, edges);
  std::reverse(edges.begin(), edges.end());
  KnowledgeGraph two = BuildGraph({}, edges);
  CHECK(FormatStats(ComputeStats(one, 5)) == FormatStats(ComputeStats(two, 5)));
}

TEST_CASE("FormatStats writes a readable report", "[graph][metrics]") {
  const std::string expected = R"(nodes: 6
edges: 5

nodes by category:
  country   3
  event     1
  region    1
  resource  1

edges by relation:
  member_of  3
  supports   2

weakly connected components: 2
  sizes: 5 1

top 3 by degree (edges in and out):
   1. Central Asia (h)  4
   2. l1  2
   3. l3  2

top 3 by betweenness (undirected, exact):
   1. Central Asia (h)  5.00
   2. l3  3.00
   3. l1  0.00

top 3 by PageRank (damping 0.85, ITER iterations):
   1. Central Asia (h)  PR_H
   2. x  PR_X
   3. l1  PR_L3
)";
  GraphStats stats = ComputeStats(SmallGraph(), 3);
  std::string text = FormatStats(stats);
  std::string want = expected;
  auto replace = [&want](const std::string& from, const std::string& to) {
    want.replace(want.find(from), from.size(), to);
  };
  char buf[32];
  replace("ITER", std::to_string(stats.pagerank_iterations));
  std::snprintf(buf, sizeof buf, "%.6f", stats.top_pagerank[0].score);
  replace("PR_H", buf);
  std::snprintf(buf, sizeof buf, "%.6f", stats.top_pagerank[1].score);
  replace("PR_X", buf);
  std::snprintf(buf, sizeof buf, "%.6f", stats.top_pagerank[2].score);
  replace("PR_L3", buf);
  CHECK(text == want);

  CHECK(FormatStats(ComputeStats(KnowledgeGraph{}, 3)) ==
        "nodes: 0\nedges: 0\n\nnodes by category: none\n\nedges by relation: none\n\n"
        "weakly connected components: 0\n\n");
}

}  // namespace
}  // namespace newsgraph
