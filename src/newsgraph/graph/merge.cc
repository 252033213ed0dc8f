#include "newsgraph/graph/merge.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <iterator>
#include <map>
#include <numeric>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "newsgraph/base/edit_distance.h"

namespace newsgraph {
namespace {

constexpr uint32_t kNone = static_cast<uint32_t>(-1);
// Longer name keys are not searched for near misses (the deletion
// neighbourhood grows with the square of the length).
constexpr size_t kNearMissMaxLength = 64;

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  // Returns true if a and b were in different sets.
  bool Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return false;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
    return true;
  }

 private:
  std::vector<uint32_t> parent_;
};

// One node of one input.
struct Member {
  const KnowledgeGraph* graph;
  NodeId node;
  std::vector<std::string> categories;  // own category + other_categories, non-empty
  std::vector<std::string> names;       // name keys of label and aliases
  std::vector<std::string> unkeyed;     // name keys usable against any node
};

// One identity key held by a member: an id, a Wikidata id, an ISO3 code or
// a (category, name key) pair.
struct KeyUse {
  uint32_t key;
  uint32_t member;
  bool unkeyed;  // name keys only: the holder has no Wikidata / ISO id
};

enum KeyKind : char { kIdKey = 'i', kWikidataKey = 'w', kIso3Key = 's', kNameKey = 'n' };

class KeyTable {
 public:
  uint32_t Intern(KeyKind kind, std::string_view a, std::string_view b = {}) {
    scratch_.clear();
    scratch_.push_back(kind);
    scratch_.append(a);
    if (kind == kNameKey) scratch_.append("\x1f").append(b);
    auto [it, added] = index_.try_emplace(scratch_, static_cast<uint32_t>(keys_.size()));
    if (added) keys_.push_back(scratch_);
    return it->second;
  }
  const std::string& key(uint32_t k) const { return keys_[k]; }
  size_t size() const { return keys_.size(); }

 private:
  std::string scratch_;
  std::unordered_map<std::string, uint32_t> index_;
  std::vector<std::string> keys_;
};

std::string_view ExtraValue(const Attributes& extra, std::string_view name) {
  auto it = extra.find(std::string(name));
  return it == extra.end() ? std::string_view() : std::string_view(it->second.value);
}

bool IsMergeAttribute(const std::string& name) {
  return name == kMergedIdsAttribute || name == kOtherCategoriesAttribute ||
         name == kOtherWikidataAttribute || name == kOtherIso3Attribute ||
         name == kUnkeyedNamesAttribute;
}

// An own value plus the values an earlier merge recorded beside it.
std::set<std::string> ValuesOf(const std::string& own, const Attributes& extra,
                               std::string_view attribute) {
  std::set<std::string> values = DecodeList(ExtraValue(extra, attribute));
  if (!own.empty()) values.insert(own);
  values.erase("");
  return values;
}

bool LooksGenerated(const std::string& id) {
  size_t i = (!id.empty() && !(id[0] >= '0' && id[0] <= '9')) ? 1 : 0;
  if (i == 1 && !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z'))) return false;
  if (i >= id.size()) return false;
  for (; i < id.size(); ++i) {
    if (id[i] < '0' || id[i] > '9') return false;
  }
  return true;
}

// The id a merged node keeps: a function of the set of ids only, so that the
// choice does not depend on merge order.
std::string ChooseId(const std::set<std::string>& ids) {
  for (const std::string& id : ids) {
    if (!LooksGenerated(id)) return id;
  }
  return *ids.begin();
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

// Joins the attributes of several owners (merge attributes excepted): one
// name with several (type, value) pairs gets the join of the types and the
// smallest value, and one conflict naming `where`.
Attributes JoinAttributes(const std::vector<const Attributes*>& parts, const std::string& where,
                          std::vector<std::string>* conflicts) {
  Attributes out;
  std::map<std::string, std::set<std::pair<std::string, std::string>>> variants;
  for (const Attributes* attrs : parts) {
    for (const auto& [name, attr] : *attrs) {
      if (IsMergeAttribute(name)) continue;
      auto [it, added] = out.try_emplace(name, attr);
      if (!added && !(it->second == attr)) variants[name];  // mark: more than one variant
    }
  }
  for (auto& [name, seen] : variants) {
    for (const Attributes* attrs : parts) {
      auto it = attrs->find(name);
      if (it != attrs->end()) seen.insert({it->second.type, it->second.value});
    }
    Attribute& kept = out[name];
    std::set<std::string> types, values;
    for (const auto& [type, value] : seen) {
      kept.type = JoinTypes(kept.type, type);
      kept.value = std::min(kept.value, value);
      types.insert(type);
      values.insert(value);
    }
    if (conflicts == nullptr) continue;
    std::string message = where + ": attribute '" + name + "' ";
    if (types.size() > 1) {
      message += "has types " + Quoted(types) + ", kept as " + kept.type + " '" + kept.value + "'";
    } else {
      message += "has values " + Quoted(values) + ", kept '" + kept.value + "'";
    }
    conflicts->push_back(std::move(message));
  }
  return out;
}

void SetListAttribute(Attributes* extra, std::string_view name, const std::set<std::string>& v) {
  if (v.empty()) return;
  (*extra)[std::string(name)] = Attribute{"string", EncodeList(v)};
}

// Joins a set-valued scalar: keeps the smallest, returns the others.
std::set<std::string> KeepSmallest(const std::set<std::string>& values, std::string* kept) {
  kept->clear();
  if (values.empty()) return {};
  *kept = *values.begin();
  return std::set<std::string>(std::next(values.begin()), values.end());
}

// The join of the edges merged into one (evidence is handled by the caller).
void JoinEdgeData(const std::vector<const EdgeData*>& parts, EdgeData* into,
                  std::vector<std::string>* conflicts) {
  std::vector<const Attributes*> extras;
  into->weight = parts.front()->weight;
  for (const EdgeData* from : parts) {
    JoinMin(&into->label, from->label);
    into->symmetric = into->symmetric || from->symmetric;
    JoinMin(&into->cameo, from->cameo);
    if (from->goldstein && (!into->goldstein || *from->goldstein < *into->goldstein)) {
      into->goldstein = from->goldstein;
    }
    JoinMin(&into->color, from->color);
    extras.push_back(&from->extra);
    into->weight = std::max(into->weight, from->weight);
    into->evidence_count = std::max(into->evidence_count, from->evidence_count);
    JoinMin(&into->modality, from->modality);
    into->article_ids.insert(into->article_ids.end(), from->article_ids.begin(),
                             from->article_ids.end());
    JoinMin(&into->first_seen, from->first_seen);
    JoinMax(&into->last_seen, from->last_seen);
  }
  std::sort(into->article_ids.begin(), into->article_ids.end());
  into->article_ids.erase(std::unique(into->article_ids.begin(), into->article_ids.end()),
                          into->article_ids.end());
  into->extra = JoinAttributes(extras, "edge " + into->id, conflicts);
}

struct StagedEdge {
  NodeId source;
  NodeId target;
  std::vector<const EdgeData*> parts;
};

class Merger {
 public:
  Merger(const std::vector<const KnowledgeGraph*>& inputs, MergeReport* report,
         const MergeOptions& options)
      : inputs_(inputs), report_(report), options_(options) {}

  KnowledgeGraph Run();

 private:
  void CollectMembers();
  void UniteByKeys();
  bool UniteNamePass();
  bool AddCrossCategoryKeys();
  void BuildNodes();
  void BuildEdges();
  void BuildGraphData();
  void ReportUnified();
  void ReportNearMisses();
  std::vector<std::string>* conflicts() { return report_ ? &report_->conflicts : nullptr; }

  const std::vector<const KnowledgeGraph*>& inputs_;
  MergeReport* report_;
  const MergeOptions& options_;

  std::vector<Member> members_;
  std::vector<size_t> first_member_;  // per input: index of its node 0
  KeyTable keys_;
  std::vector<KeyUse> uses_;       // id, wikidata, iso3 and name keys
  std::vector<bool> key_unified_;  // per key: did it unite its holders
  UnionFind* uf_ = nullptr;

  // Result nodes: one per block.
  std::vector<uint32_t> block_of_root_;                     // member root -> block index
  std::vector<std::vector<uint32_t>> blocks_;               // block -> members
  std::unordered_map<std::string, std::string> chosen_id_;  // any id -> chosen id
  KnowledgeGraph out_;
  std::vector<NodeId> block_node_;  // block -> result node
};

void Merger::CollectMembers() {
  for (const KnowledgeGraph* g : inputs_) {
    first_member_.push_back(members_.size());
    for (NodeId n = 0; n < g->num_nodes(); ++n) {
      const NodeData& nd = g->node(n);
      Member m{g, n, {}, {}, {}};
      uint32_t index = static_cast<uint32_t>(members_.size());
      for (const std::string& id : ValuesOf(nd.id, nd.extra, kMergedIdsAttribute)) {
        uses_.push_back({keys_.Intern(kIdKey, id), index, false});
      }
      std::set<std::string> wikidata = ValuesOf(nd.wikidata, nd.extra, kOtherWikidataAttribute);
      std::set<std::string> iso3 = ValuesOf(nd.iso3, nd.extra, kOtherIso3Attribute);
      for (const std::string& q : wikidata)
        uses_.push_back({keys_.Intern(kWikidataKey, q), index, false});
      for (const std::string& c : iso3) uses_.push_back({keys_.Intern(kIso3Key, c), index, false});
      std::set<std::string> categories = ValuesOf(nd.category, nd.extra, kOtherCategoriesAttribute);
      m.categories.assign(categories.begin(), categories.end());
      std::set<std::string> names;
      if (std::string k = NameKey(nd.label, options_.names); !k.empty()) names.insert(k);
      for (const std::string& alias : nd.aliases) {
        if (std::string k = NameKey(alias, options_.names); !k.empty()) names.insert(k);
      }
      m.names.assign(names.begin(), names.end());
      const bool known = !wikidata.empty() || !iso3.empty();
      if (!known) {
        m.unkeyed = m.names;
      } else {
        std::set<std::string> unkeyed = DecodeList(ExtraValue(nd.extra, kUnkeyedNamesAttribute));
        unkeyed.erase("");
        m.unkeyed.assign(unkeyed.begin(), unkeyed.end());
      }
      for (const std::string& c : m.categories) {
        if (options_.id_only_categories.count(c)) continue;
        for (const std::string& name : m.names) {
          bool u = std::binary_search(m.unkeyed.begin(), m.unkeyed.end(), name);
          uses_.push_back({keys_.Intern(kNameKey, c, name), index, u});
        }
        for (const std::string& name : m.unkeyed) {  // an unkeyed name not among names
          if (!std::binary_search(m.names.begin(), m.names.end(), name)) {
            uses_.push_back({keys_.Intern(kNameKey, c, name), index, true});
          }
        }
      }
      members_.push_back(std::move(m));
    }
  }
}

// Ids, Wikidata ids and ISO3 codes unite every holder; a name key unites its
// holders when one of them holds it unkeyed.
bool Merger::UniteNamePass() {
  key_unified_.assign(keys_.size(), false);
  for (const KeyUse& u : uses_) {
    char kind = keys_.key(u.key)[0];
    if (kind != kNameKey || u.unkeyed) key_unified_[u.key] = true;
  }
  std::vector<uint32_t> first(keys_.size(), kNone);
  bool changed = false;
  for (const KeyUse& u : uses_) {
    if (!key_unified_[u.key]) continue;
    if (first[u.key] == kNone) {
      first[u.key] = u.member;
    } else {
      changed |= uf_->Union(first[u.key], u.member);
    }
  }
  return changed;
}

// A block whose members differ in their categories holds every (category,
// name) pair of its members' categories and names; adds those keys (held by the
// block's root). Returns true if any key was added.
bool Merger::AddCrossCategoryKeys() {
  std::unordered_map<uint32_t, std::vector<uint32_t>> multi;  // root -> members
  std::vector<const std::vector<std::string>*> first_categories(members_.size(), nullptr);
  std::set<uint32_t> multi_roots;
  for (uint32_t m = 0; m < members_.size(); ++m) {
    uint32_t root = uf_->Find(m);
    if (first_categories[root] == nullptr) {
      first_categories[root] = &members_[m].categories;
    } else if (*first_categories[root] != members_[m].categories) {
      multi_roots.insert(root);
    }
  }
  if (multi_roots.empty()) return false;
  for (uint32_t m = 0; m < members_.size(); ++m) {
    uint32_t root = uf_->Find(m);
    if (multi_roots.count(root)) multi[root].push_back(m);
  }
  size_t before = uses_.size();
  for (uint32_t root : multi_roots) {
    std::set<std::string> categories, names, unkeyed;
    for (uint32_t m : multi[root]) {
      categories.insert(members_[m].categories.begin(), members_[m].categories.end());
      names.insert(members_[m].names.begin(), members_[m].names.end());
      unkeyed.insert(members_[m].unkeyed.begin(), members_[m].unkeyed.end());
    }
    names.insert(unkeyed.begin(), unkeyed.end());
    for (const std::string& c : categories) {
      if (options_.id_only_categories.count(c)) continue;
      for (const std::string& name : names) {
        uses_.push_back({keys_.Intern(kNameKey, c, name), root, unkeyed.count(name) > 0});
      }
    }
  }
  // Keep only the uses that are new (only the roots' own uses can repeat).
  std::set<std::tuple<uint32_t, uint32_t, bool>> seen;
  for (size_t i = 0; i < before; ++i) {
    if (multi_roots.count(uses_[i].member))
      seen.insert({uses_[i].key, uses_[i].member, uses_[i].unkeyed});
  }
  size_t w = before;
  for (size_t i = before; i < uses_.size(); ++i) {
    if (seen.insert({uses_[i].key, uses_[i].member, uses_[i].unkeyed}).second)
      uses_[w++] = uses_[i];
  }
  uses_.resize(w);
  return w > before;
}

void Merger::UniteByKeys() {
  // Iterate to the least fixpoint: keys only grow as blocks grow, so the
  // partition reached does not depend on the order of the inputs.
  UniteNamePass();
  while (AddCrossCategoryKeys()) {
    if (!UniteNamePass()) break;
  }
}

void Merger::BuildNodes() {
  block_of_root_.assign(members_.size(), kNone);
  for (uint32_t m = 0; m < members_.size(); ++m) {
    uint32_t root = uf_->Find(m);
    if (block_of_root_[root] == kNone) {
      block_of_root_[root] = static_cast<uint32_t>(blocks_.size());
      blocks_.emplace_back();
    }
    blocks_[block_of_root_[root]].push_back(m);
  }

  struct Built {
    std::string id;
    NodeData data;
  };
  std::vector<Built> built(blocks_.size());
  for (size_t b = 0; b < blocks_.size(); ++b) {
    std::set<std::string> ids, labels, categories, wikidata, iso3, dates, unkeyed;
    NodeData nd;
    bool have_position = false;
    for (uint32_t m : blocks_[b]) {
      const NodeData& in = members_[m].graph->node(members_[m].node);
      for (const std::string& id : ValuesOf(in.id, in.extra, kMergedIdsAttribute)) ids.insert(id);
      if (!in.label.empty()) labels.insert(in.label);
      categories.insert(members_[m].categories.begin(), members_[m].categories.end());
      for (auto& q : ValuesOf(in.wikidata, in.extra, kOtherWikidataAttribute)) wikidata.insert(q);
      for (auto& c : ValuesOf(in.iso3, in.extra, kOtherIso3Attribute)) iso3.insert(c);
      if (!in.date.empty()) dates.insert(in.date);
      unkeyed.insert(members_[m].unkeyed.begin(), members_[m].unkeyed.end());
      nd.aliases.insert(in.aliases.begin(), in.aliases.end());
      for (const auto& [article, count] : in.article_mentions) {
        int64_t& have = nd.article_mentions[article];
        have = std::max(have, count);
      }
      JoinMin(&nd.color, in.color);
      if (in.x != 0 || in.y != 0 || in.size != 0) {
        auto candidate = std::make_tuple(in.x, in.y, in.size);
        if (!have_position || candidate < std::make_tuple(nd.x, nd.y, nd.size)) {
          std::tie(nd.x, nd.y, nd.size) = candidate;
          have_position = true;
        }
      }
      nd.mention_count = std::max(nd.mention_count, in.mention_count);
      JoinMin(&nd.first_seen, in.first_seen);
      JoinMax(&nd.last_seen, in.last_seen);
    }
    nd.id = ChooseId(ids);
    for (const std::string& id : ids) chosen_id_[id] = nd.id;
    ids.erase(nd.id);
    const std::string where = "node " + nd.id;
    std::vector<const Attributes*> extras;
    for (uint32_t m : blocks_[b])
      extras.push_back(&members_[m].graph->node(members_[m].node).extra);
    nd.extra = JoinAttributes(extras, where, conflicts());
    SetListAttribute(&nd.extra, kMergedIdsAttribute, ids);
    if (!labels.empty()) {
      nd.label = *labels.begin();
      nd.aliases.insert(std::next(labels.begin()), labels.end());
    }
    std::set<std::string> others = KeepSmallest(categories, &nd.category);
    SetListAttribute(&nd.extra, kOtherCategoriesAttribute, others);
    if (!others.empty() && conflicts()) {
      conflicts()->push_back(where + ": categories " + Quoted(categories) + " disagree, kept '" +
                             nd.category + "'");
    }
    others = KeepSmallest(wikidata, &nd.wikidata);
    SetListAttribute(&nd.extra, kOtherWikidataAttribute, others);
    if (!others.empty() && conflicts()) {
      conflicts()->push_back(where + ": wikidata ids " + Quoted(wikidata) + " disagree, kept '" +
                             nd.wikidata + "'");
    }
    others = KeepSmallest(iso3, &nd.iso3);
    SetListAttribute(&nd.extra, kOtherIso3Attribute, others);
    if (!others.empty() && conflicts()) {
      conflicts()->push_back(where + ": iso3 codes " + Quoted(iso3) + " disagree, kept '" +
                             nd.iso3 + "'");
    }
    if (KeepSmallest(dates, &nd.date).size() > 0 && conflicts()) {
      conflicts()->push_back(where + ": dates " + Quoted(dates) + " disagree, kept '" + nd.date +
                             "'");
    }
    if (!nd.wikidata.empty() || !nd.iso3.empty()) {
      SetListAttribute(&nd.extra, kUnkeyedNamesAttribute, unkeyed);
    }
    built[b] = {nd.id, std::move(nd)};
  }

  // Add nodes in id order, so that handles do not depend on input order.
  std::vector<uint32_t> order(blocks_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return built[a].id < built[b].id; });
  block_node_.assign(blocks_.size(), 0);
  for (uint32_t b : order) block_node_[b] = out_.AddNode(std::move(built[b].data));
}

void Merger::BuildEdges() {
  std::unordered_map<std::string, size_t> index;  // edge key -> staged
  std::vector<StagedEdge> staged;
  std::string key;
  for (size_t i = 0; i < inputs_.size(); ++i) {
    const KnowledgeGraph& g = *inputs_[i];
    auto result_node = [&](NodeId n) {
      uint32_t m = static_cast<uint32_t>(first_member_[i] + n);
      return block_node_[block_of_root_[uf_->Find(m)]];
    };
    for (EdgeId e = 0; e < g.num_edges(); ++e) {
      const EdgeData& in = g.edge(e);
      NodeId s = result_node(g.source(e));
      NodeId t = result_node(g.target(e));
      key.clear();
      if (!in.relation.empty()) {
        if (in.symmetric && out_.node(t).id < out_.node(s).id) std::swap(s, t);
        key.append("r\x1f").append(out_.node(s).id).append("\x1f").append(in.relation);
        key.append("\x1f").append(out_.node(t).id);
      } else {
        key.append("x\x1f").append(in.id).append("\x1f").append(out_.node(s).id);
        key.append("\x1f").append(out_.node(t).id);
      }
      auto [it, added] = index.try_emplace(key, staged.size());
      if (added) staged.push_back({s, t, {}});
      staged[it->second].parts.push_back(&in);
    }
  }
  index.clear();

  std::vector<EdgeData> datas(staged.size());
  for (size_t i = 0; i < staged.size(); ++i) {
    const StagedEdge& se = staged[i];
    EdgeData& ed = datas[i];
    const EdgeData& first = *se.parts.front();
    ed.relation = first.relation;
    ed.id = first.relation.empty()
                ? first.id
                : RelationEdgeId(out_.node(se.source).id, first.relation, out_.node(se.target).id);
    JoinEdgeData(se.parts, &ed, conflicts());
    for (const EdgeData* part : se.parts) {
      for (const Evidence& ev : part->evidence) {
        ed.evidence.push_back(ev);
        if (ev.reported_by.empty()) continue;
        auto found = chosen_id_.find(ev.reported_by);
        if (found != chosen_id_.end()) ed.evidence.back().reported_by = found->second;
      }
    }
    // One record per place, the smallest (as KnowledgeGraph::AddEvidence).
    std::sort(ed.evidence.begin(), ed.evidence.end());
    ed.evidence.erase(
        std::unique(ed.evidence.begin(), ed.evidence.end(),
                    [](const Evidence& a, const Evidence& b) { return a.SamePlace(b); }),
        ed.evidence.end());
  }

  // Add edges in (id, source, target, relation) order: handles do not depend
  // on input order either.
  std::vector<size_t> order(staged.size());
  std::iota(order.begin(), order.end(), size_t{0});
  auto sort_key = [&](size_t i) {
    return std::tie(datas[i].id, out_.node(staged[i].source).id, out_.node(staged[i].target).id,
                    datas[i].relation);
  };
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return sort_key(a) < sort_key(b); });
  for (size_t i : order) {
    const StagedEdge& se = staged[i];
    if (datas[i].relation.empty()) {
      out_.AddRawEdge(se.source, se.target, std::move(datas[i]));
    } else {
      EdgeId e = out_.AddEdge(se.source, datas[i].relation, se.target, datas[i].symmetric);
      out_.edge(e) = std::move(datas[i]);
    }
  }
}

void Merger::BuildGraphData() {
  GraphData& data = out_.data();
  std::vector<const Attributes*> extras;
  for (const KnowledgeGraph* g : inputs_) extras.push_back(&g->data().extra);
  data.extra = JoinAttributes(extras, "graph", conflicts());
  for (const KnowledgeGraph* g : inputs_) {
    const GraphData& in = g->data();
    JoinMin(&data.title, in.title);
    for (const auto& [id, article] : in.articles) {
      auto [it, added] = data.articles.try_emplace(id, article);
      if (added || it->second == article) continue;
      ArticleInfo& have = it->second;
      if (conflicts())
        conflicts()->push_back("article " + id + ": metadata differs between inputs");
      JoinMin(&have.title, article.title);
      JoinMin(&have.date, article.date);
      JoinMin(&have.url, article.url);
      JoinMin(&have.lang, article.lang);
    }
  }
}

std::string DescribeKey(const std::string& key) {
  std::string_view rest(key);
  rest.remove_prefix(1);
  if (key[0] != kNameKey) return std::string(rest);
  size_t sep = rest.find('\x1f');
  return std::string(rest.substr(0, sep)) + " '" + std::string(rest.substr(sep + 1)) + "'";
}

void Merger::ReportUnified() {
  std::vector<std::vector<uint32_t>> holders(keys_.size());
  for (const KeyUse& u : uses_) {
    if (key_unified_[u.key]) holders[u.key].push_back(u.member);
  }
  std::set<std::tuple<std::string, std::vector<std::string>, std::string>> decisions;
  for (uint32_t k = 0; k < keys_.size(); ++k) {
    if (holders[k].size() < 2) continue;
    std::set<std::string> ids;
    for (uint32_t m : holders[k]) ids.insert(members_[m].graph->node(members_[m].node).id);
    const std::string& key = keys_.key(k);
    std::string kind = key[0] == kIdKey         ? "same id"
                       : key[0] == kWikidataKey ? "same wikidata"
                       : key[0] == kIso3Key     ? "same iso3"
                                                : "same category and normalised name";
    if (ids.size() < 2 && key[0] != kIdKey) continue;
    std::string detail = DescribeKey(key);
    if (ids.size() < 2) detail += " (" + std::to_string(holders[k].size()) + " records)";
    decisions.insert({kind, std::vector<std::string>(ids.begin(), ids.end()), detail});
  }
  for (const auto& [kind, ids, detail] : decisions) report_->unified.push_back({kind, ids, detail});
}

void DeletionVariants(const std::string& s, size_t depth, std::set<std::string>* out) {
  out->insert(s);
  if (depth == 0) return;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && s[i] == s[i - 1]) continue;  // same variant as deleting s[i-1]
    DeletionVariants(s.substr(0, i) + s.substr(i + 1), depth - 1, out);
  }
}

void Merger::ReportNearMisses() {
  const size_t max_distance = std::min<size_t>(options_.near_miss_max_distance, 2);
  // (category, deletion variant) -> (block, name); only names long enough.
  std::map<std::string, std::vector<std::pair<uint32_t, const std::string*>>> buckets;
  std::vector<bool> block_known(blocks_.size(), false);
  for (uint32_t b = 0; b < blocks_.size(); ++b) {
    const NodeData& nd = out_.node(block_node_[b]);
    block_known[b] = !nd.wikidata.empty() || !nd.iso3.empty();
    std::set<std::pair<std::string, const std::string*>> seen;
    for (uint32_t m : blocks_[b]) {
      for (const std::string& c : members_[m].categories) {
        if (options_.id_only_categories.count(c)) continue;
        for (const std::string& name : members_[m].names) {
          if (name.size() < options_.near_miss_min_length || name.size() > kNearMissMaxLength) {
            continue;
          }
          std::set<std::string> variants;
          DeletionVariants(name, max_distance, &variants);
          for (const std::string& v : variants) {
            std::string bucket = c + '\x1f' + v;
            if (seen.insert({bucket, &name}).second) buckets[bucket].push_back({b, &name});
          }
        }
      }
    }
  }
  // Pair of surviving ids -> (distance, detail), the closest kept.
  std::map<std::pair<std::string, std::string>, std::pair<size_t, std::string>> misses;
  for (const auto& [bucket, entries] : buckets) {
    const std::string category = bucket.substr(0, bucket.find('\x1f'));
    for (size_t i = 0; i < entries.size(); ++i) {
      for (size_t j = i + 1; j < entries.size(); ++j) {
        auto [b1, n1] = entries[i];
        auto [b2, n2] = entries[j];
        if (b1 == b2) continue;
        size_t d = EditDistance(*n1, *n2);
        if (d > max_distance) continue;
        std::string a = out_.node(block_node_[b1]).id, b = out_.node(block_node_[b2]).id;
        std::string na = *n1, nb = *n2;
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
  for (const auto& [ids, value] : misses) {
    report_->near_misses.push_back({"near miss", {ids.first, ids.second}, value.second});
  }
}

KnowledgeGraph Merger::Run() {
  CollectMembers();
  UnionFind uf(members_.size());
  uf_ = &uf;
  UniteByKeys();
  BuildNodes();
  BuildEdges();
  BuildGraphData();
  if (report_ != nullptr) {
    ReportUnified();
    if (options_.near_miss_max_distance > 0) ReportNearMisses();
    std::sort(report_->conflicts.begin(), report_->conflicts.end());
    report_->conflicts.erase(std::unique(report_->conflicts.begin(), report_->conflicts.end()),
                             report_->conflicts.end());
  }
  uf_ = nullptr;
  out_.Finalize();
  return std::move(out_);
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
// IncrementalMerger. The state is the join, so far, of every node and edge
// added (never finalized in between), grouped into blocks (result nodes) by
// the identity rules of merge.h; Result() is what Merge() would build from
// the same joins. Blocks are united with a union-find over block handles;
// edges are keyed by block handles, so a node whose chosen id changes costs
// nothing until Result(), and uniting two blocks re-keys only the edges of
// the block with fewer edges.

namespace {

bool Contains(const std::vector<std::string>& v, const std::string& x) {
  return std::binary_search(v.begin(), v.end(), x);
}

// Inserts x into the sorted vector; true if it was absent.
bool InsertSorted(std::vector<std::string>* v, const std::string& x) {
  auto it = std::lower_bound(v->begin(), v->end(), x);
  if (it != v->end() && *it == x) return false;
  v->insert(it, x);
  return true;
}

// ValuesOf as a sorted vector, written over *out (whose strings are reused:
// no allocation for the common case of no extra attribute).
void SortedValues(const std::string& own, const Attributes& extra, std::string_view attribute,
                  std::vector<std::string>* out) {
  std::string_view encoded = extra.empty() ? std::string_view() : ExtraValue(extra, attribute);
  if (encoded.empty()) {
    out->resize(own.empty() ? 0 : 1);
    if (!own.empty()) out->front().assign(own);
    return;
  }
  std::set<std::string> decoded = DecodeList(encoded);
  decoded.erase("");
  out->assign(decoded.begin(), decoded.end());
  if (!own.empty()) InsertSorted(out, own);
}

std::string EncodeSorted(const std::vector<std::string>& items, size_t skip_from, size_t skip_to) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i >= skip_from && i < skip_to) continue;
    if (!out.empty()) out.push_back('|');
    AppendEscaped(items[i], &out);
  }
  return out;
}

// Sets `name` to the items of `values` other than values[kept] (if any).
void SetRestAttribute(Attributes* extra, std::string_view name,
                      const std::vector<std::string>& values, size_t kept) {
  if (values.size() <= 1) return;
  (*extra)[std::string(name)] = Attribute{"string", EncodeSorted(values, kept, kept + 1)};
}

// One attribute of one more owner, joined as JoinAttributes does.
void JoinAttribute(Attributes* out, const std::string& name, const Attribute& attr) {
  if (IsMergeAttribute(name)) return;
  auto [it, added] = out->try_emplace(name, attr);
  if (added || it->second == attr) return;
  it->second.type = JoinTypes(it->second.type, attr.type);
  if (attr.value < it->second.value) it->second.value = attr.value;
}

void JoinAttributesInto(Attributes* out, const Attributes& in) {
  for (const auto& [name, attr] : in) JoinAttribute(out, name, attr);
}

// What decides a node's identity; every list sorted and unique.
struct Identity {
  std::vector<std::string> ids, wikidata, iso3, categories, names, unkeyed;
};

// The join of the data of a block's members (merge.h, "The merged node").
struct NodeAcc {
  std::string label;  // the smallest label; the others are in aliases
  std::set<std::string> aliases;
  std::vector<std::string> dates;
  std::map<std::string, int64_t> article_mentions;
  std::string color;
  bool have_position = false;
  double x = 0, y = 0, size = 0;
  int64_t mention_count = 0;
  std::string first_seen, last_seen;
  Attributes extra;
};

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

void JoinNode(NodeAcc* acc, const NodeData& in) {
  JoinLabel(acc, in.label);
  if (!in.date.empty()) InsertSorted(&acc->dates, in.date);
  acc->aliases.insert(in.aliases.begin(), in.aliases.end());
  for (const auto& [article, count] : in.article_mentions) {
    auto [it, added] = acc->article_mentions.try_emplace(article, count);
    if (!added) it->second = std::max(it->second, count);
  }
  JoinMin(&acc->color, in.color);
  JoinPosition(acc, in.x, in.y, in.size);
  acc->mention_count = std::max(acc->mention_count, in.mention_count);
  JoinMin(&acc->first_seen, in.first_seen);
  JoinMax(&acc->last_seen, in.last_seen);
  JoinAttributesInto(&acc->extra, in.extra);
}

void JoinNodeAcc(NodeAcc* acc, NodeAcc&& in) {
  JoinLabel(acc, in.label);
  for (const std::string& d : in.dates) InsertSorted(&acc->dates, d);
  if (acc->aliases.empty()) {
    acc->aliases = std::move(in.aliases);
  } else {
    acc->aliases.merge(in.aliases);
  }
  for (const auto& [article, count] : in.article_mentions) {
    auto [it, added] = acc->article_mentions.try_emplace(article, count);
    if (!added) it->second = std::max(it->second, count);
  }
  JoinMin(&acc->color, in.color);
  if (in.have_position) JoinPosition(acc, in.x, in.y, in.size);
  acc->mention_count = std::max(acc->mention_count, in.mention_count);
  JoinMin(&acc->first_seen, in.first_seen);
  JoinMax(&acc->last_seen, in.last_seen);
  JoinAttributesInto(&acc->extra, in.extra);
}

// The scalar fields of an edge part (JoinEdgeData, one part at a time).
// article_ids matter only for edges without evidence (Finalize derives them
// otherwise), so they are kept only from parts without evidence.
void JoinEdgeFields(EdgeData* into, const EdgeData& from, bool first, bool with_article_ids) {
  into->weight = first ? from.weight : std::max(into->weight, from.weight);
  JoinMin(&into->label, from.label);
  into->symmetric = into->symmetric || from.symmetric;
  JoinMin(&into->cameo, from.cameo);
  if (from.goldstein && (!into->goldstein || *from.goldstein < *into->goldstein)) {
    into->goldstein = from.goldstein;
  }
  JoinMin(&into->color, from.color);
  JoinAttributesInto(&into->extra, from.extra);
  into->evidence_count = std::max(into->evidence_count, from.evidence_count);
  JoinMin(&into->modality, from.modality);
  if (with_article_ids && !from.article_ids.empty()) {
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
    return static_cast<size_t>(h ^ (h >> 29));
  }
};

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

}  // namespace

struct IncrementalMerger::State {
  struct Block {
    Identity identity;
    NodeAcc acc;
    std::vector<uint32_t> edges;  // incident edge records (some merged away)
  };
  struct NameEntry {
    bool unified = false;          // some holder has the name unkeyed
    std::vector<uint32_t> blocks;  // holders (one when unified)
  };
  struct EdgeRecord {
    uint32_t source = 0, target = 0;  // block handles, in the parts' direction
    EdgeKey key;                      // as indexed
    bool alive = true;
    bool indexed = false;  // evidence places are in `places`
    EdgeData data;         // joined fields and evidence (one record per place)
  };

  explicit State(const MergeOptions& o) : options(o) {}

  MergeOptions options;
  std::vector<uint32_t> parent;                // union-find over block handles
  std::vector<std::unique_ptr<Block>> blocks;  // null once absorbed
  size_t live_blocks = 0;
  std::unordered_map<std::string, uint32_t> by_id, by_wikidata, by_iso3;
  std::unordered_map<std::string, NameEntry> by_name;      // "category\x1fname key"
  std::unordered_map<std::string, std::string> name_keys;  // surface form -> name key
  std::vector<std::pair<uint32_t, uint32_t>> pending;      // unions to make
  // Scratch space, reused from node to node.
  std::string scratch;
  Identity member;
  std::vector<const std::string*> new_names, new_unkeyed, new_categories;

  std::deque<EdgeRecord> edges;  // a deque: records never move
  std::unordered_map<EdgeKey, uint32_t, EdgeKeyHash> by_edge;
  std::unordered_map<std::string, uint32_t> labels;  // relation or foreign edge id -> label
  std::unordered_map<PlaceKey, uint32_t, PlaceKeyHash> places;  // -> index in evidence

  std::string title;
  std::map<std::string, ArticleInfo> articles;
  Attributes graph_extra;

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

  const std::string& NameKeyOf(const std::string& surface) {
    auto it = name_keys.find(surface);
    if (it == name_keys.end()) {
      it = name_keys.emplace(surface, NameKey(surface, options.names)).first;
    }
    return it->second;
  }

  // The identity of one input node, written over `member` (reused).
  void MemberIdentity(const NodeData& nd) {
    Identity& m = member;
    SortedValues(nd.id, nd.extra, kMergedIdsAttribute, &m.ids);
    SortedValues(nd.wikidata, nd.extra, kOtherWikidataAttribute, &m.wikidata);
    SortedValues(nd.iso3, nd.extra, kOtherIso3Attribute, &m.iso3);
    SortedValues(nd.category, nd.extra, kOtherCategoriesAttribute, &m.categories);
    m.names.clear();
    if (const std::string& k = NameKeyOf(nd.label); !k.empty()) InsertSorted(&m.names, k);
    for (const std::string& alias : nd.aliases) {
      if (const std::string& k = NameKeyOf(alias); !k.empty()) InsertSorted(&m.names, k);
    }
    if (m.wikidata.empty() && m.iso3.empty()) {
      m.unkeyed = m.names;
    } else {
      SortedValues(std::string(), nd.extra, kUnkeyedNamesAttribute, &m.unkeyed);
    }
  }

  bool IdOnly(const std::string& category) const {
    return options.id_only_categories.count(category) > 0;
  }

  void Unite(uint32_t a, uint32_t b) {
    if (a != b) pending.emplace_back(a, b);
  }

  // An id, Wikidata id or ISO3 code of block b: every holder is one.
  void RegisterUnique(std::unordered_map<std::string, uint32_t>* index, const std::string& key,
                      uint32_t b) {
    auto [it, added] = index->try_emplace(key, b);
    if (!added) Unite(b, it->second);
  }

  // Block b holds (category, name); unkeyed: one of its members has the name
  // and neither a Wikidata id nor an ISO3 code.
  void RegisterName(const std::string& category, const std::string& name, bool unkeyed,
                    uint32_t b) {
    scratch.assign(category).push_back('\x1f');
    scratch.append(name);
    auto [it, added] = by_name.try_emplace(scratch);
    NameEntry& entry = it->second;
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
    for (const std::string& id : a.ids) {
      if (InsertSorted(&si.ids, id) && !a_registered) RegisterUnique(&by_id, id, s);
    }
    for (const std::string& q : a.wikidata) {
      if (InsertSorted(&si.wikidata, q) && !a_registered) RegisterUnique(&by_wikidata, q, s);
    }
    for (const std::string& c : a.iso3) {
      if (InsertSorted(&si.iso3, c) && !a_registered) RegisterUnique(&by_iso3, c, s);
    }
    const auto in_all = [](const Identity& i, const std::string& n) {
      return Contains(i.names, n) || Contains(i.unkeyed, n);
    };
    // Old categories with the names that are new, or newly unkeyed.
    new_names.clear();
    new_unkeyed.clear();
    new_categories.clear();
    for (const std::string& n : a.names) {
      if (!in_all(si, n)) new_names.push_back(&n);
    }
    for (const std::string& n : a.unkeyed) {
      if (!in_all(si, n)) {
        if (!Contains(a.names, n)) new_names.push_back(&n);
      } else if (!Contains(si.unkeyed, n)) {
        new_unkeyed.push_back(&n);
      }
    }
    if (!new_names.empty() || !new_unkeyed.empty()) {
      for (const std::string& c : si.categories) {
        if (IdOnly(c)) continue;
        for (const std::string* n : new_names) RegisterName(c, *n, Contains(a.unkeyed, *n), s);
        for (const std::string* n : new_unkeyed) RegisterName(c, *n, true, s);
      }
    }
    for (const std::string& c : a.categories) {
      if (!Contains(si.categories, c)) new_categories.push_back(&c);
    }
    for (const std::string& n : a.names) InsertSorted(&si.names, n);
    for (const std::string& n : a.unkeyed) InsertSorted(&si.unkeyed, n);
    for (const std::string* c : new_categories) {
      InsertSorted(&si.categories, *c);
      if (IdOnly(*c)) continue;
      for (const std::string& n : si.names) RegisterName(*c, n, Contains(si.unkeyed, n), s);
      for (const std::string& n : si.unkeyed) {
        if (!Contains(si.names, n)) RegisterName(*c, n, true, s);
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
    JoinNodeAcc(&blocks[a]->acc, std::move(gone->acc));
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
    auto old = by_edge.find(edges[e].key);
    if (old != by_edge.end() && old->second == e) by_edge.erase(old);
    auto [it, added] = by_edge.try_emplace(k, e);
    if (added) {
      edges[e].key = k;
    } else {
      MergeEdgeInto(it->second, e);
    }
  }

  PlaceKey PlaceOf(uint32_t e, const Evidence& ev) const {
    return {e, ev.begin, ev.end, std::hash<std::string>()(ev.article_id)};
  }

  void IndexPlaces(uint32_t e) {
    edges[e].indexed = true;
    const std::vector<Evidence>& list = edges[e].data.evidence;
    for (uint32_t i = 0; i < list.size(); ++i) places.try_emplace(PlaceOf(e, list[i]), i);
  }

  void UnindexPlaces(uint32_t e) {
    if (!edges[e].indexed) return;
    const std::vector<Evidence>& list = edges[e].data.evidence;
    for (uint32_t i = 0; i < list.size(); ++i) {
      auto it = places.find(PlaceOf(e, list[i]));
      if (it != places.end() && it->second == i) places.erase(it);
    }
    edges[e].indexed = false;
  }

  // One record per place, the smaller (KnowledgeGraph::AddEvidence).
  void AddEvidence(uint32_t e, Evidence&& ev) {
    std::vector<Evidence>& list = edges[e].data.evidence;
    if (edges[e].indexed) {
      auto [it, added] = places.try_emplace(PlaceOf(e, ev), static_cast<uint32_t>(list.size()));
      if (added) {
        list.push_back(std::move(ev));
        return;
      }
      Evidence& have = list[it->second];
      if (have.SamePlace(ev)) {
        if (ev < have) have = std::move(ev);
        return;
      }
      // A hash collision: search.
    }
    for (Evidence& have : list) {
      if (have.SamePlace(ev)) {
        if (ev < have) have = std::move(ev);
        return;
      }
    }
    list.push_back(std::move(ev));
    if (!edges[e].indexed && list.size() >= kIndexedEvidence) IndexPlaces(e);
  }

  void MergeEdgeInto(uint32_t into, uint32_t from) {
    UnindexPlaces(from);
    EdgeData data = std::move(edges[from].data);
    edges[from].alive = false;
    edges[from].data = EdgeData();
    JoinEdgeFields(&edges[into].data, data, /*first=*/false, /*with_article_ids=*/true);
    for (Evidence& ev : data.evidence) AddEvidence(into, std::move(ev));
  }

  uint32_t LabelOf(const std::string& label) {
    auto it = labels.find(label);
    if (it == labels.end()) it = labels.emplace(label, static_cast<uint32_t>(labels.size())).first;
    return it->second;
  }

  // Places one input node; returns its block.
  uint32_t AddNode(const NodeData& nd) {
    MemberIdentity(nd);
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
    for (const std::string& id : m.ids) {
      if (auto it = by_id.find(id); it != by_id.end()) found(it->second);
    }
    for (const std::string& q : m.wikidata) {
      if (auto it = by_wikidata.find(q); it != by_wikidata.end()) found(it->second);
    }
    for (const std::string& c : m.iso3) {
      if (auto it = by_iso3.find(c); it != by_iso3.end()) found(it->second);
    }
    if (into == kNone) {
      for (const std::string& c : m.categories) {
        if (IdOnly(c)) continue;
        for (int pass = 0; pass < 2; ++pass) {
          for (const std::string& n : pass == 0 ? m.names : m.unkeyed) {
            scratch.assign(c).push_back('\x1f');
            scratch.append(n);
            auto it = by_name.find(scratch);
            if (it == by_name.end()) continue;
            if (it->second.unified) {
              found(it->second.blocks.front());
            } else if (Contains(m.unkeyed, n)) {
              for (uint32_t b : it->second.blocks) found(b);
            }
          }
        }
      }
    }
    // Without a match by id the member's name pairs are registered (and
    // unite) in AbsorbIdentity.
    if (into == kNone) into = NewBlock();
    AbsorbIdentity(into, m, /*a_registered=*/false);
    JoinNode(&blocks[into]->acc, nd);
    Drain();
    return into;
  }

  template <typename EvidenceSource>
  void AddEdge(uint32_t s, uint32_t t, const EdgeData& in, EvidenceSource&& evidence) {
    EdgeKey k;
    if (in.relation.empty()) {
      k = {s, t, LabelOf(in.id), kForeignEdge};
    } else if (in.symmetric) {
      k = {std::min(s, t), std::max(s, t), LabelOf(in.relation), kSymmetricRelation};
    } else {
      k = {s, t, LabelOf(in.relation), kDirectedRelation};
    }
    auto [it, added] = by_edge.try_emplace(k, static_cast<uint32_t>(edges.size()));
    uint32_t e = it->second;
    if (added) {
      EdgeRecord& r = edges.emplace_back();
      r.source = s;
      r.target = t;
      r.key = k;
      r.data.relation = in.relation;
      if (in.relation.empty()) r.data.id = in.id;
      blocks[s]->edges.push_back(e);
      if (t != s) blocks[t]->edges.push_back(e);
    }
    JoinEdgeFields(&edges[e].data, in, added, in.evidence.empty());
    evidence([&](Evidence&& ev) { AddEvidence(e, std::move(ev)); });
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
        AddEdge(s, t, in, [&](auto add) {
          for (Evidence& ev : g.edge(e).evidence) add(std::move(ev));
        });
      } else {
        AddEdge(s, t, in, [&](auto add) {
          for (const Evidence& ev : in.evidence) add(Evidence(ev));
        });
      }
    }
    const GraphData& data = g.data();
    JoinMin(&title, data.title);
    JoinAttributesInto(&graph_extra, data.extra);
    for (const auto& [id, article] : data.articles) {
      auto [it, added] = articles.try_emplace(id, article);
      if (added || it->second == article) continue;
      JoinMin(&it->second.title, article.title);
      JoinMin(&it->second.date, article.date);
      JoinMin(&it->second.url, article.url);
      JoinMin(&it->second.lang, article.lang);
    }
  }

  // The merged graph; with `steal` the data is moved out (the state is
  // then to be discarded), else copied and the state left unchanged.
  KnowledgeGraph Export(bool steal);
};

KnowledgeGraph IncrementalMerger::State::Export(bool steal) {
  KnowledgeGraph out;
  out.Reserve(live_blocks, edges.size());
  // Nodes, in id order.
  std::vector<uint32_t> roots;
  roots.reserve(live_blocks);
  std::vector<std::string> chosen(blocks.size());
  for (uint32_t b = 0; b < blocks.size(); ++b) {
    if (!blocks[b]) continue;
    roots.push_back(b);
    const std::vector<std::string>& ids = blocks[b]->identity.ids;
    auto it = std::find_if(ids.begin(), ids.end(),
                           [](const std::string& id) { return !LooksGenerated(id); });
    chosen[b] = it == ids.end() ? ids.front() : *it;
  }
  std::sort(roots.begin(), roots.end(),
            [&](uint32_t a, uint32_t b) { return chosen[a] < chosen[b]; });
  std::vector<NodeId> node_of(blocks.size(), 0);
  for (uint32_t b : roots) {
    Block& block = *blocks[b];
    const Identity& identity = block.identity;
    NodeAcc& acc = block.acc;
    NodeData nd;
    nd.id = chosen[b];
    nd.extra = steal ? std::move(acc.extra) : acc.extra;
    const auto& ids = identity.ids;
    if (ids.size() > 1) {
      size_t kept =
          static_cast<size_t>(std::lower_bound(ids.begin(), ids.end(), nd.id) - ids.begin());
      SetRestAttribute(&nd.extra, kMergedIdsAttribute, ids, kept);
    }
    nd.label = acc.label;
    nd.aliases = steal ? std::move(acc.aliases) : acc.aliases;
    if (!identity.categories.empty()) nd.category = identity.categories.front();
    SetRestAttribute(&nd.extra, kOtherCategoriesAttribute, identity.categories, 0);
    if (!identity.wikidata.empty()) nd.wikidata = identity.wikidata.front();
    SetRestAttribute(&nd.extra, kOtherWikidataAttribute, identity.wikidata, 0);
    if (!identity.iso3.empty()) nd.iso3 = identity.iso3.front();
    SetRestAttribute(&nd.extra, kOtherIso3Attribute, identity.iso3, 0);
    if (!acc.dates.empty()) nd.date = acc.dates.front();
    if ((!nd.wikidata.empty() || !nd.iso3.empty()) && !identity.unkeyed.empty()) {
      nd.extra[std::string(kUnkeyedNamesAttribute)] =
          Attribute{"string", EncodeSorted(identity.unkeyed, 0, 0)};
    }
    nd.article_mentions = steal ? std::move(acc.article_mentions) : acc.article_mentions;
    nd.color = acc.color;
    nd.x = acc.x;
    nd.y = acc.y;
    nd.size = acc.size;
    nd.mention_count = acc.mention_count;
    nd.first_seen = acc.first_seen;
    nd.last_seen = acc.last_seen;
    node_of[b] = out.AddNode(std::move(nd));
  }

  // Edges. A directed and a symmetric record of one relation between the
  // same nodes, oriented alike, are one edge (Merge keys them by ids).
  struct Staged {
    NodeId source, target;
    uint32_t record, other;  // other: the second record, or kNone
    std::string id;
  };
  std::vector<Staged> staged;
  staged.reserve(edges.size());
  std::vector<uint32_t> staged_of(edges.size(), kNone);
  for (uint32_t e = 0; e < edges.size(); ++e) {
    const EdgeRecord& r = edges[e];
    if (!r.alive || staged_of[e] != kNone) continue;
    uint32_t s = FindConst(r.source), t = FindConst(r.target);
    if (r.key.kind == kSymmetricRelation && chosen[t] < chosen[s]) std::swap(s, t);
    uint32_t other = kNone;
    if (r.key.kind != kForeignEdge) {
      // The record of the other kind with the same ids in the same order.
      EdgeKey k = r.key;
      if (k.kind == kDirectedRelation) {
        k = {std::min(s, t), std::max(s, t), k.label, kSymmetricRelation};
      } else {
        k = {s, t, k.label, kDirectedRelation};
      }
      auto it = by_edge.find(k);
      if (it != by_edge.end() && edges[it->second].alive) {
        const EdgeRecord& f = edges[it->second];
        uint32_t fs = FindConst(f.source), ft = FindConst(f.target);
        if (f.key.kind == kSymmetricRelation && chosen[ft] < chosen[fs]) std::swap(fs, ft);
        if (fs == s && ft == t) other = it->second;
      }
    }
    staged_of[e] = static_cast<uint32_t>(staged.size());
    if (other != kNone) staged_of[other] = staged_of[e];
    std::string id =
        r.data.relation.empty() ? r.data.id : RelationEdgeId(chosen[s], r.data.relation, chosen[t]);
    staged.push_back({node_of[s], node_of[t], e, other, std::move(id)});
  }
  const auto rewrite = [&](Evidence* ev) {
    if (ev->reported_by.empty()) return;
    auto it = by_id.find(ev->reported_by);
    if (it != by_id.end()) ev->reported_by = chosen[FindConst(it->second)];
  };
  std::vector<uint32_t> order(staged.size());
  std::iota(order.begin(), order.end(), 0u);
  // By (id, source, target, relation); node handles are in id order, so
  // they compare as the ids do.
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const Staged& x = staged[a];
    const Staged& y = staged[b];
    if (int c = x.id.compare(y.id); c != 0) return c < 0;
    if (x.source != y.source) return x.source < y.source;
    if (x.target != y.target) return x.target < y.target;
    return edges[x.record].data.relation < edges[y.record].data.relation;
  });
  for (uint32_t i : order) {
    Staged& st = staged[i];
    // Stealing a single record: its data goes to the result as it is.
    EdgeData copy;
    EdgeData& ed = steal && st.other == kNone ? edges[st.record].data : copy;
    if (&ed == &copy) ed = steal ? std::move(edges[st.record].data) : edges[st.record].data;
    if (st.other != kNone) {
      EdgeData& more = edges[st.other].data;
      JoinEdgeFields(&ed, more, false, true);
      for (Evidence& ev : more.evidence) ed.evidence.push_back(steal ? std::move(ev) : ev);
    }
    for (Evidence& ev : ed.evidence) rewrite(&ev);
    if (st.other != kNone) {
      std::sort(ed.evidence.begin(), ed.evidence.end());
      ed.evidence.erase(
          std::unique(ed.evidence.begin(), ed.evidence.end(),
                      [](const Evidence& a, const Evidence& b) { return a.SamePlace(b); }),
          ed.evidence.end());
    }
    ed.id = std::move(st.id);
    if (ed.relation.empty()) {
      out.AddRawEdge(st.source, st.target, std::move(ed));
    } else {
      out.AddEdge(st.source, st.target, std::move(ed));
    }
  }

  GraphData& data = out.data();
  data.title = title;
  data.extra = graph_extra;
  data.articles = steal ? std::move(articles) : articles;
  out.Finalize();
  return out;
}

IncrementalMerger::IncrementalMerger(const MergeOptions& options)
    : state_(std::make_unique<State>(options)) {}
IncrementalMerger::~IncrementalMerger() = default;
IncrementalMerger::IncrementalMerger(IncrementalMerger&&) noexcept = default;
IncrementalMerger& IncrementalMerger::operator=(IncrementalMerger&&) noexcept = default;

void IncrementalMerger::Add(const KnowledgeGraph& graph) { state_->AddGraph(graph); }
void IncrementalMerger::Add(KnowledgeGraph&& graph) { state_->AddGraph(graph); }

size_t IncrementalMerger::num_nodes() const { return state_->live_blocks; }

KnowledgeGraph IncrementalMerger::Result() const { return state_->Export(/*steal=*/false); }

KnowledgeGraph IncrementalMerger::TakeResult() {
  KnowledgeGraph out = state_->Export(/*steal=*/true);
  state_ = std::make_unique<State>(state_->options);
  return out;
}

KnowledgeGraph Merge(const std::vector<const KnowledgeGraph*>& inputs, MergeReport* report,
                     const MergeOptions& options) {
  if (report != nullptr) {
    *report = MergeReport();
    return Merger(inputs, report, options).Run();
  }
  IncrementalMerger merger(options);
  for (const KnowledgeGraph* g : inputs) merger.Add(*g);
  return merger.TakeResult();
}

void MergeInto(KnowledgeGraph* into, const KnowledgeGraph& from, MergeReport* report,
               const MergeOptions& options) {
  if (report != nullptr) {
    KnowledgeGraph merged = Merge({into, &from}, report, options);
    *into = std::move(merged);
    return;
  }
  IncrementalMerger merger(options);
  if (&from == into) {
    merger.Add(from);  // merge(a, a) == merge(a); *into must not be moved from
  } else {
    merger.Add(std::move(*into));
    merger.Add(from);
  }
  *into = merger.TakeResult();
}

}  // namespace newsgraph
