// SentenceSplitter: cuts normalised article text into sentences.
//
//   SentenceSplitter splitter(lexicons.abbreviations);     // built once
//   MappedText norm = Normalize(article.text);
//   for (Span s : splitter.Split(norm.text, Lang::kFr))    // spans in norm.text
//     Use(norm.ToOriginalSpan(s));                         // spans in article.text
//
// Rules, in order:
//   - every line break ends a sentence (headlines, "Par Païsiy Ukhanov",
//     blank lines): input is expected one paragraph per line, lines are never
//     joined;
//   - '.', '!', '?', "..." end a sentence when followed (after any closing
//     quotes and brackets) by a space and then an upper-case letter, a digit, an
//     opening quote/bracket or a dash; the sentence then includes the closing
//     quotes/brackets ("\"C'est fini.\" Il part." -> 2 sentences);
//   - a '.' does NOT end a sentence after a listed abbreviation ("M.", "av. J.-C.",
//     "p. ex."), a single upper-case initial ("J. K. Rowling", "Païsiy U."), an
//     acronym with dots ("U.S."), or inside a number ("3.5", "1.000");
//     abbreviations listed as may_end_sentence ("etc.", "p.m.", "Inc.") end one
//     when the next word is capitalised; an initial or acronym ends one at end of line.
// Spans are trimmed of spaces, never empty, in text order, non-overlapping.
//
// Immutable after construction: Split() is safe from many threads.
#ifndef NEWSGRAPH_TEXT_SENTENCE_SPLITTER_H_
#define NEWSGRAPH_TEXT_SENTENCE_SPLITTER_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "newsgraph/text/language.h"
#include "newsgraph/text/mapped_text.h"

namespace newsgraph {

// Abbreviations of one language, written as in text with or without the final
// period: "M", "Mme", "St.", "U.S.", "p. ex.", "av. J.-C.". Matching is
// case-sensitive, except that an all-lower-case entry also matches a
// capitalised word ("etc" matches "Etc.").
struct AbbreviationList {
  std::vector<std::string> abbreviations;     // never end a sentence
  std::vector<std::string> may_end_sentence;  // end one before a capital ("etc")
};

// graph_schemas/lexicons/abbreviations.json, loaded by LoadTextLexicons().
struct AbbreviationLexicon {
  AbbreviationList fr;
  AbbreviationList en;
};

class SentenceSplitter {
 public:
  explicit SentenceSplitter(const AbbreviationLexicon& lexicon);

  // Sentences of `normalized` (the output of Normalize()), as spans into it.
  // Lang::kUnknown uses the abbreviations of both languages.
  std::vector<Span> Split(std::string_view normalized, Lang lang) const;

  // As above, appending to *out (reuse it to avoid allocation).
  void Split(std::string_view normalized, Lang lang, std::vector<Span>* out) const;

 private:
  // Sets looked up with string_views (no allocation per lookup).
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const;
  };
  using EntrySet = std::unordered_set<std::string, Hash, std::equal_to<>>;
  struct Table {
    EntrySet never_final;
    EntrySet may_end;
    size_t max_words = 1;  // most words in one entry ("av. J.-C." = 2)
    // The last word of every entry of both sets ("J.-C" of "av. J.-C"), and
    // of their folded forms: a word before a period that is in neither ends
    // no entry, which spares the lookups of every word sequence.
    EntrySet last_words;
    EntrySet folded_last_words;
    size_t max_last_word = 0;  // bytes of the longest of both (an ASCII word longer: no entry)
  };
  const Table& TableFor(Lang lang) const;

  Table fr_;
  Table en_;
  Table both_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_TEXT_SENTENCE_SPLITTER_H_
