#include "newsgraph/eval/gold.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <set>
#include <tuple>
#include <utility>

#include "newsgraph/base/file.h"
#include "newsgraph/base/text_position.h"

namespace newsgraph {
namespace {

// A JSON value that remembers where it starts in the file, so that checks made
// after parsing can still say "line:col". RapidJSON's DOM forgets positions,
// so the tree is built from its SAX events.
struct JsonNode {
  enum class Kind { kNull, kBool, kNumber, kString, kObject, kArray };
  Kind kind = Kind::kNull;
  size_t offset = 0;  // byte offset of the value's first character
  bool boolean = false;
  std::string text;                                       // strings
  std::vector<std::pair<std::string, JsonNode>> members;  // objects, in file order
  std::vector<size_t> key_offsets;                        // where each member's key is
  std::vector<JsonNode> items;                            // arrays

  const JsonNode* Member(std::string_view key) const {
    for (const auto& [k, v] : members) {
      if (k == key) return &v;
    }
    return nullptr;
  }
};

const char* KindName(JsonNode::Kind kind) {
  switch (kind) {
    case JsonNode::Kind::kNull:
      return "null";
    case JsonNode::Kind::kBool:
      return "a boolean";
    case JsonNode::Kind::kNumber:
      return "a number";
    case JsonNode::Kind::kString:
      return "a string";
    case JsonNode::Kind::kObject:
      return "an object";
    case JsonNode::Kind::kArray:
      return "an array";
  }
  return "?";
}

// A read-only input stream over a NUL-terminated buffer. Unlike
// rapidjson::StringStream it is not copied inside the parser (StreamTraits'
// copyOptimization is 0), so Tell() is exact while a handler runs: just past
// the token being reported.
struct OffsetStream {
  using Ch = char;
  explicit OffsetStream(const char* text) : begin(text), cur(text) {}
  Ch Peek() const { return *cur; }
  Ch Take() { return *cur++; }
  size_t Tell() const { return static_cast<size_t>(cur - begin); }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  size_t PutEnd(Ch*) { return 0; }
  const char* begin;
  const char* cur;
};

class TreeBuilder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TreeBuilder> {
 public:
  TreeBuilder(const std::string& text, const OffsetStream& stream) : text_(text), stream_(stream) {}

  bool Null() { return Add(NewNode(JsonNode::Kind::kNull)); }
  bool Bool(bool b) {
    JsonNode n = NewNode(JsonNode::Kind::kBool);
    n.boolean = b;
    return Add(std::move(n));
  }
  bool Int(int) { return Add(NewNode(JsonNode::Kind::kNumber)); }
  bool Uint(unsigned) { return Add(NewNode(JsonNode::Kind::kNumber)); }
  bool Int64(int64_t) { return Add(NewNode(JsonNode::Kind::kNumber)); }
  bool Uint64(uint64_t) { return Add(NewNode(JsonNode::Kind::kNumber)); }
  bool Double(double) { return Add(NewNode(JsonNode::Kind::kNumber)); }
  bool String(const char* s, rapidjson::SizeType length, bool) {
    JsonNode n = NewNode(JsonNode::Kind::kString);
    n.text.assign(s, length);
    return Add(std::move(n));
  }
  bool Key(const char* s, rapidjson::SizeType length, bool) {
    size_t at = ValueStart();
    keys_.emplace_back(std::string(s, length), at);
    last_end_ = stream_.Tell();
    return true;
  }
  bool StartObject() {
    open_.push_back(NewNode(JsonNode::Kind::kObject));
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool StartArray() {
    open_.push_back(NewNode(JsonNode::Kind::kArray));
    return true;
  }
  bool EndArray(rapidjson::SizeType) { return Close(); }

  JsonNode TakeRoot() { return std::move(root_); }

 private:
  // The first character of the value whose event is being handled: the first
  // byte after the previous token that is not white space, ':' or ','.
  size_t ValueStart() const {
    size_t i = last_end_;
    while (i < text_.size() && std::strchr(" \t\r\n:,", text_[i]) != nullptr) ++i;
    return i;
  }
  JsonNode NewNode(JsonNode::Kind kind) {
    JsonNode n;
    n.kind = kind;
    n.offset = ValueStart();
    last_end_ = stream_.Tell();
    return n;
  }
  bool Add(JsonNode n) {
    last_end_ = stream_.Tell();
    if (open_.empty()) {
      root_ = std::move(n);
      return true;
    }
    JsonNode& parent = open_.back();
    if (parent.kind == JsonNode::Kind::kArray) {
      parent.items.push_back(std::move(n));
    } else {
      auto [key, key_offset] = std::move(keys_.back());
      keys_.pop_back();
      parent.members.emplace_back(std::move(key), std::move(n));
      parent.key_offsets.push_back(key_offset);
    }
    return true;
  }
  bool Close() {
    JsonNode n = std::move(open_.back());
    open_.pop_back();
    return Add(std::move(n));
  }

  const std::string& text_;
  const OffsetStream& stream_;
  size_t last_end_ = 0;
  std::vector<JsonNode> open_;                        // objects and arrays being filled
  std::vector<std::pair<std::string, size_t>> keys_;  // pending member keys
  JsonNode root_;
};

bool IsDate(std::string_view d) {
  auto digits = [&](size_t from, size_t n) {
    if (d.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
    }
    return true;
  };
  if (d.size() == 4) return digits(0, 4);
  if (d.size() == 7) return digits(0, 4) && d[4] == '-' && digits(5, 2);
  if (d.size() == 10) {
    return digits(0, 4) && d[4] == '-' && digits(5, 2) && d[7] == '-' && digits(8, 2);
  }
  return false;
}

bool IsQid(std::string_view q) {
  if (q.size() < 2 || q[0] != 'Q' || q[1] == '0') return false;
  return std::all_of(q.begin() + 1, q.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Checks the fields of one parsed gold file and converts it.
class GoldReader {
 public:
  GoldReader(const std::string& name, const std::string& text) : name_(name), text_(text) {}

  Result<GoldGraph> Read(const JsonNode& root) {
    if (root.kind != JsonNode::Kind::kObject) return Error(root, "a gold file is a JSON object");
    NEWSGRAPH_RETURN_IF_ERROR(CheckDuplicateFields(root));
    GoldGraph gold;
    NEWSGRAPH_RETURN_IF_ERROR(String(root, "article", true, &gold.article));
    if (gold.article.empty()) return Error(*root.Member("article"), "'article' is empty");
    NEWSGRAPH_RETURN_IF_ERROR(String(root, "lang", false, &gold.lang));
    NEWSGRAPH_RETURN_IF_ERROR(String(root, "source", false, &gold.source));
    NEWSGRAPH_RETURN_IF_ERROR(String(root, "license", false, &gold.license));

    const JsonNode* entities = nullptr;
    NEWSGRAPH_RETURN_IF_ERROR(Array(root, "entities", true, &entities));
    for (const JsonNode& e : entities->items) {
      Result<GoldEntity> entity = ReadEntity(e, gold);
      if (!entity.ok()) return entity.status();
      gold.entities.push_back(std::move(*entity));
    }
    const JsonNode* relations = nullptr;
    NEWSGRAPH_RETURN_IF_ERROR(Array(root, "relations", true, &relations));
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    for (const JsonNode& r : relations->items) {
      Result<GoldRelation> relation = ReadRelation(r, gold, false, &seen);
      if (!relation.ok()) return relation.status();
      gold.relations.push_back(std::move(*relation));
    }
    const JsonNode* negated = nullptr;
    NEWSGRAPH_RETURN_IF_ERROR(Array(root, "negated_relations", false, &negated));
    if (negated != nullptr) {
      std::set<std::tuple<std::string, std::string, std::string>> seen_negated;
      for (const JsonNode& r : negated->items) {
        Result<GoldRelation> relation = ReadRelation(r, gold, true, &seen_negated);
        if (!relation.ok()) return relation.status();
        gold.negated_relations.push_back(std::move(*relation));
      }
    }
    return gold;
  }

 private:
  Status Error(const JsonNode& at, const std::string& message) const {
    return Status::InputError(Where(name_, text_, at.offset) + ": " + message);
  }

  Status CheckDuplicateFields(const JsonNode& object) const {
    std::set<std::string> keys;
    for (size_t i = 0; i < object.members.size(); ++i) {
      if (!keys.insert(object.members[i].first).second) {
        return Status::InputError(Where(name_, text_, object.key_offsets[i]) +
                                  ": duplicate field '" + object.members[i].first + "'");
      }
    }
    return Status::Ok();
  }

  Status String(const JsonNode& object, const char* field, bool required, std::string* out) const {
    const JsonNode* v = object.Member(field);
    if (v == nullptr) {
      return required ? Error(object, std::string("missing field '") + field + "'") : Status::Ok();
    }
    if (v->kind != JsonNode::Kind::kString) {
      return Error(*v, std::string("'") + field + "' must be a string, not " + KindName(v->kind));
    }
    *out = v->text;
    return Status::Ok();
  }

  Status Bool(const JsonNode& object, const char* field, bool* out) const {
    const JsonNode* v = object.Member(field);
    if (v == nullptr) return Status::Ok();
    if (v->kind != JsonNode::Kind::kBool) {
      return Error(*v,
                   std::string("'") + field + "' must be true or false, not " + KindName(v->kind));
    }
    *out = v->boolean;
    return Status::Ok();
  }

  Status Array(const JsonNode& object, const char* field, bool required,
               const JsonNode** out) const {
    const JsonNode* v = object.Member(field);
    if (v == nullptr) {
      return required ? Error(object, std::string("missing field '") + field + "'") : Status::Ok();
    }
    if (v->kind != JsonNode::Kind::kArray) {
      return Error(*v, std::string("'") + field + "' must be an array, not " + KindName(v->kind));
    }
    *out = v;
    return Status::Ok();
  }

  Result<GoldEntity> ReadEntity(const JsonNode& e, const GoldGraph& gold) const {
    if (e.kind != JsonNode::Kind::kObject) return Error(e, "an entity is a JSON object");
    NEWSGRAPH_RETURN_IF_ERROR(CheckDuplicateFields(e));
    GoldEntity entity;
    NEWSGRAPH_RETURN_IF_ERROR(String(e, "key", true, &entity.key));
    NEWSGRAPH_RETURN_IF_ERROR(String(e, "type", true, &entity.type));
    NEWSGRAPH_RETURN_IF_ERROR(String(e, "name", true, &entity.name));
    NEWSGRAPH_RETURN_IF_ERROR(String(e, "qid", false, &entity.qid));
    NEWSGRAPH_RETURN_IF_ERROR(String(e, "date", false, &entity.date));
    NEWSGRAPH_RETURN_IF_ERROR(Bool(e, "optional", &entity.optional));
    if (entity.key.empty()) return Error(*e.Member("key"), "empty entity key");
    if (gold.FindEntity(entity.key) != nullptr) {
      return Error(*e.Member("key"), "duplicate entity key '" + entity.key + "'");
    }
    const auto& types = GoldEntityTypes();
    if (!std::binary_search(types.begin(), types.end(), entity.type)) {
      return Error(*e.Member("type"), "unknown entity type '" + entity.type + "'");
    }
    if (entity.name.empty()) return Error(*e.Member("name"), "empty entity name");
    if (e.Member("qid") != nullptr && !IsQid(entity.qid)) {
      return Error(*e.Member("qid"), "'" + entity.qid + "' is not a wikidata id (Q123)");
    }
    if (e.Member("date") != nullptr && !IsDate(entity.date)) {
      return Error(*e.Member("date"),
                   "'" + entity.date + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    }
    if (entity.date.empty() && entity.type == "event") entity.date = TrailingDate(entity.name);
    const JsonNode* aliases = nullptr;
    NEWSGRAPH_RETURN_IF_ERROR(Array(e, "aliases", false, &aliases));
    if (aliases != nullptr) {
      for (const JsonNode& a : aliases->items) {
        if (a.kind != JsonNode::Kind::kString) {
          return Error(a, std::string("an alias must be a string, not ") + KindName(a.kind));
        }
        entity.aliases.push_back(a.text);
      }
    }
    return entity;
  }

  Result<GoldRelation> ReadRelation(
      const JsonNode& r, const GoldGraph& gold, bool negated,
      std::set<std::tuple<std::string, std::string, std::string>>* seen) const {
    if (r.kind != JsonNode::Kind::kObject) return Error(r, "a relation is a JSON object");
    NEWSGRAPH_RETURN_IF_ERROR(CheckDuplicateFields(r));
    GoldRelation relation;
    NEWSGRAPH_RETURN_IF_ERROR(String(r, "source", true, &relation.source));
    NEWSGRAPH_RETURN_IF_ERROR(String(r, "relation", true, &relation.relation));
    NEWSGRAPH_RETURN_IF_ERROR(String(r, "target", true, &relation.target));
    NEWSGRAPH_RETURN_IF_ERROR(String(r, "evidence", false, &relation.evidence));
    NEWSGRAPH_RETURN_IF_ERROR(String(r, "modality", false, &relation.modality));
    NEWSGRAPH_RETURN_IF_ERROR(Bool(r, "optional", &relation.optional));
    const auto& types = GoldRelationTypes();
    if (!std::binary_search(types.begin(), types.end(), relation.relation)) {
      return Error(*r.Member("relation"), "unknown relation type '" + relation.relation + "'");
    }
    for (const char* end : {"source", "target"}) {
      const std::string& key =
          std::string_view(end) == "source" ? relation.source : relation.target;
      if (gold.FindEntity(key) == nullptr) {
        return Error(*r.Member(end), "relation names unknown entity key '" + key + "'");
      }
    }
    if (relation.source == relation.target) {
      return Error(r, "relation from '" + relation.source + "' to itself");
    }
    if (r.Member("modality") != nullptr) {
      bool ok = negated ? relation.modality == "negated"
                        : (relation.modality == "asserted" || relation.modality == "intended" ||
                           relation.modality == "hypothetical");
      if (!ok) {
        return Error(*r.Member("modality"),
                     negated ? "a negated relation has modality 'negated'"
                             : "modality '" + relation.modality +
                                   "' is not asserted, intended or hypothetical (negated "
                                   "relations go in 'negated_relations')");
      }
    }
    if (relation.modality.empty()) relation.modality = negated ? "negated" : "asserted";
    std::string a = relation.source, b = relation.target;
    if (relation.relation == "cooperates_with" && b < a) std::swap(a, b);
    if (!seen->emplace(a, relation.relation, b).second) {
      return Error(r, "duplicate relation " + relation.source + " " + relation.relation + " " +
                          relation.target);
    }
    return relation;
  }

  const std::string& name_;
  const std::string& text_;
};

}  // namespace

std::string TrailingDate(std::string_view name) {
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  if (name.empty() || name.back() != ')') return "";
  size_t open = name.rfind('(');
  if (open == std::string_view::npos) return "";
  std::string_view inside = name.substr(open + 1, name.size() - open - 2);
  inside = inside.substr(0, inside.find(','));
  while (!inside.empty() && inside.back() == ' ') inside.remove_suffix(1);
  const size_t slash = inside.find('/');
  const std::string_view first = inside.substr(0, slash);
  if (!IsDate(first)) return "";
  if (slash == std::string_view::npos) return std::string(first);
  // A span: its last day written in full or by its last parts ("/06",
  // "/06-02"), at the first day's precision.
  const std::string_view tail = inside.substr(slash + 1);
  if (tail.size() > first.size()) return std::string(first);
  std::string last(first);
  last.replace(last.size() - tail.size(), tail.size(), tail);
  return IsDate(last) && last >= first ? std::string(inside) : std::string(first);
}

std::string GoldGraph::ArticleId() const {
  std::string id = article;
  size_t slash = id.find_last_of('/');
  if (slash != std::string::npos) id = id.substr(slash + 1);
  size_t dot = id.rfind('.');
  if (dot != std::string::npos && dot > 0) id.resize(dot);
  return id;
}

const GoldEntity* GoldGraph::FindEntity(std::string_view key) const {
  for (const GoldEntity& e : entities) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

const std::vector<std::string>& GoldEntityTypes() {
  static const std::vector<std::string> kTypes = {"country",  "event",        "forum",
                                                  "location", "organization", "person",
                                                  "region",   "resource",     "sector"};
  return kTypes;
}

const std::vector<std::string>& GoldRelationTypes() {
  static const std::vector<std::string> kTypes = {
      "concerns", "condemns",   "controls",  "cooperates_with", "depends_on", "edition_of",
      "held_in",  "located_in", "member_of", "participates_in", "restricts",  "supports"};
  return kTypes;
}

Result<GoldGraph> ParseGold(std::string_view json, const std::string& name) {
  NEWSGRAPH_RETURN_IF_ERROR(CheckText(json, name));
  std::string text(json);
  OffsetStream stream(text.c_str());
  TreeBuilder builder(text, stream);
  rapidjson::Reader reader;
  rapidjson::ParseResult ok = reader.Parse<rapidjson::kParseDefaultFlags>(stream, builder);
  if (!ok) {
    std::string message = rapidjson::GetParseError_En(ok.Code());
    if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
    if (!message.empty() && message.back() == '.') message.pop_back();
    return Status::InputError(Where(name, text, ok.Offset()) + ": " + message);
  }
  return GoldReader(name, text).Read(builder.TakeRoot());
}

Result<GoldGraph> LoadGold(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseGold(*text, path);
}

}  // namespace newsgraph
