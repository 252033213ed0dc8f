// Ontology: the node categories, relation types and modalities a graph may
// use, loaded from graph_schemas/ontology.json (editable without recompiling).
//
//   Result<Ontology> o = Ontology::Load("graph_schemas");
//   const RelationDef* r = o->FindRelation("condemns");
//   if (r && o->Allows(*r, "country", "event")) ...   // r->color, r->goldstein
//
// The file format is specified in graph_schemas/README.md; the file is
// validated against graph_schemas/ontology.schema.json, then checked for
// duplicate names, unknown categories and malformed colours.
// An Ontology is immutable after Load: const methods are thread-safe, and
// returned pointers live as long as the Ontology object (not across moves).
#ifndef NEWSGRAPH_SCHEMA_ONTOLOGY_H_
#define NEWSGRAPH_SCHEMA_ONTOLOGY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/base/status.h"

namespace newsgraph {

struct CategoryDef {
  std::string name;  // "country"
  std::string label_en;
  std::string label_fr;
  std::string color;  // display colour "#RRGGBB" (upper-case hex)
};

struct RelationDef {
  std::string name;  // "cooperates_with"
  std::string label_en;
  std::string label_fr;
  bool symmetric = false;
  std::vector<std::string> source_categories;  // allowed source node categories
  std::vector<std::string> target_categories;  // allowed target node categories
  std::string cameo;                           // CAMEO code or range ("111", "05x-06x"), or ""
  std::optional<double> goldstein;             // Goldstein scale value where defined
  // The Goldstein range of the CAMEO codes covered, when it is a range.
  std::optional<double> goldstein_min;
  std::optional<double> goldstein_max;
  std::string color;  // "#RRGGBB"
};

struct ModalityDef {
  std::string name;  // "asserted", "negated", "intended", "hypothetical"
  std::string label_en;
  std::string label_fr;
};

class Ontology {
 public:
  // Loads and checks schema_dir/ontology.json. Errors start with
  // "…/ontology.json:LINE:COL:" and name the JSON pointer of the bad value.
  static Result<Ontology> Load(const std::string& schema_dir);

  // Loads from one file and schema (tests, user ontologies).
  static Result<Ontology> LoadFile(const std::string& path, const std::string& schema_path);

  // nullptr when unknown. Names are exact (case-sensitive).
  const CategoryDef* FindCategory(std::string_view name) const;
  const RelationDef* FindRelation(std::string_view name) const;
  const ModalityDef* FindModality(std::string_view name) const;

  // In file order.
  const std::vector<CategoryDef>& categories() const { return categories_; }
  const std::vector<RelationDef>& relations() const { return relations_; }
  const std::vector<ModalityDef>& modalities() const { return modalities_; }

  // Whether `relation` may link a node of source_cat to one of target_cat.
  // A symmetric relation also allows the reverse direction.
  bool Allows(const RelationDef& relation, std::string_view source_cat,
              std::string_view target_cat) const;

 private:
  std::vector<CategoryDef> categories_;
  std::vector<RelationDef> relations_;
  std::vector<ModalityDef> modalities_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_SCHEMA_ONTOLOGY_H_
