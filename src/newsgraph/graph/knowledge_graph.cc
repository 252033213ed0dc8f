#include "newsgraph/graph/knowledge_graph.h"

#include <algorithm>
#include <cassert>
#include <tuple>

#include "newsgraph/graph/boost_graph.h"

namespace newsgraph {
namespace {

// Fills *key with the index key of an edge; returns it.
const std::string& EdgeKey(std::string_view s, std::string_view relation, std::string_view t,
                           std::string* key) {
  key->clear();
  key->append(s).push_back('\x1f');
  key->append(relation).push_back('\x1f');
  key->append(t);
  return *key;
}

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
  id.append(source_id).push_back('.');
  id.append(relation).push_back('.');
  id.append(target_id);
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
  impl_->by_id = other.impl_->by_id;
  impl_->by_key = other.impl_->by_key;
  // Edge descriptors point into the copied storage: rebuild them by EdgeId.
  impl_->edges.resize(other.impl_->edges.size());
  for (auto [it, end] = boost::edges(impl_->g); it != end; ++it) {
    impl_->edges[impl_->g[*it].id] = *it;
  }
}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) *this = KnowledgeGraph(other);
  return *this;
}

size_t KnowledgeGraph::num_nodes() const { return boost::num_vertices(impl_->g); }
size_t KnowledgeGraph::num_edges() const { return impl_->edges.size(); }

void KnowledgeGraph::Reserve(size_t nodes, size_t edges) {
  impl_->g.m_vertices.reserve(nodes);
  impl_->by_id.reserve(nodes);
  impl_->by_key.reserve(edges);
  impl_->edges.reserve(edges);
}

NodeId KnowledgeGraph::AddNode(NodeData data) {
  assert(!data.id.empty());
  auto it = impl_->by_id.find(data.id);
  if (it != impl_->by_id.end()) return it->second;
  std::string id = data.id;
  ++impl_->version;
  NodeId n = static_cast<NodeId>(boost::add_vertex(std::move(data), impl_->g));
  impl_->by_id.emplace(std::move(id), n);
  return n;
}

std::optional<NodeId> KnowledgeGraph::FindNode(std::string_view id) const {
  auto it = impl_->by_id.find(id);
  if (it == impl_->by_id.end()) return std::nullopt;
  return it->second;
}

EdgeId KnowledgeGraph::AddEdge(NodeId source, std::string_view relation, NodeId target,
                               bool symmetric) {
  if (symmetric && node(target).id < node(source).id) std::swap(source, target);
  const std::string& key =
      EdgeKey(node(source).id, relation, node(target).id, &impl_->key_scratch);
  auto it = impl_->by_key.find(key);
  if (it != impl_->by_key.end()) return it->second;
  EdgeData data;
  data.id = RelationEdgeId(node(source).id, relation, node(target).id);
  data.relation = std::string(relation);
  data.symmetric = symmetric;
  EdgeId e = AddRawEdge(source, target, std::move(data));
  impl_->by_key.emplace(key, e);
  return e;
}

std::optional<EdgeId> KnowledgeGraph::FindEdge(NodeId source, std::string_view relation,
                                               NodeId target) const {
  std::string key;
  auto it = impl_->by_key.find(EdgeKey(node(source).id, relation, node(target).id, &key));
  if (it == impl_->by_key.end()) {
    it = impl_->by_key.find(EdgeKey(node(target).id, relation, node(source).id, &key));
    if (it == impl_->by_key.end() || !edge(it->second).symmetric) return std::nullopt;
  }
  return it->second;
}

EdgeId KnowledgeGraph::AddRawEdge(NodeId source, NodeId target, EdgeData data) {
  ++impl_->version;
  EdgeId e = static_cast<EdgeId>(impl_->edges.size());
  auto [desc, added] = boost::add_edge(source, target, EdgeBundle{e, std::move(data)}, impl_->g);
  assert(added);
  (void)added;
  impl_->edges.push_back(desc);
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
  return impl_->g[impl_->edges[e]].data;
}
const EdgeData& KnowledgeGraph::edge(EdgeId e) const { return impl_->g[impl_->edges[e]].data; }
NodeId KnowledgeGraph::source(EdgeId e) const {
  return static_cast<NodeId>(boost::source(impl_->edges[e], impl_->g));
}
NodeId KnowledgeGraph::target(EdgeId e) const {
  return static_cast<NodeId>(boost::target(impl_->edges[e], impl_->g));
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
  const auto date_of = [this](const std::string& article) -> const std::string* {
    auto it = data_.articles.find(article);
    if (it == data_.articles.end() || it->second.date.empty()) return nullptr;
    return &it->second.date;
  };
  // ISO dates of different precision ("2025", "2025-06-06") still compare
  // correctly as strings for min/max.
  const auto widen = [](std::string* first, std::string* last, const std::string& d) {
    if (first->empty() || d < *first) *first = d;
    if (last->empty() || d > *last) *last = d;
  };

  for (NodeId n = 0; n < num_nodes(); ++n) {
    NodeData& nd = node(n);
    if (nd.article_mentions.empty()) continue;
    nd.mention_count = 0;
    nd.first_seen.clear();
    nd.last_seen.clear();
    for (const auto& [article, count] : nd.article_mentions) {
      nd.mention_count += count;
      if (const std::string* d = date_of(article)) widen(&nd.first_seen, &nd.last_seen, *d);
    }
  }

  for (EdgeId e = 0; e < num_edges(); ++e) {
    EdgeData& ed = edge(e);
    if (ed.evidence.empty()) continue;
    std::sort(ed.evidence.begin(), ed.evidence.end());
    ed.evidence_count = static_cast<int64_t>(ed.evidence.size());
    ed.weight = static_cast<double>(ed.evidence_count);
    ed.article_ids.clear();
    ed.first_seen.clear();
    ed.last_seen.clear();
    std::set<Modality> modalities;
    for (const Evidence& ev : ed.evidence) {
      modalities.insert(ev.modality);
      if (ed.article_ids.empty() || ed.article_ids.back() != ev.article_id) {
        ed.article_ids.push_back(ev.article_id);
      }
      if (const std::string* d = date_of(ev.article_id)) widen(&ed.first_seen, &ed.last_seen, *d);
    }
    ed.modality = modalities.size() == 1 ? std::string(ModalityName(*modalities.begin())) : "mixed";
  }
}

}  // namespace newsgraph
