// Matcher: a multi-pattern automaton over token ids (a trie of token
// sequences), and Vocabulary, which turns token strings into those ids.
//
//   Vocabulary vocab;  Matcher m;
//   m.Add({vocab.Intern("asie"), vocab.Intern("centrale")}, /*payload=*/7);
//   m.Finalize();
//   keys[i] = vocab.Find(folded_token_i);              // kNoKey when unknown
//   Matcher::Match hit = m.LongestAt(keys, n, i, accept_all);   // hit.end == 0: none
//
// Patterns are sequences of token ids, so a match always starts and ends on
// token boundaries ("inde" never matches inside "indiens"). LongestAt walks
// the trie from one start token (O(pattern length)); FindAll scans a sentence
// leftmost-longest in one pass. No allocation at match time: the trie's edges
// live in one open-addressing table (one multiply and usually one probe per
// Child()).
// Build (Add, Finalize) from one thread; after Finalize every const method is
// safe from many threads.
#ifndef NEWSGRAPH_EXTRACT_MATCHER_H_
#define NEWSGRAPH_EXTRACT_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsgraph/text/string_hash.h"

namespace newsgraph {

inline constexpr uint32_t kNoKey = 0xFFFFFFFFu;

// Dense ids for strings. Find() takes a string_view (no allocation).
class Vocabulary {
 public:
  uint32_t Intern(std::string_view word);
  uint32_t Find(std::string_view word) const;  // kNoKey when unknown
  size_t size() const { return words_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return HashBytes(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<std::string> words_;
};

class Matcher {
 public:
  struct Match {
    uint32_t begin = 0;  // token index of the first token
    uint32_t end = 0;    // one past the last token; 0 when there is no match
    uint32_t node = 0;   // pass to Payloads()
  };

  // Adds a pattern (non-empty, no kNoKey) with a payload. Build time only.
  void Add(std::span<const uint32_t> keys, uint32_t payload);
  // Freezes the payload lists. REQUIRES: called once, after the last Add.
  void Finalize();

  // The node reached from `node` by `key`, or 0 (the root, meaning none).
  uint32_t Child(uint32_t node, uint32_t key) const {
    const uint64_t edge = (static_cast<uint64_t>(node) << 32) | key;
    for (size_t slot = EdgeSlot(edge);; slot = (slot + 1) & edge_mask_) {
      const Edge& e = edges_[slot];
      if (e.edge == edge) return e.child;
      if (e.edge == kNoEdge) return 0;
    }
  }
  std::span<const uint32_t> Payloads(uint32_t node) const {
    return {flat_payloads_.data() + payload_begin_[node],
            flat_payloads_.data() + payload_begin_[node + 1]};
  }

  // The longest pattern starting at keys[start] whose node `accept` returns
  // true for (accept sees only nodes that carry payloads).
  template <typename Accept>
  Match LongestAt(const uint32_t* keys, size_t n, size_t start, Accept&& accept) const {
    if (start >= n || keys[start] == kNoKey) return Match();
    return LongestFrom(keys, n, start, Child(0, keys[start]), accept);
  }

  // LongestAt when the caller already knows first_node = Child(0,
  // keys[start]) (0: no pattern starts with keys[start]), as the token key
  // cache does for every token: the walk starts one step in.
  template <typename Accept>
  Match LongestFrom(const uint32_t* keys, size_t n, size_t start, uint32_t first_node,
                    Accept&& accept) const {
    Match best;
    uint32_t node = first_node;
    size_t i = start;
    while (node != 0) {
      if (payload_begin_[node + 1] > payload_begin_[node] && accept(node)) {
        best = {static_cast<uint32_t>(start), static_cast<uint32_t>(i + 1), node};
      }
      if (++i >= n || keys[i] == kNoKey) break;
      node = Child(node, keys[i]);
    }
    return best;
  }

  // Leftmost-longest matches of the whole key sequence, appended to *out.
  void FindAll(const uint32_t* keys, size_t n, std::vector<Match>* out) const;

  // FindAll, with the node each position's key leads to from the root given
  // by first_node(i) (Child(0, keys[i]), 0 when no pattern starts with it or
  // the key is kNoKey): a caller that has it cached skips the first lookup.
  template <typename FirstNode>
  void FindAllFrom(const uint32_t* keys, size_t n, FirstNode&& first_node,
                   std::vector<Match>* out) const {
    size_t i = 0;
    while (i < n) {
      const uint32_t node = first_node(i);
      if (node == 0) {
        ++i;
        continue;
      }
      const Match m = LongestFrom(keys, n, i, node, [](uint32_t) { return true; });
      if (m.end == 0) {
        ++i;
      } else {
        out->push_back(m);
        i = m.end;
      }
    }
  }

  size_t node_count() const { return node_count_; }

 private:
  // (node << 32 | key) -> child; kNoEdge marks a free slot (no real edge has
  // key kNoKey). Linear probing, at most half full.
  static constexpr uint64_t kNoEdge = ~uint64_t{0};
  struct Edge {
    uint64_t edge = kNoEdge;
    uint32_t child = 0;
  };
  size_t EdgeSlot(uint64_t edge) const { return (edge * kHashMul) >> edge_shift_; }
  void InsertEdge(uint64_t edge, uint32_t child);

  std::vector<Edge> edges_ = std::vector<Edge>(16);
  size_t edge_mask_ = 15;
  int edge_shift_ = 60;  // 64 - log2(edges_.size())
  size_t edge_count_ = 0;
  std::vector<std::vector<uint32_t>> build_payloads_{1};
  std::vector<uint32_t> flat_payloads_;
  std::vector<uint32_t> payload_begin_{0, 0};
  uint32_t node_count_ = 1;
  // Bit k: some pattern starts with key k (built by Finalize), so FindAll
  // passes over the other tokens without a trie lookup.
  std::vector<uint64_t> first_keys_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_MATCHER_H_
