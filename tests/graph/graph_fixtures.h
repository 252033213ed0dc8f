// Small graph builders shared by the graph tests.
#ifndef NEWSGRAPH_TESTS_GRAPH_GRAPH_FIXTURES_H_
#define NEWSGRAPH_TESTS_GRAPH_GRAPH_FIXTURES_H_

#include <string>
#include <tuple>
#include <vector>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::testing {

inline NodeData MakeNode(std::string id, std::string category = "country", std::string label = "") {
  NodeData n;
  n.id = std::move(id);
  n.label = label.empty() ? n.id : std::move(label);
  n.category = std::move(category);
  return n;
}

// (source id, relation, target id, symmetric)
using EdgeSpec = std::tuple<std::string, std::string, std::string, bool>;

// Builds a graph with `nodes` (ids; category "country") and `edges`, added in
// the order given, then finalizes it.
inline KnowledgeGraph BuildGraph(const std::vector<std::string>& nodes,
                                 const std::vector<EdgeSpec>& edges) {
  KnowledgeGraph g;
  for (const std::string& id : nodes) g.AddNode(MakeNode(id));
  for (const auto& [s, relation, t, symmetric] : edges) {
    NodeId a = g.AddNode(MakeNode(s));
    NodeId b = g.AddNode(MakeNode(t));
    g.AddEdge(a, relation, b, symmetric);
  }
  g.Finalize();
  return g;
}

}  // namespace newsgraph::testing

#endif  // NEWSGRAPH_TESTS_GRAPH_GRAPH_FIXTURES_H_
