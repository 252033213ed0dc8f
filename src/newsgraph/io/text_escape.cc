#include "newsgraph/io/text_escape.h"

#include "newsgraph/base/utf8.h"

namespace newsgraph {
namespace {

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

void AppendHexEscape(unsigned char c, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->append("\\u00");
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 0xF]);
}

void AppendEscaped(std::string_view text, Context ctx, std::string* out) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    // Copy the longest run of characters that need nothing.
    size_t run = i;
    while (run < n && IsAsciiSafe(static_cast<unsigned char>(text[run]), ctx)) ++run;
    out->append(text.data() + i, run - i);
    i = run;
    if (i >= n) break;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      size_t start = i;
      char32_t cp = DecodeUtf8(text, &i);
      if (cp == 0xFFFD && !(i - start == 3 && text.compare(start, 3, "\xEF\xBF\xBD") == 0)) {
        out->append("\xEF\xBF\xBD");  // invalid byte
      } else if (cp == 0xFFFE || cp == 0xFFFF) {
        if (ctx == Context::kJson) out->append(text.substr(start, i - start));
      } else {
        out->append(text.substr(start, i - start));
      }
      continue;
    }
    ++i;
    if (ctx == Context::kJson) {
      if (c == '"') {
        out->append("\\\"");
      } else if (c == '\\') {
        out->append("\\\\");
      } else {
        AppendHexEscape(c, out);
      }
      continue;
    }
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      case '\r':
        out->append("&#13;");
        break;
      case '\n':
        out->append(ctx == Context::kAttribute ? "&#10;" : "\n");
        break;
      case '\t':
        out->append(ctx == Context::kAttribute ? "&#9;" : "\t");
        break;
      default:
        break;  // other C0 controls: removed (XML 1.0 forbids them)
    }
  }
}

}  // namespace

void AppendXmlText(std::string_view text, std::string* out) {
  AppendEscaped(text, Context::kText, out);
}

void AppendXmlAttribute(std::string_view text, std::string* out) {
  AppendEscaped(text, Context::kAttribute, out);
}

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  AppendEscaped(text, Context::kJson, out);
  out->push_back('"');
}

void AppendXmlToken(std::string_view text, std::string* out) {
  std::string collapsed;
  collapsed.reserve(text.size());
  bool pending_space = false;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c <= 0x20) {
      pending_space = !collapsed.empty();
      continue;
    }
    if (pending_space) collapsed.push_back(' ');
    pending_space = false;
    collapsed.push_back(ch);
  }
  AppendEscaped(collapsed, Context::kAttribute, out);
}

}  // namespace newsgraph
