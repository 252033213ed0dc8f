// MappedText: rewritten text that remembers, for every byte, where it came
// from in the original article. Every span the extractor reports is a
// half-open byte span into the ORIGINAL text, obtained through this map.
//
//   MappedText n = Normalize(article.text);
//   Span s = ...;                                  // a span in n.text
//   Span o = n.ToOriginalSpan(s);                  // the same span in article.text
//
// Plain value type: copyable, no synchronisation; const methods are safe from
// many threads.
#ifndef NEWSGRAPH_TEXT_MAPPED_TEXT_H_
#define NEWSGRAPH_TEXT_MAPPED_TEXT_H_

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

// A half-open byte range [begin, end) into some text (which text is stated by
// whoever returns it).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return end == begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

struct MappedText {
  std::string text;
  // origin[i] = byte offset in the original of the character that produced
  // text byte i. origin.size() == text.size() + 1; origin.back() is the
  // original's size. Non-decreasing. When one original character becomes
  // several bytes ("…" -> "...", "œ" -> "oe"), all of them map to its first
  // byte; removed characters (soft hyphen, zero-width) map from nothing.
  std::vector<uint32_t> origin;

  // Where text byte i (a span BEGIN) comes from. REQUIRES: i <= text.size().
  uint32_t ToOriginal(size_t i) const {
    assert(i < origin.size());
    return origin[i];
  }

  // Where a span ENDING at text byte i ends in the original: the end of the
  // original character that produced byte i-1, so a span cut inside an
  // expansion ("o" of "oe" from "œ") still covers the whole character.
  // Removed characters right after the span are included (harmless).
  // REQUIRES: i <= text.size().
  uint32_t ToOriginalEnd(size_t i) const;

  // {ToOriginal(s.begin), ToOriginalEnd(s.end)}; an empty span maps to an
  // empty span at ToOriginal(s.begin). REQUIRES: s.end <= text.size().
  Span ToOriginalSpan(Span s) const;

  // As above, but tight: when the span does not itself end with a space,
  // spaces and removed invisible characters (no-break spaces dropped inside
  // « », soft hyphens, zero-width characters) that follow it in `original`
  // are left out. Use this for evidence spans. REQUIRES: `original` is the
  // text this map points into.
  Span ToOriginalSpan(Span s, std::string_view original) const;

  // The identity map of `original` (text == original).
  static MappedText Identity(std::string original);
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_TEXT_MAPPED_TEXT_H_
