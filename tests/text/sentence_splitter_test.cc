#include "newsgraph/text/sentence_splitter.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "newsgraph/text/normalizer.h"
#include "test_lexicons.h"

namespace newsgraph {
namespace {

std::vector<std::string> Sentences(std::string_view text, Lang lang) {
  const SentenceSplitter splitter(testing::ShippedAbbreviations());
  std::vector<std::string> out;
  for (Span s : splitter.Split(text, lang)) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("SentenceSplitter splits the seed article at the right places", "[text][splitter]") {
  const std::string original = testing::ReadSeedArticle();
  const MappedText m = Normalize(original);
  const SentenceSplitter splitter(testing::ShippedAbbreviations());
  const std::vector<Span> spans = splitter.Split(m.text, Lang::kFr);
  std::vector<std::string> orig;  // each sentence as written in the original
  for (Span s : spans) {
    const Span o = m.ToOriginalSpan(s, original);
    orig.emplace_back(original.substr(o.begin, o.size()));
  }
  REQUIRE(orig.size() == 32);
  CHECK(orig[0] == "Inde et Asie centrale : une alliance strat\u00E9gique pour les terres rares");
  CHECK(orig[1] == "sommet-inde-asie-centrale");
  CHECK(orig[4] ==
        "Le 6 juin 2025, \u00E0 New Delhi, s\u2019est tenu le quatri\u00E8me dialogue "
        "minist\u00E9riel "
        "entre l\u2019Inde et les pays d\u2019Asie centrale.");
  CHECK(orig[7] ==
        "Un partenariat strat\u00E9gique pour l\u2019exploration des min\u00E9raux critiques");
  CHECK(orig[13].rfind("La Chine contr\u00F4le environ 70% de la production", 0) == 0);
  CHECK(orig[13].substr(orig[13].size() - 18) == "de leur raffinage.");
  CHECK(orig[14].rfind("En avril 2025, elle a impos\u00E9", 0) == 0);
  CHECK(orig[28] == "Par Pa\u00EFsiy Ukhanov");
  CHECK(orig[29] == "Le 06/07/2025");
  CHECK(orig[30] == "Newsletter");
  // Every span is trimmed, non-empty, ordered and inside one line.
  for (size_t k = 0; k < spans.size(); ++k) {
    CHECK(!spans[k].empty());
    CHECK(m.text[spans[k].begin] != ' ');
    CHECK(m.text[spans[k].end - 1] != ' ');
    CHECK(m.text.substr(spans[k].begin, spans[k].size()).find('\n') == std::string::npos);
    if (k) CHECK(spans[k - 1].end <= spans[k].begin);
  }
}

TEST_CASE("SentenceSplitter survives French abbreviations, initials and numbers",
          "[text][splitter]") {
  struct Case {
    const char* in;
    Lines out;
  };
  const std::vector<Case> cases = {
      {"M. Modi est arriv\u00E9. Mme Sitharaman aussi.",
       {"M. Modi est arriv\u00E9.", "Mme Sitharaman aussi."}},
      {"Le Dr. Martin et St. Louis. Fin.", {"Le Dr. Martin et St. Louis.", "Fin."}},
      {"Vers 300 av. J.-C. Les Romains arrivent.", {"Vers 300 av. J.-C. Les Romains arrivent."}},
      {"Des m\u00E9taux, p. ex. Le lithium.", {"Des m\u00E9taux, p. ex. Le lithium."}},
      {"Du cuivre, du zinc, etc. Le reste suit.", {"Du cuivre, du zinc, etc.", "Le reste suit."}},
      {"Du cuivre, etc. et du zinc.", {"Du cuivre, etc. et du zinc."}},
      {"Par Pa\u00EFsiy U. Le texte suit.", {"Par Pa\u00EFsiy U. Le texte suit."}},
      {"Une hausse de 3.5 points et 1.000 tonnes. Puis 70 %. Ensuite.",
       {"Une hausse de 3.5 points et 1.000 tonnes.", "Puis 70 %.", "Ensuite."}},
      {"Il est arriv\u00E9 1er. Ensuite il est parti.",
       {"Il est arriv\u00E9 1er.", "Ensuite il est parti."}},
      {"Le 1er mars. Fin.", {"Le 1er mars.", "Fin."}},
      {"Il a dit : \"C'est fini.\" Puis il est parti.",
       {"Il a dit : \"C'est fini.\"", "Puis il est parti."}},
      {"\"Non !\" dit-il. \"Oui ?\" Elle rit.", {"\"Non !\" dit-il.", "\"Oui ?\"", "Elle rit."}},
      {"Vraiment ? Oui ! Et alors ? rien.", {"Vraiment ?", "Oui !", "Et alors ? rien."}},
      {"Il h\u00E9site... Puis il part. Et puis... rien.",
       {"Il h\u00E9site...", "Puis il part.", "Et puis... rien."}},
      {"(Voir plus haut.) La suite.", {"(Voir plus haut.)", "La suite."}},
      {"Il pleut. \u2014 Oui, dit-elle.", {"Il pleut.", "\u2014 Oui, dit-elle."}},
      {"Titre sans point\nPremier paragraphe. Second.\n\nFin",
       {"Titre sans point", "Premier paragraphe.", "Second.", "Fin"}},
      {"  \n\n  ", {}},
      {"", {}},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(Sentences(Normalize(c.in).text, Lang::kFr) == c.out);
  }
}

TEST_CASE("SentenceSplitter survives English abbreviations and acronyms", "[text][splitter]") {
  struct Case {
    const char* in;
    Lines out;
  };
  const std::vector<Case> cases = {
      {"Mr. Smith met Dr. Jones. They talked.", {"Mr. Smith met Dr. Jones.", "They talked."}},
      {"J. K. Rowling wrote it. It sold.", {"J. K. Rowling wrote it.", "It sold."}},
      {"The U.S. Senate voted. Then it rested.", {"The U.S. Senate voted.", "Then it rested."}},
      {"Metals, e.g. Lithium, matter. Yes.", {"Metals, e.g. Lithium, matter.", "Yes."}},
      {"Apple Inc. Said nothing.", {"Apple Inc.", "Said nothing."}},
      {"He left at 5 p.m. The rest stayed.", {"He left at 5 p.m.", "The rest stayed."}},
      {"Prices rose 3.5% in Jan. 2025. Analysts agree.",
       {"Prices rose 3.5% in Jan. 2025.", "Analysts agree."}},
      {"\"It is over.\" She left.", {"\"It is over.\"", "She left."}},
      {"She signed it on Jan. 5. It holds.", {"She signed it on Jan. 5.", "It holds."}},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(Sentences(Normalize(c.in).text, Lang::kEn) == c.out);
  }
}

TEST_CASE("SentenceSplitter uses the abbreviations it is given", "[text][splitter]") {
  AbbreviationLexicon lexicon;
  lexicon.fr.abbreviations = {"Xyz."};
  const SentenceSplitter splitter(lexicon);
  const std::string text = "Le Xyz. Truc part. Le Abc. Truc part.";
  std::vector<Span> spans;
  splitter.Split(text, Lang::kFr, &spans);
  REQUIRE(spans.size() == 3);
  CHECK(text.substr(spans[0].begin, spans[0].size()) == "Le Xyz. Truc part.");
  CHECK(text.substr(spans[1].begin, spans[1].size()) == "Le Abc.");
  // English has no abbreviations here: "Xyz." ends a sentence.
  CHECK(splitter.Split(text, Lang::kEn).size() == 4);
  // Unknown language uses both lists.
  CHECK(splitter.Split(text, Lang::kUnknown).size() == 3);
}

TEST_CASE("SentenceSplitter matches multi-word and folded entries through their last word",
          "[text][splitter]") {
  AbbreviationLexicon lexicon;
  lexicon.fr.abbreviations = {"av.", "av. J.-C.", "env.", "ete."};
  lexicon.fr.may_end_sentence = {"cf."};
  const SentenceSplitter splitter(lexicon);
  const auto count = [&](const std::string& text) {
    return splitter.Split(text, Lang::kFr).size();
  };
  CHECK(count("En 300 av. J.-C. Les Romains. Fin.") == 2);  // two words, the last one listed
  CHECK(count("En 300 ap. J.-C. Les Romains. Fin.") == 4);  // the last word alone is no entry
  CHECK(count("Il y a Env. Trois ans. Fin.") == 2);         // lower-case entry, capitalised
  CHECK(count("Il y a ENV. Trois ans. Fin.") == 2);         // folded, so upper case too
  CHECK(count("Il y a Envi. Trois ans. Fin.") == 3);
  // Longer than every entry's last word, but folding shortens it to one.
  CHECK(count("En \u00C9T\u00C9. Trois ans. Fin.") == 2);
  CHECK(count("En \u00C9T\u00C0S. Trois ans. Fin.") == 3);
  CHECK(count("En ETEETEETE. Trois ans. Fin.") == 3);
  CHECK(count("Voir Cf. Les autres. Fin.") == 3);  // may end: a capital follows
  CHECK(count("Voir cf. les autres. Fin.") == 2);
}

TEST_CASE("SentenceSplitter finds a sentence end at any byte of a long line", "[text][splitter]") {
  const SentenceSplitter splitter(AbbreviationLexicon{});
  for (const char* end : {".", "!", "?", "...", "?!"}) {
    for (size_t n = 1; n <= 20; ++n) {
      const std::string first = std::string(n, 'a') + end;
      const std::string text = first + " Suite " + std::string(n, 'b') + end;
      const std::vector<Span> spans = splitter.Split(text, Lang::kFr);
      INFO(text);
      REQUIRE(spans.size() == 2);
      CHECK(text.substr(spans[0].begin, spans[0].size()) == first);
    }
  }
}

}  // namespace newsgraph
