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
    const uint64_t edge = (static_cast<uint64_t>(node) << 32) | key;
    auto it = children_.find(edge);
    if (it == children_.end()) {
      const uint32_t child = node_count_++;
      children_.emplace(edge, child);
      build_payloads_.emplace_back();
      node = child;
    } else {
      node = it->second;
    }
  }
  std::vector<uint32_t>& list = build_payloads_[node];
  if (std::find(list.begin(), list.end(), payload) == list.end()) list.push_back(payload);
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
}

void Matcher::FindAll(const uint32_t* keys, size_t n, std::vector<Match>* out) const {
  size_t i = 0;
  while (i < n) {
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
