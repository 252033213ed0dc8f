#include "newsgraph/text/dates.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cassert>
#include <cstdio>
#include <cstring>

#include "newsgraph/base/utf8.h"
#include "newsgraph/text/ascii_letters.h"
#include "newsgraph/text/char_class.h"
#include "newsgraph/text/normalizer.h"
#include "newsgraph/text/string_hash.h"
#include "newsgraph/text/tokenizer.h"

namespace newsgraph {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool ValidDay(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

// 0 = Monday.
int Weekday(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

// Appends `v` (0..99) as two digits.
inline void AppendTwoDigits(int v, std::string* out) {
  out->push_back(static_cast<char>('0' + v / 10));
  out->push_back(static_cast<char>('0' + v % 10));
}

// "2025-06-06", "2024-09" or "2025" (d == 0: month precision; m == 0: year):
// printf's "%04d-%02d-%02d" without printf, which costs a thousand
// instructions a date.
std::string Iso(int y, int m = 0, int d = 0) {
  if (y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99) {
    char buf[16];
    if (d)
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    else if (m)
      std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    else
      std::snprintf(buf, sizeof buf, "%04d", y);
    return buf;
  }
  std::string out;
  AppendTwoDigits(y / 100, &out);
  AppendTwoDigits(y % 100, &out);
  if (d || m) {
    out.push_back('-');
    AppendTwoDigits(m, &out);
  }
  if (d) {
    out.push_back('-');
    AppendTwoDigits(d, &out);
  }
  return out;
}

// Parses all-digit `s` of 1..max_digits digits; -1 otherwise.
int Digits(std::string_view s, size_t min_digits, size_t max_digits) {
  if (s.size() < min_digits || s.size() > max_digits) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

constexpr uint8_t kStartPiece = 1;
constexpr uint8_t kWordPiece = 2;

// Bit of a folded word's first byte in Vocabulary::word_first / piece_first.
constexpr uint32_t FirstBitOf(unsigned char c) {
  return c >= 'a' && c <= 'z' ? uint32_t{1} << (c - 'a') : uint32_t{1} << 26;
}
// The same from a table: the prefilter asks it twice a word.
struct FirstBitTable {
  uint32_t bit[256] = {};
  constexpr FirstBitTable() {
    for (int c = 0; c < 256; ++c) bit[c] = FirstBitOf(static_cast<unsigned char>(c));
  }
};
constexpr FirstBitTable kFirstBits;
inline uint32_t FirstBit(unsigned char c) { return kFirstBits.bit[c]; }

constexpr bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// ASCII that is neither a letter nor a digit: no part of a word.
constexpr bool IsAsciiBetweenWords(unsigned char c) { return c < 0x80 && !IsAsciiAlnum(c); }

// IsAsciiBetweenWords as a table, for the prefilter's loop over the bytes
// between words (one load a byte instead of four comparisons).
struct BetweenWordsTable {
  bool between[256] = {};
  constexpr BetweenWordsTable() {
    for (int c = 0; c < 256; ++c) between[c] = IsAsciiBetweenWords(static_cast<unsigned char>(c));
  }
};
constexpr BetweenWordsTable kBetweenWords;

// Calls f(piece) for each run of ASCII letters/digits and non-ASCII bytes of
// `folded` until f returns true; returns whether one did.
template <typename F>
bool AnyPiece(std::string_view folded, F&& f) {
  size_t i = 0;
  while (i < folded.size()) {
    const auto in_piece = [&](size_t k) {
      const unsigned char c = static_cast<unsigned char>(folded[k]);
      return c >= 0x80 || IsAsciiAlnum(c);
    };
    if (!in_piece(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < folded.size() && in_piece(j)) ++j;
    if (f(folded.substr(i, j - i))) return true;
    i = j;
  }
  return false;
}

// The calling thread's memo of what DateSegments found for non-ASCII words
// (folding them costs hundreds of instructions; French words recur): a
// direct-mapped table from (vocabulary, word) to its start/neutral bits.
// The bits are a pure function of the two, so hits give what folding gives.
struct WordMemo {
  static constexpr uint8_t kNeutral = 4;  // besides kStartPiece
  static constexpr size_t kMaxWord = 30;  // longer words are not remembered
  static constexpr size_t kSlots = 4096;
  struct Slot {  // trivial: thread_local storage starts zeroed (owner 0: free)
    uint64_t owner;
    uint8_t size;
    uint8_t bits;
    char bytes[kMaxWord];
  };
  Slot slots[kSlots];

  static WordMemo& ThreadMemo() {
    thread_local WordMemo memo;
    return memo;
  }
  static Slot* Find(uint64_t owner, std::string_view word, uint64_t hash) {
    if (word.size() > kMaxWord) return nullptr;
    Slot& slot = ThreadMemo().slots[hash & (kSlots - 1)];
    if (slot.owner != owner || slot.size != word.size() ||
        !EqualBytes(slot.bytes, word.data(), word.size())) {
      return nullptr;
    }
    return &slot;
  }
  static void Store(uint64_t owner, std::string_view word, uint64_t hash, uint8_t bits) {
    if (word.size() > kMaxWord) return;
    Slot& slot = ThreadMemo().slots[hash & (kSlots - 1)];
    slot.owner = owner;
    slot.size = static_cast<uint8_t>(word.size());
    slot.bits = bits;
    std::memcpy(slot.bytes, word.data(), word.size());
  }
};

// A fresh Vocabulary::memo_id (never 0, never reused).
uint64_t NextMemoId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

bool ParseIso(std::string_view iso, int* y, int* m, int* d) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return false;
  *y = Digits(iso.substr(0, 4), 4, 4);
  *m = Digits(iso.substr(5, 2), 2, 2);
  *d = Digits(iso.substr(8, 2), 2, 2);
  return *y >= 0 && *m >= 0 && *d >= 0 && ValidDay(*y, *m, *d);
}

// What a token is, for the date grammar (-1/0 = not that).
struct Cell {
  int month = 0;      // 1..12
  int weekday = -1;   // 0..6
  int relative = 0;   // relative day + 1000 when set
  int marker = 0;     // -1 past, +1 next
  bool prep = false;  // year preposition
  int day = 0;        // 1..31 ("6", "06", "1er", "6th")
  int year = 0;       // a four-digit number
  int small = -1;     // a one- or two-digit number
  int number = 0;     // a number word ("deux", "two")
  int unit = 0;       // an offset unit, in days ("jours": 1, "weeks": 7)
};

}  // namespace

bool IsIsoDate(std::string_view iso) {
  int y, m, d;
  return ParseIso(iso, &y, &m, &d);
}

size_t DateFinder::Hash::operator()(std::string_view s) const { return HashBytes(s); }

DateFinder::Vocabulary DateFinder::Compile(const DateLanguage& language) {
  Vocabulary v;
  v.memo_id = NextMemoId();
  const auto word = [&v](const std::string& name) -> WordInfo& {
    const std::string folded = FoldString(name);
    if (!folded.empty()) {
      v.max_word = std::max(v.max_word, folded.size());
      v.word_first |= FirstBit(static_cast<unsigned char>(folded[0]));
    }
    return v.words[folded];
  };
  // Date words feed the segment prefilter.
  const auto piece = [&v](const std::string& name, uint8_t kind) {
    const std::string folded = FoldString(name);
    if (folded.empty()) return;  // matches no token
    bool has_piece = false;
    AnyPiece(folded, [&](std::string_view p) {
      if (p.size() <= PackedWordMap::kMaxWord) {
        v.short_pieces.Add(p, kind | kWordPiece);
      } else {
        v.pieces[std::string(p)] |= kind | kWordPiece;
      }
      if (v.piece_first.size() <= p.size()) {
        v.piece_first.resize(p.size() + 1, 0);
        v.piece_last.resize(p.size() + 1, 0);
      }
      v.piece_first[p.size()] |= FirstBit(static_cast<unsigned char>(p[0]));
      v.piece_last[p.size()] |= FirstBit(static_cast<unsigned char>(p.back()));
      has_piece = true;
      return false;
    });
    if (!has_piece) v.prefilter = false;
  };
  for (size_t m = 0; m < language.months.size() && m < 12; ++m) {
    for (const std::string& name : language.months[m]) {
      word(name).month = int(m) + 1;
      piece(name, kStartPiece);
    }
  }
  for (size_t d = 0; d < language.weekdays.size() && d < 7; ++d) {
    for (const std::string& name : language.weekdays[d]) {
      word(name).weekday = int(d);
      piece(name, kStartPiece);
    }
  }
  for (const auto& [name, offset] : language.relative_days) {
    word(name).relative = offset + 1000;
    piece(name, kStartPiece);
  }
  for (const std::string& w : language.past_markers) {
    word(w).marker = -1;
    piece(w, kWordPiece);
  }
  for (const std::string& w : language.next_markers) {
    word(w).marker = 1;
    piece(w, kWordPiece);
  }
  for (const std::string& w : language.year_prepositions) {
    word(w).prep = true;
    piece(w, kWordPiece);
  }
  for (const std::string& s : language.day_suffixes) v.day_suffixes.push_back(FoldString(s));
  for (const std::string& w : language.range_links) v.range_links.push_back(FoldString(w));
  for (const std::string& w : language.night_words) v.night_words.push_back(FoldString(w));
  for (const auto& [name, value] : language.number_words) {
    word(name).number = value;
    piece(name, kWordPiece);
  }
  for (const auto& [name, days] : language.offset_units) {
    word(name).unit = days;
    piece(name, kStartPiece);
  }
  // Phrases as folded words; each word is a date word, so no segment cut
  // falls inside them.
  const auto phrases = [&](const std::vector<std::string>& in,
                           std::vector<std::vector<std::string>>* out) {
    for (const std::string& phrase : in) {
      std::vector<std::string> words;
      size_t b = 0;
      while (b < phrase.size()) {
        size_t e = phrase.find(' ', b);
        if (e == std::string::npos) e = phrase.size();
        if (e > b) {
          words.push_back(FoldString(phrase.substr(b, e - b)));
          piece(phrase.substr(b, e - b), kWordPiece);
        }
        b = e + 1;
      }
      if (!words.empty()) out->push_back(std::move(words));
    }
  };
  phrases(language.offset_before, &v.offset_before);
  phrases(language.offset_after, &v.offset_after);
  phrases(language.offset_prefixes, &v.offset_prefixes);
  v.names_capitalized = language.names_capitalized;
  v.month_first_numeric = language.month_first_numeric;
  for (auto& [name, info] : v.words) {
    info.index = static_cast<uint16_t>(v.word_list.size());
    v.word_list.push_back(info);
  }
  return v;
}

uint8_t DateFinder::PieceBits(const Vocabulary& v, std::string_view p) {
  if (p.size() >= v.piece_first.size() ||
      !(v.piece_first[p.size()] & FirstBit(static_cast<unsigned char>(p[0]))) ||
      !(v.piece_last[p.size()] & FirstBit(static_cast<unsigned char>(p.back())))) {
    return 0;
  }
  if (p.size() <= PackedWordMap::kMaxWord) return v.short_pieces.Find(p);
  const auto it = v.pieces.find(p);
  return it == v.pieces.end() ? 0 : it->second;
}

uint8_t DateFinder::WordBits(const Vocabulary& v, std::string_view word, bool ascii,
                             std::string* scratch) {
  if (ascii) {
    if (word.size() > 64) return kStartPiece;  // longer than the buffer below: keep it, to be safe
    char lower[64];
    for (size_t k = 0; k < word.size(); ++k) lower[k] = static_cast<char>(word[k] | 0x20);
    const uint8_t bits = PieceBits(v, std::string_view(lower, word.size()));
    return (bits & kStartPiece) | (bits == 0 ? WordMemo::kNeutral : 0);
  }
  const uint64_t hash = HashBytes(word);
  if (const WordMemo::Slot* slot = WordMemo::Find(v.memo_id, word, hash)) return slot->bits;
  scratch->clear();
  AppendFolded(word, scratch);
  bool start = false, neutral = false;
  AnyPiece(*scratch, [&](std::string_view p) {
    const uint8_t bits = PieceBits(v, p);
    start |= (bits & kStartPiece) != 0;
    neutral |= bits == 0;
    return false;
  });
  const uint8_t bits = (start ? kStartPiece : 0) | (neutral ? WordMemo::kNeutral : 0);
  WordMemo::Store(v.memo_id, word, hash, bits);
  return bits;
}

// The first day of a range whose last day starts at byte `at` ("3 au" of "3
// au 5 juin", "3-" of "3-5 June"), or 0; *begin is where it starts. Reads the
// text itself: the date segments split at the link word.
int DateFinder::RangeStartBefore(const Vocabulary& v, std::string_view text, size_t at,
                                 size_t* begin) {
  if (v.range_links.empty()) return 0;
  size_t end = at;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t link = end;
  while (link > 0 && text[link - 1] != ' ' && !(text[link - 1] >= '0' && text[link - 1] <= '9')) {
    --link;
  }
  if (link == end) return 0;
  const std::string folded = FoldString(text.substr(link, end - link));
  if (std::find(v.range_links.begin(), v.range_links.end(), folded) == v.range_links.end()) {
    return 0;
  }
  size_t digits_end = link;
  while (digits_end > 0 && text[digits_end - 1] == ' ') --digits_end;
  size_t digits = digits_end;
  while (digits > 0 && digits_end - digits < 2 && text[digits - 1] >= '0' &&
         text[digits - 1] <= '9') {
    --digits;
  }
  if (digits == digits_end || (digits > 0 && text[digits - 1] >= '0' && text[digits - 1] <= '9')) {
    return 0;
  }
  const int day = Digits(text.substr(digits, digits_end - digits), 1, 2);
  if (day < 1 || day > 31) return 0;
  *begin = digits;
  return day;
}

// Whether one of the two words right before byte `at` is a night word ("la
// nuit du 12 au 13", "the night of 12 to 13"). Reads the text itself: the
// date segment may start after it.
bool DateFinder::NightBefore(const Vocabulary& v, std::string_view text, size_t at) {
  if (v.night_words.empty()) return false;
  size_t end = at;
  for (int words = 0; words < 2; ++words) {
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\'')) --end;
    size_t begin = end;
    while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\n') --begin;
    if (begin == end) return false;
    const std::string folded = FoldString(text.substr(begin, end - begin));
    if (std::find(v.night_words.begin(), v.night_words.end(), folded) != v.night_words.end()) {
      return true;
    }
    end = begin;
  }
  return false;
}

namespace {

// The end of the run of word characters (letters, marks, digits, as the
// tokenizer sees them) that starts at s[i]; i itself when s[i] is none.
// *ascii is cleared when the run holds a non-ASCII letter, *digit set when it
// holds a digit.
size_t WordRunEnd(std::string_view s, size_t i, bool* ascii, bool* digit) {
  size_t j = i;
  for (;;) {
    // ASCII letters, most of the bytes, eight at a time.
    j = AsciiLetterRunEnd(s, j, s.size());
    if (j == s.size()) return j;
    const unsigned char c = static_cast<unsigned char>(s[j]);
    if (c >= '0' && c <= '9') {
      *digit = true;
      ++j;
      continue;
    }
    if (c < 0x80) return j;
    size_t next = j;
    const char32_t cp = DecodeUtf8(s, &next);
    if (!(CharClassOf(cp) & (kCharLetter | kCharDigit))) return j;
    *ascii = false;
    j = next;
  }
}

}  // namespace

void DateFinder::DateSegments(const Vocabulary& v, std::string_view text, size_t begin, size_t end,
                              std::string* scratch,
                              std::vector<std::pair<size_t, size_t>>* segments) {
  segments->clear();
  if (!v.prefilter) {
    segments->push_back({begin, end});
    return;
  }
  const std::string_view line_text = text.substr(0, end);
  const auto is_blank = [&](size_t k) { return text[k] == ' ' || text[k] == '\t'; };
  // The vocabulary's filters in locals: the segment list written below could
  // alias them for all the compiler knows, and they are read at every word.
  const size_t piece_lengths = v.piece_first.size();
  const uint32_t* const piece_first = v.piece_first.data();
  const uint32_t* const piece_last = v.piece_last.data();
  size_t segment_begin = begin;
  bool candidate = false;  // the current segment has a digit or a date name
  size_t i = begin;
  while (i < end) {
    // The ASCII bytes between words (spaces, punctuation), in a loop of
    // their own.
    while (i < end && kBetweenWords.between[static_cast<unsigned char>(text[i])]) ++i;
    if (i == end) break;
    const unsigned char b = static_cast<unsigned char>(text[i]);
    // A run of word characters, as the tokenizer sees them (letters, marks,
    // digits).
    bool ascii = true, digit = false;
    const size_t j = WordRunEnd(line_text, i, &ascii, &digit);
    if (j == i) {  // a non-ASCII character that is not a word character
      size_t next = i;
      DecodeUtf8(line_text, &next);
      i = next;
      continue;
    }
    bool start = digit, neutral = false;
    if (!digit) {
      // Most words are ASCII and fail the length and first/last byte filter:
      // no date word. The others are looked up out of line.
      const size_t n = j - i;
      if (ascii && (n >= piece_lengths || !(piece_first[n] & FirstBit(b | 0x20)) ||
                    !(piece_last[n] & FirstBit(static_cast<unsigned char>(text[j - 1]) | 0x20)))) {
        neutral = true;
      } else if (ascii && n <= PackedWordMap::kMaxWord && i + 8 <= text.size() &&
                 std::endian::native == std::endian::little) {
        // An ASCII word of letters (a digit would have set `digit`) is one
        // piece: lower-cased and looked up from one load, as WordBits
        // would.
        uint64_t w;
        std::memcpy(&w, text.data() + i, 8);
        const uint64_t in_word = n == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
        const uint8_t bits = v.short_pieces.FindPacked((w | 0x2020202020202020ull) & in_word);
        start = (bits & kStartPiece) != 0;
        neutral = bits == 0;
      } else {
        const uint8_t bits = WordBits(v, text.substr(i, n), ascii, scratch);
        start = (bits & kStartPiece) != 0;
        neutral = (bits & WordMemo::kNeutral) != 0;
      }
    }
    if (neutral && (i == begin || is_blank(i - 1)) && (j == end || is_blank(j))) {
      // A word between blanks that is no date word: one token, with an
      // empty date cell, that no pattern crosses. Cut here.
      if (candidate) segments->push_back({segment_begin, i});
      segment_begin = j;
      candidate = false;
    } else {
      candidate |= start;
    }
    i = j;
  }
  if (candidate) segments->push_back({segment_begin, end});
}

DateFinder::DateFinder(const DateLexicon& lexicon)
    : fr_(Compile(lexicon.fr)), en_(Compile(lexicon.en)) {}

std::vector<DateMention> DateFinder::Find(std::string_view normalized, Lang lang,
                                          std::string_view article_date, Anchor anchor,
                                          size_t anchor_at) const {
  std::vector<DateMention> out;
  if (lang == Lang::kEn) {
    FindWith(en_, normalized, article_date, anchor, anchor_at, &out);
  } else if (lang == Lang::kFr) {
    FindWith(fr_, normalized, article_date, anchor, anchor_at, &out);
  } else {
    std::vector<DateMention> fr, en;
    FindWith(fr_, normalized, article_date, anchor, anchor_at, &fr);
    FindWith(en_, normalized, article_date, anchor, anchor_at, &en);
    // Merge in text order, the first (French on ties) wins an overlap.
    size_t a = 0, b = 0;
    while (a < fr.size() || b < en.size()) {
      const bool take_fr = b == en.size() || (a < fr.size() && fr[a].begin <= en[b].begin);
      DateMention& d = take_fr ? fr[a++] : en[b++];
      if (!out.empty() && d.begin < out.back().end) continue;
      out.push_back(std::move(d));
    }
  }
  return out;
}

DateFinder::ArticleDay DateFinder::ParseArticleDay(std::string_view article_date) {
  ArticleDay day;
  int y = 0, m = 0, d = 0;
  if (ParseIso(article_date, &y, &m, &d)) {
    day.valid = true;
    day.year = y;
    day.days = DaysFromCivil(y, m, d);
  }
  return day;
}

uint8_t DateFinder::TokenBits(Lang lang, std::string_view s) const {
  const Vocabulary& v = lang == Lang::kEn ? en_ : fr_;
  std::string scratch;
  bool start = false, one_neutral_word = false;
  size_t i = 0;
  // The words of the token as DateSegments reads them (no word crosses a
  // token's edge), each classified as it classifies them.
  while (i < s.size()) {
    if (kBetweenWords.between[static_cast<unsigned char>(s[i])]) {
      ++i;
      continue;
    }
    bool ascii = true, digit = false;
    const size_t j = WordRunEnd(s, i, &ascii, &digit);
    if (j == i) {  // a non-ASCII character that is not a word character
      size_t next = i;
      DecodeUtf8(s, &next);
      i = next;
      continue;
    }
    bool word_start = digit, neutral = false;
    if (!digit) {
      const size_t n = j - i;
      if (ascii && (n >= v.piece_first.size() ||
                    !(v.piece_first[n] & FirstBit(static_cast<unsigned char>(s[i]) | 0x20)) ||
                    !(v.piece_last[n] & FirstBit(static_cast<unsigned char>(s[j - 1]) | 0x20)))) {
        neutral = true;
      } else {
        const uint8_t bits = WordBits(v, s.substr(i, n), ascii, &scratch);
        word_start = (bits & kStartPiece) != 0;
        neutral = (bits & WordMemo::kNeutral) != 0;
      }
    }
    start |= word_start;
    if (i == 0 && j == s.size()) one_neutral_word = neutral;
    i = j;
  }
  return (start ? kTokenStart : 0) | (one_neutral_word ? kTokenCut : 0);
}

uint16_t DateFinder::WordClass(const Vocabulary& v, std::string_view word) {
  // MatchSegment's reading of a word, but for the hyphenated relative days
  // it looks for with the next tokens.
  const std::string folded = FoldString(word);
  size_t digits = 0;
  while (digits < folded.size() && folded[digits] >= '0' && folded[digits] <= '9') ++digits;
  if (digits > 0 && digits <= 2) {
    uint16_t day = 0;
    for (const std::string& suffix : v.day_suffixes) {
      if (folded.compare(digits, std::string::npos, suffix) == 0) {
        const int d = Digits(std::string_view(folded).substr(0, digits), 1, 2);
        if (d >= 1 && d <= 31) day = static_cast<uint16_t>(d);
      }
    }
    return kDayWord | day;
  }
  if (folded.size() > v.max_word ||
      !(v.word_first & FirstBit(static_cast<unsigned char>(folded[0])))) {
    return 0;
  }
  const auto it = v.words.find(std::string_view(folded));
  return it == v.words.end() ? 0 : static_cast<uint16_t>(it->second.index + 1);
}

DateFinder::TokenKey DateFinder::KeyOf(Lang lang, std::string_view token, TokenKind kind) const {
  const Vocabulary& v = lang == Lang::kEn ? en_ : fr_;
  TokenKey key;
  key.bits = TokenBits(lang, token);
  if (kind == TokenKind::kWord) key.word = WordClass(v, token);
  return key;
}

std::vector<DateMention> DateFinder::Find(std::string_view normalized, const TokenStream& tokens,
                                          Lang lang, std::string_view article_date, Anchor anchor,
                                          size_t anchor_at) const {
  assert(lang == Lang::kFr || lang == Lang::kEn);
  assert(tokens.tokens.size() == tokens.keys.size());
  std::vector<DateMention> out;
  FindWithTokens(lang == Lang::kEn ? en_ : fr_, normalized, tokens, article_date, anchor, anchor_at,
                 &out);
  return out;
}

// FindWith's work on tokens given: DateSegments' cuts are the tokens with
// kTokenCut between blanks (a word between blanks is one token), and a
// segment's tokens are those between two cuts (or a cut and the line's
// edge); a segment is read when one of them has kTokenStart. Most tokens
// are passed over with one bit test: a segment is looked for around each
// start token, back and forth to the cuts.
void DateFinder::FindWithTokens(const Vocabulary& v, std::string_view text,
                                const TokenStream& stream, std::string_view article_date,
                                Anchor anchor, size_t anchor_at,
                                std::vector<DateMention>* out) const {
  const ArticleDay day = ParseArticleDay(article_date);
  const Token* const tokens = stream.tokens.data();
  const TokenKey* const keys = stream.keys.data();
  const size_t count = stream.tokens.size();
  const auto is_blank = [&](size_t k) { return text[k] == ' ' || text[k] == '\t'; };
  size_t t = 0;  // the first token of the line
  size_t line_begin = 0;
  while (line_begin < text.size() && t < count) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    const bool nearest =
        anchor == Anchor::kLead ||
        (anchor == Anchor::kMentioned && anchor_at >= line_begin && anchor_at < line_end);
    const auto match = [&](size_t first, size_t last) {
      MatchSegment(v, text, std::span<const Token>(tokens + first, last - first), keys + first, day,
                   anchor, nearest, out);
    };
    const auto in_line = [&](size_t k) { return k < count && tokens[k].begin < line_end; };
    if (!v.prefilter) {  // every line is one segment
      const size_t first = t;
      while (in_line(t)) ++t;
      if (t > first) match(first, t);
      line_begin = line_end + 1;
      continue;
    }
    const auto is_cut = [&](size_t k) {
      const Token& tok = tokens[k];
      return (keys[k].bits & kTokenCut) && (tok.begin == line_begin || is_blank(tok.begin - 1)) &&
             (tok.end == line_end || is_blank(tok.end));
    };
    size_t settled = t;  // tokens before it are cut or read
    size_t k = t;
    while (in_line(k)) {
      if (!(keys[k].bits & kTokenStart) || is_cut(k)) {
        ++k;
        continue;
      }
      size_t first = k;
      while (first > settled && !is_cut(first - 1)) --first;
      size_t last = k + 1;
      while (in_line(last) && !is_cut(last)) ++last;
      match(first, last);
      // Past the cut that closed the segment, or at the line's end.
      k = in_line(last) ? last + 1 : last;
      settled = k;
    }
    t = k;
    line_begin = line_end + 1;
  }
}

void DateFinder::FindWith(const Vocabulary& v, std::string_view text, std::string_view article_date,
                          Anchor anchor, size_t anchor_at, std::vector<DateMention>* out) const {
  const ArticleDay day = ParseArticleDay(article_date);
  // Buffers kept per thread (each use clears or overwrites them): their
  // capacity outlives the article, so they stop allocating after the first.
  thread_local std::vector<Token> tokens;
  thread_local std::string folded;
  thread_local std::vector<std::pair<size_t, size_t>> segments;
  size_t line_begin = 0;
  while (line_begin < text.size()) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    DateSegments(v, text, line_begin, line_end, &folded, &segments);
    // Weekdays nearest the anchor rather than after it.
    const bool nearest =
        anchor == Anchor::kLead ||
        (anchor == Anchor::kMentioned && anchor_at >= line_begin && anchor_at < line_end);

    line_begin = line_end + 1;
    for (const auto& [segment_begin, segment_end] : segments) {
      tokens.clear();
      Tokenize(text, {static_cast<uint32_t>(segment_begin), static_cast<uint32_t>(segment_end)},
               &tokens);
      MatchSegment(v, text, tokens, nullptr, day, anchor, nearest, out);
    }
  }
}

void DateFinder::MatchSegment(const Vocabulary& v, std::string_view text,
                              std::span<const Token> tokens, const TokenKey* keys,
                              const ArticleDay& day, Anchor anchor, bool nearest,
                              std::vector<DateMention>* out) {
  const bool have_article = day.valid;
  const int ay = day.year;
  const int64_t article_days = day.days;
  thread_local std::vector<Cell> cells;
  thread_local std::string folded;
  thread_local std::string phrase_word;  // a token folded for phrase_end

  // Classify every token once.
  cells.assign(tokens.size(), Cell());
  for (size_t t = 0; t < tokens.size(); ++t) {
    const Token& tok = tokens[t];
    const std::string_view s = TokenText(text, tok);
    Cell& c = cells[t];
    if (tok.kind == TokenKind::kNumber) {
      c.year = Digits(s, 4, 4) >= 1000 ? Digits(s, 4, 4) : 0;
      c.small = Digits(s, 1, 2);
      c.day = c.small >= 1 && c.small <= 31 ? c.small : 0;
      continue;
    }
    if (tok.kind != TokenKind::kWord) continue;
    // "avant-hier": a hyphenated relative day.
    const bool hyphen = t + 2 < tokens.size() && TokenText(text, tokens[t + 1]) == "-" &&
                        !tokens[t + 1].space_before && !tokens[t + 2].space_before;
    const WordInfo* word = nullptr;
    if (keys != nullptr && !(hyphen && !(keys[t].word & kDayWord))) {
      // What the word is, known from its key (WordClass): as below, without
      // folding and looking it up.
      const uint16_t key = keys[t].word;
      if (key & kDayWord) {
        if (key != kDayWord) c.day = key & ~kDayWord;
        continue;
      }
      if (key == 0) continue;
      word = &v.word_list[key - 1];
    } else {
      folded.clear();
      AppendFolded(s, &folded);
      // "1er", "6th": digits then a day suffix.
      size_t digits = 0;
      while (digits < folded.size() && folded[digits] >= '0' && folded[digits] <= '9') ++digits;
      if (digits > 0 && digits <= 2) {
        for (const std::string& suffix : v.day_suffixes) {
          if (folded.compare(digits, std::string::npos, suffix) == 0) {
            const int d = Digits(folded.substr(0, digits), 1, 2);
            if (d >= 1 && d <= 31) c.day = d;
          }
        }
        continue;
      }
      if (hyphen) {
        std::string joined = folded + "-" + FoldString(TokenText(text, tokens[t + 2]));
        auto it = v.words.find(joined);
        if (it != v.words.end() && it->second.relative != 0) {
          c.relative = it->second.relative;
          c.day = -(static_cast<int>(tokens[t + 2].end));  // marks the span end
          continue;
        }
      }
      if (folded.size() > v.max_word ||
          !(v.word_first & FirstBit(static_cast<unsigned char>(folded[0])))) {
        continue;
      }
      const auto it = v.words.find(std::string_view(folded));
      if (it == v.words.end()) continue;
      word = &it->second;
    }
    const WordInfo& w = *word;
    const bool name_ok = !v.names_capitalized || tok.capitalized;
    if (w.month != 0 && name_ok) c.month = w.month;
    if (w.weekday >= 0 && name_ok) c.weekday = w.weekday;
    if (w.relative != 0) c.relative = w.relative;
    if (w.marker != 0) c.marker = w.marker;
    if (w.prep) c.prep = true;
    c.number = w.number;
    c.unit = w.unit;
  }

  const auto is_punct = [&](size_t t, std::string_view p, bool glued) {
    return t < tokens.size() && TokenText(text, tokens[t]) == p &&
           (!glued || !tokens[t].space_before);
  };
  const auto add = [&](size_t first, size_t last, std::string iso, DatePrecision p, bool rel) {
    out->push_back({tokens[first].begin, tokens[last].end, std::move(iso), p, rel});
  };
  // A month name, optionally followed by its abbreviation dot: returns the
  // index after it, or 0.
  const auto month_at = [&](size_t t) -> size_t {
    if (t >= tokens.size() || cells[t].month == 0) return 0;
    return is_punct(t + 1, ".", true) ? t + 2 : t + 1;
  };
  // Day Month [Year] from t; returns the index after, or 0.
  const auto day_month_year = [&](size_t t) -> size_t {
    if (t >= tokens.size() || cells[t].day <= 0) return 0;
    const size_t after_month = month_at(t + 1);
    if (!after_month) return 0;
    const int d = cells[t].day, m = cells[t + 1].month;
    size_t y_at = after_month;
    if (is_punct(y_at, ",", false)) ++y_at;
    if (y_at < tokens.size() && cells[y_at].year) {
      // An impossible date ("30 février 2024") is consumed, not reported.
      if (ValidDay(cells[y_at].year, m, d)) {
        add(t, y_at, Iso(cells[y_at].year, m, d), DatePrecision::kDay, false);
      }
      return y_at + 1;
    }
    if (!have_article || !ValidDay(ay, m, d)) return 0;
    add(t, after_month - 1, Iso(ay, m, d), DatePrecision::kDay, true);
    return after_month;
  };
  // Month Day[,] [Year] from t ("June 6, 2025").
  const auto month_day_year = [&](size_t t) -> size_t {
    const size_t after_month = month_at(t);
    if (!after_month || after_month >= tokens.size() || cells[after_month].day <= 0) return 0;
    const int m = cells[t].month, d = cells[after_month].day;
    size_t y_at = after_month + 1;
    if (is_punct(y_at, ",", false)) ++y_at;
    if (y_at < tokens.size() && cells[y_at].year) {
      // An impossible date ("30 février 2024") is consumed, not reported.
      if (ValidDay(cells[y_at].year, m, d)) {
        add(t, y_at, Iso(cells[y_at].year, m, d), DatePrecision::kDay, false);
      }
      return y_at + 1;
    }
    if (!have_article || !ValidDay(ay, m, d)) return 0;
    add(t, after_month, Iso(ay, m, d), DatePrecision::kDay, true);
    return after_month + 1;
  };

  size_t t = 0;
  while (t < tokens.size()) {
    const Cell& c = cells[t];
    // 2025-06-06
    if (c.year && is_punct(t + 1, "-", true) && t + 4 < tokens.size() &&
        tokens[t + 2].kind == TokenKind::kNumber && !tokens[t + 2].space_before &&
        is_punct(t + 3, "-", true) && tokens[t + 4].kind == TokenKind::kNumber &&
        !tokens[t + 4].space_before) {
      const int m = Digits(TokenText(text, tokens[t + 2]), 2, 2);
      const int d = Digits(TokenText(text, tokens[t + 4]), 2, 2);
      if (ValidDay(c.year, m, d)) {
        add(t, t + 4, Iso(c.year, m, d), DatePrecision::kDay, false);
        t += 5;
        continue;
      }
    }
    // 06/07/2025
    if (c.small >= 1 && is_punct(t + 1, "/", true) && t + 4 < tokens.size() &&
        cells[t + 2].small >= 1 && !tokens[t + 2].space_before && is_punct(t + 3, "/", true) &&
        cells[t + 4].year && !tokens[t + 4].space_before) {
      const int a = c.small, b = cells[t + 2].small, y = cells[t + 4].year;
      int m = v.month_first_numeric ? a : b, d = v.month_first_numeric ? b : a;
      if (!ValidDay(y, m, d) && v.month_first_numeric && ValidDay(y, b, a)) {
        m = b;  // "25/12/2025" in English text: only dd/mm makes sense
        d = a;
      }
      if (ValidDay(y, m, d)) {
        add(t, t + 4, Iso(y, m, d), DatePrecision::kDay, false);
        t += 5;
        continue;
      }
    }
    // [Weekday [,]] Day Month [Year] / [Weekday [,]] Month Day [Year]
    if (c.weekday >= 0) {
      size_t start = is_punct(t + 1, ",", false) ? t + 2 : t + 1;
      const size_t before = out->size();
      size_t next = day_month_year(start);
      if (!next) next = month_day_year(start);
      if (next) {
        if (out->size() > before) out->back().begin = tokens[t].begin;
        t = next;
        continue;
      }
    }
    if (const size_t before = out->size(); size_t next = day_month_year(t)) {
      // A range of days: "du 3 au 5 juin 2025", "les 3 et 4 juin", "3-5
      // June 2025": one date, its first day, spanning the whole. (Not a
      // night: "dans la nuit du 12 au 13 septembre" is dated by the
      // morning it ends, the day its events are reported for.)
      if (out->size() > before && out->back().precision == DatePrecision::kDay) {
        DateMention& d = out->back();
        size_t first_at = 0;
        const int first = RangeStartBefore(v, text, d.begin, &first_at);
        int y, m, last;
        if (first > 0 && !NightBefore(v, text, first_at) && ParseIso(d.iso, &y, &m, &last) &&
            first < last && ValidDay(y, m, first)) {
          d.iso = Iso(y, m, first);
          d.begin = static_cast<uint32_t>(first_at);
        }
      }
      t = next;
      continue;
    }
    if (size_t next = month_day_year(t)) {
      t = next;
      continue;
    }
    // Month Year
    if (size_t after = month_at(t); after && after < tokens.size() && cells[after].year) {
      add(t, after, Iso(cells[after].year, c.month), DatePrecision::kMonth, false);
      t = after + 1;
      continue;
    }
    // en 2024 / en septembre
    if (c.prep && t + 1 < tokens.size()) {
      if (cells[t + 1].year && cells[t + 1].year <= 2999) {
        add(t + 1, t + 1, Iso(cells[t + 1].year), DatePrecision::kYear, false);
        t += 2;
        continue;
      }
      if (size_t after = month_at(t + 1);
          after && have_article &&
          !(after < tokens.size() && (cells[after].year || cells[after].day > 0))) {
        add(t + 1, after - 1, Iso(ay, cells[t + 1].month), DatePrecision::kMonth, true);
        t = after;
        continue;
      }
    }
    // hier, aujourd'hui, yesterday, avant-hier
    if (c.relative && have_article) {
      int y, m, d;
      CivilFromDays(article_days + (c.relative - 1000), &y, &m, &d);
      const size_t last = c.day < 0 ? t + 2 : t;
      add(t, last, Iso(y, m, d), DatePrecision::kDay, true);
      t = last + 1;
      continue;
    }
    // "dix jours plus tôt", "two days earlier", "il y a trois semaines",
    // "three weeks ago", "deux jours plus tard": counted from the article date.
    if (have_article) {
      const auto phrase_end = [&](size_t at, const std::vector<std::vector<std::string>>& list) {
        for (const auto& words : list) {
          size_t k = 0;
          while (k < words.size() && at + k < tokens.size()) {
            phrase_word.clear();
            AppendFolded(TokenText(text, tokens[at + k]), &phrase_word);
            if (phrase_word != words[k]) break;
            ++k;
          }
          if (k == words.size()) return at + k;
        }
        return size_t{0};
      };
      const auto count_at = [&](size_t at) {
        if (at >= tokens.size()) return 0;
        return cells[at].number > 0 ? cells[at].number
                                    : (cells[at].small > 0 ? cells[at].small : 0);
      };
      size_t n_at = t;
      const size_t prefix_end = cells[t].unit == 0 ? phrase_end(t, v.offset_prefixes) : 0;
      if (prefix_end) n_at = prefix_end;
      const int n = count_at(n_at);
      if (n > 0 && n_at + 1 < tokens.size() && cells[n_at + 1].unit > 0) {
        const size_t unit_at = n_at + 1;
        int sign = 0;
        size_t last = unit_at;
        if (prefix_end) {
          sign = -1;
        } else if (const size_t e = phrase_end(unit_at + 1, v.offset_before)) {
          sign = -1, last = e - 1;
        } else if (const size_t e2 = phrase_end(unit_at + 1, v.offset_after)) {
          sign = 1, last = e2 - 1;
        }
        if (sign != 0) {
          int y, m, d;
          CivilFromDays(article_days + sign * n * cells[unit_at].unit, &y, &m, &d);
          add(t, last, Iso(y, m, d), DatePrecision::kDay, true);
          t = last + 1;
          continue;
        }
      }
    }
    // [last|dernier] weekday [dernier|prochain]
    {
      size_t first = t, day_at = t;
      int marker = 0;
      if (c.marker && t + 1 < tokens.size() && cells[t + 1].weekday >= 0) {
        marker = c.marker;
        day_at = t + 1;
      }
      // A night is dated by the morning it ends, as "la nuit du 12 au
      // 13" is: "dans la nuit de samedi à dimanche" is Sunday's.
      if (cells[day_at].weekday >= 0 && !marker && day_at + 2 < tokens.size() &&
          cells[day_at + 2].weekday >= 0 && NightBefore(v, text, tokens[day_at].begin)) {
        const Token& link = tokens[day_at + 1];
        const std::string folded = FoldString(text.substr(link.begin, link.end - link.begin));
        if (std::find(v.range_links.begin(), v.range_links.end(), folded) != v.range_links.end()) {
          t = day_at + 1;
          continue;
        }
      }
      if (cells[day_at].weekday >= 0 && have_article) {
        size_t last = day_at;
        if (!marker && day_at + 1 < tokens.size() && cells[day_at + 1].marker) {
          marker = cells[day_at + 1].marker;
          last = day_at + 1;
        }
        const int target = cells[day_at].weekday;
        const int today = Weekday(article_days);
        int64_t delta;
        if (marker > 0) {
          delta = (target - today + 7) % 7;
          if (delta == 0) delta = 7;
        } else if (marker == 0 && anchor != Anchor::kPublished) {
          delta = (target - today + 7) % 7;
          if (nearest && delta > 3) delta -= 7;
        } else {
          delta = -((today - target + 7) % 7);
          if (marker < 0 && delta == 0) delta = -7;
        }
        int y, m, d;
        CivilFromDays(article_days + delta, &y, &m, &d);
        add(first, last, Iso(y, m, d), DatePrecision::kDay, true);
        t = last + 1;
        continue;
      }
    }
    ++t;
  }
}

}  // namespace newsgraph
