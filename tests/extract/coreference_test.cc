// Coreference on short French and English sentences: organisation anaphors
// ("le bloc", "the organisation") resolve to the latest organisation named.
#include "newsgraph/extract/coreference.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "extract/extract_fixtures.h"
#include "newsgraph/extract/extractor.h"

namespace newsgraph {
namespace {

Extraction Run(const std::string& text, const std::string& lang) {
  return testing::ExtractText(text, lang);
}

struct Row {
  const char* lang;
  const char* text;
  const char* source;
  const char* relation;
  const char* target;
};

TEST_CASE("Organisation anaphors resolve to the latest organisation named",
          "[extract][coreference]") {
  const std::vector<Row> rows = {
      {"fr", "Le Kazakhstan a accueilli l'OTAN. Le bloc a condamné la Russie.", "organization_nato",
       "condemns", "country_rus"},
      {"fr",
       "La Russie a rejoint l'Organisation de coopération de Shanghai. Le bloc a condamné "
       "l'Ukraine.",
       "organization_sco", "condemns", "country_ukr"},
      {"fr", "Le Canada a rejoint l'OTAN. L'alliance a condamné la Russie.", "organization_nato",
       "condemns", "country_rus"},
      {"fr", "Le Japon a soutenu l'OTAN. L'organisation a condamné la Russie.", "organization_nato",
       "condemns", "country_rus"},
      {"en", "Canada joined NATO. The alliance condemned Russia.", "organization_nato", "condemns",
       "country_rus"},
      {"en", "Russia joined the Shanghai Cooperation Organisation. The bloc condemned Ukraine.",
       "organization_sco", "condemns", "country_ukr"},
      {"en", "Japan supported NATO. The organization condemned Russia.", "organization_nato",
       "condemns", "country_rus"},
      {"en", "Japan supported NATO. The organisation condemned Russia.", "organization_nato",
       "condemns", "country_rus"},
      {"en", "Japan supported NATO. The group condemned Russia.", "organization_nato", "condemns",
       "country_rus"},
      // A possessive anaphor modifies a noun: the subject stays the country.
      {"en", "Canada joined NATO. Japan, which holds the alliance's chair, condemned Russia.",
       "country_jpn", "condemns", "country_rus"},
      // The latest organisation wins, not the first one.
      {"en",
       "Japan supported the Shanghai Cooperation Organisation and NATO. The bloc condemned Russia.",
       "organization_nato", "condemns", "country_rus"},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    Extraction x = Run(std::string("Titre\n\n") + row.text, row.lang);
    CHECK(testing::HasRelation(x, row.source, row.relation, row.target));
  }
}

TEST_CASE("An organisation anaphor with no organisation before it relates nothing",
          "[extract][coreference]") {
  Extraction x = Run("Title\n\nThe alliance condemned Russia.", "en");
  for (const ExtractedRelation& r : x.relations) CHECK(r.relation != "condemns");
  // "alliance" inside the anaphor is not a cooperation trigger.
  Extraction y = Run("Title\n\nCanada joined NATO. The alliance condemned Russia.", "en");
  for (const ExtractedRelation& r : y.relations) CHECK(r.relation != "cooperates_with");
}

TEST_CASE("'Les deux pays' without a group of two means the last two countries named",
          "[extract][coreference]") {
  using testing::ExtractText;
  // cooperates_with is symmetric: either order.
  const auto HasRelation = [](const Extraction& x, const std::string& a, const std::string& r,
                              const std::string& b) {
    return testing::HasRelation(x, a, r, b) || testing::HasRelation(x, b, r, a);
  };
  // Across sentences, and within one where a demonym inside a title counts.
  const Extraction x = ExtractText(
      "Visite\n\nLe Mexique a reçu le roi du Maroc. Les deux pays ont signé un accord.", "fr");
  CHECK(HasRelation(x, "country_mar", "cooperates_with", "country_mex"));
  const Extraction y = ExtractText(
      "Visit\n\nThe Mexican president arrived in Morocco, where the two countries signed a "
      "deal.",
      "en");
  CHECK(HasRelation(y, "country_mar", "cooperates_with", "country_mex"));
  // Three countries named: "the two countries" takes the last two.
  const Extraction z = ExtractText(
      "Visit\n\nPeru hosted Chile. Later Japan met Brazil. The two countries signed a deal.", "en");
  CHECK(HasRelation(z, "country_bra", "cooperates_with", "country_jpn"));
  CHECK_FALSE(HasRelation(z, "country_chl", "cooperates_with", "country_per"));
}

TEST_CASE("A list after a preposition runs on past its commas to its conjunction",
          "[extract][coreference]") {
  const Extraction x = testing::ExtractText(
      "X\n\nL'attaque du 3 mars 2026 a été condamnée par le Togo, le Ghana et le Niger.", "fr");
  std::string attack;
  for (const ExtractedEntity& e : x.entities) {
    if (e.category == "event") attack = e.id;
  }
  REQUIRE_FALSE(attack.empty());
  for (const char* c : {"country_tgo", "country_gha", "country_ner"}) {
    CAPTURE(c);
    CHECK(testing::HasRelation(x, c, "condemns", attack));
  }
  // Without the conjunction a comma still ends a governed phrase: "Selon la
  // France, la Russie a condamné" is Russia's statement.
  const Extraction y = testing::ExtractText(
      "X\n\nSelon la France, la Russie a condamné l'attaque du 3 mars 2026.", "fr");
  for (const ExtractedRelation& r : y.relations) CHECK(r.source_id != "country_fra");
}

TEST_CASE("FlattenInto clears its buffer and gives Flatten's entities", "[extract][coreference]") {
  const std::vector<std::vector<std::vector<int>>> rows = {
      {}, {{}}, {{3}}, {{3, 1}, {1, 2}, {}, {3, 4}}, {{5}, {5}, {5}}, {{}, {7, 7, 6}}};
  std::vector<int> buffer = {9, 9, 9, 9, 9, 9, 9, 9};  // stale contents from an earlier call
  for (const auto& conjuncts : rows) {
    FlattenInto(conjuncts, &buffer);
    CHECK(buffer == Flatten(conjuncts));
  }
  FlattenInto({{3, 1}, {1, 2}, {}, {3, 4}}, &buffer);
  CHECK(buffer == std::vector<int>{3, 1, 2, 4});
}

TEST_CASE("Coreference state of one sentence does not leak into the next",
          "[extract][coreference]") {
  // The same sentences in two articles, after articles of other entities:
  // the per-thread buffers are reused, the results are the same.
  const std::string text =
      "X\n\nLe Japon et la Corée du Sud ont signé un accord. Ils coopèrent avec le Vietnam.";
  const Extraction first = testing::ExtractText(text, "fr");
  testing::ExtractText("Y\n\nLa France, l'Allemagne, l'Italie et l'Espagne soutiennent l'Ukraine.",
                       "fr");
  const Extraction second = testing::ExtractText(text, "fr");
  REQUIRE(first.relations.size() == second.relations.size());
  for (size_t i = 0; i < first.relations.size(); ++i) {
    CHECK(first.relations[i].source_id == second.relations[i].source_id);
    CHECK(first.relations[i].target_id == second.relations[i].target_id);
    CHECK(first.relations[i].rule == second.relations[i].rule);
  }
  CHECK(testing::HasRelation(first, "country_kor", "cooperates_with", "country_vnm"));
}

}  // namespace
}  // namespace newsgraph
