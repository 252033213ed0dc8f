// JsonFile: a JSON data file read, parsed and validated against its JSON
// Schema, with errors that point into the file.
//
//   Result<JsonFile> f = JsonFile::Load("graph_schemas/ontology.json",
//                                       "graph_schemas/ontology.schema.json");
//   if (!f.ok()) return f.status();  // "…/ontology.json:7:15: /relations/0/source/0: …"
//   for (const auto& r : f->doc()["relations"].GetArray()) ...
//   return Status::InputError(f->Where("/relations/3/name") + ": duplicate relation 'x'");
//
// Shared by every loader of graph_schemas/ data (ontology, gazetteer, lexicons,
// gold files). This header exposes RapidJSON: include it only from .cc files of
// modules that link newsgraph_rapidjson (schema, pipeline), never from another
// public header. A JsonFile is immutable after Load: const methods are safe
// from many threads.
#ifndef NEWSGRAPH_SCHEMA_JSON_FILE_H_
#define NEWSGRAPH_SCHEMA_JSON_FILE_H_

#include <rapidjson/document.h>

#include <memory>
#include <string>
#include <string_view>

#include "newsgraph/base/status.h"

namespace newsgraph {

class JsonFile {
 public:
  // Reads `path` (UTF-8 text), parses it (// and /* */ comments allowed) and,
  // when `schema_path` is not empty, validates it against that draft-04 JSON
  // Schema. Errors: "path:LINE:COL: message" for syntax errors;
  // "path:LINE:COL: /json/pointer: keyword 'enum': message" for schema
  // violations; a broken schema file is reported with its own path.
  static Result<JsonFile> Load(const std::string& path, const std::string& schema_path);

  // As Load, for text already in memory; `name` is used in messages.
  static Result<JsonFile> Parse(std::string text, std::string name);

  // Validates this file against `schema` (itself a parsed JSON Schema file).
  Status Validate(const JsonFile& schema) const;

  const rapidjson::Document& doc() const { return *doc_; }
  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }

  // "name:LINE:COL" of the value at the JSON pointer ("" is the whole
  // document, "/relations/3/name" a member); for an object member, the
  // position of its value. Just "name" when the pointer is not in the file.
  std::string Where(std::string_view pointer) const;

  // The "$schema" member of the top-level object resolved against this file's
  // directory ("gazetteer/countries.json" with "../gazetteer.schema.json" ->
  // "gazetteer.schema.json" under the same root), or "" when absent.
  std::string DeclaredSchemaPath() const;

 private:
  std::string name_;
  std::string text_;
  std::shared_ptr<const rapidjson::Document> doc_;
};

// A JSON pointer token escaped for appending: "a/b" -> "a~1b", "~" -> "~0".
std::string JsonPointerEscape(std::string_view token);

}  // namespace newsgraph

#endif  // NEWSGRAPH_SCHEMA_JSON_FILE_H_
