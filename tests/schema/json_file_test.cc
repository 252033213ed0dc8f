#include "newsgraph/schema/json_file.h"

#include <catch2/catch.hpp>

#include "schema/test_util.h"

namespace newsgraph {
namespace {

const char kSchema[] = R"({
  "$schema": "http://json-schema.org/draft-04/schema#",
  "type": "object",
  "required": ["items"],
  "additionalProperties": false,
  "properties": {
    "items": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}},
    "count": {"type": "integer"}
  }
})";

TEST_CASE("JsonFile::Parse reports syntax errors as file:line:col", "[schema][json]") {
  auto r = JsonFile::Parse("{\n  \"a\": 1,\n  \"b\": ]\n}", "x.json");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "x.json:3:8: Invalid value.");
}

TEST_CASE("JsonFile accepts comments", "[schema][json]") {
  auto r = JsonFile::Parse("// a comment\n{\"a\": /* inline */ 1}", "x.json");
  REQUIRE(r.ok());
  CHECK(r->doc()["a"].GetInt() == 1);
}

TEST_CASE("JsonFile::Where locates values by JSON pointer", "[schema][json]") {
  auto r =
      JsonFile::Parse("{\n  \"a\": [1, \"two\", {\"k/x\": true}],\n  \"é\": null\n}", "x.json");
  REQUIRE(r.ok());
  CHECK(r->Where("") == "x.json:1:1");
  CHECK(r->Where("/a") == "x.json:2:8");
  CHECK(r->Where("/a/0") == "x.json:2:9");
  CHECK(r->Where("/a/1") == "x.json:2:12");
  CHECK(r->Where("/a/2/k~1x") == "x.json:2:27");
  CHECK(r->Where("/é") == "x.json:3:8");
  CHECK(r->Where("/missing") == "x.json");
}

TEST_CASE("JsonFile::Validate names the pointer, keyword and reason", "[schema][json]") {
  auto schema = JsonFile::Parse(kSchema, "s.schema.json");
  REQUIRE(schema.ok());
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"{\"items\": [\"a\", \"c\"]}",
       "d.json:1:17: /items/1: keyword 'enum': value \"c\" is not one of [\"a\",\"b\"] "
       "(schema s.schema.json#/properties/items/items)"},
      {"{}",
       "d.json:1:1: (document): keyword 'required': missing required member 'items' "
       "(schema s.schema.json#)"},
      {"{\"items\": [], \"extra\": 1}",
       "d.json:1:24: /extra: keyword 'additionalProperties': unknown member 'extra' "
       "(schema s.schema.json#)"},
      {"{\"items\": [], \"count\": \"3\"}",
       "d.json:1:24: /count: keyword 'type': expected type \"integer\", got string "
       "(schema s.schema.json#/properties/count)"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto doc = JsonFile::Parse(c.text, "d.json");
    REQUIRE(doc.ok());
    Status s = doc->Validate(*schema);
    REQUIRE_FALSE(s.ok());
    CHECK(s.message() == c.message);
  }
  auto good = JsonFile::Parse("{\"items\": [\"b\"], \"count\": 2}", "d.json");
  CHECK(good->Validate(*schema).ok());
}

TEST_CASE("JsonFile::Load validates against a schema file", "[schema][json]") {
  auto dir = testing::FreshDir("json_file");
  testing::WriteFile(dir / "s.schema.json", kSchema);
  testing::WriteFile(dir / "d.json", "{\"items\": [1]}");
  auto r = JsonFile::Load((dir / "d.json").string(), (dir / "s.schema.json").string());
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.status().message(),
             Catch::StartsWith((dir / "d.json").string() + ":1:12: /items/0: keyword 'type'"));
  auto missing = JsonFile::Load((dir / "nope.json").string(), "");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == (dir / "nope.json").string() + ": no such file");
}

TEST_CASE("JsonFile::DeclaredSchemaPath resolves against the file's directory", "[schema][json]") {
  auto r = JsonFile::Parse("{\"$schema\": \"../g.schema.json\"}", "root/gazetteer/x.json");
  REQUIRE(r.ok());
  CHECK(r->DeclaredSchemaPath() == "root/g.schema.json");
  CHECK(JsonFile::Parse("[]", "a.json")->DeclaredSchemaPath().empty());
}

}  // namespace
}  // namespace newsgraph
