#include "newsgraph/eval/gold.h"

#include <rapidjson/document.h>
#include <rapidjson/schema.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace newsgraph {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> GoldFiles() {
  std::vector<std::string> files;
  // The development examples and the held-out set (examples/heldout/README.md).
  for (const char* dir : {"/examples", "/examples/heldout"}) {
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(NEWSGRAPH_SOURCE_DIR) + dir)) {
      const std::string path = entry.path().string();
      if (path.size() > 10 && path.compare(path.size() - 10, 10, ".gold.json") == 0) {
        files.push_back(path);
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST_CASE("Every example gold file loads, names known keys and quotes its article",
          "[eval][gold]") {
  std::vector<std::string> files = GoldFiles();
  REQUIRE(files.size() >= 7);
  for (const std::string& path : files) {
    CAPTURE(path);
    Result<GoldGraph> gold = LoadGold(path);
    REQUIRE(gold.ok());
    const std::string base = path.substr(0, path.size() - 10);
    CHECK(gold->article == std::filesystem::path(base).filename().string() + ".txt");
    CHECK(gold->ArticleId() == std::filesystem::path(base).filename().string());
    CHECK((gold->lang == "fr" || gold->lang == "en"));
    CHECK_FALSE(gold->source.empty());
    CHECK_FALSE(gold->license.empty());
    const std::string text = Slurp(base + ".txt");
    REQUIRE_FALSE(text.empty());
    CHECK_FALSE(gold->entities.empty());
    CHECK_FALSE(gold->relations.empty());
    for (const GoldEntity& e : gold->entities) {
      CAPTURE(e.key);
      for (const std::string& alias : e.aliases) {
        CAPTURE(alias);
        CHECK(text.find(alias) != std::string::npos);  // a surface form of the text
      }
      if (e.type == "event" && !e.optional) CHECK_FALSE(e.name.empty());
    }
    for (const auto* list : {&gold->relations, &gold->negated_relations}) {
      for (const GoldRelation& r : *list) {
        CAPTURE(r.source, r.relation, r.target);
        CHECK(gold->FindEntity(r.source) != nullptr);
        CHECK(gold->FindEntity(r.target) != nullptr);
        REQUIRE_FALSE(r.evidence.empty());
        CHECK(text.find(r.evidence) != std::string::npos);  // byte-exact sentence
      }
    }
  }
}

TEST_CASE("Every example gold file is valid for graph_schemas/gold.schema.json",
          "[eval][gold][schema]") {
  rapidjson::Document schema_doc;
  schema_doc.Parse(Slurp(std::string(NEWSGRAPH_SCHEMA_DIR) + "/gold.schema.json").c_str());
  REQUIRE_FALSE(schema_doc.HasParseError());
  rapidjson::SchemaDocument schema(schema_doc);
  for (const std::string& path : GoldFiles()) {
    CAPTURE(path);
    rapidjson::Document doc;
    doc.Parse(Slurp(path).c_str());
    REQUIRE_FALSE(doc.HasParseError());
    rapidjson::SchemaValidator validator(schema);
    CHECK(doc.Accept(validator));
  }
  SECTION("and the schema rejects what LoadGold rejects") {
    rapidjson::Document doc;
    doc.Parse(R"json({"article":"a.txt","entities":[{"key":"a","type":"nation","name":"A"}],
                  "relations":[]})json");
    rapidjson::SchemaValidator validator(schema);
    CHECK_FALSE(doc.Accept(validator));
  }
}

TEST_CASE("The examples cover every relation type, both languages and negation", "[eval][gold]") {
  std::set<std::string> relations, negated_langs, intended_langs;
  int fr = 0, en = 0;
  for (const std::string& path : GoldFiles()) {
    Result<GoldGraph> gold = LoadGold(path);
    REQUIRE(gold.ok());
    (gold->lang == "fr" ? fr : en) += 1;
    for (const GoldRelation& r : gold->relations) {
      if (!r.optional) relations.insert(r.relation);
      if (r.modality == "intended" || r.modality == "hypothetical") {
        intended_langs.insert(gold->lang);
      }
    }
    if (!gold->negated_relations.empty()) negated_langs.insert(gold->lang);
  }
  CHECK(fr >= 4);
  CHECK(en >= 3);
  CHECK(std::vector<std::string>(relations.begin(), relations.end()) == GoldRelationTypes());
  CHECK(negated_langs == std::set<std::string>{"en", "fr"});
  CHECK(intended_langs == std::set<std::string>{"en", "fr"});
}

TEST_CASE("The seed example's gold states what the product brief lists", "[eval][gold]") {
  Result<GoldGraph> gold =
      LoadGold(std::string(NEWSGRAPH_SOURCE_DIR) + "/examples/inde-asie-centrale.gold.json");
  REQUIRE(gold.ok());
  auto has = [&](const std::string& s, const std::string& rel, const std::string& t) {
    for (const GoldRelation& r : gold->relations) {
      if (r.source == s && r.relation == rel && r.target == t && !r.optional) return true;
    }
    return false;
  };
  for (const char* c :
       {"country_kaz", "country_kgz", "country_tjk", "country_tkm", "country_uzb"}) {
    CAPTURE(c);
    CHECK(has("country_ind", "cooperates_with", c));
    CHECK(has(c, "member_of", "region_central_asia"));
    CHECK(has(c, "condemns", "event_pahalgam_attack_2025"));
    CHECK(has(c, "depends_on", "country_chn"));
  }
  CHECK(has("country_chn", "restricts", "resource_rare_earths"));
  CHECK(has("country_chn", "controls", "resource_rare_earths"));
  CHECK(has("event_india_central_asia_dialogue_2025", "held_in", "location_new_delhi"));
  const GoldEntity* dialogue = gold->FindEntity("event_india_central_asia_dialogue_2025");
  REQUIRE(dialogue != nullptr);
  CHECK(dialogue->date == "2025-06-06");  // from the name
  CHECK(gold->FindEntity("event_rare_earths_forum_2024")->date == "2024-09");
}

TEST_CASE("Broken gold inputs are reported with line and column", "[eval][gold]") {
  struct Case {
    const char* json;
    const char* error;
  };
  const Case cases[] = {
      {"", "t.json: empty file"},
      {"[]", "t.json:1:1: a gold file is a JSON object"},
      {"{\"article\": \"a.txt\",\n \"entities\": [], \"relations\": [] ,}",
       "t.json:2:35: missing a name for object member"},
      {"{\"entities\": [], \"relations\": []}", "t.json:1:1: missing field 'article'"},
      {"{\"article\": 7, \"entities\": [], \"relations\": []}",
       "t.json:1:13: 'article' must be a string, not a number"},
      {"{\"article\": \"a.txt\", \"relations\": []}", "t.json:1:1: missing field 'entities'"},
      {"{\"article\": \"a.txt\",\n \"entities\": [\n  {\"key\": \"ind\", \"type\": \"nation\", "
       "\"name\": \"India\"}],\n \"relations\": []}",
       "t.json:3:26: unknown entity type 'nation'"},
      {"{\"article\": \"a.txt\", \"entities\": [\n  {\"key\": \"a\", \"type\": \"country\", "
       "\"name\": \"A\"},\n  {\"key\": \"a\", \"type\": \"country\", \"name\": \"B\"}],\n "
       "\"relations\": []}",
       "t.json:3:11: duplicate entity key 'a'"},
      {"{\"article\": \"a.txt\", \"entities\": [\n  {\"key\": \"a\", \"type\": \"country\", "
       "\"name\": \"A\"}],\n \"relations\": [\n  {\"source\": \"a\", \"relation\": "
       "\"cooperates_with\", \"target\": \"kazakstan\"}]}",
       "t.json:4:60: relation names unknown entity key 'kazakstan'"},
      {"{\"article\": \"a.txt\", \"entities\": [\n  {\"key\": \"a\", \"type\": \"country\", "
       "\"name\": \"A\"},\n  {\"key\": \"b\", \"type\": \"country\", \"name\": \"B\"}],\n "
       "\"relations\": [\n  {\"source\": \"a\", \"relation\": \"likes\", \"target\": \"b\"}]}",
       "t.json:5:31: unknown relation type 'likes'"},
      {"{\"article\": \"a.txt\", \"entities\": [\n  {\"key\": \"a\", \"type\": \"country\", "
       "\"name\": \"A\"},\n  {\"key\": \"b\", \"type\": \"country\", \"name\": \"B\"}],\n "
       "\"relations\": [\n  {\"source\": \"a\", \"relation\": \"cooperates_with\", \"target\": "
       "\"b\"},\n  {\"source\": \"b\", \"relation\": \"cooperates_with\", \"target\": \"a\"}]}",
       "t.json:6:3: duplicate relation b cooperates_with a"},
      {"{\"article\": \"a.txt\", \"entities\": [\n  {\"key\": \"a\", \"type\": \"country\", "
       "\"name\": \"A\", \"qid\": \"668\"}], \"relations\": []}",
       "t.json:2:55: '668' is not a wikidata id (Q123)"},
      {"{\"article\": \"a.txt\", \"entities\": [\n  {\"key\": \"a\", \"type\": \"event\", "
       "\"name\": \"A\", \"date\": \"June 2025\"}], \"relations\": []}",
       "t.json:2:54: 'June 2025' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"},
      {"{\"article\": \"a.txt\", \"entities\": [\n  {\"key\": \"a\", \"type\": \"country\", "
       "\"name\": \"Ä\", \"optional\": \"yes\"}], \"relations\": []}",
       "t.json:2:60: 'optional' must be true or false, not a string"},
      {"{\"article\": \"a.txt\", \"entities\": [], \"relations\": [], \"article\": \"b.txt\"}",
       "t.json:1:55: duplicate field 'article'"},
      {"{\"article\": \"a.txt\", \"entities\": [\n  {\"key\": \"a\", \"type\": \"country\", "
       "\"name\": \"A\"},\n  {\"key\": \"b\", \"type\": \"country\", \"name\": \"B\"}],\n "
       "\"relations\": [\n  {\"source\": \"a\", \"relation\": \"condemns\", \"target\": "
       "\"b\", \"modality\": \"negated\"}]}",
       "t.json:5:70: modality 'negated' is not asserted, intended or hypothetical (negated "
       "relations go in 'negated_relations')"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.json);
    Result<GoldGraph> gold = ParseGold(c.json, "t.json");
    REQUIRE_FALSE(gold.ok());
    CHECK(gold.status().message() == c.error);
    CHECK(gold.status().code() == StatusCode::kInputError);
  }
}

TEST_CASE("LoadGold names a missing file", "[eval][gold]") {
  Result<GoldGraph> gold = LoadGold("/nonexistent/x.gold.json");
  REQUIRE_FALSE(gold.ok());
  CHECK(gold.status().message().find("/nonexistent/x.gold.json") == 0);
}

TEST_CASE("A minimal gold file loads with its defaults", "[eval][gold]") {
  Result<GoldGraph> gold = ParseGold(
      R"json({"article": "dir/a-b.txt", "entities": [
            {"key": "s", "type": "event", "name": "Summit (2025-06-06)", "x-note": 1},
            {"key": "t", "type": "event", "name": "Forum", "date": "2024-09", "optional": true},
            {"key": "c", "type": "country", "name": "India (2025)"}],
          "relations": [{"source": "s", "relation": "edition_of", "target": "t"}],
          "negated_relations": [{"source": "c", "relation": "condemns", "target": "s"}]})json",
      "t.json");
  REQUIRE(gold.ok());
  CHECK(gold->ArticleId() == "a-b");
  REQUIRE(gold->entities.size() == 3);
  CHECK(gold->entities[0].date == "2025-06-06");
  CHECK(gold->entities[1].date == "2024-09");
  CHECK(gold->entities[1].optional);
  CHECK(gold->entities[2].date.empty());  // only events take a date from the name
  REQUIRE(gold->relations.size() == 1);
  CHECK(gold->relations[0].modality == "asserted");
  CHECK_FALSE(gold->relations[0].optional);
  REQUIRE(gold->negated_relations.size() == 1);
  CHECK(gold->negated_relations[0].modality == "negated");
}

TEST_CASE("TrailingDate reads the ISO date that opens the final parentheses", "[eval][gold]") {
  CHECK(TrailingDate("4th India-Central Asia Dialogue (2025-06-06)") == "2025-06-06");
  CHECK(TrailingDate("Forum (2024-09) ") == "2024-09");
  CHECK(TrailingDate("Summit (2027)") == "2027");
  CHECK(TrailingDate("Summit (planned)") == "");
  CHECK(TrailingDate("Summit (2025-6-6)") == "");
  CHECK(TrailingDate("(2025-06-06) summit") == "");
  CHECK(TrailingDate("") == "");
  // The date first among other details; a span as it is written.
  CHECK(TrailingDate("4th Forum (2026-11-23, Helsinki)") == "2026-11-23");
  CHECK(TrailingDate("Conference (2026-05-05/06, Bujumbura)") == "2026-05-05/06");
  CHECK(TrailingDate("Talks (2026-05-30/06-02)") == "2026-05-30/06-02");
  CHECK(TrailingDate("Talks (2026-05-06/05)") == "2026-05-06");  // backwards: its first day
  CHECK(TrailingDate("Talks (2026-05-06/x)") == "2026-05-06");
  CHECK(TrailingDate("Summit (2027, planned)") == "2027");
  CHECK(TrailingDate("Summit (Abuja, 2026-12-13)") == "");
}

}  // namespace
}  // namespace newsgraph
