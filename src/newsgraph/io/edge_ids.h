// Edge ids a graph file can hold once each. The model keeps foreign edges
// of one id between different nodes apart (two Gephi files both number
// their edges from "e0", and a merge keeps both), but GraphML and GEXF want
// every edge id once in a file.
#ifndef NEWSGRAPH_IO_EDGE_IDS_H_
#define NEWSGRAPH_IO_EDGE_IDS_H_

#include <string>
#include <vector>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

// The id each of `edges` is written under, in the writers' order (by id,
// then endpoints: equal ids are adjacent): its own, or, for the second and
// later of a run of equal ids, the first of "ID_2", "ID_3", ... that no edge
// holds. Empty when no id repeats (nearly always). The GraphML writer keeps
// the model's id beside a renamed one (the `original_id` data key) and its
// reader restores it, so a file reads back into the same graph.
std::vector<std::string> OutputEdgeIds(const KnowledgeGraph& g, const std::vector<EdgeId>& edges);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IO_EDGE_IDS_H_
