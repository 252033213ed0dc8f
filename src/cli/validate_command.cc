// newsgraph validate GRAPH [--ontology FILE]
#include <iostream>

#include "cli/command.h"
#include "newsgraph/io/graph_io.h"
#include "newsgraph/pipeline/validate.h"
#include "newsgraph/schema/ontology.h"

namespace newsgraph::cli {

CommandRunner SetUpValidate(CLI::App* app) {
  auto graph_path = std::make_shared<std::string>();
  app->add_option("graph", *graph_path, "graph file (.graphml or .json)")->required();
  return [graph_path]() {
    Result<Ontology> ontology = Ontology::Load(SchemaDir());
    if (!ontology.ok()) return ReportError(ontology.status());
    Result<KnowledgeGraph> graph = ReadGraph(*graph_path);
    if (!graph.ok()) return ReportError(graph.status());
    std::vector<std::string> problems = ValidateGraph(*graph, *ontology);
    for (const std::string& p : problems) std::cerr << *graph_path << ": " << p << "\n";
    if (!problems.empty()) {
      std::cerr << "newsgraph: error: " << *graph_path << ": " << problems.size()
                << (problems.size() == 1 ? " problem" : " problems") << " against the ontology\n";
      return kExitInputError;
    }
    std::cout << *graph_path << ": valid against the ontology (" << graph->num_nodes() << " nodes, "
              << graph->num_edges() << " edges)\n";
    return kExitOk;
  };
}

}  // namespace newsgraph::cli
