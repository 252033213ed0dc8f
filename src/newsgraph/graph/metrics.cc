#include "newsgraph/graph/metrics.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>

#include "newsgraph/graph/boost_graph.h"
#include "newsgraph/graph/ranked_view.h"

namespace newsgraph {
namespace {

std::vector<NameCount> SortedCounts(const std::map<std::string, size_t>& counts) {
  std::vector<NameCount> out;
  for (const auto& [name, count] : counts) out.push_back({name, count});
  std::stable_sort(out.begin(), out.end(),
                   [](const NameCount& a, const NameCount& b) { return a.count > b.count; });
  return out;
}

// Scores are indexed by rank; rank order is node id order, so ties go to the
// smaller id.
std::vector<NodeScore> Top(const KnowledgeGraph& graph, const RankedView& view,
                           const std::vector<double>& by_rank, size_t n) {
  std::vector<uint32_t> order(by_rank.size());
  for (uint32_t r = 0; r < order.size(); ++r) order[r] = r;
  n = std::min(n, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<ptrdiff_t>(n), order.end(),
                    [&](uint32_t a, uint32_t b) {
                      if (by_rank[a] != by_rank[b]) return by_rank[a] > by_rank[b];
                      return a < b;
                    });
  std::vector<NodeScore> out;
  for (size_t i = 0; i < n; ++i) {
    const NodeId node = view.nodes[order[i]];
    out.push_back({node, graph.node(node).id, graph.node(node).label, by_rank[order[i]]});
  }
  return out;
}

// Exact betweenness by rank with Boost's Brandes (which already counts each
// unordered pair once on an undirected graph).
std::vector<double> ExactBetweennessByRank(const RankedView& view) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Graph g(view.size());
  for (uint32_t r = 0; r < view.size(); ++r) {
    for (uint32_t s : view.Neighbors(r)) {
      if (r < s) boost::add_edge(r, s, g);
    }
  }
  std::vector<double> centrality(view.size(), 0.0);
  boost::brandes_betweenness_centrality(
      g, boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, g)));
  return centrality;
}

// Brandes' accumulation from the given sources only, scaled to estimate the
// full sum (Brandes & Pich 2007, uniform pivots).
std::vector<double> SampledBetweennessByRank(const RankedView& view, size_t sources,
                                             uint64_t seed) {
  const uint32_t n = static_cast<uint32_t>(view.size());
  std::vector<double> bc(n, 0.0);
  if (n == 0) return bc;
  sources = std::clamp<size_t>(sources, 1, n);
  // A seeded Fisher-Yates prefix; mt19937_64 is the same on every platform.
  std::vector<uint32_t> pivots(n);
  for (uint32_t i = 0; i < n; ++i) pivots[i] = i;
  std::mt19937_64 rng(seed);
  for (size_t i = 0; i < sources; ++i) {
    size_t j = i + static_cast<size_t>(rng() % (n - i));
    std::swap(pivots[i], pivots[j]);
  }
  std::vector<int64_t> dist(n, -1);
  std::vector<double> sigma(n, 0), delta(n, 0);
  std::vector<uint32_t> order;
  order.reserve(n);
  for (size_t k = 0; k < sources; ++k) {
    const uint32_t s = pivots[k];
    order.clear();
    dist[s] = 0;
    sigma[s] = 1;
    order.push_back(s);
    for (size_t head = 0; head < order.size(); ++head) {
      const uint32_t v = order[head];
      for (uint32_t w : view.Neighbors(v)) {
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          order.push_back(w);
        }
        if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (size_t i = order.size(); i-- > 0;) {
      const uint32_t w = order[i];
      for (uint32_t v : view.Neighbors(w)) {
        if (dist[v] == dist[w] - 1) delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
      }
      if (w != s) bc[w] += delta[w];
    }
    for (uint32_t v : order) {
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  const double scale = static_cast<double>(n) / static_cast<double>(sources) / 2;
  for (double& b : bc) b *= scale;
  return bc;
}

std::vector<double> PageRankByRank(const KnowledgeGraph& graph, const RankedView& view,
                                   double damping, double tolerance, int max_iterations,
                                   int* iterations) {
  const uint32_t n = static_cast<uint32_t>(view.size());
  std::vector<std::pair<uint32_t, uint32_t>> arcs;  // (target, source): pull form
  arcs.reserve(graph.num_edges() * 2);
  for (EdgeId e = 0; e < graph.num_edges(); ++e) {
    const uint32_t s = view.rank[graph.source(e)];
    const uint32_t t = view.rank[graph.target(e)];
    arcs.emplace_back(t, s);
    if (graph.edge(e).symmetric) arcs.emplace_back(s, t);
  }
  std::sort(arcs.begin(), arcs.end());
  arcs.erase(std::unique(arcs.begin(), arcs.end()), arcs.end());
  std::vector<uint32_t> out_degree(n, 0);
  for (const auto& [t, s] : arcs) ++out_degree[s];

  const double nd = static_cast<double>(n);
  std::vector<double> rank(n, 1.0 / nd), next(n);
  int it = 0;
  while (it < max_iterations) {
    ++it;
    double dangling = 0;
    for (uint32_t v = 0; v < n; ++v) {
      if (out_degree[v] == 0) dangling += rank[v];
    }
    const double base = (1 - damping) / nd + damping * dangling / nd;
    std::fill(next.begin(), next.end(), base);
    for (const auto& [t, s] : arcs) next[t] += damping * rank[s] / out_degree[s];
    double change = 0;
    for (uint32_t v = 0; v < n; ++v) change += std::abs(next[v] - rank[v]);
    rank.swap(next);
    if (change < tolerance) break;
  }
  if (iterations != nullptr) *iterations = it;
  return rank;
}

std::vector<double> ByNode(const RankedView& view, const std::vector<double>& by_rank) {
  std::vector<double> out(by_rank.size());
  for (uint32_t r = 0; r < by_rank.size(); ++r) out[view.nodes[r]] = by_rank[r];
  return out;
}

std::string Num(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

void AppendCounts(std::string* out, const char* title, const std::vector<NameCount>& counts) {
  *out += title;
  *out += counts.empty() ? " none\n" : "\n";
  size_t width = 0;
  for (const NameCount& c : counts) width = std::max(width, std::max<size_t>(c.name.size(), 6));
  for (const NameCount& c : counts) {
    std::string name = c.name.empty() ? "(none)" : c.name;
    *out +=
        "  " + name + std::string(width - name.size() + 2, ' ') + std::to_string(c.count) + "\n";
  }
}

void AppendTop(std::string* out, const std::string& title, const std::vector<NodeScore>& top,
               const char* format) {
  *out += title + "\n";
  for (size_t i = 0; i < top.size(); ++i) {
    std::string name = top[i].label.empty() || top[i].label == top[i].id
                           ? top[i].id
                           : top[i].label + " (" + top[i].id + ")";
    std::string rank = std::to_string(i + 1) + ".";
    *out += "  " + std::string(rank.size() < 3 ? 3 - rank.size() : 0, ' ') + rank + " " + name +
            "  " + Num(format, top[i].score) + "\n";
  }
}

}  // namespace

GraphStats ComputeStats(const KnowledgeGraph& graph, size_t top_n) {
  StatsOptions options;
  options.top_n = top_n;
  return ComputeStats(graph, options);
}

GraphStats ComputeStats(const KnowledgeGraph& graph, const StatsOptions& options) {
  GraphStats stats;
  stats.num_nodes = graph.num_nodes();
  stats.num_edges = graph.num_edges();
  std::map<std::string, size_t> categories, relations;
  for (NodeId n = 0; n < graph.num_nodes(); ++n) ++categories[graph.node(n).category];
  for (EdgeId e = 0; e < graph.num_edges(); ++e) ++relations[graph.edge(e).relation];
  stats.categories = SortedCounts(categories);
  stats.relations = SortedCounts(relations);

  const RankedView view = MakeRankedView(graph);
  for (const auto& c : Components(view)) stats.component_sizes.push_back(c.size());
  stats.num_components = stats.component_sizes.size();

  const BoostGraph& g = graph.impl().g;
  std::vector<double> degree(view.size());
  for (uint32_t r = 0; r < view.size(); ++r) {
    degree[r] = static_cast<double>(boost::out_degree(view.nodes[r], g) +
                                    boost::in_degree(view.nodes[r], g));
  }
  stats.top_degree = Top(graph, view, degree, options.top_n);

  const size_t edges = view.num_edges();
  if (options.betweenness_budget > 0 && edges > 0) {
    stats.betweenness_computed = true;
    std::vector<double> bc;
    if (static_cast<double>(view.size()) * static_cast<double>(edges) <=
        options.betweenness_budget) {
      bc = ExactBetweennessByRank(view);
      stats.betweenness_sources = view.size();
    } else {
      stats.betweenness_sampled = true;
      stats.betweenness_sources = std::max<size_t>(
          1, static_cast<size_t>(options.betweenness_budget / static_cast<double>(edges)));
      bc = SampledBetweennessByRank(view, stats.betweenness_sources, options.seed);
    }
    stats.top_betweenness = Top(graph, view, bc, options.top_n);
  }

  stats.pagerank_damping = options.pagerank_damping;
  if (view.size() > 0) {
    std::vector<double> pr =
        PageRankByRank(graph, view, options.pagerank_damping, options.pagerank_tolerance,
                       options.pagerank_max_iterations, &stats.pagerank_iterations);
    stats.top_pagerank = Top(graph, view, pr, options.top_n);
  }
  return stats;
}

std::vector<double> Betweenness(const KnowledgeGraph& graph) {
  RankedView view = MakeRankedView(graph);
  return ByNode(view, ExactBetweennessByRank(view));
}

std::vector<double> SampledBetweenness(const KnowledgeGraph& graph, size_t sources, uint64_t seed) {
  RankedView view = MakeRankedView(graph);
  return ByNode(view, SampledBetweennessByRank(view, sources, seed));
}

std::vector<double> PageRank(const KnowledgeGraph& graph, double damping, double tolerance,
                             int max_iterations, int* iterations) {
  RankedView view = MakeRankedView(graph);
  return ByNode(view, PageRankByRank(graph, view, damping, tolerance, max_iterations, iterations));
}

std::string FormatStats(const GraphStats& stats) {
  std::string out;
  out += "nodes: " + std::to_string(stats.num_nodes) + "\n";
  out += "edges: " + std::to_string(stats.num_edges) + "\n\n";
  AppendCounts(&out, "nodes by category:", stats.categories);
  out += "\n";
  AppendCounts(&out, "edges by relation:", stats.relations);
  out += "\n";

  out += "weakly connected components: " + std::to_string(stats.num_components) + "\n";
  if (!stats.component_sizes.empty()) {
    constexpr size_t kShown = 10;
    out += "  sizes:";
    for (size_t i = 0; i < stats.component_sizes.size() && i < kShown; ++i) {
      out += " " + std::to_string(stats.component_sizes[i]);
    }
    if (stats.component_sizes.size() > kShown) {
      size_t singletons = static_cast<size_t>(
          std::count(stats.component_sizes.begin(), stats.component_sizes.end(), size_t{1}));
      out += " ... and " + std::to_string(stats.component_sizes.size() - kShown) + " more (" +
             std::to_string(singletons) + " isolated nodes in all)";
    }
    out += "\n";
  }
  out += "\n";

  if (stats.num_nodes == 0) return out;
  AppendTop(&out,
            "top " + std::to_string(stats.top_degree.size()) + " by degree (edges in and out):",
            stats.top_degree, "%.0f");
  out += "\n";
  if (!stats.betweenness_computed) {
    out += "betweenness: not computed\n";
  } else {
    std::string how = stats.betweenness_sampled
                          ? "estimated from " + std::to_string(stats.betweenness_sources) + " of " +
                                std::to_string(stats.num_nodes) + " sources"
                          : "exact";
    AppendTop(&out,
              "top " + std::to_string(stats.top_betweenness.size()) +
                  " by betweenness (undirected, " + how + "):",
              stats.top_betweenness, "%.2f");
  }
  out += "\n";
  AppendTop(&out,
            "top " + std::to_string(stats.top_pagerank.size()) + " by PageRank (damping " +
                Num("%g", stats.pagerank_damping) + ", " +
                std::to_string(stats.pagerank_iterations) + " iterations):",
            stats.top_pagerank, "%.6f");
  return out;
}

}  // namespace newsgraph
