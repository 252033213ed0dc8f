#include "newsgraph/schema/ontology.h"

#include <catch2/catch.hpp>

#include "schema/test_util.h"

namespace newsgraph {
namespace {

TEST_CASE("The default ontology has the product's categories and relations", "[schema][ontology]") {
  auto o = Ontology::Load(NEWSGRAPH_SCHEMA_DIR);
  REQUIRE(o.ok());
  std::vector<std::string> categories;
  for (const CategoryDef& c : o->categories()) categories.push_back(c.name);
  CHECK(categories == std::vector<std::string>{"country", "region", "organization", "person",
                                               "location", "event", "forum", "resource", "sector"});
  std::vector<std::string> relations;
  for (const RelationDef& r : o->relations()) relations.push_back(r.name);
  CHECK(relations == std::vector<std::string>{"cooperates_with", "participates_in", "supports",
                                              "condemns", "restricts", "depends_on", "controls",
                                              "held_in", "located_in", "member_of", "edition_of",
                                              "concerns"});
  std::vector<std::string> modalities;
  for (const ModalityDef& m : o->modalities()) modalities.push_back(m.name);
  CHECK(modalities == std::vector<std::string>{"asserted", "negated", "intended", "hypothetical"});

  const CategoryDef* country = o->FindCategory("country");
  REQUIRE(country);
  CHECK(country->label_fr == "Pays");
  CHECK(country->color == "#1F77B4");
  CHECK(o->FindCategory("Country") == nullptr);

  const RelationDef* condemns = o->FindRelation("condemns");
  REQUIRE(condemns);
  CHECK(condemns->cameo == "111");
  CHECK(condemns->goldstein == -2.0);
  CHECK(condemns->color == "#D62728");
  CHECK(condemns->label_fr == "condamne");
  const RelationDef* restricts = o->FindRelation("restricts");
  CHECK(restricts->goldstein == -8.0);
  const RelationDef* coop = o->FindRelation("cooperates_with");
  CHECK(coop->symmetric);
  CHECK(coop->color == "#2CA02C");
  CHECK(coop->goldstein_min == 3.5);
  CHECK(coop->goldstein_max == 7.4);
  CHECK_FALSE(o->FindRelation("held_in")->goldstein.has_value());
  CHECK(o->FindRelation("nope") == nullptr);
}

TEST_CASE("Ontology::Allows follows source and target categories", "[schema][ontology]") {
  auto o = Ontology::Load(NEWSGRAPH_SCHEMA_DIR);
  REQUIRE(o.ok());
  CHECK(o->Allows(*o->FindRelation("condemns"), "country", "event"));
  CHECK(o->Allows(*o->FindRelation("participates_in"), "country", "forum"));
  CHECK_FALSE(o->Allows(*o->FindRelation("participates_in"), "forum", "country"));
  CHECK(o->Allows(*o->FindRelation("controls"), "country", "resource"));
  CHECK(o->Allows(*o->FindRelation("member_of"), "country", "region"));
  CHECK(o->Allows(*o->FindRelation("edition_of"), "event", "forum"));
  CHECK_FALSE(o->Allows(*o->FindRelation("edition_of"), "forum", "event"));
  CHECK(o->Allows(*o->FindRelation("concerns"), "event", "sector"));
  CHECK(o->Allows(*o->FindRelation("located_in"), "location", "country"));
  CHECK(o->Allows(*o->FindRelation("cooperates_with"), "organization", "country"));
  CHECK_FALSE(o->Allows(*o->FindRelation("cooperates_with"), "country", "resource"));
}

constexpr char kValid[] = R"({
  "version": 1,
  "categories": [{"name": "country", "label": {"en": "Country", "fr": "Pays"}, "color": "#1f77b4"}],
  "relations": [{"name": "cooperates_with", "label": {"en": "c", "fr": "c"}, "symmetric": true,
                 "source": ["country"], "target": ["country"], "color": "#2CA02C"}],
  "modalities": [{"name": "asserted", "label": {"en": "asserted", "fr": "affirmé"}}]
})";

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

TEST_CASE("Ontology::LoadFile explains broken ontologies", "[schema][ontology]") {
  auto dir = testing::FreshDir("ontology");
  std::string schema =
      (std::filesystem::path(NEWSGRAPH_SCHEMA_DIR) / "ontology.schema.json").string();
  std::string path = (dir / "ontology.json").string();
  struct Case {
    std::string name;
    std::string text;
    std::string message;  // after "<path>:"
  };
  const std::vector<Case> cases = {
      {"syntax error", Replace(kValid, "\"version\": 1,", "\"version\": 1"),
       "3:3: Missing a comma or '}' after an object member."},
      {"schema violation: bad relation name",
       Replace(kValid, "\"cooperates_with\"", "\"Cooperates\""),
       "4:26: /relations/0/name: keyword 'pattern': value \"Cooperates\" does not match pattern "
       "\"^[a-z][a-z0-9_]*$\" (schema " +
           schema + "#/definitions/name)"},
      {"schema violation: missing member", Replace(kValid, "\"symmetric\": true,", ""),
       "4:17: /relations/0: keyword 'required': missing required member 'symmetric' (schema " +
           schema + "#/properties/relations/items)"},
      {"schema violation: bad colour", Replace(kValid, "#2CA02C", "green"),
       "5:73: /relations/0/color: keyword 'pattern': value \"green\" does not match pattern "
       "\"^#[0-9A-Fa-f]{6}$\" (schema " +
           schema + "#/definitions/color)"},
      {"unknown category", Replace(kValid, "\"target\": [\"country\"]", "\"target\": [\"contry\"]"),
       "5:52: /relations/0/target/0: relation 'cooperates_with' names unknown category 'contry'"},
      {"duplicate category",
       Replace(kValid, "\"color\": \"#1f77b4\"}",
               "\"color\": \"#1f77b4\"}, {\"name\": \"country\", \"label\": {\"en\": \"x\", "
               "\"fr\": \"x\"}, \"color\": \"#000000\"}"),
       "3:110: /categories/1/name: duplicate category 'country'"},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      testing::WriteFile(path, c.text);
      auto o = Ontology::LoadFile(path, schema);
      REQUIRE_FALSE(o.ok());
      CHECK(o.status().message() == path + ":" + c.message);
    }
  }
  SECTION("the valid input loads, colour upper-cased") {
    testing::WriteFile(path, kValid);
    auto o = Ontology::LoadFile(path, schema);
    REQUIRE(o.ok());
    CHECK(o->categories()[0].color == "#1F77B4");
  }
}

}  // namespace
}  // namespace newsgraph
