#include "cli/command.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace newsgraph::cli {

int ReportError(const Status& status) {
  std::cerr << "newsgraph: error: " << status.message() << "\n";
  return status.code() == StatusCode::kUsageError ? kExitUsageError : kExitInputError;
}

std::string SchemaDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("NEWSGRAPH_SCHEMAS"); env != nullptr && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "newsgraph" / "graph_schemas";
    if (fs::is_directory(installed, ec)) return installed.string();
  }
  return NEWSGRAPH_SOURCE_SCHEMA_DIR;
}

}  // namespace newsgraph::cli
