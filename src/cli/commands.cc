// The command table: the one place that lists every command (ninja's kTools).
#include "cli/command.h"

namespace newsgraph::cli {

CommandRunner SetUpExtract(CLI::App* app);
CommandRunner SetUpValidate(CLI::App* app);
CommandRunner SetUpStats(CLI::App* app);
CommandRunner SetUpEval(CLI::App* app);
CommandRunner SetUpMerge(CLI::App* app);
CommandRunner SetUpConvert(CLI::App* app);
CommandRunner SetUpPath(CLI::App* app);
CommandRunner SetUpNeighbors(CLI::App* app);

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"extract", "read articles and write their knowledge graph", SetUpExtract},
      {"validate", "check a graph against the ontology", SetUpValidate},
      {"stats", "counts by category and relation, components, most central nodes", SetUpStats},
      {"eval", "score a graph against gold annotations (precision, recall, F1)", SetUpEval},
      {"merge", "merge graph files into one, losslessly", SetUpMerge},
      {"convert", "convert a graph file between GraphML, GEXF and JSON", SetUpConvert},
      {"path", "shortest paths between two nodes, with evidence", SetUpPath},
      {"neighbors", "a node's neighbourhood, printed and as a graph file", SetUpNeighbors},
  };
  return kCommands;
}

}  // namespace newsgraph::cli
