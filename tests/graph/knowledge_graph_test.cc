#include "newsgraph/graph/knowledge_graph.h"

#include <catch2/catch.hpp>

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

}  // namespace
}  // namespace newsgraph
