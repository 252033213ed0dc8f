// Entity mentions (src/newsgraph/extract/mentions.cc), observed through the
// extractor: which nodes a sentence yields, with which ids and labels.
#include "newsgraph/extract/mentions.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "extract/extract_fixtures.h"

namespace newsgraph::testing {
namespace {

const ExtractedEntity* FindEntity(const Extraction& x, const std::string& id) {
  for (const ExtractedEntity& e : x.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

size_t CountCategory(const Extraction& x, const std::string& category) {
  size_t n = 0;
  for (const ExtractedEntity& e : x.entities) n += e.category == category;
  return n;
}

TEST_CASE("An unnamed meeting with its own date and place is a new event",
          "[extract][mentions][events]") {
  SECTION("French: a date and the place after the noun") {
    const Extraction x = ExtractText(
        "Sommet\n\nLes chefs d'État du Ghana et du Sénégal, réunis en sommet extraordinaire "
        "samedi 14 février 2026 à Abuja, ont condamné le coup d'État.",
        "fr");
    const ExtractedEntity* e = FindEntity(x, "event_abuja_summit_2026_02_14");
    REQUIRE(e != nullptr);
    CHECK(e->label == "Abuja Summit (2026-02-14)");
    CHECK(e->date == "2026-02-14");
    CHECK(HasRelation(x, "event_abuja_summit_2026_02_14", "held_in", "location_abuja"));
  }
  SECTION("English: the place right after the noun, dated by the article") {
    const Extraction x =
        ExtractText("Talks\n\nThe two-day meeting in Amman ended on Thursday.", "en");
    REQUIRE(CountCategory(x, "event") == 1);
    const ExtractedEntity& e = *std::find_if(x.entities.begin(), x.entities.end(),
                                             [](const auto& e) { return e.category == "event"; });
    CHECK(e.label == "Amman Meeting (2025-06-05)");  // "on Thursday" before 2025-06-07
    CHECK(HasRelation(x, e.id, "held_in", "location_amman"));
  }
}

TEST_CASE("A meeting placed through a relative clause is a new event",
          "[extract][mentions][events]") {
  const Extraction x = ExtractText(
      "Eau\n\nLa séance de pourparlers, qui s'est tenue le 19 mars 2026 à Amman, a réuni "
      "l'Irak et la Turquie.",
      "fr");
  REQUIRE(FindEntity(x, "event_amman_talks_2026_03_19") != nullptr);
  CHECK(HasRelation(x, "event_amman_talks_2026_03_19", "held_in", "location_amman"));
}

TEST_CASE("A meeting placed through a participle clause is a new event, not the last one",
          "[extract][mentions][events]") {
  const Extraction x = ExtractText(
      "Sommet\n\nLes dirigeants, réunis en sommet samedi 14 février 2026 à Abuja, ont parlé. Ils "
      "se reverront lors de leur prochain sommet, prévu en juin 2026 à Accra.",
      "fr");
  CHECK(HasRelation(x, "event_abuja_summit_2026_02_14", "held_in", "location_abuja"));
  CHECK_FALSE(HasRelation(x, "event_abuja_summit_2026_02_14", "held_in", "location_accra"));
  CHECK(HasRelation(x, "event_accra_summit_2026_06", "held_in", "location_accra"));
}

TEST_CASE("A person's name keeps a hyphenated lower-case particle", "[extract][mentions][people]") {
  const Extraction x = ExtractText(
      "Eau\n\nLe ministre irakien des Ressources en eau, Haidar al-Janabi, a parlé.", "fr");
  const ExtractedEntity* e = FindEntity(x, "person_haidar_al_janabi");
  REQUIRE(e != nullptr);
  CHECK(e->label == "Haidar al-Janabi");
}

TEST_CASE("A title and a surname alone name the person named in full before",
          "[extract][mentions][people]") {
  const Extraction x = ExtractText(
      "Énergie\n\nLa ministre marocaine de l'Énergie, Nadia Bennani, a signé l'accord. « C'est "
      "un grand jour », a déclaré Mme Bennani.",
      "fr");
  CHECK(CountCategory(x, "person") == 1);
  const ExtractedEntity* e = FindEntity(x, "person_nadia_bennani");
  REQUIRE(e != nullptr);
  CHECK(e->mention_count == 2);
  // Two people share the surname: no guess, neither gets the mention.
  const Extraction y = ExtractText(
      "Famille\n\nLe ministre Ali Karimi et le général Reza Karimi ont parlé. Selon M. Karimi, "
      "rien n'est décidé.",
      "fr");
  REQUIRE(FindEntity(y, "person_ali_karimi") != nullptr);
  REQUIRE(FindEntity(y, "person_reza_karimi") != nullptr);
  CHECK(FindEntity(y, "person_ali_karimi")->mention_count == 1);
  CHECK(FindEntity(y, "person_reza_karimi")->mention_count == 1);
}

TEST_CASE("A headline's undated meeting is no event of its own", "[extract][mentions][events]") {
  // The visit the body dates is the only event.
  const Extraction x = ExtractText(
      "Visite d'État au Maroc\n\nLe président mexicain a entamé lundi 9 mars 2026 une visite "
      "d'État de trois jours au Maroc.",
      "fr");
  CHECK(CountCategory(x, "event") == 1);
}

TEST_CASE("A meeting noun without its own place or date stays a reference",
          "[extract][mentions][events]") {
  // "le sommet" alone names nothing new: no event node.
  const Extraction x = ExtractText("Sommet\n\nLe sommet a été reporté, a indiqué le Ghana.", "fr");
  CHECK(CountCategory(x, "event") == 0);
}

TEST_CASE("A second dated mention of a meeting reuses the event of that date",
          "[extract][mentions][events]") {
  const Extraction x = ExtractText(
      "Sommet\n\nLes ministres se sont réunis le 8 avril 2025 à Bagdad pour le sommet annuel de "
      "la Ligue arabe. Le sommet du 8 avril 2025 à Bagdad a duré deux jours.",
      "fr");
  CHECK(CountCategory(x, "event") == 1);
}

TEST_CASE("A dateline names a place, not the country acting", "[extract][mentions][dateline]") {
  SECTION("a known capital before the dash stays the city") {
    const Extraction x =
        ExtractText("Visite\n\nRabat – Le Maroc et le Mexique ont signé un accord.", "fr");
    CHECK(FindEntity(x, "location_rabat") != nullptr);
  }
  SECTION("past its date and its agency, a capital before the dash stays the city") {
    const Extraction x = ExtractText(
        "Sanctions\n\nBRUXELLES, 3 juin 2025 (AFP) – Le Conseil a adopté des mesures.", "fr");
    CHECK(FindEntity(x, "location_brussels") != nullptr);
    CHECK(FindEntity(x, "country_bel") == nullptr);
    const Extraction y =
        ExtractText("Gas\n\nBAKU, November 19, 2026 – Ministers met on Thursday.", "en");
    CHECK(FindEntity(y, "location_baku") != nullptr);
    CHECK(FindEntity(y, "country_aze") == nullptr);
  }
  SECTION("the same capital acting is its country") {
    const Extraction x = ExtractText("Visite\n\nRabat a salué la visite du Mexique.", "fr");
    CHECK(FindEntity(x, "location_rabat") == nullptr);
    CHECK(FindEntity(x, "country_mar") != nullptr);
  }
  SECTION("an unknown place in capitals becomes a location") {
    const Extraction x =
        ExtractText("Farm ministers\n\nDENVER – India and Brazil signed a deal.", "en");
    const ExtractedEntity* e = FindEntity(x, "location_denver");
    REQUIRE(e != nullptr);
    CHECK(e->label == "Denver");
  }
  SECTION("a hyphenated word or a function word is no dateline") {
    const Extraction x = ExtractText(
        "Titre\n\nAu-delà des minéraux, l'Inde coopère avec le Kazakhstan.\n\nLe - titre.", "fr");
    CHECK(CountCategory(x, "location") == 0);
  }
}

TEST_CASE("An acronym in parentheses defines an organisation the article then names by it",
          "[extract][mentions][acronyms]") {
  const Extraction x = ExtractText(
      "Énergie\n\nL'Office national de l'électricité et de l'eau potable (ONEE) coopère avec "
      "le Mexique. Le Maroc soutient l'ONEE.",
      "fr");
  const ExtractedEntity* e =
      FindEntity(x, "organization_office_national_de_l_electricite_et_de_l_eau_potable");
  REQUIRE(e != nullptr);
  CHECK(e->category == "organization");
  CHECK(std::find(e->aliases.begin(), e->aliases.end(), "ONEE") != e->aliases.end());
  CHECK(HasRelation(x, "country_mar", "supports", e->id));
  SECTION("but not a programme named after two countries") {
    const Extraction y = ExtractText(
        "Corridor\n\nLe port est au cœur du Corridor économique Chine-Pakistan (CPEC).", "fr");
    CHECK(CountCategory(y, "organization") == 0);
  }
}

TEST_CASE("A sector is a node only where a relation names it", "[extract][mentions][sectors]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLe ministre indien de l'Agriculture a parlé de sécurité. L'Inde et le Kazakhstan "
      "coopèrent dans le domaine de l'énergie.",
      "fr");
  CHECK(testing::HasEntity(x, "sector_energy"));
  CHECK_FALSE(testing::HasEntity(x, "sector_agriculture"));
  CHECK_FALSE(testing::HasEntity(x, "sector_security"));
}

TEST_CASE("A known name may open with a lower-case common noun", "[extract][mentions][gazetteer]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLes ports de la mer Caspienne sont reliés au Kazakhstan. La mer est calme.", "fr");
  CHECK(testing::HasEntity(x, "location_caspian_sea"));
}

TEST_CASE("Seats of government stand for their country", "[extract][mentions][gazetteer]") {
  const Extraction x = testing::ExtractText("X\n\nThe Kremlin condemned Estonia.", "en");
  CHECK(testing::HasRelation(x, "country_rus", "condemns", "country_est"));
  const Extraction fr = testing::ExtractText("X\n\nLa Maison Blanche a salué l'Estonie.", "fr");
  CHECK(testing::HasRelation(fr, "country_usa", "supports", "country_est"));
}

TEST_CASE("An unknown place follows a preposition of several words",
          "[extract][mentions][places]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLes bateaux ont été interceptés au sud d'Aného et près de Kandi, dimanche.", "fr");
  CHECK(testing::HasEntity(x, "location_aneho"));
  CHECK(testing::HasEntity(x, "location_kandi"));
}

TEST_CASE("Organisations are named by their head words, not by a common noun describing them",
          "[extract][mentions][organizations]") {
  const Extraction en = testing::ExtractText(
      "X\n\nThe EU listed Pars Propulsion Industries and Caspian Horizon Shipping.", "en");
  CHECK(testing::HasEntity(en, "organization_pars_propulsion_industries"));
  CHECK(testing::HasEntity(en, "organization_caspian_horizon_shipping"));
  const Extraction fr = testing::ExtractText(
      "X\n\nLe groupe chinois Jinhe Carbon Materials a réagi, comme le ministère chinois des "
      "Affaires étrangères.",
      "fr");
  CHECK(testing::HasEntity(fr, "organization_jinhe_carbon_materials"));
  CHECK(testing::HasEntity(fr, "organization_ministere_chinois_des_affaires_etrangeres"));
  CHECK_FALSE(testing::HasEntity(fr, "organization_groupe_chinois_jinhe_carbon_materials"));
  // An English head is capitalised; a title ends the name before a person.
  const Extraction x = testing::ExtractText(
      "X\n\nNo group has claimed responsibility. African Union Commission Chairperson Kwame "
      "Asante-Mensah said the AU condemns the attack.",
      "en");
  CHECK_FALSE(testing::HasEntity(x, "organization_no_group"));
  // Armed groups, traders and alliances by their heads; a name goes on past its head.
  const Extraction y = testing::ExtractText(
      "X\n\nThe EU listed the Front for the Liberation of Gourma, Al Nakheel Precious Metals and "
      "the Global Alliance Against Hunger and Poverty.",
      "en");
  CHECK(testing::HasEntity(y, "organization_front_for_the_liberation_of_gourma"));
  CHECK(testing::HasEntity(y, "organization_al_nakheel_precious_metals"));
  CHECK(testing::HasEntity(y, "organization_global_alliance_against_hunger_and_poverty"));
  // Places, regions and topics inside a name are part of it.
  const Extraction z = testing::ExtractText(
      "X\n\nThe Secretary-General of the Organization of the Black Sea Economic Cooperation spoke. "
      "The Caspian Energy Transit Group met.",
      "en");
  CHECK(testing::HasEntity(z, "organization_organization_of_the_black_sea_economic_cooperation"));
  CHECK(testing::HasEntity(z, "organization_caspian_energy_transit_group"));
  CHECK_FALSE(testing::HasEntity(z, "organization_transit_group"));
  CHECK(testing::HasEntity(x, "person_kwame_asante_mensah"));
  CHECK_FALSE(testing::HasEntity(x, "organization_commission_chairperson_kwame_asante"));
}

TEST_CASE("Negotiations are meetings, a seizure an incident", "[extract][mentions][events]") {
  const Extraction en = testing::ExtractText(
      "X\n\nRussia held negotiations with China in Moscow on July 3, 2026.", "en");
  CHECK(testing::HasRelation(en, "event_moscow_negotiations_2026_07_03", "held_in",
                             "location_moscow"));
  // A trigger that ends in the meeting's name ("held negotiations") stays one.
  CHECK(testing::HasRelation(en, "country_rus", "participates_in",
                             "event_moscow_negotiations_2026_07_03"));
  CHECK(testing::HasRelation(en, "country_chn", "participates_in",
                             "event_moscow_negotiations_2026_07_03"));
  const Extraction fr = testing::ExtractText(
      "X\n\nLe Togo a condamné l'arraisonnement de trois pirogues le 8 novembre 2026.", "fr");
  CHECK(testing::HasRelation(fr, "country_tgo", "condemns", "event_seizure_2026_11_08"));
}

TEST_CASE("A title may open with a word that is no title alone, and its possessor is the person's",
          "[extract][mentions][people]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nLe porte-parole du ministère chinois des Affaires étrangères, Lin Jiawei, a parlé. "
      "Le chef du gouvernement marocain, Karim Benslimane, a répondu.",
      "fr");
  CHECK(testing::HasEntity(fr, "person_lin_jiawei"));
  CHECK(testing::HasEntity(fr, "person_karim_benslimane"));
  const Extraction en = testing::ExtractText(
      "X\n\nThe meeting of the Foreign Affairs Council took place on October 19, 2026. The "
      "EU's High Representative for Foreign Affairs, Annika Vehmas, met reporters.",
      "en");
  const std::string meeting = "event_meeting_of_the_foreign_affairs_council_2026_10_19";
  CHECK(testing::HasRelation(en, "person_annika_vehmas", "participates_in", meeting));
  CHECK(testing::HasRelation(en, "organization_eu", "participates_in", meeting));
}

TEST_CASE("A name with its title in apposition after it is a person",
          "[extract][mentions][people]") {
  const Extraction en = testing::ExtractText(
      "X\n\n\"Our farmers can feed Africa,\" said Amina Traoré, the AU commissioner for "
      "agriculture. Katarina Vella, the EU commissioner for enlargement, welcomed the deal.",
      "en");
  CHECK(testing::HasEntity(en, "person_amina_traore"));
  CHECK(testing::HasEntity(en, "person_katarina_vella"));
  const Extraction fr = testing::ExtractText(
      "X\n\nNeema Kisanga, la ministre tanzanienne des Affaires étrangères, a parlé.", "fr");
  CHECK(testing::HasEntity(fr, "person_neema_kisanga"));
  const Extraction bare = testing::ExtractText(
      "X\n\nThe contract was signed by Elnur Aliyev, vice-president for marketing at SOCAR.", "en");
  CHECK(testing::HasEntity(bare, "person_elnur_aliyev"));
  // No title after the comma: no person ("Costa Rica, the host, ...").
  const Extraction none =
      testing::ExtractText("X\n\nPars Horizon, the new venture, opened an office.", "en");
  CHECK_FALSE(testing::HasEntity(none, "person_pars_horizon"));
}

TEST_CASE("A given name may end with a lower-case syllable", "[extract][mentions][people]") {
  const Extraction x = testing::ExtractText(
      "X\n\nThe deal was signed by Trade Minister Yoon Sang-hoon. The Saudi-led coalition "
      "welcomed it.",
      "en");
  CHECK(testing::HasEntity(x, "person_yoon_sang_hoon"));
  CHECK(testing::HasEntity(x, "country_sau"));
}

TEST_CASE("An unknown name placed by a known place after it is a place",
          "[extract][mentions][places]") {
  const Extraction x = testing::ExtractText(
      "X\n\nThe cable carries electricity between Harku, near Tallinn, and Espoo, west of "
      "Helsinki.",
      "en");
  CHECK(testing::HasEntity(x, "location_harku"));
  CHECK(testing::HasEntity(x, "location_espoo"));
  // Not a name before any comma: "Pars Horizon, an engine maker".
  const Extraction y =
      testing::ExtractText("X\n\nPars Horizon, an engine maker, opened an office.", "en");
  CHECK_FALSE(testing::HasEntity(y, "location_pars_horizon"));
}

TEST_CASE("A date after 'jusqu'à' or 'until' ends a meeting and does not date it",
          "[extract][mentions][events]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nLa quatrième session de la commission mixte, qui réunit jusqu'à mercredi des experts "
      "des deux pays, devait porter sur la frontière.",
      "fr");
  CHECK(testing::HasEntity(fr, "event_4th_session"));
  CHECK_FALSE(testing::HasEntity(fr, "event_session_2025_06_04"));
  const Extraction en = testing::ExtractText(
      "X\n\nThe fourth session of the joint commission, which runs until Wednesday, opened in "
      "Cotonou.",
      "en");
  CHECK_FALSE(testing::HasEntity(en, "event_session_2025_06_04"));
}

TEST_CASE("An article opening the sentence does not make a common noun a name",
          "[extract][mentions][gazetteer]") {
  const Extraction meeting =
      testing::ExtractText("X\n\nLa réunion a rassemblé des ministres du Rwanda.", "fr");
  CHECK_FALSE(testing::HasEntity(meeting, "country_reu"));
  CHECK(testing::HasEntity(meeting, "country_rwa"));
  const Extraction island =
      testing::ExtractText("X\n\nLa Réunion a accueilli des ministres du Rwanda.", "fr");
  CHECK(testing::HasEntity(island, "country_reu"));
}

TEST_CASE("Territorial waters are no resource; a summit of heads of state and government is one",
          "[extract][mentions][gazetteer]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLe Bénin interdit l'accès de ses eaux aux navires étrangers. Le sixième sommet des "
      "chefs d'État et de gouvernement de l'Union africaine s'est ouvert le 5 juin 2025.",
      "fr");
  CHECK_FALSE(testing::HasEntity(x, "resource_water"));
  int summits = 0;
  for (const ExtractedEntity& e : x.entities) {
    if (e.category == "event") {
      ++summits;
      CHECK(e.label.find("gouvernement de l'Union africaine") != std::string::npos);
    }
  }
  CHECK(summits == 1);
}

TEST_CASE("French forum names: an edition's ordinal, a place adjective, capitalised words",
          "[extract][mentions][events]") {
  const Extraction a = testing::ExtractText(
      "X\n\nLa deuxième édition du Forum africain de l'hydrogène vert s'est ouverte le 4 juin "
      "2025 à Rabat.",
      "fr");
  CHECK(testing::HasEntity(a, "forum_forum_africain_de_l_hydrogene_vert"));
  CHECK(testing::HasRelation(a, "event_forum_africain_de_l_hydrogene_vert_2025_06_04", "edition_of",
                             "forum_forum_africain_de_l_hydrogene_vert"));
  const Extraction b = testing::ExtractText(
      "X\n\nLe Maroc accueille depuis le 4 juin 2025 la 3e édition du Forum Hydrogène Afrique à "
      "Rabat.",
      "fr");
  CHECK(testing::HasEntity(b, "forum_forum_hydrogene_afrique"));
  // A topic's adjective closes the name with it.
  const Extraction c = testing::ExtractText(
      "X\n\nLe troisième Sommet africain sur la sécurité hydrique s'est ouvert le 4 juin 2025 à "
      "Dakar.",
      "fr");
  CHECK(testing::HasEntity(c, "forum_sommet_africain_sur_la_securite_hydrique"));
  // An English name quoted in French, its head English or not.
  const Extraction d = testing::ExtractText(
      "X\n\nLe Maroc accueille le 4 juin 2025 le Morocco Green Hydrogen Forum à Rabat. La "
      "troisième édition du Green Hydrogen Summit Africa s'est ouverte le 5 juin 2025 à Rabat.",
      "fr");
  CHECK(testing::HasEntity(d, "forum_morocco_green_hydrogen_forum"));
  CHECK(testing::HasEntity(d, "forum_green_hydrogen_summit_africa"));
}

TEST_CASE("An edition a headline names undated takes the date the body gives it",
          "[extract][mentions][events]") {
  const Extraction x = testing::ExtractText(
      "Rabat accueille le premier Forum international de l'hydrogène vert\n\nLe Maroc a ouvert "
      "mardi 3 juin 2025 à Rabat la première édition du Forum international de l'hydrogène vert.",
      "fr");
  const std::string edition = testing::EventWith(x, "forum_international");
  REQUIRE(!edition.empty());
  std::string date;
  for (const ExtractedEntity& e : x.entities) {
    if (e.id == edition) date = e.date;
  }
  CHECK(date == "2025-06-03");
}

TEST_CASE("An edition of a name no event noun heads is one of a recurring forum",
          "[extract][mentions][events]") {
  const Extraction a = testing::ExtractText(
      "X\n\nDes ministres se sont retrouvés mardi 3 juin 2025 à Dakhla pour la première édition "
      "des « Africa Green Hydrogen Days ». La deuxième édition du forum se tiendra en 2027 à "
      "Swakopmund.",
      "fr");
  CHECK(testing::HasRelation(a, "event_africa_green_hydrogen_days_2025_06_03", "edition_of",
                             "forum_africa_green_hydrogen_days"));
  CHECK(testing::HasRelation(a, "event_africa_green_hydrogen_days_2027", "edition_of",
                             "forum_africa_green_hydrogen_days"));
  const Extraction b = testing::ExtractText(
      "X\n\nBusiness leaders met in Versailles on June 3, 2025 for the third edition of Choose "
      "France Summer Days.",
      "en");
  CHECK(testing::HasRelation(b, "event_choose_france_summer_days_2025_06_03", "edition_of",
                             "forum_choose_france_summer_days"));
  // One known entity is no forum: "the 2026 edition in Dakar" names a place.
  const Extraction c =
      testing::ExtractText("X\n\nLa deuxième édition de Dakar a été annulée.", "fr");
  for (const ExtractedEntity& e : c.entities) CHECK(e.category != "forum");
}

TEST_CASE("A meeting named after its city names the city, not the country it is capital of",
          "[extract][mentions][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLe Forum de Rabat sur l'hydrogène vert s'est ouvert mardi 3 juin 2025.", "fr");
  CHECK(testing::HasEntity(x, "location_rabat"));
  CHECK_FALSE(testing::HasEntity(x, "country_mar"));
  CHECK_FALSE(testing::EventWith(x, "rabat").empty());
}

TEST_CASE("A visit introduced after its date is an event; 'the first since' counts, it names none",
          "[extract][mentions][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nArrivé lundi 2 juin 2025 à Hanoï pour une visite d'État de trois jours, le président "
      "français a été accueilli par son homologue. C'est la première visite d'État d'un président "
      "français au Vietnam depuis 2018.",
      "fr");
  const std::string visit = testing::EventWith(x, "state_visit");
  REQUIRE(!visit.empty());
  for (const ExtractedEntity& e : x.entities) {
    if (e.id == visit) CHECK(e.date == "2025-06-02");
    CHECK(e.id.find("1st") == std::string::npos);
    CHECK(e.id.find("2018") == std::string::npos);
  }
  // A new round of talks after its date and place is one too.
  const Extraction r = testing::ExtractText(
      "X\n\nArmenian and Azerbaijani negotiators met in Almaty on June 6, 2025 for a new round "
      "of talks on their border.",
      "en");
  CHECK_FALSE(testing::EventWith(r, "talks_2025_06_06").empty());
  // "depuis" a day starts what it reports; "depuis" a year dates nothing.
  const Extraction since = testing::ExtractText(
      "X\n\nLe Maroc accueille depuis le 3 juin 2025 le premier Forum africain de l'hydrogène. "
      "Le putsch est le septième coup d'État en Afrique de l'Ouest depuis 2020.",
      "fr");
  CHECK_FALSE(testing::EventWith(since, "forum_africain_de_l_hydrogene_2025_06_03").empty());
  CHECK(testing::EventWith(since, "2020").empty());
  // A meeting whose date comes right before its article; a meeting after a
  // locative is no place ("au Forum international").
  const Extraction opened = testing::ExtractText(
      "X\n\nLe Maroc a ouvert mardi 3 juin 2025 un forum international sur l'hydrogène à Rabat. "
      "Des ministres ont pris part mercredi 4 juin 2025 au Forum mondial de l'eau.",
      "fr");
  CHECK_FALSE(testing::EventWith(opened, "forum_2025_06_03").empty());
  CHECK_FALSE(testing::EventWith(opened, "forum_mondial_de_l_eau_2025_06_04").empty());
  CHECK_FALSE(testing::HasEntity(opened, "location_forum_mondial"));
  // Agreements in the plural, dated by the date opening the sentence.
  const Extraction signed_ =
      testing::ExtractText("X\n\nMardi 3 juin 2025, les deux pays ont signé trois accords.", "fr");
  CHECK_FALSE(testing::EventWith(signed_, "agreements_2025_06_03").empty());
  // An incident dated past the words that introduce it.
  const Extraction killed = testing::ExtractText(
      "X\n\nSix soldats ont été tués le 3 juin 2025 lors d'une attaque contre un poste.", "fr");
  CHECK_FALSE(testing::EventWith(killed, "attack_2025_06_03").empty());
  // A wish for a meeting is none: "a plaidé mercredi pour un dialogue".
  const Extraction y = testing::ExtractText(
      "X\n\nIl a plaidé mercredi 4 juin 2025 pour un dialogue direct entre l'Afrique et "
      "l'Amérique latine.",
      "fr");
  CHECK(testing::EventWith(y, "dialogue").empty());
}

TEST_CASE("A country's name opens a company's before its head word", "[extract][mentions]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLa maintenance des appareils de Vietnam Airlines est assurée. Qatar Airways a commandé "
      "des avions.",
      "fr");
  CHECK(testing::HasEntity(x, "organization_vietnam_airlines"));
  CHECK(testing::HasEntity(x, "organization_qatar_airways"));
}

TEST_CASE("Numbered meetings of a body no gazetteer knows are editions of a forum",
          "[extract][mentions][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nMinisters met in Baku on June 6, 2025 for the fifth ministerial meeting of the "
      "Caspian Energy Transit Group.",
      "en");
  const std::string e = testing::EventWith(x, "caspian_energy_transit_group");
  REQUIRE(!e.empty());
  CHECK(testing::HasRelation(x, e, "edition_of", "forum_caspian_energy_transit_group"));
}

TEST_CASE("English forum names of capitalised words the parts do not all explain",
          "[extract][mentions][events]") {
  const Extraction a = testing::ExtractText(
      "X\n\nThe sixth Pacific Tuna Ministers' Conference opened in Nuku'alofa on June 4, 2025.",
      "en");
  CHECK(testing::HasRelation(a, "event_pacific_tuna_ministers_conference_2025_06_04", "edition_of",
                             "forum_pacific_tuna_ministers_conference"));
  const Extraction b = testing::ExtractText(
      "X\n\nThe third edition of the Trans-Caspian Connectivity Forum opened in Aktau on June 4, "
      "2025.",
      "en");
  CHECK(testing::HasRelation(b, "event_trans_caspian_connectivity_forum_2025_06_04", "edition_of",
                             "forum_trans_caspian_connectivity_forum"));
  // Parts that explain the name keep its canonical labels.
  const Extraction c = testing::ExtractText(
      "X\n\nThe fourth India-Central Asia Dialogue opened on June 4, 2025.", "en");
  CHECK(testing::HasEntity(c, "forum_india_central_asia_dialogue"));
}

TEST_CASE("An edition named as such belongs to a recurring forum", "[extract][mentions][events]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nL'édition 2025 du Forum africain de l'hydrogène vert s'est ouverte le 4 juin 2025 à "
      "Rabat.",
      "fr");
  CHECK(testing::HasRelation(fr, "event_forum_africain_de_l_hydrogene_vert_2025_06_04",
                             "edition_of", "forum_forum_africain_de_l_hydrogene_vert"));
  const Extraction en = testing::ExtractText(
      "X\n\nThe 2025 edition of the Raisina Dialogue opened in New Delhi on June 4, 2025.", "en");
  CHECK(testing::HasRelation(en, "event_raisina_dialogue_2025_06_04", "edition_of",
                             "forum_raisina_dialogue"));
}

TEST_CASE("A meeting dated only, in an article on a forum's edition, is part of it",
          "[extract][mentions][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nThe sixth Pacific Tuna Ministers' Conference opened in Nuku'alofa on June 3, 2025. "
      "Talks on Wednesday are expected to focus on tuna stocks.",
      "en");
  CHECK(CountCategory(x, "event") == 1);
  // With a place of its own it is another meeting.
  const Extraction y = testing::ExtractText(
      "X\n\nThe sixth Pacific Tuna Ministers' Conference opened in Nuku'alofa on June 3, 2025. "
      "Talks in Suva on Wednesday will follow.",
      "en");
  CHECK(CountCategory(y, "event") == 2);
}

TEST_CASE("The entity table has one record per id, whichever way it came in",
          "[extract][mentions][ids]") {
  const Gazetteer& gazetteer = testing::SharedExtractor().gazetteer();
  const GazetteerEntry* india = gazetteer.Find("country_ind");
  REQUIRE(india != nullptr);
  SECTION("a gazetteer entry, then the same id as a new entity") {
    EntityTable table(&gazetteer);
    const int i = table.Intern(*india);
    CHECK(table.Intern(*india) == i);
    CHECK(table.InternNew("country_ind", "country", "Inde") == i);
    CHECK(table.Find("country_ind") == i);
    const std::vector<ExtractedEntity> out = table.Finish();
    REQUIRE(out.size() == 1);
    CHECK(out[0].wikidata == india->wikidata);
    CHECK(out[0].iso3 == india->iso3);
  }
  SECTION("a new entity, then a gazetteer entry with its id") {
    EntityTable table(&gazetteer);
    const int i = table.InternNew("country_ind", "country", "Inde");
    CHECK(table.Intern(*india) == i);
    const std::vector<ExtractedEntity> out = table.Finish();
    REQUIRE(out.size() == 1);
    CHECK(out[0].label == "Inde");
    CHECK(out[0].wikidata.empty());  // not the gazetteer's record
  }
  SECTION("many entries, found again, out sorted by id") {
    EntityTable table(&gazetteer);
    const auto& entries = gazetteer.entries();
    const size_t n = std::min<size_t>(entries.size(), 300);
    for (size_t k = n; k-- > 0;) table.Intern(entries[k]);
    for (size_t k = 0; k < n; ++k) CHECK(table.Intern(entries[k]) == static_cast<int>(n - 1 - k));
    const std::vector<ExtractedEntity> out = table.Finish();
    REQUIRE(out.size() == n);
    for (size_t k = 0; k < n; ++k) CHECK(out[k].id == entries[k].id);  // entries() is sorted
  }
}

TEST_CASE("Slugs are folded ASCII letters and digits joined by '_'", "[extract][mentions][ids]") {
  CHECK(Slug("India-Central Asia Dialogue") == "india_central_asia_dialogue");
  CHECK(Slug("G7 Summit") == "g7_summit");
  CHECK(Slug("2026-03-09") == "2026_03_09");
  CHECK(Slug("  Lomé  ") == "lome");
  CHECK(Slug("Côte d'Ivoire") == "cote_d_ivoire");
  CHECK(Slug("ÉTATS-UNIS") == "etats_unis");
  CHECK(Slug("A very long name, longer than any short string buffer") ==
        "a_very_long_name_longer_than_any_short_string_buffer");
  CHECK(Slug("") == "x");
  CHECK(Slug(" -- ") == "x");
}

TEST_CASE("An alias ends with its word, not with the space before a closing quote",
          "[extract][mentions]") {
  const Extraction x =
      testing::ExtractText("X\n\nLe thème est « un hub de l'hydrogène », a dit le ministre.", "fr");
  bool found = false;
  for (const ExtractedEntity& e : x.entities) {
    if (e.id != "resource_hydrogen") continue;
    found = true;
    CHECK(e.aliases == std::vector<std::string>{"hydrogène"});
  }
  CHECK(found);
}

TEST_CASE("A name acting without a title is a person", "[extract][mentions][people]") {
  const Extraction fr = testing::ExtractText(
      "X\n\nUne attaque a fait dix morts le 3 mars 2025 à Ménaka. António Guterres a condamné "
      "l'attaque. Moussa Faki Mahamat a fermement condamné l'attaque.",
      "fr");
  CHECK(testing::HasEntity(fr, "person_antonio_guterres"));
  CHECK(testing::HasEntity(fr, "person_moussa_faki_mahamat"));
  CHECK(testing::HasRelation(fr, "person_antonio_guterres", "condemns", "event_attack_2025_03_03"));
  // The end of a name given in full before is that person, not another.
  const Extraction en = testing::ExtractText(
      "X\n\nThe deal was signed by Mines Minister Patrick Ilunga Kasongo on March 3, 2026. Ilunga "
      "Kasongo said Kinshasa had other partners.",
      "en");
  CHECK(testing::HasEntity(en, "person_patrick_ilunga_kasongo"));
  CHECK_FALSE(testing::HasEntity(en, "person_ilunga_kasongo"));
  // Not after an article or a word that is no clause boundary, and a single
  // unknown word is no person.
  const Extraction none = testing::ExtractText(
      "X\n\nMining giant Rio Tinto said output fell. Glencore said it would sell.", "en");
  for (const ExtractedEntity& e : none.entities) CHECK(e.category != "person");
}

TEST_CASE("A date after an incident and past a statement dates the statement",
          "[extract][mentions][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nAn attack on a military post killed ten soldiers on Tuesday, March 11, 2025 in Niger. "
      "The Security Council condemned the attack in a statement on Wednesday.",
      "en");
  CHECK(CountCategory(x, "event") == 1);
  CHECK(testing::HasRelation(x, "organization_un_security_council", "condemns",
                             "event_attack_2025_03_11"));
}

TEST_CASE("An incident on the date of one reported is that one", "[extract][mentions][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nL'attaque perpétrée le 8 février 2026 contre un convoi près de Ménaka a fait 23 morts. "
      "Les soldats ont été tués dans l'embuscade, survenue le 8 février 2026.",
      "fr");
  CHECK(CountCategory(x, "event") == 1);
}

TEST_CASE("A numbered meeting of a forum named after it is an edition of that forum",
          "[extract][mentions][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nMinisters met in New Delhi on June 6, 2025 for the 4th meeting of the India-Central "
      "Asia Dialogue.",
      "en");
  CHECK(testing::HasRelation(x, "event_india_central_asia_dialogue_2025_06_06", "edition_of",
                             "forum_india_central_asia_dialogue"));
  CHECK(testing::HasRelation(x, "country_kaz", "participates_in",
                             "event_india_central_asia_dialogue_2025_06_06"));
  CHECK(CountCategory(x, "event") == 1);
  // An organisation paired with a country, a word before the noun.
  const Extraction y = testing::ExtractText(
      "X\n\nMinisters met in Riyadh on November 24, 2026 for the seventh ministerial meeting of "
      "the GCC-Türkiye Strategic Dialogue.",
      "en");
  CHECK(testing::HasRelation(y, "event_gcc_turkiye_strategic_dialogue_2026_11_24", "edition_of",
                             "forum_gcc_turkiye_strategic_dialogue"));
}

TEST_CASE("An ordinal counts past one adjective before an English meeting noun",
          "[extract][mentions][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLeaders met in Djibouti on June 14, 2026 for the 16th ordinary summit.", "en");
  CHECK(testing::HasEntity(x, "event_16th_summit_2026_06_14"));
}

TEST_CASE("A lower-case name of the other language is a word of the article's",
          "[extract][mentions][gazetteer]") {
  // "or" is French for gold: in English it is the conjunction.
  const Extraction en =
      testing::ExtractText("X\n\nNo country can face drought or terrorism alone.", "en");
  CHECK_FALSE(testing::HasEntity(en, "resource_gold"));
  const Extraction fr =
      testing::ExtractText("X\n\nLe Mali exporte de l'or et du coton vers la Suisse.", "fr");
  CHECK(testing::HasEntity(fr, "resource_gold"));
}

TEST_CASE("A demonym opening an unknown place name is part of it", "[extract][mentions][places]") {
  const Extraction x = testing::ExtractText(
      "X\n\nThe plant will be built in Lao Cai province, in northern Vietnam, from dysprosium "
      "ore.",
      "en");
  CHECK(testing::HasEntity(x, "location_lao_cai_province"));
  CHECK_FALSE(testing::HasEntity(x, "country_lao"));
  CHECK(testing::HasRelation(x, "location_lao_cai_province", "located_in", "country_vnm"));
  CHECK(testing::HasEntity(x, "resource_dysprosium"));
}

TEST_CASE("A dated edition of a forum has one id with or without its ordinal",
          "[extract][mentions][ids]") {
  const Extraction with = testing::ExtractText(
      "X\n\nMinisters met in New Delhi on June 6, 2025 for the 4th meeting of the India-Central "
      "Asia Dialogue.",
      "en");
  const Extraction without = testing::ExtractText(
      "X\n\nMinisters met in New Delhi on June 6, 2025 for the India-Central Asia Dialogue.", "en");
  const Extraction fr = testing::ExtractText(
      "X\n\nLe quatrième Dialogue Inde-Asie centrale s'est tenu le 6 juin 2025 à New Delhi.", "fr");
  for (const Extraction* x : {&with, &without, &fr}) {
    CHECK(testing::HasRelation(*x, "event_india_central_asia_dialogue_2025_06_06", "edition_of",
                               "forum_india_central_asia_dialogue"));
  }
  // Its label keeps what the article calls it.
  for (const ExtractedEntity& e : with.entities) {
    if (e.id == "event_india_central_asia_dialogue_2025_06_06") {
      CHECK(e.label == "4th India-Central Asia Dialogue (2025-06-06)");
    }
  }
}

TEST_CASE("An undated numbered edition is the one dated meeting of its kind",
          "[extract][mentions][events]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLeaders of Mercosur wrapped up a two-day summit in Asunción on Friday, December 4, "
      "2026. Paraguayan President Santiago Benítez hosted the 69th Summit of Mercosur Heads of "
      "State, which was attended by Uruguay.",
      "en");
  int events = 0;
  for (const ExtractedEntity& e : x.entities) {
    if (e.category != "event") continue;
    ++events;
    CHECK(e.date == "2026-12-04");
    CHECK(e.label.find("69th") != std::string::npos);
  }
  CHECK(events == 1);
}

TEST_CASE("A title before a surname of two words names the person given in full before",
          "[extract][mentions][people]") {
  const Extraction x = testing::ExtractText(
      "X\n\nLa mesure a été présentée par le ministre des Mines, Hervé Ondo Mba. « Nous ne voulons "
      "plus être de simples vendeurs de cailloux », a déclaré M. Ondo Mba devant la presse.",
      "fr");
  CHECK(testing::HasEntity(x, "person_herve_ondo_mba"));
  CHECK_FALSE(testing::HasEntity(x, "person_ondo_mba"));
}

TEST_CASE("A memorandum of cooperation signed on a date is an agreement event",
          "[extract][mentions][events]") {
  const Extraction en = testing::ExtractText(
      "X\n\nJapan and Indonesia signed a memorandum of cooperation on nickel on February 10, 2026.",
      "en");
  CHECK(testing::HasRelation(en, "country_jpn", "participates_in",
                             "event_memorandum_of_cooperation_2026_02_10"));
  const Extraction fr = testing::ExtractText(
      "X\n\nLe Japon et l'Indonésie ont signé le 10 février 2026 un mémorandum de coopération.",
      "fr");
  CHECK(testing::HasRelation(fr, "country_idn", "participates_in",
                             "event_memorandum_of_cooperation_2026_02_10"));
}

}  // namespace
}  // namespace newsgraph::testing
