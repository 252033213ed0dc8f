#include "newsgraph/graph/knowledge_graph.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace newsgraph {
namespace {

NodeData Node(std::string id, std::string category = "country") {
  NodeData n;
  n.id = std::move(id);
  n.label = n.id;
  n.category = std::move(category);
  return n;
}

Evidence Ev(std::string article, uint64_t begin, uint64_t end, std::string rule = "r",
            Modality m = Modality::kAsserted) {
  Evidence e;
  e.article_id = std::move(article);
  e.sentence = "s";
  e.begin = begin;
  e.end = end;
  e.rule = std::move(rule);
  e.modality = m;
  return e;
}

TEST_CASE("AddNode returns the existing handle for a known id", "[graph]") {
  KnowledgeGraph g;
  NodeId a = g.AddNode(Node("country_ind"));
  NodeId b = g.AddNode(Node("country_ind"));
  CHECK(a == b);
  CHECK(g.num_nodes() == 1);
  CHECK(g.FindNode("country_ind") == a);
  CHECK_FALSE(g.FindNode("country_chn").has_value());
}

TEST_CASE("A symmetric relation is stored once with canonical endpoints", "[graph]") {
  KnowledgeGraph g;
  NodeId kaz = g.AddNode(Node("country_kaz"));
  NodeId ind = g.AddNode(Node("country_ind"));
  EdgeId e1 = g.AddEdge(kaz, "cooperates_with", ind, true);
  EdgeId e2 = g.AddEdge(ind, "cooperates_with", kaz, true);
  CHECK(e1 == e2);
  CHECK(g.num_edges() == 1);
  CHECK(g.node(g.source(e1)).id == "country_ind");
  CHECK(g.edge(e1).id == "country_ind.cooperates_with.country_kaz");
  CHECK(g.FindEdge(kaz, "cooperates_with", ind) == e1);
}

TEST_CASE("A directed relation keeps its direction", "[graph]") {
  KnowledgeGraph g;
  NodeId kaz = g.AddNode(Node("country_kaz"));
  NodeId chn = g.AddNode(Node("country_chn"));
  EdgeId e1 = g.AddEdge(kaz, "depends_on", chn, false);
  EdgeId e2 = g.AddEdge(chn, "depends_on", kaz, false);
  CHECK(e1 != e2);
  CHECK_FALSE(g.FindEdge(chn, "depends_on", kaz) == e1);
}

TEST_CASE("Evidence at the same place is never counted twice", "[graph]") {
  KnowledgeGraph g;
  NodeId a = g.AddNode(Node("a"));
  NodeId b = g.AddNode(Node("b"));
  EdgeId e = g.AddEdge(a, "supports", b, false);
  g.AddEvidence(e, Ev("art1", 10, 20, "rule_b"));
  g.AddEvidence(e, Ev("art1", 10, 20, "rule_a"));
  g.AddEvidence(e, Ev("art2", 0, 5));
  g.data().articles["art1"] = {"art1", "t", "2025-06-06", "", "fr"};
  g.data().articles["art2"] = {"art2", "t", "2024-09", "", "fr"};
  g.Finalize();
  const EdgeData& ed = g.edge(e);
  REQUIRE(ed.evidence.size() == 2);
  CHECK(ed.evidence[0].rule == "rule_a");  // the smaller record is kept
  CHECK(ed.evidence_count == 2);
  CHECK(ed.weight == 2.0);
  CHECK(ed.article_ids == std::vector<std::string>{"art1", "art2"});
  CHECK(ed.first_seen == "2024-09");
  CHECK(ed.last_seen == "2025-06-06");
  CHECK(ed.modality == "asserted");
}

TEST_CASE("Finalize reports mixed modality and derives mention counts", "[graph]") {
  KnowledgeGraph g;
  NodeId a = g.AddNode(Node("a"));
  NodeId b = g.AddNode(Node("b"));
  EdgeId e = g.AddEdge(a, "condemns", b, false);
  g.AddEvidence(e, Ev("x", 1, 2, "r", Modality::kAsserted));
  g.AddEvidence(e, Ev("x", 3, 4, "r", Modality::kNegated));
  g.AddMention(a, "x", 2);
  g.AddMention(a, "y");
  g.Finalize();
  CHECK(g.edge(e).modality == "mixed");
  CHECK(g.node(a).mention_count == 3);
}

TEST_CASE("A copied graph keeps working edge handles", "[graph]") {
  KnowledgeGraph g;
  NodeId a = g.AddNode(Node("a"));
  NodeId b = g.AddNode(Node("b"));
  EdgeId e = g.AddEdge(a, "supports", b, false);
  KnowledgeGraph copy = g;
  copy.edge(e).label = "changed";
  CHECK(g.edge(e).label.empty());
  CHECK(copy.node(copy.target(e)).id == "b");
  CHECK(copy.OutEdges(a) == std::vector<EdgeId>{e});
  CHECK(copy.InEdges(b) == std::vector<EdgeId>{e});
}

TEST_CASE("SortedNodes and SortedEdges ignore insertion order", "[graph]") {
  KnowledgeGraph g;
  g.AddNode(Node("z"));
  g.AddNode(Node("a"));
  auto sorted = g.SortedNodes();
  CHECK(g.node(sorted[0]).id == "a");
  CHECK(g.node(sorted[1]).id == "z");
}

TEST_CASE("IsAsciiNmtoken accepts only XML name characters", "[graph]") {
  CHECK(IsAsciiNmtoken("country_ind"));
  CHECK(IsAsciiNmtoken("Q668"));
  CHECK(IsAsciiNmtoken("a.b-c:d"));
  CHECK_FALSE(IsAsciiNmtoken(""));
  CHECK_FALSE(IsAsciiNmtoken("Côte d'Ivoire"));
  CHECK_FALSE(IsAsciiNmtoken("a b"));
}

TEST_CASE("AddEdge with prepared data moves it in and keeps the given id", "[graph]") {
  KnowledgeGraph g;
  NodeId kaz = g.AddNode(Node("country_kaz"));
  NodeId ind = g.AddNode(Node("country_ind"));
  EdgeData data;
  data.relation = "cooperates_with";
  data.symmetric = true;
  data.label = "coopere avec";
  data.evidence.push_back(Ev("a1", 1, 9));
  EdgeId e = g.AddEdge(kaz, ind, std::move(data));
  REQUIRE(g.num_edges() == 1);
  // Canonical order for a symmetric relation, id derived when empty.
  CHECK(g.node(g.source(e)).id == "country_ind");
  CHECK(g.edge(e).id == "country_ind.cooperates_with.country_kaz");
  CHECK(g.edge(e).label == "coopere avec");
  CHECK(g.edge(e).evidence.size() == 1);
  CHECK(g.AddEdge(ind, "cooperates_with", kaz, true) == e);
  CHECK(g.FindEdge(kaz, "cooperates_with", ind) == e);

  EdgeData given;
  given.id = "my_id";
  given.relation = "supports";
  EdgeId f = g.AddEdge(kaz, ind, std::move(given));
  CHECK(f != e);
  CHECK(g.edge(f).id == "my_id");
  CHECK(g.node(g.source(f)).id == "country_kaz");
  CHECK(g.OutEdges(kaz) == std::vector<EdgeId>{f});
  CHECK(g.InEdges(ind) == std::vector<EdgeId>{f});
}

TEST_CASE("AddEdge with prepared data replaces the data of an existing edge", "[graph]") {
  KnowledgeGraph g;
  NodeId a = g.AddNode(Node("a"));
  NodeId b = g.AddNode(Node("b"));
  EdgeId e = g.AddEdge(a, "supports", b, false);
  EdgeData data;
  data.id = "a.supports.b";
  data.relation = "supports";
  data.label = "new";
  CHECK(g.AddEdge(a, b, std::move(data)) == e);
  CHECK(g.num_edges() == 1);
  CHECK(g.edge(e).label == "new");
}

TEST_CASE("AddEdgeInPlace adds what AddEdge with prepared data adds", "[graph]") {
  KnowledgeGraph g;
  NodeId kaz = g.AddNode(Node("country_kaz"));
  NodeId ind = g.AddNode(Node("country_ind"));
  EdgeData& d = g.AddEdgeInPlace(kaz, "cooperates_with", ind, /*symmetric=*/true, "");
  d.label = "coopere avec";
  d.evidence.push_back(Ev("a1", 1, 9));
  REQUIRE(g.num_edges() == 1);
  const EdgeId e = 0;
  // Canonical order for a symmetric relation, id derived when empty.
  CHECK(g.node(g.source(e)).id == "country_ind");
  CHECK(g.edge(e).id == "country_ind.cooperates_with.country_kaz");
  CHECK(g.edge(e).relation == "cooperates_with");
  CHECK(g.edge(e).symmetric);
  CHECK(g.edge(e).label == "coopere avec");
  CHECK(g.AddEdge(ind, "cooperates_with", kaz, true) == e);
  CHECK(g.FindEdge(kaz, "cooperates_with", ind) == e);

  EdgeData& given = g.AddEdgeInPlace(kaz, "supports", ind, /*symmetric=*/false, "my_id");
  CHECK(given.id == "my_id");
  CHECK(g.num_edges() == 2);
  CHECK(g.node(g.source(1)).id == "country_kaz");
  CHECK(g.OutEdges(kaz) == std::vector<EdgeId>{1});
  CHECK(g.InEdges(ind) == std::vector<EdgeId>{1});

  // An existing edge: its data is replaced by a fresh one.
  EdgeData& again = g.AddEdgeInPlace(ind, "cooperates_with", kaz, /*symmetric=*/true, "");
  CHECK(g.num_edges() == 2);
  CHECK(&again == &g.edge(e));
  CHECK(again.label.empty());
  CHECK(again.evidence.empty());
  CHECK(again.id == "country_ind.cooperates_with.country_kaz");
}

TEST_CASE("FindEdge distinguishes relations and endpoints", "[graph]") {
  KnowledgeGraph g;
  NodeId a = g.AddNode(Node("a"));
  NodeId b = g.AddNode(Node("b"));
  NodeId c = g.AddNode(Node("c"));
  EdgeId ab = g.AddEdge(a, "supports", b, false);
  EdgeId bc = g.AddEdge(b, "borders", c, true);
  EdgeData raw;
  raw.id = "foreign";
  g.AddRawEdge(a, c, std::move(raw));
  CHECK(g.FindEdge(a, "supports", b) == ab);
  CHECK_FALSE(g.FindEdge(b, "supports", a).has_value());
  CHECK_FALSE(g.FindEdge(a, "supports", c).has_value());
  CHECK_FALSE(g.FindEdge(a, "never_seen", b).has_value());
  CHECK_FALSE(g.FindEdge(a, "", c).has_value());  // raw edges are not indexed
  CHECK(g.FindEdge(c, "borders", b) == bc);
  CHECK(g.FindEdge(b, "borders", c) == bc);
  // ("a.b", "r", "c") and ("a", "b.r", "c") share the id "a.b.r.c" but are
  // different edges.
  NodeId ab_node = g.AddNode(Node("a.b"));
  EdgeId x = g.AddEdge(ab_node, "r", c, false);
  EdgeId y = g.AddEdge(a, "b.r", c, false);
  CHECK(x != y);
  CHECK(g.edge(x).id == g.edge(y).id);
  CHECK(g.num_edges() == 5);
}

TEST_CASE("A copied graph finds and adds relation edges on its own", "[graph]") {
  KnowledgeGraph g;
  NodeId a = g.AddNode(Node("a"));
  NodeId b = g.AddNode(Node("b"));
  EdgeId e = g.AddEdge(a, "supports", b, false);
  KnowledgeGraph copy = g;
  CHECK(copy.AddEdge(a, "supports", b, false) == e);
  EdgeId f = copy.AddEdge(b, "condemns", a, false);
  CHECK(copy.num_edges() == 2);
  CHECK(g.num_edges() == 1);
  CHECK_FALSE(g.FindEdge(b, "condemns", a).has_value());
  CHECK(g.AddEdge(b, "condemns", a, false) == f);  // same next handle, own storage
  CHECK(copy.edge(f).id == "b.condemns.a");
}

TEST_CASE("Relation edges stay found as the edge index grows", "[graph]") {
  // Thousands of edges (the index rehashes many times), relations that
  // alternate and repeat (AddEdge remembers the last one), and a copy.
  KnowledgeGraph g;
  std::vector<NodeId> nodes;
  for (int i = 0; i < 60; ++i) nodes.push_back(g.AddNode(Node("n" + std::to_string(i))));
  const std::vector<std::string> relations = {"supports", "supports", "condemns", "borders"};
  std::map<std::tuple<NodeId, std::string, NodeId>, EdgeId> expected;
  for (NodeId s = 0; s < 60; ++s) {
    for (NodeId t = 0; t < 60; ++t) {
      const std::string& rel = relations[(s * 7 + t) % relations.size()];
      const bool symmetric = rel == "borders";
      const EdgeId e = g.AddEdge(nodes[s], rel, nodes[t], symmetric);
      NodeId a = s, b = t;
      if (symmetric && g.node(nodes[t]).id < g.node(nodes[s]).id) std::swap(a, b);
      auto [it, added] = expected.emplace(std::make_tuple(a, rel, b), e);
      CHECK(it->second == e);  // a symmetric pair seen twice is one edge
      if (added) CHECK(e + 1 == g.num_edges());
    }
  }
  CHECK(g.num_edges() == expected.size());
  const KnowledgeGraph copy = g;
  for (const auto& [key, e] : expected) {
    const auto& [s, rel, t] = key;
    CHECK(g.FindEdge(nodes[s], rel, nodes[t]) == e);
    CHECK(copy.FindEdge(nodes[s], rel, nodes[t]) == e);
    CHECK(g.edge(e).id == RelationEdgeId(g.node(nodes[s]).id, rel, g.node(nodes[t]).id));
  }
  CHECK_FALSE(g.FindEdge(nodes[0], "never_seen", nodes[1]).has_value());
}

TEST_CASE("ReserveEdgesOf changes no edge and no order", "[graph]") {
  KnowledgeGraph g;
  NodeId a = g.AddNode(Node("a"));
  NodeId b = g.AddNode(Node("b"));
  EdgeId first = g.AddEdge(a, "supports", b, false);
  g.ReserveEdgesOf(a, 3, 1);
  g.ReserveEdgesOf(b, 0, 0);  // less than it has: no effect
  EdgeId second = g.AddEdge(a, "condemns", b, false);
  EdgeId loop = g.AddEdge(a, "supports", a, false);
  CHECK(g.OutEdges(a) == std::vector<EdgeId>{first, second, loop});
  CHECK(g.InEdges(a) == std::vector<EdgeId>{loop});
  CHECK(g.InEdges(b) == std::vector<EdgeId>{first, second});
  CHECK(g.num_edges() == 3);
}

TEST_CASE("AddNode keeps every field of the data it is given", "[graph]") {
  KnowledgeGraph g;
  NodeData n = Node("country_fra");
  n.aliases = {"France", "la France"};
  n.article_mentions = {{"x", 2}};
  n.extra["k"] = Attribute{"int", "3"};
  NodeId id = g.AddNode(n);
  // Enough nodes and edges to move the vertex storage several times.
  std::vector<NodeId> others;
  for (int i = 0; i < 200; ++i) others.push_back(g.AddNode(Node("n" + std::to_string(i))));
  for (int i = 0; i + 1 < 200; ++i) g.AddEdge(others[i], "next", others[i + 1], false);
  const NodeData& got = g.node(id);
  CHECK(got.id == n.id);
  CHECK(got.aliases == n.aliases);
  CHECK(got.article_mentions == n.article_mentions);
  CHECK(got.extra == n.extra);
  CHECK(g.num_edges() == 199);
  for (int i = 0; i + 1 < 200; ++i) {
    std::optional<EdgeId> e = g.FindEdge(others[i], "next", others[i + 1]);
    REQUIRE(e.has_value());
    CHECK(g.source(*e) == others[i]);
    CHECK(g.target(*e) == others[i + 1]);
    CHECK(g.OutEdges(others[i]) == std::vector<EdgeId>{*e});
  }
}

TEST_CASE("Finalize sorts evidence set directly and reports a single modality", "[graph]") {
  KnowledgeGraph g;
  NodeId a = g.AddNode(Node("a"));
  NodeId b = g.AddNode(Node("b"));
  EdgeId e = g.AddEdge(a, "condemns", b, false);
  g.edge(e).evidence = {Ev("z", 1, 2, "r", Modality::kNegated),
                        Ev("b", 5, 6, "r", Modality::kNegated),
                        Ev("b", 1, 2, "r", Modality::kNegated)};
  g.edge(e).article_ids = {"stale1", "stale2", "stale3"};  // derived: replaced
  EdgeId f = g.AddEdge(b, "condemns", a, false);
  g.edge(f).evidence = {Ev("b", 1, 2)};
  g.edge(f).article_ids = {"stale"};
  g.edge(f).first_seen = "1999";  // derived: no dated article, so cleared
  g.edge(f).last_seen = "1999";
  g.edge(f).modality = "mixed";
  g.data().articles["b"] = {"b", "t", "", "", "fr"};  // no date
  g.data().articles["z"] = {"z", "t", "2023", "", "fr"};
  g.Finalize();
  CHECK(g.edge(f).article_ids == std::vector<std::string>{"b"});
  CHECK(g.edge(f).first_seen.empty());
  CHECK(g.edge(f).last_seen.empty());
  CHECK(g.edge(f).modality == "asserted");
  const EdgeData& ed = g.edge(e);
  REQUIRE(ed.evidence.size() == 3);
  CHECK(ed.evidence[0].article_id == "b");
  CHECK(ed.evidence[0].begin == 1);
  CHECK(ed.evidence[1].begin == 5);
  CHECK(ed.evidence[2].article_id == "z");
  CHECK(ed.article_ids == std::vector<std::string>{"b", "z"});
  CHECK(ed.modality == "negated");
  CHECK(ed.first_seen == "2023");
  CHECK(ed.last_seen == "2023");
}

// Finalize as first written (std::set of modalities, a map search per
// record, an unconditional sort): the optimised one must agree exactly.
void ReferenceFinalize(const GraphData& data, NodeData* nd, EdgeData* ed) {
  const auto date_of = [&](const std::string& article) -> const std::string* {
    auto it = data.articles.find(article);
    if (it == data.articles.end() || it->second.date.empty()) return nullptr;
    return &it->second.date;
  };
  const auto widen = [](std::string* first, std::string* last, const std::string& d) {
    if (first->empty() || d < *first) *first = d;
    if (last->empty() || d > *last) *last = d;
  };
  if (nd != nullptr && !nd->article_mentions.empty()) {
    nd->mention_count = 0;
    nd->first_seen.clear();
    nd->last_seen.clear();
    for (const auto& [article, count] : nd->article_mentions) {
      nd->mention_count += count;
      if (const std::string* d = date_of(article)) widen(&nd->first_seen, &nd->last_seen, *d);
    }
  }
  if (ed != nullptr && !ed->evidence.empty()) {
    std::sort(ed->evidence.begin(), ed->evidence.end());
    ed->evidence_count = static_cast<int64_t>(ed->evidence.size());
    ed->weight = static_cast<double>(ed->evidence_count);
    ed->article_ids.clear();
    ed->first_seen.clear();
    ed->last_seen.clear();
    std::set<Modality> modalities;
    for (const Evidence& ev : ed->evidence) {
      modalities.insert(ev.modality);
      if (ed->article_ids.empty() || ed->article_ids.back() != ev.article_id) {
        ed->article_ids.push_back(ev.article_id);
      }
      if (const std::string* d = date_of(ev.article_id)) widen(&ed->first_seen, &ed->last_seen, *d);
    }
    ed->modality =
        modalities.size() == 1 ? std::string(ModalityName(*modalities.begin())) : "mixed";
  }
}

TEST_CASE("Finalize derives exactly what the reference derivation does", "[graph]") {
  std::mt19937 rng(12345);
  const auto pick = [&rng](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const std::vector<std::string> dates = {"",           "2024",       "2024-09",
                                          "2024-09-30", "2025-01-02", "2023"};
  KnowledgeGraph g;
  for (int i = 0; i < 30; ++i) {
    std::string id = "art" + std::to_string(i);
    if (pick(5) == 0) continue;  // cited by evidence, unknown to the graph
    g.data().articles[id] = {id, "t", dates[static_cast<size_t>(pick(6))], "", "fr"};
  }
  std::vector<NodeId> nodes;
  for (int i = 0; i < 20; ++i) nodes.push_back(g.AddNode(Node("n" + std::to_string(i))));
  const std::vector<std::string> relations = {"supports", "condemns", "cooperates_with"};
  for (int round = 0; round < 400; ++round) {
    NodeId s = nodes[static_cast<size_t>(pick(20))];
    NodeId t = nodes[static_cast<size_t>(pick(20))];
    const std::string& rel = relations[static_cast<size_t>(pick(3))];
    EdgeId e = g.AddEdge(s, rel, t, rel == "cooperates_with");
    uint64_t begin = static_cast<uint64_t>(pick(4)) * 10;
    g.AddEvidence(
        e, Ev("art" + std::to_string(pick(30)), begin, begin + 5, "r" + std::to_string(pick(2)),
              static_cast<Modality>(pick(4) == 0 ? pick(4) : 0)));
    if (pick(3) == 0) g.AddMention(s, "art" + std::to_string(pick(30)), 1 + pick(3));
  }
  // Some edges carry evidence set directly, in any order.
  for (EdgeId e = 0; e < g.num_edges(); e += 7) {
    std::reverse(g.edge(e).evidence.begin(), g.edge(e).evidence.end());
  }

  int mixed = 0, dated = 0;
  const auto finalize_and_compare = [&] {
    std::vector<NodeData> want_nodes;
    std::vector<EdgeData> want_edges;
    for (NodeId n = 0; n < g.num_nodes(); ++n) {
      want_nodes.push_back(g.node(n));
      ReferenceFinalize(g.data(), &want_nodes.back(), nullptr);
    }
    for (EdgeId e = 0; e < g.num_edges(); ++e) {
      want_edges.push_back(g.edge(e));
      ReferenceFinalize(g.data(), nullptr, &want_edges.back());
    }
    g.Finalize();
    for (NodeId n = 0; n < g.num_nodes(); ++n) {
      const NodeData& got = g.node(n);
      CHECK(got.mention_count == want_nodes[n].mention_count);
      CHECK(got.first_seen == want_nodes[n].first_seen);
      CHECK(got.last_seen == want_nodes[n].last_seen);
    }
    for (EdgeId e = 0; e < g.num_edges(); ++e) {
      const EdgeData& got = g.edge(e);
      const EdgeData& want = want_edges[e];
      CHECK(got.evidence == want.evidence);
      CHECK(got.evidence_count == want.evidence_count);
      CHECK(got.weight == want.weight);
      CHECK(got.article_ids == want.article_ids);
      CHECK(got.modality == want.modality);
      CHECK(got.first_seen == want.first_seen);
      CHECK(got.last_seen == want.last_seen);
      mixed += got.modality == "mixed";
      dated += !got.first_seen.empty();
    }
  };
  finalize_and_compare();
  // Again after more evidence: derived lists already there are rewritten.
  for (EdgeId e = 0; e < g.num_edges(); e += 3) {
    g.AddEvidence(e, Ev("art" + std::to_string(pick(30)), 100, 105));
    g.AddEvidence(e, Ev("art" + std::to_string(pick(30)), 200, 205, "r", Modality::kIntended));
  }
  for (EdgeId e = 1; e < g.num_edges(); e += 5) g.edge(e).evidence.resize(1);
  finalize_and_compare();
  // The data exercises what it should.
  CHECK(mixed > 0);
  CHECK(dated > 0);
  CHECK(dated < 2 * static_cast<int>(g.num_edges()));
}

}  // namespace
}  // namespace newsgraph
