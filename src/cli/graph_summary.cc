#include "cli/graph_summary.h"

#include <map>

namespace newsgraph::cli {
namespace {

std::string CountLine(size_t total, const char* what, const std::map<std::string, size_t>& by) {
  std::string line = std::to_string(total) + " " + what;
  bool first = true;
  for (const auto& [name, count] : by) {
    line += first ? ": " : ", ";
    first = false;
    line += std::to_string(count) + " " + (name.empty() ? "(none)" : name);
  }
  return line + "\n";
}

}  // namespace

std::string DescribeGraph(const KnowledgeGraph& graph) {
  std::map<std::string, size_t> categories, relations;
  for (NodeId n = 0; n < graph.num_nodes(); ++n) ++categories[graph.node(n).category];
  for (EdgeId e = 0; e < graph.num_edges(); ++e) ++relations[graph.edge(e).relation];
  return CountLine(graph.num_nodes(), "nodes", categories) +
         CountLine(graph.num_edges(), "edges", relations);
}

}  // namespace newsgraph::cli
