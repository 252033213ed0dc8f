// Relation rules on short French and English sentences: one row per
// phenomenon (trigger frames, negation, intention, hypothesis, pronouns,
// groups, capital metonymy, passives, reported speech).
#include "newsgraph/extract/relations.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "newsgraph/extract/extractor.h"

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
  a.text = text;
  a.lang = lang;
  a.date = "2025-06-07";
  Result<Extraction> x = TestExtractor().Extract(a);
  REQUIRE(x.ok());
  return *x;
}

const ExtractedRelation* FindRel(const Extraction& x, const std::string& s, const std::string& rel,
                                 const std::string& t) {
  for (const ExtractedRelation& r : x.relations) {
    if (r.relation == rel && ((r.source_id == s && r.target_id == t) ||
                              (rel == "cooperates_with" && r.source_id == t && r.target_id == s))) {
      return &r;
    }
  }
  return nullptr;
}

struct Row {
  const char* lang;
  const char* text;
  const char* source;
  const char* relation;
  const char* target;
  const char* modality;  // nullptr: the relation must NOT be found
};

TEST_CASE("Relation rules fire on short French and English sentences", "[extract][relations]") {
  const std::vector<Row> rows = {
      // Trigger frames, one per relation type.
      {"fr", "La France renforce sa coopération avec le Maroc.", "country_fra", "cooperates_with", "country_mar", "asserted"},
      {"en", "India and Japan signed a partnership.", "country_ind", "cooperates_with", "country_jpn", "asserted"},
      {"fr", "Le Japon réduit sa dépendance à l'égard de la Chine.", "country_jpn", "depends_on", "country_chn", "asserted"},
      {"en", "Germany's dependence on Russia grew.", "country_deu", "depends_on", "country_rus", "asserted"},
      {"fr", "Le Kazakhstan a condamné l'attaque terroriste survenue à Kaboul le 3 mai 2025.", "country_kaz", "condemns", "event_kabul_terrorist_attack_2025_05_03", "asserted"},
      {"en", "Canada condemned Russia.", "country_can", "condemns", "country_rus", "asserted"},
      {"fr", "Le Brésil a exprimé son soutien à l'Argentine.", "country_bra", "supports", "country_arg", "asserted"},
      {"en", "Turkey expressed support for Azerbaijan.", "country_tur", "supports", "country_aze", "asserted"},
      {"fr", "La Chine contrôle 60% de la production de cobalt.", "country_chn", "controls", "resource_cobalt", "asserted"},
      {"en", "China controls 70% of global production of rare earths.", "country_chn", "controls", "resource_rare_earths", "asserted"},
      {"fr", "Les États-Unis ont imposé des sanctions contre l'Iran.", "country_usa", "restricts", "country_irn", "asserted"},
      {"en", "China imposed export restrictions on gallium.", "country_chn", "restricts", "resource_gallium", "asserted"},
      // Modality.
      {"fr", "L'Inde n'a pas condamné la Russie.", "country_ind", "condemns", "country_rus", "negated"},
      {"en", "India did not condemn Russia.", "country_ind", "condemns", "country_rus", "negated"},
      {"fr", "Le Japon envisage une coopération avec le Vietnam.", "country_jpn", "cooperates_with", "country_vnm", "intended"},
      {"en", "Japan plans to seek cooperation with Vietnam.", "country_jpn", "cooperates_with", "country_vnm", "intended"},
      {"fr", "La Chine pourrait imposer des sanctions contre le Japon.", "country_chn", "restricts", "country_jpn", "hypothetical"},
      {"en", "China could impose sanctions on Japan.", "country_chn", "restricts", "country_jpn", "hypothetical"},
      // Passive.
      {"fr", "La Russie a été condamnée par la France.", "country_fra", "condemns", "country_rus", "asserted"},
      {"en", "Russia was condemned by Canada.", "country_can", "condemns", "country_rus", "asserted"},
      // Pronouns.
      {"fr", "La Chine contrôle le marché du lithium. Elle a imposé des sanctions contre le Japon.", "country_chn", "restricts", "country_jpn", "asserted"},
      {"fr", "Le Kazakhstan et l'Ouzbékistan se rencontrent. Ils ont condamné la Russie.", "country_uzb", "condemns", "country_rus", "asserted"},
      {"en", "Kazakhstan and Uzbekistan met. They condemned Russia.", "country_kaz", "condemns", "country_rus", "asserted"},
      // Groups.
      {"fr", "L'Inde renforce sa coopération avec les pays d'Asie centrale.", "country_ind", "cooperates_with", "country_tkm", "asserted"},
      {"en", "India strengthened cooperation with the five Central Asia countries.", "country_ind", "cooperates_with", "country_kgz", "asserted"},
      // Capital metonymy: subject = country, after a preposition = place.
      {"fr", "Pékin a condamné Washington.", "country_chn", "condemns", "country_usa", "asserted"},
      {"en", "Beijing condemned Tokyo.", "country_chn", "condemns", "country_jpn", "asserted"},
      {"fr", "Le 6 juin 2025, le sommet entre le Japon et la Corée du Sud s'est tenu à Tokyo.", "event_japan_south_korea_summit_2025_06_06", "held_in", "location_tokyo", "asserted"},
      // Meetings: participants and editions.
      {"en", "The 3rd India-Japan Summit took place on June 6, 2025.", "country_jpn", "participates_in", "event_3rd_india_japan_summit_2025_06_06", "asserted"},
      {"en", "The 3rd India-Japan Summit took place on June 6, 2025.", "event_3rd_india_japan_summit_2025_06_06", "edition_of", "forum_india_japan_summit", "asserted"},
      // Things that must not fire.
      {"fr", "Les minéraux critiques sont rares au Japon.", "country_jpn", "condemns", "resource_critical_minerals", nullptr},
      {"fr", "La coopération entre la Chine et le Japon s'appuie sur le commerce.", "country_chn", "supports", "country_jpn", nullptr},
  };
  for (const Row& row : rows) {
    INFO(row.lang << ": " << row.text << "  =>  " << row.source << " " << row.relation << " "
                  << row.target);
    Extraction x = Run(row.text, row.lang);
    const ExtractedRelation* r = FindRel(x, row.source, row.relation, row.target);
    if (row.modality == nullptr) {
      CHECK(r == nullptr);
    } else {
      REQUIRE(r != nullptr);
      CHECK(r->modality == row.modality);
      CHECK(!r->rule.empty());
      CHECK(r->sentence == x.relations.front().sentence.substr(0, 0) + r->sentence);
    }
  }
}

TEST_CASE("Relations quote their sentence from the original text with its byte span",
          "[extract][relations]") {
  const std::string text = "Titre\n\nLa France soutient l\xE2\x80\x99Ukraine.";
  Extraction x = Run(text, "fr");
  const ExtractedRelation* r = FindRel(x, "country_fra", "supports", "country_ukr");
  REQUIRE(r != nullptr);
  CHECK(r->sentence == "La France soutient l\xE2\x80\x99Ukraine.");
  CHECK(text.substr(r->begin, r->end - r->begin) == r->sentence);
  CHECK(r->rule == "fr.supports");
}

TEST_CASE("Reported speech names its source", "[extract][relations]") {
  Extraction x = Run("Selon la France, la Russie a imposé des sanctions contre la Pologne.", "fr");
  const ExtractedRelation* r = FindRel(x, "country_rus", "restricts", "country_pol");
  REQUIRE(r != nullptr);
  CHECK(r->reported_by == "country_fra");
}

TEST_CASE("Demonyms name the country", "[extract][mentions]") {
  Extraction x = Run("Le gouvernement indien a condamné la Russie.", "fr");
  CHECK(FindRel(x, "country_ind", "condemns", "country_rus") != nullptr);
}

}  // namespace
}  // namespace newsgraph
