// Reads GraphML into a KnowledgeGraph: newsgraph's own files losslessly
// (write, read, write gives the same bytes) and what other tools write
// (Gephi, networkx, igraph, yEd) without losing their attributes.
//
//   Result<KnowledgeGraph> g = ReadGraphml(text, "in.graphml");
//   if (!g.ok()) return g.status();   // "in.graphml:12:5: edge 'e3': unknown target node 'x'"
//   Result<KnowledgeGraph> big = ReadGraphmlFile("huge.graphml");  // streams the file
//
// Streaming: no tree of the whole document is built. The elements of <graph>
// are parsed (pugixml) in runs of about 4 MB, read into the graph and freed;
// a run is cut after the first </edge> or </node> past 4 MB, which its parse
// proves to be a boundary, else where the tags say (xml_scanner.h). Memory is
// the graph plus a few runs (plus the whole text for ReadGraphml). An edge
// naming a node that comes later in the file is kept until the graph ends.
//
// Attributes are matched by attr.name (runs of spaces become '_'): the model's
// names (label, category, x, y, weight, color, ...) set fields when the value
// parses as the field's type; everything else is kept in `extra` with its
// type. Node ids come from `uid`, else an `id` attribute, else the XML id; an id
// that is not an ASCII NMTOKEN is made one ('_' for other characters, suffix
// "_2".. on collision). Edges without an id get "e<N>" (N = position in the
// file). In an undirected graph (or with directed="false") edges are symmetric.
// A `<default>` of a key applies to elements without that data. yEd's nested
// graphics are skipped, except that a node or edge without a label takes the
// yEd label, and a node its yEd position and fill colour.
//
// Files of profile newsgraph-graphml/1: relation edges whose id is
// "<source>.<relation>.<target>" are re-added with AddEdge (so FindEdge works),
// evidence is rebuilt from `evidence` + `evidence_meta`, derived fields are
// restored as written and Finalize() is not called (a finalised graph reads
// back finalised).
//
// Errors ("file:line:col: message"), the first in file order: not UTF-8
// text, a DOCTYPE or ENTITY declaration (refused where met: nothing is
// expanded or fetched), XML that is not well-formed, no <graphml> root, not
// exactly one top-level graph, a node without id, a duplicate node or edge id,
// an edge naming a missing node, an undeclared key or a key of another domain
// (a key declared after the <graph> comes too late: GraphML puts keys first),
// the same key twice in one element, malformed evidence. Tolerated:
// edgedefault missing (directed), attr.type "integer"/"liststring"/unknown
// (int/string/string), spaces in attr.name, non-NMTOKEN node ids, a `label` XML
// attribute on an edge (used as label when there is no label data),
// <default>s. Pure functions, thread-safe.
#ifndef NEWSGRAPH_IO_GRAPHML_READER_H_
#define NEWSGRAPH_IO_GRAPHML_READER_H_

#include <string>
#include <string_view>

#include "newsgraph/base/status.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

// `name` is the file name used in error messages.
Result<KnowledgeGraph> ReadGraphml(std::string_view text, const std::string& name);

// Reads the file block by block (never whole; "-" reads standard input whole).
// Same result and errors as ReadGraphml on the file's bytes, plus the file
// errors of ReadFile (missing, a directory, unreadable).
Result<KnowledgeGraph> ReadGraphmlFile(const std::string& path);

// Refuses a DOCTYPE or ENTITY declaration anywhere in `text` with
// "name:line:col: ..." (a guard for XML readers that parse whole texts).
Status RefuseDoctype(std::string_view text, const std::string& name);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IO_GRAPHML_READER_H_
