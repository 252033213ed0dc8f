// Escaping text for XML and JSON output, with the profile's text hygiene.
//
//   std::string out;
//   AppendXmlText("a < b & c", &out);          // "a &lt; b &amp; c"
//   AppendJsonString("oui\n", &out);          // "oui\u000a" with its quotes
//
// Every function appends to `out`, keeps non-ASCII as raw UTF-8 (input is
// assumed NFC), replaces invalid UTF-8 with U+FFFD and never emits a character
// XML 1.0 forbids. Pure functions, thread-safe.
#ifndef NEWSGRAPH_IO_TEXT_ESCAPE_H_
#define NEWSGRAPH_IO_TEXT_ESCAPE_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

// Element content: escapes & < >, writes a carriage return as &#13; (so XML's
// end-of-line normalisation keeps it), removes the other C0 controls except
// tab and newline, and U+FFFE/U+FFFF.
void AppendXmlText(std::string_view text, std::string* out);

// Attribute value in double quotes: as AppendXmlText, and also escapes '"'
// and writes tab, newline and return as character references (attribute
// normalisation would turn them into spaces).
void AppendXmlAttribute(std::string_view text, std::string* out);

// Attribute value of XML type token (GEXF labels): runs of whitespace and
// controls become one space, leading and trailing space is dropped.
void AppendXmlToken(std::string_view text, std::string* out);

// A JSON string literal with its quotes: compact, raw UTF-8, only the quote
// and the backslash escaped, control characters as \u00XX. The result is also a
// valid GEXF liststring item.
void AppendJsonString(std::string_view text, std::string* out);

// A compact JSON array of strings: ["a","b"].
template <typename Container>
void AppendJsonStringArray(const Container& items, std::string* out) {
  out->push_back('[');
  bool first = true;
  for (const auto& item : items) {
    if (!first) out->push_back(',');
    first = false;
    AppendJsonString(item, out);
  }
  out->push_back(']');
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_IO_TEXT_ESCAPE_H_
