// Lexical forms of attribute values, shared by every graph format.
//
//   std::string s = FormatDouble(0.1);        // "0.1", 20.0 -> "20.0"
//   std::optional<double> d = ParseDouble(s); // exact round trip
//   Attribute a = CanonicalAttribute("integer", " 7 ");  // {"int", "7"}
//
// Doubles are written in the shortest form that reads back to the same bits,
// always with a '.' (so every reader sees a floating-point number), never as
// NaN or infinity. Pure functions, thread-safe.
#ifndef NEWSGRAPH_IO_VALUE_FORMAT_H_
#define NEWSGRAPH_IO_VALUE_FORMAT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

// Shortest round-trip form with a '.': 2 -> "2.0", 1e21 -> "1.0e+21".
// REQUIRES: std::isfinite(value).
std::string FormatDouble(double value);
void AppendDouble(double value, std::string* out);
void AppendInt(int64_t value, std::string* out);

// Strict parses of a whole string (surrounding XML whitespace allowed).
// ParseDouble refuses NaN and infinities; ParseInt64 accepts a leading '+';
// ParseBool accepts true/false, 1/0 and Python's True/False.
std::optional<double> ParseDouble(std::string_view text);
std::optional<int64_t> ParseInt64(std::string_view text);
std::optional<bool> ParseBool(std::string_view text);
// An integer written as one ("3") or as an integral double ("3.0"), as igraph does.
std::optional<int64_t> ParseIntegral(std::string_view text);

// "#RRGGBB" (either case).
bool IsHexColor(std::string_view text);

// A value read from a file under a declared type, in canonical form: the type
// becomes one of boolean int long float double string (GraphML's "integer" is
// "int", "liststring" and unknown types are "string"); numbers and booleans are
// re-formatted; a value that does not parse as its type becomes a string.
Attribute CanonicalAttribute(std::string_view type, std::string_view value);

// True if `value` is a valid lexical form of GraphML `type` as the writers emit it.
bool ConformsToType(std::string_view type, std::string_view value);

// Removes leading and trailing XML whitespace (space, tab, newline, return).
std::string_view TrimXmlSpace(std::string_view text);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IO_VALUE_FORMAT_H_
