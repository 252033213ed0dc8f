// A canonical text dump of a KnowledgeGraph: every field of the graph, its
// articles, nodes (by id) and edges (in SortedEdges order), one per line.
// Two graphs with equal dumps write the same bytes in every format, so the
// merge laws compare dumps (io/ is not linked into graph_tests).
#ifndef NEWSGRAPH_TESTS_GRAPH_GRAPH_DUMP_H_
#define NEWSGRAPH_TESTS_GRAPH_GRAPH_DUMP_H_

#include <cstdio>
#include <string>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph::testing {

inline std::string DumpNumber(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

inline std::string DumpAttributes(const Attributes& extra) {
  std::string out;
  for (const auto& [name, a] : extra) out += " " + name + ":" + a.type + "=" + a.value;
  return out;
}

inline std::string DumpGraph(const KnowledgeGraph& g) {
  std::string out = "graph title=" + g.data().title + DumpAttributes(g.data().extra) + "\n";
  for (const auto& [id, a] : g.data().articles) {
    out += "article " + id + " title=" + a.title + " date=" + a.date + " url=" + a.url +
           " lang=" + a.lang + "\n";
  }
  for (NodeId n : g.SortedNodes()) {
    const NodeData& d = g.node(n);
    out += "node " + d.id + " label=" + d.label + " category=" + d.category +
           " wikidata=" + d.wikidata + " iso3=" + d.iso3 + " date=" + d.date + " color=" + d.color +
           " size=" + DumpNumber(d.size) + " x=" + DumpNumber(d.x) + " y=" + DumpNumber(d.y) +
           " mentions=" + std::to_string(d.mention_count) + " seen=" + d.first_seen + ".." +
           d.last_seen + " aliases=[";
    for (const std::string& a : d.aliases) out += a + ";";
    out += "] articles=[";
    for (const auto& [a, c] : d.article_mentions) out += a + ":" + std::to_string(c) + ";";
    out += "]" + DumpAttributes(d.extra) + "\n";
  }
  for (EdgeId e : g.SortedEdges()) {
    const EdgeData& d = g.edge(e);
    out += "edge " + d.id + " " + g.node(g.source(e)).id + "->" + g.node(g.target(e)).id +
           " relation=" + d.relation + " label=" + d.label +
           " symmetric=" + (d.symmetric ? "1" : "0") + " cameo=" + d.cameo +
           " goldstein=" + (d.goldstein ? DumpNumber(*d.goldstein) : "-") + " color=" + d.color +
           " weight=" + DumpNumber(d.weight) + " count=" + std::to_string(d.evidence_count) +
           " modality=" + d.modality + " seen=" + d.first_seen + ".." + d.last_seen + " articles=[";
    for (const std::string& a : d.article_ids) out += a + ";";
    out += "]" + DumpAttributes(d.extra) + "\n";
    for (const Evidence& ev : d.evidence) {
      out += "  evidence " + ev.article_id + "[" + std::to_string(ev.begin) + "," +
             std::to_string(ev.end) + ") rule=" + ev.rule +
             " modality=" + std::string(ModalityName(ev.modality)) + " by=" + ev.reported_by +
             " \"" + ev.sentence + "\"\n";
    }
  }
  return out;
}

}  // namespace newsgraph::testing

#endif  // NEWSGRAPH_TESTS_GRAPH_GRAPH_DUMP_H_
