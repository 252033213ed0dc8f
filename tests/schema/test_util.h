// Helpers shared by the schema tests: a per-process temporary directory and
// a file writer. Not thread-safe; tests run sequentially.
#ifndef NEWSGRAPH_TESTS_SCHEMA_TEST_UTIL_H_
#define NEWSGRAPH_TESTS_SCHEMA_TEST_UTIL_H_

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace newsgraph::testing {

// A fresh directory under the system temporary directory, named after `tag`.
inline std::filesystem::path FreshDir(const std::string& tag) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("newsgraph_schema_" + tag + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline void WriteFile(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

inline std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace newsgraph::testing

#endif  // NEWSGRAPH_TESTS_SCHEMA_TEST_UTIL_H_
