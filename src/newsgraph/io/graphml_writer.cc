#include "newsgraph/io/graphml_writer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

#include "newsgraph/io/attribute_plan.h"
#include "newsgraph/io/edge_ids.h"
#include "newsgraph/io/graph_fields.h"
#include "newsgraph/io/output_sink.h"
#include "newsgraph/io/text_escape.h"

namespace newsgraph {
namespace {

constexpr std::string_view kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
    " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
    " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

void AppendKey(std::string_view prefix, std::string_view domain, std::string_view name,
               std::string_view type, std::string* out) {
  out->append("  <key id=\"").append(prefix).append(name);
  out->append("\" for=\"").append(domain);
  out->append("\" attr.name=\"").append(name);
  out->append("\" attr.type=\"").append(type).append("\"/>\n");
}

// Bytes that AppendXmlText copies as they are: printable ASCII but & < >,
// tab and newline.
constexpr std::array<bool, 256> kPlainText = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '&' && c != '<' && c != '>';
  plain['\t'] = plain['\n'] = true;
  return plain;
}();

// True if the 8 bytes at `p` are all printable ASCII but & < > (no byte has
// its high bit set, is below 0x20, or equals '&', '<' or '>').
bool PlainWord(const unsigned char* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  uint64_t w;
  std::memcpy(&w, p, 8);
  const uint64_t below_space = (w - 0x20 * kOnes) & ~w & kHigh;
  return ((w & kHigh) | below_space | has_zero(w ^ ('&' * kOnes)) | has_zero(w ^ ('<' * kOnes)) |
          has_zero(w ^ ('>' * kOnes))) == 0;
}

// AppendXmlText, byte for byte, with runs of plain bytes copied whole. Every
// other run goes to AppendXmlText: a run ends at an ASCII byte, which never is
// part of a UTF-8 sequence, so the pieces escape as the whole would.
void AppendText(std::string_view text, std::string* out) {
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (true) {
      while (j + 8 <= n && PlainWord(data + j)) j += 8;
      while (j < n && kPlainText[data[j]]) ++j;
      // A two-byte UTF-8 character (é, ô, ...) is always valid and kept.
      if (j + 1 < n && data[j] >= 0xC2 && data[j] <= 0xDF && (data[j + 1] & 0xC0) == 0x80) {
        j += 2;
        continue;
      }
      break;
    }
    out->append(text.data() + i, j - i);
    if (j >= n) break;
    i = j;
    while (j < n && !kPlainText[data[j]]) ++j;
    AppendXmlText(text.substr(i, j - i), out);
    i = j;
  }
}

void AppendData(std::string_view indent, std::string_view prefix, std::string_view name,
                std::string_view value, std::string* out) {
  out->append(indent).append("<data key=\"").append(prefix).append(name).append("\">");
  AppendText(value, out);
  out->append("</data>\n");
}

void AppendExtras(std::string_view indent, std::string_view prefix, const Attributes& extra,
                  const AttributePlan& plan, std::string* out) {
  if (extra.empty()) return;
  for (const auto& [original, column] : plan.ordered()) {
    auto it = extra.find(original);
    if (it != extra.end()) AppendData(indent, prefix, column.name, it->second.value, out);
  }
}

template <typename Data>
std::vector<bool> UsedFields(const std::vector<Field<Data>>& fields, const Data& d,
                             std::vector<bool> used) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (!used[i] && (fields[i].formats & kInGraphml) && fields[i].present(d)) used[i] = true;
  }
  return used;
}

template <typename Data>
void AppendFields(const std::vector<Field<Data>>& fields, const Data& d, std::string_view prefix,
                  std::string* scratch, std::string* out) {
  for (const Field<Data>& f : fields) {
    if (!(f.formats & kInGraphml) || !f.present(d)) continue;
    scratch->clear();
    f.append(d, scratch);
    AppendData("      ", prefix, f.name, *scratch, out);
  }
}

// KnowledgeGraph::SortedNodes() and SortedEdges(), with the ids beside the
// indices so that comparisons stay in cache. The comparisons are the same and
// so is the starting order, so std::sort makes the same permutation.
std::vector<NodeId> SortedNodes(const KnowledgeGraph& g) {
  std::vector<std::pair<std::string_view, NodeId>> keyed(g.num_nodes());
  for (NodeId n = 0; n < keyed.size(); ++n) keyed[n] = {g.node(n).id, n};
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<NodeId> nodes(keyed.size());
  for (size_t i = 0; i < keyed.size(); ++i) nodes[i] = keyed[i].second;
  return nodes;
}

std::vector<EdgeId> SortedEdges(const KnowledgeGraph& g) {
  std::vector<std::pair<std::string_view, EdgeId>> keyed(g.num_edges());
  for (EdgeId e = 0; e < keyed.size(); ++e) keyed[e] = {g.edge(e).id, e};
  std::sort(keyed.begin(), keyed.end(), [&g](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    const std::string& sa = g.node(g.source(a.second)).id;
    const std::string& sb = g.node(g.source(b.second)).id;
    if (sa != sb) return sa < sb;
    return g.node(g.target(a.second)).id < g.node(g.target(b.second)).id;
  });
  std::vector<EdgeId> edges(keyed.size());
  for (size_t i = 0; i < keyed.size(); ++i) edges[i] = keyed[i].second;
  return edges;
}

void WriteGraphml(const KnowledgeGraph& g, OutputSink* sink) {
  const std::vector<NodeId> nodes = SortedNodes(g);
  const std::vector<EdgeId> edges = SortedEdges(g);
  const auto& node_fields = NodeFields();
  const auto& edge_fields = EdgeFields();

  // Pass 1: which keys are used, and the foreign attribute columns.
  AttributePlan graph_plan(ReservedGraphNames());
  AttributePlan node_plan(ReservedNodeNames());
  AttributePlan edge_plan(ReservedEdgeNames());
  graph_plan.Add(g.data().extra);
  std::vector<bool> node_used(node_fields.size()), edge_used(edge_fields.size());
  for (NodeId n : nodes) {
    node_used = UsedFields(node_fields, g.node(n), std::move(node_used));
    node_plan.Add(g.node(n).extra);
  }
  for (EdgeId e : edges) {
    edge_used = UsedFields(edge_fields, g.edge(e), std::move(edge_used));
    edge_plan.Add(g.edge(e).extra);
  }
  graph_plan.Assign();
  node_plan.Assign();
  edge_plan.Assign();

  std::string* out = sink->out();
  out->append(kHeader);
  const GraphData& data = g.data();
  if (!data.title.empty()) AppendKey("g_", "graph", "title", "string", out);
  AppendKey("g_", "graph", "profile", "string", out);
  if (!data.articles.empty()) AppendKey("g_", "graph", "articles", "string", out);
  for (const auto& [original, c] : graph_plan.ordered())
    AppendKey("g_", "graph", c.name, c.type, out);
  for (size_t i = 0; i < node_fields.size(); ++i) {
    if (node_used[i])
      AppendKey("v_", "node", node_fields[i].name, GraphmlType(node_fields[i].kind), out);
  }
  for (const auto& [original, c] : node_plan.ordered())
    AppendKey("v_", "node", c.name, c.type, out);
  for (size_t i = 0; i < edge_fields.size(); ++i) {
    if (edge_used[i])
      AppendKey("e_", "edge", edge_fields[i].name, GraphmlType(edge_fields[i].kind), out);
  }
  for (const auto& [original, c] : edge_plan.ordered())
    AppendKey("e_", "edge", c.name, c.type, out);
  // Edges of one id between different nodes: written under unique ids, each
  // renamed one with the model's id beside it.
  const std::vector<std::string> xml_ids = OutputEdgeIds(g, edges);
  if (!xml_ids.empty()) AppendKey("e_", "edge", kOriginalEdgeId, "string", out);

  out->append("  <graph id=\"G\" edgedefault=\"directed\">\n");
  if (!data.title.empty()) AppendData("    ", "g_", "title", data.title, out);
  AppendData("    ", "g_", "profile", kGraphmlProfile, out);
  std::string scratch;
  if (!data.articles.empty()) {
    AppendArticlesJson(data, &scratch);
    AppendData("    ", "g_", "articles", scratch, out);
  }
  AppendExtras("    ", "g_", data.extra, graph_plan, out);

  for (NodeId n : nodes) {
    const NodeData& d = g.node(n);
    out->append("    <node id=\"");
    AppendXmlAttribute(d.id, out);
    out->append("\">\n");
    AppendFields(node_fields, d, "v_", &scratch, out);
    AppendExtras("      ", "v_", d.extra, node_plan, out);
    out->append("    </node>\n");
    sink->MaybeFlush();
  }
  for (size_t k = 0; k < edges.size(); ++k) {
    const EdgeId e = edges[k];
    const EdgeData& d = g.edge(e);
    const bool renamed = !xml_ids.empty() && xml_ids[k] != d.id;
    out->append("    <edge id=\"");
    if (d.id.empty()) {
      out->append("e").append(std::to_string(e));
    } else {
      AppendXmlAttribute(renamed ? xml_ids[k] : d.id, out);
    }
    out->append("\" source=\"");
    AppendXmlAttribute(g.node(g.source(e)).id, out);
    out->append("\" target=\"");
    AppendXmlAttribute(g.node(g.target(e)).id, out);
    out->append("\">\n");
    if (renamed) AppendData("      ", "e_", kOriginalEdgeId, d.id, out);
    AppendFields(edge_fields, d, "e_", &scratch, out);
    AppendExtras("      ", "e_", d.extra, edge_plan, out);
    out->append("    </edge>\n");
    sink->MaybeFlush();
  }
  out->append("  </graph>\n</graphml>\n");
}

}  // namespace

std::string GraphmlToString(const KnowledgeGraph& graph) {
  OutputSink sink;
  WriteGraphml(graph, &sink);
  return sink.Finish();
}

Status WriteGraphmlFile(const KnowledgeGraph& graph, const std::string& path) {
  AtomicFile file;
  NEWSGRAPH_RETURN_IF_ERROR(file.Open(path));
  OutputSink sink(&file);
  WriteGraphml(graph, &sink);
  sink.Finish();
  return file.Commit();
}

}  // namespace newsgraph
