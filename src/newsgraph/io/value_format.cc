#include "newsgraph/io/value_format.h"

#include <charconv>
#include <cmath>

namespace newsgraph {

void AppendDouble(double value, std::string* out) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  (void)ec;
  std::string_view s(buf, static_cast<size_t>(end - buf));
  size_t e = s.find('e');
  if (s.find('.') != std::string_view::npos) {
    out->append(s);
  } else if (e != std::string_view::npos) {
    out->append(s.substr(0, e)).append(".0").append(s.substr(e));
  } else {
    out->append(s).append(".0");
  }
}

std::string FormatDouble(double value) {
  std::string s;
  AppendDouble(value, &s);
  return s;
}

void AppendInt(int64_t value, std::string* out) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  (void)ec;
  out->append(buf, static_cast<size_t>(end - buf));
}

std::string_view TrimXmlSpace(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::optional<double> ParseDouble(std::string_view text) {
  text = TrimXmlSpace(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<int64_t> ParseInt64(std::string_view text) {
  text = TrimXmlSpace(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<int64_t> ParseIntegral(std::string_view text) {
  if (auto i = ParseInt64(text)) return i;
  std::optional<double> d = ParseDouble(text);
  if (!d || *d != std::floor(*d) || std::fabs(*d) > 9.0e15) return std::nullopt;
  return static_cast<int64_t>(*d);
}

std::optional<bool> ParseBool(std::string_view text) {
  text = TrimXmlSpace(text);
  if (text == "true" || text == "True" || text == "TRUE" || text == "1") return true;
  if (text == "false" || text == "False" || text == "FALSE" || text == "0") return false;
  return std::nullopt;
}

bool IsHexColor(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return false;
  for (char c : text.substr(1)) {
    bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex) return false;
  }
  return true;
}

Attribute CanonicalAttribute(std::string_view type, std::string_view value) {
  if (type == "boolean") {
    if (auto b = ParseBool(value)) return {"boolean", *b ? "true" : "false"};
  } else if (type == "int" || type == "integer" || type == "long" || type == "short" ||
             type == "byte") {
    if (auto i = ParseInt64(value)) {
      Attribute a{type == "long" ? "long" : "int", ""};
      AppendInt(*i, &a.value);
      return a;
    }
  } else if (type == "float" || type == "double") {
    if (auto d = ParseDouble(value)) return {std::string(type), FormatDouble(*d)};
  }
  return {"string", std::string(value)};
}

bool ConformsToType(std::string_view type, std::string_view value) {
  if (type == "string") return true;
  if (type == "boolean") return value == "true" || value == "false";
  if (type == "int" || type == "long") {
    auto i = ParseInt64(value);
    if (!i) return false;
    std::string canonical;
    AppendInt(*i, &canonical);
    return canonical == value;
  }
  if (type == "float" || type == "double")
    return ParseDouble(value).has_value() && TrimXmlSpace(value) == value;
  return false;
}

}  // namespace newsgraph
