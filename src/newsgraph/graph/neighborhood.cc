#include "newsgraph/graph/neighborhood.h"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace newsgraph {
namespace {

bool RelationAllowed(const std::vector<std::string>& relations, const std::string& r) {
  return relations.empty() || std::find(relations.begin(), relations.end(), r) != relations.end();
}

}  // namespace

std::vector<Neighbor> Neighborhood(const KnowledgeGraph& graph, NodeId center, size_t depth,
                                   const std::vector<std::string>& relations) {
  std::unordered_map<NodeId, size_t> distance{{center, 0}};
  std::vector<NodeId> frontier{center};
  for (size_t d = 1; d <= depth && !frontier.empty(); ++d) {
    std::vector<NodeId> next;
    for (NodeId u : frontier) {
      auto visit = [&](EdgeId e, NodeId v) {
        if (!RelationAllowed(relations, graph.edge(e).relation)) return;
        if (distance.emplace(v, d).second) next.push_back(v);
      };
      for (EdgeId e : graph.OutEdges(u)) visit(e, graph.target(e));
      for (EdgeId e : graph.InEdges(u)) visit(e, graph.source(e));
    }
    frontier = std::move(next);
  }
  std::vector<Neighbor> out;
  for (const auto& [node, d] : distance) out.push_back({node, d});
  std::sort(out.begin(), out.end(), [&graph](const Neighbor& a, const Neighbor& b) {
    if (a.distance != b.distance) return a.distance < b.distance;
    return graph.node(a.node).id < graph.node(b.node).id;
  });
  return out;
}

std::vector<NodeId> NodesOf(const std::vector<Neighbor>& neighbors) {
  std::vector<NodeId> out;
  for (const Neighbor& n : neighbors) out.push_back(n.node);
  return out;
}

KnowledgeGraph InducedSubgraph(const KnowledgeGraph& graph, const std::vector<NodeId>& nodes,
                               const std::vector<std::string>& relations) {
  KnowledgeGraph sub;
  sub.data().title = graph.data().title;
  sub.data().extra = graph.data().extra;
  std::set<NodeId> keep(nodes.begin(), nodes.end());
  std::unordered_map<NodeId, NodeId> handle;
  std::set<std::string> articles;
  std::vector<NodeId> sorted(keep.begin(), keep.end());
  std::sort(sorted.begin(), sorted.end(),
            [&graph](NodeId a, NodeId b) { return graph.node(a).id < graph.node(b).id; });
  for (NodeId n : sorted) {
    handle[n] = sub.AddNode(graph.node(n));
    for (const auto& [article, count] : graph.node(n).article_mentions) articles.insert(article);
  }
  for (EdgeId e : graph.SortedEdges()) {
    const NodeId s = graph.source(e), t = graph.target(e);
    if (!keep.count(s) || !keep.count(t)) continue;
    const EdgeData& d = graph.edge(e);
    if (!RelationAllowed(relations, d.relation)) continue;
    if (d.relation.empty()) {
      sub.AddRawEdge(handle[s], handle[t], d);
    } else {  // keeps FindEdge working on the subgraph
      sub.edge(sub.AddEdge(handle[s], d.relation, handle[t], d.symmetric)) = d;
    }
    for (const Evidence& ev : d.evidence) articles.insert(ev.article_id);
    for (const std::string& a : d.article_ids) articles.insert(a);
  }
  for (const std::string& a : articles) {
    auto it = graph.data().articles.find(a);
    if (it != graph.data().articles.end()) sub.data().articles.emplace(a, it->second);
  }
  return sub;
}

}  // namespace newsgraph
