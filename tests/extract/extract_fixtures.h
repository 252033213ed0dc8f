// What the extraction tests share: one Extractor loaded from graph_schemas/
// for the whole test binary, and small helpers to run it on a text.
#ifndef NEWSGRAPH_TESTS_EXTRACT_EXTRACT_FIXTURES_H_
#define NEWSGRAPH_TESTS_EXTRACT_EXTRACT_FIXTURES_H_

#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "newsgraph/extract/extractor.h"

namespace newsgraph::testing {

// Loaded once; aborts with the loader's message if graph_schemas/ is broken
// (the schema tests then say where).
inline const Extractor& SharedExtractor() {
  static const Extractor* extractor = [] {
    Result<Extractor> e = Extractor::Create(NEWSGRAPH_SCHEMA_DIR);
    if (!e.ok()) {
      std::cerr << e.status().message() << "\n";
      std::abort();
    }
    return new Extractor(std::move(*e));
  }();
  return *extractor;
}

// Extracts `text` as article "t" in `lang`, dated 2025-06-07 (a Saturday).
inline Extraction ExtractText(const std::string& text, const std::string& lang) {
  Article a;
  a.id = "t";
  a.text = text;
  a.lang = lang;
  a.date = "2025-06-07";
  Result<Extraction> x = SharedExtractor().Extract(a);
  REQUIRE(x.ok());
  return *x;
}

inline bool HasEntity(const Extraction& x, const std::string& id) {
  for (const ExtractedEntity& e : x.entities) {
    if (e.id == id) return true;
  }
  return false;
}

inline bool HasRelation(const Extraction& x, const std::string& source, const std::string& relation,
                        const std::string& target) {
  for (const ExtractedRelation& r : x.relations) {
    if (r.relation == relation && r.source_id == source && r.target_id == target) return true;
  }
  return false;
}

// The sources among `sources` that lack `relation` to `target`: empty when
// all have it (a failed CHECK prints the ones missing).
inline std::vector<std::string> MissingSources(const Extraction& x,
                                               const std::vector<std::string>& sources,
                                               const std::string& relation,
                                               const std::string& target) {
  std::vector<std::string> missing;
  for (const std::string& s : sources) {
    if (!HasRelation(x, s, relation, target)) missing.push_back(s);
  }
  return missing;
}

// The id of the event whose id holds `part`, or "" (the last one if several).
inline std::string EventWith(const Extraction& x, const std::string& part) {
  std::string id;
  for (const ExtractedEntity& e : x.entities) {
    if (e.category == "event" && e.id.find(part) != std::string::npos) id = e.id;
  }
  return id;
}

}  // namespace newsgraph::testing

#endif  // NEWSGRAPH_TESTS_EXTRACT_EXTRACT_FIXTURES_H_
