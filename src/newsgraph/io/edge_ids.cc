#include "newsgraph/io/edge_ids.h"

#include <unordered_set>

namespace newsgraph {

std::vector<std::string> OutputEdgeIds(const KnowledgeGraph& g, const std::vector<EdgeId>& edges) {
  bool repeated = false;
  for (size_t k = 1; k < edges.size() && !repeated; ++k) {
    repeated = g.edge(edges[k]).id == g.edge(edges[k - 1]).id;
  }
  if (!repeated) return {};
  std::unordered_set<std::string> taken;
  for (EdgeId e : edges) taken.insert(g.edge(e).id);
  std::vector<std::string> ids(edges.size());
  for (size_t k = 0; k < edges.size();) {
    const std::string& id = g.edge(edges[k]).id;
    ids[k] = id;
    size_t end = k + 1;
    int n = 2;
    for (; end < edges.size() && g.edge(edges[end]).id == id; ++end) {
      std::string candidate;
      do {
        candidate = id + "_" + std::to_string(n++);
      } while (!taken.insert(candidate).second);
      ids[end] = std::move(candidate);
    }
    k = end;
  }
  return ids;
}

}  // namespace newsgraph
