// GraphBuilder: folds the extractions of many articles into one graph.
//
//   GraphBuilder builder(&ontology);
//   for (...) builder.Add(article, extraction);   // in input order
//   KnowledgeGraph graph = builder.Finish();       // derived fields + styling
//
// One node per entity id (aliases and per-article mention counts gathered),
// one edge per (source, relation, target) with one evidence record per
// sentence. Relation attributes (symmetric, label, CAMEO, Goldstein, colour)
// and node colours come from the ontology. The result does not depend on the
// order articles are added in, except for the display label of an entity
// whose articles disagree on it (the first one is kept).
// Not thread-safe; the ontology must outlive the builder.
#ifndef NEWSGRAPH_PIPELINE_GRAPH_BUILDER_H_
#define NEWSGRAPH_PIPELINE_GRAPH_BUILDER_H_

#include <string>
#include <vector>

#include "newsgraph/extract/article.h"
#include "newsgraph/graph/knowledge_graph.h"
#include "newsgraph/schema/ontology.h"

namespace newsgraph {

class GraphBuilder {
 public:
  explicit GraphBuilder(const Ontology* ontology) : ontology_(ontology) {}

  // Returns one located message per relation that could not be added (it
  // names an entity the extraction does not list: an extractor bug); empty
  // when everything went in. Takes the extraction by value: pass it with
  // std::move to let its evidence strings move into the graph.
  std::vector<std::string> Add(const Article& article, Extraction extraction);

  // Finalizes the graph and applies the ontology's styling (no layout).
  KnowledgeGraph Finish();

 private:
  const Ontology* ontology_;
  KnowledgeGraph graph_;
};

// Sets node colours, edge labels, colours, symmetric flags, CAMEO codes and
// Goldstein values from the ontology, for every node and edge whose category
// or relation it defines; others keep what they have.
void ApplyOntologyStyle(const Ontology& ontology, KnowledgeGraph* graph);

}  // namespace newsgraph

#endif  // NEWSGRAPH_PIPELINE_GRAPH_BUILDER_H_
