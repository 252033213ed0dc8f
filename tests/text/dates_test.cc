#include "newsgraph/text/dates.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "newsgraph/text/normalizer.h"
#include "newsgraph/text/tokenizer.h"
#include "test_lexicons.h"

namespace newsgraph {
namespace {

// The mentions as Show() prints them, and their spans.
std::vector<std::string> Spans(const std::vector<DateMention>& dates) {
  std::vector<std::string> out;
  for (const DateMention& d : dates) {
    out.push_back(std::to_string(d.begin) + "-" + std::to_string(d.end) + " " + d.iso + " " +
                  std::to_string(static_cast<int>(d.precision)) + (d.relative ? " rel" : ""));
  }
  return out;
}

// Find() from the text's token stream, as the extractor calls it.
std::vector<DateMention> FindFromTokens(const DateFinder& finder, std::string_view text, Lang lang,
                                        std::string_view article,
                                        DateFinder::Anchor anchor = DateFinder::Anchor::kPublished,
                                        size_t anchor_at = 0) {
  std::vector<Token> tokens;
  Tokenize(text, {0, static_cast<uint32_t>(text.size())}, &tokens);
  std::vector<DateFinder::TokenKey> keys;
  for (const Token& t : tokens) keys.push_back(finder.KeyOf(lang, TokenText(text, t), t.kind));
  return finder.Find(text, DateFinder::TokenStream{tokens, keys}, lang, article, anchor, anchor_at);
}

// Each mention as "iso <surface> precision[ relative]", precision d/m/y.
// Checks that the token stream gives the same mentions as the text.
std::vector<std::string> Show(std::string_view original, Lang lang, std::string_view article) {
  const MappedText m = Normalize(original);
  const DateFinder finder(testing::ShippedDates());
  std::vector<std::string> out;
  const std::vector<DateMention> found = finder.Find(m.text, lang, article);
  if (lang != Lang::kUnknown) {
    CHECK(Spans(FindFromTokens(finder, m.text, lang, article)) == Spans(found));
  }
  for (const DateMention& d : found) {
    const char p = d.precision == DatePrecision::kDay     ? 'd'
                   : d.precision == DatePrecision::kMonth ? 'm'
                                                          : 'y';
    out.push_back(d.iso + " <" + m.text.substr(d.begin, d.end - d.begin) + "> " + p +
                  (d.relative ? " rel" : ""));
  }
  return out;
}

using Found = std::vector<std::string>;
constexpr const char* kWednesday = "2025-06-11";  // article date used below

struct Case {
  const char* in;
  Found out;
};

}  // namespace

TEST_CASE("DateFinder reads French dates", "[text][dates]") {
  const std::vector<Case> cases = {
      {"Le 6 juin 2025, \u00E0 New Delhi", {"2025-06-06 <6 juin 2025> d"}},
      {"le 1er mars 2024 et le 22 avril 2025",
       {"2024-03-01 <1er mars 2024> d", "2025-04-22 <22 avril 2025> d"}},
      {"tenu en septembre 2024.", {"2024-09 <septembre 2024> m"}},
      {"En avril 2025, elle a impos\u00E9", {"2025-04 <avril 2025> m"}},
      {"Le 06/07/2025", {"2025-07-06 <06/07/2025> d"}},
      {"publi\u00E9 le 2025-06-06 \u00E0 9h", {"2025-06-06 <2025-06-06> d"}},
      {"en 2024, puis en 1998", {"2024 <2024> y", "1998 <1998> y"}},
      {"mardi 10 juin 2025", {"2025-06-10 <mardi 10 juin 2025> d"}},
      {"le 14 ao\u00FBt et le 3 FEVRIER 2020",
       {"2025-08-14 <14 ao\u00FBt> d rel", "2020-02-03 <3 FEVRIER 2020> d"}},
      {"en septembre, il pleut", {"2025-09 <septembre> m rel"}},
      {"mardi, le ministre", {"2025-06-10 <mardi> d rel"}},
      {"mardi dernier", {"2025-06-10 <mardi dernier> d rel"}},
      {"mercredi et mercredi dernier",
       {"2025-06-11 <mercredi> d rel", "2025-06-04 <mercredi dernier> d rel"}},
      {"lundi prochain, mercredi prochain",
       {"2025-06-16 <lundi prochain> d rel", "2025-06-18 <mercredi prochain> d rel"}},
      {"hier, aujourd\u2019hui et demain",
       {"2025-06-10 <hier> d rel", "2025-06-11 <aujourd'hui> d rel", "2025-06-12 <demain> d rel"}},
      {"avant-hier", {"2025-06-09 <avant-hier> d rel"}},
      {"la semaine derni\u00E8re, 70 % et 2024 tonnes", {}},
      {"le 31/02/2025 et le 30 f\u00E9vrier 2024", {}},
      {"sept. 2024", {"2024-09 <sept. 2024> m"}},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(Show(c.in, Lang::kFr, kWednesday) == c.out);
  }
}

TEST_CASE("A range of days is dated by its first day, a night by its end", "[text][dates]") {
  CHECK(Show("du 3 au 5 juin 2025 \u00E0 Rabat", Lang::kFr, kWednesday) ==
        Found{"2025-06-03 <3 au 5 juin 2025> d"});
  CHECK(Show("les 3 et 4 juin 2025", Lang::kFr, kWednesday) ==
        Found{"2025-06-03 <3 et 4 juin 2025> d"});
  CHECK(Show("on 3-5 June 2025", Lang::kEn, kWednesday) == Found{"2025-06-03 <3-5 June 2025> d"});
  CHECK(Show("dans la nuit du 12 au 13 septembre 2026", Lang::kFr, kWednesday) ==
        Found{"2026-09-13 <13 septembre 2026> d"});
  CHECK(Show("dans la nuit de samedi \u00E0 dimanche", Lang::kFr, kWednesday) ==
        Found{"2025-06-08 <dimanche> d rel"});
  // Not a range: the days go down, or the first is no day.
  CHECK(Show("le 5 au 3 juin 2025", Lang::kFr, kWednesday) == Found{"2025-06-03 <3 juin 2025> d"});
}

TEST_CASE("DateFinder reads English dates", "[text][dates]") {
  const std::vector<Case> cases = {
      {"On June 6, 2025, ministers met", {"2025-06-06 <June 6, 2025> d"}},
      {"June 6th 2025 and 6 June 2025",
       {"2025-06-06 <June 6th 2025> d", "2025-06-06 <6 June 2025> d"}},
      {"in September 2024", {"2024-09 <September 2024> m"}},
      {"in 2024", {"2024 <2024> y"}},
      {"on Friday", {"2025-06-06 <Friday> d rel"}},
      {"Wednesday", {"2025-06-11 <Wednesday> d rel"}},
      {"last Tuesday and next Monday",
       {"2025-06-10 <last Tuesday> d rel", "2025-06-16 <next Monday> d rel"}},
      {"yesterday and today", {"2025-06-10 <yesterday> d rel", "2025-06-11 <today> d rel"}},
      {"Friday, June 6, 2025", {"2025-06-06 <Friday, June 6, 2025> d"}},
      {"06/07/2025", {"2025-06-07 <06/07/2025> d"}},  // mm/dd in English
      {"25/12/2025", {"2025-12-25 <25/12/2025> d"}},  // only dd/mm is valid
      {"you may go in may", {}},                      // names are capitalised
      {"Jan. 5, 2025", {"2025-01-05 <Jan. 5, 2025> d"}},
      {"last week", {}},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(Show(c.in, Lang::kEn, kWednesday) == c.out);
  }
}

TEST_CASE("DateFinder needs the article date for relative mentions", "[text][dates]") {
  CHECK(Show("mardi, le 6 juin et le 6 juin 2025, hier", Lang::kFr, "") ==
        Found{"2025-06-06 <6 juin 2025> d"});
  CHECK(Show("hier", Lang::kFr, "not a date") == Found{});
  CHECK(Show("hier", Lang::kFr, "2024-03-01") == Found{"2024-02-29 <hier> d rel"});  // leap year
  CHECK(Show("yesterday", Lang::kEn, "2025-01-01") == Found{"2024-12-31 <yesterday> d rel"});
}

TEST_CASE("DateFinder applies both languages when the language is unknown", "[text][dates]") {
  CHECK(Show("le 6 juin 2025 / June 7, 2025 / 06/07/2025", Lang::kUnknown, "") ==
        Found{"2025-06-06 <6 juin 2025> d", "2025-06-07 <June 7, 2025> d",
              "2025-07-06 <06/07/2025> d"});
}

TEST_CASE("DateFinder finds the seed article's dates", "[text][dates]") {
  const std::string original = testing::ReadSeedArticle();
  const MappedText m = Normalize(original);
  const DateFinder finder(testing::ShippedDates());
  const std::vector<DateMention> dates = finder.Find(m.text, Lang::kFr, "");
  std::vector<std::string> isos;
  for (const DateMention& d : dates) {
    const Span o = m.ToOriginalSpan({d.begin, d.end}, original);
    isos.push_back(d.iso + " " + original.substr(o.begin, o.size()));
  }
  CHECK(isos == std::vector<std::string>{"2025-06-06 6 juin 2025", "2024-09 septembre 2024",
                                         "2025-04 avril 2025", "2025-04-22 22 avril 2025",
                                         "2025-07-06 06/07/2025"});
}

TEST_CASE("DateFinder counts offsets from the article date", "[text][dates]") {
  CHECK(Show("le coup d'\u00C9tat survenu dix jours plus t\u00F4t", Lang::kFr, kWednesday) ==
        Found{"2025-06-01 <dix jours plus t\u00F4t> d rel"});
  CHECK(Show("il y a trois semaines, le Togo a sign\u00E9", Lang::kFr, kWednesday) ==
        Found{"2025-05-21 <il y a trois semaines> d rel"});
  CHECK(Show("deux jours plus tard", Lang::kFr, kWednesday) ==
        Found{"2025-06-13 <deux jours plus tard> d rel"});
  CHECK(Show("The vessel had left two days earlier.", Lang::kEn, kWednesday) ==
        Found{"2025-06-09 <two days earlier> d rel"});
  CHECK(Show("It happened 10 days ago.", Lang::kEn, kWednesday) ==
        Found{"2025-06-01 <10 days ago> d rel"});
  // No direction, no date: "two days of talks", "deux jours de pourparlers".
  CHECK(Show("after two days of talks", Lang::kEn, kWednesday).empty());
  CHECK(Show("deux jours de pourparlers", Lang::kFr, kWednesday).empty());
  // No article date, no offset.
  CHECK(Show("two days earlier", Lang::kEn, "").empty());
}

TEST_CASE("IsIsoDate accepts real calendar dates only", "[text][dates]") {
  CHECK(IsIsoDate("2025-06-06"));
  CHECK(IsIsoDate("2024-02-29"));
  CHECK_FALSE(IsIsoDate("2025-02-29"));
  CHECK_FALSE(IsIsoDate("2025-6-6"));
  CHECK_FALSE(IsIsoDate("2025-06"));
  CHECK_FALSE(IsIsoDate(""));
}

// The finder skips the parts of a line that cannot hold a date (dates.h);
// dates next to ordinary words, split words and line ends must still be found.
TEST_CASE("DateFinder finds dates among ordinary words, whatever their spelling", "[text][dates]") {
  CHECK(Show("Les ministres se sont r\u00E9unis avant-hier \u00E0 Paris", Lang::kFr, kWednesday) ==
        Found{"2025-06-09 <avant-hier> d rel"});
  CHECK(Show("R\u00E9union pr\u00E9vue mardi prochain \u00E0 Astana", Lang::kFr, kWednesday) ==
        Found{"2025-06-17 <mardi prochain> d rel"});
  CHECK(Show("Le rapport, publi\u00E9 aujourd\u2019hui, cite le 6\njuin 2025", Lang::kFr,
             kWednesday) == Found{"2025-06-11 <aujourd'hui> d rel", "2025-06 <juin 2025> m"});
  CHECK(Show("\u00C9lu en septembre, D\u00C9CEMBRE 2024 \u00E9tant loin", Lang::kFr, kWednesday) ==
        Found{"2025-09 <septembre> m rel", "2024-12 <D\u00C9CEMBRE 2024> m"});
  CHECK(
      Show("Ministers met on Friday, June 6, 2025 and again last Monday", Lang::kEn, kWednesday) ==
      Found{"2025-06-06 <Friday, June 6, 2025> d", "2025-06-09 <last Monday> d rel"});
  CHECK(Show("Nothing here: no digit, no month, no weekday at all", Lang::kEn, kWednesday) ==
        Found{});
}

TEST_CASE("A bare weekday counts from a date the text gives as the anchor says", "[text][dates]") {
  // Thursday 19 November 2026, the date the text gives.
  const std::string text =
      "Le c\u00E2ble a c\u00E9d\u00E9 jeudi 19 novembre 2026, r\u00E9par\u00E9 mardi.\n"
      "L'OTAN a condamn\u00E9 samedi. Le forum s'est ouvert lundi, apr\u00E8s le "
      "sommet de lundi dernier.";
  const MappedText m = Normalize(text);
  const DateFinder finder(testing::ShippedDates());
  const auto dates = [&](DateFinder::Anchor anchor) {
    std::vector<std::string> out;
    for (const DateMention& d : finder.Find(m.text, Lang::kFr, "2026-11-19", anchor, 0)) {
      out.push_back(d.iso + " <" + m.text.substr(d.begin, d.end - d.begin) + ">");
    }
    return out;
  };
  // Published that Thursday: every weekday is the last one.
  CHECK(dates(DateFinder::Anchor::kPublished) ==
        Found{"2026-11-19 <jeudi 19 novembre 2026>", "2026-11-17 <mardi>", "2026-11-14 <samedi>",
              "2026-11-16 <lundi>", "2026-11-16 <lundi dernier>"});
  // The news of the day: the weekday nearest it, either side.
  CHECK(dates(DateFinder::Anchor::kLead) ==
        Found{"2026-11-19 <jeudi 19 novembre 2026>", "2026-11-17 <mardi>", "2026-11-21 <samedi>",
              "2026-11-16 <lundi>", "2026-11-16 <lundi dernier>"});
  // An earlier event: nearest in its own paragraph, the next one elsewhere;
  // "lundi dernier" still counts back.
  CHECK(dates(DateFinder::Anchor::kMentioned) ==
        Found{"2026-11-19 <jeudi 19 novembre 2026>", "2026-11-17 <mardi>", "2026-11-21 <samedi>",
              "2026-11-23 <lundi>", "2026-11-16 <lundi dernier>"});
}

TEST_CASE("DateFinder remembers accented words per vocabulary, not across finders",
          "[text][dates]") {
  // Two vocabularies that disagree on an accented word: one thread uses
  // both, in turn, each several times (the per-thread memo must not carry
  // what one finder learnt into the other).
  DateLexicon with_accent = testing::ShippedDates();
  DateLexicon without_accent = testing::ShippedDates();
  without_accent.fr.months[11] = {"dec"};
  const std::string text = "Le 6 d\u00E9cembre 2025 et l\u2019\u00E9t\u00E9 2024";
  const MappedText m = Normalize(text);
  for (int round = 0; round < 3; ++round) {
    const DateFinder b(without_accent);  // first: "d\u00E9cembre" is no date word
    CHECK(b.Find(m.text, Lang::kFr, "").empty());
    const DateFinder a(with_accent);
    const std::vector<DateMention> found_a = a.Find(m.text, Lang::kFr, "");
    REQUIRE(found_a.size() == 1);
    CHECK(found_a[0].iso == "2025-12-06");
    CHECK(b.Find(m.text, Lang::kFr, "").empty());
  }
}

}  // namespace newsgraph

namespace newsgraph {

TEST_CASE("DateFinder gives the same dates from the token stream as from the text",
          "[text][dates]") {
  const DateFinder finder(testing::ShippedDates());
  // Every example and held-out article, in both languages' rules, with and
  // without an article date, under each anchor.
  int articles = 0;
  for (const char* dir : {"/examples", "/examples/heldout"}) {
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(NEWSGRAPH_SOURCE_DIR) + dir)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      const MappedText m = Normalize(buffer.str());
      ++articles;
      for (Lang lang : {Lang::kFr, Lang::kEn}) {
        for (const char* article : {"", "2025-06-11"}) {
          for (DateFinder::Anchor anchor :
               {DateFinder::Anchor::kPublished, DateFinder::Anchor::kLead,
                DateFinder::Anchor::kMentioned}) {
            const size_t at = m.text.size() / 2;
            INFO(entry.path().string() << " lang " << static_cast<int>(lang) << " " << article);
            CHECK(Spans(FindFromTokens(finder, m.text, lang, article, anchor, at)) ==
                  Spans(finder.Find(m.text, lang, article, anchor, at)));
          }
        }
      }
    }
  }
  CHECK(articles > 30);
  // Texts at the edges: cuts at line ends, tabs, no final newline, words
  // longer than any date word, digits inside words, hyphens and elisions.
  for (const char* text :
       {"", "\n", "mardi", "Le\tmardi 3 juin\n\nen 2024", "x 12 y", "aujourd'hui, avant-hier",
        "pendant dix jours plus tard\r\nle 1er mai", "U.S. June 6th, 2025 -- 3-5 June 2025",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa 2025",
        "l'\u00E9t\u00E9 du 3 au 5 juin, la nuit de samedi \u00E0 dimanche"}) {
    const MappedText m = Normalize(text);
    for (Lang lang : {Lang::kFr, Lang::kEn}) {
      INFO(text);
      CHECK(Spans(FindFromTokens(finder, m.text, lang, "2025-06-11")) ==
            Spans(finder.Find(m.text, lang, "2025-06-11")));
    }
  }
}

}  // namespace newsgraph
