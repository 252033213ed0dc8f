// Every JSON file in graph_schemas/ parses and validates against its schema:
// files are found by listing the directory, so new files are covered too.
#include <rapidjson/schema.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "newsgraph/schema/json_file.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> JsonFiles() {
  std::vector<fs::path> files;
  for (const auto& item : fs::recursive_directory_iterator(NEWSGRAPH_SCHEMA_DIR)) {
    if (item.is_regular_file() && item.path().extension() == ".json") files.push_back(item.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool IsSchema(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() > 12 && name.compare(name.size() - 12, 12, ".schema.json") == 0;
}

TEST_CASE("Every JSON file in graph_schemas validates against the schema it declares",
          "[schema][files]") {
  std::vector<fs::path> files = JsonFiles();
  REQUIRE(files.size() >= 12);
  size_t data_files = 0;
  for (const fs::path& path : files) {
    if (IsSchema(path)) continue;
    INFO(path.string());
    auto file = JsonFile::Load(path.string(), "");
    REQUIRE(file.ok());
    std::string schema_path = file->DeclaredSchemaPath();
    // A data file must say which schema it follows ("$schema": "relative path").
    CHECK_FALSE(schema_path.empty());
    if (schema_path.empty()) continue;
    CHECK(IsSchema(schema_path));
    auto schema = JsonFile::Load(schema_path, "");
    REQUIRE(schema.ok());
    Status valid = file->Validate(*schema);
    CHECK(valid.message() == "");
    ++data_files;
  }
  CHECK(data_files >= 7);
}

TEST_CASE("Every JSON Schema in graph_schemas is a draft-04 schema", "[schema][files]") {
  for (const fs::path& path : JsonFiles()) {
    if (!IsSchema(path)) continue;
    INFO(path.string());
    auto file = JsonFile::Load(path.string(), "");
    REQUIRE(file.ok());
    REQUIRE(file->doc().IsObject());
    REQUIRE(file->doc().HasMember("$schema"));
    CHECK(std::string(file->doc()["$schema"].GetString()) ==
          "http://json-schema.org/draft-04/schema#");
    rapidjson::SchemaDocument compiled(file->doc());  // must not crash on its own refs
    (void)compiled;
  }
}

}  // namespace
}  // namespace newsgraph
