// The command table: the one place that lists every command (ninja's kTools).
#include "cli/command.h"

namespace newsgraph::cli {

CommandRunner SetUpExtract(CLI::App* app);
CommandRunner SetUpValidate(CLI::App* app);
CommandRunner SetUpStats(CLI::App* app);

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"extract", "read articles and write their knowledge graph", SetUpExtract},
      {"validate", "check a graph against the ontology", SetUpValidate},
      {"stats", "counts by category and relation, components, most central nodes", SetUpStats},
  };
  return kCommands;
}

}  // namespace newsgraph::cli
