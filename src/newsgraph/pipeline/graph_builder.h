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

#include <cstdint>
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
  // Mentions are kept as (article number, count) per node and put into
  // NodeData::article_mentions by Finish, in article id order with one
  // string copy each: inserting each into its node's map as it came cost a
  // search of string compares per entity and article.
  struct Mentions {
    uint32_t article;  // index in articles_
    int64_t count;
  };
  void MoveMentionsIntoGraph();

  const Ontology* ontology_;
  KnowledgeGraph graph_;
  // The id of each article added, in order (keys of graph_.data().articles,
  // whose nodes do not move).
  std::vector<const std::string*> articles_;
  std::vector<std::vector<Mentions>> mentions_;  // by NodeId
  // By EdgeId: the article (index + 1 in articles_) that last added evidence
  // to the edge, and the size of its evidence list before that article's
  // first record. An article seen for the first time shares no evidence
  // place with the records before, so only its own are compared.
  std::vector<uint32_t> evidence_article_;
  std::vector<uint32_t> evidence_start_;
};

// Sets node colours, edge labels, colours, symmetric flags, CAMEO codes and
// Goldstein values from the ontology, for every node and edge whose category
// or relation it defines; others keep what they have.
void ApplyOntologyStyle(const Ontology& ontology, KnowledgeGraph* graph);

}  // namespace newsgraph

#endif  // NEWSGRAPH_PIPELINE_GRAPH_BUILDER_H_
