// Finds the tags of an XML document without building a tree, so that a
// streaming reader can cut a large file into runs of whole elements and hand
// each run to a DOM parser on its own (graphml_reader.cc does).
//
//   XmlScanResult r = ScanXmlTag(window, pos, /*final=*/true);
//   if (r.status == XmlScan::kTag) Use(r.tag.kind, r.tag.name, r.tag.begin, r.tag.end);
//   pos = r.resume;
//
// Text, comments, CDATA sections and processing instructions are skipped. On
// the way the scanner checks what a lenient DOM parser would let through: every
// '&' outside comments, CDATA and processing instructions starts a reference
// (&amp; &lt; &gt; &quot; &apos; &#N; &#xH;), and a DOCTYPE or ENTITY
// declaration is refused (nothing is expanded or fetched). It does not match
// start and end tags or check attribute syntax: the DOM parser of each run
// does. Pure function, thread-safe.
#ifndef NEWSGRAPH_IO_XML_SCANNER_H_
#define NEWSGRAPH_IO_XML_SCANNER_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace newsgraph {

enum class XmlTagKind { kStart, kEnd, kEmpty };

struct XmlTag {
  XmlTagKind kind = XmlTagKind::kStart;
  size_t begin = 0;       // offset of '<' in the window
  size_t end = 0;         // offset just after '>'
  std::string_view name;  // qualified name as written ("graph", "y:ShapeNode")
};

enum class XmlScan {
  kTag,       // `tag` is the next tag; `resume` is tag.end
  kEnd,       // no tag before the end of a final window; `resume` is its size
  kNeedMore,  // the window ends inside markup or a reference: call again from
              // `resume` with a longer window (same bytes, more after them)
  kError,     // `error` at `error_offset` (a message without a place)
};

struct XmlScanResult {
  XmlScan status = XmlScan::kEnd;
  XmlTag tag;
  size_t resume = 0;
  size_t error_offset = 0;
  std::string error;
};

// Scans `window` from `pos` to the next start, end or empty-element tag.
// `final` says that the window holds the rest of the document: then input
// that ends inside markup is an error at its last byte instead of kNeedMore.
XmlScanResult ScanXmlTag(std::string_view window, size_t pos, bool final);

// The offset of the first '&' in `text` that does not start a reference, or
// npos. Unlike ScanXmlTag it does not skip comments and CDATA sections: a
// fast check of a run of elements that has no '&' there.
size_t FindBadReference(std::string_view text);

// "X declarations are refused ..." for keyword DOCTYPE or ENTITY.
std::string RefusedDeclarationMessage(std::string_view keyword);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IO_XML_SCANNER_H_
