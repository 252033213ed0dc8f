// The Boost.Graph storage behind KnowledgeGraph. Include only from graph/.
//
// adjacency_list<vecS, vecS, bidirectionalS> with the node and edge data as
// bundled properties: a vertex descriptor is the NodeId itself; edge
// descriptors are kept in `edges`, indexed by EdgeId (vecS storage keeps them
// valid because nothing is removed).
#ifndef NEWSGRAPH_GRAPH_BOOST_GRAPH_H_
#define NEWSGRAPH_GRAPH_BOOST_GRAPH_H_

#include <boost/graph/adjacency_list.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

struct EdgeBundle {
  EdgeId id = 0;
  EdgeData data;
};

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         NodeData, EdgeBundle>;
using BoostVertex = boost::graph_traits<BoostGraph>::vertex_descriptor;
using BoostEdge = boost::graph_traits<BoostGraph>::edge_descriptor;

struct KnowledgeGraph::Impl {
  BoostGraph g;
  std::vector<BoostEdge> edges;                   // by EdgeId
  std::unordered_map<std::string, NodeId> by_id;  // node id -> handle
  std::unordered_map<std::string, EdgeId> by_key; // relation edge id -> handle
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_BOOST_GRAPH_H_
