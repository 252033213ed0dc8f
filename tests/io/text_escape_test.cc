#include "newsgraph/io/text_escape.h"

#include <catch2/catch.hpp>
#include <set>

namespace newsgraph {
namespace {

std::string Xml(std::string_view s) {
  std::string out;
  AppendXmlText(s, &out);
  return out;
}
std::string Attr(std::string_view s) {
  std::string out;
  AppendXmlAttribute(s, &out);
  return out;
}
std::string Json(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

TEST_CASE("XML text escapes & < > and removes C0 controls", "[io][escape]") {
  CHECK(Xml("a < b & c > d") == "a &lt; b &amp; c &gt; d");
  CHECK(Xml("tab\tnew\nline") == "tab\tnew\nline");
  CHECK(Xml("cr\r") == "cr&#13;");
  CHECK(Xml(std::string("nul\x00x\x01\x1f", 7)) == "nulx");
  CHECK(Xml("quote \" stays") == "quote \" stays");
  CHECK(Xml("Côte d'Ivoire — « ok »") == "Côte d'Ivoire — « ok »");
  CHECK(Xml("\xEF\xBF\xBE") == "");                        // U+FFFE is not an XML character
  CHECK(Xml("bad \xC3 byte") == "bad \xEF\xBF\xBD byte");  // invalid UTF-8 -> U+FFFD
}

TEST_CASE("XML attributes also escape quotes and whitespace", "[io][escape]") {
  CHECK(Attr("a\"b\nc\td") == "a&quot;b&#10;c&#9;d");
}

TEST_CASE("JSON strings escape only quote, backslash and controls", "[io][escape]") {
  CHECK(Json("dit \"oui\" \\ é") == "\"dit \\\"oui\\\" \\\\ é\"");
  CHECK(Json("a\nb\x01") == "\"a\\u000ab\\u0001\"");
  std::string list;
  AppendJsonStringArray(std::set<std::string>{"b", "a"}, &list);
  CHECK(list == "[\"a\",\"b\"]");
}

TEST_CASE("XML tokens collapse whitespace for GEXF labels", "[io][escape]") {
  std::string out;
  AppendXmlToken("  deux\n  lignes & <x>  ", &out);
  CHECK(out == "deux lignes &amp; &lt;x&gt;");
}

}  // namespace
}  // namespace newsgraph
