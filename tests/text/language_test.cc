#include "newsgraph/text/language.h"

#include <catch2/catch.hpp>
#include <string>

#include "test_lexicons.h"

namespace newsgraph {

TEST_CASE("LangCode and ParseLang round-trip", "[text][language]") {
  CHECK(LangCode(Lang::kFr) == "fr");
  CHECK(LangCode(Lang::kEn) == "en");
  CHECK(LangCode(Lang::kUnknown) == "");
  CHECK(ParseLang("fr") == Lang::kFr);
  CHECK(ParseLang("FR") == Lang::kFr);
  CHECK(ParseLang("fr-CA") == Lang::kFr);
  CHECK(ParseLang("fra") == Lang::kFr);
  CHECK(ParseLang("en_GB") == Lang::kEn);
  CHECK(ParseLang("English") == Lang::kEn);
  CHECK(ParseLang("de") == Lang::kUnknown);
  CHECK(ParseLang("") == Lang::kUnknown);
}

TEST_CASE("LanguageDetector tells French and English from other languages", "[text][language]") {
  const LanguageDetector detector(testing::ShippedStopwords());
  struct Case {
    const char* text;
    Lang lang;
  };
  const Case cases[] = {
      {"Le 6 juin 2025, \u00E0 New Delhi, s\u2019est tenu le quatri\u00E8me dialogue "
       "minist\u00E9riel "
       "entre l\u2019Inde et les pays d\u2019Asie centrale.",
       Lang::kFr},
      {"Inde et Asie centrale : une alliance strat\u00E9gique pour les terres rares", Lang::kFr},
      {"On June 6, 2025, the fourth ministerial dialogue between India and the countries of "
       "Central Asia was held in New Delhi.",
       Lang::kEn},
      {"China controls about 70% of the world's production of rare earths.", Lang::kEn},
      // German and Spanish, written for this test.
      {"Die Regierung hat am Montag neue Ma\u00DFnahmen f\u00FCr die Wirtschaft angek\u00FCndigt, "
       "und der Minister sagte, dass die Lage ernst ist.",
       Lang::kUnknown},
      {"El gobierno de Espa\u00F1a anunci\u00F3 ayer que la econom\u00EDa crecer\u00E1 un tres por "
       "ciento este a\u00F1o, seg\u00FAn el ministro.",
       Lang::kUnknown},
      {"New Delhi", Lang::kUnknown},
      {"2025 70% 90%", Lang::kUnknown},
      {"", Lang::kUnknown},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(detector.Detect(c.text) == c.lang);
  }
  CHECK(detector.Detect(testing::ReadSeedArticle()) == Lang::kFr);
}

TEST_CASE("LanguageDetector scores count stopword hits per language", "[text][language]") {
  StopwordLexicon lexicon;
  lexicon.by_lang["fr"] = {"le", "la", "et"};
  lexicon.by_lang["en"] = {"the", "and"};
  const LanguageDetector detector(lexicon);
  size_t words = 0;
  const auto scores = detector.Scores("Le chat et LA souris, the end", &words);
  CHECK(words == 7);
  CHECK(scores.at("fr") == 3);
  CHECK(scores.at("en") == 1);
  CHECK(detector.Detect("Le chat et la souris") == Lang::kFr);
  CHECK(detector.Detect("the cat and the mouse") == Lang::kEn);
  CHECK(detector.Detect("le the") == Lang::kUnknown);  // a tie (and too few hits)
}

}  // namespace newsgraph
