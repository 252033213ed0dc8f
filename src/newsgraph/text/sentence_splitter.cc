#include "newsgraph/text/sentence_splitter.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "newsgraph/base/utf8.h"
#include "newsgraph/text/char_class.h"
#include "newsgraph/text/normalizer.h"
#include "newsgraph/text/string_hash.h"

namespace newsgraph {
namespace {

bool HasUpper(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (CharClassOf(DecodeUtf8(s, &i)) & kCharUpper) return true;
  }
  return false;
}

// "p.  ex." -> "p. ex" : final period dropped, runs of spaces collapsed.
std::string Canonical(std::string_view entry) {
  std::string out;
  for (char c : entry) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  return out;
}

// What follows the last space of `s` (all of it when it has none).
std::string LastWord(std::string_view s) {
  const size_t space = s.rfind(' ');
  return std::string(space == std::string_view::npos ? s : s.substr(space + 1));
}

inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
inline bool IsTerminal(char c) { return c == '.' || c == '!' || c == '?'; }

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighBits = 0x8080808080808080ull;

// The high bit of each byte of w that is c. A borrow can flag a byte after
// a flagged one, never before, so the lowest flag is exact.
inline uint64_t BytesEqual(uint64_t w, char c) {
  const uint64_t v = w ^ (kOnes * static_cast<unsigned char>(c));
  return (v - kOnes) & ~v & kHighBits;
}

// Index of the first '.', '!' or '?' in s[i, end), or end; 8 bytes a step,
// and in the word that holds one, straight to it (bytes load little-endian:
// the lowest flag is the first byte).
size_t FindTerminal(std::string_view s, size_t i, size_t end) {
  while (i + 8 <= end) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    const uint64_t terminals = BytesEqual(w, '.') | BytesEqual(w, '!') | BytesEqual(w, '?');
    if (terminals != 0) {
      if constexpr (std::endian::native == std::endian::little) {
        return i + static_cast<size_t>(std::countr_zero(terminals)) / 8;
      }
      break;
    }
    i += 8;
  }
  while (i < end && !IsTerminal(s[i])) ++i;
  return i;
}

inline bool IsCloser(char c) { return c == '"' || c == ')' || c == ']' || c == '\''; }
inline bool IsOpener(char c) { return c == '"' || c == '(' || c == '[' || c == '\''; }

// Whether the character at i can start a sentence; *upper_letter tells
// whether it is an upper-case letter.
bool StartsSentence(std::string_view s, size_t i, bool* upper_letter) {
  *upper_letter = false;
  const unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    if (b >= 'A' && b <= 'Z') return *upper_letter = true;
    return (b >= '0' && b <= '9') || IsOpener(static_cast<char>(b)) || b == '-';
  }
  if (s.compare(i, kCanonicalDash.size(), kCanonicalDash) == 0) return true;
  size_t next = i;
  const char32_t c = DecodeUtf8(s, &next);
  if (c == 0xA1 || c == 0xBF) return true;  // ¡ ¿
  const uint8_t cls = CharClassOf(c);
  if ((cls & kCharUpper) && (cls & kCharLetter)) return *upper_letter = true;
  return (cls & kCharDigit) != 0;
}

// A single upper-case letter ("J", "U", "É").
bool IsInitial(std::string_view w) {
  if (w.empty()) return false;
  size_t i = 0;
  const char32_t c = DecodeUtf8(w, &i);
  const uint8_t cls = CharClassOf(c);
  return i == w.size() && (cls & kCharUpper) && (cls & kCharLetter);
}

// "U.S", "e.g": single letters joined by dots.
bool IsDottedAcronym(std::string_view w) {
  size_t i = 0;
  int letters = 0;
  while (i < w.size()) {
    const char32_t c = DecodeUtf8(w, &i);
    if (!(CharClassOf(c) & kCharLetter)) return false;
    ++letters;
    if (i == w.size()) break;
    if (w[i] != '.') return false;
    ++i;
  }
  return letters >= 2;
}

}  // namespace

size_t SentenceSplitter::Hash::operator()(std::string_view s) const { return HashBytes(s); }

SentenceSplitter::SentenceSplitter(const AbbreviationLexicon& lexicon) {
  const auto add = [](const AbbreviationList& list, Table* t) {
    const auto put = [t](const std::string& entry, EntrySet* set) {
      const std::string c = Canonical(entry);
      if (c.empty()) return;
      set->insert(c);
      t->last_words.insert(LastWord(c));
      t->max_last_word = std::max(t->max_last_word, LastWord(c).size());
      // An all-lower-case entry also matches when capitalised: store folded.
      if (!HasUpper(c)) {
        const std::string folded = FoldString(c);
        set->insert(std::string("\x01").append(folded));
        t->folded_last_words.insert(LastWord(folded));
        t->max_last_word = std::max(t->max_last_word, LastWord(folded).size());
      }
      t->max_words =
          std::max(t->max_words, 1 + static_cast<size_t>(std::count(c.begin(), c.end(), ' ')));
    };
    for (const std::string& e : list.abbreviations) put(e, &t->never_final);
    for (const std::string& e : list.may_end_sentence) put(e, &t->may_end);
  };
  add(lexicon.fr, &fr_);
  add(lexicon.en, &en_);
  add(lexicon.fr, &both_);
  add(lexicon.en, &both_);
}

const SentenceSplitter::Table& SentenceSplitter::TableFor(Lang lang) const {
  switch (lang) {
    case Lang::kFr:
      return fr_;
    case Lang::kEn:
      return en_;
    default:
      return both_;
  }
}

std::vector<Span> SentenceSplitter::Split(std::string_view normalized, Lang lang) const {
  std::vector<Span> out;
  Split(normalized, lang, &out);
  return out;
}

namespace {

// Looks up the words ending at `dot` (exclusive) in `set`: the last word,
// then the last two, ... up to max_words ("av. J.-C").
template <typename Set>
bool EndsWithEntry(std::string_view s, size_t line_begin, size_t dot, const Set& set,
                   size_t max_words, std::string* key) {
  // `key` holds "\x01" + the words: the folded form is looked up with the
  // prefix, the exact form without it.
  size_t word_end = dot;
  size_t b = word_end;
  std::string folded;
  for (size_t words = 0; words < max_words; ++words) {
    b = word_end;
    while (b > line_begin && !IsSpace(s[b - 1])) --b;
    while (b < word_end && (s[b] == '(' || s[b] == '[' || s[b] == '"')) ++b;
    if (b == word_end) return false;
    // The key is s[b, word_end) followed by the previous key, space-joined
    // (runs of spaces between the words become one).
    std::string_view word = s.substr(b, word_end - b);
    if (words == 0) {
      key->assign(word);
    } else {
      key->insert(0, 1, ' ');
      key->insert(0, word);
    }
    if (set.find(std::string_view(*key)) != set.end()) return true;
    folded.assign("\x01");
    AppendFolded(*key, &folded);
    if (set.find(std::string_view(folded)) != set.end()) return true;
    while (b > line_begin && IsSpace(s[b - 1])) --b;
    if (b == line_begin || b == 0) return false;
    word_end = b;
  }
  return false;
}

bool IsAsciiText(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

std::string_view LastWordView(std::string_view s) {
  const size_t space = s.rfind(' ');
  return space == std::string_view::npos ? s : s.substr(space + 1);
}

void Emit(std::string_view s, size_t begin, size_t end, std::vector<Span>* out) {
  while (begin < end && IsSpace(s[begin])) ++begin;
  while (end > begin && IsSpace(s[end - 1])) --end;
  if (begin < end) out->push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
}

}  // namespace

void SentenceSplitter::Split(std::string_view s, Lang lang, std::vector<Span>* out) const {
  const Table& table = TableFor(lang);
  std::string key;     // reused by EndsWithEntry
  std::string folded;  // the folded word before a period
  size_t line_begin = 0;
  while (line_begin <= s.size()) {
    size_t line_end = s.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = s.size();
    size_t sentence_begin = line_begin;
    size_t i = line_begin;
    while (i < line_end) {
      i = FindTerminal(s, i, line_end);
      if (i == line_end) break;
      size_t j = i;
      while (j < line_end && IsTerminal(s[j])) ++j;
      size_t k = j;
      while (k < line_end && IsCloser(s[k])) ++k;
      if (k == line_end || !IsSpace(s[k])) {  // end of line, or "3.5", "U.S.A"
        i = k;
        continue;
      }
      size_t next = k;
      while (next < line_end && IsSpace(s[next])) ++next;
      bool upper = false;
      bool boundary = next < line_end && StartsSentence(s, next, &upper);
      if (boundary && j == i + 1 && s[i] == '.') {
        // A single period: abbreviation, initial, acronym?
        size_t w = i;
        while (w > line_begin && !IsSpace(s[w - 1])) --w;
        while (w < i && (s[w] == '(' || s[w] == '[' || s[w] == '"')) ++w;
        const std::string_view word = s.substr(w, i - w);
        // Every entry that the words before the period can be ends with
        // `word`, as written or folded. Folding keeps the length of ASCII,
        // so an ASCII word longer than every last word is no entry's.
        bool may_be_entry = word.size() <= table.max_last_word &&
                            table.last_words.find(word) != table.last_words.end();
        if (!may_be_entry && !word.empty() &&
            (word.size() <= table.max_last_word || !IsAsciiText(word))) {
          folded.clear();
          AppendFolded(word, &folded);
          may_be_entry =
              table.folded_last_words.find(LastWordView(folded)) != table.folded_last_words.end();
        }
        if (may_be_entry && EndsWithEntry(s, line_begin, i, table.may_end, table.max_words, &key)) {
          boundary = upper;  // "etc.", "p.m.", "Inc."
        } else if (IsInitial(word) || IsDottedAcronym(word) ||
                   (may_be_entry &&
                    EndsWithEntry(s, line_begin, i, table.never_final, table.max_words, &key))) {
          boundary = false;
        }
      }
      if (boundary) {
        Emit(s, sentence_begin, k, out);
        sentence_begin = k;
      }
      i = k;
    }
    Emit(s, sentence_begin, line_end, out);
    line_begin = line_end + 1;
  }
}

}  // namespace newsgraph
