// Relation rules on short French and English sentences: one row per
// phenomenon (trigger frames, negation, intention, hypothesis, pronouns,
// groups, capital metonymy, passives, reported speech).
#include "newsgraph/extract/relations.h"

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
      {"fr", "La France renforce sa coopération avec le Maroc.", "country_fra", "cooperates_with",
       "country_mar", "asserted"},
      {"en", "India and Japan signed a partnership.", "country_ind", "cooperates_with",
       "country_jpn", "asserted"},
      {"fr", "Le Japon réduit sa dépendance à l'égard de la Chine.", "country_jpn", "depends_on",
       "country_chn", "asserted"},
      {"en", "Germany's dependence on Russia grew.", "country_deu", "depends_on", "country_rus",
       "asserted"},
      {"fr", "Le Kazakhstan a condamné l'attaque terroriste survenue à Kaboul le 3 mai 2025.",
       "country_kaz", "condemns", "event_kabul_terrorist_attack_2025_05_03", "asserted"},
      {"en", "Canada condemned Russia.", "country_can", "condemns", "country_rus", "asserted"},
      {"fr", "Le Brésil a exprimé son soutien à l'Argentine.", "country_bra", "supports",
       "country_arg", "asserted"},
      {"en", "Turkey expressed support for Azerbaijan.", "country_tur", "supports", "country_aze",
       "asserted"},
      {"fr", "La Chine contrôle 60% de la production de cobalt.", "country_chn", "controls",
       "resource_cobalt", "asserted"},
      {"en", "China controls 70% of global production of rare earths.", "country_chn", "controls",
       "resource_rare_earths", "asserted"},
      {"fr", "Les États-Unis ont imposé des sanctions contre l'Iran.", "country_usa", "restricts",
       "country_irn", "asserted"},
      {"en", "China imposed export restrictions on gallium.", "country_chn", "restricts",
       "resource_gallium", "asserted"},
      // Modality.
      {"fr", "L'Inde n'a pas condamné la Russie.", "country_ind", "condemns", "country_rus",
       "negated"},
      {"en", "India did not condemn Russia.", "country_ind", "condemns", "country_rus", "negated"},
      {"fr", "Le Japon envisage une coopération avec le Vietnam.", "country_jpn", "cooperates_with",
       "country_vnm", "intended"},
      {"en", "Japan plans to seek cooperation with Vietnam.", "country_jpn", "cooperates_with",
       "country_vnm", "intended"},
      {"fr", "La Chine pourrait imposer des sanctions contre le Japon.", "country_chn", "restricts",
       "country_jpn", "hypothetical"},
      {"en", "China could impose sanctions on Japan.", "country_chn", "restricts", "country_jpn",
       "hypothetical"},
      // Passive.
      {"fr", "La Russie a été condamnée par la France.", "country_fra", "condemns", "country_rus",
       "asserted"},
      {"en", "Russia was condemned by Canada.", "country_can", "condemns", "country_rus",
       "asserted"},
      // Pronouns.
      {"fr", "La Chine contrôle le marché du lithium. Elle a imposé des sanctions contre le Japon.",
       "country_chn", "restricts", "country_jpn", "asserted"},
      {"fr", "Le Kazakhstan et l'Ouzbékistan se rencontrent. Ils ont condamné la Russie.",
       "country_uzb", "condemns", "country_rus", "asserted"},
      {"en", "Kazakhstan and Uzbekistan met. They condemned Russia.", "country_kaz", "condemns",
       "country_rus", "asserted"},
      // Groups.
      {"fr", "L'Inde renforce sa coopération avec les pays d'Asie centrale.", "country_ind",
       "cooperates_with", "country_tkm", "asserted"},
      {"en", "India strengthened cooperation with the five Central Asia countries.", "country_ind",
       "cooperates_with", "country_kgz", "asserted"},
      // Capital metonymy: subject = country, after a preposition = place.
      {"fr", "Pékin a condamné Washington.", "country_chn", "condemns", "country_usa", "asserted"},
      {"en", "Beijing condemned Tokyo.", "country_chn", "condemns", "country_jpn", "asserted"},
      {"fr", "Le 6 juin 2025, le sommet entre le Japon et la Corée du Sud s'est tenu à Tokyo.",
       "event_japan_south_korea_summit_2025_06_06", "held_in", "location_tokyo", "asserted"},
      // Meetings: participants and editions.
      {"en", "The 3rd India-Japan Summit took place on June 6, 2025.", "country_jpn",
       "participates_in", "event_india_japan_summit_2025_06_06", "asserted"},
      {"en", "The 3rd India-Japan Summit took place on June 6, 2025.",
       "event_india_japan_summit_2025_06_06", "edition_of", "forum_india_japan_summit", "asserted"},
      // Words inside a name are not triggers ("critical" ~ "criticize").
      {"en", "Kenya and Ghana will invest in critical raw materials.", "country_ken", "condemns",
       "country_gha", nullptr},
      {"fr", "Le Maroc a rejoint l'Organisation de coopération islamique.", "country_mar",
       "cooperates_with", "organization_oic", nullptr},
      // A capital is its country unless a locative preposition governs it, even in a coordination.
      {"en", "Brazil deepened its partnership with Buenos Aires and Lima.", "country_bra",
       "cooperates_with", "country_per", "asserted"},
      {"fr", "Dakar, Bamako et Niamey ont dénoncé la Russie.", "country_ner", "condemns",
       "country_rus", "asserted"},
      // A direct object never follows a comma.
      {"fr", "Nairobi condamne, Kampala se tait.", "country_ken", "condemns", "country_uga",
       nullptr},
      // The genitive of a noun trigger is its agent.
      {"fr", "Le ministre a salué le soutien du Qatar au Liban.", "country_qat", "supports",
       "country_lbn", "asserted"},
      {"en", "Officials praised the support of Japan for the Philippines.", "country_jpn",
       "supports", "country_phl", "asserted"},
      // Receiving support inverts the frame.
      {"fr", "Le Mali a reçu le soutien de l'Algérie.", "country_dza", "supports", "country_mli",
       "asserted"},
      {"en", "Chile received support from Argentina.", "country_arg", "supports", "country_chl",
       "asserted"},
      // Subject across a relative clause.
      {"en", "Egypt, which holds the rotating chair, hosted the Arab League summit on May 3, 2025.",
       "country_egy", "participates_in", "event_arab_league_summit_2025_05_03", "asserted"},
      // Membership.
      {"en", "Ghana and Senegal, both members of ECOWAS, signed a trade deal.", "country_sen",
       "member_of", "organization_ecowas", "asserted"},
      {"fr", "Le Maroc n'est pas membre de la CEDEAO.", "country_mar", "member_of",
       "organization_ecowas", "negated"},
      // Joint work and agreements between the subject's conjuncts.
      {"fr", "Le Chili et le Pérou ont convenu de créer un centre conjoint.", "country_chl",
       "cooperates_with", "country_per", "asserted"},
      {"en", "Jordan and Iraq signed a memorandum of understanding on energy.", "country_jor",
       "cooperates_with", "country_irq", "asserted"},
      // An object that names no entity stands for the incident being reported.
      {"fr",
       "Une attaque a frappé un marché à Goma le 2 mars 2025. Kigali et Kinshasa ont dénoncé un "
       "acte barbare.",
       "country_rwa", "condemns", "event_attack_2025_03_02", "asserted"},
      // Group listing after a hyphen; region demonyms.
      {"en",
       "Japan and the five Central Asian states - Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan "
       "and Uzbekistan - agreed to build a partnership.",
       "country_jpn", "cooperates_with", "country_tjk", "asserted"},
      {"en",
       "Japan and the five Central Asian states - Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan "
       "and Uzbekistan - agreed to build a partnership.",
       "country_tjk", "member_of", "region_central_asia", "asserted"},
      {"en",
       "Japan and the five Central Asian states - Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan "
       "and Uzbekistan - agreed to build a partnership.",
       "country_tjk", "cooperates_with", "country_kaz", nullptr},
      // located_in only when the text states it.
      {"en", "The talks were held in Mombasa, Kenya.", "location_mombasa", "located_in",
       "country_ken", "asserted"},
      {"en", "The talks were held in Abuja.", "location_abuja", "located_in", "country_nga",
       nullptr},
      {"en", "Ministers met in Aleppo, Syria on May 3, 2025.", "location_aleppo", "located_in",
       "country_syr", "asserted"},
      {"fr", "Les dirigeants se sont retrouvés à Genève.", "location_geneva", "located_in",
       "country_che", nullptr},
      // Meetings named after an organisation: participants, place, edition.
      {"en",
       "Foreign ministers gathered in Abuja on March 3, 2025 for the 12th ECOWAS Defence Ministers "
       "Meeting.",
       "organization_ecowas", "participates_in",
       "event_ecowas_defence_ministers_meeting_2025_03_03", "asserted"},
      {"en",
       "Foreign ministers gathered in Abuja on March 3, 2025 for the 12th ECOWAS Defence Ministers "
       "Meeting.",
       "event_ecowas_defence_ministers_meeting_2025_03_03", "held_in", "location_abuja",
       "asserted"},
      {"fr",
       "Les ministres se sont réunis le 4 avril 2025 à Lima pour le sommet annuel du Mercosur.",
       "event_sommet_annuel_du_mercosur_2025_04_04", "held_in", "location_lima", "asserted"},
      // Things that must not fire.
      {"fr", "Les minéraux critiques sont rares au Japon.", "country_jpn", "condemns",
       "resource_critical_minerals", nullptr},
      {"fr", "La coopération entre la Chine et le Japon s'appuie sur le commerce.", "country_chn",
       "supports", "country_jpn", nullptr},
  };
  for (const Row& row : rows) {
    INFO(row.lang << ": " << row.text << "  =>  " << row.source << " " << row.relation << " "
                  << row.target);
    Extraction x = Run(row.text, row.lang);
    const ExtractedRelation* r = FindRel(x, row.source, row.relation, row.target);
    if (row.modality == nullptr) {
      CHECK(r == nullptr);
    } else {
      CHECK(r != nullptr);
      if (r == nullptr) continue;
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

TEST_CASE("A participle followed by its agent is passive without an auxiliary",
          "[extract][relations][passive]") {
  const Extraction x = testing::ExtractText(
      "Meeting\n\nThe two-day meeting in Denver, hosted by the United States, ended on May 21, "
      "2026.",
      "en");
  CHECK(
      testing::HasRelation(x, "country_usa", "participates_in", "event_denver_meeting_2026_05_21"));
  const Extraction y = testing::ExtractText(
      "Sommet\n\nLe sommet du 3 mars 2026 à Rabat, organisé par le Maroc, a réuni dix pays.", "fr");
  CHECK(testing::HasRelation(y, "country_mar", "participates_in", "event_rabat_summit_2026_03_03"));
  // Active voice keeps its subject: the host is not the agent's object.
  const Extraction z =
      testing::ExtractText("Meeting\n\nMorocco hosted the summit in Rabat on March 3, 2026.", "en");
  CHECK(testing::HasRelation(z, "country_mar", "participates_in", "event_rabat_summit_2026_03_03"));
}

TEST_CASE("A resource right before a noun trigger is its modifier, not its subject",
          "[extract][relations]") {
  const Extraction x = testing::ExtractText(
      "Pact\n\nSouth Korea signed a critical minerals partnership with Zambia and the "
      "Democratic Republic of Congo on Tuesday.",
      "en");
  const auto coop = [&](const std::string& a, const std::string& b) {
    return testing::HasRelation(x, a, "cooperates_with", b) ||
           testing::HasRelation(x, b, "cooperates_with", a);
  };
  CHECK(coop("country_kor", "country_zmb"));
  CHECK(coop("country_kor", "country_cod"));  // not the Republic of the Congo
}

TEST_CASE("A meeting of a council of a known organisation is an event its members attend",
          "[extract][relations][events]") {
  const Extraction x = testing::ExtractText(
      "OCS\n\nLes ministres se sont réunis le 20 mai 2025 à Astana pour la réunion annuelle du "
      "Conseil des ministres des Affaires étrangères de l'OCS. Autour de la table figuraient la "
      "Chine, la Russie et l'Inde.",
      "fr");
  std::string event;
  for (const ExtractedEntity& e : x.entities) {
    if (e.category == "event") event = e.id;
  }
  CHECK(event ==
        "event_reunion_annuelle_du_conseil_des_ministres_des_affaires_etrangeres_de_l_ocs_2025_"
        "05_20");
  CHECK(testing::HasRelation(x, event, "held_in", "location_astana"));
  CHECK(testing::HasRelation(x, "organization_sco", "participates_in", event));
  CHECK(testing::MissingSources(x, {"country_chn", "country_rus", "country_ind"}, "participates_in",
                                event)
            .empty());
}

TEST_CASE("A trigger quoted with a few words finds its object after the closing quote",
          "[extract][relations]") {
  const Extraction quoted = testing::ExtractText(
      "X\n\nLe Ghana a « condamné avec la plus grande fermeté » le Togo.", "fr");
  CHECK(testing::HasRelation(quoted, "country_gha", "condemns", "country_tgo"));
  const Extraction en =
      testing::ExtractText("X\n\nGhana \"strongly condemned\" Togo on Friday.", "en");
  CHECK(testing::HasRelation(en, "country_gha", "condemns", "country_tgo"));
}

TEST_CASE("Members listed after a membership word are members of the organisation",
          "[extract][relations][member_of]") {
  const Extraction x = testing::ExtractText(
      "CEDEAO\n\nLa CEDEAO a suspendu la Guinée-Bissau. Le sommet a réuni les dirigeants des onze "
      "autres États membres, parmi lesquels le Sénégal, le Ghana et le Togo.",
      "fr");
  CHECK(testing::MissingSources(x, {"country_sen", "country_gha", "country_tgo"}, "member_of",
                                "organization_ecowas")
            .empty());
  const Extraction y = testing::ExtractText(
      "NATO\n\nThe talks brought together NATO member states, including Spain and Portugal.", "en");
  CHECK(testing::HasRelation(y, "country_esp", "member_of", "organization_nato"));
  CHECK(testing::HasRelation(y, "country_prt", "member_of", "organization_nato"));
  // Without the marker a list after the word is no membership.
  const Extraction z = testing::ExtractText(
      "NATO\n\nThe talks brought together NATO member states and then Spain spoke.", "en");
  CHECK_FALSE(testing::HasRelation(z, "country_esp", "member_of", "organization_nato"));
}

TEST_CASE("A relation stated in two sentences is emitted once for each, with its own sentence",
          "[extract][relations]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLa France soutient l'Ukraine. Selon le Canada, la France soutient l'Ukraine.", "fr");
  std::vector<const ExtractedRelation*> found;
  for (const ExtractedRelation& r : x.relations) {
    if (r.source_id == "country_fra" && r.relation == "supports" && r.target_id == "country_ukr") {
      found.push_back(&r);
    }
  }
  REQUIRE(found.size() == 2);
  CHECK(found[0]->sentence == "La France soutient l'Ukraine.");
  CHECK(found[0]->reported_by.empty());
  CHECK(found[1]->sentence == "Selon le Canada, la France soutient l'Ukraine.");
  CHECK(found[1]->reported_by == "country_can");
  CHECK(found[0]->rule == found[1]->rule);
  CHECK(found[0]->modality == "asserted");
}

TEST_CASE("Rule ids name the lexicon entry and the rule's variant", "[extract][relations]") {
  const Extraction x = testing::ExtractText(
      "NATO\n\nThe talks brought together NATO member states, including Spain and Portugal.", "en");
  bool list = false;
  for (const ExtractedRelation& r : x.relations) {
    if (r.relation == "member_of" && r.source_id == "country_esp") {
      list = r.rule.size() > 5 && r.rule.ends_with(".list") && r.rule.starts_with("en.");
    }
  }
  CHECK(list);
}

// The one event of an extraction (empty when there is none or several).
std::string OnlyEvent(const Extraction& x) {
  std::string event;
  for (const ExtractedEntity& e : x.entities) {
    if (e.category != "event") continue;
    if (!event.empty()) return "";
    event = e.id;
  }
  return event;
}

TEST_CASE("A subject is found across a relative clause closed before the verb",
          "[extract][relations]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLes pourparlers, qui se sont tenus le 19 mars 2026 à Amman en présence de la "
      "Jordanie, ont réuni l'Irak et la Turquie.",
      "fr");
  const std::string event = OnlyEvent(x);
  REQUIRE_FALSE(event.empty());
  CHECK(testing::HasRelation(x, "country_irq", "participates_in", event));
  CHECK(testing::HasRelation(x, "country_tur", "participates_in", event));
  // The relative clause still has its own subject: "la Chine, qui domine".
  const Extraction y = testing::ExtractText(
      "X\n\nLa Chine, qui domine le marché du gallium, a été critiquée.", "fr");
  CHECK(testing::HasRelation(y, "country_chn", "controls", "resource_gallium"));
}

TEST_CASE("An event in the complement of a clause's first noun is its subject",
          "[extract][relations][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLa première séance de pourparlers du 19 mars 2026 à Amman a réuni l'Irak et la "
      "Turquie.",
      "fr");
  const std::string event = OnlyEvent(x);
  REQUIRE_FALSE(event.empty());
  CHECK(testing::HasRelation(x, "country_irq", "participates_in", event));
  // A country in that complement acts through what the head names ("La
  // délégation de la Chine a condamné"); not in a later noun's complement.
  const Extraction y =
      testing::ExtractText("X\n\nLa délégation de la Chine a condamné le Japon.", "fr");
  CHECK(testing::HasRelation(y, "country_chn", "condemns", "country_jpn"));
  const Extraction z = testing::ExtractText(
      "X\n\nUn rapport sur la délégation de la Chine a condamné le Japon.", "fr");
  CHECK_FALSE(testing::HasRelation(z, "country_chn", "condemns", "country_jpn"));
}

TEST_CASE("A titled person's phrase spans the title and their country takes part with them",
          "[extract][relations][people]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLa séance de pourparlers du 19 mars 2026 à Amman a réuni le ministre irakien des "
      "Ressources en eau, Haidar al-Janabi, et le vice-ministre turc de l'Agriculture, Mehmet "
      "Erdinç.",
      "fr");
  const std::string event = OnlyEvent(x);
  REQUIRE_FALSE(event.empty());
  CHECK(testing::MissingSources(
            x, {"person_haidar_al_janabi", "person_mehmet_erdinc", "country_irq", "country_tur"},
            "participates_in", event)
            .empty());
  const Extraction en = testing::ExtractText(
      "X\n\nIndian Agriculture Minister Rajeev Menon attended the G20 meeting in Denver on May "
      "21, 2026.",
      "en");
  const std::string meeting = OnlyEvent(en);
  REQUIRE_FALSE(meeting.empty());
  CHECK(testing::HasRelation(en, "person_rajeev_menon", "participates_in", meeting));
  CHECK(testing::HasRelation(en, "country_ind", "participates_in", meeting));
  // A title naming an organisation keeps it as an argument of its own.
  const Extraction org = testing::ExtractText(
      "X\n\nLe président de la Commission de la CEDEAO, Ibrahim Danjuma, a condamné le coup "
      "d'État.",
      "fr");
  CHECK(testing::HasEntity(org, "organization_ecowas"));
}

TEST_CASE("An event takes the date right before it or after it in its clause",
          "[extract][events][dates]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLa France a annoncé mardi 15 septembre 2026 la suspension de sa coopération, deux "
      "jours après le coup d'État qui a renversé le gouvernement le 13 septembre 2026.",
      "fr");
  std::string coup_date;
  for (const ExtractedEntity& e : x.entities) {
    if (e.category == "event") coup_date = e.date;
  }
  CHECK(coup_date == "2026-09-13");
}

TEST_CASE("A headline's undated event is the one dated event of the same kind",
          "[extract][events]") {
  const Extraction x = testing::ExtractText(
      "Coup d'État au Tchad : l'Union africaine condamne\n\nL'Union africaine a condamné le coup "
      "d'État du 13 septembre 2026 à N'Djamena.",
      "fr");
  std::vector<std::string> events;
  for (const ExtractedEntity& e : x.entities) {
    if (e.category == "event") events.push_back(e.id + " " + e.date);
  }
  REQUIRE(events.size() == 1);
  CHECK(events[0].substr(events[0].size() - 10) == "2026-09-13");
  for (const ExtractedRelation& r : x.relations) {
    CHECK((r.source_id + r.target_id).find(events[0].substr(0, events[0].size() - 11)) !=
          std::string::npos);
  }
  // Two dated coups: the headline's stays apart.
  const Extraction y = testing::ExtractText(
      "Coup d'État au Tchad\n\nLe coup d'État du 13 septembre 2026 a été condamné.\n\nUn autre "
      "coup d'État avait eu lieu le 20 avril 2021 à N'Djamena.",
      "fr");
  int n = 0;
  for (const ExtractedEntity& e : y.entities) n += e.category == "event";
  CHECK(n == 3);
}

TEST_CASE("An agreement dated in its clause is an event its parties take part in",
          "[extract][relations][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLe Maroc et le Mexique ont signé lundi 9 mars 2026 à Rabat un accord en matière "
      "d'énergie.",
      "fr");
  const std::string event = OnlyEvent(x);
  REQUIRE(event == "event_agreement_2026_03_09");
  CHECK(testing::HasRelation(x, "country_mar", "participates_in", event));
  CHECK(testing::HasRelation(x, "country_mex", "participates_in", event));
  CHECK(testing::HasRelation(x, event, "held_in", "location_rabat"));
  CHECK(testing::HasRelation(x, event, "concerns", "sector_energy"));
  // The cooperation itself is still stated.
  CHECK((testing::HasRelation(x, "country_mar", "cooperates_with", "country_mex") ||
         testing::HasRelation(x, "country_mex", "cooperates_with", "country_mar")));
  const Extraction en = testing::ExtractText(
      "X\n\nSouth Korea, Zambia and Tanzania signed a critical minerals agreement in Seoul on "
      "March 3, 2026.",
      "en");
  const std::string partnership = OnlyEvent(en);
  REQUIRE_FALSE(partnership.empty());
  CHECK(testing::MissingSources(en, {"country_kor", "country_zmb", "country_tza"},
                                "participates_in", partnership)
            .empty());
  // A partnership is a relation, not a signing: no event.
  const Extraction partnership_only = testing::ExtractText(
      "X\n\nSouth Korea and Zambia launched a partnership in Seoul on March 3, 2026.", "en");
  CHECK(OnlyEvent(partnership_only).empty());
  // Undated, an agreement is only a cooperation word.
  const Extraction undated =
      testing::ExtractText("X\n\nLe Maroc et le Mexique ont signé un accord dans l'énergie.", "fr");
  CHECK(OnlyEvent(undated).empty());
  CHECK((testing::HasRelation(undated, "country_mar", "cooperates_with", "country_mex") ||
         testing::HasRelation(undated, "country_mex", "cooperates_with", "country_mar")));
}

TEST_CASE("A definite agreement refers to the article's latest agreement, of any name",
          "[extract][relations][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nSouth Korea signed a memorandum of understanding with Zambia on Tuesday, March 3, "
      "2026.\n\nThe agreement, signed in Seoul by Zambian Mines Minister Chanda Mwale, provides "
      "for joint exploration.\n\nSeoul also proposed a deal to Chile.",
      "en");
  const std::string event = OnlyEvent(x);
  REQUIRE_FALSE(event.empty());
  CHECK(testing::HasRelation(x, event, "held_in", "location_seoul"));
  CHECK(testing::HasRelation(x, "person_chanda_mwale", "participates_in", event));
  // "a deal" is another one: Chile is no party to the first.
  CHECK_FALSE(testing::HasRelation(x, "country_chl", "participates_in", event));
}

TEST_CASE("A visitor and the country visited take part in a visit",
          "[extract][relations][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLe président mexicain, Andrés Villaseñor, a entamé lundi 9 mars 2026 une visite "
      "d'État au Maroc.",
      "fr");
  const std::string event = OnlyEvent(x);
  REQUIRE_FALSE(event.empty());
  CHECK(testing::HasRelation(x, "person_andres_villasenor", "participates_in", event));
  CHECK(testing::HasRelation(x, "country_mex", "participates_in", event));
  CHECK(testing::HasRelation(x, "country_mar", "participates_in", event));
  CHECK(testing::HasRelation(x, event, "held_in", "country_mar"));
}

TEST_CASE("An event is held only in a place near it in its clause",
          "[extract][relations][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nThe ministers met in Kuala Lumpur on July 9, 2025 for the 58th ASEAN Foreign "
      "Ministers' Meeting, with tensions in the South China Sea high on the agenda.",
      "en");
  const std::string event = OnlyEvent(x);
  REQUIRE_FALSE(event.empty());
  CHECK_FALSE(testing::HasRelation(x, event, "held_in", "location_south_china_sea"));
  CHECK(testing::HasRelation(x, event, "held_in", "location_kuala_lumpur"));
}

TEST_CASE("A country qualifying a place's kind locates it", "[extract][relations][located_in]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nSix personnes ont été tuées dans la province pakistanaise du Baloutchistan. Les "
      "pourparlers ont eu lieu dans la ville irakienne de Bassora.",
      "fr");
  CHECK(testing::HasRelation(fr, "location_balochistan", "located_in", "country_pak"));
  CHECK(testing::HasRelation(fr, "location_basra", "located_in", "country_irq"));
  const Extraction en = testing::ExtractText(
      "X\n\nThe talks were held in the Iraqi city of Basra. Korea will invest in Zambia's "
      "Copperbelt Province.",
      "en");
  CHECK(testing::HasRelation(en, "location_basra", "located_in", "country_irq"));
  bool copperbelt = false;
  for (const ExtractedRelation& r : en.relations) {
    copperbelt = copperbelt || (r.relation == "located_in" && r.target_id == "country_zmb");
  }
  CHECK(copperbelt);
  // A demonym qualifying people, not the place: no location.
  const Extraction people =
      testing::ExtractText("X\n\nThe Chinese delegation met in Paris on Monday.", "en");
  for (const ExtractedRelation& r : people.relations) CHECK(r.relation != "located_in");
}

TEST_CASE("People named by whom they represent act as it", "[extract][relations][groups]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLes chefs d'État et de gouvernement de la Communauté économique des États de "
      "l'Afrique de l'Ouest (CEDEAO), réunis en sommet samedi 14 février 2026 à Abuja, ont « "
      "condamné avec la plus grande fermeté » la Guinée-Bissau.",
      "fr");
  CHECK(testing::HasRelation(x, "organization_ecowas", "condemns", "country_gnb"));
  const Extraction en =
      testing::ExtractText("X\n\nThe leaders of ECOWAS condemned Guinea-Bissau.", "en");
  CHECK(testing::HasRelation(en, "organization_ecowas", "condemns", "country_gnb"));
  // Several owners act together.
  const Extraction two =
      testing::ExtractText("X\n\nThe leaders of India and Pakistan condemned Guinea-Bissau.", "en");
  CHECK(testing::HasRelation(two, "country_ind", "condemns", "country_gnb"));
  CHECK(testing::HasRelation(two, "country_pak", "condemns", "country_gnb"));
}

TEST_CASE("A place after an object locates it and is no object of its own",
          "[extract][relations]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLe Ghana a condamné le coup d'État survenu le 4 février 2026 en Guinée-Bissau.", "fr");
  bool coup = false;
  for (const ExtractedRelation& r : x.relations) {
    coup = coup || (r.relation == "condemns" && r.target_id.rfind("event_", 0) == 0);
  }
  CHECK(coup);
  CHECK_FALSE(testing::HasRelation(x, "country_gha", "condemns", "country_gnb"));
}

TEST_CASE("Welcoming an agreement is supporting it, not signing it",
          "[extract][relations][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nSouth Korea signed an agreement with Zambia on Tuesday, March 3, 2026.\n\nThe "
      "United States, which has backed the Lobito corridor, welcomed the deal.",
      "en");
  const std::string event = OnlyEvent(x);
  REQUIRE_FALSE(event.empty());
  CHECK(testing::HasRelation(x, "country_kor", "participates_in", event));
  CHECK_FALSE(testing::HasRelation(x, "country_usa", "participates_in", event));
  // Welcoming it is supporting it.
  CHECK(testing::HasRelation(x, "country_usa", "supports", event));
}

TEST_CASE("A resource naming an event is what it concerns", "[extract][relations][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nSouth Korea signed a critical minerals agreement with Zambia on Tuesday, March 3, "
      "2026.",
      "en");
  const std::string event = OnlyEvent(x);
  REQUIRE_FALSE(event.empty());
  CHECK(testing::HasRelation(x, event, "concerns", "resource_critical_minerals"));
}

TEST_CASE("Solidarity is support, and a quoted object stays inside the quote",
          "[extract][relations][supports]") {
  const Extraction en = testing::ExtractText(
      "X\n\nThe State Department said the United States \"stands with Indonesia\" and called on "
      "China to stop. NATO said it stood in full solidarity with Estonia.",
      "en");
  CHECK(testing::HasRelation(en, "country_usa", "supports", "country_idn"));
  CHECK_FALSE(testing::HasRelation(en, "country_usa", "supports", "country_chn"));
  CHECK(testing::HasRelation(en, "organization_nato", "supports", "country_est"));
  const Extraction fr =
      testing::ExtractText("X\n\nLa France a exprimé sa solidarité avec le Maroc.", "fr");
  CHECK(testing::HasRelation(fr, "country_fra", "supports", "country_mar"));
}

TEST_CASE("A sea or region before a topical forum's name is part of it",
          "[extract][relations][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nThe talks opened on Monday, November 23, 2026 at the fourth Baltic Sea Security Forum "
      "in Helsinki.",
      "en");
  CHECK(testing::HasRelation(x, "event_baltic_sea_security_forum_2026_11_23", "edition_of",
                             "forum_baltic_sea_security_forum"));
}

TEST_CASE("Only a verb takes its subject after it", "[extract][relations]") {
  const Extraction noun = testing::ExtractText(
      "X\n\nThe restriction applies to buyers in Serbia, Hungary and North Macedonia.", "en");
  CHECK_FALSE(testing::HasRelation(noun, "country_hun", "restricts", "country_srb"));
  const Extraction verb = testing::ExtractText(
      "OCS\n\nLe sommet a eu lieu le 20 mai 2025 à Astana. Autour de la table figuraient la "
      "Chine et la Russie.",
      "fr");
  const std::string event = OnlyEvent(verb);
  REQUIRE_FALSE(event.empty());
  CHECK(testing::HasRelation(verb, "country_chn", "participates_in", event));
}

TEST_CASE("A definite meeting or agreement refers back rather than dating a new one",
          "[extract][relations][events]") {
  const Extraction forum = testing::ExtractText(
      "X\n\nThe talks opened on Monday, November 23, 2026 at the fourth Baltic Sea Security Forum "
      "in Helsinki. The annual forum was created in 2023.",
      "en");
  for (const ExtractedEntity& e : forum.entities) {
    CAPTURE(e.id);
    CHECK(e.date != "2023");
  }
  const Extraction treaty = testing::ExtractText(
      "X\n\nFinland, which joined the alliance in April 2023, requested consultations under "
      "Article 4 of the North Atlantic Treaty.",
      "en");
  CHECK(OnlyEvent(treaty).empty());
}

TEST_CASE("A verb's noun takes its agent through de, of or from", "[extract][relations]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nL'attaque du 3 mars 2026 a suscité la condamnation du Togo et du Ghana.", "fr");
  const std::string attack = OnlyEvent(fr);
  REQUIRE_FALSE(attack.empty());
  CHECK(testing::HasRelation(fr, "country_tgo", "condemns", attack));
  CHECK(testing::HasRelation(fr, "country_gha", "condemns", attack));
  const Extraction en = testing::ExtractText(
      "X\n\nThe attack on March 3, 2026 drew condemnation from Togo and Ghana.", "en");
  const std::string en_attack = OnlyEvent(en);
  REQUIRE_FALSE(en_attack.empty());
  CHECK(testing::HasRelation(en, "country_tgo", "condemns", en_attack));
}

TEST_CASE("A place described in apposition is located in the country it names",
          "[extract][relations][located_in]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLe navire a été arraisonné à Aného, ville côtière du sud-est du Togo, dimanche.", "fr");
  bool togo = false;
  for (const ExtractedRelation& r : x.relations) {
    togo = togo || (r.relation == "located_in" && r.target_id == "country_tgo");
  }
  CHECK(togo);
  // A clause is no description: "a route that bypasses Russia".
  const Extraction y = testing::ExtractText(
      "X\n\nThe money goes to the port of Aktau, a route that bypasses Russia.", "en");
  CHECK_FALSE(testing::HasRelation(y, "location_aktau_port", "located_in", "country_rus"));
  for (const ExtractedRelation& r : y.relations) CHECK(r.target_id != "country_rus");
}

TEST_CASE("A measure named again is the earlier measure, not a new one",
          "[extract][relations][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nThe European Union imposed sanctions on Iran on Monday, October 19, 2026. Iran "
      "condemned the sanctions. Ukraine welcomed the sanctions.",
      "en");
  const std::string event = OnlyEvent(x);
  REQUIRE_FALSE(event.empty());
  CHECK(testing::HasRelation(x, "country_irn", "condemns", event));
  CHECK(testing::HasRelation(x, "country_ukr", "supports", event));
  // With its actor between: "the EU sanctions" are the sanctions, not the EU.
  const Extraction y = testing::ExtractText(
      "X\n\nThe European Union imposed sanctions on Iran on Monday, October 19, 2026. Iran's "
      "foreign ministry denounced the EU sanctions.",
      "en");
  const std::string sanctions = OnlyEvent(y);
  REQUIRE_FALSE(sanctions.empty());
  CHECK(testing::HasRelation(y, "country_irn", "condemns", sanctions));
  CHECK_FALSE(testing::HasRelation(y, "country_irn", "condemns", "organization_eu"));
  // Restrictive measures are a measure; "ces sanctions" names the latest of any head.
  const Extraction z = testing::ExtractText(
      "X\n\nLe Conseil de l'Union européenne a adopté le 2 juin 2025 des mesures restrictives "
      "contre trois entreprises soudanaises. Le Soudan a dénoncé ces sanctions.",
      "fr");
  const std::string measures = OnlyEvent(z);
  REQUIRE_FALSE(measures.empty());
  CHECK(testing::HasRelation(z, "country_sdn", "condemns", measures));
}

TEST_CASE("A negated verb that presupposes the relation leaves it standing",
          "[extract][relations][modality]") {
  const Extraction x = testing::ExtractText(
      "X\n\nRussia said on Monday that the new decision would not affect its cooperation with "
      "Iran in any way.",
      "en");
  bool asserted = false;
  for (const ExtractedRelation& r : x.relations) {
    if (r.relation == "cooperates_with") asserted = r.modality == "asserted";
  }
  CHECK(asserted);
  const Extraction y = testing::ExtractText(
      "X\n\nLa Russie n'a pas condamné l'Iran lundi, selon son ministère.", "fr");
  bool negated = false;
  for (const ExtractedRelation& r : y.relations) {
    if (r.relation == "condemns") negated = r.modality == "negated";
  }
  CHECK(negated);
}

TEST_CASE("An edition named by a demonstrative is the meeting being reported",
          "[extract][relations][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLa troisième Conférence des partenaires s'est tenue le 5 mai 2026 à Bujumbura. Cette "
      "édition a rassemblé les délégations du Rwanda, de l'Ouganda et de la Chine.",
      "fr");
  const std::string event = OnlyEvent(x);
  REQUIRE_FALSE(event.empty());
  CHECK(testing::MissingSources(x, {"country_rwa", "country_uga", "country_chn"}, "participates_in",
                                event)
            .empty());
}

TEST_CASE("Delegations and representatives stand for the countries after them",
          "[extract][relations][participation]") {
  const Extraction en = testing::ExtractText(
      "X\n\nThe summit of the African Union opened in Addis Ababa on June 3, 2025. Delegations "
      "from Egypt and Morocco attended the summit. Algeria sent a delegation to the summit. "
      "Kazakhstan sent deputy ministers. The "
      "summit brought together ministers from Rwanda and Uganda.",
      "en");
  const std::string e = OnlyEvent(en);
  REQUIRE_FALSE(e.empty());
  CHECK(testing::MissingSources(en,
                                {"country_egy", "country_mar", "country_dza", "country_kaz",
                                 "country_rwa", "country_uga"},
                                "participates_in", e)
            .empty());
  const Extraction fr = testing::ExtractText(
      "X\n\nLe sommet de l'Union africaine s'est ouvert à Addis-Abeba le 3 juin 2025. Des "
      "représentants de la Tanzanie et de la Zambie ont pris part au sommet. L'Angola était "
      "représenté au sommet par son ministre. Le sommet a rassemblé des ministres du Rwanda et de "
      "l'Ouganda.",
      "fr");
  const std::string f = OnlyEvent(fr);
  REQUIRE_FALSE(f.empty());
  CHECK(testing::MissingSources(
            fr, {"country_tza", "country_zmb", "country_ago", "country_rwa", "country_uga"},
            "participates_in", f)
            .empty());
  // A plain noun before the countries is no delegate: "a report from Egypt".
  const Extraction report = testing::ExtractText(
      "X\n\nThe summit of the African Union opened in Addis Ababa on June 3, 2025. A report "
      "from Egypt and Morocco reached the summit.",
      "en");
  CHECK_FALSE(testing::HasRelation(report, "country_egy", "participates_in", OnlyEvent(report)));
  // Representatives of an organisation; taking part in the present tense.
  const Extraction org = testing::ExtractText(
      "X\n\nLe sommet de l'Union africaine s'est ouvert à Addis-Abeba le 3 juin 2025. Des "
      "représentants de l'Union européenne assistent à la rencontre. La Banque mondiale prend "
      "part aux travaux.",
      "fr");
  CHECK(testing::MissingSources(org, {"organization_eu", "organization_world_bank"},
                                "participates_in", OnlyEvent(org))
            .empty());
  // After a dateline's dash; gathering without an event as subject; speaking
  // to it; the participants listed after the verb.
  const Extraction amman = testing::ExtractText(
      "X\nAMMAN, June 3, 2025 – Ministers from Jordan, Egypt and Iraq gathered in Amman on June "
      "3, 2025 for the second Amman Energy Summit. Oman's oil minister, Salim Al-Aufi, told the "
      "summit that exports would grow. Among the participants were Kuwait and Bahrain.",
      "en");
  const std::string summit = testing::EventWith(amman, "amman_energy_summit");
  REQUIRE(!summit.empty());
  CHECK(testing::MissingSources(amman,
                                {"country_jor", "country_egy", "country_irq",
                                 "person_salim_al_aufi", "country_kwt", "country_bhr"},
                                "participates_in", summit)
            .empty());
  // The members listed after a group the verb's object names.
  const Extraction twenty = testing::ExtractText(
      "X\n\nLe Forum africain de l'hydrogène a réuni le 3 juin 2025 des représentants de vingt "
      "pays, dont le Sénégal et le Mali.",
      "fr");
  CHECK(testing::MissingSources(twenty, {"country_sen", "country_mli"}, "participates_in",
                                testing::EventWith(twenty, "forum_africain"))
            .empty());
  // A group that takes part, its members listed after the verb.
  const Extraction thirty = testing::ExtractText(
      "X\n\nLe Forum africain de l'hydrogène s'est ouvert le 3 juin 2025 à Rabat. Plus de 30 "
      "pays participent au forum, dont l'Allemagne, la France et le Japon.",
      "fr");
  CHECK(testing::MissingSources(thirty, {"country_deu", "country_fra", "country_jpn"},
                                "participates_in", testing::EventWith(thirty, "forum_africain"))
            .empty());
  // Listed after a verb, past the participants: an article is no "de".
  const Extraction among = testing::ExtractText(
      "X\n\nLe sommet de l'Union africaine s'est ouvert à Addis-Abeba le 3 juin 2025. Parmi les "
      "participants figuraient le Nigeria, le Kenya et l'Éthiopie.",
      "fr");
  CHECK(testing::MissingSources(among, {"country_nga", "country_ken", "country_eth"},
                                "participates_in", OnlyEvent(among))
            .empty());
}

TEST_CASE("Who joins or does the same condemns too", "[extract][relations][condemnation]") {
  const Extraction en = testing::ExtractText(
      "X\n\nA suicide bombing killed twelve people in Kabul on June 3, 2025. Pakistan joined "
      "India in condemning the attack. China also condemned the attack, as did Russia.",
      "en");
  const std::string e = OnlyEvent(en);
  REQUIRE_FALSE(e.empty());
  CHECK(testing::MissingSources(en, {"country_pak", "country_ind", "country_chn", "country_rus"},
                                "condemns", e)
            .empty());
  CHECK_FALSE(testing::HasRelation(en, "country_chn", "condemns", "country_rus"));
  CHECK_FALSE(testing::HasRelation(en, "country_pak", "participates_in", e));
  const Extraction fr = testing::ExtractText(
      "X\n\nUn attentat a tué douze personnes à Kaboul le 3 juin 2025. Le Pakistan s'est joint à "
      "l'Inde pour condamner l'attaque. La Chine a également condamné l'attentat, tout comme la "
      "Russie.",
      "fr");
  const std::string f = OnlyEvent(fr);
  REQUIRE_FALSE(f.empty());
  CHECK(testing::MissingSources(fr, {"country_pak", "country_ind", "country_chn", "country_rus"},
                                "condemns", f)
            .empty());
  CHECK_FALSE(testing::HasRelation(fr, f, "held_in", "country_ind"));
  CHECK_FALSE(testing::HasRelation(fr, "country_pak", "participates_in", f));
}

TEST_CASE("Ministers with their portfolio and observers stand for their countries",
          "[extract][relations][participation]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLes ministres des Mines de l'Argentine, de la Bolivie et du Chili ont annoncé mercredi "
      "4 juin 2025 un accord à l'issue du deuxième Forum andin du lithium. Le Brésil et le "
      "Paraguay y ont envoyé des observateurs, de même que l'Union européenne et la Chine.",
      "fr");
  const std::string forum_event = testing::EventWith(x, "forum");
  REQUIRE(forum_event.find("forum_andin_du_lithium") != std::string::npos);
  CHECK(testing::HasRelation(x, forum_event, "edition_of", "forum_forum_andin_du_lithium"));
  CHECK(testing::MissingSources(x,
                                {"country_arg", "country_bol", "country_chl", "country_bra",
                                 "country_pry", "organization_eu", "country_chn"},
                                "participates_in", forum_event)
            .empty());
}

TEST_CASE("A relative after an organisation states its members", "[extract][relations]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nLa Communauté andine (CAN), dont la Bolivie, la Colombie et le Pérou sont membres, "
      "a appelé au calme.",
      "fr");
  CHECK(testing::MissingSources(fr, {"country_bol", "country_col", "country_per"}, "member_of",
                                "organization_andean_community")
            .empty());
  const Extraction en = testing::ExtractText(
      "X\n\nNATO, of which Sweden and Finland are members, reacted. The Andean Community, whose "
      "members include Bolivia and Peru, called for calm.",
      "en");
  CHECK(
      testing::MissingSources(en, {"country_swe", "country_fin"}, "member_of", "organization_nato")
          .empty());
  CHECK(testing::MissingSources(en, {"country_bol", "country_per"}, "member_of",
                                "organization_andean_community")
            .empty());
  // Without the relative, the countries before 'membres' are members of nothing said.
  const Extraction no = testing::ExtractText(
      "X\n\nLa CAN a appelé au calme. La Bolivie et le Pérou sont des membres actifs.", "fr");
  CHECK_FALSE(
      testing::HasRelation(no, "country_bol", "member_of", "organization_andean_community"));
}

TEST_CASE("Membership: an organisation before 'member', joining it, being part of it",
          "[extract][relations][member_of]") {
  const Extraction en = testing::ExtractText(
      "X\n\nNorway, which is not an EU member, joined the initiative. Poland, a NATO member, "
      "condemned the move. Mercosur members Brazil and Argentina backed the plan. Finland joined "
      "NATO in 2023. Georgia has applied to join the European Union.",
      "en");
  CHECK(testing::HasRelation(en, "country_pol", "member_of", "organization_nato"));
  CHECK(testing::HasRelation(en, "country_bra", "member_of", "organization_mercosur"));
  CHECK(testing::HasRelation(en, "country_arg", "member_of", "organization_mercosur"));
  CHECK(testing::HasRelation(en, "country_fin", "member_of", "organization_nato"));
  for (const ExtractedRelation& r : en.relations) {
    if (r.relation != "member_of" || r.target_id != "organization_eu") continue;
    CAPTURE(r.source_id);
    CHECK(r.modality == (r.source_id == "country_nor" ? "negated" : "intended"));
  }
  // Joining someone in an act is no membership.
  const Extraction act = testing::ExtractText(
      "X\n\nSweden joined NATO on Saturday in condemning the attack. Georgia joined the EU in a "
      "statement.",
      "en");
  CHECK_FALSE(testing::HasRelation(act, "country_swe", "member_of", "organization_nato"));
  CHECK_FALSE(testing::HasRelation(act, "country_geo", "member_of", "organization_eu"));
  const Extraction fr = testing::ExtractText("X\n\nLe Sénégal fait partie de la CEDEAO.", "fr");
  CHECK(testing::HasRelation(fr, "country_sen", "member_of", "organization_ecowas"));
}

TEST_CASE("A meeting concerns the topic it is on, addresses or was devoted to",
          "[extract][relations][concerns]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nLe sommet sur la sécurité énergétique s'est ouvert à Rabat le 4 juin 2025. La "
      "réunion abordera la sécurité alimentaire et les engrais.",
      "fr");
  const std::string f = OnlyEvent(fr);
  REQUIRE_FALSE(f.empty());
  for (const char* t : {"sector_energy_security", "sector_food_security", "resource_fertilizers"}) {
    CAPTURE(t);
    CHECK(testing::HasRelation(fr, f, "concerns", t));
  }
  CHECK(testing::HasRelation(fr, f, "held_in", "location_rabat"));
  const Extraction en = testing::ExtractText(
      "X\n\nA summit opened in Rabat on June 4, 2025. The meeting will address food security. "
      "The two-day conference was devoted to green hydrogen.",
      "en");
  const std::string e = OnlyEvent(en);
  REQUIRE_FALSE(e.empty());
  CHECK(testing::HasRelation(en, e, "concerns", "sector_food_security"));
  CHECK(testing::HasRelation(en, e, "concerns", "resource_hydrogen"));
}

TEST_CASE("An expulsion told by its verb is the event condemned later, and only it",
          "[extract][relations][condemnation]") {
  const Extraction x = testing::ExtractText(
      "X\n\nL'Équateur a expulsé jeudi 5 juin 2025 l'ambassadeur de Colombie. Le Brésil a "
      "condamné l'expulsion de l'ambassadeur colombien et appelé l'Équateur au dialogue.",
      "fr");
  const std::string e = OnlyEvent(x);
  REQUIRE_FALSE(e.empty());
  CHECK(testing::HasRelation(x, "country_bra", "condemns", e));
  CHECK_FALSE(testing::HasRelation(x, "country_bra", "condemns", "country_col"));
  CHECK_FALSE(testing::HasRelation(x, "country_bra", "condemns", "country_ecu"));
  const Extraction en = testing::ExtractText(
      "X\n\nEcuador expelled Colombia's ambassador on June 5, 2025. Brazil condemned the "
      "expulsion and the attack on the embassy.",
      "en");
  CHECK(testing::HasRelation(en, "country_bra", "condemns", testing::EventWith(en, "expulsion")));
}

TEST_CASE("Outrage at an incident condemns it; a second verb keeps the first one's subject",
          "[extract][relations][condemnation]") {
  const Extraction x = testing::ExtractText(
      "X\n\nDes hommes armés ont attaqué un poste de police à Karimama le 3 juin 2025. L'Union "
      "africaine a exprimé sa profonde indignation après l'attaque. Le Ghana a condamné l'attaque "
      "et exprimé sa solidarité avec le Bénin.",
      "fr");
  const std::string e = OnlyEvent(x);
  REQUIRE_FALSE(e.empty());
  CHECK(testing::HasRelation(x, "organization_african_union", "condemns", e));
  CHECK(testing::HasRelation(x, "country_gha", "condemns", e));
  CHECK(testing::HasRelation(x, "country_gha", "supports", "country_ben"));
  // An organisation speaks through its officer.
  const Extraction un = testing::ExtractText(
      "X\n\nDes hommes armés ont attaqué un poste de police à Karimama le 3 juin 2025. Le "
      "secrétaire général de l'ONU a condamné l'attaque.",
      "fr");
  CHECK(testing::HasRelation(un, "organization_un", "condemns", OnlyEvent(un)));
  const Extraction en = testing::ExtractText(
      "X\n\nGunmen stormed a police post in Karimama on June 3, 2025. The African Union "
      "expressed outrage at the attack.",
      "en");
  CHECK(testing::HasRelation(en, "organization_african_union", "condemns", OnlyEvent(en)));
}

TEST_CASE("Refraining from condemning negates the condemnation", "[extract][relations][modality]") {
  const Extraction x =
      testing::ExtractText("X\n\nLe président français s'est gardé de condamner la Chine.", "fr");
  bool found = false;
  for (const ExtractedRelation& r : x.relations) {
    if (r.relation != "condemns" || r.target_id != "country_chn") continue;
    found = true;
    CHECK(r.modality == "negated");
  }
  CHECK(found);
  const Extraction en =
      testing::ExtractText("X\n\nThe French president refrained from condemning China.", "en");
  for (const ExtractedRelation& r : en.relations) {
    if (r.relation == "condemns") CHECK(r.modality == "negated");
  }
}

TEST_CASE("An attack told by its verb is the incident condemned later",
          "[extract][relations][condemnation]") {
  const Extraction x = testing::ExtractText(
      "X\n\nDes hommes armés ont attaqué un poste frontière à Kandi le 3 juin 2025. Le Bénin a "
      "condamné avec la plus grande fermeté cette attaque terroriste. La France a également "
      "condamné l'assaut.",
      "fr");
  const std::string e = OnlyEvent(x);
  REQUIRE_FALSE(e.empty());
  CHECK(testing::HasRelation(x, e, "held_in", "location_kandi"));
  CHECK(testing::HasRelation(x, "country_ben", "condemns", e));
  CHECK(testing::HasRelation(x, "country_fra", "condemns", e));
  // No one supports the attack named for the verb after a solidarity.
  const Extraction y = testing::ExtractText(
      "X\n\nDes hommes armés ont attaqué un poste frontière à Kandi le 3 juin 2025. Le Togo a "
      "exprimé sa solidarité avec le Bénin et a dénoncé l'attaque.",
      "fr");
  CHECK(testing::HasRelation(y, "country_tgo", "supports", "country_ben"));
  CHECK(testing::HasRelation(y, "country_tgo", "condemns", OnlyEvent(y)));
  CHECK_FALSE(testing::HasRelation(y, "country_tgo", "supports", OnlyEvent(y)));
  const Extraction en = testing::ExtractText(
      "X\n\nGunmen stormed a border post in Kandi on June 3, 2025. Benin condemned in the "
      "strongest terms the attack.",
      "en");
  const std::string f = OnlyEvent(en);
  REQUIRE_FALSE(f.empty());
  CHECK(testing::HasRelation(en, "country_ben", "condemns", f));
}

TEST_CASE("An economy resting on a resource is its country's dependence",
          "[extract][relations][depends_on]") {
  const Extraction fr =
      testing::ExtractText("X\n\nL'économie du Niger repose sur l'uranium.", "fr");
  CHECK(testing::HasRelation(fr, "country_ner", "depends_on", "resource_uranium"));
  const Extraction en = testing::ExtractText("X\n\nNiger's economy hinges on uranium.", "en");
  CHECK(testing::HasRelation(en, "country_ner", "depends_on", "resource_uranium"));
}

TEST_CASE("Opening a meeting, being its guest of honour, taking the floor are taking part",
          "[extract][relations][participation]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nLe troisième Forum africain de l'hydrogène vert s'est ouvert à Rabat le 4 juin 2025. "
      "Le Premier ministre marocain a inauguré le forum. L'Allemagne était l'invitée d'honneur de "
      "cette édition. Le ministre égyptien de l'Énergie a pris la parole.",
      "fr");
  const std::string f = OnlyEvent(fr);
  REQUIRE_FALSE(f.empty());
  CHECK(testing::MissingSources(fr, {"country_mar", "country_deu", "country_egy"},
                                "participates_in", f)
            .empty());
  const Extraction en = testing::ExtractText(
      "X\n\nThe third African Green Hydrogen Forum opened in Rabat on June 4, 2025. Morocco's "
      "prime minister inaugurated the forum. Germany was the guest of honour at this edition.",
      "en");
  CHECK(testing::HasRelation(en, "event_african_green_hydrogen_forum_2025_06_04", "edition_of",
                             "forum_african_green_hydrogen_forum"));
  CHECK(testing::MissingSources(en, {"country_mar", "country_deu"}, "participates_in",
                                "event_african_green_hydrogen_forum_2025_06_04")
            .empty());
}

TEST_CASE("After a possessive, an adjective of nationality is no actor",
          "[extract][relations][restriction]") {
  const Extraction x = testing::ExtractText(
      "X\n\nCanada added five Iranian entities to its sanctions list on June 4, 2025.", "en");
  for (const ExtractedRelation& r : x.relations) {
    CAPTURE(r.source_id, r.relation, r.target_id);
    CHECK(r.source_id != "country_irn");
  }
  CHECK(testing::HasEntity(x, "event_canada_sanctions_2025_06_04"));
}

TEST_CASE("A host named before the meeting it hosts", "[extract][relations][participation]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nOrganisé par le Maroc, le Forum africain de l'hydrogène vert a réuni mardi 4 juin "
      "2025 à Rabat des délégations de 30 pays. Le Sénégal a accueilli mardi 5 juin 2025 à Dakar "
      "la deuxième édition du Forum ouest-africain du cacao.",
      "fr");
  for (const ExtractedEntity& e : fr.entities) {
    if (e.category != "event") continue;
    CAPTURE(e.id);
    const char* host = e.id.find("cacao") != std::string::npos ? "country_sen" : "country_mar";
    CHECK(testing::HasRelation(fr, host, "participates_in", e.id));
  }
  const Extraction en = testing::ExtractText(
      "X\n\nHosted by Morocco, the African Green Hydrogen Forum opened in Rabat on June 4, 2025.",
      "en");
  CHECK(testing::HasRelation(en, "country_mar", "participates_in",
                             "event_african_green_hydrogen_forum_2025_06_04"));
}

TEST_CASE("Represented by someone is taking part, not being acted on",
          "[extract][relations][participation]") {
  const Extraction en = testing::ExtractText(
      "X\n\nThe summit opened in Amman on June 4, 2025. Iraq was represented by its oil "
      "minister.",
      "en");
  CHECK(testing::HasRelation(en, "country_irq", "participates_in", OnlyEvent(en)));
  const Extraction fr = testing::ExtractText(
      "X\n\nLe sommet s'est ouvert à Amman le 4 juin 2025. L'Irak était représenté par son "
      "ministre du Pétrole.",
      "fr");
  CHECK(testing::HasRelation(fr, "country_irq", "participates_in", OnlyEvent(fr)));
}

TEST_CASE("A place is in the country a parenthesis, a demonym or a bare preposition names",
          "[extract][relations][located_in]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nLes ministres se sont réunis à Nouakchott, la capitale mauritanienne. L'attaque a visé "
      "un poste à Kandi (nord du Bénin). La mine se trouve près d'Antofagasta au Chili.",
      "fr");
  CHECK(testing::HasRelation(fr, "location_nouakchott", "located_in", "country_mrt"));
  CHECK(testing::HasRelation(fr, "location_kandi", "located_in", "country_ben"));
  CHECK(testing::HasRelation(fr, "location_antofagasta", "located_in", "country_chl"));
  // "La mine" opening a sentence names no place.
  for (const ExtractedEntity& e : fr.entities) CHECK(e.label.find("mine") == std::string::npos);
  const Extraction en = testing::ExtractText(
      "X\n\nThe Noor plant is located in Ouarzazate in southern Morocco. The attack targeted a "
      "post in Kandi (northern Benin). Talks in Ouarzazate in March went well.",
      "en");
  CHECK(testing::HasRelation(en, "location_ouarzazate", "located_in", "country_mar"));
  CHECK(testing::HasRelation(en, "location_kandi", "located_in", "country_ben"));
}

TEST_CASE("An event named again is placed only by what follows it, an embassy is its country",
          "[extract][relations][held_in]") {
  const Extraction x = testing::ExtractText(
      "X\n\nUn incendie criminel a détruit le 3 juin 2025 un campement près de Salta. "
      "L'ambassade de Chine à Buenos Aires a dénoncé cet incendie criminel.",
      "fr");
  const std::string e = OnlyEvent(x);
  REQUIRE_FALSE(e.empty());
  CHECK(testing::HasRelation(x, "country_chn", "condemns", e));
  CHECK_FALSE(testing::HasRelation(x, e, "held_in", "location_buenos_aires"));
}

TEST_CASE("A phrase after a fused article inside the clause is no subject",
          "[extract][relations][subjects]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLe forum s'est ouvert à Salta le 4 juin 2025. L'Allemagne a signé en marge du forum "
      "un accord de partenariat avec l'Argentine.",
      "fr");
  CHECK(testing::HasRelation(x, "country_deu", "cooperates_with", "country_arg"));
  // A sentence-opening "Des" still opens the subject.
  const Extraction y = testing::ExtractText(
      "X\n\nLe sommet de l'Union africaine s'est ouvert à Addis-Abeba le 3 juin 2025. Des "
      "délégations de l'Égypte ont assisté au sommet.",
      "fr");
  CHECK(testing::HasRelation(y, "country_egy", "participates_in", OnlyEvent(y)));
}

TEST_CASE("'Les trois ministres' are the last three named together",
          "[extract][relations][groups]") {
  const Extraction x = testing::ExtractText(
      "X\n\nUn incendie criminel a détruit le 3 juin 2025 un campement près de Salta. Les "
      "ministres de l'Argentine, de la Bolivie et du Chili se sont réunis à Salta. Les trois "
      "ministres ont condamné l'incendie criminel.",
      "fr");
  const std::string e = testing::EventWith(x, "arson");
  REQUIRE_FALSE(e.empty());
  CHECK(testing::MissingSources(x, {"country_arg", "country_bol", "country_chl"}, "condemns", e)
            .empty());
}

TEST_CASE("Joining in a statement, ministers past their portfolios",
          "[extract][relations][participation]") {
  const Extraction x = testing::ExtractText(
      "X\n\nA bombing killed ten people in Suva on June 4, 2025. The conference opened in Suva "
      "on June 4, 2025. Fiji, Samoa and Vanuatu joined Tonga on Tuesday in a joint statement "
      "condemning the attack. The conference brought together fisheries and foreign ministers "
      "from Australia, New Zealand and Palau.",
      "en");
  const std::string attack = testing::EventWith(x, "bombing");
  const std::string conference = testing::EventWith(x, "conference");
  CHECK(testing::MissingSources(x, {"country_fji", "country_wsm", "country_vut", "country_ton"},
                                "condemns", attack)
            .empty());
  CHECK(testing::MissingSources(x, {"country_aus", "country_nzl", "country_plw"}, "participates_in",
                                conference)
            .empty());
}

TEST_CASE("A city before its country places an event, not the country",
          "[extract][relations][held_in]") {
  const Extraction x = testing::ExtractText(
      "X\n\nDes ministres se sont retrouvés mardi 3 juin 2025 à Dakhla, au Maroc, pour le premier "
      "sommet africain de l'hydrogène.",
      "fr");
  const std::string summit = testing::EventWith(x, "summit");
  REQUIRE(!summit.empty());
  CHECK(testing::HasRelation(x, summit, "held_in", "location_dakhla"));
  CHECK_FALSE(testing::HasRelation(x, summit, "held_in", "country_mar"));
}

TEST_CASE("A city naming a meeting is where it is, not a party to what is said of it",
          "[extract][relations]") {
  const Extraction x = testing::ExtractText(
      "X\n\nNegotiators met in Almaty on June 6, 2025 for a new round of talks. The European "
      "Union welcomed the Almaty talks.",
      "en");
  CHECK_FALSE(testing::HasRelation(x, "organization_eu", "supports", "location_almaty"));
  CHECK(testing::HasRelation(x, "organization_eu", "supports", testing::EventWith(x, "talks")));
}

TEST_CASE("A quoted object closed by its quote and a comma ends there", "[extract][relations]") {
  const Extraction x = testing::ExtractText(
      "X\n\nThe European Union said it stood ready to support \"every step towards peace\", and "
      "Washington said the talks showed progress.",
      "en");
  CHECK_FALSE(testing::HasRelation(x, "organization_eu", "supports", "country_usa"));
}

TEST_CASE("A meeting named again is not placed a second time", "[extract][relations][held_in]") {
  const Extraction x = testing::ExtractText(
      "X\n\nThe forum opened in Aktau on June 4, 2025. Delegates from Georgia said the forum, "
      "like the talks in Tbilisi, had been a success.",
      "en");
  const std::string e = OnlyEvent(x);
  REQUIRE_FALSE(e.empty());
  CHECK(testing::HasRelation(x, e, "held_in", "location_aktau"));
  CHECK_FALSE(testing::HasRelation(x, e, "held_in", "location_tbilisi"));
}

TEST_CASE("'Between' names all the parties of a cooperation", "[extract][relations][cooperation]") {
  const Extraction x =
      testing::ExtractText("X\n\nThe EU welcomed the agreement between Chile and France.", "en");
  CHECK(testing::HasRelation(x, "country_chl", "cooperates_with", "country_fra"));
  CHECK_FALSE(testing::HasRelation(x, "organization_eu", "cooperates_with", "country_chl"));
  CHECK_FALSE(testing::HasRelation(x, "organization_eu", "cooperates_with", "country_fra"));
  const Extraction y =
      testing::ExtractText("X\n\nL'UE a salué l'accord entre le Chili et la France.", "fr");
  CHECK(testing::HasRelation(y, "country_chl", "cooperates_with", "country_fra"));
  CHECK_FALSE(testing::HasRelation(y, "organization_eu", "cooperates_with", "country_chl"));
}

TEST_CASE("A topic before a title is no actor", "[extract][relations][subjects]") {
  const Extraction x = testing::ExtractText(
      "X\n\nThe forum opened in Rabat on June 4, 2025. Egypt's energy minister addressed the "
      "forum.",
      "en");
  CHECK(testing::HasRelation(x, "country_egy", "participates_in", OnlyEvent(x)));
}

TEST_CASE("Who names the object in a free relative is no object",
          "[extract][relations][condemnation]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nMadagascar et les Comores se sont joints jeudi à Maurice pour condamner ce que le "
      "gouvernement mauricien a qualifié d'« acte de piraterie » contre un thonier.",
      "fr");
  CHECK_FALSE(testing::HasRelation(fr, "country_mdg", "condemns", "country_mus"));
  CHECK_FALSE(testing::HasRelation(fr, "country_com", "condemns", "country_mus"));
  const Extraction en = testing::ExtractText(
      "X\n\nA ship was seized near Aden on June 3, 2025. The Security Council condemned what "
      "Yemen called a pirate attack on the vessel.",
      "en");
  for (const ExtractedRelation& r : en.relations) {
    CHECK_FALSE((r.relation == "condemns" && r.target_id == "country_yem"));
  }
  // The one joined past a date acts too: "se sont joints jeudi à Maurice".
  const Extraction joined = testing::ExtractText(
      "X\n\nUn attentat a tué douze personnes à Kaboul le 3 juin 2025. Madagascar s'est joint "
      "jeudi à Maurice pour condamner l'attaque.",
      "fr");
  const std::string e = OnlyEvent(joined);
  REQUIRE_FALSE(e.empty());
  CHECK(testing::HasRelation(joined, "country_mdg", "condemns", e));
  CHECK(testing::HasRelation(joined, "country_mus", "condemns", e));
}

TEST_CASE("An incident named another way is the latest incident", "[extract][relations][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nA suicide bombing killed twelve people in Kabul on June 3, 2025. The attack was "
      "condemned by Iran and Turkey.",
      "en");
  const std::string e = OnlyEvent(x);
  REQUIRE_FALSE(e.empty());
  CHECK(testing::HasRelation(x, "country_irn", "condemns", e));
  CHECK(testing::HasRelation(x, "country_tur", "condemns", e));
}

TEST_CASE("A negation of several words negates", "[extract][relations][modality]") {
  for (const char* text :
       {"X\n\nA collision occurred near Natuna on June 3, 2025. Malaysia declined to condemn the "
        "collision.",
        "X\n\nMalaysia refused to condemn China."}) {
    CAPTURE(text);
    const Extraction x = testing::ExtractText(text, "en");
    bool any = false;
    for (const ExtractedRelation& r : x.relations) {
      if (r.relation != "condemns") continue;
      any = true;
      CHECK(r.modality == "negated");
    }
    CHECK(any);
  }
}

TEST_CASE("A place is in the country its kind or description names",
          "[extract][relations][located_in]") {
  const Extraction en = testing::ExtractText(
      "X\n\nOfficials met in the Kazakh city of Aktobe. Delegates then arrived in Aktau, a port "
      "city on the Caspian coast of Kazakhstan, and in Salta, in northern Argentina.",
      "en");
  CHECK(testing::HasRelation(en, "location_aktobe", "located_in", "country_kaz"));
  CHECK(testing::HasRelation(en, "location_aktau", "located_in", "country_kaz"));
  CHECK(testing::HasRelation(en, "location_salta", "located_in", "country_arg"));
  const Extraction fr = testing::ExtractText(
      "X\n\nLes responsables se sont réunis dans la ville kazakhe d'Aktobe. Kandi, dans le nord "
      "du Bénin, a été attaquée.",
      "fr");
  CHECK(testing::HasRelation(fr, "location_aktobe", "located_in", "country_kaz"));
  CHECK(testing::HasRelation(fr, "location_kandi", "located_in", "country_ben"));
  // A route is no description: "through the Bulgaria-Serbia interconnector".
  const Extraction route = testing::ExtractText(
      "X\n\nGas from the Caspian Sea, will reach the country through the Bulgaria-Serbia "
      "interconnector.",
      "en");
  CHECK_FALSE(testing::HasRelation(route, "location_caspian_sea", "located_in", "country_bgr"));
}

TEST_CASE("A meeting's own complement does not hide its date", "[extract][relations][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLe sommet de Nairobi s'est ouvert le 3 mars 2026 au Kenya. L'Éthiopie et la Somalie "
      "ont participé au sommet.",
      "fr");
  const std::string event = OnlyEvent(x);
  REQUIRE_FALSE(event.empty());
  CHECK(testing::HasRelation(x, "country_eth", "participates_in", event));
  CHECK(testing::HasRelation(x, "country_som", "participates_in", event));
}

TEST_CASE("The one who reports at the end of a sentence is no actor in it",
          "[extract][relations][reporting]") {
  // The reporter is recorded on the relation, and never its source.
  const auto check = [](const Extraction& x, const std::string& actor,
                        const std::string& reporter) {
    bool found = false;
    for (const ExtractedRelation& r : x.relations) {
      CAPTURE(r.source_id, r.relation, r.target_id, r.reported_by);
      CHECK(r.source_id != reporter);
      if (r.source_id == actor && r.relation == "condemns") {
        found = true;
        CHECK(r.reported_by == reporter);
      }
    }
    CHECK(found);
  };
  check(testing::ExtractText(
            "X\n\nGhana condemned the attack on Monday, March 2, 2026, India said.", "en"),
        "country_gha", "country_ind");
  check(testing::ExtractText(
            "X\n\nLe Ghana a condamné l'attaque du 2 mars 2026, a déclaré la Russie.", "fr"),
        "country_gha", "country_rus");
  // An apposition before "said" is the speaker of what follows, not a report.
  const Extraction apposition = testing::ExtractText(
      "X\n\nIndia's agriculture minister, Rajeev Menon, said India condemned the attack of "
      "March 2, 2026.",
      "en");
  bool india = false;
  for (const ExtractedRelation& r : apposition.relations) {
    if (r.source_id == "country_ind" && r.relation == "condemns") {
      india = true;
      CHECK(r.reported_by.empty());
    }
  }
  CHECK(india);
}

TEST_CASE("Places after a non-event object are objects of their own",
          "[extract][relations][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nThe fourth Baltic Sea Security Forum opened on Monday, November 23, 2026. The forum "
      "brought together defence and foreign ministers from Denmark, Estonia and Finland.",
      "en");
  CHECK(testing::MissingSources(x, {"country_dnk", "country_est", "country_fin"}, "participates_in",
                                "event_baltic_sea_security_forum_2026_11_23")
            .empty());
}

TEST_CASE("Who speaks at a meeting, or chairs it, takes part in it",
          "[extract][relations][events]") {
  const Extraction en = testing::ExtractText(
      "X\n\nThe Geneva Water Summit opened on Monday, March 2, 2026 in Geneva. Kenya chaired "
      "the summit. Speaking at the summit, Indian Foreign Minister Ravi Kumar said India would "
      "support Nepal. On the sidelines of the summit, Brazil met Argentina. Peru addressed the "
      "summit on Tuesday.",
      "en");
  const std::string summit = "event_geneva_water_summit_2026_03_02";
  CHECK(testing::MissingSources(en,
                                {"country_ken", "person_ravi_kumar", "country_ind", "country_bra",
                                 "country_arg", "country_per"},
                                "participates_in", summit)
            .empty());
  const Extraction fr = testing::ExtractText(
      "X\n\nLe sommet de l'Union africaine s'est ouvert le 2 mars 2026 à Addis-Abeba. Le Kenya "
      "a présidé le sommet. Le Ghana a plaidé pour la paix lors du sommet. En marge du sommet, "
      "le Niger a rencontré le Tchad. Le Sénégal s'est exprimé devant le sommet. Le Mali a "
      "parlé à l'issue du sommet.",
      "fr");
  std::string sommet;
  for (const ExtractedEntity& e : fr.entities) {
    if (e.category == "event") sommet = e.id;
  }
  REQUIRE(!sommet.empty());
  for (const char* who :
       {"country_ken", "country_gha", "country_ner", "country_tcd", "country_sen", "country_mli"}) {
    CAPTURE(who, sommet);
    CHECK(testing::HasRelation(fr, who, "participates_in", sommet));
  }
  // A place after "at" is no meeting.
  const Extraction place =
      testing::ExtractText("X\n\nKenya signed a loan at Nairobi on March 2, 2026.", "en");
  for (const ExtractedRelation& r : place.relations) CHECK(r.relation != "participates_in");
}

TEST_CASE("An anaphor that names no one is still the subject", "[extract][relations]") {
  // "les dirigeants" (no meeting's participants known) examine the option,
  // not the mediator named before the relative clause.
  const Extraction x = testing::ExtractText(
      "X\n\nLe Mali a proposé une mission conduite par l'ancien président ghanéen John "
      "Mensah-Ofori, une option que les dirigeants doivent examiner lors de leur prochain "
      "sommet, prévu en juin à Accra.",
      "fr");
  for (const ExtractedRelation& r : x.relations) {
    CAPTURE(r.source_id, r.target_id);
    CHECK_FALSE((r.relation == "participates_in" &&
                 (r.source_id == "person_john_mensah_ofori" || r.source_id == "country_gha")));
  }
}

TEST_CASE("A state acts through the organ that opens its clause, or before a fronted participle",
          "[extract][relations]") {
  const auto condemns_attack = [](const Extraction& x, const std::string& who) {
    for (const ExtractedRelation& r : x.relations) {
      if (r.source_id == who && r.relation == "condemns" &&
          r.target_id.rfind("event_attack_2026_03_03", 0) == 0) {
        return true;
      }
    }
    return false;
  };
  const std::string fr = "X\n\nUne attaque a fait dix morts le 3 mars 2026 à Kandi. ";
  for (const auto& [text, who] : std::vector<std::pair<std::string, std::string>>{
           {"Le gouvernement du Togo a condamné l'attaque.", "country_tgo"},
           {"Les autorités du Bénin ont condamné l'attaque.", "country_ben"},
           {"Le ministère des Affaires étrangères du Ghana a condamné l'attaque.", "country_gha"},
           {"Condamnant l'attaque, le Sénégal a appelé au calme.", "country_sen"},
           {"Le Niger a condamné lundi l'attaque.", "country_ner"}}) {
    CAPTURE(text);
    CHECK(condemns_attack(testing::ExtractText(fr + text, "fr"), who));
  }
  const std::string en = "X\n\nAn attack killed ten soldiers on March 3, 2026 in Kandi. ";
  for (const auto& [text, who] : std::vector<std::pair<std::string, std::string>>{
           {"The government of Togo condemned the attack.", "country_tgo"},
           {"The foreign ministry of Benin condemned the attack.", "country_ben"},
           {"Condemning the attack, Senegal called for calm.", "country_sen"},
           {"Niger condemned on Saturday the attack.", "country_ner"},
           {"The African Union expressed its strong condemnation of the attack.",
            "organization_african_union"}}) {
    CAPTURE(text);
    CHECK(condemns_attack(testing::ExtractText(en + text, "en"), who));
  }
}

TEST_CASE("Protests and summoning an envoy condemn", "[extract][relations]") {
  const Extraction en = testing::ExtractText(
      "X\n\nIndonesia summoned China's ambassador and lodged a formal protest.", "en");
  CHECK(testing::HasRelation(en, "country_idn", "condemns", "country_chn"));
  const Extraction fr = testing::ExtractText("X\n\nLe Togo a protesté contre le Bénin.", "fr");
  CHECK(testing::HasRelation(fr, "country_tgo", "condemns", "country_ben"));
}

TEST_CASE("An incident is not dated by the verb that reports it", "[extract][relations][events]") {
  // Saturday (June 7, 2025 is the article date) is when Finland condemned,
  // not when the attack took place.
  for (const char* text : {"X\n\nFinland on Saturday condemned the attack in Helsinki.",
                           "X\n\nFinland condemned on Saturday the attack in Helsinki."}) {
    CAPTURE(text);
    const Extraction x = testing::ExtractText(text, "en");
    for (const ExtractedEntity& e : x.entities) CHECK(e.date != "2025-06-07");
    CHECK(testing::HasEntity(x, "location_helsinki"));
  }
  // Its own date, right before it, still dates it.
  const Extraction own =
      testing::ExtractText("X\n\nFinland condemned the June 2 attack in Helsinki.", "en");
  bool dated = false;
  for (const ExtractedEntity& e : own.entities) dated = dated || e.date == "2025-06-02";
  CHECK(dated);
}

TEST_CASE("A noun's own complement comes before its object, a gloss after its subject",
          "[extract][relations]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nLa Tanzanie et le Programme alimentaire mondial (PAM) ont annoncé jeudi une aide "
      "d'urgence de 38 millions de dollars en faveur du Burundi.",
      "fr");
  CHECK(testing::HasRelation(fr, "country_tza", "supports", "country_bdi"));
  CHECK(testing::HasRelation(fr, "organization_wfp", "supports", "country_bdi"));
  const Extraction en = testing::ExtractText(
      "X\n\nJapan announced emergency aid worth 38 million dollars for Burundi.", "en");
  CHECK(testing::HasRelation(en, "country_jpn", "supports", "country_bdi"));
  // A name in the complement is the noun's agent.
  const Extraction agent =
      testing::ExtractText("X\n\nL'aide de la Chine au Burundi a doublé en 2025.", "fr");
  CHECK(testing::HasRelation(agent, "country_chn", "supports", "country_bdi"));
}

TEST_CASE("After a reason, only the incident it names is an object; a dateline country no actor",
          "[extract][relations]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLUXEMBOURG – The European Union on Monday imposed sanctions on Iran over the "
      "transfer of missiles to Russia, freezing the assets of four Iranian companies.",
      "en");
  CHECK(testing::HasRelation(x, "organization_eu", "restricts", "country_irn"));
  CHECK_FALSE(testing::HasRelation(x, "organization_eu", "restricts", "country_rus"));
  for (const ExtractedRelation& r : x.relations) CHECK(r.source_id != "country_lux");
  const Extraction y = testing::ExtractText(
      "X\n\nA collision near Second Thomas Shoal took place on June 2, 2025. The Philippines "
      "criticised China over the collision.",
      "en");
  CHECK(testing::HasRelation(y, "country_phl", "condemns", "country_chn"));
  bool incident = false;
  for (const ExtractedRelation& r : y.relations) {
    incident = incident || (r.source_id == "country_phl" && r.relation == "condemns" &&
                            r.target_id.rfind("event_", 0) == 0);
  }
  CHECK(incident);
  const Extraction fr = testing::ExtractText(
      "X\n\nLa Belgique a gelé son aide au Burundi en raison de la répression au Rwanda.", "fr");
  CHECK(testing::HasRelation(fr, "country_bel", "restricts", "country_bdi"));
  CHECK_FALSE(testing::HasRelation(fr, "country_bel", "restricts", "country_rwa"));
}

TEST_CASE("A place described by the part of a country it lies in is located there",
          "[extract][relations][places]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nUne attaque a visé un poste militaire à Kandi, dans le nord du Bénin.", "fr");
  CHECK(testing::HasRelation(fr, "location_kandi", "located_in", "country_ben"));
  const Extraction en = testing::ExtractText(
      "X\n\nThe engine maker is based in Isfahan, in central Iran. The boat sank north of the "
      "Natuna Islands, in Indonesia's Riau Islands province.",
      "en");
  CHECK(testing::HasRelation(en, "location_isfahan", "located_in", "country_irn"));
  CHECK(testing::HasRelation(en, "location_riau_islands_province", "located_in", "country_idn"));
  // Not what a clause does there: "in talks with Iran".
  const Extraction talks =
      testing::ExtractText("X\n\nThe ministers met in Geneva, in talks with Iran.", "en");
  CHECK_FALSE(testing::HasRelation(talks, "location_geneva", "located_in", "country_irn"));
  // Past a named part, past a comma before the country, after a post's name.
  const Extraction parts = testing::ExtractText(
      "X\n\nLe village de Kirants, dans la province de Tavush en Arménie, a été touché. L'attaque "
      "a eu lieu à Kérou, une localité du département de l'Atacora, au Bénin. Elle a visé le poste "
      "de Porga, situé dans le nord-ouest du Bénin.",
      "fr");
  CHECK(testing::HasRelation(parts, "location_kirants", "located_in", "country_arm"));
  CHECK(testing::HasRelation(parts, "location_kerou", "located_in", "country_ben"));
  CHECK(testing::HasRelation(parts, "location_porga", "located_in", "country_ben"));
}

TEST_CASE("A French meeting named by lower-case words and a proper name, described up front",
          "[extract][relations][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nCes annonces ont été faites en marge de la troisième Conférence des partenaires au "
      "développement du Burundi, réunie mardi et mercredi, les 5 et 6 mai 2026, à Bujumbura. "
      "Consacrée à la sécurité alimentaire et à l'agriculture, cette édition a rassemblé le "
      "Rwanda et l'Ouganda.",
      "fr");
  std::string event;  // dated by "mardi" (the article is dated 2025-06-07)
  for (const ExtractedEntity& e : x.entities) {
    if (e.id.rfind("event_conference_des_partenaires_au_developpement_du_burundi", 0) == 0) {
      event = e.id;
    }
  }
  REQUIRE_FALSE(event.empty());
  CHECK(testing::HasRelation(x, event, "edition_of",
                             "forum_conference_des_partenaires_au_developpement_du_burundi"));
  CHECK(testing::HasRelation(x, event, "held_in", "location_bujumbura"));
  CHECK(testing::HasRelation(x, event, "concerns", "sector_food_security"));
  CHECK(testing::HasRelation(x, event, "concerns", "sector_agriculture"));
  CHECK(testing::HasRelation(x, "country_rwa", "participates_in", event));
  // A possessor is not where an event takes place.
  const Extraction y = testing::ExtractText(
      "X\n\nThe collision occurred on Monday, August 10, 2026, in Indonesia's Riau Islands "
      "province.",
      "en");
  for (const ExtractedRelation& r : y.relations) {
    CHECK_FALSE((r.relation == "held_in" && r.target_id == "country_idn"));
  }
}

TEST_CASE("A share of the world's output is control of it", "[extract][relations]") {
  const Extraction en = testing::ExtractText(
      "X\n\nChina produces about 98% of the world's gallium and refines more than 40% of "
      "global copper. Chile is the world's largest producer of lithium.",
      "en");
  CHECK(testing::HasRelation(en, "country_chn", "controls", "resource_gallium"));
  CHECK(testing::HasRelation(en, "country_chn", "controls", "resource_copper"));
  CHECK(testing::HasRelation(en, "country_chl", "controls", "resource_lithium"));
  const Extraction fr = testing::ExtractText(
      "X\n\nLa Chine assure près de 80 % de l'extraction mondiale de graphite.", "fr");
  CHECK(testing::HasRelation(fr, "country_chn", "controls", "resource_graphite"));
}

TEST_CASE("An organisation that groups countries has them as members", "[extract][relations]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nL'Alliance des États du Sahel (AES), qui regroupe le Mali, le Burkina Faso et le "
      "Niger, a quitté la CEDEAO.",
      "fr");
  const Extraction en = testing::ExtractText(
      "X\n\nThe Alliance of Sahel States, which groups Mali, Burkina Faso and Niger, left "
      "ECOWAS.",
      "en");
  for (const Extraction* x : {&fr, &en}) {
    CHECK(testing::MissingSources(*x, {"country_mli", "country_bfa", "country_ner"}, "member_of",
                                  "organization_aes")
              .empty());
  }
}

TEST_CASE("People named by a capitalised portfolio opening the clause stand for their countries",
          "[extract][relations][participation]") {
  const Extraction x = testing::ExtractText(
      "X\n\nThe summit opened in Riyadh on November 24, 2026. Foreign ministers of Qatar and "
      "Kuwait attended. Energy ministers from Oman attended the summit.",
      "en");
  for (const char* c : {"country_qat", "country_kwt", "country_omn"}) {
    INFO(c);
    CHECK(testing::HasRelation(x, c, "participates_in", "event_riyadh_summit_2026_11_24"));
  }
}

TEST_CASE("A name's acronym in parentheses neither breaks a list nor hides a place",
          "[extract][relations][coordination]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLe forum s'est ouvert le 14 mars 2026 à Rabat. Le Ghana, la Banque africaine de "
      "développement (BAD) et l'Union européenne ont pris part au forum.",
      "fr");
  for (const char* c : {"country_gha", "organization_afdb", "organization_eu"}) {
    INFO(c);
    CHECK(testing::HasRelation(x, c, "participates_in", "event_rabat_forum_2026_03_14"));
  }
  const Extraction y = testing::ExtractText(
      "X\n\nLa 3e édition du Forum africain de l'énergie solaire (FAES) s'est ouverte samedi 14 "
      "mars 2026 à Ouarzazate.",
      "fr");
  CHECK(testing::HasRelation(y, "event_forum_africain_de_l_energie_solaire_2026_03_14", "held_in",
                             "location_ouarzazate"));
}

TEST_CASE("Those alongside whom an actor takes part take part too",
          "[extract][relations][participation]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nLe forum s'est ouvert le 14 mars 2026 à Rabat. La Côte d'Ivoire a pris part aux "
      "travaux, aux côtés de représentants de la Banque africaine de développement.",
      "fr");
  CHECK(testing::HasRelation(fr, "country_civ", "participates_in", "event_rabat_forum_2026_03_14"));
  CHECK(testing::HasRelation(fr, "organization_afdb", "participates_in",
                             "event_rabat_forum_2026_03_14"));
  const Extraction en = testing::ExtractText(
      "X\n\nThe forum opened in Rabat on March 14, 2026. Kenya took part in the talks alongside "
      "representatives of the African Union.",
      "en");
  CHECK(testing::HasRelation(en, "organization_african_union", "participates_in",
                             "event_rabat_forum_2026_03_14"));
}

TEST_CASE("A wave of condemnations names who condemned after it",
          "[extract][relations][condemns]") {
  const Extraction x = testing::ExtractText(
      "X\n\nUne attaque a fait dix morts le 11 mars 2025 à Tillabéri. L'attaque a suscité une "
      "vague de condamnations, notamment du Togo, du Ghana et de l'Union africaine.",
      "fr");
  for (const char* c : {"country_tgo", "country_gha", "organization_african_union"}) {
    INFO(c);
    CHECK(testing::HasRelation(x, c, "condemns", "event_attack_2025_03_11"));
  }
}

TEST_CASE("An apposition between the subject and its verb is skipped",
          "[extract][relations][subject]") {
  const Extraction x = testing::ExtractText(
      "X\n\nUne attaque a fait 23 morts le 8 février 2026 près de Ménaka. Moscou, partenaire "
      "sécuritaire de Bamako, a également dénoncé « un crime ». Le Burkina Faso, membre de la "
      "Confédération des États du Sahel (AES), a dénoncé « une agression barbare ».",
      "fr");
  CHECK(testing::HasRelation(x, "country_rus", "condemns", "event_attack_2026_02_08"));
  CHECK(testing::HasRelation(x, "country_bfa", "condemns", "event_attack_2026_02_08"));
  CHECK_FALSE(testing::HasRelation(x, "country_mli", "condemns", "event_attack_2026_02_08"));
  // A name in apposition is no common noun: the speaker is not skipped.
  const Extraction y = testing::ExtractText(
      "X\n\nIndia's agriculture minister, Rajeev Menon, said New Delhi would keep its curbs, "
      "defending restrictions on rice exports.",
      "en");
  CHECK_FALSE(testing::HasRelation(y, "person_rajeev_menon", "restricts", "country_ind"));
}

TEST_CASE("Who arrives for a visit takes part in it, and the capital's country hosts it",
          "[extract][relations][participation]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nLe président de la Mauritanie, Ahmedou Ould Sidi, est arrivé lundi 11 mai 2026 à "
      "Dakar pour une visite d'État de trois jours.",
      "fr");
  const Extraction en = testing::ExtractText(
      "X\n\nMauritanian President Ahmedou Ould Sidi arrived in Dakar on May 11, 2026 for a "
      "three-day state visit.",
      "en");
  for (const Extraction* x : {&fr, &en}) {
    CHECK(testing::HasRelation(*x, "person_ahmedou_ould_sidi", "participates_in",
                               "event_state_visit_2026_05_11"));
    CHECK(
        testing::HasRelation(*x, "country_mrt", "participates_in", "event_state_visit_2026_05_11"));
    CHECK(
        testing::HasRelation(*x, "country_sen", "participates_in", "event_state_visit_2026_05_11"));
    CHECK(testing::HasRelation(*x, "event_state_visit_2026_05_11", "held_in", "location_dakar"));
  }
}

TEST_CASE("'The two sides' of a meeting named after a pair are that pair",
          "[extract][relations][coreference]") {
  const Extraction x = testing::ExtractText(
      "X\n\nMinisters met in Riyadh on November 24, 2026 for the seventh ministerial meeting of "
      "the GCC-Türkiye Strategic Dialogue. In a joint statement, the two sides condemned attacks "
      "on shipping in the Red Sea and the drone strike on an oil facility in Jazan on November "
      "9, 2026.",
      "en");
  for (const char* c : {"organization_gcc", "country_tur"}) {
    INFO(c);
    CHECK(testing::HasRelation(x, c, "participates_in",
                               "event_gcc_turkiye_strategic_dialogue_2026_11_24"));
    CHECK(testing::HasRelation(x, c, "condemns", "event_drone_strike_2026_11_09"));
  }
  // Plural incidents are incidents.
  CHECK(testing::HasRelation(x, "country_tur", "condemns", "event_red_sea_attacks"));
}

TEST_CASE("An organisation acts through its organ, and a seizure is an incident",
          "[extract][relations][condemns]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLa marine sierra-léonaise a arraisonné samedi 10 janvier 2026 sept pirogues "
      "guinéennes au large de Yelibuya. De son côté, la Commission de la CEDEAO, basée à Abuja, a "
      "« déploré » l'incident.",
      "fr");
  CHECK(testing::HasRelation(x, "organization_ecowas", "condemns", "event_seizure_2026_01_10"));
}

TEST_CASE("'Parmi les délégations figuraient celles de ...' lists who took part",
          "[extract][relations][participation]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLa conférence s'est ouverte le 18 novembre 2025 à Phnom Penh. Parmi les délégations "
      "figuraient celles de la France, du Canada et de la Belgique.",
      "fr");
  for (const char* c : {"country_fra", "country_can", "country_bel"}) {
    INFO(c);
    CHECK(testing::HasRelation(x, c, "participates_in", "event_phnom_penh_conference_2025_11_18"));
  }
}

TEST_CASE("Sending one's minister or envoy is taking part", "[extract][relations][participation]") {
  const Extraction en = testing::ExtractText(
      "X\n\nThe summit opened in Djibouti on June 14, 2026. Eritrea sent its foreign minister, and "
      "China sent its special envoy for African affairs.",
      "en");
  CHECK(testing::HasRelation(en, "country_eri", "participates_in",
                             "event_djibouti_summit_2026_06_14"));
  CHECK(testing::HasRelation(en, "country_chn", "participates_in",
                             "event_djibouti_summit_2026_06_14"));
  const Extraction fr = testing::ExtractText(
      "X\n\nLe sommet s'est ouvert le 14 juin 2026 à Djibouti. L'Érythrée a dépêché son ministre "
      "des Affaires étrangères.",
      "fr");
  CHECK(testing::HasRelation(fr, "country_eri", "participates_in",
                             "event_djibouti_summit_2026_06_14"));
}

}  // namespace
}  // namespace newsgraph
