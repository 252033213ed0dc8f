// Neighborhood: the nodes around a node, and the subgraph they induce, for
// the `neighbors` command.
//
//   auto near = Neighborhood(graph, india, /*depth=*/2, {});
//   KnowledgeGraph sub = InducedSubgraph(graph, NodesOf(near), {});
//
// Direction is ignored: a node is at distance d when d edges (either way)
// separate it from the centre. Pure functions of a const graph.
#ifndef NEWSGRAPH_GRAPH_NEIGHBORHOOD_H_
#define NEWSGRAPH_GRAPH_NEIGHBORHOOD_H_

#include <string>
#include <vector>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

struct Neighbor {
  NodeId node = 0;
  size_t distance = 0;
};

// Every node within `depth` hops of `center` (itself at distance 0), through
// edges whose relation is in `relations` (empty = all), sorted by distance
// then node id.
std::vector<Neighbor> Neighborhood(const KnowledgeGraph& graph, NodeId center, size_t depth,
                                   const std::vector<std::string>& relations);

std::vector<NodeId> NodesOf(const std::vector<Neighbor>& neighbors);

// A new graph with copies of `nodes`, the edges among them (only those with
// a relation in `relations` when it is not empty), the graph's title and the
// articles their evidence and mentions cite. Handles are not preserved; ids are.
KnowledgeGraph InducedSubgraph(const KnowledgeGraph& graph, const std::vector<NodeId>& nodes,
                               const std::vector<std::string>& relations);

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_NEIGHBORHOOD_H_
