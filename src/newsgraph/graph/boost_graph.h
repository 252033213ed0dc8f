// The Boost.Graph storage behind KnowledgeGraph. Include only from graph/.
//
// adjacency_list<vecS, vecS, bidirectionalS> with the node and edge data as
// bundled properties: a vertex descriptor is the NodeId itself; edge
// descriptors are kept in `edges`, indexed by EdgeId (vecS storage keeps them
// valid because nothing is removed). Edges are appended by NewEdge in
// knowledge_graph.cc, which moves the data in through the adjacency_list's
// (public) members instead of boost::add_edge's two copies: keep the
// selectors above as they are or update it.
#ifndef NEWSGRAPH_GRAPH_BOOST_GRAPH_H_
#define NEWSGRAPH_GRAPH_BOOST_GRAPH_H_

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

struct EdgeBundle {
  EdgeId id = 0;
  EdgeData data;
};

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeData, EdgeBundle>;
using BoostVertex = boost::graph_traits<BoostGraph>::vertex_descriptor;
using BoostEdge = boost::graph_traits<BoostGraph>::edge_descriptor;

// A compact copy of the structure for searches (graph/paths.cc): for node u,
// arcs[offsets[u] .. offsets[u + 1]) are its out-edges then its in-edges.
struct CompactAdjacency {
  static constexpr uint32_t kOut = 1u << 31;        // u is the edge's source
  static constexpr uint32_t kSymmetric = 1u << 30;  // the edge was symmetric
  static constexpr uint32_t kEdgeMask = kSymmetric - 1;
  struct Arc {
    NodeId next;    // the other end
    uint32_t edge;  // EdgeId | kOut | kSymmetric
  };
  std::vector<uint32_t> offsets;        // num_nodes + 1
  std::vector<Arc> arcs;                // 2 * num_edges
  std::vector<int64_t> evidence_count;  // by EdgeId
  uint64_t version = 0;                 // Impl::version it was built at
};

// Lets the indexes below be searched with a string_view, without building a
// std::string per lookup.
struct TransparentStringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
template <typename T>
using StringMap = std::unordered_map<std::string, T, TransparentStringHash, std::equal_to<>>;

// The identity of a relation edge by handles: node ids are unique, so
// (source, relation, target) by handles is the same key as by ids, and needs
// no string per edge. `relation` is an index into Impl::relations.
struct EdgeTriple {
  NodeId source = 0;
  NodeId target = 0;
  uint32_t relation = 0;
  bool operator==(const EdgeTriple& o) const = default;
};
struct EdgeTripleHash {
  size_t operator()(const EdgeTriple& k) const {
    uint64_t h = (static_cast<uint64_t>(k.source) << 32 | k.target) * 0x9e3779b97f4a7c15ull;
    h ^= (h >> 29) + k.relation * 0xc2b2ae3d27d4eb4full;
    return static_cast<size_t>(h ^ (h >> 32));
  }
};

struct KnowledgeGraph::Impl {
  BoostGraph g;
  std::vector<BoostEdge> edges;   // by EdgeId
  StringMap<NodeId> by_id;        // node id -> handle
  StringMap<uint32_t> relations;  // relation name -> EdgeTriple::relation
  std::unordered_map<EdgeTriple, EdgeId, EdgeTripleHash> by_key;  // relation edges
  // Bumped by every non-const access to edges (and by adding nodes), so a
  // cached CompactAdjacency knows it is stale.
  uint64_t version = 0;
  mutable std::mutex adjacency_mutex;
  mutable std::shared_ptr<const CompactAdjacency> adjacency;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_BOOST_GRAPH_H_
