#include "newsgraph/graph/ranked_view.h"

#include <algorithm>
#include <numeric>

namespace newsgraph {

RankedView MakeRankedView(const KnowledgeGraph& graph) {
  RankedView v;
  v.nodes = graph.SortedNodes();
  v.rank.resize(v.nodes.size());
  for (uint32_t r = 0; r < v.nodes.size(); ++r) v.rank[v.nodes[r]] = r;

  // Both directions of every non-loop edge, as (rank, rank) pairs.
  std::vector<std::pair<uint32_t, uint32_t>> arcs;
  arcs.reserve(graph.num_edges() * 2);
  for (EdgeId e = 0; e < graph.num_edges(); ++e) {
    uint32_t a = v.rank[graph.source(e)];
    uint32_t b = v.rank[graph.target(e)];
    if (a == b) continue;
    arcs.emplace_back(a, b);
    arcs.emplace_back(b, a);
  }
  std::sort(arcs.begin(), arcs.end());
  arcs.erase(std::unique(arcs.begin(), arcs.end()), arcs.end());

  v.offsets.assign(v.nodes.size() + 1, 0);
  for (const auto& [a, b] : arcs) ++v.offsets[a + 1];
  std::partial_sum(v.offsets.begin(), v.offsets.end(), v.offsets.begin());
  v.adjacency.reserve(arcs.size());
  for (const auto& [a, b] : arcs) v.adjacency.push_back(b);  // sorted by (a, b)
  return v;
}

std::vector<std::vector<uint32_t>> Components(const RankedView& view) {
  const uint32_t n = static_cast<uint32_t>(view.size());
  std::vector<uint32_t> label(n, UINT32_MAX);
  std::vector<std::vector<uint32_t>> components;
  std::vector<uint32_t> stack;
  for (uint32_t start = 0; start < n; ++start) {
    if (label[start] != UINT32_MAX) continue;
    const uint32_t c = static_cast<uint32_t>(components.size());
    components.emplace_back();
    label[start] = c;
    stack.push_back(start);
    while (!stack.empty()) {
      uint32_t r = stack.back();
      stack.pop_back();
      components[c].push_back(r);
      for (uint32_t s : view.Neighbors(r)) {
        if (label[s] == UINT32_MAX) {
          label[s] = c;
          stack.push_back(s);
        }
      }
    }
    std::sort(components[c].begin(), components[c].end());
  }
  // Discovered in order of smallest rank; stable sort keeps that for ties.
  std::stable_sort(components.begin(), components.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return components;
}

}  // namespace newsgraph
