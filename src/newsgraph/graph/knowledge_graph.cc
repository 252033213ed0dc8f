#include "newsgraph/graph/knowledge_graph.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <tuple>

#include "newsgraph/base/order_key.h"
#include "newsgraph/graph/boost_graph.h"
#include "newsgraph/graph/hash_bytes.h"

namespace newsgraph {
namespace {

// Appends an edge u -> v to the Boost graph and returns its EdgeId; the
// caller appends its data to impl->edge_data (NewEdge below). This does what
// boost::add_edge does for our BoostGraph (bidirectionalS, vecS vertices, a
// vector of edges whose stored edges are indexes into it).
EdgeId NewBoostEdge(KnowledgeGraph::Impl* impl, NodeId u, NodeId v) {
  using StoredEdge = BoostGraph::StoredEdge;
  BoostGraph& g = impl->g;
  ++impl->version;
  const EdgeId e = static_cast<EdgeId>(g.m_edges.size());
  g.m_edges.emplace_back(u, v, EdgeBundle{e});
  auto it = std::prev(g.m_edges.end());
  g.m_vertices[u].m_out_edges.push_back(StoredEdge(v, it, &g.m_edges));
  g.m_vertices[v].m_in_edges.push_back(StoredEdge(u, it, &g.m_edges));
  return e;
}

// Appends an edge u -> v with empty data (to be filled in place) or with
// `data` moved in; returns the data.
EdgeData& NewEdge(KnowledgeGraph::Impl* impl, NodeId u, NodeId v, EdgeId* e) {
  *e = NewBoostEdge(impl, u, v);
  return impl->edge_data.Append();
}
EdgeData& NewEdge(KnowledgeGraph::Impl* impl, NodeId u, NodeId v, EdgeData&& data, EdgeId* e) {
  *e = NewBoostEdge(impl, u, v);
  return impl->edge_data.Append(std::move(data));
}

// Sets *id to "<source>.<relation>.<target>" with a single allocation.
void SetRelationEdgeId(std::string_view source_id, std::string_view relation,
                       std::string_view target_id, std::string* id) {
  id->clear();
  id->reserve(source_id.size() + relation.size() + target_id.size() + 2);
  id->append(source_id).push_back('.');
  id->append(relation).push_back('.');
  id->append(target_id);
}

// Puts a symmetric relation's endpoints in canonical order (the smaller id
// first) and looks the relation edge up: returns it when it exists, else
// indexes it as the edge to be added next (EdgeId num_edges()), which the
// caller then adds. Registers a relation name not seen before. Leaves
// impl->last_relation equal to `relation`: callers copy the name from there
// (a std::string copied into one costs about half of an assign from a
// string_view).
std::optional<EdgeId> FindOrIndexRelationEdge(KnowledgeGraph::Impl* impl, NodeId* source,
                                              std::string_view relation, NodeId* target,
                                              bool symmetric) {
  if (symmetric && impl->g[*target].id < impl->g[*source].id) std::swap(*source, *target);
  EdgeTriple triple{*source, *target, 0};
  if (impl->last_relation_number != UINT32_MAX && impl->last_relation == relation) {
    triple.relation = impl->last_relation_number;
  } else {
    auto rel = impl->relations.find(relation);
    if (rel == impl->relations.end()) {
      triple.relation = static_cast<uint32_t>(impl->relations.size());
      impl->relations.emplace(std::string(relation), triple.relation);
    } else {
      triple.relation = rel->second;
    }
    impl->last_relation.assign(relation);
    impl->last_relation_number = triple.relation;
  }
  const EdgeId next = static_cast<EdgeId>(impl->g.m_edges.size());
  if (const EdgeId* found = impl->by_key.find_or_insert(triple, next)) return *found;
  return std::nullopt;
}

// A small set of modalities.
unsigned ModalityBit(Modality m) { return 1u << static_cast<unsigned>(m); }

bool IsNameChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_' || c == ':';
}

// Keeps the smaller record when two share a place: a lattice join, so adding
// evidence is commutative, associative and idempotent.
void InsertEvidence(std::vector<Evidence>* list, Evidence ev) {
  for (Evidence& e : *list) {
    if (e.SamePlace(ev)) {
      if (ev < e) e = std::move(ev);
      return;
    }
  }
  list->push_back(std::move(ev));
}

// Article id -> date for Finalize: an open-addressing table of (hash, id,
// date rank) slots, at most half full, probed with HashKeyBytes. A merged
// graph has one article per input graph (100k at 100k graphs);
// std::unordered_map's bucket, node and key were three likely cache misses
// per lookup, and its hash a general-purpose function. A date is found as
// its rank among the distinct dates in string order, so that the earliest
// and latest date of a node or an edge are found by comparing numbers
// (ISO dates of different precision, "2025" and "2025-06-06", compare
// correctly as strings) and only the two kept are copied.
class ArticleDates {
 public:
  static constexpr uint32_t kNoDate = UINT32_MAX;

  explicit ArticleDates(const std::map<std::string, ArticleInfo>& articles) {
    // The distinct dates (few: articles share days), ranked in string order;
    // each article's entry is kept to read its rank once they are numbered.
    struct Ranked {
      const std::string* date;
      uint32_t rank;
    };
    std::map<std::string_view, Ranked> ranks;
    std::vector<std::map<std::string_view, Ranked>::iterator> rank_of;
    for (const auto& entry : articles) {
      const std::string& date = entry.second.date;
      if (!date.empty()) rank_of.push_back(ranks.try_emplace(date, Ranked{&date, 0}).first);
    }
    if (rank_of.empty()) return;
    dates_.reserve(ranks.size());
    for (auto& [text, ranked] : ranks) {
      ranked.rank = static_cast<uint32_t>(dates_.size());
      dates_.push_back(ranked.date);
    }
    size_t capacity = 16;
    while (capacity < 2 * rank_of.size()) capacity *= 2;
    slots_.resize(capacity);
    mask_ = capacity - 1;
    size_t dated = 0;
    for (const auto& [id, info] : articles) {
      if (info.date.empty()) continue;
      const uint64_t h = HashKeyBytes(id);
      size_t i = h & mask_;
      while (slots_[i].id != nullptr) i = (i + 1) & mask_;
      slots_[i] = {h, &id, rank_of[dated++]->second.rank};  // ids are unique: no compare
    }
  }

  // The rank of the date of `article`, or kNoDate when it has none.
  uint32_t Find(const std::string& article) const {
    if (slots_.empty()) return kNoDate;
    const uint64_t h = HashKeyBytes(article);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.id == nullptr) return kNoDate;
      if (s.hash == h && *s.id == article) return s.rank;
    }
  }

  // The date of a rank Find returned.
  const std::string& Date(uint32_t rank) const { return *dates_[rank]; }

 private:
  struct Slot {
    uint64_t hash = 0;
    const std::string* id = nullptr;
    uint32_t rank = kNoDate;
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::vector<const std::string*> dates_;  // distinct, in string order
};

// Sorts an edge's evidence by operator<. Records that compare equal are
// identical (every field is compared), so any sort gives these bytes. The
// records are large (four strings) and their article ids decide most
// comparisons ("bench-10" < "bench-2": evidence added in input order is
// often out of order): the order is found on keys (the id's first 16 bytes
// as two integers, the records compared only on a tie) and each record is
// moved once.
void SortEvidence(std::vector<Evidence>* evidence) {
  std::vector<Evidence>& ev = *evidence;
  if (std::is_sorted(ev.begin(), ev.end())) return;
  struct Key {
    uint64_t head[2];
    uint32_t index;
  };
  std::vector<Key> keys(ev.size());
  for (uint32_t i = 0; i < keys.size(); ++i) {
    keys[i] = {{OrderKey(ev[i].article_id, 0), OrderKey(ev[i].article_id, 8)}, i};
  }
  std::sort(keys.begin(), keys.end(), [&ev](const Key& a, const Key& b) {
    if (a.head[0] != b.head[0]) return a.head[0] < b.head[0];
    if (a.head[1] != b.head[1]) return a.head[1] < b.head[1];
    return ev[a.index] < ev[b.index];
  });
  std::vector<Evidence> sorted;
  sorted.reserve(ev.size());
  for (const Key& k : keys) sorted.push_back(std::move(ev[k.index]));
  ev = std::move(sorted);
}

}  // namespace

std::string_view ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted:
      return "asserted";
    case Modality::kNegated:
      return "negated";
    case Modality::kIntended:
      return "intended";
    case Modality::kHypothetical:
      return "hypothetical";
  }
  return "asserted";
}

std::optional<Modality> ParseModality(std::string_view name) {
  for (Modality m :
       {Modality::kAsserted, Modality::kNegated, Modality::kIntended, Modality::kHypothetical}) {
    if (ModalityName(m) == name) return m;
  }
  return std::nullopt;
}

bool operator<(const Evidence& a, const Evidence& b) {
  return std::tie(a.article_id, a.begin, a.end, a.rule, a.modality, a.sentence, a.reported_by) <
         std::tie(b.article_id, b.begin, b.end, b.rule, b.modality, b.sentence, b.reported_by);
}

bool operator==(const Evidence& a, const Evidence& b) {
  return std::tie(a.article_id, a.begin, a.end, a.rule, a.modality, a.sentence, a.reported_by) ==
         std::tie(b.article_id, b.begin, b.end, b.rule, b.modality, b.sentence, b.reported_by);
}

std::string RelationEdgeId(std::string_view source_id, std::string_view relation,
                           std::string_view target_id) {
  std::string id;
  SetRelationEdgeId(source_id, relation, target_id, &id);
  return id;
}

bool IsAsciiNmtoken(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!IsNameChar(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

KnowledgeGraph::KnowledgeGraph() : impl_(std::make_unique<Impl>()) {}
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : impl_(std::make_unique<Impl>()), data_(other.data_) {
  impl_->g = other.impl_->g;
  impl_->edge_data = other.impl_->edge_data;
  impl_->by_id = other.impl_->by_id;
  impl_->relations = other.impl_->relations;
  impl_->by_key = other.impl_->by_key;
  impl_->last_relation = other.impl_->last_relation;
  impl_->last_relation_number = other.impl_->last_relation_number;
}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) *this = KnowledgeGraph(other);
  return *this;
}

size_t KnowledgeGraph::num_nodes() const { return boost::num_vertices(impl_->g); }
size_t KnowledgeGraph::num_edges() const { return impl_->g.m_edges.size(); }

void KnowledgeGraph::Reserve(size_t nodes, size_t edges) {
  impl_->g.m_vertices.reserve(nodes);
  impl_->by_id.reserve(nodes);
  impl_->by_key.reserve(edges);
  impl_->g.m_edges.reserve(edges);
  impl_->edge_data.Reserve(edges);
}

void KnowledgeGraph::ReserveEdgesOf(NodeId n, size_t out, size_t in) {
  impl_->g.m_vertices[n].m_out_edges.reserve(out);
  impl_->g.m_vertices[n].m_in_edges.reserve(in);
}

NodeId KnowledgeGraph::AddNode(NodeData data) {
  assert(!data.id.empty());
  const uint64_t hash = HashKeyBytes(data.id);
  const BoostGraph& g = impl_->g;
  const NodeId found =
      impl_->by_id.find(data.id, hash, [&g](NodeId n) -> const std::string& { return g[n].id; });
  if (found != NodeIdIndex::kNone) return found;
  ++impl_->version;
  // add_vertex(property, g) would copy the data: add an empty vertex and
  // move the data in.
  NodeId n = static_cast<NodeId>(boost::add_vertex(impl_->g));
  impl_->g[n] = std::move(data);
  impl_->by_id.insert(hash, n);
  return n;
}

std::optional<NodeId> KnowledgeGraph::FindNode(std::string_view id) const {
  const BoostGraph& g = impl_->g;
  const NodeId found = impl_->by_id.find(id, HashKeyBytes(id),
                                         [&g](NodeId n) -> const std::string& { return g[n].id; });
  if (found == NodeIdIndex::kNone) return std::nullopt;
  return found;
}

EdgeId KnowledgeGraph::AddEdge(NodeId source, std::string_view relation, NodeId target,
                               bool symmetric) {
  const std::optional<EdgeId> found =
      FindOrIndexRelationEdge(impl_.get(), &source, relation, &target, symmetric);
  if (found) return *found;
  EdgeId e = 0;
  EdgeData& data = NewEdge(impl_.get(), source, target, &e);
  SetRelationEdgeId(node(source).id, relation, node(target).id, &data.id);
  data.relation = impl_->last_relation;  // == relation (FindOrIndexRelationEdge): a string copy
  data.symmetric = symmetric;
  return e;
}

EdgeId KnowledgeGraph::AddEdge(NodeId source, NodeId target, EdgeData&& data) {
  const std::optional<EdgeId> found =
      FindOrIndexRelationEdge(impl_.get(), &source, data.relation, &target, data.symmetric);
  if (data.id.empty()) {
    SetRelationEdgeId(node(source).id, data.relation, node(target).id, &data.id);
  }
  if (found) {
    edge(*found) = std::move(data);
    return *found;
  }
  EdgeId e = 0;
  NewEdge(impl_.get(), source, target, std::move(data), &e);
  return e;
}

EdgeData& KnowledgeGraph::AddEdgeInPlace(NodeId source, std::string_view relation, NodeId target,
                                         bool symmetric, std::string id) {
  const std::optional<EdgeId> found =
      FindOrIndexRelationEdge(impl_.get(), &source, relation, &target, symmetric);
  EdgeData* data = nullptr;
  if (found) {
    data = &edge(*found);
    *data = EdgeData();
  } else {
    EdgeId e = 0;
    data = &NewEdge(impl_.get(), source, target, &e);
  }
  if (id.empty()) {
    SetRelationEdgeId(node(source).id, relation, node(target).id, &data->id);
  } else {
    data->id = std::move(id);
  }
  data->relation = impl_->last_relation;  // == relation, as above
  data->symmetric = symmetric;
  return *data;
}

std::optional<EdgeId> KnowledgeGraph::FindEdge(NodeId source, std::string_view relation,
                                               NodeId target) const {
  auto rel = impl_->relations.find(relation);
  if (rel == impl_->relations.end()) return std::nullopt;
  if (const EdgeId* e = impl_->by_key.find(EdgeTriple{source, target, rel->second})) return *e;
  const EdgeId* e = impl_->by_key.find(EdgeTriple{target, source, rel->second});
  if (e == nullptr || !edge(*e).symmetric) return std::nullopt;
  return *e;
}

EdgeId KnowledgeGraph::AddRawEdge(NodeId source, NodeId target, EdgeData data) {
  EdgeId e = 0;
  NewEdge(impl_.get(), source, target, std::move(data), &e);
  return e;
}

void KnowledgeGraph::AddEvidence(EdgeId e, Evidence evidence) {
  InsertEvidence(&edge(e).evidence, std::move(evidence));
}

void KnowledgeGraph::AddMention(NodeId n, const std::string& article_id, int64_t count) {
  node(n).article_mentions[article_id] += count;
}

NodeData& KnowledgeGraph::node(NodeId n) { return impl_->g[n]; }
const NodeData& KnowledgeGraph::node(NodeId n) const { return impl_->g[n]; }
EdgeData& KnowledgeGraph::edge(EdgeId e) {
  ++impl_->version;  // the caller may change symmetric or the evidence
  return impl_->edge_data[e];
}
const EdgeData& KnowledgeGraph::edge(EdgeId e) const { return impl_->edge_data[e]; }
NodeId KnowledgeGraph::source(EdgeId e) const {
  return static_cast<NodeId>(impl_->g.m_edges[e].m_source);
}
NodeId KnowledgeGraph::target(EdgeId e) const {
  return static_cast<NodeId>(impl_->g.m_edges[e].m_target);
}

std::vector<EdgeId> KnowledgeGraph::OutEdges(NodeId n) const {
  std::vector<EdgeId> out;
  for (auto [it, end] = boost::out_edges(n, impl_->g); it != end; ++it) {
    out.push_back(impl_->g[*it].id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<EdgeId> KnowledgeGraph::InEdges(NodeId n) const {
  std::vector<EdgeId> in;
  for (auto [it, end] = boost::in_edges(n, impl_->g); it != end; ++it) {
    in.push_back(impl_->g[*it].id);
  }
  std::sort(in.begin(), in.end());
  return in;
}

std::vector<NodeId> KnowledgeGraph::SortedNodes() const {
  std::vector<NodeId> nodes(num_nodes());
  for (NodeId n = 0; n < nodes.size(); ++n) nodes[n] = n;
  std::sort(nodes.begin(), nodes.end(),
            [this](NodeId a, NodeId b) { return node(a).id < node(b).id; });
  return nodes;
}

std::vector<EdgeId> KnowledgeGraph::SortedEdges() const {
  std::vector<EdgeId> edges(num_edges());
  for (EdgeId e = 0; e < edges.size(); ++e) edges[e] = e;
  std::sort(edges.begin(), edges.end(), [this](EdgeId a, EdgeId b) {
    const std::string& ida = edge(a).id;
    const std::string& idb = edge(b).id;
    if (ida != idb) return ida < idb;
    const std::string& sa = node(source(a)).id;
    const std::string& sb = node(source(b)).id;
    if (sa != sb) return sa < sb;
    return node(target(a)).id < node(target(b)).id;
  });
  return edges;
}

void KnowledgeGraph::Finalize() {
  // Article id -> date, for the articles that have one: one hash lookup per
  // distinct article of a node or an edge instead of a search in the map.
  const ArticleDates dates(data_.articles);
  // The earliest and latest date seen, as ranks; the two dates are copied
  // once.
  struct Span {
    uint32_t first = ArticleDates::kNoDate;
    uint32_t last = 0;
    void Widen(uint32_t rank) {
      if (rank == ArticleDates::kNoDate) return;
      if (first == ArticleDates::kNoDate || rank < first) first = rank;
      if (rank > last) last = rank;
    }
    void Store(const ArticleDates& dates, std::string* first_seen, std::string* last_seen) const {
      if (first == ArticleDates::kNoDate) {
        first_seen->clear();
        last_seen->clear();
      } else {
        *first_seen = dates.Date(first);
        *last_seen = dates.Date(last);
      }
    }
  };

  ++impl_->version;
  BoostGraph& g = impl_->g;
  const NodeId nodes = static_cast<NodeId>(num_nodes());
  for (NodeId n = 0; n < nodes; ++n) {
    NodeData& nd = g[n];
    if (nd.article_mentions.empty()) continue;
    nd.mention_count = 0;
    Span span;
    for (const auto& [article, count] : nd.article_mentions) {
      nd.mention_count += count;
      span.Widen(dates.Find(article));
    }
    span.Store(dates, &nd.first_seen, &nd.last_seen);
  }

  // The modality names by Modality, then "mixed", as std::strings: copying
  // one costs about half of assigning a string_view.
  static const std::string kModalities[] = {
      std::string(ModalityName(Modality::kAsserted)), std::string(ModalityName(Modality::kNegated)),
      std::string(ModalityName(Modality::kIntended)),
      std::string(ModalityName(Modality::kHypothetical)), "mixed"};
  static_assert(static_cast<int>(Modality::kHypothetical) == 3);
  for (EdgeId e = 0; e < impl_->edge_data.size(); ++e) {
    EdgeData& ed = impl_->edge_data[e];
    if (ed.evidence.empty()) continue;
    SortEvidence(&ed.evidence);
    ed.evidence_count = static_cast<int64_t>(ed.evidence.size());
    ed.weight = static_cast<double>(ed.evidence_count);
    // article_ids is rewritten in place: a list already right (a graph read
    // back or merged) costs no allocation.
    size_t articles = 0;
    Span span;
    unsigned modalities = 0;
    const std::string* previous = nullptr;
    for (const Evidence& ev : ed.evidence) {
      modalities |= ModalityBit(ev.modality);
      // Evidence is sorted by article first: each article once.
      if (previous != nullptr && *previous == ev.article_id) continue;
      previous = &ev.article_id;
      if (articles < ed.article_ids.size()) {
        ed.article_ids[articles] = ev.article_id;
      } else {
        ed.article_ids.push_back(ev.article_id);
      }
      ++articles;
      span.Widen(dates.Find(ev.article_id));
    }
    ed.article_ids.resize(articles);
    span.Store(dates, &ed.first_seen, &ed.last_seen);
    // One bit set: a single modality (no popcount: it is a library call
    // without -mpopcnt).
    const std::string& modality =
        kModalities[(modalities & (modalities - 1)) == 0 ? std::countr_zero(modalities) : 4];
    if (ed.modality != modality) ed.modality = modality;
  }
}

}  // namespace newsgraph
