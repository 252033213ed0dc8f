#include "newsgraph/io/gexf_writer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <vector>

#include "newsgraph/io/attribute_plan.h"
#include "newsgraph/io/edge_ids.h"
#include "newsgraph/io/graph_fields.h"
#include "newsgraph/io/output_sink.h"
#include "newsgraph/io/text_escape.h"
#include "newsgraph/io/value_format.h"

namespace newsgraph {
namespace {

using Span = std::pair<std::string, std::string>;

constexpr std::string_view kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""
    " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n";

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string_view GexfType(std::string_view graphml_type) {
  return graphml_type == "int" ? "integer" : graphml_type;
}

// The spells of an element: the spans of its article dates, else first..last seen.
std::vector<Span> Spells(const std::vector<std::string>& dates, const std::string& first,
                         const std::string& last) {
  std::vector<Span> spans;
  for (const std::string& d : dates) {
    if (auto s = DateSpan(d)) spans.push_back(*s);
  }
  if (spans.empty()) {
    auto a = DateSpan(first), b = DateSpan(last.empty() ? first : last);
    if (a && b && a->first <= b->second) spans.push_back({a->first, b->second});
  }
  std::sort(spans.begin(), spans.end());
  std::vector<Span> merged;
  for (Span& s : spans) {
    if (!merged.empty() && s.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, s.second);
    } else {
      merged.push_back(std::move(s));
    }
  }
  return merged;
}

void AppendSpells(const std::vector<Span>& spells, std::string_view indent, std::string* out) {
  if (spells.empty()) return;
  out->append(indent).append("<spells>");
  for (const Span& s : spells) {
    out->append("<spell start=\"")
        .append(s.first)
        .append("\" end=\"")
        .append(s.second)
        .append("\"/>");
  }
  out->append("</spells>\n");
}

void AppendColor(const std::string& color, std::string_view indent, std::string* out) {
  if (!IsHexColor(color)) return;
  unsigned r = 0, g = 0, b = 0;
  std::sscanf(color.c_str() + 1, "%2x%2x%2x", &r, &g, &b);
  out->append(indent).append("<viz:color r=\"").append(std::to_string(r));
  out->append("\" g=\"").append(std::to_string(g));
  out->append("\" b=\"").append(std::to_string(b)).append("\"/>\n");
}

void AppendAttributeDecl(std::string_view name, std::string_view type, std::string* out) {
  out->append("      <attribute id=\"");
  AppendXmlAttribute(name, out);
  out->append("\" title=\"");
  AppendXmlAttribute(name, out);
  out->append("\" type=\"").append(type).append("\"/>\n");
}

void AppendAttvalue(std::string_view name, std::string_view value, std::string* out) {
  out->append("          <attvalue for=\"");
  AppendXmlAttribute(name, out);
  out->append("\" value=\"");
  AppendXmlAttribute(value, out);
  out->append("\"/>\n");
}

template <typename Data>
void AppendAttvalues(const std::vector<Field<Data>>& fields, const Data& d,
                     const AttributePlan& plan, std::string* scratch, std::string* out) {
  size_t mark = out->size();
  out->append("        <attvalues>\n");
  size_t empty_size = out->size();
  for (const Field<Data>& f : fields) {
    if (!(f.formats & kInGexfAttribute) || !f.present(d)) continue;
    scratch->clear();
    f.append(d, scratch);
    AppendAttvalue(f.name, *scratch, out);
  }
  if (!d.extra.empty()) {
    for (const auto& [original, column] : plan.ordered()) {
      auto it = d.extra.find(original);
      if (it != d.extra.end()) AppendAttvalue(column.name, it->second.value, out);
    }
  }
  if (out->size() == empty_size) {
    out->resize(mark);
  } else {
    out->append("        </attvalues>\n");
  }
}

template <typename Data>
void AppendAttributesBlock(std::string_view cls, const std::vector<Field<Data>>& fields,
                           const std::vector<bool>& used, const AttributePlan& plan,
                           std::string* out) {
  size_t mark = out->size();
  out->append("    <attributes class=\"").append(cls).append("\" mode=\"static\">\n");
  size_t empty_size = out->size();
  for (size_t i = 0; i < fields.size(); ++i) {
    if (used[i]) AppendAttributeDecl(fields[i].name, fields[i].gexf_type, out);
  }
  for (const auto& [original, column] : plan.ordered()) {
    AppendAttributeDecl(column.name, GexfType(column.type), out);
  }
  if (out->size() == empty_size) {
    out->resize(mark);
  } else {
    out->append("    </attributes>\n");
  }
}

template <typename Data>
void MarkUsed(const std::vector<Field<Data>>& fields, const Data& d, std::vector<bool>* used) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (!(*used)[i] && (fields[i].formats & kInGexfAttribute) && fields[i].present(d)) {
      (*used)[i] = true;
    }
  }
}

void WriteGexf(const KnowledgeGraph& g, OutputSink* sink) {
  const std::vector<NodeId> nodes = g.SortedNodes();
  const std::vector<EdgeId> edges = g.SortedEdges();
  const auto& node_fields = NodeFields();
  const auto& edge_fields = EdgeFields();
  const GraphData& data = g.data();
  const auto article_date = [&data](const std::string& article) -> std::string {
    auto it = data.articles.find(article);
    return it == data.articles.end() ? std::string() : it->second.date;
  };

  // Pass 1: used attributes, foreign columns and spells.
  AttributePlan node_plan(ReservedNodeNames());
  AttributePlan edge_plan(ReservedEdgeNames());
  std::vector<bool> node_used(node_fields.size()), edge_used(edge_fields.size());
  std::vector<std::vector<Span>> node_spells(g.num_nodes()), edge_spells(g.num_edges());
  bool dynamic = false;
  std::vector<std::string> dates;
  for (NodeId n : nodes) {
    const NodeData& d = g.node(n);
    MarkUsed(node_fields, d, &node_used);
    node_plan.Add(d.extra);
    dates.clear();
    for (const auto& [article, count] : d.article_mentions) dates.push_back(article_date(article));
    node_spells[n] = Spells(dates, d.first_seen, d.last_seen);
    dynamic |= !node_spells[n].empty();
  }
  for (EdgeId e : edges) {
    const EdgeData& d = g.edge(e);
    MarkUsed(edge_fields, d, &edge_used);
    edge_plan.Add(d.extra);
    dates.clear();
    for (const Evidence& ev : d.evidence) dates.push_back(article_date(ev.article_id));
    edge_spells[e] = Spells(dates, d.first_seen, d.last_seen);
    dynamic |= !edge_spells[e].empty();
  }
  node_plan.Assign();
  edge_plan.Assign();

  std::string* out = sink->out();
  out->append(kHeader);
  out->append("  <meta>\n    <creator>newsgraph</creator>\n");
  if (!data.title.empty()) {
    out->append("    <description>");
    AppendXmlText(data.title, out);
    out->append("</description>\n");
  }
  out->append("  </meta>\n");
  out->append(dynamic ? "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\""
                        " timerepresentation=\"interval\">\n"
                      : "  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
  AppendAttributesBlock("node", node_fields, node_used, node_plan, out);
  AppendAttributesBlock("edge", edge_fields, edge_used, edge_plan, out);

  std::string scratch;
  out->append("    <nodes count=\"").append(std::to_string(nodes.size())).append("\">\n");
  for (NodeId n : nodes) {
    const NodeData& d = g.node(n);
    out->append("      <node id=\"");
    AppendXmlAttribute(d.id, out);
    out->append("\"");
    if (!d.label.empty()) {
      out->append(" label=\"");
      AppendXmlToken(d.label, out);
      out->append("\"");
    }
    out->append(">\n");
    AppendAttvalues(node_fields, d, node_plan, &scratch, out);
    AppendSpells(node_spells[n], "        ", out);
    AppendColor(d.color, "        ", out);
    if ((d.x != 0 || d.y != 0) && std::isfinite(d.x) && std::isfinite(d.y)) {
      out->append("        <viz:position x=\"");
      AppendDouble(d.x, out);
      out->append("\" y=\"");
      AppendDouble(d.y, out);
      out->append("\" z=\"0.0\"/>\n");
    }
    if (d.size > 0 && std::isfinite(d.size)) {
      out->append("        <viz:size value=\"");
      AppendDouble(d.size, out);
      out->append("\"/>\n");
    }
    out->append("      </node>\n");
    sink->MaybeFlush();
  }
  out->append("    </nodes>\n");

  out->append("    <edges count=\"").append(std::to_string(edges.size())).append("\">\n");
  // Edges of one id between different nodes: each written under its own.
  const std::vector<std::string> xml_ids = OutputEdgeIds(g, edges);
  for (size_t k = 0; k < edges.size(); ++k) {
    const EdgeId e = edges[k];
    const EdgeData& d = g.edge(e);
    out->append("      <edge id=\"");
    if (d.id.empty()) {
      out->append("e").append(std::to_string(e));
    } else {
      AppendXmlAttribute(xml_ids.empty() ? d.id : xml_ids[k], out);
    }
    out->append("\" source=\"");
    AppendXmlAttribute(g.node(g.source(e)).id, out);
    out->append("\" target=\"");
    AppendXmlAttribute(g.node(g.target(e)).id, out);
    out->append("\"");
    if (!d.label.empty()) {
      out->append(" label=\"");
      AppendXmlToken(d.label, out);
      out->append("\"");
    }
    if (std::isfinite(d.weight)) {
      out->append(" weight=\"");
      AppendDouble(d.weight, out);
      out->append("\"");
    }
    if (!d.relation.empty()) {
      out->append(" kind=\"");
      AppendXmlToken(d.relation, out);
      out->append("\"");
    }
    out->append(">\n");
    AppendAttvalues(edge_fields, d, edge_plan, &scratch, out);
    AppendSpells(edge_spells[e], "        ", out);
    AppendColor(d.color, "        ", out);
    out->append("      </edge>\n");
    sink->MaybeFlush();
  }
  out->append("    </edges>\n  </graph>\n</gexf>\n");
}

}  // namespace

std::optional<Span> DateSpan(std::string_view date) {
  if (date.size() > 10 && date[10] == 'T') date = date.substr(0, 10);
  if (date.size() < 4 || !AllDigits(date.substr(0, 4))) return std::nullopt;
  const int year = std::stoi(std::string(date.substr(0, 4)));
  if (date.size() == 4) return Span{std::string(date) + "-01-01", std::string(date) + "-12-31"};
  if (date.size() < 7 || date[4] != '-' || !AllDigits(date.substr(5, 2))) return std::nullopt;
  const int month = std::stoi(std::string(date.substr(5, 2)));
  if (month < 1 || month > 12) return std::nullopt;
  if (date.size() == 7) {
    char last[4];
    std::snprintf(last, sizeof last, "%02d", DaysInMonth(year, month));
    return Span{std::string(date) + "-01", std::string(date) + "-" + last};
  }
  if (date.size() != 10 || date[7] != '-' || !AllDigits(date.substr(8, 2))) return std::nullopt;
  const int day = std::stoi(std::string(date.substr(8, 2)));
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return Span{std::string(date), std::string(date)};
}

std::string GexfToString(const KnowledgeGraph& graph) {
  OutputSink sink;
  WriteGexf(graph, &sink);
  return sink.Finish();
}

Status WriteGexfFile(const KnowledgeGraph& graph, const std::string& path) {
  AtomicFile file;
  NEWSGRAPH_RETURN_IF_ERROR(file.Open(path));
  OutputSink sink(&file);
  WriteGexf(graph, &sink);
  sink.Finish();
  return file.Commit();
}

}  // namespace newsgraph
