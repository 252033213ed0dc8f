// The one entry point for reading and writing graph files: picks the format
// from the file name and calls the reader or writer of that format.
//
//   Result<KnowledgeGraph> g = ReadGraph("in.graphml");        // or .json
//   Result<GraphFormat> f = FormatFromPath("out.gexf");         // kGexf
//   Status s = WriteGraph(*g, "out.gexf", *f);                  // atomic
//
// Formats: GraphML (.graphml, .xml; the portable profile of graphml_writer.h),
// GEXF 1.3 (.gexf; write only), JSON node-link (.json; json_graph.h).
// Extensions are matched case-insensitively. Errors name the file; read errors
// are "file:line:col: message". Pure functions over their arguments;
// thread-safe.
#ifndef NEWSGRAPH_IO_GRAPH_IO_H_
#define NEWSGRAPH_IO_GRAPH_IO_H_

#include <string>
#include <string_view>

#include "newsgraph/base/status.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

enum class GraphFormat { kGraphml, kGexf, kJson };

// "graphml", "gexf", "json".
std::string_view GraphFormatName(GraphFormat format);
// The inverse of GraphFormatName (also accepts "xml"); a usage error otherwise.
Result<GraphFormat> FormatFromName(std::string_view name);

// By extension: .graphml .xml -> kGraphml, .gexf -> kGexf, .json -> kJson.
// Otherwise a usage error naming the path and listing the known extensions.
Result<GraphFormat> FormatFromPath(const std::string& path);

// Reads GraphML or JSON (format from the extension; "-" is stdin, read as
// GraphML unless it starts with '{'). GEXF input is refused with a message.
Result<KnowledgeGraph> ReadGraph(const std::string& path);
// The same from text; `name` is used in error messages.
Result<KnowledgeGraph> ReadGraphFromString(std::string_view text, const std::string& name,
                                           GraphFormat format);

// Writes atomically (temporary file + rename); "-" is stdout.
Status WriteGraph(const KnowledgeGraph& graph, const std::string& path, GraphFormat format);
std::string WriteGraphToString(const KnowledgeGraph& graph, GraphFormat format);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IO_GRAPH_IO_H_
