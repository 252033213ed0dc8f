// newsgraph merge GRAPH... -o OUT [--explain] [--report FILE] [--keep-layout]
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "cli/graph_summary.h"
#include "newsgraph/base/file.h"
#include "newsgraph/graph/layout.h"
#include "newsgraph/graph/merge.h"
#include "newsgraph/io/graph_io.h"
#include "newsgraph/io/text_escape.h"

namespace newsgraph::cli {
namespace {

struct MergeArgs {
  std::vector<std::string> inputs;
  std::string output;
  bool explain = false;
  std::string report_path;
  bool keep_layout = false;
  bool quiet = false;
};

std::string JoinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : " ") + id;
  return out;
}

// One line per decision, unified first: "unified (same wikidata Q668): country_ind n12".
std::string ExplainReport(const MergeReport& report) {
  std::string out;
  for (const MergeDecision& d : report.unified) {
    out += "unified (" + d.kind + " " + d.detail + "): " + JoinIds(d.node_ids) + "\n";
  }
  for (const MergeDecision& d : report.near_misses) {
    out += "not merged (near miss: " + d.detail + "): " + JoinIds(d.node_ids) + "\n";
  }
  for (const std::string& c : report.conflicts) out += "conflict: " + c + "\n";
  return out;
}

void AppendDecisions(const std::vector<MergeDecision>& decisions, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < decisions.size(); ++i) {
    if (i > 0) out->push_back(',');
    *out += "\n  {\"kind\":";
    AppendJsonString(decisions[i].kind, out);
    *out += ",\"node_ids\":[";
    for (size_t j = 0; j < decisions[i].node_ids.size(); ++j) {
      if (j > 0) out->push_back(',');
      AppendJsonString(decisions[i].node_ids[j], out);
    }
    *out += "],\"detail\":";
    AppendJsonString(decisions[i].detail, out);
    out->push_back('}');
  }
  *out += "]";
}

// {"inputs":[...],"unified":[...],"near_misses":[...],"conflicts":[...]}
std::string ReportJson(const std::vector<std::string>& inputs, const MergeReport& report) {
  std::string out = "{\"inputs\":[";
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendJsonString(inputs[i], &out);
  }
  out += "],\n\"unified\":";
  AppendDecisions(report.unified, &out);
  out += ",\n\"near_misses\":";
  AppendDecisions(report.near_misses, &out);
  out += ",\n\"conflicts\":[";
  for (size_t i = 0; i < report.conflicts.size(); ++i) {
    out += i > 0 ? ",\n  " : "\n  ";
    AppendJsonString(report.conflicts[i], &out);
  }
  out += "]}\n";
  return out;
}

// The graph files to merge: each input, a directory giving the .graphml,
// .xml and .json files under it (sorted; the order does not change the
// result). A day of single-article graphs is one directory, not more
// arguments than the system allows.
Result<std::vector<std::string>> ListInputs(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input == "-" || !fs::is_directory(input, ec)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(input, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file()) continue;
      Result<GraphFormat> f = FormatFromPath(it->path().string());
      if (f.ok() && *f != GraphFormat::kGexf) found.push_back(it->path().string());
    }
    if (ec) return Status::InputError(input + ": cannot list directory: " + ec.message());
    if (found.empty()) {
      return Status::InputError(input +
                                ": is a directory that holds no .graphml, .xml or .json graph");
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

int RunMerge(const MergeArgs& args) {
  Result<GraphFormat> format = FormatFromPath(args.output);
  if (!format.ok()) return ReportError(Status::UsageError(format.status().message()));
  Result<std::vector<std::string>> inputs = ListInputs(args.inputs);
  if (!inputs.ok()) return ReportError(inputs.status());

  // Read everything before writing anything: one bad input, no output.
  // Each graph is added to the merger as soon as it is read and then
  // dropped, so memory holds the merged graph (with --explain or --report,
  // also who held each identity key) and one input.
  const bool want_report = args.explain || !args.report_path.empty();
  IncrementalMerger merger(MergeOptions(), want_report);
  for (const std::string& path : *inputs) {
    Result<KnowledgeGraph> graph = ReadGraph(path);
    if (!graph.ok()) return ReportError(graph.status());
    // "n0" of one Gephi export is not "n0" of another (merge.h).
    if (HasGeneratedIds(*graph)) {
      ScopeGeneratedIds(&*graph, GeneratedIdScope(*graph));
    }
    merger.Add(std::move(*graph));
  }
  MergeReport report;
  if (want_report) report = merger.Report();
  KnowledgeGraph merged = merger.TakeResult();
  if (!args.keep_layout) ApplyLayout(&merged, LayoutOptions());

  // The report goes to a temporary file first: a report that cannot be
  // written fails the run before the graph is written (an existing output
  // stays as it was), and both are renamed into place at the end.
  AtomicFile report_file;
  if (!args.report_path.empty()) {
    Status s = report_file.Open(args.report_path);
    if (!s.ok()) return ReportError(s);
    report_file.Write(ReportJson(*inputs, report));
  }
  Status written = WriteGraph(merged, args.output, *format);
  if (!written.ok()) return ReportError(written);
  if (!args.report_path.empty()) {
    Status s = report_file.Commit();
    if (!s.ok()) return ReportError(s);
  }
  if (args.explain) std::cout << ExplainReport(report);
  if (!args.quiet && args.output != "-") {
    std::cout << "wrote " << args.output << " (merged " << inputs->size()
              << (inputs->size() == 1 ? " graph" : " graphs") << ")\n"
              << DescribeGraph(merged);
  }
  return kExitOk;
}

}  // namespace

CommandRunner SetUpMerge(CLI::App* app) {
  auto args = std::make_shared<MergeArgs>();
  app->add_option("graphs", args->inputs,
                  "graph files to merge (.graphml, .xml or .json), or directories of them")
      ->required();
  app->add_option("-o,--output", args->output,
                  "graph file to write; the format follows its extension (.graphml, .gexf, .json)")
      ->required();
  app->add_flag("--explain", args->explain,
                "print every merge decision: what was unified and why, near misses, conflicts");
  app->add_option("--report", args->report_path, "also write the decisions to FILE as JSON");
  app->add_flag("--keep-layout", args->keep_layout,
                "keep the inputs' positions instead of laying the merged graph out again");
  app->add_flag("-q,--quiet", args->quiet, "print nothing but errors (and --explain)");
  return [args]() { return RunMerge(*args); };
}

}  // namespace newsgraph::cli
