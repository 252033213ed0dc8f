#include "newsgraph/graph/paths.h"

#include <algorithm>
#include <catch2/catch.hpp>

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

}  // namespace
}  // namespace newsgraph
