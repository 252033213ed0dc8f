// Languages the extractor knows, and a fast detector for them.
//
//   LanguageDetector detector(lexicons.stopwords);   // built once
//   Lang lang = detector.Detect(article.text);       // kFr, kEn or kUnknown
//   std::string_view code = LangCode(lang);          // "fr", "en", ""
//
// Detection counts very common function words (stopword lists are data,
// graph_schemas/lexicons/stopwords.json). Lists for other languages (de, es,
// ...) may be given too: they only serve to recognise text that is NOT French
// or English, which is then reported as kUnknown. A LanguageDetector is
// immutable after construction: Detect() is safe from many threads.
#ifndef NEWSGRAPH_TEXT_LANGUAGE_H_
#define NEWSGRAPH_TEXT_LANGUAGE_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsgraph {

enum class Lang { kUnknown, kFr, kEn };

// "fr", "en"; "" for kUnknown.
std::string_view LangCode(Lang lang);

// "fr"/"FR"/"fr-FR"/"fra"/"french" -> kFr, likewise for English; anything
// else (including "") -> kUnknown.
Lang ParseLang(std::string_view code);

// Stopword lists keyed by language code ("fr", "en", and optional others).
// Words are lower-case; accents are optional (matching is accent-folded).
struct StopwordLexicon {
  std::map<std::string, std::vector<std::string>> by_lang;
};

class LanguageDetector {
 public:
  // Options with their defaults.
  struct Options {
    size_t max_bytes = 64 * 1024;  // only this prefix of the text is read
    size_t min_hits = 2;           // fewer stopword hits than this -> kUnknown
    double min_ratio = 0.12;       // hits of the best language / words
  };

  explicit LanguageDetector(const StopwordLexicon& lexicon);
  LanguageDetector(const StopwordLexicon& lexicon, Options options);

  // kFr or kEn when that language's stopwords clearly win; kUnknown for text
  // too short to tell, a tie, or text where another listed language wins.
  // Any text is accepted (invalid UTF-8 is tolerated).
  Lang Detect(std::string_view text) const;

  // Stopword hits per language code for the (prefix of the) text, and the
  // number of words seen: for tests and diagnostics.
  std::map<std::string, size_t> Scores(std::string_view text, size_t* words) const;

 private:
  Options options_;
  std::vector<std::string> langs_;                       // codes, sorted
  std::unordered_map<std::string, uint32_t> word_mask_;  // folded word -> bit per langs_ index
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_TEXT_LANGUAGE_H_
