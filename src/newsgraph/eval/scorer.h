// Scoring an extracted KnowledgeGraph against gold graphs: precision, recall
// and F1 of entities and relations, by the matching rules of ANNOTATION.md.
//
//   Result<GoldGraph> gold = LoadGold("examples/inde-asie-centrale.gold.json");
//   EvalReport report = Evaluate(graph, {*gold});
//   std::cout << FormatReport(report);          // or FormatReportJson(report)
//   if (report.relations.f1() < 0.5) ...
//
// How the graph is cut between gold files. A gold file describes one article;
// its article id is its "article" field without directory and extension
// ("inde-asie-centrale.txt" -> "inde-asie-centrale"). Against that gold are
// scored only:
//   - the edges that have a relation and at least one evidence record of that
//     article whose modality is not "negated" (a "did not condemn" is not a
//     condemns relation);
//   - the nodes mentioned in that article (NodeData::article_mentions), plus
//     the endpoints of those edges.
// Nodes and edges of articles that have no gold file are ignored; a gold file
// whose article has no node in the graph gets a warning (all its items are misses). A graph that
// records no provenance at all (no article_mentions, no evidence: a foreign
// file) is scored whole against every gold file, with a warning; its edges
// count unless their modality attribute is "negated".
//
// Matching (one-to-one, per gold file). A node matches a gold entity of the
// same type (NodeData::category) when they share a Wikidata id; or, unless
// both have Wikidata ids that differ, when a MatchKey() of the node's label or
// an alias equals a MatchKey() of the entity's name or an alias; or, for
// events, when their dates are equal (NodeData::date, else a trailing
// "(YYYY-MM-DD)" in the label) and they share a content word (a word of 4+
// letters or digits that is not a number, or an upper-case acronym such as
// "SCO", "G20"). Two events whose dates are both known and disagree (neither
// is a prefix of the other: "2025-06" holds "2025-06-06") never match, even by
// name: an event is one dated occurrence. A maximum one-to-one matching is taken, first against the
// required gold entities, then the still unmatched nodes against the optional
// ones. An edge matches a gold relation of the same type whose ends are the
// gold entities its ends matched (either direction for cooperates_with and
// for edges marked symmetric), again one-to-one, required relations first.
// Gold items matched by nothing are misses unless optional; nodes and edges
// matched by nothing are false positives; matches with optional items count
// for nothing. Totals are micro-averages over all gold files.
//
// Pure functions of their arguments; safe to call concurrently.
#ifndef NEWSGRAPH_EVAL_SCORER_H_
#define NEWSGRAPH_EVAL_SCORER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/eval/gold.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

struct Score {
  int64_t tp = 0;  // gold items found
  int64_t fp = 0;  // extracted items that match no gold item
  int64_t fn = 0;  // required gold items not found

  // tp / (tp + fp), or 1 when nothing was extracted (nothing claimed, nothing wrong).
  double precision() const;
  // tp / (tp + fn), or 1 when there was nothing to find.
  double recall() const;
  // Harmonic mean of precision and recall, 0 when both are 0.
  double f1() const;

  Score& operator+=(const Score& o);
  bool operator==(const Score& o) const = default;
};

struct ArticleScore {
  Score entities;
  Score relations;
};

struct EvalReport {
  Score entities;
  Score relations;
  std::map<std::string, Score> per_relation;        // by relation type
  std::map<std::string, Score> per_type;            // by entity type / node category
  std::map<std::string, ArticleScore> per_article;  // by article id
  // One line per item, "ARTICLE: ...", in gold order (misses) or node / edge
  // id order (false positives), gold files in the order given.
  std::vector<std::string> missed_entities;
  std::vector<std::string> false_entities;
  std::vector<std::string> missed_relations;
  std::vector<std::string> false_relations;
  // False-positive edges that the text explicitly negates (gold
  // "negated_relations"): counted in relations.fp and listed in false_relations too.
  int64_t contradictions = 0;
  std::vector<std::string> warnings;
};

// The key under which names are compared: Unicode case folding, accents
// removed (NFD, nonspacing marks dropped), apostrophes (’ ‘ ʼ ') unified, one
// leading article (le, la, les, l', the) dropped, periods removed, other
// punctuation turned into spaces, runs of spaces collapsed, trimmed.
// "L’Élysée" -> "elysee"; "Inde-Asie centrale" -> "inde asie centrale"; "U.S." -> "us".
std::string MatchKey(std::string_view name);

EvalReport Evaluate(const KnowledgeGraph& graph, const std::vector<GoldGraph>& golds);

// A table for people: P/R/F1 of entities and relations, by entity type, by
// relation type and by article, then the misses and false positives.
std::string FormatReport(const EvalReport& report);

// The same as one JSON object (keys sorted as written; scores rounded to 4
// decimals): {"entities": {"tp","fp","fn","precision","recall","f1"},
// "relations": {...}, "per_type": {...}, "per_relation": {...},
// "per_article": {ID: {"entities","relations"}}, "missed_entities": [...],
// "false_entities", "missed_relations", "false_relations", "contradictions",
// "warnings"}.
std::string FormatReportJson(const EvalReport& report);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EVAL_SCORER_H_
