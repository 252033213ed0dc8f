// A few lines that say what a graph holds, printed after writing one.
#ifndef NEWSGRAPH_CLI_GRAPH_SUMMARY_H_
#define NEWSGRAPH_CLI_GRAPH_SUMMARY_H_

#include <string>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::cli {

// "12 nodes: 8 country, 1 region, ...\n30 edges: 5 cooperates_with, ...\n"
std::string DescribeGraph(const KnowledgeGraph& graph);

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_CLI_GRAPH_SUMMARY_H_
