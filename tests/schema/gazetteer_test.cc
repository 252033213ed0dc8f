#include "newsgraph/schema/gazetteer.h"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "schema/test_util.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

const Gazetteer& Default() {
  static const Result<Gazetteer> g = Gazetteer::Load(NEWSGRAPH_SCHEMA_DIR);
  if (!g.ok()) FAIL(g.status().message());
  return *g;
}

std::vector<std::string> Ids(const std::vector<const GazetteerEntry*>& entries) {
  std::vector<std::string> ids;
  for (const GazetteerEntry* e : entries) ids.push_back(e->id);
  return ids;
}

TEST_CASE("The gazetteer knows countries from CLDR and iso-codes", "[schema][gazetteer]") {
  const Gazetteer& g = Default();
  const GazetteerEntry* ind = g.Find("country_ind");
  REQUIRE(ind);
  CHECK(ind->category == "country");
  CHECK(ind->label_fr == "Inde");
  CHECK(ind->label_en == "India");
  CHECK(ind->iso2 == "IN");
  CHECK(ind->iso3 == "IND");
  CHECK(ind->m49 == "356");
  CHECK(ind->wikidata == "Q668");
  CHECK(ind->capital == "location_new_delhi");
  CHECK(g.Find("country_uzb")->label_fr == "Ouzbékistan");
  CHECK(g.Find("nope") == nullptr);
  CHECK(g.entries().size() > 249 + 20);
  CHECK(std::is_sorted(g.entries().begin(), g.entries().end(),
                       [](const auto& a, const auto& b) { return a.id < b.id; }));
}

TEST_CASE("Central Asia has the five states as members", "[schema][gazetteer]") {
  const GazetteerEntry* ca = Default().Find("region_central_asia");
  REQUIRE(ca);
  CHECK(ca->m49 == "143");
  CHECK(ca->label_fr == "Asie centrale");
  CHECK(ca->members == std::vector<std::string>{"country_kaz", "country_kgz", "country_tjk",
                                                "country_tkm", "country_uzb"});
}

TEST_CASE("Gazetteer::Lookup resolves names, spellings, acronyms and demonyms",
          "[schema][gazetteer]") {
  const Gazetteer& g = Default();
  struct Case {
    const char* surface;
    std::vector<std::string> ids;
  };
  const Case cases[] = {
      {"Kirghizistan", {"country_kgz"}},
      {"Kirghizstan", {"country_kgz"}},
      {"kirghizie", {"country_kgz"}},
      {"OCS", {"organization_sco"}},
      {"Shanghai Cooperation Organisation", {"organization_sco"}},
      {"Nations unies", {"organization_un"}},
      {"UN", {"organization_un"}},
      {"un", {}},  // the French article is not the United Nations
      {"EU", {"organization_eu"}},
      {"eu", {}},
      {"Otan", {"organization_nato"}},
      {"indiennes", {"country_ind"}},
      {"Chinoise", {"country_chn"}},
      {"ouzbèke", {"country_uzb"}},
      {"Kazakhstani", {"country_kaz"}},
      {"Etats-Unis", {"country_usa"}},
      {"États-Unis", {"country_usa"}},
      {"US", {"country_usa"}},
      {"us", {}},
      {"Royaume-Uni", {"country_gbr"}},
      {"Asie centrale", {"region_central_asia"}},
      {"New Delhi", {"location_new_delhi"}},
      {"Samarcande", {"location_samarkand"}},
      {"Achgabat", {"location_ashgabat"}},
      {"terres rares", {"resource_rare_earths"}},
      {"minéraux critiques", {"resource_critical_minerals"}},
      {"pharmaceutique", {"sector_pharmaceuticals"}},
      {"joaillerie", {"sector_jewellery"}},
      {"République d’Ouzbékistan", {"country_uzb"}},
      {"République d'Ouzbékistan", {"country_uzb"}},        // apostrophes folded
      {"Koweït", {"country_kwt", "location_kuwait_city"}},  // marked shared
      {"Atlantis", {}},
  };
  for (const Case& c : cases) {
    INFO(c.surface);
    CHECK(Ids(g.Lookup(c.surface)) == c.ids);
  }
}

TEST_CASE("Gazetteer entries carry places, capitals and organisation members",
          "[schema][gazetteer]") {
  const Gazetteer& g = Default();
  const GazetteerEntry* termez = g.Find("location_termez");
  REQUIRE(termez);
  CHECK(termez->located_in == "country_uzb");
  CHECK(termez->capital_of.empty());
  CHECK(g.Find("location_new_delhi")->capital_of == "country_ind");
  const GazetteerEntry* sco = g.Find("organization_sco");
  REQUIRE(sco);
  CHECK(std::find(sco->members.begin(), sco->members.end(), "country_ind") != sco->members.end());
  bool has_ocs = false;
  for (const GazetteerName& n : sco->names) {
    if (n.text == "OCS") {
      has_ocs = true;
      CHECK(n.kind == NameKind::kAcronym);
      CHECK(n.lang == "fr");
    }
  }
  CHECK(has_ocs);
  for (const GazetteerName& n : g.Find("organization_un")->names) {
    if (n.text == "UN") CHECK(n.case_sensitive);
  }
}

TEST_CASE("Gazetteer::NameKey folds case, apostrophes and spaces but keeps accents",
          "[schema][gazetteer]") {
  CHECK(Gazetteer::NameKey("L’INDE") == "l'inde");
  CHECK(Gazetteer::NameKey("  Asie   centrale ") == "asie centrale");
  CHECK(Gazetteer::NameKey("États-Unis") == "états-unis");
  CHECK(Gazetteer::NameKey("Etats-Unis") != Gazetteer::NameKey("États-Unis"));
  CHECK(Gazetteer::NameKey("E\xCC\x81tats") == "états");  // NFD input
}

#ifdef NEWSGRAPH_MAKE_GAZETTEER
TEST_CASE("The generated gazetteer files are exactly what make_gazetteer writes",
          "[schema][gazetteer][generated]") {
  fs::path dir = testing::FreshDir("make_gazetteer");
  std::string command = std::string(NEWSGRAPH_MAKE_GAZETTEER) + " " + dir.string();
  REQUIRE(std::system(command.c_str()) == 0);
  fs::path committed = fs::path(NEWSGRAPH_SCHEMA_DIR) / "gazetteer";
  for (const char* file : {"countries.json", "regions.json"}) {
    INFO(file);
    std::string fresh = testing::ReadAll(dir / file);
    CHECK(fresh.size() > 1000);
    CHECK(fresh == testing::ReadAll(committed / file));
  }
}
#endif

// Writes a minimal schema directory: the real schemas plus `files`.
fs::path MiniDir(const std::string& tag,
                 const std::vector<std::pair<std::string, std::string>>& files) {
  fs::path dir = testing::FreshDir(tag);
  for (const auto& item : fs::directory_iterator(NEWSGRAPH_SCHEMA_DIR)) {
    if (item.path().filename().string().find(".schema.json") != std::string::npos) {
      fs::copy_file(item.path(), dir / item.path().filename());
    }
  }
  for (const auto& [name, text] : files) testing::WriteFile(dir / "gazetteer" / name, text);
  return dir;
}

constexpr char kSectors[] = R"({"$schema": "../gazetteer_entities.schema.json", "entries": [
  {"id": "sector_energy", "category": "sector", "label": {"en": "energy", "fr": "énergie"},
   "names": {"en": ["energy"]}},
  {"id": "sector_power", "category": "sector", "label": {"en": "power", "fr": "puissance"},
   "names": {"en": ["Energy"]}}
]})";

TEST_CASE("Gazetteer::Load reports clashes and bad references with their place",
          "[schema][gazetteer]") {
  SECTION("a name given to two entries") {
    fs::path dir = MiniDir("gz_clash", {{"sectors.json", kSectors}});
    auto g = Gazetteer::Load(dir.string());
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().message() ==
          (dir / "gazetteer/sectors.json").string() +
              ":5:21: name 'Energy' of 'sector_power' is also a name of 'sector_energy' "
              "(mark one \"shared\": true if both are meant)");
  }
  SECTION("a clash explicitly allowed") {
    std::string text = kSectors;
    text.replace(text.find("[\"Energy\"]"), 10, "[{\"text\": \"Energy\", \"shared\": true}]");
    auto g = Gazetteer::Load(MiniDir("gz_shared", {{"sectors.json", text}}).string());
    REQUIRE(g.ok());
    CHECK(Ids(g->Lookup("ENERGY")) == std::vector<std::string>{"sector_energy", "sector_power"});
  }
  SECTION("an alias for an unknown id") {
    fs::path dir =
        MiniDir("gz_alias", {{"a.json", R"({"$schema": "../gazetteer_aliases.schema.json",
  "entries": [{"id": "country_xyz", "names": {"fr": ["Nulle part"]}}]})"}});
    auto g = Gazetteer::Load(dir.string());
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().message() ==
          (dir / "gazetteer/a.json").string() + ":2:22: alias for unknown id 'country_xyz'");
  }
  SECTION("an id whose prefix is not its category") {
    std::string text = kSectors;
    text.replace(text.find("sector_power"), 12, "resource_power");
    fs::path dir = MiniDir("gz_prefix", {{"sectors.json", text}});
    auto g = Gazetteer::Load(dir.string());
    REQUIRE_FALSE(g.ok());
    CHECK_THAT(g.status().message(),
               Catch::EndsWith("sectors.json:4:10: id 'resource_power' must start with its "
                               "category 'sector_'"));
  }
  SECTION("a file without a known schema") {
    fs::path dir = MiniDir("gz_noschema", {{"x.json", R"({"entries": []})"}});
    auto g = Gazetteer::Load(dir.string());
    REQUIRE_FALSE(g.ok());
    CHECK_THAT(g.status().message(), Catch::Contains("x.json:1:1: \"$schema\" must name"));
  }
  SECTION("a schema violation") {
    std::string text = kSectors;
    text.replace(text.find("\"category\": \"sector\""), 20, "\"category\": \"sectors\"");
    fs::path dir = MiniDir("gz_invalid", {{"sectors.json", text}});
    auto g = Gazetteer::Load(dir.string());
    REQUIRE_FALSE(g.ok());
    CHECK_THAT(g.status().message(),
               Catch::Contains("sectors.json:2:39: /entries/0/category: keyword 'enum'"));
  }
}

}  // namespace
}  // namespace newsgraph
