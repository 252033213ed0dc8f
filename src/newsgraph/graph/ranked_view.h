// RankedView: the graph as a simple undirected graph over node ranks, the
// common ground of layout and metrics. Internal to graph/.
//
//   RankedView v = MakeRankedView(graph);
//   for (uint32_t r = 0; r < v.size(); ++r) Use(v.nodes[r], v.Neighbors(r));
//
// A node's rank is its position in KnowledgeGraph::SortedNodes() (by node id),
// so everything computed on the view is independent of insertion order.
// Edge direction, relations, parallel edges and self-loops are dropped: two
// ranks are adjacent when any edge joins them. A plain value; not synchronised.
#ifndef NEWSGRAPH_GRAPH_RANKED_VIEW_H_
#define NEWSGRAPH_GRAPH_RANKED_VIEW_H_

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

struct RankedView {
  std::vector<NodeId> nodes;        // rank -> node handle (SortedNodes order)
  std::vector<uint32_t> rank;       // node handle -> rank
  std::vector<uint32_t> offsets;    // CSR: neighbours of r are
  std::vector<uint32_t> adjacency;  //   adjacency[offsets[r] .. offsets[r+1]), ascending

  size_t size() const { return nodes.size(); }
  size_t num_edges() const { return adjacency.size() / 2; }
  std::span<const uint32_t> Neighbors(uint32_t r) const {
    return {adjacency.data() + offsets[r], adjacency.data() + offsets[r + 1]};
  }
};

RankedView MakeRankedView(const KnowledgeGraph& graph);

// Weakly connected components as ascending lists of ranks, largest first,
// ties by smallest rank.
std::vector<std::vector<uint32_t>> Components(const RankedView& view);

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_RANKED_VIEW_H_
