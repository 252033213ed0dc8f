// The JSON node-link format: what networkx's node_link_data() writes and
// node_link_graph() reads, with newsgraph's attributes as plain members.
//
//   std::string text = JsonGraphToString(graph);
//   Result<KnowledgeGraph> g = ReadJsonGraph(text, "graph.json");
//   // Python: nx.node_link_graph(json.load(open("graph.json")))
//
//   {"directed":true,"multigraph":true,
//    "graph":{"title":..,"profile":"newsgraph-json/1","articles":[{..}],
//             "extra_types":{"node":{"founded":"int"}},<foreign graph attributes>},
//    "nodes":[{"id":"country_fra","label":"France",...},...],
//    "links":[{"source":..,"target":..,"key":<edge id>,"relation":..,
//              "evidence":[{"article":..,"sentence":..,"begin":..,"end":..,"rule":..,
//                           "modality":..,"reported_by":..}],...},...]}
//
// One node or link per line, members in the order of graph_fields.h, then
// foreign attributes as JSON booleans, numbers or strings (`extra_types` keeps
// the types JSON cannot tell: int and float). graph_schemas/graph.schema.json
// (JSON Schema draft-04) describes the format. Write, read, write gives the
// same bytes; derived fields are restored as written (no Finalize()).
// The reader also takes networkx output: "edges" for "links", numeric ids,
// "directed":false (edges become symmetric), null values (skipped). Errors:
// syntax as "file:line:col: invalid JSON: ...", structure as
// "file: links[3]: unknown source node 'x'". Pure functions, thread-safe.
#ifndef NEWSGRAPH_IO_JSON_GRAPH_H_
#define NEWSGRAPH_IO_JSON_GRAPH_H_

#include <string>
#include <string_view>

#include "newsgraph/base/status.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

std::string JsonGraphToString(const KnowledgeGraph& graph);
Status WriteJsonGraphFile(const KnowledgeGraph& graph, const std::string& path);

// `name` is the file name used in error messages.
Result<KnowledgeGraph> ReadJsonGraph(std::string_view text, const std::string& name);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IO_JSON_GRAPH_H_
