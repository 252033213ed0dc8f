// Metrics: what a graph contains and which nodes matter most, for the
// `stats` command and for callers that want numbers rather than text.
//
//   GraphStats stats = ComputeStats(graph, /*top_n=*/10);
//   std::cout << FormatStats(stats);
//
// Every list is deterministic: counts sorted by decreasing count then name,
// rankings by decreasing score then node id. Centralities are computed on the
// graph's SortedNodes() order, so insertion order never changes a number.
// Pure functions of the graph; safe to call concurrently on a const graph.
#ifndef NEWSGRAPH_GRAPH_METRICS_H_
#define NEWSGRAPH_GRAPH_METRICS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

struct NameCount {
  std::string name;  // a category or relation; "" when the element has none
  size_t count = 0;
  bool operator==(const NameCount& o) const = default;
};

struct NodeScore {
  NodeId node = 0;
  std::string id;
  std::string label;
  double score = 0;
};

struct StatsOptions {
  size_t top_n = 10;
  // Betweenness (Brandes, O(V E)) is exact when nodes * edges of the simple
  // undirected view is at most this; above, it is estimated from a sample of
  // max(1, budget / edges) source nodes (chosen with `seed`) and scaled by
  // nodes / sources. 0 skips betweenness.
  double betweenness_budget = 2e7;
  uint64_t seed = 20250606;
  // PageRank: damping 0.85; stops when the L1 change of an iteration drops
  // below `pagerank_tolerance` or after `pagerank_max_iterations`.
  double pagerank_damping = 0.85;
  double pagerank_tolerance = 1e-10;
  int pagerank_max_iterations = 200;
};

struct GraphStats {
  size_t num_nodes = 0;
  size_t num_edges = 0;
  std::vector<NameCount> categories;  // nodes by category
  std::vector<NameCount> relations;   // edges by relation
  // Weakly connected components (direction ignored), largest first.
  size_t num_components = 0;
  std::vector<size_t> component_sizes;

  // Degree: edges in plus edges out, parallel edges counted (self-loops twice).
  std::vector<NodeScore> top_degree;
  // Betweenness on the simple undirected view: the number of shortest paths
  // through a node summed over unordered pairs of other nodes (networkx's
  // betweenness_centrality(G.to_undirected(), normalized=False)).
  std::vector<NodeScore> top_betweenness;
  bool betweenness_computed = false;  // false when skipped (budget 0 or no edges)
  bool betweenness_sampled = false;   // true when estimated from sources
  size_t betweenness_sources = 0;     // sources used (all nodes when exact)
  // PageRank over directed edges (a symmetric relation counts both ways;
  // parallel edges count once; dangling nodes spread their rank evenly). Sums to 1.
  std::vector<NodeScore> top_pagerank;
  double pagerank_damping = 0.85;
  int pagerank_iterations = 0;
};

GraphStats ComputeStats(const KnowledgeGraph& graph, const StatsOptions& options);
GraphStats ComputeStats(const KnowledgeGraph& graph, size_t top_n);

// A readable text report, one section per field of GraphStats.
std::string FormatStats(const GraphStats& stats);

// Full score vectors by node handle, for callers and tests.
std::vector<double> Betweenness(const KnowledgeGraph& graph);  // exact (Boost)
std::vector<double> SampledBetweenness(const KnowledgeGraph& graph, size_t sources, uint64_t seed);
std::vector<double> PageRank(const KnowledgeGraph& graph, double damping, double tolerance,
                             int max_iterations, int* iterations = nullptr);

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_METRICS_H_
