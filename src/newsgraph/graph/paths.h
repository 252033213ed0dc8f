// Paths: "how is India connected to China, through which relations, on what
// evidence?" Node lookup by name, shortest and k shortest paths with filters.
//
//   NodeIndex index(graph);
//   Result<NodeId> from = index.Find("l'Inde");  // id, label, alias, Wikidata id or ISO3
//   PathOptions options;  options.max_hops = 4;
//   std::vector<Path> paths = ShortestPaths(graph, *from, *to, /*k=*/3, options);
//
// Paths are loopless and distinct as node sequences; between two consecutive
// nodes the best allowed edge is used (lowest cost, then most evidence, then
// smallest edge id). Among paths of equal cost the one whose sequence of node
// ids is smallest comes first (exactly so in hop mode), so results never
// depend on insertion order.
//
// A NodeIndex keeps a pointer to its graph: the graph must outlive it and not
// change while it is used. Searches only read the graph; concurrent searches
// on a const graph are safe. The first search after a change builds compact
// copies of the adjacency (~4 arcs of 8 bytes per edge, plus node ranks and
// edge costs), shared by the next ones; per-thread scratch arrays (~120
// bytes per node) are reused.
#ifndef NEWSGRAPH_GRAPH_PATHS_H_
#define NEWSGRAPH_GRAPH_PATHS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsgraph/base/status.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

// The key names are compared under: ASCII and Latin-1 / Latin Extended-A
// letters lower-cased without accents ("Kirghizistan" == "KIRGHÍZISTAN",
// "Œ" -> "oe", "ß" -> "ss"), typographic apostrophes as "'", runs of spaces,
// '-' and '_' as one space, no leading or trailing space. Other characters
// are kept as they are.
std::string FoldName(std::string_view text);

class NodeIndex {
 public:
  explicit NodeIndex(const KnowledgeGraph& graph);

  // The node whose id is exactly `name`, else the one node whose id, label or
  // an alias folds to FoldName(name). Errors (kUsageError) say what was
  // looked for: "no node named 'Inda'; did you mean 'Inde' (country_ind)?",
  // or, when several nodes match, "'Georgia' names 2 nodes: ... ; use an id".
  Result<NodeId> Find(std::string_view name) const;

  // Every node `name` could mean (exact id or folded match), sorted by id.
  std::vector<NodeId> Matches(std::string_view name) const;

  // Up to `max` nodes whose names are close to `name` (edit distance on
  // folded names), closest first, ties by id.
  std::vector<NodeId> Suggestions(std::string_view name, size_t max = 5) const;

 private:
  const KnowledgeGraph* graph_;
  std::unordered_map<std::string, std::vector<NodeId>> by_key_;  // folded name -> nodes
  std::vector<std::string> keys_;                                // sorted
};

struct PathOptions {
  // Longest path accepted, in hops; 0 = no limit.
  size_t max_hops = 0;
  // Only edges with one of these relations; empty = every relation.
  std::vector<std::string> relations;
  // Never through these nodes (the endpoints themselves are allowed), never
  // along these relations.
  std::vector<NodeId> exclude_nodes;
  std::vector<std::string> exclude_relations;
  // Follow edges against their direction too. Symmetric relations are always
  // followed both ways. Each hop says which way it went.
  bool undirected = false;
  // Only edges with weight >= min_weight.
  double min_weight = 0;
  // ISO dates ("YYYY", "YYYY-MM" or "YYYY-MM-DD"; "" = open): only edges with
  // evidence from an article dated inside [since, until], compared at the
  // precision both dates have. An edge without evidence uses its
  // first_seen/last_seen span. Undated evidence never passes a window.
  std::string since;
  std::string until;
  // false: fewest hops (cost = hops). true: cheapest, where a hop along an
  // edge with n evidence records costs 1 / (1 + n), so well-evidenced chains
  // win over short weak ones.
  bool weighted = false;
};

struct PathHop {
  EdgeId edge = 0;
  NodeId from = 0;
  NodeId to = 0;
  bool forward = true;  // from == source(edge): travelled along the edge's direction
  bool operator==(const PathHop& o) const = default;
};

struct Path {
  std::vector<PathHop> hops;  // empty when from == to
  double cost = 0;            // hops, or the weighted cost
};

// The cost of one hop along `edge` under `options`.
double HopCost(const KnowledgeGraph& graph, EdgeId edge, const PathOptions& options);

// The best path, or nullopt when `to` cannot be reached under `options`.
// Hop mode uses a bidirectional breadth-first search; weighted mode a
// bidirectional Dijkstra (a one-way Dijkstra over (node, hops) states when
// max_hops is set). Both return exactly the path a plain one-way search
// would, ties included.
std::optional<Path> ShortestPath(const KnowledgeGraph& graph, NodeId from, NodeId to,
                                 const PathOptions& options);

// Up to k loopless paths by increasing cost (Yen's algorithm, spurring each
// path only from where it left the path it was found from; weighted without
// max_hops, one backward Dijkstra from `to` gives every spur search bounds).
std::vector<Path> ShortestPaths(const KnowledgeGraph& graph, NodeId from, NodeId to, size_t k,
                                const PathOptions& options);

// Breadth-first search from `from`: the number of hops to every node (by
// NodeId) under `options` (directions, filters, exclusions, max_hops as a
// depth limit; `weighted` is ignored), kUnreached where it cannot go.
inline constexpr uint32_t kUnreached = 0xFFFFFFFFu;
std::vector<uint32_t> HopDistances(const KnowledgeGraph& graph, NodeId from,
                                   const PathOptions& options);

// Checks the dates of `options`: "--since: '2025-13' is not an ISO date".
Status ValidatePathOptions(const PathOptions& options);

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_PATHS_H_
