#include "newsgraph/io/edge_ids.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "io/test_graphs.h"

namespace newsgraph {
namespace {

// Three foreign edges "e0", and one already named "e0_2": the writers'
// order (by id, then endpoints) puts the e0s together.
KnowledgeGraph SharedIds() {
  KnowledgeGraph g = testing::SharedEdgeIds(3);
  EdgeData taken;
  taken.id = "e0_2";
  g.AddRawEdge(1, 0, std::move(taken));
  return g;
}

TEST_CASE("Edges of one id between different nodes get ids of their own", "[io][edge_ids]") {
  const KnowledgeGraph g = SharedIds();
  const std::vector<EdgeId> edges = g.SortedEdges();
  const std::vector<std::string> ids = OutputEdgeIds(g, edges);
  REQUIRE(ids.size() == edges.size());
  // The first keeps its id; the others take the first free ones ("e0_2" is held).
  CHECK(ids[0] == "e0");
  CHECK(ids[1] == "e0_3");
  CHECK(ids[2] == "e0_4");
  CHECK(ids[3] == "e0_2");
  CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
}

TEST_CASE("Unique edge ids are written as they are", "[io][edge_ids]") {
  KnowledgeGraph g;
  NodeData a, b;
  a.id = "a";
  b.id = "b";
  const NodeId na = g.AddNode(a), nb = g.AddNode(b);
  for (const char* id : {"e0", "e1"}) {
    EdgeData e;
    e.id = id;
    g.AddRawEdge(na, nb, std::move(e));
  }
  CHECK(OutputEdgeIds(g, g.SortedEdges()).empty());
}

}  // namespace
}  // namespace newsgraph
