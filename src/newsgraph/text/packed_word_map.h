// PackedWordMap: words of 1 to 8 bytes mapped to a byte of flags, looked up
// by the word's bytes packed into one 64-bit integer.
//
//   PackedWordMap m;
//   m.Add("juin", 3);                      // flags are or-ed together
//   uint8_t f = m.Find("juin");            // 3; 0 for a word never added
//
// For the date prefilter, which asks about thousands of short words per
// article: one multiply and usually one probe, where an unordered_map of
// strings hashes the bytes, divides by a prime and compares through memcmp.
// Words must not contain a NUL byte (the zero padding tells lengths apart).
// Build with Add, then Find from many threads (const).
#ifndef NEWSGRAPH_TEXT_PACKED_WORD_MAP_H_
#define NEWSGRAPH_TEXT_PACKED_WORD_MAP_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "newsgraph/text/string_hash.h"

namespace newsgraph {

class PackedWordMap {
 public:
  static constexpr size_t kMaxWord = 8;

  // REQUIRES: 1 <= word.size() <= kMaxWord, no NUL byte in word.
  void Add(std::string_view word, uint8_t flags) {
    if (2 * (count_ + 1) > slots_.size()) Grow();
    Slot& slot = SlotOf(Pack(word));
    if (slot.key == 0) {
      slot.key = Pack(word);
      ++count_;
    }
    slot.flags |= flags;
  }

  // The or of the flags added for `word`; 0 when it was never added (or is
  // empty or longer than kMaxWord).
  uint8_t Find(std::string_view word) const {
    if (word.empty() || word.size() > kMaxWord || slots_.empty()) return 0;
    return SlotOf(Pack(word)).flags;
  }
  // Find for a word its caller has packed: its 1 to 8 bytes in the low bytes
  // of `key`, first byte lowest, the rest zero (on a little-endian machine,
  // the word loaded with memcpy and masked to its length).
  uint8_t FindPacked(uint64_t key) const { return slots_.empty() ? 0 : SlotOf(key).flags; }

 private:
  struct Slot {
    uint64_t key = 0;  // the packed word; 0: free
    uint8_t flags = 0;
  };

  // The bytes of `word` in a little-endian word, zero-padded.
  static uint64_t Pack(std::string_view word) {
    if (word.size() == 8) {
      uint64_t w;
      std::memcpy(&w, word.data(), 8);
      return w;
    }
    return LoadShort(word.data(), word.size());
  }
  // The slot holding `key`, or the free slot where it would go (linear
  // probing; the table is at most half full, so there is one).
  const Slot& SlotOf(uint64_t key) const {
    size_t i = (key * kHashMul) >> shift_;
    while (slots_[i].key != key && slots_[i].key != 0) i = (i + 1) & (slots_.size() - 1);
    return slots_[i];
  }
  Slot& SlotOf(uint64_t key) { return const_cast<Slot&>(std::as_const(*this).SlotOf(key)); }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : 2 * old.size(), Slot());
    shift_ = 64;
    for (size_t n = slots_.size(); n > 1; n /= 2) --shift_;
    for (const Slot& s : old) {
      if (s.key != 0) SlotOf(s.key) = s;
    }
  }

  std::vector<Slot> slots_;
  int shift_ = 64;  // 64 - log2(slots_.size())
  size_t count_ = 0;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_TEXT_PACKED_WORD_MAP_H_
