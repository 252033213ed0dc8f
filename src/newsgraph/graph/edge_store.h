// EdgeStore: the data of a graph's edges by EdgeId, for KnowledgeGraph.
// Include only from graph/.
//
//   EdgeStore store;
//   EdgeData& d = store.Append(std::move(data));   // moved in, EdgeId 0
//   store[0].evidence.push_back(...);
//
// Edges are numbered 0, 1, 2, ... as appended, and nothing is removed. The
// records live in chunks of kChunk that never move, so a reference from
// KnowledgeGraph::edge() stays valid while edges are added (as it did when
// the data was a Boost.Graph bundled property in a std::list node), and
// indexing is two loads. Keeping the data apart from the Boost edge list
// makes that list's nodes small (ends and id only), lets an edge's data be
// move-constructed in place (Boost's list_edge can only copy its property
// in, so it used to be default-built then move-assigned field by field)
// and puts the records that Finalize and the writers read in EdgeId order
// next to each other in memory.
#ifndef NEWSGRAPH_GRAPH_EDGE_STORE_H_
#define NEWSGRAPH_GRAPH_EDGE_STORE_H_

#include <cstddef>
#include <memory>
#include <vector>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

class EdgeStore {
 public:
  static constexpr size_t kShift = 8;
  static constexpr size_t kChunk = size_t{1} << kShift;  // records per chunk

  EdgeStore() = default;
  ~EdgeStore();
  EdgeStore(EdgeStore&& other) noexcept;
  EdgeStore& operator=(EdgeStore&& other) noexcept;
  EdgeStore(const EdgeStore& other);
  EdgeStore& operator=(const EdgeStore& other);

  size_t size() const { return size_; }
  EdgeData& operator[](EdgeId e) { return chunks_[e >> kShift][e & (kChunk - 1)]; }
  const EdgeData& operator[](EdgeId e) const { return chunks_[e >> kShift][e & (kChunk - 1)]; }

  // Appends an edge's data (moved in, or empty) as EdgeId size() - 1.
  EdgeData& Append(EdgeData&& data);
  EdgeData& Append();

  // Makes room for this many edges in the chunk table (the chunks
  // themselves are allocated as they fill).
  void Reserve(size_t edges);

 private:
  // Raw storage for kChunk records, constructed one by one as appended.
  struct ChunkDeleter {
    void operator()(EdgeData* chunk) const;
  };
  using Chunk = std::unique_ptr<EdgeData[], ChunkDeleter>;

  // The slot of the next record, with a chunk allocated for it.
  EdgeData* NextSlot();
  void Clear();

  std::vector<Chunk> chunks_;
  size_t size_ = 0;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_EDGE_STORE_H_
