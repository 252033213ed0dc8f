// Trigger "exclude" words: a word that shares a Snowball stem with a trigger
// form ("critical" / "criticize") does not fire the trigger, and does not
// hide the real trigger in the same sentence.
#include "newsgraph/extract/relations.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "newsgraph/extract/extractor.h"
#include "newsgraph/schema/extraction_lexicon.h"

namespace newsgraph {
namespace {

const Extractor& TestExtractor() {
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

Extraction Run(const std::string& text, const std::string& lang) {
  Article a;
  a.id = "t";
  a.text = "Titre\n\n" + text;
  a.lang = lang;
  a.date = "2025-06-07";
  Result<Extraction> x = TestExtractor().Extract(a);
  REQUIRE(x.ok());
  return *x;
}

int CountRel(const Extraction& x, const std::string& rel) {
  return static_cast<int>(std::count_if(x.relations.begin(), x.relations.end(),
                                        [&](const ExtractedRelation& r) { return r.relation == rel; }));
}

bool HasRel(const Extraction& x, const std::string& s, const std::string& rel,
            const std::string& t) {
  for (const ExtractedRelation& r : x.relations) {
    if (r.relation == rel && r.source_id == s && r.target_id == t) return true;
  }
  return false;
}

TEST_CASE("The relation lexicon reads each trigger's exclude words", "[extract][relations]") {
  Result<ExtractionLexicon> lex = LoadExtractionLexicon(NEWSGRAPH_SCHEMA_DIR);
  REQUIRE(lex.ok());
  const TriggerDef* condemns = nullptr;
  for (const TriggerDef& t : lex->en.relations.triggers) {
    if (t.id == "en.condemns") condemns = &t;
  }
  REQUIRE(condemns != nullptr);
  CHECK(std::find(condemns->exclude.begin(), condemns->exclude.end(), "critical") !=
        condemns->exclude.end());
}

TEST_CASE("Words sharing a trigger's stem but listed as excluded do not fire it",
          "[extract][relations]") {
  CHECK(CountRel(Run("Critical talks united Canada and Japan.", "en"), "condemns") == 0);
  CHECK(CountRel(Run("Canada buys critical minerals from Japan.", "en"), "condemns") == 0);
  CHECK(CountRel(Run("Canada called Japan a critical partner.", "en"), "condemns") == 0);
  CHECK(CountRel(Run("Canada sent an aide to Japan.", "en"), "supports") == 0);
  CHECK(CountRel(Run("The organisation of Canada sent ministers to Japan.", "en"),
                 "participates_in") == 0);
  CHECK(CountRel(Run("La France a d'abord rencontré le Maroc.", "fr"), "concerns") == 0);
}

TEST_CASE("An excluded word does not hide the real trigger in its sentence",
          "[extract][relations]") {
  CHECK(HasRel(Run("Canada criticized Japan over its critical minerals policy.", "en"),
               "country_can", "condemns", "country_jpn"));
  CHECK(HasRel(Run("Canada criticised Japan over critical supplies.", "en"), "country_can",
               "condemns", "country_jpn"));
  CHECK(HasRel(Run("Canada condemned Russia.", "en"), "country_can", "condemns", "country_rus"));
}

}  // namespace
}  // namespace newsgraph
