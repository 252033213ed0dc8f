// newsgraph eval GRAPH GOLD.json... [--json] [--min-entity-f1 X] [--min-relation-f1 Y]
//
// Scores a graph against gold annotations (ANNOTATION.md; scoring rules in
// newsgraph/eval/scorer.h) and prints precision, recall and F1. Exit 1 when a
// file cannot be read or a score is below a given threshold, so that tests and
// CI can use it as a quality gate.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "newsgraph/eval/gold.h"
#include "newsgraph/eval/scorer.h"
#include "newsgraph/io/graph_io.h"

namespace newsgraph::cli {
namespace {

struct EvalOptions {
  std::string graph;
  std::vector<std::string> golds;
  bool json = false;
  double min_entity_f1 = -1;  // < 0: no threshold
  double min_relation_f1 = -1;
};

int RunEval(const EvalOptions& o) {
  Result<KnowledgeGraph> graph = ReadGraph(o.graph);
  if (!graph.ok()) return ReportError(graph.status());
  std::vector<GoldGraph> golds;
  for (const std::string& path : o.golds) {
    Result<GoldGraph> gold = LoadGold(path);
    if (!gold.ok()) return ReportError(gold.status());
    golds.push_back(std::move(*gold));
  }
  EvalReport report = Evaluate(*graph, golds);
  std::cout << (o.json ? FormatReportJson(report) : FormatReport(report));
  std::cout.flush();

  int exit_code = kExitOk;
  if (o.min_entity_f1 >= 0 && report.entities.f1() < o.min_entity_f1) {
    std::cerr << "newsgraph: error: entity F1 " << report.entities.f1()
              << " is below --min-entity-f1 " << o.min_entity_f1 << "\n";
    exit_code = kExitInputError;
  }
  if (o.min_relation_f1 >= 0 && report.relations.f1() < o.min_relation_f1) {
    std::cerr << "newsgraph: error: relation F1 " << report.relations.f1()
              << " is below --min-relation-f1 " << o.min_relation_f1 << "\n";
    exit_code = kExitInputError;
  }
  return exit_code;
}

}  // namespace

CommandRunner SetUpEval(CLI::App* app) {
  auto o = std::make_shared<EvalOptions>();
  app->add_option("graph", o->graph, "the graph to score (GraphML or JSON node-link)")->required();
  app->add_option("gold", o->golds, "gold annotation files, NAME.gold.json (see ANNOTATION.md)")
      ->required();
  app->add_flag("--json", o->json, "print the report as one JSON object");
  app->add_option("--min-entity-f1", o->min_entity_f1,
                  "exit 1 when the entity F1 is below this value")
      ->check(CLI::Range(0.0, 1.0));
  app->add_option("--min-relation-f1", o->min_relation_f1,
                  "exit 1 when the relation F1 is below this value")
      ->check(CLI::Range(0.0, 1.0));
  app->footer(
      "Each gold file is scored on the graph's nodes and edges from its own article (the "
      "'article' field without extension); optional gold items count neither way.");
  return [o]() { return RunEval(*o); };
}

}  // namespace newsgraph::cli
