// newsgraph convert IN OUT [--format graphml|gexf|json]
#include <iostream>

#include "cli/command.h"
#include "newsgraph/io/graph_io.h"

namespace newsgraph::cli {
namespace {

struct ConvertArgs {
  std::string input;
  std::string output;
  std::string format;  // empty: from OUT's extension
};

int RunConvert(const ConvertArgs& args) {
  Result<GraphFormat> format =
      args.format.empty() ? FormatFromPath(args.output) : FormatFromName(args.format);
  if (!format.ok()) return ReportError(Status::UsageError(format.status().message()));
  Result<KnowledgeGraph> graph = ReadGraph(args.input);
  if (!graph.ok()) return ReportError(graph.status());
  Status written = WriteGraph(*graph, args.output, *format);
  if (!written.ok()) return ReportError(written);
  if (args.output != "-") {
    std::cerr << "newsgraph: wrote " << args.output << " (" << GraphFormatName(*format) << ", "
              << graph->num_nodes() << " nodes, " << graph->num_edges() << " edges)\n";
  }
  return kExitOk;
}

}  // namespace

CommandRunner SetUpConvert(CLI::App* app) {
  auto args = std::make_shared<ConvertArgs>();
  app->add_option("IN", args->input, "graph to read: .graphml, .xml or .json (- for stdin)")
      ->required();
  app->add_option("OUT", args->output,
                  "file to write: .graphml, .xml, .gexf or .json (- for stdout)")
      ->required();
  app->add_option("--format", args->format,
                  "output format, instead of OUT's extension: graphml, gexf or json");
  return [args]() { return RunConvert(*args); };
}

}  // namespace newsgraph::cli
