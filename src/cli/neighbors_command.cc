// newsgraph neighbors GRAPH NODE [--depth D] [--relations r1,r2] [-o SUBGRAPH] [--json]
#include <algorithm>
#include <iostream>
#include <optional>

#include "cli/command.h"
#include "newsgraph/graph/neighborhood.h"
#include "newsgraph/graph/paths.h"
#include "newsgraph/io/graph_io.h"
#include "newsgraph/io/text_escape.h"
#include "newsgraph/io/value_format.h"

namespace newsgraph::cli {
namespace {

struct NeighborsArgs {
  std::string graph, node, output;
  size_t depth = 1;
  std::vector<std::string> relations;
  bool json = false;
};

std::string Describe(const KnowledgeGraph& g, NodeId n) {
  const NodeData& d = g.node(n);
  std::string s = d.label.empty() || d.label == d.id ? d.id : d.label + " (" + d.id + ")";
  return d.category.empty() ? s : s + " [" + d.category + "]";
}

// The edges between the centre and a direct neighbour, as seen from the centre.
std::vector<std::string> Links(const KnowledgeGraph& g, NodeId center, NodeId other,
                               const std::vector<std::string>& relations) {
  std::vector<std::string> out;
  auto allowed = [&](const EdgeData& e) {
    return relations.empty() ||
           std::find(relations.begin(), relations.end(), e.relation) != relations.end();
  };
  auto text = [](const EdgeData& e, bool outgoing) {
    std::string name = e.relation.empty() ? e.id : e.relation;
    std::string arrow = e.symmetric ? "--" + name + "--"
                        : outgoing  ? "--" + name + "-->"
                                    : "<--" + name + "--";
    return arrow + " (" + std::to_string(e.evidence_count) + " evidence)";
  };
  for (EdgeId e : g.OutEdges(center)) {
    if (g.target(e) == other && allowed(g.edge(e))) out.push_back(text(g.edge(e), true));
  }
  for (EdgeId e : g.InEdges(center)) {
    if (g.source(e) == other && g.source(e) != g.target(e) && allowed(g.edge(e))) {
      out.push_back(text(g.edge(e), false));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

CommandRunner SetUpNeighbors(CLI::App* app) {
  auto a = std::make_shared<NeighborsArgs>();
  app->add_option("graph", a->graph, "graph file (.graphml or .json)")->required();
  app->add_option("node", a->node, "the centre: id, label or alias")->required();
  app->add_option("--depth", a->depth, "hops from the centre, either direction (default 1)")
      ->check(CLI::Range(size_t{0}, size_t{100}));
  app->add_option("--relations", a->relations, "only along these relations")->delimiter(',');
  app->add_option("-o,--output", a->output,
                  "also write the neighbourhood as a graph (.graphml, .gexf or .json)");
  app->add_flag("--json", a->json, "print one JSON object");
  return [a]() {
    std::optional<GraphFormat> format;
    if (!a->output.empty()) {
      Result<GraphFormat> f = FormatFromPath(a->output);
      if (!f.ok()) return ReportError(f.status());
      format = *f;
    }
    Result<KnowledgeGraph> graph = ReadGraph(a->graph);
    if (!graph.ok()) return ReportError(graph.status());
    NodeIndex index(*graph);
    Result<NodeId> center = index.Find(a->node);
    if (!center.ok()) return ReportError(center.status());
    const KnowledgeGraph& g = *graph;
    std::vector<Neighbor> near = Neighborhood(g, *center, a->depth, a->relations);
    KnowledgeGraph sub = InducedSubgraph(g, NodesOf(near), a->relations);

    std::string out;
    if (a->json) {
      out = "{\"center\":";
      AppendJsonString(g.node(*center).id, &out);
      out += ",\"depth\":";
      AppendInt(static_cast<int64_t>(a->depth), &out);
      out += ",\"nodes\":[";
      for (size_t i = 0; i < near.size(); ++i) {
        const NodeData& d = g.node(near[i].node);
        out += i ? ",{\"id\":" : "{\"id\":";
        AppendJsonString(d.id, &out);
        out += ",\"label\":";
        AppendJsonString(d.label, &out);
        out += ",\"category\":";
        AppendJsonString(d.category, &out);
        out += ",\"distance\":";
        AppendInt(static_cast<int64_t>(near[i].distance), &out);
        out += "}";
      }
      out += "],\"edges\":[";
      bool first = true;
      for (EdgeId e : sub.SortedEdges()) {
        const EdgeData& d = sub.edge(e);
        out += first ? "{\"id\":" : ",{\"id\":";
        first = false;
        AppendJsonString(d.id, &out);
        out += ",\"source\":";
        AppendJsonString(sub.node(sub.source(e)).id, &out);
        out += ",\"target\":";
        AppendJsonString(sub.node(sub.target(e)).id, &out);
        out += ",\"relation\":";
        AppendJsonString(d.relation, &out);
        out += ",\"evidence_count\":";
        AppendInt(d.evidence_count, &out);
        out += "}";
      }
      out += "]}\n";
    } else {
      out = Describe(g, *center) + ": " + std::to_string(near.size() - 1) +
            (near.size() == 2 ? " neighbour" : " neighbours") + " within " +
            std::to_string(a->depth) + (a->depth == 1 ? " hop" : " hops") + ", " +
            std::to_string(sub.num_edges()) + " edges among them\n";
      size_t distance = 0;
      for (const Neighbor& n : near) {
        if (n.distance == 0) continue;
        if (n.distance != distance) {
          distance = n.distance;
          out += "distance " + std::to_string(distance) + ":\n";
        }
        out += "  " + Describe(g, n.node) + "\n";
        if (n.distance == 1) {
          for (const std::string& link : Links(g, *center, n.node, a->relations)) {
            out += "      " + link + "\n";
          }
        }
      }
    }
    std::cout << out;
    std::cout.flush();
    if (format) {
      Status written = WriteGraph(sub, a->output, *format);
      if (!written.ok()) return ReportError(written);
      std::cerr << "newsgraph: wrote " << sub.num_nodes() << " nodes and " << sub.num_edges()
                << " edges to " << a->output << "\n";
    }
    return std::cout ? kExitOk : kExitInputError;
  };
}

}  // namespace newsgraph::cli
