#include "newsgraph/schema/json_file.h"

#include <rapidjson/error/en.h>
#include <rapidjson/pointer.h>
#include <rapidjson/reader.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <filesystem>
#include <vector>

#include "newsgraph/base/file.h"
#include "newsgraph/base/text_position.h"

namespace newsgraph {
namespace {

constexpr unsigned kParseFlags = rapidjson::kParseCommentsFlag;

// A string stream RapidJSON cannot copy-optimise, so that Tell() seen from a
// handler is the position right after the token just read.
struct TellingStream {
  typedef char Ch;
  explicit TellingStream(std::string_view text) : text_(text) {}
  Ch Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  Ch Take() { return pos_ < text_.size() ? text_[pos_++] : '\0'; }
  size_t Tell() const { return pos_; }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  size_t PutEnd(Ch*) { return 0; }
  std::string_view text_;
  size_t pos_ = 0;
};

// Finds the byte offset where the value at a JSON pointer starts, by a SAX
// pass that tracks the current pointer. Only used to locate errors.
class PointerLocator {
 public:
  PointerLocator(std::string_view text, std::string_view target, const TellingStream* in)
      : text_(text), target_(target), in_(in) {}

  bool found() const { return found_; }
  size_t offset() const { return offset_; }

  bool Null() { return Scalar(false); }
  bool Bool(bool) { return Scalar(false); }
  bool Int(int) { return Scalar(false); }
  bool Uint(unsigned) { return Scalar(false); }
  bool Int64(int64_t) { return Scalar(false); }
  bool Uint64(uint64_t) { return Scalar(false); }
  bool Double(double) { return Scalar(false); }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return Scalar(false); }
  bool String(const char*, rapidjson::SizeType, bool) { return Scalar(true); }
  bool StartObject() { return Open(false); }
  bool StartArray() { return Open(true); }
  bool Key(const char* str, rapidjson::SizeType length, bool) {
    frames_.back().key = JsonPointerEscape(std::string_view(str, length));
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool EndArray(rapidjson::SizeType) { return Close(); }

 private:
  struct Frame {
    bool array = false;
    size_t next_index = 0;
    std::string key;
  };

  std::string CurrentPointer() const {
    std::string p;
    for (const Frame& f : frames_) {
      p += '/';
      p += f.array ? std::to_string(f.next_index) : f.key;
    }
    return p;
  }

  bool Matches(size_t start) {
    if (CurrentPointer() != target_) return true;
    found_ = true;
    offset_ = start;
    return false;  // stop parsing
  }

  void EndValue() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().next_index;
  }

  // The scalar has just been read: walk back to its first byte.
  bool Scalar(bool is_string) {
    size_t end = in_->Tell();
    size_t start = end;
    if (is_string) {
      start = end > 0 ? end - 1 : 0;  // the closing quote
      while (start > 0) {
        --start;
        if (text_[start] != '"') continue;
        size_t backslashes = 0;
        while (start > backslashes && text_[start - 1 - backslashes] == '\\') ++backslashes;
        if (backslashes % 2 == 0) break;
      }
    } else {
      auto token_char = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               c == '.' || c == '+' || c == '-';
      };
      while (start > 0 && token_char(text_[start - 1])) --start;
    }
    if (!Matches(start)) return false;
    EndValue();
    return true;
  }

  bool Open(bool array) {
    size_t start = in_->Tell() > 0 ? in_->Tell() - 1 : 0;  // the bracket
    if (!Matches(start)) return false;
    frames_.push_back(Frame{array, 0, ""});
    return true;
  }

  bool Close() {
    frames_.pop_back();
    EndValue();
    return true;
  }

  std::string_view text_;
  std::string_view target_;
  const TellingStream* in_;
  std::vector<Frame> frames_;
  bool found_ = false;
  size_t offset_ = 0;
};

std::string PointerString(const rapidjson::Pointer& pointer) {
  rapidjson::StringBuffer buffer;
  pointer.Stringify(buffer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

// A short JSON rendering of a value for messages, cut at 60 bytes.
std::string Render(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  std::string s(buffer.GetString(), buffer.GetSize());
  if (s.size() > 60) {
    size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "...";
  }
  return s;
}

std::string TypeName(const rapidjson::Value& v) {
  if (v.IsNull()) return "null";
  if (v.IsBool()) return "boolean";
  if (v.IsInt64() || v.IsUint64()) return "integer";
  if (v.IsNumber()) return "number";
  if (v.IsString()) return "string";
  if (v.IsArray()) return "array";
  return "object";
}

// Explains a schema violation from the failing keyword, the schema object
// holding it and the offending value.
std::string Explain(const std::string& keyword, const std::string& doc_pointer,
                    const rapidjson::Value* schema, const rapidjson::Value* value) {
  if (keyword == "additionalProperties") {  // the pointer names the extra member
    std::string name = doc_pointer.substr(doc_pointer.rfind('/') + 1);
    for (size_t at; (at = name.find("~1")) != std::string::npos;) name.replace(at, 2, "/");
    for (size_t at; (at = name.find("~0")) != std::string::npos;) name.replace(at, 2, "~");
    return "unknown member '" + name + "'";
  }
  if (schema == nullptr || value == nullptr) return "value does not satisfy '" + keyword + "'";
  auto member = [&](const char* name) -> const rapidjson::Value* {
    if (!schema->IsObject()) return nullptr;
    auto it = schema->FindMember(name);
    return it == schema->MemberEnd() ? nullptr : &it->value;
  };
  if (keyword == "required" && value->IsObject()) {
    if (const rapidjson::Value* req = member("required"); req && req->IsArray()) {
      for (const auto& name : req->GetArray()) {
        if (name.IsString() && !value->HasMember(name.GetString())) {
          return "missing required member '" + std::string(name.GetString()) + "'";
        }
      }
    }
  }
  if (keyword == "type") {
    std::string expected = member("type") ? Render(*member("type")) : "?";
    return "expected type " + expected + ", got " + TypeName(*value);
  }
  if (keyword == "enum" && member("enum")) {
    return "value " + Render(*value) + " is not one of " + Render(*member("enum"));
  }
  if (keyword == "pattern" && member("pattern")) {
    return "value " + Render(*value) + " does not match pattern " + Render(*member("pattern"));
  }
  if ((keyword == "minLength" || keyword == "maxLength" || keyword == "minItems" ||
       keyword == "maxItems" || keyword == "minimum" || keyword == "maximum") &&
      member(keyword.c_str())) {
    return "value " + Render(*value) + " violates " + keyword + " " +
           Render(*member(keyword.c_str()));
  }
  if (keyword == "uniqueItems") return "array " + Render(*value) + " has duplicate items";
  return "value " + Render(*value) + " does not satisfy '" + keyword + "'";
}

}  // namespace

std::string JsonPointerEscape(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

Result<JsonFile> JsonFile::Parse(std::string text, std::string name) {
  auto doc = std::make_shared<rapidjson::Document>();
  doc->Parse<kParseFlags>(text.data(), text.size());
  if (doc->HasParseError()) {
    return Status::InputError(newsgraph::Where(name, text, doc->GetErrorOffset()) + ": " +
                              rapidjson::GetParseError_En(doc->GetParseError()));
  }
  JsonFile file;
  file.name_ = std::move(name);
  file.text_ = std::move(text);
  file.doc_ = std::move(doc);
  return file;
}

Result<JsonFile> JsonFile::Load(const std::string& path, const std::string& schema_path) {
  Result<std::string> text = ReadTextFile(path);
  if (!text.ok()) return text.status();
  Result<JsonFile> file = Parse(std::move(*text), path);
  if (!file.ok() || schema_path.empty()) return file;
  Result<JsonFile> schema = Load(schema_path, "");
  if (!schema.ok()) return schema.status();
  NEWSGRAPH_RETURN_IF_ERROR(file->Validate(*schema));
  return file;
}

Status JsonFile::Validate(const JsonFile& schema) const {
  rapidjson::SchemaDocument schema_doc(schema.doc());
  rapidjson::SchemaValidator validator(schema_doc);
  if (doc().Accept(validator)) return Status::Ok();
  std::string doc_pointer = PointerString(validator.GetInvalidDocumentPointer());
  std::string schema_pointer = PointerString(validator.GetInvalidSchemaPointer());
  std::string keyword = validator.GetInvalidSchemaKeyword();
  const rapidjson::Value* value = rapidjson::Pointer(doc_pointer.c_str()).Get(doc());
  const rapidjson::Value* schema_value =
      rapidjson::Pointer(schema_pointer.c_str()).Get(schema.doc());
  return Status::InputError(
      Where(doc_pointer) + ": " + (doc_pointer.empty() ? std::string("(document)") : doc_pointer) +
      ": keyword '" + keyword + "': " + Explain(keyword, doc_pointer, schema_value, value) +
      " (schema " + schema.name() + "#" + schema_pointer + ")");
}

std::string JsonFile::Where(std::string_view pointer) const {
  TellingStream in(text_);
  PointerLocator locator(text_, pointer, &in);
  rapidjson::Reader reader;
  reader.Parse<kParseFlags>(in, locator);
  if (!locator.found()) return name_;
  return newsgraph::Where(name_, text_, locator.offset());
}

std::string JsonFile::DeclaredSchemaPath() const {
  if (!doc_ || !doc_->IsObject()) return "";
  auto it = doc_->FindMember("$schema");
  if (it == doc_->MemberEnd() || !it->value.IsString()) return "";
  std::filesystem::path base = std::filesystem::path(name_).parent_path();
  return (base / it->value.GetString()).lexically_normal().string();
}

}  // namespace newsgraph
