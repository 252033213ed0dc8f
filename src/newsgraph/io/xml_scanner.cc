#include "newsgraph/io/xml_scanner.h"

#include <cstring>

namespace newsgraph {
namespace {

constexpr std::string_view kBadReference =
    "not well-formed XML: '&' must start a reference such as &amp; (write '&amp;' for a "
    "literal '&')";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

enum class Reference { kOk, kBad, kShort };

// The reference at w[at] == '&'. kShort: the window may end inside it.
Reference CheckReference(std::string_view w, size_t at, bool final) {
  static constexpr std::string_view kNamed[] = {"amp;", "lt;", "gt;", "quot;", "apos;"};
  constexpr size_t kLongest = 12;  // as many bytes as the check looks at
  std::string_view rest = w.substr(at + 1, kLongest);
  for (std::string_view named : kNamed) {
    if (rest.substr(0, named.size()) == named) return Reference::kOk;
  }
  if (!rest.empty() && rest[0] == '#') {
    size_t j = 1;
    const bool hex = rest.size() > 1 && rest[1] == 'x';
    if (hex) ++j;
    size_t digits = 0;
    while (j < rest.size() && (IsDigit(rest[j]) || (hex && IsHexDigit(rest[j])))) {
      ++j;
      ++digits;
    }
    if (digits > 0 && j < rest.size() && rest[j] == ';') return Reference::kOk;
  }
  return !final && rest.size() < kLongest ? Reference::kShort : Reference::kBad;
}

// Checks the references in w[begin, end). Returns the offset of the first bad
// one (or of a short one, with *is_short), or npos.
size_t CheckReferences(std::string_view w, size_t begin, size_t end, bool final, bool* is_short) {
  const char* data = w.data();
  size_t at = begin;
  while (at < end) {
    const void* amp = std::memchr(data + at, '&', end - at);
    if (amp == nullptr) return std::string_view::npos;
    at = static_cast<size_t>(static_cast<const char*>(amp) - data);
    Reference r = CheckReference(w, at, final);
    if (r != Reference::kOk) {
      *is_short = r == Reference::kShort;
      return at;
    }
    ++at;
  }
  return std::string_view::npos;
}

XmlScanResult Error(size_t offset, std::string message) {
  XmlScanResult r;
  r.status = XmlScan::kError;
  r.error_offset = offset;
  r.error = std::move(message);
  return r;
}

XmlScanResult NeedMore(size_t resume) {
  XmlScanResult r;
  r.status = XmlScan::kNeedMore;
  r.resume = resume;
  return r;
}

// The window ends inside the construct that starts at `begin`.
XmlScanResult Truncated(std::string_view w, size_t begin, bool final, std::string_view what) {
  if (!final) return NeedMore(begin);
  return Error(w.empty() ? 0 : w.size() - 1,
               "not well-formed XML: unexpected end of data inside " + std::string(what));
}

}  // namespace

size_t FindBadReference(std::string_view text) {
  bool is_short = false;
  return CheckReferences(text, 0, text.size(), /*final=*/true, &is_short);
}

std::string RefusedDeclarationMessage(std::string_view keyword) {
  return std::string(keyword) +
         " declarations are refused (DTDs and entities are never expanded or fetched); remove it";
}

XmlScanResult ScanXmlTag(std::string_view w, size_t pos, bool final) {
  const char* data = w.data();
  const size_t n = w.size();
  while (true) {
    // Text up to the next '<'.
    const void* lt = pos < n ? std::memchr(data + pos, '<', n - pos) : nullptr;
    const size_t text_end = lt ? static_cast<size_t>(static_cast<const char*>(lt) - data) : n;
    bool is_short = false;
    size_t bad = CheckReferences(w, pos, text_end, final || lt != nullptr, &is_short);
    if (bad != std::string_view::npos) {
      return is_short ? NeedMore(bad) : Error(bad, std::string(kBadReference));
    }
    if (lt == nullptr) {
      if (!final) return NeedMore(n);
      XmlScanResult r;
      r.status = XmlScan::kEnd;
      r.resume = n;
      return r;
    }
    const size_t begin = text_end;
    if (begin + 1 >= n) return Truncated(w, begin, final, "a tag");
    const char second = data[begin + 1];
    if (second == '!' || second == '?') {
      std::string_view rest = w.substr(begin);
      std::string_view close;
      std::string_view what;
      if (second == '?') {
        close = "?>";
        what = "a processing instruction";
      } else if (rest.substr(0, 4) == "<!--") {
        close = "-->";
        what = "a comment";
      } else if (rest.substr(0, 9) == "<![CDATA[") {
        close = "]]>";
        what = "a CDATA section";
      } else {
        for (std::string_view keyword : {"DOCTYPE", "ENTITY"}) {
          if (rest.substr(2, keyword.size()) == keyword) {
            return Error(begin, RefusedDeclarationMessage(keyword));
          }
        }
        if (rest.size() < 9) return Truncated(w, begin, final, "markup");
        return Error(begin, "not well-formed XML: unknown markup after '<!'");
      }
      if (rest.size() < 9 && !final && close != "?>") return NeedMore(begin);
      size_t end = w.find(close, begin + 2);
      if (end == std::string_view::npos) return Truncated(w, begin, final, what);
      pos = end + close.size();
      continue;
    }

    XmlScanResult r;
    r.status = XmlScan::kTag;
    r.tag.begin = begin;
    size_t at = begin + 1;
    if (second == '/') {
      r.tag.kind = XmlTagKind::kEnd;
      ++at;
    }
    const size_t name_begin = at;
    while (at < n && !IsXmlSpace(data[at]) && data[at] != '>' && data[at] != '/' &&
           data[at] != '<' && data[at] != '"' && data[at] != '\'' && data[at] != '=') {
      ++at;
    }
    if (at >= n) return Truncated(w, begin, final, "a tag");
    if (at == name_begin) {
      return Error(begin,
                   "not well-formed XML: '<' must start a tag (write '&lt;' for a literal '<')");
    }
    r.tag.name = w.substr(name_begin, at - name_begin);
    if (r.tag.kind == XmlTagKind::kEnd) {
      while (at < n && IsXmlSpace(data[at])) ++at;
      if (at >= n) return Truncated(w, begin, final, "an end tag");
      if (data[at] != '>') return Error(at, "not well-formed XML: malformed end tag");
      r.tag.end = r.resume = at + 1;
      return r;
    }
    // Attributes: skip quoted values (checking their references) up to '>'.
    while (true) {
      while (at < n && data[at] != '>' && data[at] != '"' && data[at] != '\'' && data[at] != '<') {
        ++at;
      }
      if (at >= n) return Truncated(w, begin, final, "a tag");
      if (data[at] == '<') return Error(at, "not well-formed XML: '<' inside a tag");
      if (data[at] == '>') break;
      const void* quote = std::memchr(data + at + 1, data[at], n - at - 1);
      if (quote == nullptr) return Truncated(w, begin, final, "an attribute value");
      const size_t value_end = static_cast<size_t>(static_cast<const char*>(quote) - data);
      const void* inner_lt = std::memchr(data + at + 1, '<', value_end - at - 1);
      if (inner_lt != nullptr) {
        return Error(static_cast<size_t>(static_cast<const char*>(inner_lt) - data),
                     "not well-formed XML: '<' in an attribute value (write '&lt;')");
      }
      bad = CheckReferences(w, at + 1, value_end, true, &is_short);
      if (bad != std::string_view::npos) return Error(bad, std::string(kBadReference));
      at = value_end + 1;
    }
    r.tag.kind = data[at - 1] == '/' ? XmlTagKind::kEmpty : XmlTagKind::kStart;
    r.tag.end = r.resume = at + 1;
    return r;
  }
}

}  // namespace newsgraph
