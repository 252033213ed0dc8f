#include "newsgraph/schema/text_lexicons.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "newsgraph/text/normalizer.h"
#include "schema/test_util.h"

namespace newsgraph {

TEST_CASE("LoadTextLexicons reads the shipped lexicons", "[schema][text_lexicons]") {
  Result<TextLexicons> lex = LoadTextLexicons(NEWSGRAPH_SCHEMA_DIR);
  REQUIRE(lex.ok());
  CHECK(lex->dates.fr.months.size() == 12);
  CHECK(lex->dates.en.weekdays.size() == 7);
  CHECK(lex->dates.fr.months[7][0] == "ao\u00FBt");
  CHECK(lex->dates.en.names_capitalized);
  CHECK(lex->dates.en.month_first_numeric);
  CHECK_FALSE(lex->dates.fr.month_first_numeric);
  CHECK(lex->stopwords.by_lang.count("fr") == 1);
  CHECK(lex->stopwords.by_lang.count("de") == 1);
  CHECK(!lex->abbreviations.fr.abbreviations.empty());
  CHECK(!lex->abbreviations.en.may_end_sentence.empty());

  // The loaded lexicons drive the text layer end to end on the seed article.
  const std::string original =
      testing::ReadAll(std::string(NEWSGRAPH_SHARED_DIR) + "/seed/inde-asie-centrale.txt");
  const MappedText norm = Normalize(original);
  const LanguageDetector detector(lex->stopwords);
  CHECK(detector.Detect(norm.text) == Lang::kFr);
  const SentenceSplitter splitter(lex->abbreviations);
  CHECK(splitter.Split(norm.text, Lang::kFr).size() == 32);
  const DateFinder dates(lex->dates);
  const std::vector<DateMention> found = dates.Find(norm.text, Lang::kFr, "2025-06-07");
  REQUIRE(!found.empty());
  CHECK(found[0].iso == "2025-06-06");
}

TEST_CASE("LoadTextLexicons reports a broken lexicon with its place", "[schema][text_lexicons]") {
  const std::filesystem::path dir = testing::FreshDir("text_lexicons");
  const std::filesystem::path src = std::filesystem::path(NEWSGRAPH_SCHEMA_DIR) / "lexicons";
  for (const char* name : {"abbreviations", "dates", "stopwords"}) {
    for (const char* ext : {".json", ".schema.json"}) {
      testing::WriteFile(dir / "lexicons" / (std::string(name) + ext),
                         testing::ReadAll(src / (std::string(name) + ext)));
    }
  }
  REQUIRE(LoadTextLexicons(dir.string()).ok());

  SECTION("eleven months") {
    std::string dates = testing::ReadAll(dir / "lexicons" / "dates.json");
    const std::string november = "[\"novembre\", \"nov\"],";
    const size_t at = dates.find(november);
    REQUIRE(at != std::string::npos);
    dates.erase(at, november.size());
    testing::WriteFile(dir / "lexicons" / "dates.json", dates);
    Result<TextLexicons> lex = LoadTextLexicons(dir.string());
    REQUIRE_FALSE(lex.ok());
    const std::string& message = lex.status().message();
    CHECK(message.find("dates.json:") != std::string::npos);
    CHECK(message.find("/fr/months") != std::string::npos);
  }
  SECTION("a missing file") {
    std::filesystem::remove(dir / "lexicons" / "stopwords.json");
    Result<TextLexicons> lex = LoadTextLexicons(dir.string());
    REQUIRE_FALSE(lex.ok());
    CHECK(lex.status().message().find("stopwords.json") != std::string::npos);
  }
  SECTION("a syntax error") {
    testing::WriteFile(dir / "lexicons" / "abbreviations.json", "{\"fr\": [,]}");
    Result<TextLexicons> lex = LoadTextLexicons(dir.string());
    REQUIRE_FALSE(lex.ok());
    CHECK(lex.status().message().find("abbreviations.json:1:") != std::string::npos);
  }
}

}  // namespace newsgraph
