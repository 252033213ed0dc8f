// Cross-checks ShortestPaths against networkx on random graphs: hop counts of
// the shortest path and the costs of the k shortest loopless paths
// (networkx.shortest_simple_paths), directed and undirected, by hops and
// weighted. Skipped with a warning when python3 or networkx is missing.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <random>
#include <set>
#include <sstream>

#include "graph/graph_fixtures.h"
#include "newsgraph/graph/paths.h"

namespace newsgraph {
namespace {

constexpr const char* kScript = R"(import sys
import networkx as nx
from itertools import islice
lines = open(sys.argv[1]).read().split('\n')
undirected = lines[0] == 'undirected'
weighted = lines[1] == 'weighted'
k = int(lines[2])
g = nx.Graph() if undirected else nx.DiGraph()
queries = []
for line in lines[3:]:
    p = line.split()
    if not p:
        continue
    if p[0] == 'n':
        g.add_node(p[1])
    elif p[0] == 'e':
        w = float(p[3])
        if g.has_edge(p[1], p[2]):
            w = min(w, g[p[1]][p[2]]['weight'])
        g.add_edge(p[1], p[2], weight=w)
    else:
        queries.append((p[1], p[2]))
with open(sys.argv[2], 'w') as out:
    for s, t in queries:
        try:
            paths = list(islice(nx.shortest_simple_paths(g, s, t, weight='weight' if weighted else None), k))
        except nx.NetworkXNoPath:
            paths = []
        costs = [nx.path_weight(g, p, 'weight') if weighted else len(p) - 1 for p in paths]
        out.write(' '.join('%.12f' % c for c in costs) + '\n')
)";

bool HaveNetworkx() { return std::system("python3 -c 'import networkx' >/dev/null 2>&1") == 0; }

TEST_CASE("ShortestPaths agrees with networkx on random graphs", "[graph][paths][networkx]") {
  if (!HaveNetworkx()) {
    WARN("python3 with networkx is not available: skipping the networkx comparison");
    return;
  }
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("newsgraph_paths_nx_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  { std::ofstream(dir / "check.py") << kScript; }
  const size_t k = 6;
  int compared = 0;
  for (int round = 0; round < 8; ++round) {
    const bool undirected = round % 2 == 1;
    const bool weighted = round % 4 >= 2;
    std::mt19937 rng(100 + round);
    const int n = 25;
    KnowledgeGraph g;
    std::ostringstream input;  // 17 digits: networkx sees the exact costs
    input << std::setprecision(17);
    input << (undirected ? "undirected" : "directed") << "\n"
          << (weighted ? "weighted" : "hops") << "\n"
          << k << "\n";
    for (int i = 0; i < n; ++i) {
      g.AddNode(testing::MakeNode("v" + std::to_string(i)));
      input << "n v" << i << "\n";
    }
    for (int i = 0; i < 55; ++i) {
      const NodeId a = rng() % n, b = rng() % n;
      if (a == b) continue;
      const EdgeId e = g.AddEdge(a, i % 2 ? "supports" : "condemns", b, false);
      const int evidence = static_cast<int>(rng() % 4);
      for (int j = 0; j < evidence; ++j) {
        Evidence ev;
        ev.article_id = "art" + std::to_string(i);
        ev.begin = static_cast<uint64_t>(j);
        ev.end = static_cast<uint64_t>(j + 1);
        g.AddEvidence(e, ev);
      }
    }
    g.Finalize();
    PathOptions options;
    options.undirected = undirected;
    options.weighted = weighted;
    for (EdgeId e = 0; e < g.num_edges(); ++e) {
      input << "e " << g.node(g.source(e)).id << " " << g.node(g.target(e)).id << " "
            << HopCost(g, e, options) << "\n";
    }
    std::vector<std::pair<NodeId, NodeId>> queries;
    for (int q = 0; q < 12; ++q) {
      queries.emplace_back(rng() % n, rng() % n);
      if (queries.back().first == queries.back().second) queries.pop_back();
    }
    for (auto [s, t] : queries) input << "q " << g.node(s).id << " " << g.node(t).id << "\n";
    {
      std::string text = input.str();
      std::ofstream(dir / "graph.txt") << text;
    }
    const std::string command = "python3 " + (dir / "check.py").string() + " " +
                                (dir / "graph.txt").string() + " " + (dir / "out.txt").string();
    REQUIRE(std::system(command.c_str()) == 0);
    std::ifstream results(dir / "out.txt");
    for (auto [s, t] : queries) {
      std::string line;
      REQUIRE(std::getline(results, line));
      std::istringstream fields(line);
      std::vector<double> expected;
      for (double c; fields >> c;) expected.push_back(c);
      std::vector<Path> paths = ShortestPaths(g, s, t, k, options);
      INFO("round " << round << ": " << g.node(s).id << " -> " << g.node(t).id);
      REQUIRE(paths.size() == expected.size());
      for (size_t i = 0; i < paths.size(); ++i) {
        CHECK(paths[i].cost == Approx(expected[i]).margin(1e-9));
        // Each path is a real, loopless walk from s to t.
        std::set<NodeId> seen{s};
        NodeId at = s;
        for (const PathHop& hop : paths[i].hops) {
          CHECK(hop.from == at);
          CHECK((hop.forward ? g.source(hop.edge) : g.target(hop.edge)) == hop.from);
          CHECK((hop.forward ? g.target(hop.edge) : g.source(hop.edge)) == hop.to);
          if (!undirected) CHECK(hop.forward);
          CHECK(seen.insert(hop.to).second);
          at = hop.to;
        }
        CHECK(at == t);
      }
      ++compared;
    }
  }
  fs::remove_all(dir);
  CHECK(compared > 60);
}

}  // namespace
}  // namespace newsgraph
