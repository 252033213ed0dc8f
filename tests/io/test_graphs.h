// Graphs shared by the io tests.
#ifndef NEWSGRAPH_TESTS_IO_TEST_GRAPHS_H_
#define NEWSGRAPH_TESTS_IO_TEST_GRAPHS_H_

#include <string>
#include <utility>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::testing {

// A finalised graph with every attribute kind: non-ASCII labels, quotes, '&',
// '<', newlines and a control character in sentences, several evidence records,
// symmetric and directed edges, a self-loop, a CAMEO code and a Goldstein score,
// foreign attributes of every type on the graph, nodes and edges.
inline NodeData MakeNode(std::string id, std::string label, std::string category) {
  NodeData n;
  n.id = std::move(id);
  n.label = std::move(label);
  n.category = std::move(category);
  return n;
}

inline KnowledgeGraph RichGraph() {
  KnowledgeGraph g;
  g.data().title = "Relations « Asie centrale » & Afrique";
  g.data().articles["a1"] = {"a1", "L'Ouzbékistan signe", "2024-03-01", "https://ex.org/a?x=1&y=2",
                             "fr"};
  g.data().articles["a2"] = {"a2", "Tashkent \"deal\"", "2024-03", "", "en"};
  g.data().articles["a3"] = {"a3", "Year only", "2023", "", "en"};
  g.data().extra["corpus_size"] = {"long", "3"};
  NodeId uzb = g.AddNode(MakeNode("country_uzb", "Ouzbékistan", "country"));
  NodeId civ = g.AddNode(MakeNode("country_civ", "Côte d'Ivoire", "country"));
  NodeId un = g.AddNode(MakeNode("org_un", "ONU <Nations unies>", "organisation"));
  NodeId summit = g.AddNode(MakeNode("event_summit", "Sommet \"Énergie & Climat\"", "event"));
  g.node(uzb).wikidata = "Q265";
  g.node(uzb).iso3 = "UZB";
  g.node(summit).date = "2024-03";
  g.node(uzb).aliases = {"Ouzbékistan", "Uzbekistan", "l'Ouzbékistan"};
  g.node(uzb).color = "#1f77b4";
  g.node(uzb).size = 20;
  g.node(uzb).x = -120.5;
  g.node(uzb).y = 0.1;
  g.node(civ).x = 1e21;
  g.node(civ).y = -3.0e-7;
  g.node(uzb).extra["is_state_actor"] = {"boolean", "true"};
  g.node(uzb).extra["population"] = {"long", "36000000"};
  g.node(uzb).extra["gdp growth"] = {"double", "5.5"};
  g.node(civ).extra["is_state_actor"] = {"boolean", "false"};
  g.node(un).extra["founded"] = {"int", "1945"};
  g.node(un).extra["type"] = {"string", "igo"};  // a name the profile forbids
  g.AddMention(uzb, "a1", 3);
  g.AddMention(uzb, "a2");
  g.AddMention(civ, "a1");
  g.AddMention(un, "a3", 2);

  EdgeId coop = g.AddEdge(uzb, "cooperation", civ, /*symmetric=*/true);
  g.edge(coop).label = "coopération";
  g.edge(coop).color = "#2ca02c";
  g.AddEvidence(coop, {.article_id = "a1",
                       .sentence = "L'Ouzbékistan et la Côte d'Ivoire \"coopèrent\".",
                       .begin = 10,
                       .end = 60,
                       .rule = "fr.cooperation.avec",
                       .modality = Modality::kAsserted,
                       .reported_by = ""});
  g.AddEvidence(coop, {.article_id = "a2",
                       .sentence = "Line one\nline two\twith tab & <b>\x01",
                       .begin = 0,
                       .end = 40,
                       .rule = "en.cooperation",
                       .modality = Modality::kIntended,
                       .reported_by = "org_un"});
  EdgeId cond = g.AddEdge(uzb, "condemnation", civ, /*symmetric=*/false);
  g.edge(cond).label = "condamnation";
  g.edge(cond).cameo = "111";
  g.edge(cond).goldstein = -2.0;
  g.edge(cond).extra["confidence"] = {"double", "0.55"};
  g.AddEvidence(cond, {.article_id = "a2",
                       .sentence = "Tachkent a condamné Abidjan \\ sans appel.",
                       .begin = 100,
                       .end = 140,
                       .rule = "fr.condemn",
                       .modality = Modality::kNegated,
                       .reported_by = ""});
  EdgeId reform = g.AddEdge(un, "reform", un, /*symmetric=*/false);
  g.edge(reform).label = "réforme interne";
  g.AddEvidence(reform, {.article_id = "a3",
                         .sentence = "L'ONU engage une réforme.",
                         .begin = 5,
                         .end = 30,
                         .rule = "fr.reform",
                         .modality = Modality::kHypothetical,
                         .reported_by = ""});
  EdgeId part = g.AddEdge(uzb, "participation", summit, /*symmetric=*/false);
  g.AddEvidence(part, {.article_id = "a1",
                       .sentence = "Tachkent participe au sommet.",
                       .begin = 70,
                       .end = 99,
                       .rule = "fr.participation",
                       .modality = Modality::kAsserted,
                       .reported_by = ""});
  EdgeData raw;
  raw.id = "e_foreign_1";
  raw.label = "lien importé";
  raw.weight = 0.25;
  raw.extra["directed_flag"] = {"boolean", "false"};
  g.AddRawEdge(civ, un, raw);
  g.Finalize();
  return g;
}

// `pairs` foreign edges, all with id "e0", each between its own two nodes
// ("a0" -> "b0", "a1" -> "b1", ...): what a merge of Gephi files that all
// number their edges from "e0" keeps. Not finalised.
inline KnowledgeGraph SharedEdgeIds(int pairs) {
  KnowledgeGraph g;
  for (int k = 0; k < pairs; ++k) {
    const NodeId a = g.AddNode(MakeNode("a" + std::to_string(k), "", ""));
    const NodeId b = g.AddNode(MakeNode("b" + std::to_string(k), "", ""));
    EdgeData e;
    e.id = "e0";
    g.AddRawEdge(a, b, std::move(e));
  }
  return g;
}

}  // namespace newsgraph::testing

#endif  // NEWSGRAPH_TESTS_IO_TEST_GRAPHS_H_
