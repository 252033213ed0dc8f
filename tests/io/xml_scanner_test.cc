#include "newsgraph/io/xml_scanner.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace newsgraph {
namespace {

// "S:name", "E:name", "M:name" (empty element) for every tag of a final text.
std::vector<std::string> Tags(std::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    XmlScanResult r = ScanXmlTag(text, pos, /*final=*/true);
    if (r.status == XmlScan::kEnd) break;
    REQUIRE(r.status == XmlScan::kTag);
    const char* kind = r.tag.kind == XmlTagKind::kStart ? "S:"
                       : r.tag.kind == XmlTagKind::kEnd ? "E:"
                                                        : "M:";
    out.push_back(kind + std::string(r.tag.name));
    CHECK(text[r.tag.begin] == '<');
    CHECK(text[r.tag.end - 1] == '>');
    pos = r.resume;
  }
  return out;
}

TEST_CASE("XML scanner finds start, end and empty tags and skips the rest", "[io][xml]") {
  const std::string text =
      "<?xml version=\"1.0\"?>\n<!-- <fake> -->\n<g:graphml a='x>y' b=\"/\">"
      "<![CDATA[<not-a-tag/> & ]]><node id=\"a&amp;b\"/><data>&#233;&#xE9;&lt;</data>"
      "<?pi <x> ?></g:graphml  >";
  CHECK(Tags(text) ==
        std::vector<std::string>{"S:g:graphml", "M:node", "S:data", "E:data", "E:g:graphml"});
}

TEST_CASE("XML scanner refuses bare ampersands, DOCTYPE and ENTITY with their offsets",
          "[io][xml]") {
  struct Case {
    std::string text;
    size_t offset;
    std::string message;
  };
  const Case cases[] = {
      {"<a>b & c</a>", 5, "not well-formed XML: '&' must start a reference"},
      {"<a x=\"&foo;\"/>", 6, "not well-formed XML: '&' must start a reference"},
      {"<a>&#;</a>", 3, "not well-formed XML: '&' must start a reference"},
      {"<?xml version=\"1.0\"?>\n<!DOCTYPE x>", 22, "DOCTYPE declarations are refused"},
      {"<!ENTITY e SYSTEM \"file:///etc/passwd\">", 0, "ENTITY declarations are refused"},
      {"<a>< b</a>", 3, "not well-formed XML: '<' must start a tag"},
      {"<a x=\"<\"/>", 6, "not well-formed XML: '<' in an attribute value"},
      {"<a>\n<b id=", 9, "not well-formed XML: unexpected end of data inside a tag"},
      {"<a><!-- open", 11, "not well-formed XML: unexpected end of data inside a comment"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    size_t pos = 0;
    XmlScanResult r;
    do {
      r = ScanXmlTag(c.text, pos, /*final=*/true);
      pos = r.resume;
    } while (r.status == XmlScan::kTag);
    REQUIRE(r.status == XmlScan::kError);
    CHECK(r.error_offset == c.offset);
    CHECK_THAT(r.error, Catch::StartsWith(c.message));
  }
}

TEST_CASE("XML scanner asks for more input when a window ends inside markup", "[io][xml]") {
  const std::string text = "<a>x &amp; y<!-- c --><b id=\"1\"/></a>";
  // Every cut gives the same tags when the scan resumes with the whole text.
  for (size_t cut = 0; cut < text.size(); ++cut) {
    INFO(cut);
    std::vector<std::string> tags;
    size_t pos = 0;
    std::string_view window(text.data(), cut);
    bool final = false;
    while (true) {
      XmlScanResult r = ScanXmlTag(window, pos, final);
      REQUIRE(r.status != XmlScan::kError);
      pos = r.resume;
      if (r.status == XmlScan::kNeedMore) {
        REQUIRE_FALSE(final);
        window = text;
        final = true;
        continue;
      }
      if (r.status == XmlScan::kEnd) break;
      tags.push_back(std::string(r.tag.name));
    }
    CHECK(tags == std::vector<std::string>{"a", "b", "a"});
  }
}

}  // namespace
}  // namespace newsgraph
