// Merge: many graphs -> one, where one entity is one node and nothing is
// counted twice or lost.
//
//   MergeReport report;
//   KnowledgeGraph all = Merge({&monday, &tuesday, &gephi_export}, &report);
//   MergeInto(&all, wednesday, &report);   // same result as merging all four
//   for (const MergeDecision& d : report.unified) Explain(d);
//
// Identity. Two nodes are one when they share an id (their own id or one of
// the ids in kMergedIdsAttribute: ids absorbed by an earlier merge), a
// Wikidata id or an ISO3 code, or when they share a category and a name key
// (graph/name_key.h: label or alias, case, accents, apostrophes, punctuation
// and one leading article folded) and at least one of them has neither a
// Wikidata id nor an ISO3 code. Categories in options.id_only_categories
// (events: the extractor builds their ids from forum/kind + date) and nodes
// without a category unify by id only. The relation is closed transitively.
// Nothing is merged by fuzzy guess: near misses (same category, name keys
// within a small edit distance, or equal names on two nodes with different
// Wikidata/ISO ids; or equal name keys in different categories, one of them
// on a node without such ids; or two events on one date, editions of one
// forum held in one place) are only reported.
//
// The merged node. id: the smallest id that does not look generated
// ("12", "n12", "n12_0123abcd"), else the smallest; the others go to
// kMergedIdsAttribute.
// label, category, wikidata, iso3, date, color: the smallest non-empty value;
// other labels become aliases, other categories / Wikidata ids / ISO3 codes
// go to the kOther* attributes (and to report.conflicts). aliases: union.
// article_mentions: per-article maximum (merging an article twice never
// doubles it). x, y, size: the smallest (x, y, size) that is not all zero.
// extra: union; one name with different types gets the join of the types
// (int+long -> long, int/long/float+double -> double, else string) and the
// smallest value, reported in report.conflicts.
// Edges: relation edges are one per (source, relation, target) after node
// unification (symmetric ones with canonical endpoints), evidence unioned by
// place: of records at one place, the one with the smallest (modality,
// sentence) is kept, and the rules and reporters of those with that same
// reading are united (rule and reported_by then hold '|'-lists, like
// kMergedIdsAttribute): provenance is the union, and what is kept never
// depends on which reporter ids a later merge unites; reported_by ids
// follow the unification. Edges without a relation
// (foreign parallel edges) are one per (id, source, target). Scalars are
// joined as for nodes; evidence-less weight, counts and dates by max/min.
// Articles: union by id, fields joined. Finalize() derives the rest.
//
// Every decision can be explained: IncrementalMerger::Report() (and Merge()
// with a report) lists the keys that unified nodes, the near misses left
// apart and the values that disagreed.
//
// Laws (tested on random graphs, tests/graph/merge_laws_test.cc):
// Merge is commutative and associative up to the bytes written, Merge({a, a})
// == Merge({a}), Merge({Merge({a})}) == Merge({a}), and every node, edge,
// alias and evidence record of an input is in the result.
//
// Inputs are only read; the result owns its data. Not synchronised: do not
// modify an input while it is being merged.
#ifndef NEWSGRAPH_GRAPH_MERGE_H_
#define NEWSGRAPH_GRAPH_MERGE_H_

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/graph/knowledge_graph.h"
#include "newsgraph/graph/name_key.h"

namespace newsgraph {

// Extra node attributes that keep what a merged node absorbed, so that a
// later merge (and a reader of the file) still knows it. Each holds a
// '|'-separated, sorted list ('%' and '|' in items written as %25 and %7C).
inline constexpr std::string_view kMergedIdsAttribute = "merged_ids";
inline constexpr std::string_view kOtherCategoriesAttribute = "other_categories";
inline constexpr std::string_view kOtherWikidataAttribute = "other_wikidata";
inline constexpr std::string_view kOtherIso3Attribute = "other_iso3";
// On a node with a Wikidata id or ISO3 code: the name keys of the members it
// absorbed that had neither, by which later id-less nodes still join it.
inline constexpr std::string_view kUnkeyedNamesAttribute = "unkeyed_names";

struct MergeOptions {
  // Categories whose nodes unify by id only, never by name.
  std::set<std::string> id_only_categories = {"event"};
  NameKeyOptions names;
  // Near misses: name keys of at least `near_miss_min_length` bytes, in the
  // same category, at most this edit distance apart (0: do not look).
  size_t near_miss_max_distance = 2;
  size_t near_miss_min_length = 5;
};

struct MergeDecision {
  // "same id", "same wikidata", "same iso3",
  // "same category and normalised name", "near miss".
  std::string kind;
  std::vector<std::string> node_ids;  // the ids involved, sorted
  std::string detail;                 // the shared value, or why not merged
  bool operator==(const MergeDecision& o) const = default;
};

struct MergeReport {
  std::vector<MergeDecision> unified;      // why nodes became one
  std::vector<MergeDecision> near_misses;  // what was deliberately not merged
  std::vector<std::string> conflicts;      // values that disagreed, what was kept
};

// Merges `inputs` into a new, finalized graph: the inputs are added one by
// one to an IncrementalMerger. `report` may be null (then no report is
// computed); otherwise it is replaced by IncrementalMerger::Report().
// Cost: linear in the size of the inputs (plus, with a report, the
// near-miss search).
KnowledgeGraph Merge(const std::vector<const KnowledgeGraph*>& inputs, MergeReport* report,
                     const MergeOptions& options = {});

// *into = Merge({into, &from}). Linear in both graphs (*into is indexed
// again): to merge many graphs, or one graph day after day, keep an
// IncrementalMerger instead.
void MergeInto(KnowledgeGraph* into, const KnowledgeGraph& from, MergeReport* report,
               const MergeOptions& options = {});

// The merge kept open: holds the merged nodes and edges with their identity
// indexes (ids, Wikidata ids, ISO3 codes, (category, name key) pairs, edge
// keys, evidence places), so that adding a graph costs time proportional to
// that graph (and to the edges of nodes it unites), not to what was merged
// before. Result() is always the same graph as Merge() of everything added,
// in any order and any grouping (the laws above, modulo their caveat).
//
//   IncrementalMerger merger;
//   merger.Add(std::move(big));               // once: linear in big
//   for (const KnowledgeGraph& g : today) merger.Add(g);   // each: linear in g
//   KnowledgeGraph all = merger.Result();     // linear in the result
//
// With `explain`, the merger also keeps who held each identity key and the
// attribute values that disagreed (memory proportional to the distinct
// (key, id) pairs), and Report() explains the result:
//
//   IncrementalMerger merger(MergeOptions(), /*explain=*/true);
//   for (KnowledgeGraph& g : inputs) merger.Add(std::move(g));
//   MergeReport report = merger.Report();     // before TakeResult()
//   KnowledgeGraph all = merger.TakeResult();
//
// Not synchronised; an added graph is not referenced after Add returns.
class IncrementalMerger {
 public:
  explicit IncrementalMerger(const MergeOptions& options = {}, bool explain = false);
  ~IncrementalMerger();
  IncrementalMerger(IncrementalMerger&&) noexcept;
  IncrementalMerger& operator=(IncrementalMerger&&) noexcept;
  IncrementalMerger(const IncrementalMerger&) = delete;
  IncrementalMerger& operator=(const IncrementalMerger&) = delete;

  // Merges `graph` into the result. The rvalue overload moves the evidence
  // records and the article metadata out of `graph` instead of copying them.
  void Add(const KnowledgeGraph& graph);
  void Add(KnowledgeGraph&& graph);

  // Nodes the result has now (O(1)).
  size_t num_nodes() const;

  // Why the result is what it is, every list sorted: `unified`, one
  // decision per identity key that its holders share (an id carried by two
  // records or more, or a Wikidata id, ISO3 code or (category, name key)
  // held by two ids or more: the input nodes' own ids, and all the ids of
  // a node whose members differ in category for the pairs it holds across
  // them); `near_misses`, one per pair of result nodes with names of one
  // category within options.near_miss_max_distance edits (or equal on two
  // known entities), or with one name key in different categories held by
  // one of them without a Wikidata id or ISO3 code, or two events of one
  // date, forum and place, the closest;
  // `conflicts`, the node and edge attributes, categories, Wikidata ids,
  // ISO3 codes, dates, graph attributes and article metadata that
  // disagreed, and what was kept. The same for any order of the same Adds.
  // Linear in the kept explanation plus the near-miss search. REQUIRES:
  // constructed with `explain`.
  MergeReport Report() const;

  // The merged, finalized graph; the merger stays usable (Add more, then
  // Result again). TakeResult() moves the data out and leaves it empty.
  KnowledgeGraph Result() const;
  KnowledgeGraph TakeResult();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Ids a tool numbered ("12", "n12": Gephi, yEd, igraph and networkx number
// nodes so) belong to their file: "n0" of one Gephi export and "n0" of
// another are different nodes, which Merge, uniting nodes by id, would make
// one. Before merging a file, ScopeGeneratedIds renames each such node id to
// "<id>_<scope>" (its edges, the ids of its relation edges and the
// reported_by of its evidence follow; an id whose scoped form is taken in
// the graph stays as it is) and returns how many it renamed. With `scope` =
// GeneratedIdScope(graph), a hash of everything the graph holds (fed field
// by field: no serialised copy), the same file read twice gets the same
// ids (merge(a, a) = a still holds) and different files different ones;
// such nodes still unite with others by Wikidata id, ISO3 code or
// (category, normalised name). A scoped id counts as generated when the
// merged node's id is chosen.
inline constexpr size_t kGeneratedIdScopeLength = 8;
std::string GeneratedIdScope(const KnowledgeGraph& graph);  // 8 hex digits
std::string GeneratedIdScope(std::string_view content);     // of any bytes
bool HasGeneratedIds(const KnowledgeGraph& graph);
size_t ScopeGeneratedIds(KnowledgeGraph* graph, std::string_view scope);

// The '|'-list encoding of the attributes above.
std::string EncodeList(const std::set<std::string>& items);
std::set<std::string> DecodeList(std::string_view encoded);

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_MERGE_H_
