// LoadExtractionLexicon: graph_schemas/lexicons/{mentions,relations}.json.
#include "newsgraph/schema/extraction_lexicon.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

namespace newsgraph {
namespace {

TEST_CASE("The extractor's lexicons load and validate for both languages", "[schema][lexicon]") {
  Result<ExtractionLexicon> lex = LoadExtractionLexicon(NEWSGRAPH_SCHEMA_DIR);
  REQUIRE(lex.ok());
  for (const LanguageLexicon* l : {&lex->fr, &lex->en}) {
    CHECK(!l->relations.triggers.empty());
    CHECK(!l->mentions.event_nouns.empty());
    CHECK(!l->mentions.ordinals.empty());
    for (const TriggerDef& t : l->relations.triggers) {
      INFO(t.id);
      CHECK(!t.forms.empty());
    }
  }
  const auto& fr = lex->fr.relations.triggers;
  auto dep = std::find_if(fr.begin(), fr.end(),
                          [](const TriggerDef& t) { return t.id == "fr.depends_on"; });
  REQUIRE(dep != fr.end());
  CHECK(dep->relation == "depends_on");
  CHECK(std::find(dep->object_preps.begin(), dep->object_preps.end(), "à l'égard de") !=
        dep->object_preps.end());
}

TEST_CASE("A missing lexicon directory is an error naming the file", "[schema][lexicon]") {
  Result<ExtractionLexicon> lex = LoadExtractionLexicon("/nonexistent");
  REQUIRE(!lex.ok());
  CHECK(lex.status().message().find("mentions.json") != std::string::npos);
}

}  // namespace
}  // namespace newsgraph
