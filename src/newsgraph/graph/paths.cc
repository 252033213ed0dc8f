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
#include <type_traits>
#include <unordered_set>
#include <utility>

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
  double cost = 1;  // of the hop, under the search's options
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

// The adjacency as the searches read it, built once per CompactAdjacency:
// each node's arcs ordered [out-edges | symmetric edges | in-edges], so that
// a directed search reads two of the three parts and never tests directions,
// each part sorted by next node (the arcs between two nodes are a binary
// search away), each arc with its hop cost; node ranks in id order (comparing
// ranks is comparing ids); hop costs by edge.
struct SearchGraph {
  struct Arc {
    NodeId next;
    uint32_t edge;  // EdgeId | kOut
    double cost;    // 1 / (1 + evidence_count): read with the arc, not looked up
  };
  static constexpr uint32_t kOut = CompactAdjacency::kOut;
  static constexpr uint32_t kEdgeMask = CompactAdjacency::kEdgeMask;
  // 3 per node + 1: where its out, symmetric and in parts begin; the next
  // node's first entry ends the in part.
  std::vector<uint32_t> offsets;
  std::vector<Arc> arcs;
  std::vector<uint32_t> rank;  // by NodeId: position in id order
  std::vector<double> cost;    // by EdgeId: 1 / (1 + evidence_count)
};

// Per-thread scratch arrays indexed by NodeId. An entry is valid when its
// stamp equals the generation of the search that wrote it, so starting a
// search costs O(1) instead of clearing O(nodes).
struct Workspace {
  uint64_t generation = 0;
  // Breadth-first search: both sides of one node in one cache line.
  struct Hops {
    uint64_t seen_f = 0, seen_b = 0, good = 0;
    uint32_t dist_f = 0, dist_b = 0;
    bool is_good = false;
  };
  // Dijkstra, one side: `prev` is the node before (forward) or after
  // (backward) on the best path found so far.
  struct Label {
    uint64_t stamp = 0, done = 0;
    double cost = 0;
    NodeId prev = 0;
    uint32_t edge : 31 = 0;
    uint32_t forward : 1 = 1;
  };
  // Both sides of a node in one cache line.
  struct alignas(64) Labels {
    Label side[2];
  };
  std::vector<Hops> hops;
  std::vector<Labels> labels;
  std::vector<uint64_t> blocked, excluded;
  // Layers of the breadth-first searches: side i's layer d is
  // nodes[i][start[i][d] .. start[i][d + 1]).
  std::vector<NodeId> nodes[2];
  std::vector<size_t> start[2];
  using Entry = std::pair<double, NodeId>;  // (cost, node), a min-heap
  std::vector<Entry> heap_f, heap_b;
  std::vector<Step> steps;

  void Fit(size_t n) {
    if (hops.size() >= n) return;
    hops.resize(n);
    labels.resize(n);
    blocked.resize(n, 0);
    excluded.resize(n, 0);
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
  adj->arcs.reserve(2 * impl.edge_data.size());
  adj->evidence_count.resize(impl.edge_data.size());
  for (size_t u = 0; u < n; ++u) {
    adj->offsets[u] = static_cast<uint32_t>(adj->arcs.size());
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
      const EdgeId e = g[*it].id;
      const EdgeData& data = impl.edge_data[e];
      adj->arcs.push_back(
          {static_cast<NodeId>(boost::target(*it, g)),
           e | CompactAdjacency::kOut | (data.symmetric ? CompactAdjacency::kSymmetric : 0)});
      adj->evidence_count[e] = data.evidence_count;
    }
    for (auto [it, end] = boost::in_edges(u, g); it != end; ++it) {
      const EdgeId e = g[*it].id;
      adj->arcs.push_back({static_cast<NodeId>(boost::source(*it, g)),
                           e | (impl.edge_data[e].symmetric ? CompactAdjacency::kSymmetric : 0)});
    }
  }
  adj->offsets[n] = static_cast<uint32_t>(adj->arcs.size());
  impl.adjacency = adj;
  return adj;
}

std::shared_ptr<const SearchGraph> BuildSearchGraph(const KnowledgeGraph& graph,
                                                    const CompactAdjacency& adj) {
  auto sg = std::make_shared<SearchGraph>();
  const size_t n = adj.offsets.size() - 1;
  sg->offsets.resize(3 * n + 1);
  sg->arcs.reserve(adj.arcs.size());
  for (size_t u = 0; u < n; ++u) {
    const CompactAdjacency::Arc* begin = adj.arcs.data() + adj.offsets[u];
    const CompactAdjacency::Arc* end = adj.arcs.data() + adj.offsets[u + 1];
    auto part = [&](auto keep) {
      for (const CompactAdjacency::Arc* a = begin; a != end; ++a) {
        if (keep(a->edge)) {
          const uint32_t e = a->edge & CompactAdjacency::kEdgeMask;
          sg->arcs.push_back(
              {a->next, a->edge & (SearchGraph::kOut | SearchGraph::kEdgeMask),
               1.0 / (1.0 + static_cast<double>(std::max<int64_t>(0, adj.evidence_count[e])))});
        }
      }
    };
    constexpr uint32_t kSym = CompactAdjacency::kSymmetric, kOut = CompactAdjacency::kOut;
    sg->offsets[3 * u] = static_cast<uint32_t>(sg->arcs.size());
    part([](uint32_t e) { return (e & kOut) && !(e & kSym); });
    sg->offsets[3 * u + 1] = static_cast<uint32_t>(sg->arcs.size());
    part([](uint32_t e) { return (e & kSym) != 0; });
    sg->offsets[3 * u + 2] = static_cast<uint32_t>(sg->arcs.size());
    part([](uint32_t e) { return !(e & kOut) && !(e & kSym); });
  }
  sg->offsets[3 * n] = static_cast<uint32_t>(sg->arcs.size());
  // Each part by next node, for lookups of the arcs between two nodes.
  for (size_t i = 0; i < 3 * n; ++i) {
    std::sort(sg->arcs.begin() + sg->offsets[i], sg->arcs.begin() + sg->offsets[i + 1],
              [](const SearchGraph::Arc& x, const SearchGraph::Arc& y) {
                return x.next != y.next ? x.next < y.next : x.edge < y.edge;
              });
  }
  sg->rank.resize(n);
  std::vector<NodeId> sorted = graph.SortedNodes();
  for (size_t r = 0; r < sorted.size(); ++r) sg->rank[sorted[r]] = static_cast<uint32_t>(r);
  sg->cost.resize(adj.evidence_count.size());
  for (size_t e = 0; e < sg->cost.size(); ++e) {
    sg->cost[e] = 1.0 / (1.0 + static_cast<double>(std::max<int64_t>(0, adj.evidence_count[e])));
  }
  return sg;
}

// The SearchGraph of the graph's current adjacency. It lives beside the
// adjacency (a CompactAdjacency cannot carry it), in a cache keyed by the
// adjacency's identity: an entry dies with its adjacency.
std::shared_ptr<const SearchGraph> SearchGraphOf(const KnowledgeGraph& graph) {
  using Entry =
      std::pair<std::weak_ptr<const CompactAdjacency>, std::shared_ptr<const SearchGraph>>;
  static std::mutex* mutex = new std::mutex;
  static std::vector<Entry>* cache = new std::vector<Entry>;
  std::shared_ptr<const CompactAdjacency> adj = AdjacencyOf(graph);
  std::lock_guard<std::mutex> lock(*mutex);
  cache->erase(std::remove_if(cache->begin(), cache->end(),
                              [](const Entry& e) { return e.first.expired(); }),
               cache->end());
  for (const Entry& e : *cache) {
    if (!e.first.owner_before(adj) && !adj.owner_before(e.first)) return e.second;
  }
  cache->emplace_back(adj, BuildSearchGraph(graph, *adj));
  return cache->back().second;
}

// What a search may use: the options' filters plus Yen's temporary removals.
class Searcher {
 public:
  Searcher(const KnowledgeGraph& graph, const PathOptions& options)
      : graph_(graph), sg_(SearchGraphOf(graph)), options_(options), ws_(ThreadWorkspace()) {
    ws_.Fit(graph.num_nodes());
    relations_.insert(options.relations.begin(), options.relations.end());
    excluded_relations_.insert(options.exclude_relations.begin(), options.exclude_relations.end());
    excluded_gen_ = ws_.Next();
    for (NodeId n : options.exclude_nodes) {
      if (n < graph.num_nodes()) {
        ws_.excluded[n] = excluded_gen_;
        has_excluded_ = true;
      }
    }
    blocked_gen_ = ws_.Next();
    filtered_ = !relations_.empty() || !excluded_relations_.empty() || options.min_weight > 0 ||
                !options.since.empty() || !options.until.empty();
  }

  // Yen's removals, reset for every spur search.
  void ClearBlocks() {
    blocked_gen_ = ws_.Next();
    blocked_steps_.clear();
    has_blocked_ = false;
  }
  void BlockNode(NodeId n) {
    ws_.blocked[n] = blocked_gen_;
    has_blocked_ = true;
  }
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
    if (has_blocked_ && ws_.blocked[n] == blocked_gen_) return false;
    return !has_excluded_ || n == from || n == to || ws_.excluded[n] != excluded_gen_;
  }

  // Calls f(Step) for every allowed step out of u (reverse: into u, `next`
  // being the node the step comes from). When f returns bool, true stops.
  template <typename F>
  void ForEachStep(NodeId u, bool reverse, F&& f) const {
    const SearchGraph::Arc* arc = sg_->arcs.data() + Begin(u, reverse);
    const SearchGraph::Arc* end = sg_->arcs.data() + End(u, reverse);
    for (; arc != end; ++arc) {
      const bool out = (arc->edge & SearchGraph::kOut) != 0;
      const EdgeId e = arc->edge & SearchGraph::kEdgeMask;
      if (filtered_ && !Allowed(e)) continue;
      if (!blocked_steps_.empty() && !StepOpen(reverse ? arc->next : u, reverse ? u : arc->next)) {
        continue;
      }
      const Step step{arc->next, e, out != reverse, options_.weighted ? arc->cost : 1.0};
      if constexpr (std::is_same_v<decltype(f(std::declval<const Step&>())), bool>) {
        if (f(step)) return;
      } else {
        f(step);
      }
    }
  }

  // Calls f(Step) for every allowed step from u to v (reverse: into u from
  // v), by binary search in u's parts.
  template <typename F>
  void ForEachStepTo(NodeId u, NodeId v, bool reverse, F&& f) const {
    const uint32_t first = 3 * u + (reverse && !options_.undirected ? 1 : 0);
    const uint32_t last = 3 * u + (reverse || options_.undirected ? 3 : 2);
    for (uint32_t part = first; part < last; ++part) {
      const SearchGraph::Arc* begin = sg_->arcs.data() + sg_->offsets[part];
      const SearchGraph::Arc* end = sg_->arcs.data() + sg_->offsets[part + 1];
      const SearchGraph::Arc* arc = std::lower_bound(
          begin, end, v, [](const SearchGraph::Arc& a, NodeId n) { return a.next < n; });
      for (; arc != end && arc->next == v; ++arc) {
        const bool out = (arc->edge & SearchGraph::kOut) != 0;
        const EdgeId e = arc->edge & SearchGraph::kEdgeMask;
        if (filtered_ && !Allowed(e)) continue;
        if (!blocked_steps_.empty() && !StepOpen(reverse ? v : u, reverse ? u : v)) continue;
        f(Step{v, e, out != reverse, options_.weighted ? arc->cost : 1.0});
      }
    }
  }
  bool HasStep(NodeId u, NodeId v, bool reverse) const {
    bool found = false;
    ForEachStepTo(u, v, reverse, [&](const Step&) { found = true; });
    return found;
  }

  // Arcs of u in the direction: the work of expanding it.
  size_t Volume(NodeId u, bool reverse) const { return End(u, reverse) - Begin(u, reverse); }

  double Cost(EdgeId e) const { return options_.weighted ? sg_->cost[e] : 1.0; }

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

  // Comparing ranks is comparing node ids.
  uint32_t Rank(NodeId n) const { return sg_->rank[n]; }

 private:
  uint32_t Begin(NodeId u, bool reverse) const {
    return sg_->offsets[3 * u + (reverse && !options_.undirected ? 1 : 0)];
  }
  uint32_t End(NodeId u, bool reverse) const {
    return sg_->offsets[3 * u + (reverse || options_.undirected ? 3 : 2)];
  }
  bool StepOpen(NodeId from, NodeId to) const {
    for (const auto& [f, t] : blocked_steps_) {
      if (f == from && t == to) return false;
    }
    return true;
  }

  const KnowledgeGraph& graph_;
  std::shared_ptr<const SearchGraph> sg_;
  const PathOptions& options_;
  Workspace& ws_;
  std::set<std::string> relations_;
  std::set<std::string> excluded_relations_;
  uint64_t excluded_gen_ = 0;
  uint64_t blocked_gen_ = 0;
  bool has_excluded_ = false;
  bool has_blocked_ = false;
  std::vector<std::pair<NodeId, NodeId>> blocked_steps_;
  bool filtered_ = false;
};

double PathCost(const KnowledgeGraph& graph, const std::vector<PathHop>& hops,
                const PathOptions& options) {
  double cost = 0;
  for (const PathHop& h : hops) cost += HopCost(graph, h.edge, options);
  return cost;
}

// The path the forward labels of a finished Dijkstra lead back along, from
// `to` to `from`.
Path ForwardLabelPath(const KnowledgeGraph& graph, const Workspace& w, NodeId from, NodeId to,
                      const PathOptions& options) {
  Path path;
  for (NodeId v = to; v != from;) {
    const Workspace::Label& label = w.labels[v].side[0];
    path.hops.push_back({label.edge, label.prev, v, label.forward != 0});
    v = label.prev;
  }
  std::reverse(path.hops.begin(), path.hops.end());
  path.cost = PathCost(graph, path.hops, options);
  return path;
}

// Of the steps [begin, end) to the node of smallest rank, the best one.
std::optional<Step> BestStep(const Searcher& s, const Step* begin, const Step* end) {
  std::optional<Step> best;
  for (const Step* it = begin; it != end; ++it) {
    const Step& st = *it;
    if (!best || s.Rank(st.next) < s.Rank(best->next) ||
        (st.next == best->next && s.BetterEdge(st.edge, best->edge))) {
      best = st;
    }
  }
  return best;
}

// Fewest hops, the smallest node-id sequence among ties. Bidirectional
// breadth-first search by whole layers, expanding the side with fewer arcs to
// scan, and stopping at the first node both sides reach: with forward layers
// 0..a and backward layers 0..b complete, the distance is then a + b + 1.
// When the two frontiers are small but their arcs many (hubs), whether a step
// joins them is checked pair by pair instead, by binary search. The path is
// then read greedily from `from`, each step to the smallest id that still
// lies on a shortest path: within the backward layers that is its distance to
// `to`; within the forward ones, a node of layer p lies on one when it steps
// to such a node of layer p + 1 (found depth first, remembered).
class HopSearch {
 public:
  HopSearch(const Searcher& s, NodeId from, NodeId to)
      : s_(s), w_(s.ws()), from_(from), to_(to), gen_(w_.Next()) {}

  std::optional<Path> Run(size_t max_hops) {
    if (!s_.Usable(from_, from_, to_) || !s_.Usable(to_, from_, to_)) return std::nullopt;
    if (from_ == to_) return Path{};
    size_t volume[2] = {Start(0, from_), Start(1, to_)};
    uint32_t depth[2] = {0, 0};
    while (true) {
      if (max_hops > 0 && depth[0] + depth[1] >= max_hops) return std::nullopt;
      const size_t pairs = LayerSize(0, depth[0]) * LayerSize(1, depth[1]);
      if (pairs * kLookupCost <= std::min(volume[0], volume[1]) &&
          FrontiersTouch(depth[0], depth[1])) {
        break;
      }
      const int side = volume[0] <= volume[1] ? 0 : 1;
      std::vector<NodeId>& nodes = w_.nodes[side];
      std::vector<size_t>& start = w_.start[side];
      const uint32_t d = depth[side];
      const size_t end = start[d + 1];
      size_t next_volume = 0;
      bool met = false;
      for (size_t i = start[d]; i < end && !met; ++i) {
        s_.ForEachStep(nodes[i], side == 1, [&](const Step& st) {
          Workspace::Hops& h = w_.hops[st.next];
          if ((side == 0 ? h.seen_f : h.seen_b) == gen_ || !s_.Usable(st.next, from_, to_)) {
            return false;
          }
          if ((side == 0 ? h.seen_b : h.seen_f) == gen_) return met = true;
          (side == 0 ? h.seen_f : h.seen_b) = gen_;
          (side == 0 ? h.dist_f : h.dist_b) = d + 1;
          nodes.push_back(st.next);
          next_volume += s_.Volume(st.next, side == 1);
          return false;
        });
      }
      if (met) break;
      if (nodes.size() == end) return std::nullopt;  // this side has nowhere left to go
      start.push_back(nodes.size());
      volume[side] = next_volume;
      ++depth[side];
    }
    a_ = depth[0];
    b_ = depth[1];
    return Read();
  }

 private:
  // A binary search for the steps between two nodes costs about as much as
  // scanning this many arcs.
  static constexpr size_t kLookupCost = 16;

  size_t Start(int side, NodeId n) {
    Workspace::Hops& h = w_.hops[n];
    (side == 0 ? h.seen_f : h.seen_b) = gen_;
    (side == 0 ? h.dist_f : h.dist_b) = 0;
    w_.nodes[side].assign(1, n);
    w_.start[side].assign({0, 1});
    return s_.Volume(n, side == 1);
  }
  // Layer d of a side (complete layers only).
  size_t LayerSize(int side, uint32_t d) const { return w_.start[side][d + 1] - w_.start[side][d]; }
  const NodeId* Layer(int side, uint32_t d) const {
    return w_.nodes[side].data() + w_.start[side][d];
  }
  bool AtForward(NodeId n, uint32_t p) const {
    return w_.hops[n].seen_f == gen_ && w_.hops[n].dist_f == p;
  }
  bool AtBackward(NodeId n, uint32_t r) const {
    return w_.hops[n].seen_b == gen_ && w_.hops[n].dist_b == r;
  }
  // A step x -> y, looked up in whichever end has fewer arcs.
  bool Joins(NodeId x, NodeId y) const {
    return s_.Volume(x, false) <= s_.Volume(y, true) ? s_.HasStep(x, y, false)
                                                     : s_.HasStep(y, x, true);
  }
  bool FrontiersTouch(uint32_t a, uint32_t b) const {
    const NodeId* xs = Layer(0, a);
    const NodeId* ys = Layer(1, b);
    for (size_t i = 0; i < LayerSize(0, a); ++i) {
      for (size_t j = 0; j < LayerSize(1, b); ++j) {
        if (Joins(xs[i], ys[j])) return true;
      }
    }
    return false;
  }

  // Whether x, at forward layer p <= a, lies on a shortest path.
  bool Good(NodeId x, uint32_t p) {
    if (w_.hops[x].good == gen_) return w_.hops[x].is_good;
    const int side = p == a_ ? 1 : 0;
    const uint32_t d = p == a_ ? b_ : p + 1;
    auto next_good = [&](NodeId y) {
      return side == 1 ? AtBackward(y, d) : AtForward(y, d) && Good(y, d);
    };
    bool good = false;
    if (s_.Volume(x, false) <= LayerSize(side, d) * kLookupCost) {
      s_.ForEachStep(x, false, [&](const Step& st) { return good = next_good(st.next); });
    } else {
      const NodeId* ys = Layer(side, d);
      for (size_t j = 0; j < LayerSize(side, d) && !good; ++j) {
        good = s_.HasStep(x, ys[j], false) && next_good(ys[j]);
      }
    }
    w_.hops[x].good = gen_;
    w_.hops[x].is_good = good;
    return good;
  }

  // Appends the steps from `cur` to the nodes of layer d of a side.
  void StepsToLayer(NodeId cur, int side, uint32_t d, std::vector<Step>* out) const {
    if (s_.Volume(cur, false) <= LayerSize(side, d) * kLookupCost) {
      s_.ForEachStep(cur, false, [&](const Step& st) {
        if (side == 0 ? AtForward(st.next, d) : AtBackward(st.next, d)) out->push_back(st);
      });
      return;
    }
    const NodeId* ys = Layer(side, d);
    for (size_t j = 0; j < LayerSize(side, d); ++j) {
      s_.ForEachStepTo(cur, ys[j], false, [&](const Step& st) { out->push_back(st); });
    }
  }

  std::optional<Path> Read() {
    const uint32_t total = a_ + b_ + 1;
    Path path;
    std::vector<Step>& steps = w_.steps;
    NodeId cur = from_;
    for (uint32_t pos = 0; pos < total; ++pos) {
      steps.clear();
      std::optional<Step> best;
      if (pos >= a_) {
        StepsToLayer(cur, 1, total - pos - 1, &steps);
        best = BestStep(s_, steps.data(), steps.data() + steps.size());
      } else {
        StepsToLayer(cur, 0, pos + 1, &steps);
        std::sort(steps.begin(), steps.end(), [this](const Step& x, const Step& y) {
          return s_.Rank(x.next) < s_.Rank(y.next);
        });
        for (size_t i = 0; i < steps.size(); ++i) {
          if (i > 0 && steps[i].next == steps[i - 1].next) continue;
          if (!Good(steps[i].next, pos + 1)) continue;
          size_t j = i;
          while (j < steps.size() && steps[j].next == steps[i].next) ++j;
          best = BestStep(s_, steps.data() + i, steps.data() + j);
          break;
        }
      }
      if (!best) return std::nullopt;  // cannot happen: the layers prove a path
      path.hops.push_back({best->edge, cur, best->next, best->forward});
      cur = best->next;
    }
    path.cost = static_cast<double>(path.hops.size());
    return path;
  }

  const Searcher& s_;
  Workspace& w_;
  const NodeId from_, to_;
  const uint64_t gen_;
  uint32_t a_ = 0, b_ = 0;
};

// Cheapest path, exactly the one a plain Dijkstra from `from` finds when,
// among equal costs, a node keeps the predecessor with the smallest id, then
// the better edge (the costs are float sums: "equal" is bit for bit).
//
// Phase 1, bidirectional Dijkstra: mu is the cheapest from -> to walk seen
// through a node both sides labelled; it stops once top_f + top_b >= mu.
// Both sides skip what cannot be on a path cheaper than mu (+ a rounding
// margin): lower bounds to the goal are the other side's final label, or its
// queue's minimum for nodes it has not settled. Phase 2 goes on with the
// forward search, expanding only the nodes those bounds keep (the nodes on
// cheapest paths, give or take ties), until `to` is settled: the labels it
// reads the path from are then those of the plain search, since every node on
// a cheapest path and every predecessor that ties for it are kept.
class WeightedSearch {
 public:
  WeightedSearch(const Searcher& s, NodeId from, NodeId to)
      : s_(s), w_(s.ws()), from_(from), to_(to), gen_(w_.Next()) {}

  std::optional<Path> Run(const PathOptions& options) {
    if (!s_.Usable(from_, from_, to_) || !s_.Usable(to_, from_, to_)) return std::nullopt;
    if (from_ == to_) return Path{};
    w_.heap_f.clear();
    w_.heap_b.clear();
    Set(0, from_, {0, from_, 0, true});
    Push(w_.heap_f, 0, from_);
    Set(1, to_, {0, to_, 0, true});
    Push(w_.heap_b, 0, to_);
    while (true) {
      const double top_f = Top(w_.heap_f, 0), top_b = Top(w_.heap_b, 1);
      if (top_f == kInf || top_b == kInf || top_f + top_b >= mu_) break;
      if (w_.heap_f.size() <= w_.heap_b.size()) {
        ExpandForward(top_b);
      } else {
        ExpandBackward(top_f);
      }
    }
    if (mu_ == kInf) return std::nullopt;
    // Phase 2.
    const double top_b = Top(w_.heap_b, 1);
    while (At(0, to_).done != gen_) {
      if (Top(w_.heap_f, 0) == kInf) return std::nullopt;  // cannot happen
      ExpandForward(top_b, /*refine=*/true);
    }
    return ForwardLabelPath(s_.graph(), w_, from_, to_, options);
  }

 private:
  static constexpr double kInf = std::numeric_limits<double>::infinity();
  using Heap = std::vector<Workspace::Entry>;

  struct Value {
    double cost;
    NodeId prev;
    EdgeId edge;
    bool forward;
  };
  Workspace::Label& At(int side, NodeId n) const { return w_.labels[n].side[side]; }
  void Set(int side, NodeId n, const Value& v) {
    Workspace::Label& l = At(side, n);
    l.stamp = gen_;
    l.cost = v.cost;
    l.prev = v.prev;
    l.edge = v.edge;
    l.forward = v.forward;
  }
  static void Push(Heap& heap, double cost, NodeId n) {
    heap.emplace_back(cost, n);
    std::push_heap(heap.begin(), heap.end(), std::greater<>());
  }
  // The smallest cost in the heap after dropping stale entries; kInf if none.
  double Top(Heap& heap, int side) const {
    while (!heap.empty()) {
      const auto [cost, n] = heap.front();
      const Workspace::Label& l = At(side, n);
      if (l.done != gen_ && cost <= l.cost) return cost;
      std::pop_heap(heap.begin(), heap.end(), std::greater<>());
      heap.pop_back();
    }
    return kInf;
  }
  bool Keep(double cost) const { return cost <= mu_ + 1e-9 * (1.0 + mu_); }
  // A lower bound of the cost from n to `to` (forward) or from `from` to n.
  double Bound(int other, NodeId n, double other_top) const {
    const Workspace::Label& l = At(other, n);
    return l.done == gen_ ? l.cost : other_top;
  }

  // Settles the top of the forward heap (Top() was called just before).
  void ExpandForward(double top_b, bool refine = false) {
    Heap& heap = w_.heap_f;
    const NodeId u = heap.front().second;
    const double cost = heap.front().first;
    std::pop_heap(heap.begin(), heap.end(), std::greater<>());
    heap.pop_back();
    At(0, u).done = gen_;
    if (!Keep(cost + Bound(1, u, top_b))) return;
    if (refine && At(1, u).done != gen_) {
      // Not settled backwards: its bound is the backward queue's minimum;
      // one step towards settled nodes gives a sharper one.
      double bound = kInf;
      s_.ForEachStep(u, false, [&](const Step& st) {
        bound = std::min(bound, st.cost + Bound(1, st.next, top_b));
      });
      if (!Keep(cost + bound)) return;
    }
    s_.ForEachStep(u, false, [&](const Step& st) {
      const NodeId v = st.next;
      Workspace::Label& old = At(0, v);
      if (old.done == gen_ || !s_.Usable(v, from_, to_)) return;
      const double c = cost + st.cost;
      const Workspace::Label& back = At(1, v);
      if (back.stamp == gen_ && c + back.cost < mu_) mu_ = c + back.cost;
      if (!Keep(c + Bound(1, v, top_b))) return;
      if (old.stamp != gen_) {
        Set(0, v, {c, u, st.edge, st.forward});
        Push(heap, c, v);
        return;
      }
      if (c < old.cost ||
          (c == old.cost && (s_.Rank(u) < s_.Rank(old.prev) ||
                             (u == old.prev && s_.BetterEdge(st.edge, old.edge))))) {
        const bool cheaper = c < old.cost;
        Set(0, v, {c, u, st.edge, st.forward});
        if (cheaper) Push(heap, c, v);
      }
    });
  }

  void ExpandBackward(double top_f) {
    Heap& heap = w_.heap_b;
    const NodeId u = heap.front().second;
    const double cost = heap.front().first;
    std::pop_heap(heap.begin(), heap.end(), std::greater<>());
    heap.pop_back();
    At(1, u).done = gen_;
    if (!Keep(cost + Bound(0, u, top_f))) return;
    s_.ForEachStep(u, true, [&](const Step& st) {
      const NodeId v = st.next;
      Workspace::Label& old = At(1, v);
      if (old.done == gen_ || !s_.Usable(v, from_, to_)) return;
      const double c = cost + st.cost;
      const Workspace::Label& fwd = At(0, v);
      if (fwd.stamp == gen_ && c + fwd.cost < mu_) mu_ = c + fwd.cost;
      if (!Keep(c + Bound(0, v, top_f))) return;
      if (old.stamp != gen_ || c < old.cost) {
        Set(1, v, {c, u, st.edge, st.forward});
        Push(heap, c, v);
      }
    });
  }

  const Searcher& s_;
  Workspace& w_;
  const NodeId from_, to_;
  const uint64_t gen_;
  double mu_ = kInf;
};

// Lower bounds of the cost to `to` for a series of searches towards `to`
// whose removals only grow (Yen's spur searches): the exact costs of one full
// backward Dijkstra without removals (infinity where `to` cannot be reached).
std::vector<double> CostsTo(const Searcher& s, NodeId from, NodeId to) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> cost(s.graph().num_nodes(), kInf);
  std::vector<Workspace::Entry>& heap = s.ws().heap_b;
  heap.clear();
  cost[to] = 0;
  heap.emplace_back(0, to);
  while (!heap.empty()) {
    const auto [c, u] = heap.front();
    std::pop_heap(heap.begin(), heap.end(), std::greater<>());
    heap.pop_back();
    if (c > cost[u]) continue;
    s.ForEachStep(u, true, [&](const Step& st) {
      const double next = c + st.cost;
      if (next < cost[st.next] && s.Usable(st.next, from, to)) {
        cost[st.next] = next;
        heap.emplace_back(next, st.next);
        std::push_heap(heap.begin(), heap.end(), std::greater<>());
      }
    });
  }
  return cost;
}

// The same path as WeightedSearch, guided by lower bounds `h` of the cost to
// `to` (CostsTo). The plain Dijkstra from `from`, reading only the nodes v
// whose cost plus h(v) is within a limit (+ a rounding margin): once the
// limit is at least the cost mu of the cheapest path, every node on a
// cheapest path and every predecessor that ties for it is kept, so the labels
// the path is read from are the plain search's. The first limit is h(from),
// which is mu unless Yen's removals cut the cheapest paths; then the lowest
// cost cut off, twice; then mu itself, found by A*.
class GuidedSearch {
 public:
  GuidedSearch(const Searcher& s, const std::vector<double>& h, NodeId from, NodeId to)
      : s_(s), w_(s.ws()), h_(h), from_(from), to_(to) {}

  std::optional<Path> Run(const PathOptions& options) {
    if (!s_.Usable(from_, from_, to_) || !s_.Usable(to_, from_, to_)) return std::nullopt;
    if (from_ == to_) return Path{};
    if (h_[from_] == kInf) return std::nullopt;
    double limit = h_[from_];
    bool reached = false;
    for (int attempt = 0; attempt < 3 && !reached; ++attempt) {
      const double cut = Search(/*astar=*/false, limit, &reached);
      if (!reached && cut == kInf) return std::nullopt;  // nothing was cut: no path
      limit = cut;
    }
    if (!reached) {
      const double mu = Search(/*astar=*/true, kInf, &reached);
      if (!reached) return std::nullopt;
      Search(/*astar=*/false, mu, &reached);
    }
    return ForwardLabelPath(s_.graph(), w_, from_, to_, options);
  }

 private:
  static constexpr double kInf = std::numeric_limits<double>::infinity();

  // A*: sets *reached and returns the cost of `to`. Else the Dijkstra that
  // keeps only what is within `limit`: sets *reached when it settles `to`
  // (its labels are then final), and returns the lowest cost plus bound it
  // cut off.
  double Search(bool astar, double limit, bool* reached) {
    const uint64_t gen = w_.Next();
    const double keep = limit + 1e-9 * (1.0 + limit);
    double cut = kInf;
    *reached = false;
    std::vector<Workspace::Entry>& heap = w_.heap_f;
    heap.clear();
    auto set = [&](NodeId n, double cost, NodeId prev, EdgeId edge, bool forward) {
      Workspace::Label& l = w_.labels[n].side[0];
      l.stamp = gen;
      l.cost = cost;
      l.prev = prev;
      l.edge = edge;
      l.forward = forward;
    };
    set(from_, 0, from_, 0, true);
    heap.emplace_back(astar ? h_[from_] : 0, from_);
    while (!heap.empty()) {
      const auto [key, u] = heap.front();
      std::pop_heap(heap.begin(), heap.end(), std::greater<>());
      heap.pop_back();
      Workspace::Label& lu = w_.labels[u].side[0];
      const double cost = lu.cost;
      if (lu.done == gen || key > (astar ? cost + h_[u] : cost)) continue;  // stale
      lu.done = gen;
      if (u == to_) {
        *reached = true;
        return astar ? cost : cut;
      }
      s_.ForEachStep(u, false, [&](const Step& st) {
        const NodeId v = st.next;
        const double c = cost + st.cost;
        const double f = c + h_[v];
        if (f == kInf) return;
        if (!astar && f > keep) {
          cut = std::min(cut, f);
          return;
        }
        Workspace::Label& old = w_.labels[v].side[0];
        if (old.done == gen || !s_.Usable(v, from_, to_)) return;
        if (old.stamp != gen || c < old.cost) {
          set(v, c, u, st.edge, st.forward);
          heap.emplace_back(astar ? f : c, v);
          std::push_heap(heap.begin(), heap.end(), std::greater<>());
        } else if (!astar && c == old.cost &&
                   (s_.Rank(u) < s_.Rank(old.prev) ||
                    (u == old.prev && s_.BetterEdge(st.edge, old.edge)))) {
          set(v, c, u, st.edge, st.forward);
        }
      });
    }
    return astar ? kInf : cut;
  }

  const Searcher& s_;
  Workspace& w_;
  const std::vector<double>& h_;
  const NodeId from_, to_;
};

// Cheapest path within max_hops > 0 hops: Dijkstra over (node, hops) states.
std::optional<Path> HopLimitedWeightedSearch(const Searcher& s, const PathOptions& options,
                                             NodeId from, NodeId to, size_t max_hops) {
  if (!s.Usable(from, from, to) || !s.Usable(to, from, to)) return std::nullopt;
  if (from == to) return Path{};
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
      const double c = cost + st.cost;
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
      if (c < old.cost || (c == old.cost && (s.Rank(u) < s.Rank(old_prev) ||
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
                           size_t max_hops, const std::vector<double>* costs_to = nullptr) {
  if (!options.weighted) return HopSearch(s, from, to).Run(max_hops);
  if (max_hops == 0 && costs_to) return GuidedSearch(s, *costs_to, from, to).Run(options);
  if (max_hops == 0) return WeightedSearch(s, from, to).Run(options);
  return HopLimitedWeightedSearch(s, options, from, to, max_hops);
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
  // Weighted: one backward Dijkstra gives every spur search its bounds.
  std::vector<double> costs_to;
  if (options.weighted && options.max_hops == 0 && k > 1 && from != to &&
      from < graph.num_nodes() && to < graph.num_nodes()) {
    costs_to = CostsTo(s, from, to);
  }
  const std::vector<double>* guide = costs_to.empty() ? nullptr : &costs_to;
  std::optional<Path> first = Search(s, options, from, to, options.max_hops, guide);
  if (!first) return found;
  found.push_back(std::move(*first));
  if (from == to) return found;

  // Candidates by (cost, node id sequence, as ranks), with the index where
  // each leaves the path it was found from; node sequences seen so far.
  using Key = std::pair<double, std::vector<uint32_t>>;
  std::map<Key, std::pair<Path, size_t>> candidates;
  std::set<std::vector<NodeId>> seen{NodesOf(found[0], from)};
  auto ids = [&s](const std::vector<NodeId>& nodes) {
    std::vector<uint32_t> out;
    for (NodeId n : nodes) out.push_back(s.Rank(n));
    return out;
  };

  // Spur nodes before the last path's deviation index are skipped (Lawler):
  // their removals are those some earlier path was already spurred with, so
  // Yen's algorithm would only find candidates it has seen.
  size_t deviation = 0;
  while (found.size() < k) {
    const Path& last = found.back();
    const std::vector<NodeId> last_nodes = NodesOf(last, from);
    for (size_t i = deviation; i + 1 < last_nodes.size(); ++i) {
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
      std::optional<Path> tail = Search(s, options, spur, to, limit, guide);
      if (!tail) continue;
      Path candidate;
      candidate.hops.assign(last.hops.begin(), last.hops.begin() + static_cast<ptrdiff_t>(i));
      candidate.hops.insert(candidate.hops.end(), tail->hops.begin(), tail->hops.end());
      candidate.cost = PathCost(graph, candidate.hops, options);
      std::vector<NodeId> nodes = NodesOf(candidate, from);
      if (!seen.insert(nodes).second) continue;
      candidates.emplace(Key{candidate.cost, ids(nodes)}, std::make_pair(std::move(candidate), i));
    }
    if (candidates.empty()) break;
    found.push_back(std::move(candidates.begin()->second.first));
    deviation = candidates.begin()->second.second;
    candidates.erase(candidates.begin());
  }
  return found;
}

// Direction-optimising breadth-first search: a layer is expanded top-down
// (the frontier's arcs) while it is small, bottom-up (every node not reached
// yet looks for a parent in the frontier, stopping at the first) once its
// arcs outnumber a fraction of those left. Bitmaps keep the hot tests in
// cache. Distances are the same either way.
std::vector<uint32_t> HopDistances(const KnowledgeGraph& graph, NodeId from,
                                   const PathOptions& options) {
  const size_t n = graph.num_nodes();
  std::vector<uint32_t> distance(n, kUnreached);
  if (from >= n) return distance;
  Searcher s(graph, options);
  std::vector<uint64_t> reached((n + 63) / 64, 0), frontier((n + 63) / 64, 0);
  auto test = [](const std::vector<uint64_t>& bits, NodeId v) {
    return (bits[v >> 6] >> (v & 63)) & 1;
  };
  auto set = [](std::vector<uint64_t>& bits, NodeId v) { bits[v >> 6] |= uint64_t{1} << (v & 63); };
  // Arcs into the nodes not reached yet: the most a bottom-up layer reads.
  size_t unreached_arcs = 0;
  for (NodeId v = 0; v < n; ++v) unreached_arcs += s.Volume(v, true);
  distance[from] = 0;
  set(reached, from);
  unreached_arcs -= s.Volume(from, true);
  std::vector<NodeId> layer{from}, next;
  size_t layer_arcs = s.Volume(from, false);
  for (uint32_t d = 1; !layer.empty() && (options.max_hops == 0 || d <= options.max_hops); ++d) {
    next.clear();
    size_t next_arcs = 0;
    auto reach = [&](NodeId v) {
      set(reached, v);
      distance[v] = d;
      next.push_back(v);
      next_arcs += s.Volume(v, false);
      unreached_arcs -= s.Volume(v, true);
    };
    if (layer_arcs * 14 < unreached_arcs) {
      for (NodeId u : layer) {
        s.ForEachStep(u, false, [&](const Step& st) {
          if (!test(reached, st.next) && s.Usable(st.next, from, from)) reach(st.next);
        });
      }
    } else {
      std::fill(frontier.begin(), frontier.end(), 0);
      for (NodeId u : layer) set(frontier, u);
      for (NodeId v = 0; v < n; ++v) {
        if (test(reached, v) || !s.Usable(v, from, from)) continue;
        bool found = false;
        s.ForEachStep(v, true,
                      [&](const Step& st) { return found = test(frontier, st.next) != 0; });
        if (found) reach(v);
      }
    }
    layer.swap(next);
    layer_arcs = next_arcs;
  }
  return distance;
}

}  // namespace newsgraph
