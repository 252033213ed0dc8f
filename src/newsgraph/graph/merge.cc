#include "newsgraph/graph/merge.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <deque>
#include <iterator>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "newsgraph/base/edit_distance.h"
#include "newsgraph/graph/hash_bytes.h"

namespace newsgraph {
namespace {

constexpr uint32_t kNone = static_cast<uint32_t>(-1);
// Longer name keys are not searched for near misses (the deletion
// neighbourhood grows with the square of the length).
constexpr size_t kNearMissMaxLength = 64;

std::string_view ExtraValue(const Attributes& extra, std::string_view name) {
  auto it = extra.find(std::string(name));
  return it == extra.end() ? std::string_view() : std::string_view(it->second.value);
}

bool IsMergeAttribute(const std::string& name) {
  return name == kMergedIdsAttribute || name == kOtherCategoriesAttribute ||
         name == kOtherWikidataAttribute || name == kOtherIso3Attribute ||
         name == kUnkeyedNamesAttribute;
}

// True for ids a tool numbered ("12", "n12"), without a file scope.
bool LooksNumbered(std::string_view id) {
  size_t i = (!id.empty() && !(id[0] >= '0' && id[0] <= '9')) ? 1 : 0;
  if (i == 1 && !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z'))) return false;
  if (i >= id.size()) return false;
  for (; i < id.size(); ++i) {
    if (id[i] < '0' || id[i] > '9') return false;
  }
  return true;
}

// True for ids a tool numbered ("12", "n12"), also once scoped to their file
// ("n12_0123abcd", ScopeGeneratedIds): a merged node keeps another id when
// it has one (merge.h, "The merged node").
bool LooksGenerated(const std::string& id) {
  if (LooksNumbered(id)) return true;
  constexpr size_t kScope = 1 + kGeneratedIdScopeLength;
  if (id.size() <= kScope || id[id.size() - kScope] != '_') return false;
  for (size_t i = id.size() - kGeneratedIdScopeLength; i < id.size(); ++i) {
    if (!((id[i] >= '0' && id[i] <= '9') || (id[i] >= 'a' && id[i] <= 'f'))) return false;
  }
  return LooksNumbered(std::string_view(id).substr(0, id.size() - kScope));
}

// Smallest non-empty: the join used for every scalar string field.
void JoinMin(std::string* acc, const std::string& v) {
  if (!v.empty() && (acc->empty() || v < *acc)) *acc = v;
}
void JoinMax(std::string* acc, const std::string& v) {
  if (v > *acc) *acc = v;
}

std::string NormalType(const std::string& t) {
  static const std::set<std::string> kKnown = {"boolean", "int",    "long",
                                               "float",   "double", "string"};
  return kKnown.count(t) ? t : "string";
}

// The join of two GraphML attribute types (a lattice: int < long < double,
// int < float < double, all < string).
std::string JoinTypes(const std::string& a0, const std::string& b0) {
  std::string a = NormalType(a0), b = NormalType(b0);
  if (a == b) return a;
  auto numeric = [](const std::string& t) {
    return t == "int" || t == "long" || t == "float" || t == "double";
  };
  if (!numeric(a) || !numeric(b)) return "string";
  if ((a == "int" && b == "long") || (a == "long" && b == "int")) return "long";
  return "double";
}

std::string Quoted(const std::set<std::string>& values) {
  std::string out;
  for (const std::string& v : values) {
    if (!out.empty()) out += ", ";
    out += "'" + v + "'";
  }
  return out;
}

void DeletionVariants(const std::string& s, size_t depth, std::set<std::string>* out) {
  out->insert(s);
  if (depth == 0) return;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && s[i] == s[i - 1]) continue;  // same variant as deleting s[i-1]
    DeletionVariants(s.substr(0, i) + s.substr(i + 1), depth - 1, out);
  }
}

void AppendEscaped(const std::string& item, std::string* out) {
  for (char c : item) {
    if (c == '%')
      out->append("%25");
    else if (c == '|')
      out->append("%7C");
    else
      out->push_back(c);
  }
}

}  // namespace

std::string EncodeList(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out.push_back('|');
    AppendEscaped(item, &out);
  }
  return out;
}

std::set<std::string> DecodeList(std::string_view encoded) {
  std::set<std::string> items;
  if (encoded.empty()) return items;
  std::string item;
  for (size_t i = 0; i <= encoded.size(); ++i) {
    if (i == encoded.size() || encoded[i] == '|') {
      items.insert(std::move(item));
      item.clear();
    } else if (encoded.substr(i, 3) == "%25") {
      item.push_back('%');
      i += 2;
    } else if (encoded.substr(i, 3) == "%7C" || encoded.substr(i, 3) == "%7c") {
      item.push_back('|');
      i += 2;
    } else {
      item.push_back(encoded[i]);
    }
  }
  return items;
}

// ---------------------------------------------------------------------------
// IncrementalMerger, the one merge. The state is the join, so far, of every
// node and edge added (never finalized in between), grouped into blocks
// (result nodes) by the identity rules of merge.h; Result() builds the
// merged graph from those joins. Identity values are interned (Sym). Blocks
// are united with a union-find over block handles; edges are keyed by block
// handles, so a node whose chosen id changes costs nothing until Result(),
// and uniting two blocks re-keys only the edges of the block with fewer
// edges. When explaining, the state also keeps who held each identity key
// and the attribute values that disagreed; Report() reads them with the
// blocks.

namespace {

// Inserts x into the sorted vector; true if it was absent.
template <typename T>
bool InsertSorted(std::vector<T>* v, const T& x) {
  auto it = std::lower_bound(v->begin(), v->end(), x);
  if (it != v->end() && *it == x) return false;
  v->insert(it, x);
  return true;
}

// An interned string (see IncrementalMerger::State::Intern); 0 is "".
using Sym = uint32_t;

bool Contains(const std::vector<Sym>& v, Sym x) {
  if (v.size() <= 8) return std::find(v.begin(), v.end(), x) != v.end();
  return std::binary_search(v.begin(), v.end(), x);
}

void SortUnique(std::vector<Sym>* v) {
  if (v->size() < 2) return;  // the usual case: one value
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// True if every element of the sorted vector `part` is in the sorted `all`.
bool IsSubset(const std::vector<Sym>& part, const std::vector<Sym>& all) {
  return std::includes(all.begin(), all.end(), part.begin(), part.end());
}

inline bool SameBytes(const std::string& a, std::string_view b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), b.size()) == 0;
}

uint64_t Mix64(uint64_t h) {
  h ^= h >> 31;
  h *= 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 29);
}

// Strings numbered 0, 1, 2, ... in the order first seen, found again by an
// open-addressing table of (hash, number) slots: one probe into a flat
// array (and one string compare) per lookup, where std::unordered_map
// takes a bucket, a node and its key, each likely a cache miss here.
class StringTable {
 public:
  static constexpr uint32_t kAbsent = static_cast<uint32_t>(-1);

  size_t size() const { return text_.size(); }
  const std::string& text(uint32_t i) const { return *text_[i]; }
  // The string's address never changes (the table keeps it in a deque).
  const std::string* pointer(uint32_t i) const { return text_[i]; }

  uint32_t Find(std::string_view s) const { return Find(s, HashKeyBytes(s)); }

  // The number of s, adding it when new; `added` tells which. Most calls
  // find the string: adding is a separate function, so that the lookup
  // stays small.
  uint32_t Insert(std::string_view s, bool* added = nullptr) {
    const uint64_t h = HashKeyBytes(s);
    const uint32_t found = Find(s, h);
    if (added != nullptr) *added = found == kAbsent;
    return found != kAbsent ? found : Add(s, h);
  }

 private:
  uint32_t Find(std::string_view s, uint64_t h) const {
    if (slots_.empty()) return kAbsent;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.index == kAbsent) return kAbsent;
      if (slot.hash == static_cast<uint32_t>(h) && SameBytes(*text_[slot.index], s)) {
        return slot.index;
      }
    }
  }

  // Adds s (absent; h is its hash).
  uint32_t Add(std::string_view s, uint64_t h) {
    if (2 * (text_.size() + 1) > slots_.size()) Grow();
    size_t i = h & mask_;
    while (slots_[i].index != kAbsent) i = (i + 1) & mask_;
    slots_[i] = {static_cast<uint32_t>(h), static_cast<uint32_t>(text_.size())};
    strings_.emplace_back(s);
    text_.push_back(&strings_.back());
    return slots_[i].index;
  }

  struct Slot {
    uint32_t hash = 0;  // the low half of HashKeyBytes
    uint32_t index = kAbsent;
  };

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, 2 * old.size()), Slot());
    mask_ = slots_.size() - 1;
    for (uint32_t n = 0; n < text_.size(); ++n) {
      // The slot keeps only 32 bits of the hash: rehash the string.
      const uint64_t h = HashKeyBytes(*text_[n]);
      size_t i = h & mask_;
      while (slots_[i].index != kAbsent) i = (i + 1) & mask_;
      slots_[i] = {static_cast<uint32_t>(h), n};
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most half full
  size_t mask_ = 0;
  std::deque<std::string> strings_;
  std::vector<const std::string*> text_;  // number -> string
};

// A map from a small plain key to a uint32_t, open addressing with linear
// probing (at most three quarters full: at most half full, the last
// doubling of the edge key table cost more than the longer probe runs of a
// fuller one, and took twice the memory); erasing shifts the following run
// back, so there are no tombstones. `Hash` gives 64 well-mixed bits; `empty` is a key
// that is never stored.
template <typename Key, typename Hash>
class FlatMap {
 public:
  explicit FlatMap(Key empty) : empty_(empty) {}

  size_t size() const { return size_; }

  const uint32_t* Find(const Key& key) const {
    if (size_ == 0) return nullptr;
    for (size_t i = Hash()(key) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].key == key) return &slots_[i].value;
      if (slots_[i].key == empty_) return nullptr;
    }
  }
  uint32_t* Find(const Key& key) { return const_cast<uint32_t*>(std::as_const(*this).Find(key)); }

  // The value of `key`, set to `value` when the key is new (*added true).
  uint32_t* TryEmplace(const Key& key, uint32_t value, bool* added) {
    if (4 * (size_ + 1) > 3 * slots_.size()) Grow();
    size_t i = Hash()(key) & mask_;
    for (; !(slots_[i].key == empty_); i = (i + 1) & mask_) {
      if (slots_[i].key == key) {
        *added = false;
        return &slots_[i].value;
      }
    }
    slots_[i] = {key, value};
    ++size_;
    *added = true;
    return &slots_[i].value;
  }

  void Erase(const Key& key) {
    if (size_ == 0) return;
    size_t hole = Hash()(key) & mask_;
    while (!(slots_[hole].key == key)) {
      if (slots_[hole].key == empty_) return;
      hole = (hole + 1) & mask_;
    }
    // Move back every later entry of the run that may live in the hole
    // (its home slot is not between the hole and itself).
    for (size_t i = (hole + 1) & mask_; !(slots_[i].key == empty_); i = (i + 1) & mask_) {
      const size_t home = Hash()(slots_[i].key) & mask_;
      if (((i - home) & mask_) >= ((i - hole) & mask_)) {
        slots_[hole] = slots_[i];
        hole = i;
      }
    }
    slots_[hole].key = empty_;
    --size_;
  }

 private:
  struct Slot {
    Key key;
    uint32_t value;
  };

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, 2 * old.size()), Slot{empty_, 0});
    mask_ = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.key == empty_) continue;
      size_t i = Hash()(slot.key) & mask_;
      while (!(slots_[i].key == empty_)) i = (i + 1) & mask_;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most 3/4 full
  size_t mask_ = 0;
  size_t size_ = 0;
  Key empty_;
};

// True if every byte of `part` sorts above '.', the byte that joins the parts
// of a relation edge id. When every source id, relation and target id does,
// ids "<source>.<relation>.<target>" sort as the (source, relation, target)
// triples do: parts are compared in turn, and a part that is a prefix of the
// other's is followed by '.', which sorts below the other's next byte.
bool SortsAboveDot(std::string_view part) {
  for (char c : part) {
    if (static_cast<unsigned char>(c) <= '.') return false;
  }
  return true;
}

// The first eight bytes of s as a big-endian number (zero-padded): numbers
// compare as the prefixes do, so a < b implies prefix(a) <= prefix(b).
uint64_t BigEndianPrefix(std::string_view s) {
  uint64_t p = 0;
  for (size_t i = 0; i < 8; ++i) {
    p = p << 8 | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
  }
  return p;
}

// The '|'-list of items other than items[skip] (skip may be out of range).
std::string EncodeSorted(const std::vector<const std::string*>& items, size_t skip) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i == skip) continue;
    if (!out.empty()) out.push_back('|');
    AppendEscaped(*items[i], &out);
  }
  return out;
}

// Sets `name` to the items of `values` other than values[kept] (if any).
void SetRestAttribute(Attributes* extra, std::string_view name,
                      const std::vector<const std::string*>& values, size_t kept) {
  if (values.size() <= 1) return;
  (*extra)[std::string(name)] = Attribute{"string", EncodeSorted(values, kept)};
}

// The (type, value) pairs one attribute name had on the owners joined into
// one; kept (when explaining) only for the names that had more than one.
using VariantSet = std::set<std::pair<std::string, std::string>>;
using AttributeVariants = std::map<std::string, VariantSet>;

// Joins attr into out[name] (merge attributes excepted): one name with
// several (type, value) pairs gets the join of the types and the smallest
// value. With `variants` (explaining), the pairs of every name that has
// more than one go to *variants (created on need); `attr_variants` are the
// pairs behind `attr` when it is itself a join (else attr is its own pair).
void JoinAttribute(Attributes* out, const std::string& name, const Attribute& attr,
                   std::unique_ptr<AttributeVariants>* variants = nullptr,
                   const VariantSet* attr_variants = nullptr) {
  if (IsMergeAttribute(name)) return;
  auto [it, added] = out->try_emplace(name, attr);
  if (variants != nullptr) {
    VariantSet* have = nullptr;
    if (*variants != nullptr) {
      auto found = (*variants)->find(name);
      if (found != (*variants)->end()) have = &found->second;
    }
    if (added) {
      if (attr_variants != nullptr) {
        if (*variants == nullptr) *variants = std::make_unique<AttributeVariants>();
        (**variants)[name] = *attr_variants;
      }
    } else if (have != nullptr || attr_variants != nullptr || !(it->second == attr)) {
      VariantSet all;
      if (have != nullptr) {
        all = std::move(*have);
      } else {
        all.emplace(it->second.type, it->second.value);
      }
      if (attr_variants != nullptr) {
        all.insert(attr_variants->begin(), attr_variants->end());
      } else {
        all.emplace(attr.type, attr.value);
      }
      if (all.size() > 1) {
        if (*variants == nullptr) *variants = std::make_unique<AttributeVariants>();
        (**variants)[name] = std::move(all);
      }
    }
  }
  if (added || it->second == attr) return;
  it->second.type = JoinTypes(it->second.type, attr.type);
  if (attr.value < it->second.value) it->second.value = attr.value;
}

void JoinAttributesInto(Attributes* out, const Attributes& in,
                        std::unique_ptr<AttributeVariants>* variants = nullptr,
                        const AttributeVariants* in_variants = nullptr) {
  for (const auto& [name, attr] : in) {
    const VariantSet* pairs = nullptr;
    if (in_variants != nullptr) {
      auto it = in_variants->find(name);
      if (it != in_variants->end()) pairs = &it->second;
    }
    JoinAttribute(out, name, attr, variants, pairs);
  }
}

// "where: attribute 'name' has types ..." for a name with several pairs.
std::string AttributeConflict(const std::string& where, const std::string& name,
                              const VariantSet& pairs) {
  Attribute kept = {NormalType(pairs.begin()->first), pairs.begin()->second};
  std::set<std::string> types, values;
  for (const auto& [type, value] : pairs) {
    kept.type = JoinTypes(kept.type, type);
    kept.value = std::min(kept.value, value);
    types.insert(type);
    values.insert(value);
  }
  std::string message = where + ": attribute '" + name + "' ";
  if (types.size() > 1) {
    return message + "has types " + Quoted(types) + ", kept as " + kept.type + " '" + kept.value +
           "'";
  }
  return message + "has values " + Quoted(values) + ", kept '" + kept.value + "'";
}

// What decides a node's identity, as interned strings; every list sorted
// (by Sym) and unique.
struct Identity {
  std::vector<Sym> ids, wikidata, iso3, categories, names, unkeyed;
};

// Article mentions as (article number, count), sorted by number: articles
// are numbered as first seen (IncrementalMerger::State::article_numbers),
// so a block's list usually grows at its end, where a std::map keyed by
// article id compares strings down a tree for every mention.
using Mentions = std::vector<std::pair<uint32_t, int64_t>>;

// The join of the data of a block's members (merge.h, "The merged node").
struct NodeAcc {
  std::string label;  // the smallest label; the others are in aliases
  std::set<std::string> aliases;
  std::vector<std::string> dates;
  Mentions mentions;  // article_mentions, by article number
  std::string color;
  bool have_position = false;
  double x = 0, y = 0, size = 0;
  int64_t mention_count = 0;
  std::string first_seen, last_seen;
  Attributes extra;
  std::unique_ptr<AttributeVariants> variants;  // explaining only
  // The surfaces (IncrementalMerger::State::surfaces) joined as a label and
  // as an alias, sorted: joining one again changes nothing, so it is
  // skipped without comparing strings. Kept apart because a surface seen
  // only as an alias may still become the label.
  std::vector<uint32_t> labels_seen, aliases_seen;
};

// The sorted union of two sorted vectors, into *into.
void UniteSorted(std::vector<uint32_t>* into, const std::vector<uint32_t>& more) {
  if (more.empty()) return;
  std::vector<uint32_t> all;
  all.reserve(into->size() + more.size());
  std::set_union(into->begin(), into->end(), more.begin(), more.end(), std::back_inserter(all));
  *into = std::move(all);
}

// Per-article maximum of the mentions (both sorted by article number).
void JoinMentions(Mentions* into, const Mentions& in) {
  if (in.empty()) return;
  if (into->empty() || into->back().first < in.front().first) {
    into->insert(into->end(), in.begin(), in.end());  // the usual case: newer articles
    return;
  }
  if (in.size() <= 8) {
    for (const auto& [article, count] : in) {
      auto it = std::lower_bound(into->begin(), into->end(), std::make_pair(article, int64_t{0}),
                                 [](const auto& a, const auto& b) { return a.first < b.first; });
      if (it != into->end() && it->first == article) {
        it->second = std::max(it->second, count);
      } else {
        into->insert(it, {article, count});
      }
    }
    return;
  }
  Mentions all;
  all.reserve(into->size() + in.size());
  auto a = into->begin();
  auto b = in.begin();
  while (a != into->end() || b != in.end()) {
    if (b == in.end() || (a != into->end() && a->first < b->first)) {
      all.push_back(*a++);
    } else if (a == into->end() || b->first < a->first) {
      all.push_back(*b++);
    } else {
      all.push_back({a->first, std::max(a->second, b->second)});
      ++a;
      ++b;
    }
  }
  *into = std::move(all);
}

void JoinLabel(NodeAcc* acc, const std::string& label) {
  if (label.empty() || label == acc->label) return;
  if (acc->label.empty()) {
    acc->label = label;
  } else if (label < acc->label) {
    acc->aliases.insert(std::move(acc->label));
    acc->label = label;
  } else {
    acc->aliases.insert(label);
  }
}

void JoinPosition(NodeAcc* acc, double x, double y, double size) {
  if (x == 0 && y == 0 && size == 0) return;
  auto candidate = std::make_tuple(x, y, size);
  if (!acc->have_position || candidate < std::make_tuple(acc->x, acc->y, acc->size)) {
    std::tie(acc->x, acc->y, acc->size) = candidate;
    acc->have_position = true;
  }
}

// `label_surface` and `alias_surfaces` number in.label and in.aliases (in
// their order) as NodeAcc::labels_seen does; `mentions` are
// in.article_mentions numbered. `explain`: keep the attribute variants (for
// MergeReport::conflicts).
void JoinNode(NodeAcc* acc, const NodeData& in, uint32_t label_surface,
              const std::vector<uint32_t>& alias_surfaces, const Mentions& mentions, bool explain) {
  if (InsertSorted(&acc->labels_seen, label_surface)) JoinLabel(acc, in.label);
  if (!in.date.empty()) InsertSorted(&acc->dates, in.date);
  auto surface = alias_surfaces.begin();
  for (const std::string& alias : in.aliases) {
    if (InsertSorted(&acc->aliases_seen, *surface++)) acc->aliases.insert(alias);
  }
  JoinMentions(&acc->mentions, mentions);
  JoinMin(&acc->color, in.color);
  JoinPosition(acc, in.x, in.y, in.size);
  // Finalize derives these from the article mentions when the merged node
  // has any: only a member without them has values to keep.
  if (in.article_mentions.empty()) {
    acc->mention_count = std::max(acc->mention_count, in.mention_count);
    JoinMin(&acc->first_seen, in.first_seen);
    JoinMax(&acc->last_seen, in.last_seen);
  }
  JoinAttributesInto(&acc->extra, in.extra, explain ? &acc->variants : nullptr);
}

void JoinNodeAcc(NodeAcc* acc, NodeAcc&& in, bool explain) {
  JoinLabel(acc, in.label);
  UniteSorted(&acc->labels_seen, in.labels_seen);
  UniteSorted(&acc->aliases_seen, in.aliases_seen);
  for (const std::string& d : in.dates) InsertSorted(&acc->dates, d);
  if (acc->aliases.empty()) {
    acc->aliases = std::move(in.aliases);
  } else {
    acc->aliases.merge(in.aliases);
  }
  JoinMentions(&acc->mentions, in.mentions);
  JoinMin(&acc->color, in.color);
  if (in.have_position) JoinPosition(acc, in.x, in.y, in.size);
  acc->mention_count = std::max(acc->mention_count, in.mention_count);
  JoinMin(&acc->first_seen, in.first_seen);
  JoinMax(&acc->last_seen, in.last_seen);
  JoinAttributesInto(&acc->extra, in.extra, explain ? &acc->variants : nullptr, in.variants.get());
}

// The fields of an edge part other than its evidence, relation and scalars
// (EdgeScalars, joined in the record itself), one part at a time. The
// fields Finalize derives from evidence (weight, evidence_count, modality,
// article_ids, first/last_seen) matter only for edges without evidence, so
// they are joined only when `join_derived`: from an input edge without
// evidence, or from a record (which holds only what such edges gave). An
// input edge with evidence makes the merged edge one with evidence, whose
// derived fields Finalize overwrites.
// With `variants` (explaining), attribute variants are kept as by JoinAttribute.
void JoinEdgeFields(EdgeData* into, const EdgeData& from, bool first, bool join_derived,
                    std::unique_ptr<AttributeVariants>* variants = nullptr,
                    const AttributeVariants* from_variants = nullptr) {
  JoinAttributesInto(&into->extra, from.extra, variants, from_variants);
  if (!join_derived) return;
  into->weight = first ? from.weight : std::max(into->weight, from.weight);
  into->evidence_count = std::max(into->evidence_count, from.evidence_count);
  JoinMin(&into->modality, from.modality);
  if (!from.article_ids.empty()) {
    std::vector<std::string> ids;
    ids.reserve(into->article_ids.size() + from.article_ids.size());
    std::vector<std::string> sorted = from.article_ids;
    std::sort(sorted.begin(), sorted.end());
    std::set_union(into->article_ids.begin(), into->article_ids.end(), sorted.begin(), sorted.end(),
                   std::back_inserter(ids));
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    into->article_ids = std::move(ids);
  }
  JoinMin(&into->first_seen, from.first_seen);
  JoinMax(&into->last_seen, from.last_seen);
}

// True if joining `in` (as JoinEdgeFields does, with `join_derived`) can
// change a default-built EdgeData: a record keeps those joined fields apart
// (EdgeRecord::fields) only once an input had some; an extracted edge has
// none (it has evidence, and no extra attributes).
bool HasEdgeFields(const EdgeData& in, bool join_derived) {
  return join_derived || !in.extra.empty();
}

// The scalar fields of a merged edge, joined in its record: label, cameo and
// color as interned values (IncrementalMerger::State::edge_values, where 0
// is ""; each the smallest non-empty), goldstein (the smallest), symmetric
// (if any part was).
struct EdgeScalars {
  uint32_t label = 0, cameo = 0, color = 0;
  bool symmetric = false;
  std::optional<double> goldstein;
};

// Sets the fields a record joins in EdgeRecord::fields (extra attributes,
// derived fields) of `out` to those of `from` (an EdgeData, moved or copied).
template <typename Fields>
void SetEdgeFields(EdgeData* out, Fields&& from) {
  out->extra = std::forward<Fields>(from).extra;
  out->weight = from.weight;
  out->evidence_count = from.evidence_count;
  out->modality = std::forward<Fields>(from).modality;
  out->article_ids = std::forward<Fields>(from).article_ids;
  out->first_seen = std::forward<Fields>(from).first_seen;
  out->last_seen = std::forward<Fields>(from).last_seen;
}

// What a record without joined fields stands for (a default-built EdgeData).
const EdgeData& NoEdgeFields() {
  static const EdgeData kNone;
  return kNone;
}

enum EdgeKind : uint8_t { kSymmetricRelation, kDirectedRelation, kForeignEdge };

// A merged edge's key: block handles (roots when current), the interned
// relation (or foreign edge id) and the kind. Symmetric relations hold the
// smaller handle first; which endpoint is the source is decided by the ids
// in Result().
struct EdgeKey {
  uint32_t source = 0, target = 0, label = 0;
  EdgeKind kind = kDirectedRelation;
  bool operator==(const EdgeKey& o) const = default;
};
struct EdgeKeyHash {
  size_t operator()(const EdgeKey& k) const {
    uint64_t h = (static_cast<uint64_t>(k.source) << 32 | k.target) * 0x9E3779B97F4A7C15ull;
    h ^= (static_cast<uint64_t>(k.label) << 2 | k.kind) * 0xC2B2AE3D27D4EB4Full;
    return static_cast<size_t>(Mix64(h ^ (h >> 32)));
  }
};
// Block handles are below kNone: no edge has this key.
constexpr EdgeKey kNoEdgeKey = {kNone, kNone, kNone, kForeignEdge};

struct NameHash {
  size_t operator()(uint64_t pair) const { return static_cast<size_t>(Mix64(pair)); }
};
// Syms are below kNone: no (category, name) pair has this key.
constexpr uint64_t kNoNamePair = ~uint64_t{0};

// Where an evidence record is, in one merged edge.
struct PlaceKey {
  uint32_t edge = 0;
  uint64_t begin = 0, end = 0;
  size_t article_hash = 0;
  bool operator==(const PlaceKey& o) const = default;
};
struct PlaceKeyHash {
  size_t operator()(const PlaceKey& k) const {
    uint64_t h = k.article_hash ^ (k.begin * 0x9E3779B97F4A7C15ull);
    h ^= (k.end + (static_cast<uint64_t>(k.edge) << 40)) * 0xC2B2AE3D27D4EB4Full;
    return static_cast<size_t>(h ^ (h >> 31));
  }
};

// Edges with this many evidence records get their places indexed; shorter
// lists are searched.
constexpr size_t kIndexedEvidence = 12;

// True if `list` has one record per place, in order (as Finalize leaves
// it): records of one place would be neighbours.
bool OnePerPlace(const std::vector<Evidence>& list) {
  for (size_t i = 1; i < list.size(); ++i) {
    if (list[i].SamePlace(list[i - 1]) || list[i] < list[i - 1]) return false;
  }
  return true;
}

// The items of an evidence record's rule or reported_by: one value, or a
// '|'-list when records at one place named different ones (merge.h).
std::set<std::string> ListItems(const std::string& value) {
  if (value.find('|') == std::string::npos && value.find('%') == std::string::npos) {
    return value.empty() ? std::set<std::string>() : std::set<std::string>{value};
  }
  return DecodeList(value);
}

void UniteList(std::string* into, const std::string& from) {
  if (from.empty() || from == *into) return;
  if (into->empty()) {
    *into = from;
    return;
  }
  std::set<std::string> all = ListItems(*into);
  all.merge(ListItems(from));
  *into = EncodeList(all);
}

// Joins `ev` into `have`, a record at the same place: the record with the
// smaller reading (modality, sentence) is kept; of two with the same
// reading, the rules and the reporters are united. The record kept then
// depends on no node id (it does not change when a later merge unites
// reporters), and every rule that found the evidence stays on it.
void JoinEvidence(Evidence* have, Evidence&& ev) {
  const int c = ev.modality != have->modality ? (ev.modality < have->modality ? -1 : 1)
                                              : ev.sentence.compare(have->sentence);
  if (c < 0) {
    *have = std::move(ev);
    return;
  }
  if (c > 0) return;
  UniteList(&have->rule, ev.rule);
  UniteList(&have->reported_by, ev.reported_by);
}

// A growing array whose elements never move: chunks of 256, so indexing is
// two loads (a std::deque of large elements allocates and indexes them one
// by one).
template <typename T>
class StableVector {
 public:
  static constexpr size_t kShift = 8;
  static constexpr size_t kChunk = size_t{1} << kShift;

  size_t size() const { return size_; }
  T& operator[](size_t i) { return chunks_[i >> kShift][i & (kChunk - 1)]; }
  const T& operator[](size_t i) const { return chunks_[i >> kShift][i & (kChunk - 1)]; }
  T& emplace_back() {
    if ((size_ & (kChunk - 1)) == 0) chunks_.push_back(std::make_unique<T[]>(kChunk));
    return (*this)[size_++];
  }

 private:
  std::vector<std::unique_ptr<T[]>> chunks_;
  size_t size_ = 0;
};

}  // namespace

struct IncrementalMerger::State {
  struct Block {
    Identity identity;
    NodeAcc acc;
    std::vector<uint32_t> edges;  // incident edge records (some merged away)
    // Explaining: the fewest categories a member had (fewer than the
    // block's: its members differ in their categories).
    size_t min_categories = SIZE_MAX;
  };
  struct NameEntry {
    bool unified = false;          // some holder has the name unkeyed
    std::vector<uint32_t> blocks;  // holders (one when unified)
  };
  // A merged edge, compact (~96 bytes): its relation (or foreign id) is
  // key.label, its label, cameo, color, goldstein and symmetric are
  // joined as EdgeScalars, its evidence is a list, and the other fields of
  // its parts are joined into `fields` only when a part had any
  // (HasEdgeFields). A whole EdgeData per record (~430 bytes) made the
  // records the largest part of the merge's memory, and each read of one in
  // Export several cache misses.
  struct EdgeRecord {
    uint32_t source = 0, target = 0;  // block handles, in the parts' direction
    EdgeKey key;                      // as indexed
    bool alive = true;
    bool indexed = false;  // evidence places are in `places`
    EdgeScalars scalars;
    std::vector<Evidence> evidence;  // one record per place
    // The join of the parts' extra attributes and, from parts without
    // evidence, derived fields; null while that join is a default-built
    // EdgeData. Only those fields of it are used.
    std::unique_ptr<EdgeData> fields;
    std::unique_ptr<AttributeVariants> variants;  // explaining only
  };
  // Explaining: the input nodes that held one identity key.
  struct KeyHolders {
    std::map<std::string, bool> ids;  // own id -> held by a label or alias name
    size_t records = 0;               // input nodes
    bool unifies = false;             // an id, or a name some holder has unkeyed
  };
  // An edge of the result: its record(s) (see Export); StagedId gives its
  // id.
  struct Staged {
    uint32_t source, target;  // blocks
    uint32_t record, other;   // other: a second record, or kNone
  };

  State(const MergeOptions& o, bool e) : options(o), explain(e) {
    Intern("");
    edge_values.Insert("");
    for (const std::string& c : options.id_only_categories) id_only.push_back(Intern(c));
    SortUnique(&id_only);
  }

  MergeOptions options;
  bool explain;
  std::vector<uint32_t> parent;                // union-find over block handles
  std::vector<std::unique_ptr<Block>> blocks;  // null once absorbed
  size_t live_blocks = 0;
  // Every id, Wikidata id, ISO3 code, category and name key, interned.
  StringTable symbols;       // Sym -> its string
  std::vector<Sym> id_only;  // options.id_only_categories
  // Sym -> the block registered under it as an id / Wikidata id / ISO3 code
  // (kNone, or past the end: none).
  std::vector<uint32_t> by_id, by_wikidata, by_iso3;
  // (category, name key) Syms -> index in name_entries.
  FlatMap<uint64_t, NameHash> by_name{kNoNamePair};
  std::vector<NameEntry> name_entries;
  StringTable surfaces;                                // labels and aliases seen
  std::vector<Sym> name_key_of;                        // surface -> its name key
  std::vector<std::pair<uint32_t, uint32_t>> pending;  // unions to make
  // Scratch space, reused from node to node.
  std::string scratch;
  Identity member;
  uint32_t label_surface = 0;            // of `member`'s node
  std::vector<uint32_t> alias_surfaces;  // of its aliases, in order
  Mentions member_mentions;              // its article mentions
  // MemberIdentity's memo: id Sym -> offset in memo_pool of its first
  // variant (kNone: none); at most kMemoVariants per id (the forms of one
  // entity in different articles).
  std::vector<uint32_t> memo_of, memo_pool;
  static constexpr uint32_t kMemoVariants = 4;
  std::vector<Sym> new_names, new_unkeyed, new_categories;

  StableVector<EdgeRecord> edges;  // records never move
  FlatMap<EdgeKey, EdgeKeyHash> by_edge{kNoEdgeKey};
  StringTable labels;                            // relation or foreign edge id -> label
  StringTable edge_values;                       // edges' labels, cameo codes, colors
  StringTable article_numbers;                   // article ids of node mentions
  uint32_t last_article = StringTable::kAbsent;  // the one numbered last
  std::vector<uint8_t> label_kinds;              // label -> bit set of EdgeKinds used
  std::unordered_map<PlaceKey, uint32_t, PlaceKeyHash> places;  // -> index in evidence

  std::string title;
  std::map<std::string, ArticleInfo> articles;
  Attributes graph_extra;

  // Explaining only: key ("i", "w" or "s" + value, "n" + category + '\x1f'
  // + name key) -> holders; attribute variants of the graph; articles whose
  // metadata differed.
  std::unordered_map<std::string, KeyHolders> holders;
  std::unique_ptr<AttributeVariants> graph_variants;
  std::set<std::string> article_conflicts;

  uint32_t Find(uint32_t x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
  uint32_t FindConst(uint32_t x) const {
    while (parent[x] != x) x = parent[x];
    return x;
  }

  Sym Intern(std::string_view value) { return symbols.Insert(value); }
  const std::string* Text(Sym s) const { return symbols.pointer(s); }

  // The strings of `syms`, in string order.
  std::vector<const std::string*> Sorted(const std::vector<Sym>& syms) const {
    std::vector<const std::string*> out;
    out.reserve(syms.size());
    for (Sym s : syms) out.push_back(Text(s));
    std::sort(out.begin(), out.end(),
              [](const std::string* a, const std::string* b) { return *a < *b; });
    return out;
  }

  static uint32_t Lookup(const std::vector<uint32_t>& index, Sym key) {
    return key < index.size() ? index[key] : kNone;
  }

  // The name key of a label or alias; *number is its number in `surfaces`.
  Sym NameKeyOf(const std::string& surface, uint32_t* number) {
    bool added = false;
    *number = surfaces.Insert(surface, &added);
    if (added) name_key_of.push_back(Intern(NameKey(surface, options.names)));
    return name_key_of[*number];
  }

  // An own value plus the values an earlier merge recorded beside it, as
  // sorted Syms (without "").
  void Values(const std::string& own, const Attributes& extra, std::string_view attribute,
              std::vector<Sym>* out) {
    out->clear();
    if (!own.empty()) out->push_back(Intern(own));
    std::string_view encoded = extra.empty() ? std::string_view() : ExtraValue(extra, attribute);
    if (encoded.empty()) return;
    for (const std::string& v : DecodeList(encoded)) {
      if (!v.empty()) out->push_back(Intern(v));
    }
    SortUnique(out);
  }

  // The identity of one input node, written over `member` (reused), with
  // label_surface and alias_surfaces. A node without extra attributes
  // (those of an earlier merge) has an identity that depends on its id,
  // Wikidata id, ISO3 code, category, label and aliases alone: the first
  // such node of each id is remembered, and a later one with the same
  // values (an entity seen again, as most input nodes are) takes its
  // identity from there, without interning its values and names again.
  void MemberIdentity(const NodeData& nd) {
    if (!nd.extra.empty()) {
      ComputeIdentity(nd, StringTable::kAbsent);
      return;
    }
    const Sym id = Intern(nd.id);
    uint32_t variants = 0, last = kNone;
    for (uint32_t at = id < memo_of.size() ? memo_of[id] : kNone; at != kNone; at = memo_pool[at]) {
      if (FromMemo(at, id, nd)) return;
      ++variants;
      last = at;
    }
    ComputeIdentity(nd, id);
    if (variants < kMemoVariants) Remember(id, last);
  }

  // MemberIdentity computed from the node's values; `id` is nd.id interned,
  // or StringTable::kAbsent.
  void ComputeIdentity(const NodeData& nd, Sym id) {
    Identity& m = member;
    if (id != StringTable::kAbsent) {
      m.ids.assign(1, id);  // no extra attributes: the own id alone
    } else {
      Values(nd.id, nd.extra, kMergedIdsAttribute, &m.ids);
    }
    Values(nd.wikidata, nd.extra, kOtherWikidataAttribute, &m.wikidata);
    Values(nd.iso3, nd.extra, kOtherIso3Attribute, &m.iso3);
    Values(nd.category, nd.extra, kOtherCategoriesAttribute, &m.categories);
    m.names.clear();
    // A label and its aliases mostly share one key: a key equal to the one
    // before is not pushed, so the list usually needs no sort.
    const auto add_name = [&m](Sym k) {
      if (k != 0 && (m.names.empty() || m.names.back() != k)) m.names.push_back(k);
    };
    add_name(NameKeyOf(nd.label, &label_surface));
    alias_surfaces.clear();
    for (const std::string& alias : nd.aliases) {
      uint32_t number = 0;
      add_name(NameKeyOf(alias, &number));
      alias_surfaces.push_back(number);
    }
    SortUnique(&m.names);
    if (m.wikidata.empty() && m.iso3.empty()) {
      m.unkeyed = m.names;
    } else {
      Values(std::string(), nd.extra, kUnkeyedNamesAttribute, &m.unkeyed);
    }
  }

  // The memo of MemberIdentity for a node without extra attributes whose
  // id is `id`, appended to the variants remembered for that id (`last` is
  // the last of them, or kNone). A variant is written in memo_pool as: the
  // offset of the next variant (kNone: none), Wikidata id, ISO3 code,
  // category (Syms, 0 for none), label surface, the number of aliases and
  // their surfaces, the number of names and the names. The own id is the
  // only id; the unkeyed names are the names without a Wikidata id and an
  // ISO3 code, else none. memo_of[id] is the offset of the first variant.
  void Remember(Sym id, uint32_t last) {
    const Identity& m = member;
    const uint32_t at = static_cast<uint32_t>(memo_pool.size());
    if (last != kNone) {
      memo_pool[last] = at;
    } else {
      if (id >= memo_of.size()) memo_of.resize(std::max<size_t>(id + 1, symbols.size()), kNone);
      memo_of[id] = at;
    }
    memo_pool.push_back(kNone);
    memo_pool.push_back(m.wikidata.empty() ? 0 : m.wikidata.front());
    memo_pool.push_back(m.iso3.empty() ? 0 : m.iso3.front());
    memo_pool.push_back(m.categories.empty() ? 0 : m.categories.front());
    memo_pool.push_back(label_surface);
    memo_pool.push_back(static_cast<uint32_t>(alias_surfaces.size()));
    memo_pool.insert(memo_pool.end(), alias_surfaces.begin(), alias_surfaces.end());
    memo_pool.push_back(static_cast<uint32_t>(m.names.size()));
    memo_pool.insert(memo_pool.end(), m.names.begin(), m.names.end());
  }

  // True if `value` is the text of `sym` (0: "").
  bool IsSym(const std::string& value, Sym sym) const {
    return value.empty() ? sym == 0 : sym != 0 && SameBytes(symbols.text(sym), value);
  }

  // Sets the member's identity from the variant remembered at `offset` for
  // `id` when the node `nd` (without extra attributes) has its values;
  // false, changing nothing, when it does not.
  bool FromMemo(uint32_t offset, Sym id, const NodeData& nd) {
    const uint32_t* at = memo_pool.data() + offset + 1;
    const Sym wikidata = at[0], iso3 = at[1], category = at[2];
    const uint32_t label = at[3], aliases = at[4];
    // What differs most often between two nodes of one entity first: the
    // aliases, then the label.
    if (nd.aliases.size() != aliases) return false;
    const uint32_t* alias = at + 5;
    for (const std::string& a : nd.aliases) {
      if (!SameBytes(surfaces.text(*alias++), a)) return false;
    }
    if (!SameBytes(surfaces.text(label), nd.label) || !IsSym(nd.category, category) ||
        !IsSym(nd.wikidata, wikidata) || !IsSym(nd.iso3, iso3)) {
      return false;
    }
    const uint32_t* names = alias + 1;
    const uint32_t* names_end = names + *alias;
    // Small lists, written element by element (vector::assign is a call
    // that costs more than the copy).
    const auto set = [](std::vector<Sym>* v, const uint32_t* begin, const uint32_t* end) {
      v->clear();
      for (const uint32_t* p = begin; p != end; ++p) v->push_back(*p);
    };
    Identity& m = member;
    set(&m.ids, &id, &id + 1);
    set(&m.wikidata, at, at + (wikidata != 0 ? 1 : 0));
    set(&m.iso3, at + 1, at + 1 + (iso3 != 0 ? 1 : 0));
    set(&m.categories, at + 2, at + 2 + (category != 0 ? 1 : 0));
    set(&m.names, names, names_end);
    set(&m.unkeyed, names, wikidata == 0 && iso3 == 0 ? names_end : names);
    label_surface = label;
    set(&alias_surfaces, at + 5, at + 5 + aliases);
    return true;
  }

  bool IdOnly(Sym category) const { return Contains(id_only, category); }

  void Hold(char kind, const std::string* category, const std::string& value, const std::string& id,
            bool named, bool unifies) {
    scratch.assign(1, kind);
    if (category != nullptr) scratch.append(*category).push_back('\x1f');
    scratch.append(value);
    KeyHolders& h = holders[scratch];
    bool& by_name = h.ids[id];
    by_name = by_name || named;
    ++h.records;
    h.unifies = h.unifies || unifies;
  }

  // Records which keys the input node `id` (identity `member`) holds.
  void ExplainMember(const std::string& id) {
    const Identity& m = member;
    for (Sym v : m.ids) Hold('i', nullptr, *Text(v), id, false, true);
    for (Sym v : m.wikidata) Hold('w', nullptr, *Text(v), id, false, true);
    for (Sym v : m.iso3) Hold('s', nullptr, *Text(v), id, false, true);
    for (Sym c : m.categories) {
      if (IdOnly(c)) continue;
      for (Sym n : m.names) Hold('n', Text(c), *Text(n), id, true, Contains(m.unkeyed, n));
      for (Sym n : m.unkeyed) {
        if (!Contains(m.names, n)) Hold('n', Text(c), *Text(n), id, false, true);
      }
    }
  }

  void Unite(uint32_t a, uint32_t b) {
    if (a != b) pending.emplace_back(a, b);
  }

  // An id, Wikidata id or ISO3 code of block b: every holder is one.
  void RegisterUnique(std::vector<uint32_t>* index, Sym key, uint32_t b) {
    if (key >= index->size()) index->resize(std::max<size_t>(key + 1, symbols.size()), kNone);
    uint32_t& have = (*index)[key];
    if (have == kNone) {
      have = b;
    } else {
      Unite(b, have);
    }
  }

  static uint64_t NamePair(Sym category, Sym name) {
    return static_cast<uint64_t>(category) << 32 | name;
  }

  // Block b holds (category, name); unkeyed: one of its members has the name
  // and neither a Wikidata id nor an ISO3 code.
  void RegisterName(Sym category, Sym name, bool unkeyed, uint32_t b) {
    bool added = false;
    uint32_t* index = by_name.TryEmplace(NamePair(category, name),
                                         static_cast<uint32_t>(name_entries.size()), &added);
    if (added) name_entries.emplace_back();
    NameEntry& entry = name_entries[*index];
    if (added) {
      entry.unified = unkeyed;
      entry.blocks.push_back(b);
    } else if (entry.unified) {
      Unite(b, entry.blocks.front());
    } else if (unkeyed) {
      for (uint32_t holder : entry.blocks) Unite(b, holder);
      entry.unified = true;
      entry.blocks.assign(1, b);
    } else {
      size_t w = 0;
      bool present = false;
      for (size_t i = 0; i < entry.blocks.size(); ++i) {
        uint32_t root = Find(entry.blocks[i]);
        bool seen = false;
        for (size_t j = 0; j < w; ++j) seen = seen || entry.blocks[j] == root;
        if (!seen) entry.blocks[w++] = root;
        present = present || root == b;
      }
      entry.blocks.resize(w);
      if (!present) entry.blocks.push_back(b);
    }
  }

  // Adds identity `a` to root s; registers what s did not hold yet (the ids
  // of a when `a_registered` is false, and the new (category, name) pairs
  // of the union either way). Unions found go to `pending`.
  void AbsorbIdentity(uint32_t s, const Identity& a, bool a_registered) {
    Identity& si = blocks[s]->identity;
    // The usual case, an entity seen again: a adds no key, nothing changes.
    if (IsSubset(a.ids, si.ids) && IsSubset(a.wikidata, si.wikidata) && IsSubset(a.iso3, si.iso3) &&
        IsSubset(a.categories, si.categories) && IsSubset(a.names, si.names) &&
        IsSubset(a.unkeyed, si.unkeyed)) {
      return;
    }
    for (Sym id : a.ids) {
      if (InsertSorted(&si.ids, id) && !a_registered) RegisterUnique(&by_id, id, s);
    }
    for (Sym q : a.wikidata) {
      if (InsertSorted(&si.wikidata, q) && !a_registered) RegisterUnique(&by_wikidata, q, s);
    }
    for (Sym c : a.iso3) {
      if (InsertSorted(&si.iso3, c) && !a_registered) RegisterUnique(&by_iso3, c, s);
    }
    const auto in_all = [](const Identity& i, Sym n) {
      return Contains(i.names, n) || Contains(i.unkeyed, n);
    };
    // Old categories with the names that are new, or newly unkeyed.
    new_names.clear();
    new_unkeyed.clear();
    new_categories.clear();
    for (Sym n : a.names) {
      if (!in_all(si, n)) new_names.push_back(n);
    }
    for (Sym n : a.unkeyed) {
      if (!in_all(si, n)) {
        if (!Contains(a.names, n)) new_names.push_back(n);
      } else if (!Contains(si.unkeyed, n)) {
        new_unkeyed.push_back(n);
      }
    }
    if (!new_names.empty() || !new_unkeyed.empty()) {
      for (Sym c : si.categories) {
        if (IdOnly(c)) continue;
        for (Sym n : new_names) RegisterName(c, n, Contains(a.unkeyed, n), s);
        for (Sym n : new_unkeyed) RegisterName(c, n, true, s);
      }
    }
    for (Sym c : a.categories) {
      if (!Contains(si.categories, c)) new_categories.push_back(c);
    }
    for (Sym n : a.names) InsertSorted(&si.names, n);
    for (Sym n : a.unkeyed) InsertSorted(&si.unkeyed, n);
    for (Sym c : new_categories) {
      InsertSorted(&si.categories, c);
      if (IdOnly(c)) continue;
      for (Sym n : si.names) RegisterName(c, n, Contains(si.unkeyed, n), s);
      for (Sym n : si.unkeyed) {
        if (!Contains(si.names, n)) RegisterName(c, n, true, s);
      }
    }
  }

  uint32_t NewBlock() {
    uint32_t b = static_cast<uint32_t>(blocks.size());
    parent.push_back(b);
    blocks.push_back(std::make_unique<Block>());
    ++live_blocks;
    return b;
  }

  // Makes every pending union (each may find more).
  void Drain() {
    while (!pending.empty()) {
      auto [a, b] = pending.back();
      pending.pop_back();
      UniteNow(a, b);
    }
  }

  void UniteNow(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    // The survivor keeps its edges; the other's are re-keyed.
    if (blocks[a]->edges.size() < blocks[b]->edges.size()) std::swap(a, b);
    parent[b] = a;
    std::unique_ptr<Block> gone = std::move(blocks[b]);
    --live_blocks;
    AbsorbIdentity(a, gone->identity, /*a_registered=*/true);
    JoinNodeAcc(&blocks[a]->acc, std::move(gone->acc), explain);
    blocks[a]->min_categories = std::min(blocks[a]->min_categories, gone->min_categories);
    for (uint32_t e : gone->edges) {
      if (!edges[e].alive) continue;
      blocks[a]->edges.push_back(e);
      Rekey(e);
    }
  }

  EdgeKey CurrentKey(const EdgeRecord& r) {
    EdgeKey k = r.key;
    k.source = Find(r.source);
    k.target = Find(r.target);
    if (k.kind == kSymmetricRelation && k.target < k.source) std::swap(k.source, k.target);
    return k;
  }

  void Rekey(uint32_t e) {
    EdgeKey k = CurrentKey(edges[e]);
    if (k == edges[e].key) return;
    if (const uint32_t* old = by_edge.Find(edges[e].key); old != nullptr && *old == e) {
      by_edge.Erase(edges[e].key);
    }
    bool added = false;
    uint32_t into = *by_edge.TryEmplace(k, e, &added);
    if (added) {
      edges[e].key = k;
    } else {
      MergeEdgeInto(into, e);
    }
  }

  PlaceKey PlaceOf(uint32_t e, const Evidence& ev) const {
    return {e, ev.begin, ev.end, std::hash<std::string>()(ev.article_id)};
  }

  void IndexPlaces(uint32_t e) {
    edges[e].indexed = true;
    const std::vector<Evidence>& list = edges[e].evidence;
    for (uint32_t i = 0; i < list.size(); ++i) places.try_emplace(PlaceOf(e, list[i]), i);
  }

  void UnindexPlaces(uint32_t e) {
    if (!edges[e].indexed) return;
    const std::vector<Evidence>& list = edges[e].evidence;
    for (uint32_t i = 0; i < list.size(); ++i) {
      auto it = places.find(PlaceOf(e, list[i]));
      if (it != places.end() && it->second == i) places.erase(it);
    }
    edges[e].indexed = false;
  }

  // One record per place (JoinEvidence).
  void AddEvidence(uint32_t e, Evidence&& ev) {
    std::vector<Evidence>& list = edges[e].evidence;
    if (edges[e].indexed) {
      auto [it, added] = places.try_emplace(PlaceOf(e, ev), static_cast<uint32_t>(list.size()));
      if (added) {
        list.push_back(std::move(ev));
        return;
      }
      Evidence& have = list[it->second];
      if (have.SamePlace(ev)) {
        JoinEvidence(&have, std::move(ev));
        return;
      }
      // A hash collision: search.
    }
    for (Evidence& have : list) {
      if (have.SamePlace(ev)) {
        JoinEvidence(&have, std::move(ev));
        return;
      }
    }
    list.push_back(std::move(ev));
    if (!edges[e].indexed && list.size() >= kIndexedEvidence) IndexPlaces(e);
  }

  void MergeEdgeInto(uint32_t into, uint32_t from) {
    UnindexPlaces(from);
    EdgeRecord& f = edges[from];
    std::vector<Evidence> evidence = std::move(f.evidence);
    std::unique_ptr<EdgeData> fields = std::move(f.fields);
    std::unique_ptr<AttributeVariants> variants = std::move(f.variants);
    f.alive = false;
    f.evidence = std::vector<Evidence>();
    EdgeRecord& r = edges[into];
    JoinScalars(&r.scalars, f.scalars);
    // Joining a record without fields still joins a default EdgeData's
    // (its weight 1 is a maximum): skipped only when both have none.
    if (fields != nullptr || r.fields != nullptr) {
      if (r.fields == nullptr) r.fields = std::make_unique<EdgeData>();
      JoinEdgeFields(r.fields.get(), fields != nullptr ? *fields : NoEdgeFields(), /*first=*/false,
                     /*join_derived=*/true, explain ? &r.variants : nullptr, variants.get());
    }
    for (Evidence& ev : evidence) AddEvidence(into, std::move(ev));
  }

  // An edge's label, cameo code or color, interned (0 for "").
  uint32_t EdgeValue(const std::string& value) {
    return value.empty() ? 0 : edge_values.Insert(value);
  }

  // JoinMin on interned values.
  void JoinMinValue(uint32_t* acc, uint32_t v) const {
    if (v != 0 && v != *acc && (*acc == 0 || edge_values.text(v) < edge_values.text(*acc))) {
      *acc = v;
    }
  }

  void JoinGoldstein(EdgeScalars* into, const std::optional<double>& g) const {
    if (g && (!into->goldstein || *g < *into->goldstein)) into->goldstein = g;
  }

  void JoinScalars(EdgeScalars* into, const EdgeScalars& from) const {
    JoinMinValue(&into->label, from.label);
    into->symmetric = into->symmetric || from.symmetric;
    JoinMinValue(&into->cameo, from.cameo);
    JoinGoldstein(into, from.goldstein);
    JoinMinValue(&into->color, from.color);
  }

  void JoinScalars(EdgeScalars* into, const EdgeData& from) {
    JoinMinValue(&into->label, EdgeValue(from.label));
    into->symmetric = into->symmetric || from.symmetric;
    JoinMinValue(&into->cameo, EdgeValue(from.cameo));
    JoinGoldstein(into, from.goldstein);
    JoinMinValue(&into->color, EdgeValue(from.color));
  }

  // Sets the scalars of `out`, whose label, cameo and color are empty.
  void StoreScalars(const EdgeScalars& scalars, EdgeData* out) const {
    if (scalars.label != 0) out->label = edge_values.text(scalars.label);
    out->symmetric = scalars.symmetric;
    if (scalars.cameo != 0) out->cameo = edge_values.text(scalars.cameo);
    out->goldstein = scalars.goldstein;
    if (scalars.color != 0) out->color = edge_values.text(scalars.color);
  }

  // The relation of a record ("" for a foreign edge, whose id key.label is).
  const std::string& RelationOf(const EdgeRecord& r) const {
    static const std::string kEmpty;
    return r.key.kind == kForeignEdge ? kEmpty : labels.text(r.key.label);
  }

  uint32_t LabelOf(const std::string& label) {
    bool added = false;
    uint32_t l = labels.Insert(label, &added);
    if (added) label_kinds.push_back(0);
    return l;
  }

  // member_mentions = `mentions` by article number. The nodes of one
  // article graph mention the same article: the last one numbered is
  // compared before the table is searched.
  void NumberMentions(const std::map<std::string, int64_t>& mentions) {
    member_mentions.clear();
    for (const auto& [article, count] : mentions) {
      if (last_article == StringTable::kAbsent ||
          !SameBytes(article_numbers.text(last_article), article)) {
        last_article = article_numbers.Insert(article);
      }
      member_mentions.push_back({last_article, count});
    }
    if (member_mentions.size() > 1) std::sort(member_mentions.begin(), member_mentions.end());
  }

  // Places one input node; returns its block.
  uint32_t AddNode(const NodeData& nd) {
    MemberIdentity(nd);
    if (explain) ExplainMember(nd.id);
    const Identity& m = member;
    uint32_t into = kNone;
    auto found = [&](uint32_t b) {
      b = Find(b);
      if (into == kNone) {
        into = b;
      } else {
        Unite(into, b);
      }
    };
    for (Sym id : m.ids) {
      if (uint32_t b = Lookup(by_id, id); b != kNone) found(b);
    }
    for (Sym q : m.wikidata) {
      if (uint32_t b = Lookup(by_wikidata, q); b != kNone) found(b);
    }
    for (Sym c : m.iso3) {
      if (uint32_t b = Lookup(by_iso3, c); b != kNone) found(b);
    }
    if (into == kNone) {
      for (Sym c : m.categories) {
        if (IdOnly(c)) continue;
        for (int pass = 0; pass < 2; ++pass) {
          for (Sym n : pass == 0 ? m.names : m.unkeyed) {
            const uint32_t* index = by_name.Find(NamePair(c, n));
            if (index == nullptr) continue;
            const NameEntry& entry = name_entries[*index];
            if (entry.unified) {
              found(entry.blocks.front());
            } else if (Contains(m.unkeyed, n)) {
              for (uint32_t b : entry.blocks) found(b);
            }
          }
        }
      }
    }
    // Without a match by id the member's name pairs are registered (and
    // unite) in AbsorbIdentity.
    if (into == kNone) into = NewBlock();
    blocks[into]->min_categories = std::min(blocks[into]->min_categories, m.categories.size());
    AbsorbIdentity(into, m, /*a_registered=*/false);
    NumberMentions(nd.article_mentions);
    JoinNode(&blocks[into]->acc, nd, label_surface, alias_surfaces, member_mentions, explain);
    Drain();
    return into;
  }

  // Joins edge `in` (between blocks s and t) into its record; its evidence
  // is moved out of *movable when that is non-null (in.evidence itself),
  // else copied.
  void AddEdge(uint32_t s, uint32_t t, const EdgeData& in, std::vector<Evidence>* movable) {
    EdgeKey k;
    if (in.relation.empty()) {
      k = {s, t, LabelOf(in.id), kForeignEdge};
    } else if (in.symmetric) {
      k = {std::min(s, t), std::max(s, t), LabelOf(in.relation), kSymmetricRelation};
    } else {
      k = {s, t, LabelOf(in.relation), kDirectedRelation};
    }
    bool added = false;
    uint32_t e = *by_edge.TryEmplace(k, static_cast<uint32_t>(edges.size()), &added);
    if (added) {
      EdgeRecord& r = edges.emplace_back();
      r.source = s;
      r.target = t;
      r.key = k;
      label_kinds[k.label] |= static_cast<uint8_t>(1u << k.kind);
      blocks[s]->edges.push_back(e);
      if (t != s) blocks[t]->edges.push_back(e);
    }
    EdgeRecord& r = edges[e];
    JoinScalars(&r.scalars, in);
    const bool join_derived = in.evidence.empty();
    if (HasEdgeFields(in, join_derived)) {
      if (r.fields == nullptr) r.fields = std::make_unique<EdgeData>();
      JoinEdgeFields(r.fields.get(), in, added, join_derived, explain ? &r.variants : nullptr);
    }
    if (added && OnePerPlace(in.evidence)) {
      // A new record takes the list as it is (what AddEvidence would build).
      std::vector<Evidence>& list = r.evidence;
      if (movable != nullptr) {
        list = std::move(*movable);
      } else {
        list = in.evidence;
      }
      if (list.size() >= kIndexedEvidence) IndexPlaces(e);
      return;
    }
    if (movable != nullptr) {
      for (Evidence& ev : *movable) AddEvidence(e, std::move(ev));
    } else {
      for (const Evidence& ev : in.evidence) AddEvidence(e, Evidence(ev));
    }
  }

  template <typename Graph>
  void AddGraph(Graph&& g) {
    constexpr bool kSteal = !std::is_const_v<std::remove_reference_t<Graph>>;
    std::vector<uint32_t> block_of(g.num_nodes());
    for (NodeId n = 0; n < g.num_nodes(); ++n) block_of[n] = AddNode(g.node(n));
    for (EdgeId e = 0; e < g.num_edges(); ++e) {
      const EdgeData& in = std::as_const(g).edge(e);
      uint32_t s = Find(block_of[g.source(e)]), t = Find(block_of[g.target(e)]);
      if constexpr (kSteal) {
        AddEdge(s, t, in, &g.edge(e).evidence);
      } else {
        AddEdge(s, t, in, nullptr);
      }
    }
    const GraphData& data = g.data();
    JoinMin(&title, data.title);
    JoinAttributesInto(&graph_extra, data.extra, explain ? &graph_variants : nullptr);
    if constexpr (kSteal) {
      // The input's map nodes are moved over whole (no allocation, no copy
      // of the id and the metadata); a node whose id is there already is
      // only read.
      std::map<std::string, ArticleInfo>& in = g.data().articles;
      while (!in.empty()) {
        auto result = articles.insert(in.extract(in.begin()));
        if (!result.inserted) JoinArticle(result.position, result.node.mapped());
      }
    } else {
      for (const auto& [id, article] : data.articles) {
        auto [it, added] = articles.try_emplace(id, article);
        if (!added) JoinArticle(it, article);
      }
    }
  }

  // Joins `article` into the article of the same id at `it`.
  void JoinArticle(std::map<std::string, ArticleInfo>::iterator it, const ArticleInfo& article) {
    if (it->second == article) return;
    if (explain) article_conflicts.insert(it->first);
    JoinMin(&it->second.title, article.title);
    JoinMin(&it->second.date, article.date);
    JoinMin(&it->second.url, article.url);
    JoinMin(&it->second.lang, article.lang);
  }

  // The merged graph, not yet finalized; with `steal` the data is moved out
  // (the state is then to be discarded), else copied and the state left
  // unchanged.
  KnowledgeGraph Export(bool steal);
  // Frees what a stealing Export needs no more once its nodes are built and
  // its edges staged: the blocks, the edge key table, MemberIdentity's memo
  // and the name and identity indexes other than by_id (evidence's
  // reported_by ids are still rewritten through it). The result grows while
  // the state is held: that was the peak of a merge's memory.
  void ReleaseStaged();

  // Per block handle: the id of its result node ("" for absorbed blocks).
  std::vector<std::string> ChosenIds() const;
  // The result's edges, unsorted: one per alive record, or per pair of a
  // directed and a symmetric record of one relation oriented alike.
  std::vector<Staged> StageEdges(const std::vector<std::string>& chosen) const;
  // The id of a staged edge: its foreign id, or RelationEdgeId of its
  // endpoints' ids (which KnowledgeGraph::AddEdgeInPlace also builds).
  std::string StagedId(const Staged& st, const std::vector<std::string>& chosen) const;
  // The staged relation edges in (source, relation, target) order of node
  // handles and relation names: nearly always their order by id (Export
  // checks). Empty when there is a foreign edge.
  std::vector<uint32_t> RelationOrder(const std::vector<Staged>& staged,
                                      const std::vector<NodeId>& node_of) const;
  // The decisions behind the current result. REQUIRES: explain.
  MergeReport Report() const;
  void ReportUnified(MergeReport* report) const;
  void ReportNearMisses(const std::vector<std::string>& chosen, MergeReport* report) const;
  void ReportConflicts(const std::vector<std::string>& chosen, MergeReport* report) const;
};

void IncrementalMerger::State::ReleaseStaged() {
  blocks = std::vector<std::unique_ptr<Block>>();
  by_edge = FlatMap<EdgeKey, EdgeKeyHash>(kNoEdgeKey);
  places = decltype(places)();
  by_wikidata = std::vector<uint32_t>();
  by_iso3 = std::vector<uint32_t>();
  by_name = FlatMap<uint64_t, NameHash>(kNoNamePair);
  name_entries = std::vector<NameEntry>();
  holders = decltype(holders)();
  memo_of = std::vector<uint32_t>();
  memo_pool = std::vector<uint32_t>();
}

std::vector<std::string> IncrementalMerger::State::ChosenIds() const {
  std::vector<std::string> chosen(blocks.size());
  for (uint32_t b = 0; b < blocks.size(); ++b) {
    if (!blocks[b]) continue;
    std::vector<const std::string*> ids = Sorted(blocks[b]->identity.ids);
    auto it = std::find_if(ids.begin(), ids.end(),
                           [](const std::string* id) { return !LooksGenerated(*id); });
    chosen[b] = it == ids.end() ? *ids.front() : **it;
  }
  return chosen;
}

std::vector<IncrementalMerger::State::Staged> IncrementalMerger::State::StageEdges(
    const std::vector<std::string>& chosen) const {
  // A directed and a symmetric record of one relation between the same
  // nodes, oriented alike, are one edge (the edge id does not tell them
  // apart).
  std::vector<Staged> staged;
  staged.reserve(edges.size());
  std::vector<bool> done(edges.size(), false);
  for (uint32_t e = 0; e < edges.size(); ++e) {
    const EdgeRecord& r = edges[e];
    if (!r.alive || done[e]) continue;
    uint32_t s = FindConst(r.source), t = FindConst(r.target);
    if (r.key.kind == kSymmetricRelation && chosen[t] < chosen[s]) std::swap(s, t);
    uint32_t other = kNone;
    constexpr uint8_t kBothKinds = 1u << kSymmetricRelation | 1u << kDirectedRelation;
    if (r.key.kind != kForeignEdge && (label_kinds[r.key.label] & kBothKinds) == kBothKinds) {
      // The record of the other kind with the same ids in the same order.
      EdgeKey k = r.key;
      if (k.kind == kDirectedRelation) {
        k = {std::min(s, t), std::max(s, t), k.label, kSymmetricRelation};
      } else {
        k = {s, t, k.label, kDirectedRelation};
      }
      const uint32_t* found = by_edge.Find(k);
      if (found != nullptr && edges[*found].alive) {
        const EdgeRecord& f = edges[*found];
        uint32_t fs = FindConst(f.source), ft = FindConst(f.target);
        if (f.key.kind == kSymmetricRelation && chosen[ft] < chosen[fs]) std::swap(fs, ft);
        if (fs == s && ft == t) other = *found;
      }
    }
    done[e] = true;
    if (other != kNone) done[other] = true;
    staged.push_back({s, t, e, other});
  }
  return staged;
}

std::string IncrementalMerger::State::StagedId(const Staged& st,
                                               const std::vector<std::string>& chosen) const {
  const EdgeRecord& r = edges[st.record];
  return r.key.kind == kForeignEdge
             ? labels.text(r.key.label)
             : RelationEdgeId(chosen[st.source], RelationOf(r), chosen[st.target]);
}

std::vector<uint32_t> IncrementalMerger::State::RelationOrder(
    const std::vector<Staged>& staged, const std::vector<NodeId>& node_of) const {
  std::vector<uint32_t> rank(labels.size(), kNone);  // relation label -> rank
  std::vector<uint32_t> used;
  for (const Staged& st : staged) {
    const EdgeKey& k = edges[st.record].key;
    if (k.kind == kForeignEdge) return {};
    if (rank[k.label] == kNone) {
      rank[k.label] = 0;
      used.push_back(k.label);
    }
  }
  std::sort(used.begin(), used.end(),
            [&](uint32_t a, uint32_t b) { return labels.text(a) < labels.text(b); });
  for (uint32_t i = 0; i < used.size(); ++i) rank[used[i]] = i;
  // Counting sort by source, then each source's edges by (relation,
  // target).
  size_t nodes = 0;
  for (const Staged& st : staged) nodes = std::max<size_t>(nodes, node_of[st.source] + 1);
  std::vector<uint32_t> start(nodes + 1, 0);
  for (const Staged& st : staged) ++start[node_of[st.source] + 1];
  for (size_t n = 0; n < nodes; ++n) start[n + 1] += start[n];
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  std::vector<std::pair<uint64_t, uint32_t>> keyed(staged.size());
  for (uint32_t i = 0; i < staged.size(); ++i) {
    const Staged& st = staged[i];
    uint64_t key =
        static_cast<uint64_t>(rank[edges[st.record].key.label]) << 32 | node_of[st.target];
    keyed[fill[node_of[st.source]]++] = {key, i};
  }
  for (size_t n = 0; n < nodes; ++n) {
    if (start[n + 1] - start[n] > 1)
      std::sort(keyed.begin() + start[n], keyed.begin() + start[n + 1]);
  }
  std::vector<uint32_t> order(keyed.size());
  for (size_t i = 0; i < keyed.size(); ++i) order[i] = keyed[i].second;
  return order;
}

KnowledgeGraph IncrementalMerger::State::Export(bool steal) {
  KnowledgeGraph out;
  out.Reserve(live_blocks, edges.size());
  // Nodes, in id order.
  std::vector<std::string> chosen = ChosenIds();
  // Sorted by id; the first eight bytes, as a number, decide most
  // comparisons.
  std::vector<std::pair<uint64_t, uint32_t>> by_id_prefix;
  by_id_prefix.reserve(live_blocks);
  for (uint32_t b = 0; b < blocks.size(); ++b) {
    if (blocks[b]) by_id_prefix.push_back({BigEndianPrefix(chosen[b]), b});
  }
  std::sort(by_id_prefix.begin(), by_id_prefix.end(), [&](const auto& x, const auto& y) {
    return x.first != y.first ? x.first < y.first : chosen[x.second] < chosen[y.second];
  });
  std::vector<uint32_t> roots;
  roots.reserve(live_blocks);
  for (const auto& [prefix, b] : by_id_prefix) roots.push_back(b);
  std::vector<NodeId> node_of(blocks.size(), 0);
  // Article numbers in id order (by_text) and each one's place in it
  // (rank); the first eight bytes of the ids, as numbers, decide most
  // comparisons.
  std::vector<std::pair<uint64_t, uint32_t>> by_prefix(article_numbers.size());
  for (uint32_t a = 0; a < by_prefix.size(); ++a) {
    by_prefix[a] = {BigEndianPrefix(article_numbers.text(a)), a};
  }
  std::sort(by_prefix.begin(), by_prefix.end(), [&](const auto& x, const auto& y) {
    return x.first != y.first ? x.first < y.first
                              : article_numbers.text(x.second) < article_numbers.text(y.second);
  });
  std::vector<uint32_t> by_text(by_prefix.size()), rank(by_prefix.size());
  for (uint32_t r = 0; r < by_prefix.size(); ++r) {
    by_text[r] = by_prefix[r].second;
    rank[by_text[r]] = r;
  }
  Mentions ranked;
  for (uint32_t b : roots) {
    Block& block = *blocks[b];
    const Identity& identity = block.identity;
    NodeAcc& acc = block.acc;
    NodeData nd;
    nd.id = chosen[b];
    nd.extra = steal ? std::move(acc.extra) : acc.extra;
    if (identity.ids.size() > 1) {
      std::vector<const std::string*> ids = Sorted(identity.ids);
      size_t kept =
          static_cast<size_t>(std::find_if(ids.begin(), ids.end(),
                                           [&](const std::string* id) { return *id == nd.id; }) -
                              ids.begin());
      SetRestAttribute(&nd.extra, kMergedIdsAttribute, ids, kept);
    }
    nd.label = acc.label;
    nd.aliases = steal ? std::move(acc.aliases) : acc.aliases;
    // The smallest value; the others go to their attribute.
    const auto keep_smallest = [&](const std::vector<Sym>& syms, std::string* kept,
                                   std::string_view others) {
      if (syms.empty()) return;
      if (syms.size() == 1) {
        *kept = *Text(syms.front());
        return;
      }
      std::vector<const std::string*> values = Sorted(syms);
      *kept = *values.front();
      SetRestAttribute(&nd.extra, others, values, 0);
    };
    keep_smallest(identity.categories, &nd.category, kOtherCategoriesAttribute);
    keep_smallest(identity.wikidata, &nd.wikidata, kOtherWikidataAttribute);
    keep_smallest(identity.iso3, &nd.iso3, kOtherIso3Attribute);
    if (!acc.dates.empty()) nd.date = acc.dates.front();
    if ((!nd.wikidata.empty() || !nd.iso3.empty()) && !identity.unkeyed.empty()) {
      nd.extra[std::string(kUnkeyedNamesAttribute)] =
          Attribute{"string", EncodeSorted(Sorted(identity.unkeyed), SIZE_MAX)};
    }
    if (!acc.mentions.empty()) {
      // In article id order: by rank, ids put in the map at its end.
      ranked.clear();
      for (const auto& [article, count] : acc.mentions) ranked.push_back({rank[article], count});
      std::sort(ranked.begin(), ranked.end());
      for (const auto& [r, count] : ranked) {
        nd.article_mentions.emplace_hint(nd.article_mentions.end(),
                                         article_numbers.text(by_text[r]), count);
      }
    }
    nd.color = acc.color;
    nd.x = acc.x;
    nd.y = acc.y;
    nd.size = acc.size;
    nd.mention_count = acc.mention_count;
    nd.first_seen = acc.first_seen;
    nd.last_seen = acc.last_seen;
    node_of[b] = out.AddNode(std::move(nd));
  }

  std::vector<Staged> staged = StageEdges(chosen);
  if (steal) ReleaseStaged();
  {
    // Each node's adjacency lists sized once: grown edge by edge they were
    // reallocated about log2(degree) times each (most of AddEdge's
    // allocations).
    std::vector<uint32_t> out_degree(roots.size(), 0), in_degree(roots.size(), 0);
    for (const Staged& st : staged) {
      ++out_degree[node_of[st.source]];
      ++in_degree[node_of[st.target]];
    }
    for (NodeId n = 0; n < roots.size(); ++n) out.ReserveEdgesOf(n, out_degree[n], in_degree[n]);
  }
  const auto rewrite_id = [&](std::string* id) {
    Sym sym = symbols.Find(*id);
    if (sym == StringTable::kAbsent) return;
    if (uint32_t b = Lookup(by_id, sym); b != kNone) *id = chosen[FindConst(b)];
  };
  const auto rewrite = [&](Evidence* ev) {
    if (ev->reported_by.empty()) return;
    if (ev->reported_by.find('|') == std::string::npos) {
      rewrite_id(&ev->reported_by);
      return;
    }
    std::set<std::string> ids;
    for (std::string id : ListItems(ev->reported_by)) {
      rewrite_id(&id);
      ids.insert(std::move(id));
    }
    ev->reported_by = EncodeList(ids);
  };
  // The staged edges' ids, built only when the order is checked or found on
  // them (else each relation edge's id is built in its data by
  // AddEdgeInPlace, not built here, moved and moved again).
  std::vector<std::string> ids;
  const auto build_ids = [&] {
    if (!ids.empty()) return;
    ids.reserve(staged.size());
    for (const Staged& st : staged) ids.push_back(StagedId(st, chosen));
  };
  // By (id, source, target, relation); node handles are in id order, so
  // they compare as the ids do. The order is unique (no two staged edges
  // are equal under it). REQUIRES: build_ids() was called.
  const auto less = [&](uint32_t a, uint32_t b) {
    const Staged& x = staged[a];
    const Staged& y = staged[b];
    if (int c = ids[a].compare(ids[b]); c != 0) return c < 0;
    if (x.source != y.source) return node_of[x.source] < node_of[y.source];
    if (x.target != y.target) return node_of[x.target] < node_of[y.target];
    return RelationOf(edges[x.record]) < RelationOf(edges[y.record]);
  };
  std::vector<uint32_t> order = RelationOrder(staged, node_of);
  // The order is the ids' when no part of an id has a byte at or below '.'
  // (SortsAboveDot); else it is checked pair by pair.
  bool parts_in_order = !order.empty();
  for (uint32_t b : roots) parts_in_order = parts_in_order && SortsAboveDot(chosen[b]);
  for (uint32_t l = 0; parts_in_order && l < labels.size(); ++l) {
    parts_in_order = SortsAboveDot(labels.text(l));
  }
  if (!parts_in_order && !order.empty()) build_ids();
  for (size_t i = 1; !parts_in_order && i < order.size(); ++i) {
    if (less(order[i], order[i - 1])) {
      order.clear();  // an id with '.' or '-' sorts apart: compare the ids
      break;
    }
  }
  if (order.size() != staged.size()) {
    build_ids();
    order.resize(staged.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), less);
  }
  for (uint32_t i : order) {
    const Staged& st = staged[i];
    EdgeRecord& r = edges[st.record];
    EdgeRecord* more = st.other != kNone ? &edges[st.other] : nullptr;
    EdgeScalars scalars = r.scalars;
    if (more != nullptr) JoinScalars(&scalars, more->scalars);
    // The result's data, filled from the record's parts (moved out when
    // stealing): in place for a relation edge, else built and moved in (only
    // then: an EdgeData, ~390 bytes, built and destroyed for every edge cost
    // ~100 instructions per edge).
    std::optional<EdgeData> foreign;
    EdgeData& ed = r.key.kind == kForeignEdge
                       ? foreign.emplace()
                       : out.AddEdgeInPlace(node_of[st.source], RelationOf(r), node_of[st.target],
                                            scalars.symmetric,
                                            ids.empty() ? std::string() : std::move(ids[i]));
    if (r.fields != nullptr) {
      if (steal) {
        SetEdgeFields(&ed, std::move(*r.fields));
      } else {
        SetEdgeFields(&ed, *r.fields);
      }
    }
    ed.evidence = steal ? std::move(r.evidence) : r.evidence;
    StoreScalars(scalars, &ed);
    if (more != nullptr) {
      JoinEdgeFields(&ed, more->fields != nullptr ? *more->fields : NoEdgeFields(),
                     /*first=*/false, /*join_derived=*/true);
      for (Evidence& ev : more->evidence) ed.evidence.push_back(steal ? std::move(ev) : ev);
    }
    for (Evidence& ev : ed.evidence) rewrite(&ev);
    if (st.other != kNone) {
      std::sort(ed.evidence.begin(), ed.evidence.end());
      size_t kept = 0;
      for (size_t i = 0; i < ed.evidence.size(); ++i) {
        if (kept > 0 && ed.evidence[kept - 1].SamePlace(ed.evidence[i])) {
          JoinEvidence(&ed.evidence[kept - 1], std::move(ed.evidence[i]));
        } else if (kept++ != i) {
          ed.evidence[kept - 1] = std::move(ed.evidence[i]);
        }
      }
      ed.evidence.resize(kept);
    }
    if (r.key.kind == kForeignEdge) {
      ed.id = ids.empty() ? StagedId(st, chosen) : std::move(ids[i]);
      out.AddRawEdge(node_of[st.source], node_of[st.target], std::move(ed));
    }
  }

  GraphData& data = out.data();
  data.title = title;
  data.extra = graph_extra;
  data.articles = steal ? std::move(articles) : articles;
  return out;
}

std::string DescribeKey(const std::string& key) {
  std::string_view rest(key);
  rest.remove_prefix(1);
  if (key[0] != 'n') return std::string(rest);
  size_t sep = rest.find('\x1f');
  return std::string(rest.substr(0, sep)) + " '" + std::string(rest.substr(sep + 1)) + "'";
}

// A key unites its holders; it is reported when they have two ids or more
// (or, for an id, when two records or more carry it). A block whose members
// differ in their categories also holds, under all its ids, every
// (category, name) pair of its categories and names: that pair may be what
// a later node joined it by.
void IncrementalMerger::State::ReportUnified(MergeReport* report) const {
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, bool>>> cross;
  std::string key;
  for (uint32_t b = 0; b < blocks.size(); ++b) {
    if (!blocks[b]) continue;
    const Identity& identity = blocks[b]->identity;
    if (blocks[b]->min_categories >= identity.categories.size()) continue;
    std::vector<Sym> names = identity.names;
    names.insert(names.end(), identity.unkeyed.begin(), identity.unkeyed.end());
    SortUnique(&names);
    for (Sym c : identity.categories) {
      if (IdOnly(c)) continue;
      for (Sym n : names) {
        key.assign("n").append(*Text(c)).append("\x1f").append(*Text(n));
        cross[key].push_back({b, Contains(identity.unkeyed, n)});
      }
    }
  }
  std::set<std::tuple<std::string, std::vector<std::string>, std::string>> decisions;
  for (const auto& [k, h] : holders) {
    std::set<std::string> ids;
    for (const auto& [id, named] : h.ids) ids.insert(id);
    size_t records = h.records;
    bool unifies = h.unifies;
    if (auto it = cross.find(k); it != cross.end()) {
      for (const auto& [b, unkeyed] : it->second) {
        for (Sym id : blocks[b]->identity.ids) ids.insert(*Text(id));
        ++records;
        unifies = unifies || unkeyed;
      }
    }
    if (!unifies || records < 2 || (ids.size() < 2 && k[0] != 'i')) continue;
    std::string kind = k[0] == 'i'   ? "same id"
                       : k[0] == 'w' ? "same wikidata"
                       : k[0] == 's' ? "same iso3"
                                     : "same category and normalised name";
    std::string detail = DescribeKey(k);
    if (ids.size() < 2) detail += " (" + std::to_string(records) + " records)";
    decisions.insert({kind, std::vector<std::string>(ids.begin(), ids.end()), detail});
  }
  for (const auto& [kind, ids, detail] : decisions) report->unified.push_back({kind, ids, detail});
}

// Names (labels and aliases) of one category on two result nodes, at most
// near_miss_max_distance edits apart, found through shared deletion
// variants, and equal name keys of different categories on two result
// nodes; one decision per pair of nodes, the closest names.
void IncrementalMerger::State::ReportNearMisses(const std::vector<std::string>& chosen,
                                                MergeReport* report) const {
  if (options.near_miss_max_distance == 0) return;
  const size_t max_distance = std::min<size_t>(options.near_miss_max_distance, 2);
  // (category, deletion variant) -> (block, name key).
  std::map<std::string, std::vector<std::pair<uint32_t, std::string_view>>> buckets;
  std::vector<uint32_t> named;
  for (const auto& [k, h] : holders) {
    if (k[0] != 'n') continue;
    size_t sep = k.find('\x1f');
    std::string_view category = std::string_view(k).substr(1, sep - 1);
    std::string_view name = std::string_view(k).substr(sep + 1);
    if (name.size() < options.near_miss_min_length || name.size() > kNearMissMaxLength) continue;
    named.clear();
    for (const auto& [id, by_name] : h.ids) {
      if (by_name) named.push_back(FindConst(by_id[symbols.Find(id)]));
    }
    std::sort(named.begin(), named.end());
    named.erase(std::unique(named.begin(), named.end()), named.end());
    if (named.empty()) continue;
    std::set<std::string> variants;
    DeletionVariants(std::string(name), max_distance, &variants);
    for (const std::string& v : variants) {
      std::vector<std::pair<uint32_t, std::string_view>>& bucket =
          buckets[std::string(category) + '\x1f' + v];
      for (uint32_t b : named) bucket.push_back({b, name});
    }
  }
  // Pair of result ids -> (distance, detail), the closest kept.
  std::map<std::pair<std::string, std::string>, std::pair<size_t, std::string>> misses;
  for (const auto& [bucket, entries] : buckets) {
    const std::string category = bucket.substr(0, bucket.find('\x1f'));
    for (size_t i = 0; i < entries.size(); ++i) {
      for (size_t j = i + 1; j < entries.size(); ++j) {
        auto [b1, n1] = entries[i];
        auto [b2, n2] = entries[j];
        if (b1 == b2) continue;
        size_t d = EditDistance(n1, n2);
        if (d > max_distance) continue;
        std::string a = chosen[b1], b = chosen[b2];
        std::string na(n1), nb(n2);
        if (b < a) std::swap(a, b), std::swap(na, nb);
        std::string detail =
            d == 0 ? category + " '" + na + "' on two nodes with different wikidata/iso3 ids"
                   : category + " '" + na + "' ~ '" + nb + "' (edit distance " + std::to_string(d) +
                         ")";
        auto [it, added] = misses.try_emplace({a, b}, d, detail);
        if (!added && std::tie(d, detail) < std::tie(it->second.first, it->second.second)) {
          it->second = {d, detail};
        }
      }
    }
  }
  // One name key in different categories on different nodes, at least one
  // of which holds it from a member with neither Wikidata id nor ISO3 code
  // (a country in one input, an organization in another, under different
  // ids: they would be one node if their categories agreed): never merged,
  // always reported. (Two known entities that share a name, such as a
  // country and its capital, are told apart by their ids.)
  struct Holding {
    uint32_t block;
    std::string_view category;
    bool unkeyed;
    auto operator<=>(const Holding&) const = default;
  };
  std::map<std::string_view, std::vector<Holding>> by_name;
  for (const auto& [k, h] : holders) {
    if (k[0] != 'n') continue;
    size_t sep = k.find('\x1f');
    std::string_view category = std::string_view(k).substr(1, sep - 1);
    std::string_view name = std::string_view(k).substr(sep + 1);
    const Sym name_sym = symbols.Find(name);
    for (const auto& [id, named_by] : h.ids) {
      if (!named_by) continue;
      const uint32_t b = FindConst(by_id[symbols.Find(id)]);
      by_name[name].push_back({b, category, Contains(blocks[b]->identity.unkeyed, name_sym)});
    }
  }
  for (auto& [name, entries] : by_name) {
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    for (size_t i = 0; i < entries.size(); ++i) {
      for (size_t j = i + 1; j < entries.size(); ++j) {
        Holding x = entries[i], y = entries[j];
        if (x.block == y.block || x.category == y.category || !(x.unkeyed || y.unkeyed)) continue;
        std::string a = chosen[x.block], b = chosen[y.block];
        if (b < a) std::swap(a, b), std::swap(x, y);
        std::string detail = "'" + std::string(name) + "' is " + std::string(x.category) +
                             " on one, " + std::string(y.category) +
                             " on the other (categories differ)";
        std::pair<size_t, std::string> value(0, detail);
        auto [it, added] = misses.try_emplace({a, b}, 0, std::move(detail));
        if (!added && value < it->second) it->second = std::move(value);
      }
    }
  }
  // Events unite by id only (the extractor's ids carry the forum or kind,
  // the place and the date; an ordinal, "4th", names an edition instead of
  // its date): two events on one date, editions of one forum and held in one
  // place, are reported.
  if (const Sym event = symbols.Find(std::string_view("event")); event != StringTable::kAbsent) {
    // Event block -> (forums it is an edition of, places it is held in).
    std::map<uint32_t, std::pair<std::set<uint32_t>, std::set<uint32_t>>> links;
    for (const Staged& st : StageEdges(chosen)) {
      const std::string& relation = RelationOf(edges[st.record]);
      const bool edition = relation == "edition_of", held = relation == "held_in";
      if ((!edition && !held) || !blocks[st.source] ||
          !Contains(blocks[st.source]->identity.categories, event)) {
        continue;
      }
      auto& [forums, places] = links[st.source];
      (edition ? forums : places).insert(st.target);
    }
    std::map<std::tuple<std::string, uint32_t, uint32_t>, std::vector<uint32_t>> by_key;
    for (const auto& [b, link] : links) {
      for (const std::string& date : blocks[b]->acc.dates) {
        for (uint32_t forum : link.first) {
          for (uint32_t place : link.second) by_key[{date, forum, place}].push_back(b);
        }
      }
    }
    for (const auto& [key, events] : by_key) {
      const auto& [date, forum, place] = key;
      for (size_t i = 0; i < events.size(); ++i) {
        for (size_t j = i + 1; j < events.size(); ++j) {
          std::string a = chosen[events[i]], b = chosen[events[j]];
          if (b < a) std::swap(a, b);
          std::string detail = "events of " + chosen[forum] + " on " + date + " held in " +
                               chosen[place] + " (events unite by id only)";
          std::pair<size_t, std::string> value(0, detail);
          auto [it, added] = misses.try_emplace({a, b}, 0, std::move(detail));
          if (!added && value < it->second) it->second = std::move(value);
        }
      }
    }
  }
  for (const auto& [ids, value] : misses) {
    report->near_misses.push_back({"near miss", {ids.first, ids.second}, value.second});
  }
}

void IncrementalMerger::State::ReportConflicts(const std::vector<std::string>& chosen,
                                               MergeReport* report) const {
  std::vector<std::string>& out = report->conflicts;
  const auto disagree = [&](const std::string& where, const char* what,
                            const std::set<std::string>& values) {
    if (values.size() < 2) return;
    out.push_back(where + ": " + what + " " + Quoted(values) + " disagree, kept '" +
                  *values.begin() + "'");
  };
  const auto strings = [&](const std::vector<Sym>& syms) {
    std::set<std::string> out;
    for (Sym s : syms) out.insert(*Text(s));
    return out;
  };
  for (uint32_t b = 0; b < blocks.size(); ++b) {
    if (!blocks[b]) continue;
    const Block& block = *blocks[b];
    const std::string where = "node " + chosen[b];
    if (block.acc.variants) {
      for (const auto& [name, pairs] : *block.acc.variants) {
        out.push_back(AttributeConflict(where, name, pairs));
      }
    }
    disagree(where, "categories", strings(block.identity.categories));
    disagree(where, "wikidata ids", strings(block.identity.wikidata));
    disagree(where, "iso3 codes", strings(block.identity.iso3));
    disagree(where, "dates", std::set<std::string>(block.acc.dates.begin(), block.acc.dates.end()));
  }
  for (const Staged& st : StageEdges(chosen)) {
    const EdgeRecord& r = edges[st.record];
    const std::string where = "edge " + StagedId(st, chosen);
    if (st.other == kNone) {
      if (!r.variants) continue;
      for (const auto& [name, pairs] : *r.variants) {
        out.push_back(AttributeConflict(where, name, pairs));
      }
      continue;
    }
    // Two records: the pairs of both.
    const EdgeRecord& o = edges[st.other];
    Attributes joined = r.fields != nullptr ? r.fields->extra : Attributes();
    std::unique_ptr<AttributeVariants> variants;
    if (r.variants) variants = std::make_unique<AttributeVariants>(*r.variants);
    JoinAttributesInto(&joined, o.fields != nullptr ? o.fields->extra : Attributes(), &variants,
                       o.variants.get());
    if (!variants) continue;
    for (const auto& [name, pairs] : *variants) {
      out.push_back(AttributeConflict(where, name, pairs));
    }
  }
  if (graph_variants) {
    for (const auto& [name, pairs] : *graph_variants) {
      out.push_back(AttributeConflict("graph", name, pairs));
    }
  }
  for (const std::string& id : article_conflicts) {
    out.push_back("article " + id + ": metadata differs between inputs");
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

MergeReport IncrementalMerger::State::Report() const {
  MergeReport report;
  std::vector<std::string> chosen = ChosenIds();
  ReportUnified(&report);
  ReportNearMisses(chosen, &report);
  ReportConflicts(chosen, &report);
  return report;
}

IncrementalMerger::IncrementalMerger(const MergeOptions& options, bool explain)
    : state_(std::make_unique<State>(options, explain)) {}
IncrementalMerger::~IncrementalMerger() = default;
IncrementalMerger::IncrementalMerger(IncrementalMerger&&) noexcept = default;
IncrementalMerger& IncrementalMerger::operator=(IncrementalMerger&&) noexcept = default;

void IncrementalMerger::Add(const KnowledgeGraph& graph) { state_->AddGraph(graph); }
void IncrementalMerger::Add(KnowledgeGraph&& graph) { state_->AddGraph(graph); }

size_t IncrementalMerger::num_nodes() const { return state_->live_blocks; }

MergeReport IncrementalMerger::Report() const {
  assert(state_->explain);
  return state_->Report();
}

KnowledgeGraph IncrementalMerger::Result() const {
  KnowledgeGraph out = state_->Export(/*steal=*/false);
  out.Finalize();
  return out;
}

KnowledgeGraph IncrementalMerger::TakeResult() {
  KnowledgeGraph out = state_->Export(/*steal=*/true);
  // The emptied state is freed before Finalize allocates the derived
  // fields (article ids and dates of every edge): the two were the peak of
  // a merge's memory.
  state_ = std::make_unique<State>(state_->options, state_->explain);
  out.Finalize();
  return out;
}

namespace {

// FNV-1a, 64 bits: the same on every platform. Each string is fed with its
// length first, so that ("ab", "c") and ("a", "bc") differ.
class ContentHash {
 public:
  void Bytes(std::string_view s) {
    for (unsigned char c : s) h_ = (h_ ^ c) * 0x100000001B3ull;
  }
  void Number(uint64_t v) {
    for (int i = 0; i < 8; ++i) h_ = (h_ ^ ((v >> (8 * i)) & 0xFF)) * 0x100000001B3ull;
  }
  void String(std::string_view s) {
    Number(s.size());
    Bytes(s);
  }
  void Double(double d) {
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    Number(bits);
  }
  void Extra(const Attributes& extra) {
    Number(extra.size());
    for (const auto& [name, a] : extra) {
      String(name);
      String(a.type);
      String(a.value);
    }
  }
  std::string Hex() const {
    static const char kHex[] = "0123456789abcdef";
    std::string out(kGeneratedIdScopeLength, '0');
    for (size_t i = 0; i < kGeneratedIdScopeLength; ++i) out[i] = kHex[(h_ >> (60 - 4 * i)) & 0xF];
    return out;
  }

 private:
  uint64_t h_ = 0xCBF29CE484222325ull;
};

}  // namespace

std::string GeneratedIdScope(std::string_view content) {
  ContentHash h;
  h.Bytes(content);
  return h.Hex();
}

std::string GeneratedIdScope(const KnowledgeGraph& graph) {
  ContentHash h;
  const GraphData& g = graph.data();
  h.String(g.title);
  h.Extra(g.extra);
  h.Number(g.articles.size());
  for (const auto& [id, a] : g.articles) {
    for (const std::string* v : {&a.id, &a.title, &a.date, &a.url, &a.lang}) h.String(*v);
  }
  h.Number(graph.num_nodes());
  for (NodeId n = 0; n < graph.num_nodes(); ++n) {
    const NodeData& d = graph.node(n);
    for (const std::string* v : {&d.id, &d.label, &d.category, &d.wikidata, &d.iso3, &d.date,
                                 &d.color, &d.first_seen, &d.last_seen}) {
      h.String(*v);
    }
    h.Number(d.aliases.size());
    for (const std::string& a : d.aliases) h.String(a);
    h.Number(d.article_mentions.size());
    for (const auto& [a, count] : d.article_mentions) {
      h.String(a);
      h.Number(static_cast<uint64_t>(count));
    }
    h.Number(static_cast<uint64_t>(d.mention_count));
    for (double v : {d.size, d.x, d.y}) h.Double(v);
    h.Extra(d.extra);
  }
  h.Number(graph.num_edges());
  for (EdgeId e = 0; e < graph.num_edges(); ++e) {
    const EdgeData& d = graph.edge(e);
    h.Number(graph.source(e));
    h.Number(graph.target(e));
    for (const std::string* v : {&d.id, &d.relation, &d.label, &d.cameo, &d.color, &d.modality,
                                 &d.first_seen, &d.last_seen}) {
      h.String(*v);
    }
    h.Number(d.symmetric ? 1 : 0);
    h.Double(d.goldstein.value_or(-1e300));
    h.Double(d.weight);
    h.Number(static_cast<uint64_t>(d.evidence_count));
    h.Number(d.evidence.size());
    for (const Evidence& ev : d.evidence) {
      for (const std::string* v : {&ev.article_id, &ev.sentence, &ev.rule, &ev.reported_by}) {
        h.String(*v);
      }
      h.Number(ev.begin);
      h.Number(ev.end);
      h.Number(static_cast<uint64_t>(ev.modality));
    }
    h.Extra(d.extra);
  }
  return h.Hex();
}

bool HasGeneratedIds(const KnowledgeGraph& graph) {
  for (NodeId n = 0; n < graph.num_nodes(); ++n) {
    if (LooksNumbered(graph.node(n).id)) return true;
  }
  return false;
}

size_t ScopeGeneratedIds(KnowledgeGraph* graph, std::string_view scope) {
  const size_t num_nodes = graph->num_nodes(), num_edges = graph->num_edges();
  std::vector<std::string> old_ids(num_nodes);
  std::unordered_map<std::string, std::string> renamed;
  for (NodeId n = 0; n < num_nodes; ++n) {
    old_ids[n] = graph->node(n).id;
    if (!LooksNumbered(old_ids[n])) continue;
    std::string scoped = old_ids[n] + "_" + std::string(scope);
    if (graph->FindNode(scoped)) continue;  // taken: the id stays as it is
    renamed.emplace(old_ids[n], std::move(scoped));
  }
  if (renamed.empty()) return 0;
  KnowledgeGraph out;
  out.Reserve(num_nodes, num_edges);
  out.data() = std::move(graph->data());
  for (NodeId n = 0; n < num_nodes; ++n) {
    NodeData d = std::move(graph->node(n));
    d.id = old_ids[n];
    if (auto it = renamed.find(d.id); it != renamed.end()) d.id = it->second;
    out.AddNode(std::move(d));  // ids stay unique: NodeId n again
  }
  for (EdgeId e = 0; e < num_edges; ++e) {
    const NodeId s = graph->source(e), t = graph->target(e);
    EdgeData d = std::move(graph->edge(e));
    for (Evidence& ev : d.evidence) {
      if (ev.reported_by.empty()) continue;
      std::set<std::string> reporters;
      for (const std::string& id : ListItems(ev.reported_by)) {
        auto it = renamed.find(id);
        reporters.insert(it != renamed.end() ? it->second : id);
      }
      ev.reported_by = EncodeList(reporters);
    }
    if (!d.relation.empty() && d.id == RelationEdgeId(old_ids[s], d.relation, old_ids[t])) {
      d.id.clear();  // AddEdge names it after the new ids
      out.AddEdge(s, t, std::move(d));
    } else {
      out.AddRawEdge(s, t, std::move(d));
    }
  }
  out.Finalize();
  *graph = std::move(out);
  return renamed.size();
}

KnowledgeGraph Merge(const std::vector<const KnowledgeGraph*>& inputs, MergeReport* report,
                     const MergeOptions& options) {
  IncrementalMerger merger(options, /*explain=*/report != nullptr);
  for (const KnowledgeGraph* g : inputs) merger.Add(*g);
  if (report != nullptr) *report = merger.Report();
  return merger.TakeResult();
}

void MergeInto(KnowledgeGraph* into, const KnowledgeGraph& from, MergeReport* report,
               const MergeOptions& options) {
  IncrementalMerger merger(options, /*explain=*/report != nullptr);
  if (&from == into) {
    // merge(a, a) == merge(a); *into must not be moved from. A report
    // counts the records of both.
    merger.Add(from);
    if (report != nullptr) merger.Add(from);
  } else {
    merger.Add(std::move(*into));
    merger.Add(from);
  }
  if (report != nullptr) *report = merger.Report();
  *into = merger.TakeResult();
}

}  // namespace newsgraph
