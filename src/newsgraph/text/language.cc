#include "newsgraph/text/language.h"

#include <algorithm>

#include "newsgraph/base/utf8.h"
#include "newsgraph/text/char_class.h"
#include "newsgraph/text/normalizer.h"

namespace newsgraph {
namespace {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

}  // namespace

std::string_view LangCode(Lang lang) {
  switch (lang) {
    case Lang::kFr:
      return "fr";
    case Lang::kEn:
      return "en";
    default:
      return "";
  }
}

Lang ParseLang(std::string_view code) {
  std::string c = AsciiLower(code);
  const size_t sep = c.find_first_of("-_");
  if (sep != std::string::npos) c.resize(sep);
  if (c == "fr" || c == "fra" || c == "fre" || c == "french" || c == "francais" ||
      c == "fran\xc3\xa7"
           "ais") {
    return Lang::kFr;
  }
  if (c == "en" || c == "eng" || c == "english" || c == "anglais") return Lang::kEn;
  return Lang::kUnknown;
}

LanguageDetector::LanguageDetector(const StopwordLexicon& lexicon)
    : LanguageDetector(lexicon, Options()) {}

LanguageDetector::LanguageDetector(const StopwordLexicon& lexicon, Options options)
    : options_(options) {
  for (const auto& [code, words] : lexicon.by_lang) {
    if (langs_.size() == 32) break;  // one bit per language
    const uint32_t bit = 1u << langs_.size();
    langs_.push_back(AsciiLower(code));
    for (const std::string& w : words) word_mask_[FoldString(w)] |= bit;
  }
}

std::map<std::string, size_t> LanguageDetector::Scores(std::string_view text, size_t* words) const {
  if (text.size() > options_.max_bytes) {
    size_t cut = options_.max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  std::vector<size_t> hits(langs_.size(), 0);
  size_t count = 0;
  std::string word;
  size_t i = 0;
  while (i < text.size()) {
    // Skip to the next letter, then take the run of letters.
    size_t start = i;
    const char32_t c = DecodeUtf8(text, &i);
    const bool letter =
        c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : (CharClassOf(c) & kCharLetter) != 0;
    if (!letter) continue;
    size_t end = i;
    while (end < text.size()) {
      size_t next = end;
      const char32_t d = DecodeUtf8(text, &next);
      const bool more =
          d < 0x80 ? ((d | 0x20) >= 'a' && (d | 0x20) <= 'z') : (CharClassOf(d) & kCharLetter) != 0;
      if (!more) break;
      end = next;
    }
    i = end;
    ++count;
    word.clear();
    AppendFolded(text.substr(start, end - start), &word);
    const auto it = word_mask_.find(word);
    if (it == word_mask_.end()) continue;
    for (size_t l = 0; l < langs_.size(); ++l) {
      if (it->second & (1u << l)) ++hits[l];
    }
  }
  if (words) *words = count;
  std::map<std::string, size_t> scores;
  for (size_t l = 0; l < langs_.size(); ++l) scores[langs_[l]] = hits[l];
  return scores;
}

Lang LanguageDetector::Detect(std::string_view text) const {
  size_t words = 0;
  const std::map<std::string, size_t> scores = Scores(text, &words);
  std::string best;
  size_t best_hits = 0;
  bool tie = false;
  for (const auto& [code, hits] : scores) {
    if (hits > best_hits) {
      best = code;
      best_hits = hits;
      tie = false;
    } else if (hits == best_hits && hits > 0) {
      tie = true;
    }
  }
  if (tie || best_hits < options_.min_hits || words == 0) return Lang::kUnknown;
  if (static_cast<double>(best_hits) < options_.min_ratio * static_cast<double>(words)) {
    return Lang::kUnknown;
  }
  const Lang lang = ParseLang(best);  // "de", "es", ... -> kUnknown
  return lang;
}

}  // namespace newsgraph
