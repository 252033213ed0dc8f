// newsgraph stats GRAPH [--top N] [--json]
#include <iostream>

#include "cli/command.h"
#include "newsgraph/graph/metrics.h"
#include "newsgraph/io/graph_io.h"
#include "newsgraph/io/text_escape.h"
#include "newsgraph/io/value_format.h"

namespace newsgraph::cli {
namespace {

void AppendCounts(const std::vector<NameCount>& counts, std::string* out) {
  out->push_back('{');
  for (size_t i = 0; i < counts.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(counts[i].name, out);
    out->push_back(':');
    AppendInt(static_cast<int64_t>(counts[i].count), out);
  }
  out->push_back('}');
}

void AppendScores(const std::vector<NodeScore>& scores, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < scores.size(); ++i) {
    if (i > 0) out->push_back(',');
    *out += "{\"id\":";
    AppendJsonString(scores[i].id, out);
    *out += ",\"label\":";
    AppendJsonString(scores[i].label, out);
    *out += ",\"score\":";
    AppendDouble(scores[i].score, out);
    out->push_back('}');
  }
  out->push_back(']');
}

// One JSON object, keys in a fixed order, newline-terminated.
std::string StatsJson(const GraphStats& s) {
  std::string out = "{\"nodes\":";
  AppendInt(static_cast<int64_t>(s.num_nodes), &out);
  out += ",\"edges\":";
  AppendInt(static_cast<int64_t>(s.num_edges), &out);
  out += ",\"categories\":";
  AppendCounts(s.categories, &out);
  out += ",\"relations\":";
  AppendCounts(s.relations, &out);
  out += ",\"components\":{\"count\":";
  AppendInt(static_cast<int64_t>(s.num_components), &out);
  out += ",\"sizes\":[";
  for (size_t i = 0; i < s.component_sizes.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendInt(static_cast<int64_t>(s.component_sizes[i]), &out);
  }
  out += "]},\"top_degree\":";
  AppendScores(s.top_degree, &out);
  out += ",\"betweenness\":{\"computed\":";
  out += s.betweenness_computed ? "true" : "false";
  out += ",\"sampled\":";
  out += s.betweenness_sampled ? "true" : "false";
  out += ",\"sources\":";
  AppendInt(static_cast<int64_t>(s.betweenness_sources), &out);
  out += ",\"top\":";
  AppendScores(s.top_betweenness, &out);
  out += "},\"pagerank\":{\"damping\":";
  AppendDouble(s.pagerank_damping, &out);
  out += ",\"iterations\":";
  AppendInt(s.pagerank_iterations, &out);
  out += ",\"top\":";
  AppendScores(s.top_pagerank, &out);
  out += "}}\n";
  return out;
}

}  // namespace

CommandRunner SetUpStats(CLI::App* app) {
  struct Args {
    std::string graph;
    size_t top = 10;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  app->add_option("graph", args->graph, "graph file (.graphml, .gexf or .json)")->required();
  app->add_option("--top", args->top, "how many nodes to list per ranking (default 10)")
      ->check(CLI::Range(size_t{0}, size_t{1000000}));
  app->add_flag("--json", args->json, "print one JSON object instead of the text report");
  return [args]() {
    Result<KnowledgeGraph> graph = ReadGraph(args->graph);
    if (!graph.ok()) return ReportError(graph.status());
    GraphStats stats = ComputeStats(*graph, args->top);
    std::cout << (args->json ? StatsJson(stats) : FormatStats(stats));
    std::cout.flush();
    return std::cout ? kExitOk : kExitInputError;
  };
}

}  // namespace newsgraph::cli
