#include "newsgraph/base/status.h"

namespace newsgraph {

Status Status::WithPrefix(const std::string& prefix) const {
  if (ok()) return *this;
  return Status(code_, prefix + ": " + message_);
}

}  // namespace newsgraph
