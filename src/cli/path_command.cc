// newsgraph path GRAPH --from A --to B [--k N] [--max-hops H] [--relations r1,r2]
//   [--exclude n1,n2] [--exclude-relations r1,r2] [--undirected] [--min-weight W]
//   [--since DATE] [--until DATE] [--weighted] [--evidence N] [--json]
#include <iostream>

#include "cli/command.h"
#include "newsgraph/graph/paths.h"
#include "newsgraph/io/graph_io.h"
#include "newsgraph/io/text_escape.h"
#include "newsgraph/io/value_format.h"

namespace newsgraph::cli {
namespace {

struct PathArgs {
  std::string graph, from, to;
  size_t k = 1;
  size_t evidence = 3;
  std::vector<std::string> exclude;
  bool json = false;
  PathOptions options;
};

std::string Describe(const KnowledgeGraph& g, NodeId n) {
  const NodeData& d = g.node(n);
  return d.label.empty() || d.label == d.id ? d.id : d.label + " (" + d.id + ")";
}

// "--supports-->", "<--supports--" (travelled against the edge), or
// "--cooperates_with--" (symmetric).
std::string Arrow(const KnowledgeGraph& g, const PathHop& hop) {
  const EdgeData& e = g.edge(hop.edge);
  const std::string name = e.relation.empty() ? (e.label.empty() ? e.id : e.label) : e.relation;
  if (e.symmetric) return "--" + name + "--";
  return hop.forward ? "--" + name + "-->" : "<--" + name + "--";
}

std::string ArticleDate(const KnowledgeGraph& g, const std::string& article) {
  auto it = g.data().articles.find(article);
  return it == g.data().articles.end() ? "" : it->second.date;
}

std::string PathsText(const KnowledgeGraph& g, const PathArgs& a, NodeId from, NodeId to,
                      const std::vector<Path>& paths) {
  std::string out;
  if (paths.empty()) {
    return "no path from " + Describe(g, from) + " to " + Describe(g, to) +
           " under these options\n";
  }
  for (size_t i = 0; i < paths.size(); ++i) {
    const Path& p = paths[i];
    out += "path " + std::to_string(i + 1) + " of " + std::to_string(paths.size()) + ": " +
           std::to_string(p.hops.size()) + (p.hops.size() == 1 ? " hop" : " hops");
    if (a.options.weighted) out += ", cost " + FormatDouble(p.cost);
    out += "\n";
    for (const PathHop& hop : p.hops) {
      const EdgeData& e = g.edge(hop.edge);
      out += "  " + Describe(g, hop.from) + " " + Arrow(g, hop) + " " + Describe(g, hop.to);
      out += "  [" + std::to_string(e.evidence_count) +
             (e.evidence_count == 1 ? " evidence record" : " evidence records");
      if (!e.modality.empty() && e.modality != "asserted") out += ", " + e.modality;
      out += "]\n";
      for (size_t j = 0; j < e.evidence.size() && j < a.evidence; ++j) {
        const Evidence& ev = e.evidence[j];
        std::string date = ArticleDate(g, ev.article_id);
        out += "      " + (ev.article_id.empty() ? std::string("(no article)") : ev.article_id) +
               (date.empty() ? "" : " " + date) + ": " + ev.sentence + "\n";
      }
      if (e.evidence.size() > a.evidence) {
        out += "      ... and " + std::to_string(e.evidence.size() - a.evidence) + " more\n";
      }
    }
  }
  return out;
}

std::string PathsJson(const KnowledgeGraph& g, const PathArgs& a, NodeId from, NodeId to,
                      const std::vector<Path>& paths) {
  std::string out = "{\"from\":";
  AppendJsonString(g.node(from).id, &out);
  out += ",\"to\":";
  AppendJsonString(g.node(to).id, &out);
  out += ",\"paths\":[";
  for (size_t i = 0; i < paths.size(); ++i) {
    if (i) out += ",";
    out += "{\"cost\":";
    AppendDouble(paths[i].cost, &out);
    out += ",\"hops\":[";
    for (size_t h = 0; h < paths[i].hops.size(); ++h) {
      const PathHop& hop = paths[i].hops[h];
      const EdgeData& e = g.edge(hop.edge);
      if (h) out += ",";
      out += "{\"edge\":";
      AppendJsonString(e.id, &out);
      out += ",\"relation\":";
      AppendJsonString(e.relation, &out);
      out += ",\"from\":";
      AppendJsonString(g.node(hop.from).id, &out);
      out += ",\"to\":";
      AppendJsonString(g.node(hop.to).id, &out);
      out += ",\"forward\":";
      out += hop.forward ? "true" : "false";
      out += ",\"symmetric\":";
      out += e.symmetric ? "true" : "false";
      out += ",\"evidence_count\":";
      AppendInt(e.evidence_count, &out);
      out += ",\"evidence\":[";
      for (size_t j = 0; j < e.evidence.size() && j < a.evidence; ++j) {
        const Evidence& ev = e.evidence[j];
        if (j) out += ",";
        out += "{\"article\":";
        AppendJsonString(ev.article_id, &out);
        out += ",\"date\":";
        AppendJsonString(ArticleDate(g, ev.article_id), &out);
        out += ",\"sentence\":";
        AppendJsonString(ev.sentence, &out);
        out += "}";
      }
      out += "]}";
    }
    out += "]}";
  }
  out += "]}\n";
  return out;
}

}  // namespace

CommandRunner SetUpPath(CLI::App* app) {
  auto a = std::make_shared<PathArgs>();
  app->add_option("graph", a->graph, "graph file (.graphml or .json)")->required();
  app->add_option("--from", a->from, "start node: id, label or alias")->required();
  app->add_option("--to", a->to, "end node: id, label or alias")->required();
  app->add_option("--k", a->k, "how many paths, shortest first (default 1)")
      ->check(CLI::Range(size_t{1}, size_t{1000}));
  app->add_option("--max-hops", a->options.max_hops, "longest path in hops (default: no limit)");
  app->add_option("--relations", a->options.relations, "only these relations")->delimiter(',');
  app->add_option("--exclude", a->exclude, "never through these nodes")->delimiter(',');
  app->add_option("--exclude-relations", a->options.exclude_relations,
                  "never along these relations")
      ->delimiter(',');
  app->add_flag("--undirected", a->options.undirected, "also follow edges against their direction");
  app->add_option("--min-weight", a->options.min_weight, "only edges with at least this weight");
  app->add_option("--since", a->options.since, "only edges with evidence dated on or after DATE");
  app->add_option("--until", a->options.until, "only edges with evidence dated on or before DATE");
  app->add_flag("--weighted", a->options.weighted,
                "prefer well-evidenced edges: a hop costs 1 / (1 + evidence count)");
  app->add_option("--evidence", a->evidence, "evidence sentences shown per hop (default 3)");
  app->add_flag("--json", a->json, "print one JSON object");
  return [a]() {
    Status valid = ValidatePathOptions(a->options);
    if (!valid.ok()) return ReportError(valid);
    Result<KnowledgeGraph> graph = ReadGraph(a->graph);
    if (!graph.ok()) return ReportError(graph.status());
    NodeIndex index(*graph);
    Result<NodeId> from = index.Find(a->from);
    if (!from.ok()) return ReportError(from.status().WithPrefix("--from"));
    Result<NodeId> to = index.Find(a->to);
    if (!to.ok()) return ReportError(to.status().WithPrefix("--to"));
    for (const std::string& name : a->exclude) {
      Result<NodeId> n = index.Find(name);
      if (!n.ok()) return ReportError(n.status().WithPrefix("--exclude"));
      a->options.exclude_nodes.push_back(*n);
    }
    std::vector<Path> paths = ShortestPaths(*graph, *from, *to, a->k, a->options);
    std::cout << (a->json ? PathsJson(*graph, *a, *from, *to, paths)
                          : PathsText(*graph, *a, *from, *to, paths));
    std::cout.flush();
    if (!std::cout) return kExitInputError;
    return paths.empty() ? kExitNotFound : kExitOk;
  };
}

}  // namespace newsgraph::cli
