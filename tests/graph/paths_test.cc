#include "newsgraph/graph/paths.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <set>

#include "graph/graph_fixtures.h"

namespace newsgraph {
namespace {

using testing::BuildGraph;
using testing::EdgeSpec;
using testing::MakeNode;

// India and Kazakhstan cooperate (symmetric); Kazakhstan depends on China;
// both take part in the dialogue; China restricts rare earths.
std::vector<EdgeSpec> AsiaEdges() {
  return {{"country_kaz", "cooperates_with", "country_ind", true},
          {"country_kaz", "depends_on", "country_chn", false},
          {"country_ind", "participates_in", "event_dialogue", false},
          {"country_kaz", "participates_in", "event_dialogue", false},
          {"country_chn", "restricts", "resource_ree", false}};
}

NodeId N(const KnowledgeGraph& g, const char* id) { return *g.FindNode(id); }

std::vector<std::string> NodeIds(const KnowledgeGraph& g, const Path& p, NodeId from) {
  std::vector<std::string> out{g.node(from).id};
  for (const PathHop& h : p.hops) out.push_back(g.node(h.to).id);
  return out;
}

TEST_CASE("FoldName ignores case, accents, apostrophe styles and separators", "[graph][paths]") {
  CHECK(FoldName("KIRGHÍZISTAN") == "kirghizistan");
  CHECK(FoldName("l\u2019Inde") == "l'inde");
  CHECK(FoldName("  Côte   d\u2019Ivoire ") == "cote d'ivoire");
  CHECK(FoldName("Guinée-Bissau") == "guinee bissau");
  CHECK(FoldName("Œuvre Straße Łódź") == "oeuvre strasse lodz");
  CHECK(FoldName("country_ind") == "country ind");
  CHECK(FoldName("Türkiye") == FoldName("turkiye"));
  CHECK(FoldName("中国") == "中国");  // other scripts are kept
}

TEST_CASE("NodeIndex finds nodes by id, label or alias in any case and accent", "[graph][paths]") {
  KnowledgeGraph g;
  NodeData ind = MakeNode("country_ind", "country", "Inde");
  ind.aliases = {"India", "l\u2019Inde"};
  ind.wikidata = "Q668";
  ind.iso3 = "IND";
  g.AddNode(ind);
  g.AddNode(MakeNode("country_kgz", "country", "Kirghizistan"));
  g.AddNode(MakeNode("country_geo", "country", "Georgia"));
  g.AddNode(MakeNode("region_georgia_us", "region", "Georgia"));
  NodeIndex index(g);

  CHECK(*index.Find("country_ind") == N(g, "country_ind"));
  CHECK(*index.Find("INDIA") == N(g, "country_ind"));
  CHECK(*index.Find("l'inde") == N(g, "country_ind"));
  CHECK(*index.Find("KIRGHÍZISTAN") == N(g, "country_kgz"));
  CHECK(*index.Find("region_georgia_us") == N(g, "region_georgia_us"));
  CHECK(*index.Find("Q668") == N(g, "country_ind"));
  CHECK(*index.Find("q668") == N(g, "country_ind"));
  CHECK(*index.Find("IND") == N(g, "country_ind"));

  SECTION("an unknown name gets did-you-mean candidates") {
    Result<NodeId> r = index.Find("Inda");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == StatusCode::kUsageError);
    CHECK(r.status().message() ==
          "no node named 'Inda'; did you mean 'Inde' (country_ind, country)?");
    CHECK(index.Find("zzzzzzzzzz").status().message() == "no node named 'zzzzzzzzzz'");
  }
  SECTION("an ambiguous name lists its candidates") {
    Result<NodeId> r = index.Find("georgia");
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message() ==
          "'georgia' names 2 nodes: 'Georgia' (country_geo, country), "
          "'Georgia' (region_georgia_us, region); use an id");
  }
}

TEST_CASE("ShortestPath follows directions and reports them", "[graph][paths]") {
  KnowledgeGraph g = BuildGraph({}, AsiaEdges());
  PathOptions options;
  auto path = ShortestPath(g, N(g, "country_ind"), N(g, "country_chn"), options);
  REQUIRE(path.has_value());
  REQUIRE(path->hops.size() == 2);
  CHECK(path->cost == 2);
  CHECK(g.edge(path->hops[0].edge).relation == "cooperates_with");
  CHECK(path->hops[0].forward);  // stored country_ind -> country_kaz
  CHECK(g.edge(path->hops[1].edge).relation == "depends_on");
  CHECK(path->hops[1].forward);
  CHECK(path->hops[1].from == N(g, "country_kaz"));
  CHECK(path->hops[1].to == N(g, "country_chn"));

  // China depends on nobody: no directed path back, but a symmetric edge is
  // travelled both ways.
  CHECK_FALSE(ShortestPath(g, N(g, "country_chn"), N(g, "country_ind"), options).has_value());
  auto back = ShortestPath(g, N(g, "country_kaz"), N(g, "country_ind"), options);
  REQUIRE(back.has_value());
  REQUIRE(back->hops.size() == 1);
  CHECK_FALSE(back->hops[0].forward);

  options.undirected = true;
  auto undirected = ShortestPath(g, N(g, "country_chn"), N(g, "country_ind"), options);
  REQUIRE(undirected.has_value());
  CHECK(NodeIds(g, *undirected, N(g, "country_chn")) ==
        std::vector<std::string>{"country_chn", "country_kaz", "country_ind"});
  CHECK_FALSE(undirected->hops[0].forward);  // against depends_on
  CHECK_FALSE(undirected->hops[1].forward);  // kaz -> ind against the stored ind -> kaz

  auto self = ShortestPath(g, N(g, "country_ind"), N(g, "country_ind"), options);
  REQUIRE(self.has_value());
  CHECK(self->hops.empty());
}

TEST_CASE("HopDistances counts hops from one node along the allowed directions", "[graph][paths]") {
  KnowledgeGraph g = BuildGraph({}, AsiaEdges());
  PathOptions options;
  std::vector<uint32_t> d = HopDistances(g, N(g, "country_ind"), options);
  REQUIRE(d.size() == g.num_nodes());
  CHECK(d[N(g, "country_ind")] == 0);
  CHECK(d[N(g, "country_kaz")] == 1);  // symmetric edge, either way
  CHECK(d[N(g, "event_dialogue")] == 1);
  CHECK(d[N(g, "country_chn")] == 2);
  CHECK(d[N(g, "resource_ree")] == 3);

  std::vector<uint32_t> from_china = HopDistances(g, N(g, "country_chn"), options);
  CHECK(from_china[N(g, "country_kaz")] == kUnreached);  // depends_on points at China
  options.undirected = true;
  CHECK(HopDistances(g, N(g, "country_chn"), options)[N(g, "country_kaz")] == 1);

  options = PathOptions();
  options.max_hops = 2;
  CHECK(HopDistances(g, N(g, "country_ind"), options)[N(g, "resource_ree")] == kUnreached);
  options = PathOptions();
  options.relations = {"cooperates_with", "depends_on"};
  std::vector<uint32_t> filtered = HopDistances(g, N(g, "country_ind"), options);
  CHECK(filtered[N(g, "event_dialogue")] == kUnreached);
  CHECK(filtered[N(g, "country_chn")] == 2);
}

TEST_CASE("Equal paths come in node id order whatever the insertion order", "[graph][paths]") {
  std::vector<EdgeSpec> edges = {{"a", "supports", "c", false}, {"c", "supports", "d", false},
                                 {"a", "supports", "b", false}, {"b", "supports", "d", false},
                                 {"d", "supports", "e", false}, {"a", "condemns", "b", false}};
  KnowledgeGraph one = BuildGraph({}, edges);
  std::reverse(edges.begin(), edges.end());
  KnowledgeGraph two = BuildGraph({"e", "d"}, edges);
  for (const KnowledgeGraph* g : {&one, &two}) {
    std::vector<Path> paths = ShortestPaths(*g, N(*g, "a"), N(*g, "e"), 5, PathOptions{});
    REQUIRE(paths.size() == 2);  // parallel edges do not make another path
    CHECK(NodeIds(*g, paths[0], N(*g, "a")) == std::vector<std::string>{"a", "b", "d", "e"});
    CHECK(NodeIds(*g, paths[1], N(*g, "a")) == std::vector<std::string>{"a", "c", "d", "e"});
    // Between a and b, condemns (a.condemns.b) wins over supports on the id.
    CHECK(g->edge(paths[0].hops[0].edge).relation == "condemns");
  }
}

TEST_CASE("Path filters restrict relations, nodes, weights, hops and dates", "[graph][paths]") {
  // a -> b -> c (supports, recent) and a -> x -> y -> c (condemns, old).
  KnowledgeGraph g = BuildGraph({}, {{"a", "supports", "b", false},
                                     {"b", "supports", "c", false},
                                     {"a", "condemns", "x", false},
                                     {"x", "condemns", "y", false},
                                     {"y", "condemns", "c", false}});
  g.data().articles["new"] = {"new", "t", "2025-06-06", "", "fr"};
  g.data().articles["old"] = {"old", "t", "2023-02", "", "fr"};
  auto ev = [](const char* article, uint64_t at) {
    Evidence e;
    e.article_id = article;
    e.begin = at;
    e.end = at + 1;
    return e;
  };
  for (EdgeId e = 0; e < g.num_edges(); ++e) {
    const bool recent = g.edge(e).relation == "supports";
    g.AddEvidence(e, ev(recent ? "new" : "old", 1));
    if (!recent) g.AddEvidence(e, ev("old", 2));  // condemns edges: weight 3
    if (!recent) g.AddEvidence(e, ev("old", 3));
  }
  g.Finalize();
  const NodeId a = N(g, "a"), c = N(g, "c");
  auto route = [&](const PathOptions& o) {
    auto p = ShortestPath(g, a, c, o);
    return p ? NodeIds(g, *p, a) : std::vector<std::string>{};
  };
  const std::vector<std::string> short_route{"a", "b", "c"}, long_route{"a", "x", "y", "c"};
  PathOptions o;
  CHECK(route(o) == short_route);
  o.relations = {"condemns"};
  CHECK(route(o) == long_route);
  o.max_hops = 2;
  CHECK(route(o).empty());
  o = PathOptions{};
  o.exclude_nodes = {N(g, "b")};
  CHECK(route(o) == long_route);
  o = PathOptions{};
  o.exclude_relations = {"supports"};
  CHECK(route(o) == long_route);
  o = PathOptions{};
  o.min_weight = 2;
  CHECK(route(o) == long_route);
  o = PathOptions{};
  o.until = "2024";
  CHECK(route(o) == long_route);
  o.until = "2023-01";  // before February 2023: nothing left
  CHECK(route(o).empty());
  o = PathOptions{};
  o.since = "2025-06";
  CHECK(route(o) == short_route);
  o.since = "2025-06-07";
  CHECK(route(o).empty());

  SECTION("weighted mode prefers strongly evidenced edges") {
    PathOptions w;
    w.weighted = true;
    auto p = ShortestPath(g, a, c, w);
    REQUIRE(p.has_value());
    CHECK(NodeIds(g, *p, a) == long_route);  // 3 * 1/4 < 2 * 1/2
    CHECK(p->cost == Approx(0.75));
    w.max_hops = 2;
    p = ShortestPath(g, a, c, w);
    REQUIRE(p.has_value());
    CHECK(NodeIds(g, *p, a) == short_route);
    w.max_hops = 0;
    std::vector<Path> both = ShortestPaths(g, a, c, 3, w);
    REQUIRE(both.size() == 2);
    CHECK(both[0].cost == Approx(0.75));
    CHECK(both[1].cost == Approx(1.0));
    CHECK(NodeIds(g, both[1], a) == short_route);
  }
}

TEST_CASE("ValidatePathOptions rejects malformed dates", "[graph][paths]") {
  PathOptions o;
  CHECK(ValidatePathOptions(o).ok());
  o.since = "2025-13";
  CHECK(ValidatePathOptions(o).message() ==
        "--since: '2025-13' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
  o.since = "2025-06";
  o.until = "2024";
  CHECK(ValidatePathOptions(o).message() == "--since 2025-06 is after --until 2024");
}

TEST_CASE("ShortestPaths lists loopless paths by increasing length", "[graph][paths]") {
  // A ladder: s - 1 - 2 - t and s - 3 - 4 - t, rungs 1-3 and 2-4 (undirected).
  KnowledgeGraph g = BuildGraph({}, {{"s", "r", "n1", true},
                                     {"n1", "r", "n2", true},
                                     {"n2", "r", "t", true},
                                     {"s", "r", "n3", true},
                                     {"n3", "r", "n4", true},
                                     {"n4", "r", "t", true},
                                     {"n1", "r", "n3", true},
                                     {"n2", "r", "n4", true}});
  std::vector<Path> paths = ShortestPaths(g, N(g, "s"), N(g, "t"), 10, PathOptions{});
  std::vector<std::vector<std::string>> routes;
  for (const Path& p : paths) routes.push_back(NodeIds(g, p, N(g, "s")));
  CHECK(routes == std::vector<std::vector<std::string>>{{"s", "n1", "n2", "t"},
                                                        {"s", "n3", "n4", "t"},
                                                        {"s", "n1", "n2", "n4", "t"},
                                                        {"s", "n1", "n3", "n4", "t"},
                                                        {"s", "n3", "n1", "n2", "t"},
                                                        {"s", "n3", "n4", "n2", "t"},
                                                        {"s", "n1", "n3", "n4", "n2", "t"},
                                                        {"s", "n3", "n1", "n2", "n4", "t"}});
  PathOptions limited;
  limited.max_hops = 4;
  CHECK(ShortestPaths(g, N(g, "s"), N(g, "t"), 10, limited).size() == 6);
}

// A plain reference for the searches, the rules of paths.h read literally:
// one-directional breadth-first search and Dijkstra over every allowed step,
// Yen's algorithm on top. Date filters and hop-limited weighted searches are
// left out.
class Reference {
 public:
  Reference(const KnowledgeGraph& g, const PathOptions& o) : g_(g), o_(o) {}

  std::vector<Path> KShortest(NodeId from, NodeId to, size_t k) {
    std::vector<Path> found;
    blocked_.clear();
    blocked_steps_.clear();
    std::optional<Path> first = Search(from, to, o_.max_hops);
    if (!first) return found;
    found.push_back(*first);
    if (from == to) return found;
    std::map<std::pair<double, std::vector<std::string>>, Path> candidates;
    std::set<std::vector<NodeId>> seen{Nodes(found[0], from)};
    while (found.size() < k) {
      const Path last = found.back();
      const std::vector<NodeId> last_nodes = Nodes(last, from);
      for (size_t i = 0; i + 1 < last_nodes.size(); ++i) {
        if (o_.max_hops > 0 && i >= o_.max_hops) break;
        blocked_.assign(last_nodes.begin(), last_nodes.begin() + static_cast<ptrdiff_t>(i));
        blocked_steps_.clear();
        for (const Path& p : found) {
          std::vector<NodeId> nodes = Nodes(p, from);
          if (nodes.size() > i + 1 &&
              std::equal(nodes.begin(), nodes.begin() + static_cast<ptrdiff_t>(i) + 1,
                         last_nodes.begin())) {
            blocked_steps_.insert({nodes[i], nodes[i + 1]});
          }
        }
        std::optional<Path> tail = Search(last_nodes[i], to, o_.max_hops > 0 ? o_.max_hops - i : 0);
        if (!tail) continue;
        Path candidate;
        candidate.hops.assign(last.hops.begin(), last.hops.begin() + static_cast<ptrdiff_t>(i));
        candidate.hops.insert(candidate.hops.end(), tail->hops.begin(), tail->hops.end());
        for (const PathHop& h : candidate.hops) candidate.cost += HopCost(g_, h.edge, o_);
        std::vector<NodeId> nodes = Nodes(candidate, from);
        if (!seen.insert(nodes).second) continue;
        std::vector<std::string> ids;
        for (NodeId n : nodes) ids.push_back(g_.node(n).id);
        candidates.emplace(std::make_pair(candidate.cost, ids), candidate);
      }
      if (candidates.empty()) break;
      found.push_back(candidates.begin()->second);
      candidates.erase(candidates.begin());
    }
    return found;
  }

  // Hops from `from` to every node, one layer after the other.
  std::vector<uint32_t> Distances(NodeId from) {
    blocked_.clear();
    blocked_steps_.clear();
    std::vector<uint32_t> dist(g_.num_nodes(), kUnreached);
    dist[from] = 0;
    std::vector<NodeId> layer{from};
    for (uint32_t d = 1; !layer.empty() && (o_.max_hops == 0 || d <= o_.max_hops); ++d) {
      std::vector<NodeId> next;
      for (NodeId u : layer) {
        for (const Step& st : Steps(u, false)) {
          if (dist[st.next] != kUnreached || !Usable(st.next, from, from)) continue;
          dist[st.next] = d;
          next.push_back(st.next);
        }
      }
      layer = next;
    }
    return dist;
  }

 private:
  struct Step {
    NodeId next;
    EdgeId edge;
    bool forward;
  };
  static std::vector<NodeId> Nodes(const Path& p, NodeId from) {
    std::vector<NodeId> nodes{from};
    for (const PathHop& h : p.hops) nodes.push_back(h.to);
    return nodes;
  }
  bool Usable(NodeId n, NodeId from, NodeId to) const {
    if (std::count(blocked_.begin(), blocked_.end(), n)) return false;
    return n == from || n == to || !std::count(o_.exclude_nodes.begin(), o_.exclude_nodes.end(), n);
  }
  // Steps out of u (reverse: into u), filters and Yen's removals applied.
  std::vector<Step> Steps(NodeId u, bool reverse) const {
    std::vector<Step> steps;
    auto add = [&](EdgeId e, NodeId next, bool along) {
      const EdgeData& d = g_.edge(e);
      if (!o_.relations.empty() &&
          !std::count(o_.relations.begin(), o_.relations.end(), d.relation)) {
        return;
      }
      if (std::count(o_.exclude_relations.begin(), o_.exclude_relations.end(), d.relation)) return;
      if (d.weight < o_.min_weight) return;
      if (blocked_steps_.count(reverse ? std::make_pair(next, u) : std::make_pair(u, next))) return;
      steps.push_back({next, e, along});
    };
    for (EdgeId e : g_.OutEdges(u)) {
      if (!reverse || o_.undirected || g_.edge(e).symmetric) add(e, g_.target(e), !reverse);
    }
    for (EdgeId e : g_.InEdges(u)) {
      if (reverse || o_.undirected || g_.edge(e).symmetric) add(e, g_.source(e), reverse);
    }
    return steps;
  }
  bool BetterEdge(EdgeId a, EdgeId b) const {
    const double ca = HopCost(g_, a, o_), cb = HopCost(g_, b, o_);
    if (ca != cb) return ca < cb;
    const EdgeData& da = g_.edge(a);
    const EdgeData& db = g_.edge(b);
    if (da.evidence_count != db.evidence_count) return da.evidence_count > db.evidence_count;
    if (da.id != db.id) return da.id < db.id;
    return a < b;
  }
  // (node before, edge) is better than `old` for the same node.
  bool BetterStep(NodeId u, EdgeId e, NodeId old_u, EdgeId old_e) const {
    if (u != old_u) return g_.node(u).id < g_.node(old_u).id;
    return e != old_e && BetterEdge(e, old_e);
  }

  std::optional<Path> Search(NodeId from, NodeId to, size_t max_hops) {
    if (!Usable(from, from, to) || !Usable(to, from, to)) return std::nullopt;
    if (from == to) return Path{};
    return o_.weighted ? Dijkstra(from, to) : Bfs(from, to, max_hops);
  }

  // Distances to `to`, then the smallest id among the next nodes that keep
  // a shortest path, step by step.
  std::optional<Path> Bfs(NodeId from, NodeId to, size_t max_hops) {
    const size_t n = g_.num_nodes();
    std::vector<size_t> dist(n, std::numeric_limits<size_t>::max());
    std::vector<NodeId> layer{to};
    dist[to] = 0;
    for (size_t d = 1; !layer.empty(); ++d) {
      std::vector<NodeId> next;
      for (NodeId u : layer) {
        for (const Step& st : Steps(u, true)) {
          if (dist[st.next] <= d || !Usable(st.next, from, to)) continue;
          dist[st.next] = d;
          next.push_back(st.next);
        }
      }
      layer = next;
    }
    if (dist[from] == std::numeric_limits<size_t>::max()) return std::nullopt;
    if (max_hops > 0 && dist[from] > max_hops) return std::nullopt;
    Path path;
    for (NodeId cur = from; cur != to;) {
      std::optional<Step> best;
      for (const Step& st : Steps(cur, false)) {
        if (dist[st.next] + 1 != dist[cur] || !Usable(st.next, from, to)) continue;
        if (!best || BetterStep(st.next, st.edge, best->next, best->edge)) best = st;
      }
      path.hops.push_back({best->edge, cur, best->next, best->forward});
      cur = best->next;
    }
    path.cost = static_cast<double>(path.hops.size());
    return path;
  }

  // Settles the cheapest node left, smallest id first; a node keeps the
  // cheapest predecessor, among equal costs the smallest id, then the better
  // edge.
  std::optional<Path> Dijkstra(NodeId from, NodeId to) {
    const size_t n = g_.num_nodes();
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> cost(n, inf);
    std::vector<Step> before(n);
    std::vector<bool> done(n, false);
    cost[from] = 0;
    while (true) {
      std::optional<NodeId> u;
      for (NodeId v = 0; v < n; ++v) {
        if (!done[v] && cost[v] < inf && (!u || cost[v] < cost[*u])) u = v;
      }
      if (!u) return std::nullopt;
      done[*u] = true;
      if (*u == to) break;
      for (const Step& st : Steps(*u, false)) {
        const NodeId v = st.next;
        if (done[v] || !Usable(v, from, to)) continue;
        const double c = cost[*u] + HopCost(g_, st.edge, o_);
        if (c < cost[v] ||
            (c == cost[v] && BetterStep(*u, st.edge, before[v].next, before[v].edge))) {
          cost[v] = c;
          before[v] = {*u, st.edge, st.forward};
        }
      }
    }
    Path path;
    for (NodeId v = to; v != from; v = before[v].next) {
      path.hops.insert(path.hops.begin(), {before[v].edge, before[v].next, v, before[v].forward});
    }
    for (const PathHop& h : path.hops) path.cost += HopCost(g_, h.edge, o_);
    return path;
  }

  const KnowledgeGraph& g_;
  const PathOptions& o_;
  std::vector<NodeId> blocked_;
  std::set<std::pair<NodeId, NodeId>> blocked_steps_;
};

TEST_CASE("Bidirectional searches return exactly the paths of plain one-way searches",
          "[graph][paths]") {
  // (HopDistances too, whose layers switch to bottom-up on these hubs.)
  // Random multigraphs full of ties: 0-3 evidence records per edge (costs 1,
  // 1/2, 1/3, 1/4), parallel edges, symmetric ones, hubs, node ids in an
  // order unrelated to insertion. Paths must match hop by hop and edge by edge.
  const char* relations[] = {"supports", "condemns", "cooperates_with", "member_of"};
  int compared = 0, with_paths = 0;
  for (int round = 0; round < 40; ++round) {
    std::mt19937 rng(static_cast<unsigned>(round) * 7919u + 1u);
    const size_t n = 5 + rng() % (round % 4 == 3 ? 300 : 40);
    const size_t m = n * (1 + rng() % 6);
    KnowledgeGraph g;
    for (size_t i = 0; i < n; ++i) {
      std::string id =
          "v" + std::to_string((i * 37 + static_cast<size_t>(round)) % 1000 + 1000 * (rng() % 3));
      if (g.FindNode(id)) id += "x" + std::to_string(i);
      g.AddNode(MakeNode(id));
    }
    for (size_t i = 0; i < m; ++i) {
      const NodeId a = rng() % n, b = rng() % 3 == 0 ? rng() % 3 : rng() % n;
      if (a == b) continue;
      const size_t r = rng() % 4;
      const EdgeId e = g.AddEdge(a, relations[r], b, r == 2);
      for (size_t j = rng() % 4; j > 0; --j) {
        Evidence ev;
        ev.article_id = "art" + std::to_string(rng() % 5);
        ev.begin = i * 10 + j;
        ev.end = ev.begin + 1;
        g.AddEvidence(e, ev);
      }
    }
    g.Finalize();
    for (int variant = 0; variant < 8; ++variant) {
      PathOptions o;
      o.weighted = (variant & 1) != 0;
      o.undirected = (variant & 2) != 0;
      if (variant & 4) {
        switch (rng() % 4) {
          case 0:
            o.relations = {"supports", "cooperates_with"};
            break;
          case 1:
            o.exclude_nodes = {static_cast<NodeId>(rng() % n), static_cast<NodeId>(rng() % n)};
            break;
          case 2:
            if (!o.weighted) o.max_hops = 1 + rng() % 4;
            break;
          default:
            o.exclude_relations = {"condemns"};
        }
      }
      Reference reference(g, o);
      for (int q = 0; q < 6; ++q) {
        const NodeId s = rng() % n, t = rng() % n;
        INFO("round " << round << " variant " << variant << ": " << g.node(s).id << " -> "
                      << g.node(t).id);
        if (q == 0) CHECK(HopDistances(g, s, o) == reference.Distances(s));
        const std::vector<Path> expected = reference.KShortest(s, t, 6);
        const std::optional<Path> one = ShortestPath(g, s, t, o);
        REQUIRE(one.has_value() == !expected.empty());
        if (one) {
          CHECK(one->hops == expected[0].hops);
          CHECK(one->cost == expected[0].cost);
          ++with_paths;
        }
        const std::vector<Path> paths = ShortestPaths(g, s, t, 6, o);
        REQUIRE(paths.size() == expected.size());
        for (size_t i = 0; i < paths.size(); ++i) {
          CHECK(paths[i].hops == expected[i].hops);
          CHECK(paths[i].cost == expected[i].cost);
        }
        ++compared;
      }
    }
  }
  CHECK(compared == 40 * 8 * 6);
  CHECK(with_paths > compared / 3);
}

}  // namespace
}  // namespace newsgraph
