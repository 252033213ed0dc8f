// KnowledgeGraph: the one in-memory model of a newsgraph graph.
//
//   KnowledgeGraph g;
//   NodeId india = g.AddNode({.id = "country_ind", .label = "Inde", .category = "country"});
//   NodeId kaz = ...;
//   EdgeId e = g.AddEdge(india, "cooperates_with", kaz, /*symmetric=*/true);
//   g.AddEvidence(e, {.article_id = "a1", .sentence = "...", .begin = 10, .end = 99,
//                     .rule = "fr.cooperation.avec", .modality = Modality::kAsserted});
//   g.Finalize();   // derives weights, counts, dates; sorts evidence
//
// Nodes and edges are addressed by dense integer handles (NodeId, EdgeId) that
// stay valid for the graph's lifetime (nothing is ever removed in place; a
// filtered graph is a new graph). Boost.Graph is the storage and stays inside
// graph/: other modules see only the handles and the plain structs below.
//
// Identity: a node is its `id` (an ASCII XML NMTOKEN, stable across articles,
// languages and runs). A relation edge is its (source, relation, target)
// triple; a symmetric relation is stored once, with the endpoint whose id is
// smaller as source. Edges read from foreign files that carry no relation may
// be parallel; they are kept as they are.
//
// Everything a user can see is derived from evidence by Finalize(): weight,
// evidence_count, article_ids, first/last_seen, modality, mention_count. That
// makes merging exact (issue: merge) and output deterministic. Writers emit
// nodes and edges sorted by id, so insertion order never shows in a file.
//
// Not synchronised: build one graph per thread and merge. Const members may be
// called from several threads at once (searches share a compact copy of the
// adjacency, rebuilt after any non-const call); keep no EdgeData& from edge()
// across a search to write through it later.
#ifndef NEWSGRAPH_GRAPH_KNOWLEDGE_GRAPH_H_
#define NEWSGRAPH_GRAPH_KNOWLEDGE_GRAPH_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

using NodeId = uint32_t;
using EdgeId = uint32_t;

// How a sentence states a relation.
enum class Modality { kAsserted, kNegated, kIntended, kHypothetical };
std::string_view ModalityName(Modality m);
std::optional<Modality> ParseModality(std::string_view name);

// One piece of evidence for an edge: the sentence of an article that states it.
struct Evidence {
  std::string article_id;
  std::string sentence;  // the sentence as it appears in the article (NFC)
  uint64_t begin = 0;    // byte span of the sentence in the original article
  uint64_t end = 0;      //   text, half-open [begin, end)
  std::string rule;      // id of the extraction rule that fired
  Modality modality = Modality::kAsserted;
  std::string reported_by;  // node id of the source the text cites, or ""

  // Evidence is identified by where it is: (article_id, begin, end). Two
  // records at the same place are the same evidence.
  bool SamePlace(const Evidence& o) const {
    return article_id == o.article_id && begin == o.begin && end == o.end;
  }
};
bool operator<(const Evidence& a, const Evidence& b);  // total order, place first
bool operator==(const Evidence& a, const Evidence& b);

// An attribute the model has no field for (kept from foreign files).
// `type` is a GraphML attr.type: boolean int long float double string.
struct Attribute {
  std::string type = "string";
  std::string value;  // lexical form, as it will be written
  bool operator==(const Attribute& o) const = default;
};
using Attributes = std::map<std::string, Attribute>;

// What the graph knows about one article it was built from.
struct ArticleInfo {
  std::string id;
  std::string title;
  std::string date;  // ISO 8601 "YYYY-MM-DD", or "YYYY-MM" / "YYYY", or ""
  std::string url;
  std::string lang;  // "fr", "en"
  bool operator==(const ArticleInfo& o) const = default;
};

struct NodeData {
  std::string id;                 // ASCII NMTOKEN, unique in the graph
  std::string label;              // display name
  std::string category;           // ontology category: country, region, event, ...
  std::string wikidata;           // "Q668" or ""
  std::string iso3;               // ISO 3166-1 alpha-3 for countries, or ""
  std::string date;               // events: when it happened (ISO), or ""
  std::set<std::string> aliases;  // surface forms seen
  std::map<std::string, int64_t> article_mentions;  // article id -> mentions
  std::string color;                                // "#RRGGBB" or ""
  double size = 0;
  double x = 0;
  double y = 0;
  Attributes extra;

  // Derived by KnowledgeGraph::Finalize() from article_mentions and the
  // graph's article dates. A node read from a foreign file keeps the values
  // it came with when it has no article_mentions.
  int64_t mention_count = 0;
  std::string first_seen;
  std::string last_seen;
};

struct EdgeData {
  std::string id;        // stable: "<source>.<relation>.<target>" for relations
  std::string relation;  // ontology relation name, or "" for foreign edges
  std::string label;     // display label
  bool symmetric = false;
  std::vector<Evidence> evidence;  // sorted, one record per place
  std::string cameo;               // CAMEO code or ""
  std::optional<double> goldstein;
  std::string color;
  Attributes extra;

  // Derived by Finalize() when there is evidence (else kept as read):
  // weight = evidence_count = number of distinct evidence places;
  // modality = the common modality of the evidence, or "mixed".
  double weight = 1;
  int64_t evidence_count = 0;
  std::string modality;
  std::vector<std::string> article_ids;
  std::string first_seen;
  std::string last_seen;
};

struct GraphData {
  std::string title;
  std::map<std::string, ArticleInfo> articles;  // by article id
  Attributes extra;
};

class KnowledgeGraph {
 public:
  KnowledgeGraph();
  ~KnowledgeGraph();
  KnowledgeGraph(KnowledgeGraph&&) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;
  KnowledgeGraph(const KnowledgeGraph&);
  KnowledgeGraph& operator=(const KnowledgeGraph&);

  size_t num_nodes() const;
  size_t num_edges() const;

  // Makes room for this many nodes and edges in all (readers that know the
  // counts beforehand); changes nothing else.
  void Reserve(size_t nodes, size_t edges);
  // Makes room for this many edges leaving and entering node n (callers
  // that know the degrees, such as a merge building its result); changes
  // nothing else.
  void ReserveEdgesOf(NodeId n, size_t out, size_t in);

  // Adds a node, or returns the existing one with the same id (whose data is
  // left unchanged). REQUIRES: data.id is non-empty.
  NodeId AddNode(NodeData data);
  std::optional<NodeId> FindNode(std::string_view id) const;

  // Returns the edge (source, relation, target), adding it if absent. For a
  // symmetric relation the endpoints are put in canonical order first.
  EdgeId AddEdge(NodeId source, std::string_view relation, NodeId target, bool symmetric);
  // Adds the relation edge (source, data.relation, target), symmetric if
  // data.symmetric, with `data` moved in as its data; when the edge exists
  // already its data is replaced. The same as
  //   edge(AddEdge(source, data.relation, target, data.symmetric)) = std::move(data);
  // without building and then overwriting a fresh EdgeData. An empty data.id
  // is set to RelationEdgeId(...) of the (canonically ordered) endpoints.
  EdgeId AddEdge(NodeId source, NodeId target, EdgeData&& data);
  // The same as AddEdge(source, target, data) for a `data` with this
  // relation, symmetric flag and id and every other field default, but
  // returns the edge's data to be filled in place: a caller that builds
  // edges from parts (a merge building its result) then builds no EdgeData
  // to move in.
  EdgeData& AddEdgeInPlace(NodeId source, std::string_view relation, NodeId target, bool symmetric,
                           std::string id);
  std::optional<EdgeId> FindEdge(NodeId source, std::string_view relation, NodeId target) const;
  // Adds an edge unconditionally (foreign graphs: parallel edges, own ids).
  EdgeId AddRawEdge(NodeId source, NodeId target, EdgeData data);

  // Adds evidence to an edge; a record at a place already present is merged
  // (the smaller record under operator< is kept), never counted twice.
  void AddEvidence(EdgeId edge, Evidence evidence);
  // Counts one mention of a node in an article.
  void AddMention(NodeId node, const std::string& article_id, int64_t count = 1);

  NodeData& node(NodeId n);
  const NodeData& node(NodeId n) const;
  EdgeData& edge(EdgeId e);
  const EdgeData& edge(EdgeId e) const;
  NodeId source(EdgeId e) const;
  NodeId target(EdgeId e) const;

  // Edges leaving / entering a node, in insertion order.
  std::vector<EdgeId> OutEdges(NodeId n) const;
  std::vector<EdgeId> InEdges(NodeId n) const;

  GraphData& data() { return data_; }
  const GraphData& data() const { return data_; }

  // Handles sorted by node id / edge id (then source, target): the order in
  // which every writer emits them.
  std::vector<NodeId> SortedNodes() const;
  std::vector<EdgeId> SortedEdges() const;

  // Sorts evidence and derives every derived field (see NodeData, EdgeData).
  void Finalize();

  // The Boost.Graph storage, for algorithms inside graph/ only
  // (graph/boost_graph.h defines it).
  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
  GraphData data_;
};

// "<source>.<relation>.<target>": the stable id of a relation edge.
std::string RelationEdgeId(std::string_view source_id, std::string_view relation,
                           std::string_view target_id);

// True if `id` is a valid XML NMTOKEN made of ASCII characters only.
bool IsAsciiNmtoken(std::string_view id);

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_KNOWLEDGE_GRAPH_H_
