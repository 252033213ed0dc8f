#include "newsgraph/io/graph_io.h"

#include <algorithm>
#include <cctype>

#include "newsgraph/base/file.h"
#include "newsgraph/io/gexf_writer.h"
#include "newsgraph/io/graphml_reader.h"
#include "newsgraph/io/graphml_writer.h"
#include "newsgraph/io/json_graph.h"

namespace newsgraph {

std::string_view GraphFormatName(GraphFormat format) {
  switch (format) {
    case GraphFormat::kGraphml:
      return "graphml";
    case GraphFormat::kGexf:
      return "gexf";
    case GraphFormat::kJson:
      return "json";
  }
  return "graphml";
}

Result<GraphFormat> FormatFromName(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "graphml" || lower == "xml") return GraphFormat::kGraphml;
  if (lower == "gexf") return GraphFormat::kGexf;
  if (lower == "json") return GraphFormat::kJson;
  return Status::UsageError("unknown graph format '" + std::string(name) +
                            "' (known: graphml, gexf, json)");
}

Result<GraphFormat> FormatFromPath(const std::string& path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    Result<GraphFormat> f = FormatFromName(std::string_view(path).substr(dot + 1));
    if (f.ok()) return f;
  }
  return Status::UsageError(path +
                            ": unknown graph file extension (known: .graphml .xml .gexf .json)");
}

Result<KnowledgeGraph> ReadGraphFromString(std::string_view text, const std::string& name,
                                           GraphFormat format) {
  switch (format) {
    case GraphFormat::kGraphml:
      return ReadGraphml(text, name);
    case GraphFormat::kJson:
      return ReadJsonGraph(text, name);
    case GraphFormat::kGexf:
      break;
  }
  return Status::InputError(name +
                            ": reading GEXF is not supported; export GraphML or JSON from Gephi "
                            "(File > Export > Graph file...) and read that");
}

Result<KnowledgeGraph> ReadGraph(const std::string& path) {
  GraphFormat format = GraphFormat::kGraphml;
  if (path != "-") {
    Result<GraphFormat> f = FormatFromPath(path);
    if (!f.ok()) return f.status();
    format = *f;
    if (format == GraphFormat::kGexf) return ReadGraphFromString("", path, format);
    // GraphML streams from the file: memory for the graph, not for its text.
    if (format == GraphFormat::kGraphml) return ReadGraphmlFile(path);
  }
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  const std::string name = path == "-" ? "<stdin>" : path;
  if (path == "-") {
    size_t first = text->find_first_not_of(" \t\r\n");
    if (first != std::string::npos && (*text)[first] == '{') format = GraphFormat::kJson;
  }
  return ReadGraphFromString(*text, name, format);
}

Status WriteGraph(const KnowledgeGraph& graph, const std::string& path, GraphFormat format) {
  switch (format) {
    case GraphFormat::kGraphml:
      return WriteGraphmlFile(graph, path);
    case GraphFormat::kGexf:
      return WriteGexfFile(graph, path);
    case GraphFormat::kJson:
      return WriteJsonGraphFile(graph, path);
  }
  return Status::Internal("unknown graph format");
}

std::string WriteGraphToString(const KnowledgeGraph& graph, GraphFormat format) {
  switch (format) {
    case GraphFormat::kGraphml:
      return GraphmlToString(graph);
    case GraphFormat::kGexf:
      return GexfToString(graph);
    case GraphFormat::kJson:
      return JsonGraphToString(graph);
  }
  return {};
}

}  // namespace newsgraph
