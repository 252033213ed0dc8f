#include "newsgraph/io/attribute_plan.h"

#include <algorithm>

#include "newsgraph/base/utf8.h"
#include "newsgraph/io/value_format.h"

namespace newsgraph {
namespace {

bool IsKnownType(std::string_view type) {
  return type == "boolean" || type == "int" || type == "long" || type == "float" ||
         type == "double" || type == "string";
}

bool IsSafeChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

}  // namespace

std::string SafeAttributeName(std::string_view name) {
  std::string safe;
  size_t i = 0;
  while (i < name.size()) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      safe.push_back(IsSafeChar(c) ? static_cast<char>(c) : '_');
      ++i;
    } else {
      DecodeUtf8(name, &i);  // one '_' per code point
      safe.push_back('_');
    }
  }
  if (safe.empty() || !((safe[0] >= 'a' && safe[0] <= 'z') || (safe[0] >= 'A' && safe[0] <= 'Z') ||
                        safe[0] == '_')) {
    safe.insert(safe.begin(), '_');
  }
  return safe;
}

AttributePlan::AttributePlan(const std::vector<std::string_view>& reserved) {
  for (std::string_view r : reserved) reserved_.emplace(r);
}

void AttributePlan::Add(const Attributes& attributes) {
  for (const auto& [name, attr] : attributes) {
    auto [it, inserted] = columns_.try_emplace(name, Column{"", attr.type});
    Column& column = it->second;
    if (!inserted && column.type != attr.type) mixed_.insert(name);
    if (!IsKnownType(attr.type) || !ConformsToType(attr.type, attr.value)) mixed_.insert(name);
  }
}

void AttributePlan::Assign() {
  std::set<std::string> taken = reserved_;
  for (auto& [original, column] : columns_) {
    if (mixed_.count(original)) column.type = "string";
    std::string name = SafeAttributeName(original);
    if (taken.count(name)) {
      std::string base = "orig_" + name;
      name = base;
      for (int n = 2; taken.count(name); ++n) name = base + "_" + std::to_string(n);
    }
    taken.insert(name);
    column.name = std::move(name);
  }
  ordered_.assign(columns_.begin(), columns_.end());
  std::sort(ordered_.begin(), ordered_.end(),
            [](const auto& a, const auto& b) { return a.second.name < b.second.name; });
}

}  // namespace newsgraph
