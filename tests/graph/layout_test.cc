#include "newsgraph/graph/layout.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <map>
#include <random>

#include "graph/graph_fixtures.h"

namespace newsgraph {
namespace {

using testing::BuildGraph;
using testing::EdgeSpec;

// Three components (a 20-node ring with chords, a 12-node star, a triangle)
// and two isolated nodes: 37 nodes.
std::vector<EdgeSpec> MixedEdges() {
  std::vector<EdgeSpec> edges;
  auto id = [](const char* prefix, int i) { return std::string(prefix) + std::to_string(i); };
  for (int i = 0; i < 20; ++i) {
    edges.emplace_back(id("ring", i), "cooperates_with", id("ring", (i + 1) % 20), true);
    if (i % 5 == 0) edges.emplace_back(id("ring", i), "supports", id("ring", (i + 7) % 20), false);
  }
  for (int i = 0; i < 11; ++i) edges.emplace_back(id("leaf", i), "member_of", "hub", false);
  edges.emplace_back("t1", "condemns", "t2", false);
  edges.emplace_back("t2", "condemns", "t3", false);
  edges.emplace_back("t3", "condemns", "t1", false);
  return edges;
}

struct Placed {
  double x, y, size;
};

std::map<std::string, Placed> Positions(const KnowledgeGraph& g) {
  std::map<std::string, Placed> out;
  for (NodeId n = 0; n < g.num_nodes(); ++n) {
    out[g.node(n).id] = {g.node(n).x, g.node(n).y, g.node(n).size};
  }
  return out;
}

// Returns the number of pairs of discs closer than the sum of their radii.
size_t Overlaps(const KnowledgeGraph& g) {
  size_t overlaps = 0;
  for (NodeId a = 0; a < g.num_nodes(); ++a) {
    for (NodeId b = a + 1; b < g.num_nodes(); ++b) {
      const NodeData& p = g.node(a);
      const NodeData& q = g.node(b);
      if (std::hypot(p.x - q.x, p.y - q.y) < p.size + q.size) ++overlaps;
    }
  }
  return overlaps;
}

TEST_CASE("ApplyLayout does not depend on insertion order, bit for bit", "[graph][layout]") {
  std::vector<EdgeSpec> edges = MixedEdges();
  KnowledgeGraph forward = BuildGraph({"lonely_a", "lonely_b"}, edges);
  std::reverse(edges.begin(), edges.end());
  std::mt19937 shuffle_rng(7);
  std::shuffle(edges.begin(), edges.end(), shuffle_rng);
  KnowledgeGraph shuffled = BuildGraph({"lonely_b", "lonely_a"}, edges);
  REQUIRE(forward.num_nodes() == 37);
  REQUIRE(shuffled.num_nodes() == 37);

  ApplyLayout(&forward, LayoutOptions{});
  ApplyLayout(&shuffled, LayoutOptions{});
  auto a = Positions(forward);
  auto b = Positions(shuffled);
  for (const auto& [id, p] : a) {
    INFO(id);
    // Bit-for-bit: == on doubles, not Approx.
    CHECK(p.x == b[id].x);
    CHECK(p.y == b[id].y);
    CHECK(p.size == b[id].size);
  }
}

TEST_CASE("ApplyLayout gives a spread layout without overlapping nodes", "[graph][layout]") {
  KnowledgeGraph g = BuildGraph({"lonely_a", "lonely_b"}, MixedEdges());
  ApplyLayout(&g, LayoutOptions{});
  CHECK(Overlaps(g) == 0);

  double min_x = 1e300, max_x = -1e300, min_y = 1e300, max_y = -1e300;
  for (NodeId n = 0; n < g.num_nodes(); ++n) {
    REQUIRE(std::isfinite(g.node(n).x));
    REQUIRE(std::isfinite(g.node(n).y));
    min_x = std::min(min_x, g.node(n).x);
    max_x = std::max(max_x, g.node(n).x);
    min_y = std::min(min_y, g.node(n).y);
    max_y = std::max(max_y, g.node(n).y);
  }
  // A few hundred units, centred on the origin, roughly square.
  CHECK(max_x - min_x > 200);
  CHECK(max_x - min_x < 2000);
  CHECK(max_y - min_y > 200);
  CHECK(max_y - min_y < 2000);
  CHECK(std::abs(max_x + min_x) < 100);
  CHECK(std::abs(max_y + min_y) < 100);

  // Linked nodes sit closer than unlinked ones of the same component.
  double linked = 0, unlinked = 0;
  int nl = 0, nu = 0;
  for (int i = 0; i < 20; ++i) {
    for (int j = i + 1; j < 20; ++j) {
      const NodeData& p = g.node(*g.FindNode("ring" + std::to_string(i)));
      const NodeData& q = g.node(*g.FindNode("ring" + std::to_string(j)));
      double d = std::hypot(p.x - q.x, p.y - q.y);
      bool adjacent = (j == i + 1) || (i == 0 && j == 19);
      (adjacent ? linked : unlinked) += d;
      ++(adjacent ? nl : nu);
    }
  }
  CHECK(linked / nl < 0.6 * (unlinked / nu));
}

TEST_CASE("ApplyLayout sizes nodes from mentions, else from degree", "[graph][layout]") {
  KnowledgeGraph g = BuildGraph({}, {{"a", "supports", "b", false},
                                     {"a", "supports", "c", false},
                                     {"a", "supports", "d", false},
                                     {"e", "supports", "a", false}});
  g.AddMention(*g.FindNode("b"), "art1", 1);
  g.AddMention(*g.FindNode("c"), "art1", 25);
  g.AddMention(*g.FindNode("d"), "art1", 400);
  g.Finalize();
  ApplyLayout(&g, LayoutOptions{});
  CHECK(g.node(*g.FindNode("a")).size == 22.0);  // degree 4: 10 + 6 * 2
  CHECK(g.node(*g.FindNode("b")).size == 16.0);  // 10 + 6 * 1
  CHECK(g.node(*g.FindNode("c")).size == 40.0);  // 10 + 6 * 5
  CHECK(g.node(*g.FindNode("d")).size == 60.0);  // capped
  CHECK(g.node(*g.FindNode("e")).size == 16.0);  // degree 1
}

TEST_CASE("ApplyLayout keeps sizes when asked to and handles tiny graphs", "[graph][layout]") {
  KnowledgeGraph empty;
  ApplyLayout(&empty, LayoutOptions{});
  CHECK(empty.num_nodes() == 0);

  KnowledgeGraph g = BuildGraph({"only"}, {});
  g.node(0).size = 33;
  LayoutOptions options;
  options.set_sizes = false;
  ApplyLayout(&g, options);
  CHECK(g.node(0).size == 33);
  CHECK(g.node(0).x == 0);
  CHECK(g.node(0).y == 0);
}

TEST_CASE("ApplyLayout uses a spiral above the force threshold, still without overlaps",
          "[graph][layout]") {
  std::mt19937 rng(3);
  std::vector<EdgeSpec> edges;
  const int n = 3000;
  for (int i = 1; i < n; ++i) {
    std::uniform_int_distribution<int> pick(0, i - 1);
    edges.emplace_back("n" + std::to_string(i), "supports", "n" + std::to_string(pick(rng)), false);
    edges.emplace_back("n" + std::to_string(i), "concerns", "n" + std::to_string(pick(rng)), false);
  }
  KnowledgeGraph g = BuildGraph({}, edges);
  LayoutOptions options;
  options.max_force_nodes = 500;  // one component of 3000 nodes: the spiral
  auto start = std::chrono::steady_clock::now();
  ApplyLayout(&g, options);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  start)
                .count();
  CHECK(ms < 2000);
  CHECK(Overlaps(g) == 0);
  // The best connected node (n0 collects the most edges) sits near the centre.
  const NodeData& hub = g.node(*g.FindNode("n0"));
  CHECK(std::hypot(hub.x, hub.y) < 400);
}

}  // namespace
}  // namespace newsgraph
