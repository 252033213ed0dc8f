// The extraction engine end to end: the seed article (every relation the
// product brief lists for it), language and date handling, determinism.
#include "newsgraph/extract/extractor.h"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "extract/extract_fixtures.h"

namespace newsgraph {
namespace {

Article SeedArticle() {
  std::ifstream in(std::string(NEWSGRAPH_SHARED_DIR) + "/seed/inde-asie-centrale.txt",
                   std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  Article a;
  a.id = "inde-asie-centrale";
  a.text = ss.str();
  a.title = a.text.substr(0, a.text.find('\n'));
  a.source = "seed/inde-asie-centrale.txt";
  return a;
}

bool HasEntity(const Extraction& x, const std::string& id) {
  return std::any_of(x.entities.begin(), x.entities.end(),
                     [&](const ExtractedEntity& e) { return e.id == id; });
}

const std::vector<std::string> kFive = {"country_kaz", "country_kgz", "country_tjk", "country_tkm",
                                        "country_uzb"};
std::vector<std::string> Six() {
  std::vector<std::string> six = kFive;
  six.insert(six.begin(), "country_ind");
  return six;
}

void Dump(const Extraction& x) {
  if (std::getenv("NEWSGRAPH_DUMP") == nullptr) return;
  for (const ExtractedEntity& e : x.entities) {
    std::cerr << "E " << e.id << " [" << e.category << "] " << e.label << " x" << e.mention_count
              << "\n";
  }
  for (const ExtractedRelation& r : x.relations) {
    std::cerr << "R " << r.source_id << " " << r.relation << " " << r.target_id << " (" << r.rule
              << ", " << r.modality << ") @" << r.begin << "\n";
  }
}

TEST_CASE("The seed article yields every relation the product brief lists", "[extract][seed]") {
  Result<Extraction> x = testing::SharedExtractor().Extract(SeedArticle());
  REQUIRE(x.ok());
  Dump(*x);
  CHECK(x->lang == "fr");
  CHECK(x->date == "2025-07-06");
  const std::string dialogue = "event_india_central_asia_dialogue_2025_06_06";
  const std::string forum = "forum_india_central_asia_dialogue";
  const std::string attack = "event_pahalgam_terrorist_attack_2025_04_22";
  for (const std::string& id :
       {dialogue, forum, attack, std::string("forum_india_central_asia_rare_earths_forum"),
        std::string("event_india_central_asia_rare_earths_forum_2024_09"),
        std::string("event_china_export_restrictions_2025_04"), std::string("location_new_delhi"),
        std::string("location_pahalgam"), std::string("location_termez_hub"),
        std::string("person_paisiy_ukhanov"), std::string("region_central_asia"),
        std::string("resource_rare_earths"), std::string("resource_critical_minerals"),
        std::string("country_chn"), std::string("country_afg")}) {
    INFO(id);
    CHECK(HasEntity(*x, id));
  }
  for (const std::string& c : kFive) {
    INFO(c);
    CHECK((testing::HasRelation(*x, "country_ind", "cooperates_with", c) ||
           testing::HasRelation(*x, c, "cooperates_with", "country_ind")));
    CHECK(testing::HasRelation(*x, c, "member_of", "region_central_asia"));
  }
  for (const std::string& c : Six()) {
    INFO(c);
    CHECK(testing::HasRelation(*x, c, "participates_in", dialogue));
    CHECK(testing::HasRelation(*x, c, "depends_on", "country_chn"));
    CHECK(testing::HasRelation(*x, c, "condemns", attack));
    CHECK(testing::HasRelation(*x, c, "supports", "country_afg"));
    CHECK(testing::HasRelation(*x, c, "supports", "location_termez_hub"));
  }
  CHECK(testing::HasRelation(*x, "country_chn", "controls", "resource_rare_earths"));
  CHECK(testing::HasRelation(*x, "country_chn", "restricts", "resource_rare_earths"));
  CHECK(testing::HasRelation(*x, dialogue, "held_in", "location_new_delhi"));
  CHECK(testing::HasRelation(*x, dialogue, "edition_of", forum));
  CHECK(testing::HasRelation(*x, dialogue, "concerns", "resource_rare_earths"));
  CHECK(testing::HasRelation(*x, dialogue, "concerns", "resource_critical_minerals"));
  for (const char* sector :
       {"sector_pharmaceuticals", "sector_information_technology", "sector_agriculture",
        "sector_energy", "sector_textiles", "sector_jewellery"}) {
    INFO(sector);
    CHECK(testing::HasRelation(*x, dialogue, "concerns", sector));
  }
  CHECK(testing::HasRelation(*x, attack, "held_in", "location_pahalgam"));
  CHECK(testing::HasRelation(*x, "event_india_central_asia_rare_earths_forum_2024_09", "edition_of",
                             "forum_india_central_asia_rare_earths_forum"));
}

}  // namespace
}  // namespace newsgraph

namespace newsgraph {
namespace {

TEST_CASE("Extract gives the same output for the same input, from any thread",
          "[extract][determinism]") {
  const Article a = SeedArticle();
  Result<Extraction> first = testing::SharedExtractor().Extract(a);
  REQUIRE(first.ok());
  std::vector<Extraction> results(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = *testing::SharedExtractor().Extract(a); });
  }
  for (std::thread& t : threads) t.join();
  for (const Extraction& x : results) {
    REQUIRE(x.relations.size() == first->relations.size());
    REQUIRE(x.entities.size() == first->entities.size());
    for (size_t i = 0; i < x.relations.size(); ++i) {
      CHECK(x.relations[i].source_id == first->relations[i].source_id);
      CHECK(x.relations[i].target_id == first->relations[i].target_id);
      CHECK(x.relations[i].rule == first->relations[i].rule);
      CHECK(x.relations[i].begin == first->relations[i].begin);
    }
    for (size_t i = 0; i < x.entities.size(); ++i) {
      CHECK(x.entities[i].id == first->entities[i].id);
      CHECK(x.entities[i].aliases == first->entities[i].aliases);
    }
  }
}

TEST_CASE("An article in neither French nor English is an error naming it", "[extract]") {
  Article a;
  a.id = "de-1";
  a.source = "in.jsonl:3";
  a.text =
      "Die Bundesregierung und der Bundestag haben heute über die neuen Gesetze "
      "gesprochen, und die Minister sind mit dem Ergebnis nicht zufrieden.";
  Result<Extraction> x = testing::SharedExtractor().Extract(a);
  REQUIRE(!x.ok());
  CHECK(x.status().message().rfind("in.jsonl:3: ", 0) == 0);
  CHECK(x.status().message().find("de-1") != std::string::npos);
}

TEST_CASE("Entities are sorted by id with their surface forms", "[extract]") {
  Result<Extraction> x = testing::SharedExtractor().Extract(SeedArticle());
  REQUIRE(x.ok());
  for (size_t i = 1; i < x->entities.size(); ++i) CHECK(x->entities[i - 1].id < x->entities[i].id);
  for (const ExtractedEntity& e : x->entities) {
    if (e.id != "country_ind") continue;
    CHECK(e.iso3 == "IND");
    CHECK(std::find(e.aliases.begin(), e.aliases.end(), "Inde") != e.aliases.end());
  }
}

}  // namespace
}  // namespace newsgraph

namespace newsgraph {
namespace {

// Not run by default: `extract_tests "[.speed]"` prints the throughput.
TEST_CASE("Extraction throughput on the seed article", "[.speed]") {
  const Article a = SeedArticle();
  const int kRounds = 300;
  (void)testing::SharedExtractor();  // load outside the timing
  const auto start = std::chrono::steady_clock::now();
  size_t relations = 0;
  for (int i = 0; i < kRounds; ++i)
    relations += testing::SharedExtractor().Extract(a)->relations.size();
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "extract: " << (a.text.size() * kRounds / 1e6) / s << " MB/s per core ("
            << relations / kRounds << " relations per article)\n";
}

}  // namespace
}  // namespace newsgraph

namespace newsgraph {
namespace {

// Short news-like paragraphs from other regions, written for these tests:
// the relations each states, and one it must not yield.
struct Paragraph {
  const char* lang;
  const char* text;
  std::vector<std::array<const char*, 3>> expected;
  std::vector<std::array<const char*, 3>> forbidden;
};

TEST_CASE("Paragraphs from other regions yield the relations they state", "[extract][paragraphs]") {
  const std::vector<Paragraph> paragraphs = {
      {"en",
       "Sahel: Niger and Mali tighten ties\n\n"
       "Niger and Mali signed a defence agreement in Niamey on February 10, 2025. Algeria "
       "expressed support for Mali. Burkina Faso, which is not a member of ECOWAS, sent observers.",
       {{"country_ner", "cooperates_with", "country_mli"},
        {"country_dza", "supports", "country_mli"}},
       {{"country_bfa", "member_of", "organization_ecowas"}}},  // negated, never asserted
      {"fr",
       "Amérique latine : le Brésil et l'Argentine relancent le Mercosur\n\n"
       "Le Brésil et l'Argentine ont signé un accord de coopération le 3 mars 2025 à Buenos Aires. "
       "Le Chili a exprimé son soutien à l'Argentine. Le Paraguay a condamné les sanctions "
       "imposées "
       "par les États-Unis contre le Venezuela.",
       {{"country_bra", "cooperates_with", "country_arg"},
        {"country_chl", "supports", "country_arg"}},
       {{"country_pry", "condemns", "country_usa"}, {"country_pry", "condemns", "country_ven"}}},
      {"en",
       "Gulf states back Jordan after Amman bombing\n\n"
       "Saudi Arabia and Qatar condemned the bombing in Amman on May 12, 2025. Egypt, which hosted "
       "talks with Jordan, also denounced the attack. Iraq depends on Iran for gas.",
       {{"country_sau", "condemns", "event_amman_bombing_2025_05_12"},
        {"country_qat", "condemns", "event_amman_bombing_2025_05_12"},
        {"event_amman_bombing_2025_05_12", "held_in", "location_amman"},
        {"country_egy", "condemns", "event_amman_bombing_2025_05_12"},
        {"country_irq", "depends_on", "country_irn"}},
       {{"location_amman", "located_in", "country_jor"}}},
      {"fr",
       "Moyen-Orient : Riyad et Téhéran renouent\n\n"
       "Les ministres se sont réunis le 8 avril 2025 à Bagdad pour le sommet annuel de la Ligue "
       "arabe. "
       "L'Égypte, qui n'est pas membre de l'OPEP, a dénoncé les frappes aériennes contre le Yémen.",
       {{"event_sommet_annuel_de_la_ligue_arabe_2025_04_08", "held_in", "location_baghdad"},
        {"organization_arab_league", "participates_in",
         "event_sommet_annuel_de_la_ligue_arabe_2025_04_08"}},
       {{"country_egy", "member_of", "organization_opec"}}},
      {"fr",
       "Graphite : la Chine domine\n\n"
       "La Chine assure 80 % de la production mondiale de graphite, selon l'agence.",
       {{"country_chn", "controls", "resource_graphite"}},
       {}},
      {"en",
       "Nickel and gas: two markets\n\n"
       "Indonesia produced more than half of the world's supply of nickel last year. Russia holds "
       "a monopoly on gas exports to Serbia.",
       {{"country_idn", "controls", "resource_nickel"},
        {"country_rus", "controls", "resource_natural_gas"}},
       {{"country_rus", "controls", "country_srb"}}},
  };
  for (const Paragraph& p : paragraphs) {
    Article a;
    a.id = "p";
    a.lang = p.lang;
    a.text = p.text;
    Result<Extraction> x = testing::SharedExtractor().Extract(a);
    REQUIRE(x.ok());
    for (const auto& [s, r, t] : p.expected) {
      INFO(p.text << "\n  expected " << s << " " << r << " " << t);
      CHECK(testing::HasRelation(*x, s, r, t));
    }
    for (const auto& [s, r, t] : p.forbidden) {
      INFO(p.text << "\n  forbidden " << s << " " << r << " " << t);
      bool asserted = false;
      for (const ExtractedRelation& rel : x->relations) {
        asserted = asserted || (rel.source_id == s && rel.relation == r && rel.target_id == t &&
                                rel.modality == "asserted");
      }
      CHECK_FALSE(asserted);
    }
  }
}

TEST_CASE("An undated article's weekdays count from the date its text gives", "[extract][dates]") {
  const auto event_dates = [](const std::string& text) {
    Article a;
    a.id = "t";
    a.title = text.substr(0, text.find('\n'));
    a.text = text;
    a.lang = "en";
    Result<Extraction> x = testing::SharedExtractor().Extract(a);
    REQUIRE(x.ok());
    std::vector<std::string> dates;  // the events' dates
    for (const ExtractedEntity& e : x->entities) {
      if (e.category == "event") dates.push_back(e.date);
    }
    return std::make_pair(x->date, dates);
  };
  // The text's date is an earlier event (second paragraph): the summit on
  // Monday is the Monday after it, Thursday 19 November 2026.
  const auto later = event_dates(
      "Ministers meet after cable failure\n\n"
      "Finland and Estonia will discuss the damage at a summit in Helsinki on Monday.\n\n"
      "The cable failed on Thursday, November 19, 2026.\n");
  CHECK(later.first == "2026-11-19");
  CHECK(later.second == std::vector<std::string>{"2026-11-23"});
  // The text's date opens the article: the day's news, the Monday nearest it.
  const auto lead = event_dates(
      "Ministers meet\n\n"
      "Ministers from Finland and Estonia met on Thursday, November 19, 2026 in Helsinki.\n\n"
      "A summit in Tallinn on Monday had prepared the meeting.\n");
  CHECK(lead.first == "2026-11-19");
  CHECK(std::count(lead.second.begin(), lead.second.end(), "2026-11-16") == 1);
  // A bare day before the lead's date: the news of that day, the date an
  // earlier event's, so weekdays further down come after it.
  const auto background = event_dates(
      "Ministers condemn cable cut\n\n"
      "Estonia on Tuesday condemned the cutting of a cable, found damaged on Thursday, November "
      "19, 2026.\n\n"
      "A summit in Tallinn on Monday will discuss the damage.\n");
  CHECK(background.first == "2026-11-19");
  CHECK(std::count(background.second.begin(), background.second.end(), "2026-11-23") == 1);
}

}  // namespace
}  // namespace newsgraph
