#include "newsgraph/pipeline/validate.h"

#include "newsgraph/base/edit_distance.h"

namespace newsgraph {
namespace {

std::string Suggest(const std::string& word, const std::vector<std::string>& known) {
  auto close = ClosestMatches(word, known, std::max<size_t>(2, word.size() / 3));
  return close.empty() ? "" : ", did you mean '" + close.front() + "'?";
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

bool IsColor(const std::string& c) {
  if (c.size() != 7 || c[0] != '#') return false;
  for (size_t i = 1; i < 7; ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(c[i]))) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> ValidateGraph(const KnowledgeGraph& graph, const Ontology& ontology) {
  std::vector<std::string> categories, relations;
  for (const CategoryDef& c : ontology.categories()) categories.push_back(c.name);
  for (const RelationDef& r : ontology.relations()) relations.push_back(r.name);

  std::vector<std::string> problems;
  for (NodeId n : graph.SortedNodes()) {
    const NodeData& node = graph.node(n);
    const std::string where = "node '" + node.id + "'";
    if (!IsAsciiNmtoken(node.id)) {
      problems.push_back(where + ": id is not an ASCII NMTOKEN (letters, digits, . - _ :)");
    }
    if (node.category.empty()) {
      problems.push_back(where + ": no category (expected one of: " + Join(categories) + ")");
    } else if (ontology.FindCategory(node.category) == nullptr) {
      problems.push_back(where + ": unknown category '" + node.category + "'" +
                         Suggest(node.category, categories));
    }
    if (!node.color.empty() && !IsColor(node.color)) {
      problems.push_back(where + ": color '" + node.color + "' is not #RRGGBB");
    }
  }
  for (EdgeId e : graph.SortedEdges()) {
    const EdgeData& edge = graph.edge(e);
    const NodeData& s = graph.node(graph.source(e));
    const NodeData& t = graph.node(graph.target(e));
    const std::string where = "edge '" + edge.id + "' (" + s.id + " -> " + t.id + ")";
    if (edge.relation.empty()) {
      problems.push_back(where + ": no relation (expected one of: " + Join(relations) + ")");
      continue;
    }
    const RelationDef* def = ontology.FindRelation(edge.relation);
    if (def == nullptr) {
      problems.push_back(where + ": unknown relation '" + edge.relation + "'" +
                         Suggest(edge.relation, relations));
      continue;
    }
    const bool known_cats = ontology.FindCategory(s.category) != nullptr &&
                            ontology.FindCategory(t.category) != nullptr;
    if (known_cats && !ontology.Allows(*def, s.category, t.category)) {
      problems.push_back(where + ": relation '" + def->name + "' does not link a " + s.category +
                         " to a " + t.category + " (sources: " + Join(def->source_categories) +
                         "; targets: " + Join(def->target_categories) + ")");
    }
    if (edge.symmetric != def->symmetric) {
      problems.push_back(
          where + ": relation '" + def->name + "' is " +
          (def->symmetric ? "symmetric" : "directed") +
          " in the ontology but the edge says symmetric=" + (edge.symmetric ? "true" : "false"));
    }
    if (!edge.modality.empty() && edge.modality != "mixed" &&
        ontology.FindModality(edge.modality) == nullptr) {
      problems.push_back(where + ": unknown modality '" + edge.modality + "'");
    }
    if (!edge.color.empty() && !IsColor(edge.color)) {
      problems.push_back(where + ": color '" + edge.color + "' is not #RRGGBB");
    }
  }
  return problems;
}

}  // namespace newsgraph
