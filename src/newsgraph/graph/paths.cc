#include "newsgraph/graph/paths.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <queue>
#include <set>
#include <tuple>
#include <unordered_set>

#include "newsgraph/base/edit_distance.h"
#include "newsgraph/graph/boost_graph.h"

namespace newsgraph {
namespace {

// ---------------------------------------------------------------- folding

// Base letters of U+00C0..U+00FF and U+0100..U+017F; '*' = several letters,
// '#' = not a letter (kept).
constexpr std::string_view kLatin1 =
    "aaaaaa*ceeeeiiiidnooooo#ouuuuy**aaaaaa*ceeeeiiiidnooooo#ouuuuy*y";
constexpr std::string_view kLatinExtA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnn"
    "oooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatin1.size() == 64);
static_assert(kLatinExtA.size() == 128);

std::string_view FoldLetter(uint32_t cp) {
  switch (cp) {
    case 0xC6:
    case 0xE6:
      return "ae";
    case 0xDE:
    case 0xFE:
      return "th";
    case 0xDF:
      return "ss";
    case 0x132:
    case 0x133:
      return "ij";
    case 0x152:
    case 0x153:
      return "oe";
    default:
      break;
  }
  if (cp >= 0xC0 && cp <= 0xFF && kLatin1[cp - 0xC0] != '#') return kLatin1.substr(cp - 0xC0, 1);
  if (cp >= 0x100 && cp <= 0x17F) return kLatinExtA.substr(cp - 0x100, 1);
  return {};
}

// ---------------------------------------------------------------- edges

struct Step {
  NodeId next;
  EdgeId edge;
  bool forward;
};

// Inclusive prefix comparison of ISO dates at their common precision.
bool DateAtLeast(std::string_view date, std::string_view bound) {
  if (bound.empty()) return true;
  size_t n = std::min(date.size(), bound.size());
  return date.substr(0, n) >= bound.substr(0, n);
}
bool DateAtMost(std::string_view date, std::string_view bound) {
  if (bound.empty()) return true;
  size_t n = std::min(date.size(), bound.size());
  return date.substr(0, n) <= bound.substr(0, n);
}

bool IsIsoDate(std::string_view d) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (d[i] < '0' || d[i] > '9') return false;
    }
    return true;
  };
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  if (!digits(0, 4)) return false;
  if (d.size() >= 7) {
    if (d[4] != '-' || !digits(5, 2)) return false;
    int month = (d[5] - '0') * 10 + (d[6] - '0');
    if (month < 1 || month > 12) return false;
  }
  if (d.size() == 10) {
    if (d[7] != '-' || !digits(8, 2)) return false;
    int day = (d[8] - '0') * 10 + (d[9] - '0');
    if (day < 1 || day > 31) return false;
  }
  return true;
}

// Per-thread scratch arrays indexed by NodeId. An entry is valid when its
// stamp equals the generation of the search that wrote it, so starting a
// search costs O(1) instead of clearing O(nodes).
struct Workspace {
  uint64_t generation = 0;
  std::vector<uint64_t> seen_f, seen_b, good, blocked, excluded, label, done;
  std::vector<uint32_t> dist_f, dist_b;
  struct Label {
    double cost;
    NodeId prev;
    EdgeId edge;
    bool forward;
  };
  std::vector<Label> labels;

  void Fit(size_t n) {
    if (seen_f.size() >= n) return;
    for (auto* v : {&seen_f, &seen_b, &good, &blocked, &excluded, &label, &done}) v->resize(n, 0);
    dist_f.resize(n);
    dist_b.resize(n);
    labels.resize(n);
  }
  uint64_t Next() { return ++generation; }
};

Workspace& ThreadWorkspace() {
  thread_local Workspace workspace;
  return workspace;
}

// The graph's compact adjacency, built once per version of the graph.
std::shared_ptr<const CompactAdjacency> AdjacencyOf(const KnowledgeGraph& graph) {
  const KnowledgeGraph::Impl& impl = graph.impl();
  std::lock_guard<std::mutex> lock(impl.adjacency_mutex);
  if (impl.adjacency && impl.adjacency->version == impl.version) return impl.adjacency;
  auto adj = std::make_shared<CompactAdjacency>();
  const BoostGraph& g = impl.g;
  const size_t n = boost::num_vertices(g);
  adj->version = impl.version;
  adj->offsets.resize(n + 1);
  adj->arcs.reserve(2 * impl.edges.size());
  adj->evidence_count.resize(impl.edges.size());
  for (size_t u = 0; u < n; ++u) {
    adj->offsets[u] = static_cast<uint32_t>(adj->arcs.size());
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
      const EdgeBundle& b = g[*it];
      adj->arcs.push_back(
          {static_cast<NodeId>(boost::target(*it, g)),
           b.id | CompactAdjacency::kOut | (b.data.symmetric ? CompactAdjacency::kSymmetric : 0)});
      adj->evidence_count[b.id] = b.data.evidence_count;
    }
    for (auto [it, end] = boost::in_edges(u, g); it != end; ++it) {
      const EdgeBundle& b = g[*it];
      adj->arcs.push_back({static_cast<NodeId>(boost::source(*it, g)),
                           b.id | (b.data.symmetric ? CompactAdjacency::kSymmetric : 0)});
    }
  }
  adj->offsets[n] = static_cast<uint32_t>(adj->arcs.size());
  impl.adjacency = adj;
  return adj;
}

// What a search may use: the options' filters plus Yen's temporary removals.
class Searcher {
 public:
  Searcher(const KnowledgeGraph& graph, const PathOptions& options)
      : graph_(graph), adj_(AdjacencyOf(graph)), options_(options), ws_(ThreadWorkspace()) {
    ws_.Fit(graph.num_nodes());
    relations_.insert(options.relations.begin(), options.relations.end());
    excluded_relations_.insert(options.exclude_relations.begin(), options.exclude_relations.end());
    excluded_gen_ = ws_.Next();
    for (NodeId n : options.exclude_nodes) {
      if (n < graph.num_nodes()) ws_.excluded[n] = excluded_gen_;
    }
    blocked_gen_ = ws_.Next();
    filtered_ = !relations_.empty() || !excluded_relations_.empty() || options.min_weight > 0 ||
                !options.since.empty() || !options.until.empty();
  }

  // Yen's removals, reset for every spur search.
  void ClearBlocks() {
    blocked_gen_ = ws_.Next();
    blocked_steps_.clear();
  }
  void BlockNode(NodeId n) { ws_.blocked[n] = blocked_gen_; }
  void BlockStep(NodeId from, NodeId to) { blocked_steps_.push_back({from, to}); }

  const KnowledgeGraph& graph() const { return graph_; }
  Workspace& ws() const { return ws_; }

  bool Allowed(EdgeId e) const {
    if (!filtered_) return true;
    const EdgeData& d = graph_.edge(e);
    if (!relations_.empty() && !relations_.count(d.relation)) return false;
    if (excluded_relations_.count(d.relation)) return false;
    if (d.weight < options_.min_weight) return false;
    if (options_.since.empty() && options_.until.empty()) return true;
    if (d.evidence.empty()) {
      return !d.first_seen.empty() && !d.last_seen.empty() &&
             DateAtLeast(d.last_seen, options_.since) && DateAtMost(d.first_seen, options_.until);
    }
    for (const Evidence& ev : d.evidence) {
      auto it = graph_.data().articles.find(ev.article_id);
      if (it == graph_.data().articles.end() || it->second.date.empty()) continue;
      const std::string& date = it->second.date;
      if (DateAtLeast(date, options_.since) && DateAtMost(date, options_.until)) return true;
    }
    return false;
  }

  bool Usable(NodeId n, NodeId from, NodeId to) const {
    if (ws_.blocked[n] == blocked_gen_) return false;
    return n == from || n == to || ws_.excluded[n] != excluded_gen_;
  }

  // Calls f(Step) for every allowed step out of u (reverse: into u, `next`
  // being the node the step comes from). Out-edges first, then in-edges,
  // each in insertion order.
  template <typename F>
  void ForEachStep(NodeId u, bool reverse, F&& f) const {
    const CompactAdjacency::Arc* arc = adj_->arcs.data() + adj_->offsets[u];
    const CompactAdjacency::Arc* end = adj_->arcs.data() + adj_->offsets[u + 1];
    for (; arc != end; ++arc) {
      const bool out = (arc->edge & CompactAdjacency::kOut) != 0;
      // Forward search: along out-edges, against in-edges; reverse: the opposite.
      if (out == reverse && !options_.undirected && !(arc->edge & CompactAdjacency::kSymmetric)) {
        continue;
      }
      const EdgeId e = arc->edge & CompactAdjacency::kEdgeMask;
      if (!Allowed(e)) continue;
      if (!blocked_steps_.empty() && !StepOpen(reverse ? arc->next : u, reverse ? u : arc->next)) {
        continue;
      }
      f(Step{arc->next, e, out != reverse});
    }
  }

  // Arcs of the nodes: the work of expanding them.
  size_t Volume(const std::vector<NodeId>& nodes) const {
    size_t v = 0;
    for (NodeId n : nodes) v += adj_->offsets[n + 1] - adj_->offsets[n];
    return v;
  }

  double Cost(EdgeId e) const {
    if (!options_.weighted) return 1;
    return 1.0 / (1.0 + static_cast<double>(std::max<int64_t>(0, adj_->evidence_count[e])));
  }

  // Edge preference between the same two nodes: cheaper, more evidence,
  // smaller id, smaller handle.
  bool BetterEdge(EdgeId a, EdgeId b) const {
    if (a == b) return false;
    const double ca = Cost(a), cb = Cost(b);
    if (ca != cb) return ca < cb;
    const EdgeData& da = graph_.edge(a);
    const EdgeData& db = graph_.edge(b);
    if (da.evidence_count != db.evidence_count) return da.evidence_count > db.evidence_count;
    if (da.id != db.id) return da.id < db.id;
    return a < b;
  }

  const std::string& Id(NodeId n) const { return graph_.node(n).id; }

 private:
  bool StepOpen(NodeId from, NodeId to) const {
    for (const auto& [f, t] : blocked_steps_) {
      if (f == from && t == to) return false;
    }
    return true;
  }

  const KnowledgeGraph& graph_;
  std::shared_ptr<const CompactAdjacency> adj_;
  const PathOptions& options_;
  Workspace& ws_;
  std::set<std::string> relations_;
  std::set<std::string> excluded_relations_;
  uint64_t excluded_gen_ = 0;
  uint64_t blocked_gen_ = 0;
  std::vector<std::pair<NodeId, NodeId>> blocked_steps_;
  bool filtered_ = false;
};

double PathCost(const KnowledgeGraph& graph, const std::vector<PathHop>& hops,
                const PathOptions& options) {
  double cost = 0;
  for (const PathHop& h : hops) cost += HopCost(graph, h.edge, options);
  return cost;
}

// Fewest hops, the smallest node-id sequence among ties. Bidirectional
// breadth-first search by whole layers, expanding the side with fewer arcs to
// scan; when the layers meet, the distance is the sum of both radii. The path
// is then read greedily through the nodes known to lie on a shortest path.
std::optional<Path> HopSearch(const Searcher& s, NodeId from, NodeId to, size_t max_hops) {
  if (!s.Usable(from, from, to) || !s.Usable(to, from, to)) return std::nullopt;
  if (from == to) return Path{};
  Workspace& w = s.ws();
  const uint64_t gen = w.Next();
  auto seen_f = [&](NodeId n) { return w.seen_f[n] == gen; };
  auto seen_b = [&](NodeId n) { return w.seen_b[n] == gen; };
  w.seen_f[from] = gen;
  w.dist_f[from] = 0;
  w.seen_b[to] = gen;
  w.dist_b[to] = 0;
  std::vector<std::vector<NodeId>> fl{{from}}, bl{{to}};
  uint32_t a = 0, b = 0;
  bool met = false;
  while (!met) {
    if (max_hops > 0 && a + b >= max_hops) return std::nullopt;
    if (fl.back().empty() || bl.back().empty()) return std::nullopt;
    const bool forward = s.Volume(fl.back()) <= s.Volume(bl.back());
    auto& layers = forward ? fl : bl;
    std::vector<uint64_t>& mine = forward ? w.seen_f : w.seen_b;
    std::vector<uint64_t>& theirs = forward ? w.seen_b : w.seen_f;
    std::vector<uint32_t>& dist = forward ? w.dist_f : w.dist_b;
    const uint32_t depth = forward ? a : b;
    std::vector<NodeId> next;
    for (NodeId u : layers[depth]) {
      s.ForEachStep(u, !forward, [&](const Step& st) {
        if (mine[st.next] == gen || !s.Usable(st.next, from, to)) return;
        mine[st.next] = gen;
        dist[st.next] = depth + 1;
        next.push_back(st.next);
        if (theirs[st.next] == gen) met = true;
      });
    }
    layers.push_back(std::move(next));
    (forward ? a : b) += 1;
  }
  const uint32_t total = a + b;
  // Nodes on a shortest path: layer a where the searches met, then back
  // through the forward layers, predecessor by predecessor.
  std::vector<NodeId> good;
  for (NodeId v : fl[a]) {
    if (seen_b(v) && w.dist_b[v] == b) {
      w.good[v] = gen;
      good.push_back(v);
    }
  }
  for (uint32_t i = a; i-- > 0;) {
    std::vector<NodeId> previous;
    for (NodeId x : good) {
      s.ForEachStep(x, true, [&](const Step& st) {
        const NodeId v = st.next;
        if (seen_f(v) && w.dist_f[v] == i && w.good[v] != gen) {
          w.good[v] = gen;
          previous.push_back(v);
        }
      });
    }
    good = std::move(previous);
  }
  Path path;
  NodeId cur = from;
  for (uint32_t pos = 0; pos < total; ++pos) {
    std::optional<Step> best;
    s.ForEachStep(cur, false, [&](const Step& st) {
      const bool on_path =
          pos + 1 <= a ? (seen_f(st.next) && w.dist_f[st.next] == pos + 1 && w.good[st.next] == gen)
                       : (seen_b(st.next) && w.dist_b[st.next] == total - pos - 1);
      if (!on_path || !s.Usable(st.next, from, to)) return;
      if (!best || s.Id(st.next) < s.Id(best->next) ||
          (st.next == best->next && s.BetterEdge(st.edge, best->edge))) {
        best = st;
      }
    });
    if (!best) return std::nullopt;  // cannot happen: the layers prove a path
    path.hops.push_back({best->edge, cur, best->next, best->forward});
    cur = best->next;
  }
  path.cost = static_cast<double>(path.hops.size());
  return path;
}

// Cheapest path by Dijkstra over flat per-node labels. Among equal costs a
// node keeps the predecessor with the smallest id, then the better edge.
std::optional<Path> FlatWeightedSearch(const Searcher& s, const PathOptions& options, NodeId from,
                                       NodeId to) {
  Workspace& w = s.ws();
  const uint64_t gen = w.Next();
  using Entry = std::pair<double, NodeId>;  // (cost, node)
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  w.label[from] = gen;
  w.labels[from] = {0, from, 0, true};
  queue.emplace(0, from);
  bool found = false;
  while (!queue.empty()) {
    auto [cost, u] = queue.top();
    queue.pop();
    if (w.done[u] == gen || cost > w.labels[u].cost) continue;
    w.done[u] = gen;
    if (u == to) {
      found = true;
      break;
    }
    s.ForEachStep(u, false, [&](const Step& st) {
      const NodeId v = st.next;
      if (w.done[v] == gen || !s.Usable(v, from, to)) return;
      const double c = cost + s.Cost(st.edge);
      Workspace::Label& old = w.labels[v];
      if (w.label[v] != gen) {
        w.label[v] = gen;
        old = {c, u, st.edge, st.forward};
        queue.emplace(c, v);
        return;
      }
      if (c < old.cost || (c == old.cost && (s.Id(u) < s.Id(old.prev) ||
                                             (u == old.prev && s.BetterEdge(st.edge, old.edge))))) {
        const bool cheaper = c < old.cost;
        old = {c, u, st.edge, st.forward};
        if (cheaper) queue.emplace(c, v);
      }
    });
  }
  (void)options;
  if (!found) return std::nullopt;
  Path path;
  for (NodeId v = to; v != from;) {
    const Workspace::Label& label = w.labels[v];
    path.hops.push_back({label.edge, label.prev, v, label.forward});
    v = label.prev;
  }
  std::reverse(path.hops.begin(), path.hops.end());
  path.cost = PathCost(s.graph(), path.hops, options);
  return path;
}

// Cheapest path by Dijkstra; with a hop limit, over (node, hops) states.
std::optional<Path> WeightedSearch(const Searcher& s, const PathOptions& options, NodeId from,
                                   NodeId to, size_t max_hops) {
  if (!s.Usable(from, from, to) || !s.Usable(to, from, to)) return std::nullopt;
  if (from == to) return Path{};
  if (max_hops == 0) return FlatWeightedSearch(s, options, from, to);
  const uint64_t layers = max_hops + 1;
  auto key = [layers](NodeId n, uint64_t h) { return uint64_t{n} * layers + h; };
  struct Label {
    double cost;
    uint64_t prev;
    EdgeId edge;
    bool forward;
    bool done;
  };
  std::unordered_map<uint64_t, Label> labels;
  using Entry = std::tuple<double, uint64_t>;  // (cost, state)
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  const uint64_t start = key(from, 0);
  labels[start] = {0, start, 0, true, false};
  queue.emplace(0, start);
  std::optional<uint64_t> found;
  while (!queue.empty()) {
    auto [cost, state] = queue.top();
    queue.pop();
    Label& label = labels[state];
    if (label.done || cost > label.cost) continue;
    label.done = true;
    const NodeId u = static_cast<NodeId>(state / layers);
    const uint64_t h = state % layers;
    if (u == to) {
      found = state;
      break;
    }
    if (h + 1 >= layers) continue;
    s.ForEachStep(u, false, [&](const Step& st) {
      if (!s.Usable(st.next, from, to)) return;
      const uint64_t next = key(st.next, h + 1);
      const double c = cost + s.Cost(st.edge);
      auto it = labels.find(next);
      if (it == labels.end()) {
        labels[next] = {c, state, st.edge, st.forward, false};
        queue.emplace(c, next);
        return;
      }
      Label& old = it->second;
      if (old.done) return;
      const NodeId old_prev = static_cast<NodeId>(old.prev / layers);
      // Equal costs: the smaller previous node id, then the better edge.
      if (c < old.cost || (c == old.cost && (s.Id(u) < s.Id(old_prev) ||
                                             (u == old_prev && s.BetterEdge(st.edge, old.edge))))) {
        const bool cheaper = c < old.cost;
        old = {c, state, st.edge, st.forward, false};
        if (cheaper) queue.emplace(c, next);
      }
    });
  }
  if (!found) return std::nullopt;
  Path path;
  for (uint64_t state = *found; state != start;) {
    const Label& label = labels[state];
    const NodeId v = static_cast<NodeId>(state / layers);
    const NodeId u = static_cast<NodeId>(label.prev / layers);
    path.hops.push_back({label.edge, u, v, label.forward});
    state = label.prev;
  }
  std::reverse(path.hops.begin(), path.hops.end());
  path.cost = PathCost(s.graph(), path.hops, options);
  return path;
}

std::optional<Path> Search(const Searcher& s, const PathOptions& options, NodeId from, NodeId to,
                           size_t max_hops) {
  return options.weighted ? WeightedSearch(s, options, from, to, max_hops)
                          : HopSearch(s, from, to, max_hops);
}

std::vector<NodeId> NodesOf(const Path& p, NodeId from) {
  std::vector<NodeId> nodes{from};
  for (const PathHop& h : p.hops) nodes.push_back(h.to);
  return nodes;
}

}  // namespace

std::string FoldName(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;  // a separator is pending
  auto emit = [&](std::string_view s) {
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.append(s);
  };
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '_') {
        space = true;
      } else if (c == '`') {
        emit("'");
      } else {
        const char lower = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        emit(std::string_view(&lower, 1));
      }
      ++i;
      continue;
    }
    // Two-byte sequences (U+0080..U+07FF) and the U+2000 block.
    if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) {
      const uint32_t cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      if (cp == 0xA0) {
        space = true;
      } else if (cp == 0x2BC) {
        emit("'");
      } else if (std::string_view base = FoldLetter(cp); !base.empty()) {
        emit(base);
      } else {
        emit(text.substr(i, 2));
      }
      i += 2;
      continue;
    }
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
      const unsigned char c3 = static_cast<unsigned char>(text[i + 2]);
      if (c3 == 0x98 || c3 == 0x99) {  // U+2018, U+2019
        emit("'");
        i += 3;
        continue;
      }
      if (c3 >= 0x90 && c3 <= 0x95) {  // hyphens and dashes
        space = true;
        i += 3;
        continue;
      }
    }
    size_t len = (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    emit(text.substr(i, std::min(len, text.size() - i)));
    i += len;
  }
  return out;
}

NodeIndex::NodeIndex(const KnowledgeGraph& graph) : graph_(&graph) {
  for (NodeId n : graph.SortedNodes()) {
    const NodeData& d = graph.node(n);
    std::set<std::string> keys{FoldName(d.id), FoldName(d.label)};
    for (const std::string& alias : d.aliases) keys.insert(FoldName(alias));
    // Known entities answer to their Wikidata id and ISO code too ("Q668", "IND").
    if (!d.wikidata.empty()) keys.insert(FoldName(d.wikidata));
    if (!d.iso3.empty()) keys.insert(FoldName(d.iso3));
    for (const std::string& k : keys) {
      if (!k.empty()) by_key_[k].push_back(n);  // in id order
    }
  }
  for (const auto& [k, nodes] : by_key_) keys_.push_back(k);
  std::sort(keys_.begin(), keys_.end());
}

std::vector<NodeId> NodeIndex::Matches(std::string_view name) const {
  if (auto exact = graph_->FindNode(name)) return {*exact};
  auto it = by_key_.find(FoldName(name));
  if (it == by_key_.end()) return {};
  return it->second;
}

std::vector<NodeId> NodeIndex::Suggestions(std::string_view name, size_t max) const {
  const std::string folded = FoldName(name);
  const size_t distance = std::max<size_t>(2, folded.size() / 3);
  std::vector<NodeId> out;
  for (const std::string& key : ClosestMatches(folded, keys_, distance)) {
    for (NodeId n : by_key_.at(key)) {
      if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
      if (out.size() == max) return out;
    }
  }
  return out;
}

Result<NodeId> NodeIndex::Find(std::string_view name) const {
  auto describe = [this](NodeId n) {
    const NodeData& d = graph_->node(n);
    std::string s = "'" + d.label + "' (" + d.id;
    if (!d.category.empty()) s += ", " + d.category;
    return s + ")";
  };
  std::vector<NodeId> matches = Matches(name);
  if (matches.size() == 1) return matches[0];
  if (matches.empty()) {
    std::string message = "no node named '" + std::string(name) + "'";
    std::vector<NodeId> close = Suggestions(name);
    for (size_t i = 0; i < close.size(); ++i) {
      message += (i == 0 ? "; did you mean " : i + 1 == close.size() ? " or " : ", ");
      message += describe(close[i]);
    }
    if (!close.empty()) message += "?";
    return Status::UsageError(message);
  }
  std::string message =
      "'" + std::string(name) + "' names " + std::to_string(matches.size()) + " nodes: ";
  for (size_t i = 0; i < matches.size(); ++i) message += (i ? ", " : "") + describe(matches[i]);
  return Status::UsageError(message + "; use an id");
}

double HopCost(const KnowledgeGraph& graph, EdgeId edge, const PathOptions& options) {
  if (!options.weighted) return 1;
  return 1.0 / (1.0 + static_cast<double>(std::max<int64_t>(0, graph.edge(edge).evidence_count)));
}

Status ValidatePathOptions(const PathOptions& options) {
  if (!options.since.empty() && !IsIsoDate(options.since)) {
    return Status::UsageError("--since: '" + options.since +
                              "' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  if (!options.until.empty() && !IsIsoDate(options.until)) {
    return Status::UsageError("--until: '" + options.until +
                              "' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  if (!options.since.empty() && !options.until.empty() &&
      !DateAtMost(options.since, options.until)) {
    return Status::UsageError("--since " + options.since + " is after --until " + options.until);
  }
  if (options.min_weight < 0) return Status::UsageError("--min-weight must not be negative");
  return Status::Ok();
}

std::optional<Path> ShortestPath(const KnowledgeGraph& graph, NodeId from, NodeId to,
                                 const PathOptions& options) {
  Searcher s(graph, options);
  return Search(s, options, from, to, options.max_hops);
}

std::vector<Path> ShortestPaths(const KnowledgeGraph& graph, NodeId from, NodeId to, size_t k,
                                const PathOptions& options) {
  std::vector<Path> found;
  if (k == 0) return found;
  Searcher s(graph, options);
  std::optional<Path> first = Search(s, options, from, to, options.max_hops);
  if (!first) return found;
  found.push_back(std::move(*first));
  if (from == to) return found;

  // Candidates by (cost, node id sequence); node sequences seen so far.
  using Key = std::pair<double, std::vector<std::string>>;
  std::map<Key, Path> candidates;
  std::set<std::vector<NodeId>> seen{NodesOf(found[0], from)};
  auto ids = [&s](const std::vector<NodeId>& nodes) {
    std::vector<std::string> out;
    for (NodeId n : nodes) out.push_back(s.Id(n));
    return out;
  };

  while (found.size() < k) {
    const Path& last = found.back();
    const std::vector<NodeId> last_nodes = NodesOf(last, from);
    for (size_t i = 0; i + 1 < last_nodes.size(); ++i) {
      if (options.max_hops > 0 && i >= options.max_hops) break;
      const NodeId spur = last_nodes[i];
      s.ClearBlocks();
      for (size_t j = 0; j < i; ++j) s.BlockNode(last_nodes[j]);
      for (const Path& p : found) {
        std::vector<NodeId> nodes = NodesOf(p, from);
        if (nodes.size() > i + 1 &&
            std::equal(nodes.begin(), nodes.begin() + i + 1, last_nodes.begin())) {
          s.BlockStep(nodes[i], nodes[i + 1]);
        }
      }
      const size_t limit = options.max_hops > 0 ? options.max_hops - i : 0;
      std::optional<Path> tail = Search(s, options, spur, to, limit);
      if (!tail) continue;
      Path candidate;
      candidate.hops.assign(last.hops.begin(), last.hops.begin() + static_cast<ptrdiff_t>(i));
      candidate.hops.insert(candidate.hops.end(), tail->hops.begin(), tail->hops.end());
      candidate.cost = PathCost(graph, candidate.hops, options);
      std::vector<NodeId> nodes = NodesOf(candidate, from);
      if (!seen.insert(nodes).second) continue;
      candidates.emplace(Key{candidate.cost, ids(nodes)}, std::move(candidate));
    }
    if (candidates.empty()) break;
    found.push_back(std::move(candidates.begin()->second));
    candidates.erase(candidates.begin());
  }
  return found;
}

std::vector<uint32_t> HopDistances(const KnowledgeGraph& graph, NodeId from,
                                   const PathOptions& options) {
  std::vector<uint32_t> distance(graph.num_nodes(), kUnreached);
  if (from >= graph.num_nodes()) return distance;
  Searcher s(graph, options);
  distance[from] = 0;
  std::vector<NodeId> layer{from}, next;
  for (uint32_t d = 1; !layer.empty() && (options.max_hops == 0 || d <= options.max_hops); ++d) {
    next.clear();
    for (NodeId u : layer) {
      s.ForEachStep(u, false, [&](const Step& st) {
        if (distance[st.next] != kUnreached || !s.Usable(st.next, from, from)) return;
        distance[st.next] = d;
        next.push_back(st.next);
      });
    }
    layer.swap(next);
  }
  return distance;
}

}  // namespace newsgraph
