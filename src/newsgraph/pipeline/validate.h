// Checking a graph against the ontology: the `validate` command.
//
//   std::vector<std::string> problems = ValidateGraph(graph, ontology);
//   for (const auto& p : problems) std::cerr << file << ": " << p << "\n";
//
// Reports, one line each and in id order: node ids that are not ASCII
// NMTOKENs, unknown or missing categories, unknown relations, a relation
// between categories it does not allow, unknown evidence modalities and
// colours that are not #RRGGBB. Suggests the closest known name. Pure.
#ifndef NEWSGRAPH_PIPELINE_VALIDATE_H_
#define NEWSGRAPH_PIPELINE_VALIDATE_H_

#include <string>
#include <vector>

#include "newsgraph/graph/knowledge_graph.h"
#include "newsgraph/schema/ontology.h"

namespace newsgraph {

std::vector<std::string> ValidateGraph(const KnowledgeGraph& graph, const Ontology& ontology);

}  // namespace newsgraph

#endif  // NEWSGRAPH_PIPELINE_VALIDATE_H_
