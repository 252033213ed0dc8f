// The columns a writer declares for the foreign attributes (`extra`) of one
// kind of element: a safe, unique name and one type per attribute name.
//
//   AttributePlan plan(ReservedNodeNames());  // names the format uses itself
//   for (NodeId n : ...) plan.Add(g.node(n).extra);
//   plan.Assign();
//   const AttributePlan::Column& c = plan.column("evidence count");  // {"evidence_count"?..}
//
// Names keep [A-Za-z0-9_.-] and start with a letter or '_' (other characters
// become '_'); a name taken by the format or by another column becomes
// "orig_<name>", then "orig_<name>_2", ... Columns are assigned in sorted order
// of the original names, so the result is deterministic. A column's type is the
// common type of its values if every value conforms to it, else "string".
// Not thread-safe; a plain value.
#ifndef NEWSGRAPH_IO_ATTRIBUTE_PLAN_H_
#define NEWSGRAPH_IO_ATTRIBUTE_PLAN_H_

#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

class AttributePlan {
 public:
  struct Column {
    std::string name;  // as written
    std::string type;  // boolean int long float double string
  };

  explicit AttributePlan(const std::vector<std::string_view>& reserved);

  void Add(const Attributes& attributes);
  void Assign();

  bool empty() const { return columns_.empty(); }
  // By original name. REQUIRES: Assign() was called.
  const std::map<std::string, Column>& columns() const { return columns_; }
  // (original name, column) sorted by the written name: the order of
  // declarations and of values in an element, stable across a round trip.
  const std::vector<std::pair<std::string, Column>>& ordered() const { return ordered_; }
  // REQUIRES: `original` was seen by Add().
  const Column& column(const std::string& original) const { return columns_.at(original); }

 private:
  std::set<std::string> reserved_;
  std::map<std::string, Column> columns_;
  std::set<std::string> mixed_;
  std::vector<std::pair<std::string, Column>>
      ordered_;  // names whose values disagree with the type
};

// The name made safe: [A-Za-z0-9_.-], starting with a letter or '_'.
std::string SafeAttributeName(std::string_view name);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IO_ATTRIBUTE_PLAN_H_
