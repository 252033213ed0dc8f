// Writes a KnowledgeGraph as GEXF 1.3 for Gephi desktop (and Gephi Lite).
//
//   std::string text = GexfToString(graph);
//   Status s = WriteGexfFile(graph, "out.gexf");   // temp file + rename
//
// What Gephi gets: nodes with `label`, viz:color (from #RRGGBB), viz:position
// (when x or y is set) and viz:size (when positive); edges with `label`,
// `weight` and `kind` = the relation, so Gephi never merges two relations
// between the same pair; one <attributes> block per class whose attribute id
// equals its title, lists (aliases, article_ids, evidence sentences) as
// liststring JSON literals, evidence records in `evidence_meta`, foreign
// attributes with their types (names as in graphml_writer.h).
// A timeline: when any element has a date the graph is mode="dynamic",
// timeformat="date", and each node/edge gets <spells>, one per distinct date of
// the articles that mention it (its evidence for an edge), else one spell
// first_seen..last_seen. A month "2024-03" spans 2024-03-01..2024-03-31, a year
// the whole year; overlapping spells are merged; elements without dates have no
// spells (always present). GEXF has no graph attributes: the title goes to
// <meta><description>; articles are not written.
// Deterministic bytes (no modification date). Thread-compatible.
#ifndef NEWSGRAPH_IO_GEXF_WRITER_H_
#define NEWSGRAPH_IO_GEXF_WRITER_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "newsgraph/base/status.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

std::string GexfToString(const KnowledgeGraph& graph);
Status WriteGexfFile(const KnowledgeGraph& graph, const std::string& path);

// The days an ISO date covers: "2024-02" -> {"2024-02-01", "2024-02-29"},
// "2023" -> {"2023-01-01", "2023-12-31"}, "2024-03-05" (or a date-time) -> that
// day twice. nullopt for anything else.
std::optional<std::pair<std::string, std::string>> DateSpan(std::string_view date);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IO_GEXF_WRITER_H_
