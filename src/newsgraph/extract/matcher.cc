#include "newsgraph/extract/matcher.h"

#include <algorithm>
#include <cassert>

namespace newsgraph {

uint32_t Vocabulary::Intern(std::string_view word) {
  auto it = ids_.find(word);
  if (it != ids_.end()) return it->second;
  const uint32_t id = static_cast<uint32_t>(words_.size());
  words_.emplace_back(word);
  ids_.emplace(std::string(word), id);
  return id;
}

uint32_t Vocabulary::Find(std::string_view word) const {
  auto it = ids_.find(word);
  return it == ids_.end() ? kNoKey : it->second;
}

void Matcher::Add(std::span<const uint32_t> keys, uint32_t payload) {
  assert(!keys.empty());
  uint32_t node = 0;
  for (uint32_t key : keys) {
    assert(key != kNoKey);
    const uint32_t existing = Child(node, key);
    if (existing == 0) {
      const uint32_t child = node_count_++;
      InsertEdge((static_cast<uint64_t>(node) << 32) | key, child);
      build_payloads_.emplace_back();
      node = child;
    } else {
      node = existing;
    }
  }
  std::vector<uint32_t>& list = build_payloads_[node];
  if (std::find(list.begin(), list.end(), payload) == list.end()) list.push_back(payload);
}

void Matcher::InsertEdge(uint64_t edge, uint32_t child) {
  if (2 * (edge_count_ + 1) > edges_.size()) {  // grow: keep the table at most half full
    std::vector<Edge> old = std::move(edges_);
    edges_.assign(old.size() * 2, Edge());
    edge_mask_ = edges_.size() - 1;
    --edge_shift_;
    for (const Edge& e : old) {
      if (e.edge == kNoEdge) continue;
      size_t slot = EdgeSlot(e.edge);
      while (edges_[slot].edge != kNoEdge) slot = (slot + 1) & edge_mask_;
      edges_[slot] = e;
    }
  }
  size_t slot = EdgeSlot(edge);
  while (edges_[slot].edge != kNoEdge) slot = (slot + 1) & edge_mask_;
  edges_[slot] = {edge, child};
  ++edge_count_;
}

void Matcher::Finalize() {
  payload_begin_.assign(node_count_ + 1, 0);
  flat_payloads_.clear();
  for (uint32_t n = 0; n < node_count_; ++n) {
    payload_begin_[n] = static_cast<uint32_t>(flat_payloads_.size());
    flat_payloads_.insert(flat_payloads_.end(), build_payloads_[n].begin(),
                          build_payloads_[n].end());
  }
  payload_begin_[node_count_] = static_cast<uint32_t>(flat_payloads_.size());
  build_payloads_.clear();
  build_payloads_.shrink_to_fit();
  first_keys_.clear();
  for (const Edge& e : edges_) {
    if (e.edge == kNoEdge || (e.edge >> 32) != 0) continue;  // root edges only
    const uint32_t key = static_cast<uint32_t>(e.edge);
    if (first_keys_.size() <= key / 64) first_keys_.resize(key / 64 + 1, 0);
    first_keys_[key / 64] |= uint64_t{1} << (key % 64);
  }
}

void Matcher::FindAll(const uint32_t* keys, size_t n, std::vector<Match>* out) const {
  size_t i = 0;
  while (i < n) {
    const uint32_t key = keys[i];
    if (key / 64 >= first_keys_.size() || !(first_keys_[key / 64] & (uint64_t{1} << (key % 64)))) {
      ++i;  // no pattern starts here (kNoKey included)
      continue;
    }
    Match m = LongestAt(keys, n, i, [](uint32_t) { return true; });
    if (m.end == 0) {
      ++i;
    } else {
      out->push_back(m);
      i = m.end;
    }
  }
}

}  // namespace newsgraph
