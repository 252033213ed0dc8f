// newsgraph extract FILE... [-o OUT] [--format F] [--lang L] [--threads N]
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <map>

#include "cli/command.h"
#include "cli/graph_summary.h"
#include "newsgraph/extract/extractor.h"
#include "newsgraph/io/graph_io.h"
#include "newsgraph/pipeline/extract_pipeline.h"
#include "newsgraph/schema/ontology.h"

namespace newsgraph::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string format;
  std::string lang = "auto";
  unsigned threads = 0;
  bool quiet = false;
};

int RunExtract(const ExtractArgs& args) {
  std::string output = args.output;
  if (output.empty()) {
    std::string stem = args.inputs.front() == "-"
                           ? "stdin"
                           : std::filesystem::path(args.inputs.front()).stem().string();
    if (stem.empty()) stem = "newsgraph";
    output = stem + "." + (args.format.empty() ? "graphml" : args.format);
  }
  Result<GraphFormat> format =
      args.format.empty() ? FormatFromPath(output) : FormatFromName(args.format);
  if (!format.ok()) return ReportError(Status::UsageError(format.status().message()));

  const std::string schema_dir = SchemaDir();
  Result<Ontology> ontology = Ontology::Load(schema_dir);
  if (!ontology.ok()) return ReportError(ontology.status());
  Result<Extractor> extractor = Extractor::Create(schema_dir);
  if (!extractor.ok()) return ReportError(extractor.status());

  ExtractOptions options;
  options.threads = args.threads;
  options.lang = args.lang;
  const bool show_progress = !args.quiet && ::isatty(STDERR_FILENO);
  if (show_progress) {
    options.on_progress = [](size_t done) {
      std::cerr << "\rnewsgraph: " << done << " articles extracted" << std::flush;
    };
  }
  ExtractSummary summary;
  Result<KnowledgeGraph> graph =
      ExtractGraph(args.inputs, *extractor, *ontology, options, &summary);
  if (show_progress) std::cerr << "\r\033[K";
  if (!args.quiet) {
    for (const std::string& m : summary.messages) std::cerr << "newsgraph: " << m << "\n";
  }
  if (!graph.ok()) return ReportError(graph.status());

  Status written = WriteGraph(*graph, output, *format);
  if (!written.ok()) return ReportError(written);
  if (!args.quiet) {
    std::cerr << "newsgraph: " << FormatSummary(summary) << "\n";
    std::cout << "wrote " << output << "\n" << DescribeGraph(*graph);
  }
  return kExitOk;
}

}  // namespace

CommandRunner SetUpExtract(CLI::App* app) {
  auto args = std::make_shared<ExtractArgs>();
  app->add_option(
         "inputs", args->inputs,
         "articles: .txt (first line the title), .jsonl, directories of them, or - for stdin")
      ->required();
  app->add_option(
      "-o,--output", args->output,
      "graph file to write (default: the first input's name with the format's extension)");
  app->add_option("--format", args->format,
                  "graphml (default), gexf or json; else from -o's extension")
      ->check(CLI::IsMember({"graphml", "gexf", "json"}));
  app->add_option("--lang", args->lang, "auto (default: detected per article), fr or en")
      ->check(CLI::IsMember({"auto", "fr", "en"}));
  app->add_option("--threads", args->threads, "worker threads (default 0: one per core)");
  app->add_flag("-q,--quiet", args->quiet, "print nothing but errors");
  return [args]() { return RunExtract(*args); };
}

}  // namespace newsgraph::cli
