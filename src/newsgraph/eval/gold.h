// Gold graphs: the hand-made annotation of one article that extraction is
// measured against (format and annotation guide: /work/shared/ANNOTATION.md,
// JSON Schema: graph_schemas/gold.schema.json).
//
//   Result<GoldGraph> gold = LoadGold("examples/inde-asie-centrale.gold.json");
//   if (!gold.ok()) return gold.status();   // "….gold.json:12:18: relation names unknown …"
//   for (const GoldRelation& r : gold->relations) Use(r.source, r.relation, r.target);
//
// Plain values: copyable, not synchronised. LoadGold is a pure function of the
// file and safe to call from several threads.
#ifndef NEWSGRAPH_EVAL_GOLD_H_
#define NEWSGRAPH_EVAL_GOLD_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/base/status.h"

namespace newsgraph {

struct GoldEntity {
  std::string key;   // unique in the file; scoring never looks at it
  std::string type;  // an entity type of ANNOTATION.md: country, region, event, ...
  std::string name;
  std::string qid;                   // "Q668", or "" when the annotator was not certain
  std::vector<std::string> aliases;  // surface forms used in the text
  bool optional = false;             // neither a miss when absent nor a false positive when found
  // Events: the ISO date ("2025-06-06", "2024-09", "2025") from the "date"
  // field, else from a trailing "(YYYY[-MM[-DD]])" in the name; "" when none.
  std::string date;
};

struct GoldRelation {
  std::string source;    // an entity key of the same file
  std::string relation;  // a relation type of ANNOTATION.md
  std::string target;    // an entity key of the same file
  std::string evidence;  // the sentence of the article that states it
  bool optional = false;
  std::string modality;  // "asserted" (the default), "intended", "hypothetical"
};

struct GoldGraph {
  std::string article;  // the article's file name, "NAME.txt"
  std::string lang;
  std::string source;
  std::string license;
  std::vector<GoldEntity> entities;
  std::vector<GoldRelation> relations;
  // Relations the text explicitly denies ("did not condemn"); never gold
  // relations, but an extracted asserted edge that matches one is reported as
  // a false positive that contradicts the text. JSON field "negated_relations".
  std::vector<GoldRelation> negated_relations;

  // The article id the graph uses for this article: `article` without its
  // directory and extension ("inde-asie-centrale").
  std::string ArticleId() const;
  // The entity with this key, or nullptr.
  const GoldEntity* FindEntity(std::string_view key) const;
};

// The entity types and relation types a gold file may use, sorted.
const std::vector<std::string>& GoldEntityTypes();
const std::vector<std::string>& GoldRelationTypes();

// "… (2025-06-06)" -> "2025-06-06": the ISO date (YYYY, YYYY-MM or
// YYYY-MM-DD) in parentheses at the end of an event name, or "" when none.
// The date may come first among other details: "(2026-11-23, Helsinki)",
// and a span stays one: "(2026-05-05/06, Bujumbura)" -> "2026-05-05/06"
// (an event on either day matches it).
std::string TrailingDate(std::string_view name);

// Reads and checks a gold file. Errors start with "path:line:col: " pointing
// at the offending JSON value: syntax errors, a missing or mistyped field, an
// unknown entity or relation type, a duplicate entity key, a relation naming
// an unknown entity key, a duplicate relation, a malformed date or qid.
// Unknown fields are allowed (and ignored).
Result<GoldGraph> LoadGold(const std::string& path);

// The same, from bytes already read; `name` is used in messages.
Result<GoldGraph> ParseGold(std::string_view json, const std::string& name);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EVAL_GOLD_H_
