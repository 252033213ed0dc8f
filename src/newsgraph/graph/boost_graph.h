// The Boost.Graph storage behind KnowledgeGraph. Include only from graph/.
//
// adjacency_list<vecS, vecS, bidirectionalS> with the node data as a bundled
// property and, on each edge, its EdgeId: a vertex descriptor is the NodeId
// itself. The edge list is a vector too (EdgeListS vecS): nothing is
// removed, so edge e is g.m_edges[e] (its ends), with no allocation per edge
// (a std::list allocated a node per edge) and no edge descriptor kept per
// edge. The edge data is in `edge_data` (graph/edge_store.h), by EdgeId,
// not in the Boost edge list. Edges are appended by NewBoostEdge in
// knowledge_graph.cc, which fills the adjacency_list's (public) members
// instead of calling boost::add_edge: keep the selectors below as they are
// or update it.
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

#include "newsgraph/graph/edge_store.h"
#include "newsgraph/graph/hash_bytes.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

// The bundled property of a Boost edge: its handle (its data is
// Impl::edge_data[id]).
struct EdgeBundle {
  EdgeId id = 0;
};

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeData,
                                         EdgeBundle, boost::no_property, boost::vecS>;
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
// std::string per lookup; HashKeyBytes, not std::hash's general-purpose
// function (the keys are short ids and relation names).
struct TransparentStringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return HashKeyBytes(s); }
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

// Relation edges by EdgeTriple: an open-addressing table of (key, EdgeId)
// slots with linear probing, at most 3/4 full. std::unordered_map allocated
// a node per edge (a malloc and a likely cache miss per AddEdge); nothing is
// ever erased, so the table needs no tombstones.
class EdgeTripleIndex {
 public:
  static constexpr EdgeId kEmpty = static_cast<EdgeId>(-1);

  size_t size() const { return size_; }
  void reserve(size_t n) {
    if (n * 4 > slots_.size() * 3) Rehash(n);
  }
  const EdgeId* find(const EdgeTriple& k) const {
    if (size_ == 0) return nullptr;
    for (size_t i = Home(k);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.edge == kEmpty) return nullptr;
      if (s.key == k) return &s.edge;
    }
  }
  // REQUIRES: k is not in the table.
  void insert(const EdgeTriple& k, EdgeId e) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Rehash(size_ + 1);
    Place(k, e);
    ++size_;
  }
  // The edge of k, or null after inserting (k, e) when k is absent: one
  // probe where find() and then insert() take two.
  const EdgeId* find_or_insert(const EdgeTriple& k, EdgeId e) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Rehash(size_ + 1);
    size_t i = Home(k);
    for (; slots_[i].edge != kEmpty; i = (i + 1) & mask_) {
      if (slots_[i].key == k) return &slots_[i].edge;
    }
    slots_[i] = {k, e};
    ++size_;
    return nullptr;
  }

 private:
  struct Slot {
    EdgeTriple key;
    EdgeId edge = kEmpty;
  };
  size_t Home(const EdgeTriple& k) const {
    return (EdgeTripleHash()(k) * 0x9e3779b97f4a7c15ull) >> shift_;
  }
  void Place(const EdgeTriple& k, EdgeId e) {
    size_t i = Home(k);
    while (slots_[i].edge != kEmpty) i = (i + 1) & mask_;
    slots_[i] = {k, e};
  }
  // Room for n keys at most 3/4 full (at least 16 slots, a power of two).
  void Rehash(size_t n) {
    size_t capacity = 16;
    int bits = 4;
    while (n * 4 > capacity * 3) {
      capacity *= 2;
      ++bits;
    }
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    shift_ = 64 - bits;
    for (const Slot& s : old) {
      if (s.edge != kEmpty) Place(s.key, s.edge);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  int shift_ = 64;
  size_t size_ = 0;
};

// Node id -> NodeId for AddNode and FindNode: open addressing (linear
// probing, at most half full) over (hash, node) slots, with the ids read
// from the nodes themselves: no copy of each id and no hash node per entry,
// as a std::unordered_map keyed by id had. A node's id must not change once
// it is indexed.
class NodeIdIndex {
 public:
  static constexpr NodeId kNone = static_cast<NodeId>(-1);

  void reserve(size_t n) {
    if (2 * n > slots_.size()) Rehash(n);
  }
  // The node of `id` (hash == HashKeyBytes(id)), or kNone; id_of(n) is the
  // id of node n.
  template <typename IdOf>
  NodeId find(std::string_view id, uint64_t hash, const IdOf& id_of) const {
    if (size_ == 0) return kNone;
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.node == kNone) return kNone;
      if (s.hash == hash && id_of(s.node) == id) return s.node;
    }
  }
  // REQUIRES: no node of the same id is indexed.
  void insert(uint64_t hash, NodeId n) {
    if (2 * (size_ + 1) > slots_.size()) Rehash(size_ + 1);
    Place(hash, n);
    ++size_;
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    NodeId node = kNone;
  };
  void Place(uint64_t hash, NodeId n) {
    size_t i = hash & mask_;
    while (slots_[i].node != kNone) i = (i + 1) & mask_;
    slots_[i] = {hash, n};
  }
  // Room for n nodes at most half full (at least 16 slots, a power of two).
  void Rehash(size_t n) {
    size_t capacity = 16;
    while (capacity < 2 * n) capacity *= 2;
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (const Slot& s : old) {
      if (s.node != kNone) Place(s.hash, s.node);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

struct KnowledgeGraph::Impl {
  BoostGraph g;
  EdgeStore edge_data;            // by EdgeId
  NodeIdIndex by_id;              // node id -> handle
  StringMap<uint32_t> relations;  // relation name -> EdgeTriple::relation
  EdgeTripleIndex by_key;         // relation edges
  // The relation AddEdge looked up last and its number: edges usually come
  // in runs of one relation, or a few relations in all.
  std::string last_relation;
  uint32_t last_relation_number = UINT32_MAX;
  // Bumped by every non-const access to edges (and by adding nodes), so a
  // cached CompactAdjacency knows it is stale.
  uint64_t version = 0;
  mutable std::mutex adjacency_mutex;
  mutable std::shared_ptr<const CompactAdjacency> adjacency;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_BOOST_GRAPH_H_
