#include "newsgraph/io/text_escape.h"

#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "newsgraph/base/utf8.h"

namespace newsgraph {
namespace {

// The escaping as it was before its fast paths: one byte at a time. The fast
// paths must write the same bytes.
namespace reference {

enum class Context { kText, kAttribute, kJson };

bool IsAsciiSafe(unsigned char c, Context ctx) {
  if (c >= 0x80 || c < 0x20) return false;
  switch (ctx) {
    case Context::kText:
      return c != '&' && c != '<' && c != '>';
    case Context::kAttribute:
      return c != '&' && c != '<' && c != '>' && c != '"';
    case Context::kJson:
      return c != '"' && c != '\\';
  }
  return false;
}

std::string Escaped(std::string_view text, Context ctx) {
  std::string out;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsAsciiSafe(c, ctx)) {
      out.push_back(text[i++]);
      continue;
    }
    if (c >= 0x80) {
      size_t start = i;
      char32_t cp = DecodeUtf8(text, &i);
      if (cp == 0xFFFD && !(i - start == 3 && text.compare(start, 3, "\xEF\xBF\xBD") == 0)) {
        out.append("\xEF\xBF\xBD");
      } else if (cp == 0xFFFE || cp == 0xFFFF) {
        if (ctx == Context::kJson) out.append(text.substr(start, i - start));
      } else {
        out.append(text.substr(start, i - start));
      }
      continue;
    }
    ++i;
    if (ctx == Context::kJson) {
      static constexpr char kHex[] = "0123456789abcdef";
      if (c == '"') {
        out.append("\\\"");
      } else if (c == '\\') {
        out.append("\\\\");
      } else {
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
      }
      continue;
    }
    switch (c) {
      case '&':
        out.append("&amp;");
        break;
      case '<':
        out.append("&lt;");
        break;
      case '>':
        out.append("&gt;");
        break;
      case '"':
        out.append("&quot;");
        break;
      case '\r':
        out.append("&#13;");
        break;
      case '\n':
        out.append(ctx == Context::kAttribute ? "&#10;" : "\n");
        break;
      case '\t':
        out.append(ctx == Context::kAttribute ? "&#9;" : "\t");
        break;
      default:
        break;
    }
  }
  return out;
}

}  // namespace reference

// Random text from pieces that exercise every path: plain ASCII, each special
// character, controls, valid UTF-8 of every length (and U+FFFD, U+FFFE,
// U+FFFF, lead bytes E0/ED/EF/F0-F4), and broken sequences.
std::string RandomText(std::mt19937* rng) {
  static const std::vector<std::string> kPieces = {"a",
                                                   "Z",
                                                   " ",
                                                   "~",
                                                   "\x7F",
                                                   "plain words ",
                                                   "abcdefgh",
                                                   "&",
                                                   "<",
                                                   ">",
                                                   "\"",
                                                   "\\",
                                                   "'",
                                                   "\t",
                                                   "\n",
                                                   "\r",
                                                   std::string(1, '\0'),
                                                   "\x01",
                                                   "\x1F",
                                                   "\xC3\xA9",
                                                   "\xC2\xA0",
                                                   "\xDF\xBF",
                                                   "\xE2\x80\x94",
                                                   "\xE1\x80\x80",
                                                   "\xEC\xBF\xBF",
                                                   "\xEE\x80\x80",
                                                   "\xE0\xA0\x80",
                                                   "\xED\x9F\xBF",
                                                   "\xED\xA0\x80",
                                                   "\xEF\xBF\xBD",
                                                   "\xEF\xBF\xBE",
                                                   "\xEF\xBF\xBF",
                                                   "\xEF\xBB\xBF",
                                                   "\xF0\x9F\x98\x80",
                                                   "\xF4\x8F\xBF\xBF",
                                                   "\xF4\x90\x80\x80",
                                                   "\xC0\xAF",
                                                   "\xC1\xBF",
                                                   "\xC3",
                                                   "\xE2\x80",
                                                   "\x80",
                                                   "\xBF",
                                                   "\xF8",
                                                   "\xFF",
                                                   "\xE0\x80\x80"};
  std::string text;
  const size_t pieces = (*rng)() % 24;
  for (size_t k = 0; k < pieces; ++k) text += kPieces[(*rng)() % kPieces.size()];
  return text;
}

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

TEST_CASE("Escaping writes the same bytes as one byte at a time", "[io][escape]") {
  using reference::Context;
  // Every byte value alone and in the middle of a plain run long enough for
  // the eight-byte path, at every offset within the word.
  for (int b = 0; b < 256; ++b) {
    for (size_t pad = 0; pad < 10; ++pad) {
      const std::string text = std::string(pad, 'x') + static_cast<char>(b) + std::string(9, 'y');
      INFO("byte " << b << " after " << pad);
      CHECK(Xml(text) == reference::Escaped(text, Context::kText));
      CHECK(Attr(text) == reference::Escaped(text, Context::kAttribute));
      CHECK(Json(text) == "\"" + reference::Escaped(text, Context::kJson) + "\"");
    }
  }
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    const std::string text = RandomText(&rng);
    INFO("text: " << text);
    CHECK(Xml(text) == reference::Escaped(text, Context::kText));
    CHECK(Attr(text) == reference::Escaped(text, Context::kAttribute));
    CHECK(Json(text) == "\"" + reference::Escaped(text, Context::kJson) + "\"");
  }
}

TEST_CASE("Escaping keeps valid UTF-8 in long runs and replaces broken bytes", "[io][escape]") {
  const std::string french = "Le ministre kazakh a signé à Astana — « coopération énergétique ».";
  CHECK(Json(french) == "\"" + french + "\"");
  CHECK(Xml(french) == french);
  CHECK(Json("sixteen plain by\"tes then a quote") == "\"sixteen plain by\\\"tes then a quote\"");
  CHECK(Json("0123456789abcde\x7f") == "\"0123456789abcde\x7f\"");
  CHECK(Json("\xEF\xBF\xBF kept in JSON") == "\"\xEF\xBF\xBF kept in JSON\"");
  CHECK(Xml("\xEF\xBF\xBF dropped in XML") == " dropped in XML");
  CHECK(Json("truncated \xE2\x80") == "\"truncated \xEF\xBF\xBD\xEF\xBF\xBD\"");
  CHECK(Json("surrogate \xED\xA0\x80") == "\"surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
  CHECK(Xml("long line\twith tab\nand newline & more") ==
        "long line\twith tab\nand newline &amp; more");
}

TEST_CASE("XML tokens collapse whitespace for GEXF labels", "[io][escape]") {
  std::string out;
  AppendXmlToken("  deux\n  lignes & <x>  ", &out);
  CHECK(out == "deux lignes &amp; &lt;x&gt;");
}

}  // namespace
}  // namespace newsgraph
