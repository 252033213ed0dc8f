// Writes a KnowledgeGraph as GraphML in the portable profile "newsgraph-graphml/1"
// (/work/shared/interop/README.md): the file networkx, igraph, Gephi and Gephi Lite
// all load the same way, and that graphml_reader.h reads back losslessly.
//
//   std::string text = GraphmlToString(graph);
//   Status s = WriteGraphmlFile(graph, "out.graphml");   // temp file + rename
//
// Layout: all <key>s first (graph, node, edge; built-in attributes in a fixed
// order, then foreign ones sorted by name), then one <graph edgedefault=
// "directed">, nodes and edges sorted by id (KnowledgeGraph::SortedNodes/Edges).
// Only keys that at least one element uses are declared, so a foreign graph
// without positions gets no empty x/y columns; an element writes a <data> only
// for a value that is set (non-empty text, non-zero count or size, position when
// x or y is non-zero; weight, symmetric and uid always). Foreign attributes
// (`extra`) keep their type; names are made safe and never reuse a built-in
// name (see attribute_plan.h). Output is deterministic: the same graph gives
// the same bytes. REQUIRES: node and edge ids are ASCII NMTOKENs (an empty edge
// id is written as "e<EdgeId>"). Reads the graph only; thread-compatible.
#ifndef NEWSGRAPH_IO_GRAPHML_WRITER_H_
#define NEWSGRAPH_IO_GRAPHML_WRITER_H_

#include <string>

#include "newsgraph/base/status.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

std::string GraphmlToString(const KnowledgeGraph& graph);

// Writes atomically: `path` appears complete or not at all. "-" is stdout.
Status WriteGraphmlFile(const KnowledgeGraph& graph, const std::string& path);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IO_GRAPHML_WRITER_H_
