#include "newsgraph/graph/edge_store.h"

#include <new>
#include <utility>

namespace newsgraph {

void EdgeStore::ChunkDeleter::operator()(EdgeData* chunk) const {
  ::operator delete (static_cast<void*>(chunk), std::align_val_t{alignof(EdgeData)});
}

EdgeStore::~EdgeStore() { Clear(); }

EdgeStore::EdgeStore(EdgeStore&& other) noexcept
    : chunks_(std::move(other.chunks_)), size_(std::exchange(other.size_, 0)) {
  other.chunks_.clear();
}

EdgeStore& EdgeStore::operator=(EdgeStore&& other) noexcept {
  if (this != &other) {
    Clear();
    chunks_ = std::move(other.chunks_);
    size_ = std::exchange(other.size_, 0);
    other.chunks_.clear();
  }
  return *this;
}

EdgeStore::EdgeStore(const EdgeStore& other) {
  Reserve(other.size_);
  for (size_t e = 0; e < other.size_; ++e) {
    new (NextSlot()) EdgeData(other[static_cast<EdgeId>(e)]);
    ++size_;
  }
}

EdgeStore& EdgeStore::operator=(const EdgeStore& other) {
  if (this != &other) *this = EdgeStore(other);
  return *this;
}

EdgeData& EdgeStore::Append(EdgeData&& data) {
  EdgeData* slot = new (NextSlot()) EdgeData(std::move(data));
  ++size_;
  return *slot;
}

EdgeData& EdgeStore::Append() {
  EdgeData* slot = new (NextSlot()) EdgeData();
  ++size_;
  return *slot;
}

void EdgeStore::Reserve(size_t edges) { chunks_.reserve((edges + kChunk - 1) >> kShift); }

EdgeData* EdgeStore::NextSlot() {
  if ((size_ & (kChunk - 1)) == 0 && (size_ >> kShift) == chunks_.size()) {
    void* raw = ::operator new (kChunk * sizeof(EdgeData), std::align_val_t{alignof(EdgeData)});
    chunks_.emplace_back(static_cast<EdgeData*>(raw));
  }
  return &chunks_[size_ >> kShift][size_ & (kChunk - 1)];
}

// Destroys the records (the chunks, raw storage, are freed by their
// deleter).
void EdgeStore::Clear() {
  for (size_t e = 0; e < size_; ++e) (*this)[static_cast<EdgeId>(e)].~EdgeData();
  size_ = 0;
  chunks_.clear();
}

}  // namespace newsgraph
