// Gazetteer: the known entities (countries, regions, organisations, places,
// resources, sectors) with every name news uses for them, in French and English.
//
//   Result<Gazetteer> g = Gazetteer::Load("graph_schemas");
//   if (!g.ok()) return g.status();       // "…/countries.json:12:5: …"
//   const GazetteerEntry* kgz = g->Find("country_kgz");
//   for (const GazetteerEntry* e : g->Lookup("Kirghizistan")) Use(e->id);
//
// Loads every graph_schemas/gazetteer/*.json file (each validated against its
// JSON Schema), merging the curated alias file country_aliases.json onto the
// entries generated from CLDR/iso-codes (countries.json, regions.json). The
// format of each file is specified in graph_schemas/README.md.
// A loaded Gazetteer is immutable: const methods are safe to call from many
// threads at once. Returned pointers live as long as the Gazetteer (it may be
// moved: entries are never reallocated after Load).
#ifndef NEWSGRAPH_SCHEMA_GAZETTEER_H_
#define NEWSGRAPH_SCHEMA_GAZETTEER_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsgraph/base/status.h"

namespace newsgraph {

enum class NameKind {
  kName,     // a name or spelling variant: "Inde", "Kirghizistan", "Nations unies"
  kAcronym,  // an abbreviation: "OCS", "UN", "USA"
  kDemonym,  // an adjective or inhabitant noun, any inflection: "indienne", "Kazakh"
};

struct GazetteerName {
  std::string text;  // UTF-8 (NFC) surface form, as written in the data
  std::string lang;  // "fr", "en", or "" (both / language-neutral)
  NameKind kind = NameKind::kName;
  bool case_sensitive = false;  // match only with this exact case ("UN", "OR")
  bool shared = false;          // explicitly allowed to name another entry too ("Singapour")
};

struct GazetteerEntry {
  std::string id;        // ASCII NMTOKEN node id: country_ind, region_central_asia, ...
  std::string category;  // an ontology category name
  std::string label_en;
  std::string label_fr;
  std::string wikidata;              // "Q668", or "" when not known for sure
  std::string iso2;                  // countries: ISO 3166-1 alpha-2 ("IN")
  std::string iso3;                  // countries: alpha-3 ("IND")
  std::string m49;                   // countries: ISO numeric ("356"); regions: UN M49 code ("143")
  std::vector<GazetteerName> names;  // every known name; labels are included
  std::vector<std::string> members;  // regions / organisations: member entry ids, sorted
  std::string capital_of;            // locations: the country id when the place is its capital
  std::string located_in;            // locations: the country id
  std::string capital;               // countries: id of the capital location, or ""
};

class Gazetteer {
 public:
  // Reads and validates schema_dir/gazetteer/*.json against the schemas in
  // schema_dir. Errors name the file and "line:col" (syntax), the JSON pointer
  // (schema violation), or the two entries that share a name without
  // `shared: true`, an alias for an unknown id, a member id that is unknown.
  static Result<Gazetteer> Load(const std::string& schema_dir);

  // All entries, sorted by id.
  const std::vector<GazetteerEntry>& entries() const { return *entries_; }

  // The entry with this id, or nullptr.
  const GazetteerEntry* Find(std::string_view id) const;

  // The entries that have a name matching `surface`: exactly for
  // case-sensitive names, after NameKey() folding otherwise. Sorted by id;
  // empty when unknown. Several entries only for names marked `shared`.
  std::vector<const GazetteerEntry*> Lookup(std::string_view surface) const;

  // The matching key of a case-insensitive name: NFC, Unicode case folding,
  // typographic apostrophes (’ ʼ) turned into ', runs of spaces into one.
  // Accents are kept ("Etats-Unis" is a separate alias of "États-Unis").
  static std::string NameKey(std::string_view text);

 private:
  // Behind a pointer so the entries (and pointers to them) survive moves.
  std::shared_ptr<const std::vector<GazetteerEntry>> entries_ =
      std::make_shared<const std::vector<GazetteerEntry>>();
  std::unordered_map<std::string, size_t> by_id_;
  // Case-insensitive names by NameKey(), case-sensitive names by exact text.
  std::unordered_map<std::string, std::vector<size_t>> by_folded_name_;
  std::unordered_map<std::string, std::vector<size_t>> by_exact_name_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_SCHEMA_GAZETTEER_H_
