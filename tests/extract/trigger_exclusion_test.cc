// Trigger "exclude" words: a word that shares a Snowball stem with a trigger
// form ("critical" / "criticize") does not fire the trigger, and does not
// hide the real trigger in the same sentence.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "extract/extract_fixtures.h"
#include "newsgraph/extract/extractor.h"
#include "newsgraph/extract/relations.h"
#include "newsgraph/schema/extraction_lexicon.h"

namespace newsgraph {
namespace {

Extraction Run(const std::string& text, const std::string& lang) {
  return testing::ExtractText("Titre\n\n" + text, lang);
}

int CountRel(const Extraction& x, const std::string& rel) {
  return static_cast<int>(
      std::count_if(x.relations.begin(), x.relations.end(),
                    [&](const ExtractedRelation& r) { return r.relation == rel; }));
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
  CHECK(
      testing::HasRelation(Run("Canada criticized Japan over its critical minerals policy.", "en"),
                           "country_can", "condemns", "country_jpn"));
  CHECK(testing::HasRelation(Run("Canada criticised Japan over critical supplies.", "en"),
                             "country_can", "condemns", "country_jpn"));
  CHECK(testing::HasRelation(Run("Canada condemned Russia.", "en"), "country_can", "condemns",
                             "country_rus"));
}

TEST_CASE("An exclusion minds accents: 'critique' is excluded, 'critiqué' is a trigger",
          "[extract][relations]") {
  CHECK(testing::HasRelation(Run("Le Chili a critiqué la Bolivie.", "fr"), "country_chl",
                             "condemns", "country_bol"));
  CHECK(CountRel(Run("Le Chili vend des minerais critiques à la Bolivie.", "fr"), "condemns") == 0);
}

}  // namespace
}  // namespace newsgraph
