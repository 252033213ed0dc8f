#include "newsgraph/graph/neighborhood.h"

#include <catch2/catch.hpp>

#include "graph/graph_fixtures.h"

namespace newsgraph {
namespace {

using testing::BuildGraph;

KnowledgeGraph Chain() {
  // a -> b <- c -> d, and b - e symmetric; f alone.
  return BuildGraph({"f"}, {{"a", "supports", "b", false},
                            {"c", "supports", "b", false},
                            {"c", "condemns", "d", false},
                            {"b", "cooperates_with", "e", true}});
}

std::vector<std::pair<std::string, size_t>> Ids(const KnowledgeGraph& g,
                                                const std::vector<Neighbor>& ns) {
  std::vector<std::pair<std::string, size_t>> out;
  for (const Neighbor& n : ns) out.emplace_back(g.node(n.node).id, n.distance);
  return out;
}

TEST_CASE("Neighborhood ignores direction and sorts by distance then id", "[graph][neighborhood]") {
  KnowledgeGraph g = Chain();
  using Row = std::pair<std::string, size_t>;
  CHECK(Ids(g, Neighborhood(g, *g.FindNode("b"), 1, {})) ==
        std::vector<Row>{{"b", 0}, {"a", 1}, {"c", 1}, {"e", 1}});
  CHECK(Ids(g, Neighborhood(g, *g.FindNode("a"), 3, {})) ==
        std::vector<Row>{{"a", 0}, {"b", 1}, {"c", 2}, {"e", 2}, {"d", 3}});
  CHECK(Ids(g, Neighborhood(g, *g.FindNode("a"), 3, {"supports"})) ==
        std::vector<Row>{{"a", 0}, {"b", 1}, {"c", 2}});
  CHECK(Ids(g, Neighborhood(g, *g.FindNode("f"), 2, {})) == std::vector<Row>{{"f", 0}});
}

TEST_CASE("InducedSubgraph keeps the edges among the nodes and their articles",
          "[graph][neighborhood]") {
  KnowledgeGraph g = Chain();
  g.data().title = "chain";
  g.data().articles["x"] = {"x", "t", "2025", "", "en"};
  g.data().articles["unused"] = {"unused", "t", "2024", "", "en"};
  Evidence ev;
  ev.article_id = "x";
  ev.end = 3;
  g.AddEvidence(*g.FindEdge(*g.FindNode("c"), "supports", *g.FindNode("b")), ev);
  g.Finalize();
  KnowledgeGraph sub = InducedSubgraph(g, NodesOf(Neighborhood(g, *g.FindNode("c"), 1, {})), {});
  CHECK(sub.num_nodes() == 3);  // c, b, d
  CHECK(sub.num_edges() == 2);  // c -> b, c -> d
  CHECK(sub.data().title == "chain");
  REQUIRE(sub.data().articles.size() == 1);
  CHECK(sub.data().articles.begin()->first == "x");
  auto e = sub.FindEdge(*sub.FindNode("c"), "supports", *sub.FindNode("b"));
  REQUIRE(e.has_value());
  CHECK(sub.edge(*e).evidence_count == 1);
  CHECK(InducedSubgraph(g, {*g.FindNode("c"), *g.FindNode("b"), *g.FindNode("d")}, {"condemns"})
            .num_edges() == 1);
}

}  // namespace
}  // namespace newsgraph
