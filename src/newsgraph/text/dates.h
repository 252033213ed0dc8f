// DateFinder: absolute and relative date mentions in normalised text,
// resolved to ISO 8601 strings.
//
//   DateFinder finder(lexicons.dates);                       // built once
//   for (const DateMention& d : finder.Find(norm.text, Lang::kFr, "2025-06-07"))
//     Use(d.iso, norm.ToOriginalSpan({d.begin, d.end}));     // "2025-06-06", ...
//
// Recognised (month and weekday names, markers and prepositions are data,
// graph_schemas/lexicons/dates.json; names match accent- and case-insensitively,
// except when the language says names are capitalised, as in English "May"):
//   day    "6 juin 2025", "1er mars 2024", "mardi 6 juin 2025", "June 6, 2025",
//          "June 6th 2025", "6 June 2025", "2025-06-06", "06/07/2025" (French
//          and unknown: dd/mm/yyyy; English: mm/dd/yyyy, or dd/mm/yyyy when only
//          that reading is a valid date); "6 juin" / "June 6" take the article's
//          year (relative);
//   month  "septembre 2024", "June 2025"; "en septembre" / "in September"
//          (after a year preposition) take the article's year (relative);
//   year   "en 2024", "in 2024" (a year preposition, then 1000..2999);
//   relative days, resolved against article_date: "hier", "aujourd'hui",
//          "demain", "yesterday", "today", "tomorrow"; a weekday alone or after
//          "le"/"on" is the most recent such day on or before the article date
//          ("mardi", "on Friday"); with a past marker ("mardi dernier", "last
//          Tuesday") strictly before it; with a next marker ("lundi prochain",
//          "next Monday") strictly after it.
// Not dates: "la semaine dernière", bare numbers, month names alone. Relative
// mentions are reported only when article_date is a valid "YYYY-MM-DD".
// A mention's span covers the date words (and "dernier"/"last"), not the
// preposition ("le", "en", "in", "on"). Mentions are in text order and do not
// overlap. Invalid dates ("31/02/2025") are skipped.
//
// Speed: a line (the finder works line by line) with no ASCII digit and no
// word that can be part of a month, weekday or relative-day name cannot hold
// a date; such lines are skipped after one cheap byte scan, without
// tokenising; what a non-ASCII word is for that scan (it must be folded) is
// remembered per thread. Immutable after construction: Find() is safe from
// many threads.
#ifndef NEWSGRAPH_TEXT_DATES_H_
#define NEWSGRAPH_TEXT_DATES_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "newsgraph/text/language.h"
#include "newsgraph/text/packed_word_map.h"
#include "newsgraph/text/tokenizer.h"

namespace newsgraph {

enum class DatePrecision { kDay, kMonth, kYear };

struct DateMention {
  uint32_t begin = 0;  // span in the normalised text
  uint32_t end = 0;
  std::string iso;  // "2025-06-06", "2024-09" or "2025"
  DatePrecision precision = DatePrecision::kDay;
  bool relative = false;  // resolved with the article date
};

// The date vocabulary of one language.
struct DateLanguage {
  std::vector<std::vector<std::string>> months;  // 12 entries, January first: names, abbreviations
  std::vector<std::vector<std::string>> weekdays;          // 7 entries, Monday first
  std::vector<std::pair<std::string, int>> relative_days;  // {"hier", -1}, {"today", 0}
  std::vector<std::string> past_markers;       // "dernier", "last" (before or after the weekday)
  std::vector<std::string> next_markers;       // "prochain", "next"
  std::vector<std::string> year_prepositions;  // "en", "in": introduce "en 2024", "en septembre"
  std::vector<std::string> day_suffixes;       // "er" (1er), "st", "nd", "rd", "th"
  std::vector<std::string> range_links;        // "au", "to", "-": "du 3 au 5 juin", "June 3-5"
  std::vector<std::string> night_words;        // "nuit": "la nuit du 12 au 13" is dated by its end
  bool names_capitalized = false;              // month/weekday names must start upper-case
  bool month_first_numeric = false;            // "06/07/2025" is mm/dd/yyyy
  // Offsets from the article date: "dix jours plus tôt", "two days earlier",
  // "il y a trois semaines", "three weeks ago".
  std::vector<std::pair<std::string, int>> number_words;  // {"deux", 2}
  std::vector<std::pair<std::string, int>> offset_units;  // {"jours", 1}, {"weeks", 7}: days
  std::vector<std::string> offset_before;    // after the unit, counting back: "plus tôt", "ago"
  std::vector<std::string> offset_after;     // after the unit, counting on: "plus tard", "later"
  std::vector<std::string> offset_prefixes;  // before the number, counting back: "il y a"
};

// graph_schemas/lexicons/dates.json, loaded by LoadTextLexicons().
struct DateLexicon {
  DateLanguage fr;
  DateLanguage en;
};

// Whether `iso` is a valid "YYYY-MM-DD" calendar date.
bool IsIsoDate(std::string_view iso);

class DateFinder {
 public:
  explicit DateFinder(const DateLexicon& lexicon);

  // What the article date passed to Find is.
  enum class Anchor {
    kPublished,  // the day of publication: "on Friday" is the last Friday
    // A date the text gives in its first paragraph, the article's only clue
    // ("a entamé lundi 9 mars 2026 une visite"): the news of the day, told
    // about then, so a bare weekday is the one nearest it, three days before
    // to three after ("mardi" is March 10, "dimanche" March 8).
    kLead,
    // A date the text gives further down at byte `anchor_at` ("failed on
    // Thursday, November 19"): an earlier event, the story told in the week
    // after it, so a bare weekday is the first one from that day on ("on
    // Saturday" is November 21), except in the date's own paragraph, where
    // it is the nearest ("réunie mardi et mercredi, les 5 et 6 mai").
    kMentioned,
  };
  // "Last"/"next" weekdays and offsets count from the article date whatever
  // the anchor.

  // Date mentions of `normalized` (Normalize()d text; spans into it).
  // `article_date` is "YYYY-MM-DD" or "" (then no relative dates).
  // Lang::kUnknown applies the French then the English rules.
  std::vector<DateMention> Find(std::string_view normalized, Lang lang,
                                std::string_view article_date, Anchor anchor = Anchor::kPublished,
                                size_t anchor_at = 0) const;

  // The same from the text's tokens, for a caller that has them already (the
  // extractor tokenises every sentence): no scan of the bytes and no
  // tokenising of its own. `tokens` are those of Tokenize(normalized, {0,
  // size}) in text order, `keys[i]` is KeyOf(lang, text and kind of
  // tokens[i]). REQUIRES: lang is kFr or kEn.
  struct TokenKey;
  struct TokenStream {
    std::span<const Token> tokens;
    std::span<const TokenKey> keys;
  };
  std::vector<DateMention> Find(std::string_view normalized, const TokenStream& tokens, Lang lang,
                                std::string_view article_date, Anchor anchor = Anchor::kPublished,
                                size_t anchor_at = 0) const;

  // What the segment prefilter (see Speed above) needs to know of a token,
  // as a function of its text (so a caller may cache it): kTokenStart when
  // it has a digit or a piece of a month, weekday or relative-day name;
  // kTokenCut when it is one word (letters, marks, digits only) that no date
  // pattern reads, so that between blanks it separates two segments.
  static constexpr uint8_t kTokenStart = 1;
  static constexpr uint8_t kTokenCut = 2;
  uint8_t TokenBits(Lang lang, std::string_view token) const;

  // What Find needs to know of a token, a function of its text and kind (so
  // a caller may cache it): its TokenBits, and for a word what the date
  // grammar reads it as (a day with its suffix, "1er", "6th"; a month,
  // weekday, relative day, marker, preposition, number or unit word), which
  // Find would otherwise find by folding the word and looking it up.
  struct TokenKey {
    uint16_t word = 0;  // kDayWord | day (0: none), or 1 + a word's index, or 0
    uint8_t bits = 0;   // TokenBits
  };
  TokenKey KeyOf(Lang lang, std::string_view token, TokenKind kind) const;

 private:
  // What a folded word can be in a date (several at once: "mai").
  struct WordInfo {
    int month = 0;       // 1..12, 0: not a month
    int weekday = -1;    // 0 (Monday)..6
    int relative = 0;    // relative day + 1000 when set
    int marker = 0;      // -1 past, +1 next
    bool prep = false;   // year preposition
    int number = 0;      // a number word's value
    int unit = 0;        // an offset unit's length in days
    uint16_t index = 0;  // in Vocabulary::word_list
  };
  static constexpr uint16_t kDayWord = 0x8000;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const;
  };
  struct Vocabulary {
    std::unordered_map<std::string, WordInfo, Hash, std::equal_to<>> words;  // folded -> info
    std::vector<WordInfo> word_list;  // the same by WordInfo::index (TokenKey::word - 1)
    std::vector<std::string> day_suffixes;
    std::vector<std::string> range_links;  // folded: "au", "to", "-"
    std::vector<std::string> night_words;  // folded: "nuit", "night"
    // Folded words of the offset phrases ("plus tôt" -> {"plus", "tot"}).
    std::vector<std::vector<std::string>> offset_before, offset_after, offset_prefixes;
    bool names_capitalized = false;
    bool month_first_numeric = false;
    // Cheap rejection before a lookup in `words`: lengths and first bytes of
    // the folded words (bit c - 'a' for a..z, bit 26 for any other byte).
    size_t max_word = 0;
    uint32_t word_first = 0;
    // The segment prefilter. Pieces are the runs of [a-z0-9] and non-ASCII
    // bytes of the folded date words: kStartPiece for month, weekday and
    // relative-day names (what a date needs, besides digits), kWordPiece for
    // every date word. A word with a piece that is no kWordPiece classifies
    // as nothing, so no date pattern crosses it. `prefilter` is false when
    // a name has no piece (then every line is read whole).
    // Pieces of up to 8 bytes (most) are looked up in `short_pieces`, the
    // longer ones in `pieces`.
    PackedWordMap short_pieces;
    std::unordered_map<std::string, uint8_t, Hash, std::equal_to<>> pieces;
    std::vector<uint32_t> piece_first;  // by piece length: FirstBit()s of its first byte
    std::vector<uint32_t> piece_last;   // by piece length: FirstBit()s of its last byte
    bool prefilter = true;
    // Names this vocabulary in the per-thread memo of non-ASCII words'
    // classification (never 0; copies share it, as they share the words).
    uint64_t memo_id = 0;
  };
  static Vocabulary Compile(const DateLanguage& language);
  // The article date FindWith resolves relative dates against.
  struct ArticleDay {
    bool valid = false;  // article_date is a valid "YYYY-MM-DD"
    int year = 0;
    int64_t days = 0;  // since 1970-01-01
  };
  static ArticleDay ParseArticleDay(std::string_view article_date);
  // The dates of one segment's tokens, appended to *out.
  // `keys` are the tokens' KeyOf()s, or null (then words are looked up).
  static void MatchSegment(const Vocabulary& v, std::string_view text,
                           std::span<const Token> tokens, const TokenKey* keys,
                           const ArticleDay& day, Anchor anchor, bool nearest,
                           std::vector<DateMention>* out);
  // TokenKey::word of a word token.
  static uint16_t WordClass(const Vocabulary& v, std::string_view word);
  void FindWithTokens(const Vocabulary& v, std::string_view text, const TokenStream& stream,
                      std::string_view article_date, Anchor anchor, size_t anchor_at,
                      std::vector<DateMention>* out) const;
  void FindWith(const Vocabulary& v, std::string_view text, std::string_view article_date,
                Anchor anchor, size_t anchor_at, std::vector<DateMention>* out) const;
  // Cuts the line text[begin, end) into the segments that may hold a date:
  // the cuts are date-neutral words between spaces, which no date pattern
  // crosses, and segments without a digit or a date name are dropped. The
  // finder then reads only these segments; they give the same dates as the
  // whole line.
  static int RangeStartBefore(const Vocabulary& v, std::string_view text, size_t at, size_t* begin);
  static bool NightBefore(const Vocabulary& v, std::string_view text, size_t at);
  static void DateSegments(const Vocabulary& v, std::string_view text, size_t begin, size_t end,
                           std::string* scratch, std::vector<std::pair<size_t, size_t>>* segments);
  // kStartPiece | kWordPiece of a prefilter piece; 0 when it is none.
  static uint8_t PieceBits(const Vocabulary& v, std::string_view piece);
  // What DateSegments needs to know of a word its quick filter did not
  // settle: whether it has a start piece, and whether it is neutral (has a
  // piece that is none). Out of line, so the scan's loop keeps its values
  // in registers.
  [[gnu::noinline]] static uint8_t WordBits(const Vocabulary& v, std::string_view word, bool ascii,
                                            std::string* scratch);

  Vocabulary fr_;
  Vocabulary en_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_TEXT_DATES_H_
