// Extracts one sentence through the installed library and prints the edges.
#include <iostream>

#include "newsgraph/extract/extractor.h"
#include "newsgraph/io/graph_io.h"
#include "newsgraph/pipeline/graph_builder.h"

int main() {
  auto extractor = newsgraph::Extractor::Create(SCHEMA_DIR);
  auto ontology = newsgraph::Ontology::Load(SCHEMA_DIR);
  if (!extractor.ok() || !ontology.ok()) return 1;
  newsgraph::Article article;
  article.id = "a1";
  article.lang = "en";
  article.text = "India and Kazakhstan agreed to deepen their cooperation.";
  auto extraction = extractor->Extract(article);
  if (!extraction.ok()) return 1;
  newsgraph::GraphBuilder builder(&*ontology);
  builder.Add(article, *extraction);
  newsgraph::KnowledgeGraph graph = builder.Finish();
  for (newsgraph::EdgeId e : graph.SortedEdges()) std::cout << graph.edge(e).id << "\n";
  return graph.num_edges() > 0 ? 0 : 1;
}
