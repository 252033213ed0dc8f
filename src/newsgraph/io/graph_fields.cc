#include "newsgraph/io/graph_fields.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>

#include "newsgraph/io/text_escape.h"
#include "newsgraph/io/value_format.h"

namespace newsgraph {
namespace {

using rapidjson::Document;
using rapidjson::Value;

// Field table helpers: a string member that is written when non-empty.
#define NG_STRING_FIELD(Data, member, formats)                                                  \
  {                                                                                             \
#member, FieldKind::kString, "string", formats,                                             \
        [](const Data& d) { return !d.member.empty(); }, [](const Data& d,                      \
                                                            std::string*                        \
                                                                out) { out->append(d.member); } \
  }

constexpr unsigned kAll = kInGraphml | kInGexfAttribute | kInJson;
constexpr unsigned kNotGexf = kInGraphml | kInJson;

// Appends a string literal, whose length is known when compiling
// (append(const char*) would measure it on every call).
template <size_t N>
void AppendLiteral(const char (&literal)[N], std::string* out) {
  out->append(literal, N - 1);
}

bool HasPosition(const NodeData& d) { return d.x != 0 || d.y != 0; }

void AppendMentions(const NodeData& d, std::string* out) {
  out->push_back('{');
  bool first = true;
  for (const auto& [article, count] : d.article_mentions) {
    if (!first) out->push_back(',');
    first = false;
    AppendJsonString(article, out);
    out->push_back(':');
    AppendInt(count, out);
  }
  out->push_back('}');
}

void AppendMentionArticles(const NodeData& d, std::string* out) {
  out->push_back('[');
  bool first = true;
  for (const auto& [article, count] : d.article_mentions) {
    if (!first) out->push_back(',');
    first = false;
    AppendJsonString(article, out);
  }
  out->push_back(']');
}

void AppendEvidenceObject(const Evidence& ev, bool with_sentence, std::string* out) {
  AppendLiteral("{\"article\":", out);
  AppendJsonString(ev.article_id, out);
  if (with_sentence) {
    AppendLiteral(",\"sentence\":", out);
    AppendJsonString(ev.sentence, out);
  }
  AppendLiteral(",\"begin\":", out);
  AppendInt(static_cast<int64_t>(ev.begin), out);
  AppendLiteral(",\"end\":", out);
  AppendInt(static_cast<int64_t>(ev.end), out);
  AppendLiteral(",\"rule\":", out);
  AppendJsonString(ev.rule, out);
  AppendLiteral(",\"modality\":", out);
  AppendJsonString(ModalityName(ev.modality), out);
  AppendLiteral(",\"reported_by\":", out);
  AppendJsonString(ev.reported_by, out);
  out->push_back('}');
}

Result<Document> ParseJson(std::string_view json) {
  Document doc;
  doc.Parse<rapidjson::kParseFullPrecisionFlag>(json.data(), json.size());
  if (doc.HasParseError()) {
    return Status::InputError(std::string("invalid JSON at character ") +
                              std::to_string(doc.GetErrorOffset()) + ": " +
                              rapidjson::GetParseError_En(doc.GetParseError()));
  }
  return doc;
}

std::string StringOf(const Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

// Reads one evidence record; `index` names it in errors.
Result<Evidence> EvidenceFromJson(const Value& v, size_t index) {
  const std::string where = "evidence record " + std::to_string(index + 1) + ": ";
  if (!v.IsObject()) return Status::InputError(where + "expected an object");
  Evidence ev;
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    std::string_view key(it->name.GetString(), it->name.GetStringLength());
    const Value& m = it->value;
    if (key == "begin" || key == "end") {
      if (!m.IsUint64())
        return Status::InputError(where + "'" + std::string(key) +
                                  "' must be a non-negative integer");
      (key == "begin" ? ev.begin : ev.end) = m.GetUint64();
      continue;
    }
    if (!m.IsString())
      return Status::InputError(where + "'" + std::string(key) + "' must be a string");
    if (key == "article") {
      ev.article_id = StringOf(m);
    } else if (key == "sentence") {
      ev.sentence = StringOf(m);
    } else if (key == "rule") {
      ev.rule = StringOf(m);
    } else if (key == "reported_by") {
      ev.reported_by = StringOf(m);
    } else if (key == "modality") {
      std::optional<Modality> mod = ParseModality(StringOf(m));
      if (!mod) return Status::InputError(where + "unknown modality '" + StringOf(m) + "'");
      ev.modality = *mod;
    } else {
      return Status::InputError(where + "unknown member '" + std::string(key) + "'");
    }
  }
  return ev;
}

// A reader of the compact JSON the writers produce, for the common case only:
// no whitespace, strings whose escapes are \" \\ \/ \b \f \n \r \t, numbers
// that are unsigned integers of at most 19 digits. Every method returns false
// on anything else, and callers then parse the text with rapidjson, which
// gives the same values and the error messages. What it accepts, it reads as
// rapidjson does.
class CompactJson {
 public:
  explicit CompactJson(std::string_view json)
      : p_(reinterpret_cast<const unsigned char*>(json.data())), end_(p_ + json.size()) {}

  bool AtEnd() const { return p_ == end_; }
  bool Eat(char c) {
    if (p_ == end_ || *p_ != static_cast<unsigned char>(c)) return false;
    ++p_;
    return true;
  }

  // A string literal, decoded into *out (replacing its content).
  bool String(std::string* out) {
    out->clear();
    if (!Eat('"')) return false;
    while (true) {
      const unsigned char* run = p_;
      SkipContent();
      out->append(reinterpret_cast<const char*>(run), p_ - run);
      if (p_ == end_ || *p_ < 0x20) return false;
      if (*p_++ == '"') return true;
      if (p_ == end_) return false;
      char decoded;
      switch (*p_++) {
        case '"':
          decoded = '"';
          break;
        case '\\':
          decoded = '\\';
          break;
        case '/':
          decoded = '/';
          break;
        case 'b':
          decoded = '\b';
          break;
        case 'f':
          decoded = '\f';
          break;
        case 'n':
          decoded = '\n';
          break;
        case 'r':
          decoded = '\r';
          break;
        case 't':
          decoded = '\t';
          break;
        default:
          return false;  // \u and invalid escapes
      }
      out->push_back(decoded);
    }
  }

  // A string literal without escapes (member names, modalities), as a view of
  // the input: no copy.
  bool RawString(std::string_view* out) {
    if (!Eat('"')) return false;
    const unsigned char* begin = p_;
    SkipContent();
    if (p_ == end_ || *p_ != '"') return false;
    *out = std::string_view(reinterpret_cast<const char*>(begin), p_ - begin);
    ++p_;
    return true;
  }

  // 0 or [1-9][0-9]*, at most 19 digits (always within uint64_t).
  bool Uint(uint64_t* value) {
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
    if (*p_ == '0') {
      ++p_;
      *value = 0;
    } else {
      uint64_t v = 0;
      int digits = 0;
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9') {
        if (++digits > 19) return false;
        v = v * 10 + (*p_++ - '0');
      }
      *value = v;
    }
    // A fraction or exponent makes a double: rapidjson's business.
    return p_ == end_ || (*p_ != '.' && *p_ != 'e' && *p_ != 'E' && (*p_ < '0' || *p_ > '9'));
  }

 private:
  // Moves p_ to the first byte at or after it that is '"', '\\' or below 0x20,
  // or to the end.
  void SkipContent() {
    while (true) {
      if (end_ - p_ < 8) {
        while (p_ != end_ && *p_ != '"' && *p_ != '\\' && *p_ >= 0x20) ++p_;
        return;
      }
      const uint64_t special = SpecialBytes(p_);
      if (special == 0) {
        p_ += 8;
        continue;
      }
      if constexpr (std::endian::native == std::endian::little) {
        p_ += std::countr_zero(special) / 8;  // the first special byte
      } else {
        while (*p_ != '"' && *p_ != '\\' && *p_ >= 0x20) ++p_;
      }
      return;
    }
  }

  // The bytes among the 8 at `p` that end a run of string content ('"', '\\'
  // or below 0x20; bytes >= 0x80 are content): exactly these have their high
  // bit set. Sums of seven-bit halves never carry into the next byte, so each
  // byte's bit is its own.
  static uint64_t SpecialBytes(const unsigned char* p) {
    constexpr uint64_t kOnes = 0x0101010101010101ull;
    constexpr uint64_t kHigh = 0x8080808080808080ull;
    constexpr uint64_t kLow7 = ~kHigh;
    uint64_t w;
    std::memcpy(&w, p, 8);
    // Per byte: high bit set iff the byte is zero.
    auto zero_bytes = [](uint64_t v) { return ~(((v & kLow7) + kLow7) | v) & kHigh; };
    // Per byte: low seven bits + 0x60 reach 0x80 iff they are >= 0x20.
    const uint64_t below_space = ~((w & kLow7) + 0x60 * kOnes) & ~w & kHigh;
    return below_space | zero_bytes(w ^ ('"' * kOnes)) | zero_bytes(w ^ ('\\' * kOnes));
  }

  const unsigned char* p_;
  const unsigned char* end_;
};

// ["..",".."] into `items` with CompactJson; false when rapidjson must decide.
bool FastStringArray(std::string_view json, std::vector<std::string>* items) {
  CompactJson in(json);
  if (!in.Eat('[')) return false;
  if (!in.Eat(']')) {
    do {
      if (!in.String(&items->emplace_back())) return false;
    } while (in.Eat(','));
    if (!in.Eat(']')) return false;
  }
  return in.AtEnd();
}

// One evidence record {"article":..,"begin":..,...} into *ev as
// EvidenceFromJson reads it; false on anything EvidenceFromJson would refuse
// (so that it says why) or CompactJson does not read. A "sentence" member goes
// to *sentence (a scratch string for evidence_meta, whose sentence is not its own).
bool FastEvidenceRecord(CompactJson* in, Evidence* ev, std::string* sentence) {
  if (!in->Eat('{')) return false;
  if (in->Eat('}')) return true;
  do {
    std::string_view name;
    if (!in->RawString(&name) || !in->Eat(':')) return false;
    if (name == "begin" || name == "end") {
      if (!in->Uint(name == "begin" ? &ev->begin : &ev->end)) return false;
      continue;
    }
    std::string* target = nullptr;
    if (name == "article") {
      target = &ev->article_id;
    } else if (name == "sentence") {
      target = sentence;
    } else if (name == "rule") {
      target = &ev->rule;
    } else if (name == "reported_by") {
      target = &ev->reported_by;
    } else if (name == "modality") {
      std::string_view value;
      if (!in->RawString(&value)) return false;
      std::optional<Modality> mod = ParseModality(value);
      if (!mod) return false;
      ev->modality = *mod;
      continue;
    } else {
      return false;  // unknown member
    }
    if (!in->String(target)) return false;
  } while (in->Eat(','));
  return in->Eat('}');
}

// ParseEvidenceJson for well-formed compact input; false when the full parse
// must decide (errors, plain sentences, unusual JSON).
bool FastEvidence(std::string_view sentences, std::string_view meta,
                  std::vector<Evidence>* evidence) {
  CompactJson texts(sentences);
  if (!texts.Eat('[')) return false;
  if (!texts.Eat(']')) {
    do {
      if (!texts.String(&evidence->emplace_back().sentence)) return false;
    } while (texts.Eat(','));
    if (!texts.Eat(']')) return false;
  }
  if (!texts.AtEnd()) return false;
  if (meta.empty()) return true;
  CompactJson in(meta);
  std::string scratch;
  size_t count = 0;
  if (!in.Eat('[')) return false;
  if (!in.Eat(']')) {
    do {
      if (count == evidence->size()) return false;
      if (!FastEvidenceRecord(&in, &(*evidence)[count++], &scratch)) return false;
    } while (in.Eat(','));
    if (!in.Eat(']')) return false;
  }
  return in.AtEnd() && count == evidence->size();
}

// ParseEvidenceRecordsJson for well-formed compact input, as above.
bool FastEvidenceRecords(std::string_view records, std::vector<Evidence>* evidence) {
  CompactJson in(records);
  if (!in.Eat('[')) return false;
  if (!in.Eat(']')) {
    do {
      Evidence& ev = evidence->emplace_back();
      if (!FastEvidenceRecord(&in, &ev, &ev.sentence)) return false;
    } while (in.Eat(','));
    if (!in.Eat(']')) return false;
  }
  return in.AtEnd();
}

}  // namespace

std::string_view GraphmlType(FieldKind kind) {
  switch (kind) {
    case FieldKind::kDouble:
      return "double";
    case FieldKind::kLong:
      return "long";
    case FieldKind::kBool:
      return "boolean";
    case FieldKind::kString:
    case FieldKind::kJson:
      return "string";
  }
  return "string";
}

const std::vector<NodeField>& NodeFields() {
  static const std::vector<NodeField> kFields = {
      NG_STRING_FIELD(NodeData, label, kNotGexf),
      NG_STRING_FIELD(NodeData, category, kAll),
      NG_STRING_FIELD(NodeData, wikidata, kAll),
      NG_STRING_FIELD(NodeData, iso3, kAll),
      NG_STRING_FIELD(NodeData, date, kAll),
      {"aliases", FieldKind::kJson, "liststring", kAll,
       [](const NodeData& d) { return !d.aliases.empty(); },
       [](const NodeData& d, std::string* out) { AppendJsonStringArray(d.aliases, out); }},
      {"mention_count", FieldKind::kLong, "long", kAll,
       [](const NodeData& d) { return d.mention_count != 0; },
       [](const NodeData& d, std::string* out) { AppendInt(d.mention_count, out); }},
      {"article_ids", FieldKind::kJson, "liststring", kInGraphml | kInGexfAttribute,
       [](const NodeData& d) { return !d.article_mentions.empty(); }, AppendMentionArticles},
      {"article_mentions", FieldKind::kJson, "string", kAll,
       [](const NodeData& d) { return !d.article_mentions.empty(); }, AppendMentions},
      NG_STRING_FIELD(NodeData, first_seen, kAll),
      NG_STRING_FIELD(NodeData, last_seen, kAll),
      {"color", FieldKind::kString, "string", kNotGexf,
       [](const NodeData& d) { return IsHexColor(d.color); },
       [](const NodeData& d, std::string* out) { out->append(d.color); }},
      {"size", FieldKind::kDouble, "double", kNotGexf,
       [](const NodeData& d) { return d.size != 0 && std::isfinite(d.size); },
       [](const NodeData& d, std::string* out) { AppendDouble(d.size, out); }},
      {"x", FieldKind::kDouble, "double", kNotGexf,
       [](const NodeData& d) { return HasPosition(d) && std::isfinite(d.x) && std::isfinite(d.y); },
       [](const NodeData& d, std::string* out) { AppendDouble(d.x, out); }},
      {"y", FieldKind::kDouble, "double", kNotGexf,
       [](const NodeData& d) { return HasPosition(d) && std::isfinite(d.x) && std::isfinite(d.y); },
       [](const NodeData& d, std::string* out) { AppendDouble(d.y, out); }},
      {"uid", FieldKind::kString, "string", kInGraphml, [](const NodeData&) { return true; },
       [](const NodeData& d, std::string* out) { out->append(d.id); }},
  };
  return kFields;
}

const std::vector<EdgeField>& EdgeFields() {
  static const std::vector<EdgeField> kFields = {
      NG_STRING_FIELD(EdgeData, relation, kAll),
      NG_STRING_FIELD(EdgeData, label, kNotGexf),
      {"weight", FieldKind::kDouble, "double", kNotGexf,
       [](const EdgeData& d) { return std::isfinite(d.weight); },
       [](const EdgeData& d, std::string* out) { AppendDouble(d.weight, out); }},
      NG_STRING_FIELD(EdgeData, modality, kAll),
      {"evidence", FieldKind::kJson, "liststring", kInGraphml | kInGexfAttribute,
       [](const EdgeData& d) { return !d.evidence.empty(); },
       [](const EdgeData& d, std::string* out) { AppendEvidenceSentencesJson(d.evidence, out); }},
      {"evidence_meta", FieldKind::kJson, "string", kInGraphml | kInGexfAttribute,
       [](const EdgeData& d) { return !d.evidence.empty(); },
       [](const EdgeData& d, std::string* out) { AppendEvidenceMetaJson(d.evidence, out); }},
      {"evidence", FieldKind::kJson, "string", kInJson,
       [](const EdgeData& d) { return !d.evidence.empty(); },
       [](const EdgeData& d, std::string* out) { AppendEvidenceRecordsJson(d.evidence, out); }},
      {"evidence_count", FieldKind::kLong, "long", kAll,
       [](const EdgeData& d) { return d.evidence_count != 0; },
       [](const EdgeData& d, std::string* out) { AppendInt(d.evidence_count, out); }},
      {"article_ids", FieldKind::kJson, "liststring", kAll,
       [](const EdgeData& d) { return !d.article_ids.empty(); },
       [](const EdgeData& d, std::string* out) { AppendJsonStringArray(d.article_ids, out); }},
      NG_STRING_FIELD(EdgeData, first_seen, kAll),
      NG_STRING_FIELD(EdgeData, last_seen, kAll),
      NG_STRING_FIELD(EdgeData, cameo, kAll),
      {"goldstein", FieldKind::kDouble, "double", kAll,
       [](const EdgeData& d) { return d.goldstein.has_value() && std::isfinite(*d.goldstein); },
       [](const EdgeData& d, std::string* out) { AppendDouble(*d.goldstein, out); }},
      {"color", FieldKind::kString, "string", kNotGexf,
       [](const EdgeData& d) { return IsHexColor(d.color); },
       [](const EdgeData& d, std::string* out) { out->append(d.color); }},
      {"symmetric", FieldKind::kBool, "boolean", kAll, [](const EdgeData&) { return true; },
       [](const EdgeData& d, std::string* out) { out->append(d.symmetric ? "true" : "false"); }},
  };
  return kFields;
}

std::vector<std::string_view> ReservedNodeNames() {
  std::vector<std::string_view> names = {"id", "type"};
  for (const NodeField& f : NodeFields()) names.push_back(f.name);
  return names;
}

std::vector<std::string_view> ReservedEdgeNames() {
  std::vector<std::string_view> names = {"id", "type", "source", "target", "key", kOriginalEdgeId};
  for (const EdgeField& f : EdgeFields()) names.push_back(f.name);
  return names;
}

std::vector<std::string_view> ReservedGraphNames() {
  return {"id", "type", "title", "profile", "articles", "extra_types"};
}

void AppendArticlesJson(const GraphData& data, std::string* out) {
  out->push_back('[');
  bool first = true;
  for (const auto& [id, a] : data.articles) {
    if (!first) out->push_back(',');
    first = false;
    AppendLiteral("{\"id\":", out);
    AppendJsonString(a.id, out);
    AppendLiteral(",\"title\":", out);
    AppendJsonString(a.title, out);
    AppendLiteral(",\"date\":", out);
    AppendJsonString(a.date, out);
    AppendLiteral(",\"url\":", out);
    AppendJsonString(a.url, out);
    AppendLiteral(",\"lang\":", out);
    AppendJsonString(a.lang, out);
    out->push_back('}');
  }
  out->push_back(']');
}

void AppendEvidenceSentencesJson(const std::vector<Evidence>& evidence, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < evidence.size(); ++i) {
    if (i) out->push_back(',');
    AppendJsonString(evidence[i].sentence, out);
  }
  out->push_back(']');
}

void AppendEvidenceMetaJson(const std::vector<Evidence>& evidence, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < evidence.size(); ++i) {
    if (i) out->push_back(',');
    AppendEvidenceObject(evidence[i], /*with_sentence=*/false, out);
  }
  out->push_back(']');
}

void AppendEvidenceRecordsJson(const std::vector<Evidence>& evidence, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < evidence.size(); ++i) {
    if (i) out->push_back(',');
    AppendEvidenceObject(evidence[i], /*with_sentence=*/true, out);
  }
  out->push_back(']');
}

Result<std::vector<std::string>> ParseJsonStringArray(std::string_view json) {
  {
    std::vector<std::string> items;
    if (FastStringArray(json, &items)) return items;
  }
  Result<Document> doc = ParseJson(json);
  if (!doc.ok()) return doc.status();
  if (!doc->IsArray()) return Status::InputError("expected a JSON array of strings");
  std::vector<std::string> items;
  for (const Value& v : doc->GetArray()) {
    if (!v.IsString()) return Status::InputError("expected a JSON array of strings");
    items.push_back(StringOf(v));
  }
  return items;
}

Result<std::map<std::string, ArticleInfo>> ParseArticlesJson(std::string_view json) {
  Result<Document> doc = ParseJson(json);
  if (!doc.ok()) return doc.status();
  if (!doc->IsArray()) return Status::InputError("articles: expected a JSON array of objects");
  std::map<std::string, ArticleInfo> articles;
  for (const Value& v : doc->GetArray()) {
    if (!v.IsObject()) return Status::InputError("articles: expected a JSON array of objects");
    ArticleInfo a;
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
      std::string_view key(it->name.GetString(), it->name.GetStringLength());
      if (!it->value.IsString()) {
        return Status::InputError("articles: '" + std::string(key) + "' must be a string");
      }
      std::string value = StringOf(it->value);
      if (key == "id")
        a.id = value;
      else if (key == "title")
        a.title = value;
      else if (key == "date")
        a.date = value;
      else if (key == "url")
        a.url = value;
      else if (key == "lang")
        a.lang = value;
      else
        return Status::InputError("articles: unknown member '" + std::string(key) + "'");
    }
    if (a.id.empty()) return Status::InputError("articles: an article without 'id'");
    std::string id = a.id;
    articles.emplace(std::move(id), std::move(a));
  }
  return articles;
}

Result<std::vector<Evidence>> ParseEvidenceJson(std::string_view sentences, std::string_view meta) {
  {
    std::vector<Evidence> evidence;
    if (FastEvidence(sentences, meta, &evidence)) return evidence;
  }
  Result<std::vector<std::string>> texts = ParseJsonStringArray(sentences);
  std::vector<Evidence> evidence;
  if (!texts.ok()) {
    // A plain sentence rather than a list (some foreign files).
    if (!meta.empty()) return Status::InputError("evidence: " + texts.status().message());
    Evidence ev;
    ev.sentence = std::string(sentences);
    evidence.push_back(std::move(ev));
    return evidence;
  }
  if (meta.empty()) {
    for (std::string& s : *texts) {
      Evidence ev;
      ev.sentence = std::move(s);
      evidence.push_back(std::move(ev));
    }
    return evidence;
  }
  Result<Document> doc = ParseJson(meta);
  if (!doc.ok()) return Status::InputError("evidence_meta: " + doc.status().message());
  if (!doc->IsArray()) return Status::InputError("evidence_meta: expected a JSON array of objects");
  if (doc->Size() != texts->size()) {
    return Status::InputError("evidence_meta has " + std::to_string(doc->Size()) +
                              " records but evidence has " + std::to_string(texts->size()) +
                              " sentences");
  }
  for (size_t i = 0; i < texts->size(); ++i) {
    Result<Evidence> ev = EvidenceFromJson((*doc)[static_cast<rapidjson::SizeType>(i)], i);
    if (!ev.ok()) return Status::InputError("evidence_meta: " + ev.status().message());
    ev->sentence = std::move((*texts)[i]);
    evidence.push_back(std::move(*ev));
  }
  return evidence;
}

Result<std::vector<Evidence>> ParseEvidenceRecordsJson(std::string_view records) {
  {
    std::vector<Evidence> evidence;
    if (FastEvidenceRecords(records, &evidence)) return evidence;
  }
  Result<Document> doc = ParseJson(records);
  if (!doc.ok()) return doc.status();
  if (!doc->IsArray()) return Status::InputError("evidence: expected an array of objects");
  std::vector<Evidence> evidence;
  for (size_t i = 0; i < doc->Size(); ++i) {
    Result<Evidence> ev = EvidenceFromJson((*doc)[static_cast<rapidjson::SizeType>(i)], i);
    if (!ev.ok()) return ev.status();
    evidence.push_back(std::move(*ev));
  }
  return evidence;
}

bool ApplyNodeField(std::string_view name, std::string_view value, NodeData* d) {
  std::string* text = nullptr;
  if (name == "label")
    text = &d->label;
  else if (name == "category")
    text = &d->category;
  else if (name == "wikidata")
    text = &d->wikidata;
  else if (name == "iso3")
    text = &d->iso3;
  else if (name == "date")
    text = &d->date;
  else if (name == "first_seen")
    text = &d->first_seen;
  else if (name == "last_seen")
    text = &d->last_seen;
  if (text != nullptr) {
    text->assign(value);
    return true;
  }
  if (name == "color") {
    if (!IsHexColor(value)) return false;
    d->color.assign(value);
    return true;
  }
  if (name == "size" || name == "x" || name == "y") {
    std::optional<double> v = ParseDouble(value);
    if (!v) return false;
    (name == "size" ? d->size : name == "x" ? d->x : d->y) = *v;
    return true;
  }
  if (name == "mention_count") {
    std::optional<int64_t> v = ParseIntegral(value);
    if (!v) return false;
    d->mention_count = *v;
    return true;
  }
  if (name == "aliases") {
    Result<std::vector<std::string>> items = ParseJsonStringArray(value);
    if (!items.ok()) return false;
    d->aliases = std::set<std::string>(items->begin(), items->end());
    return true;
  }
  if (name == "article_mentions") {
    Result<Document> doc = ParseJson(value);
    if (!doc.ok() || !doc->IsObject()) return false;
    std::map<std::string, int64_t> mentions;
    for (auto it = doc->MemberBegin(); it != doc->MemberEnd(); ++it) {
      if (!it->value.IsInt64()) return false;
      mentions[StringOf(it->name)] = it->value.GetInt64();
    }
    d->article_mentions = std::move(mentions);
    return true;
  }
  return false;
}

bool ApplyEdgeField(std::string_view name, std::string_view value, EdgeData* d) {
  std::string* text = nullptr;
  if (name == "relation")
    text = &d->relation;
  else if (name == "label")
    text = &d->label;
  else if (name == "modality")
    text = &d->modality;
  else if (name == "first_seen")
    text = &d->first_seen;
  else if (name == "last_seen")
    text = &d->last_seen;
  else if (name == "cameo")
    text = &d->cameo;
  if (text != nullptr) {
    text->assign(value);
    return true;
  }
  if (name == "color") {
    if (!IsHexColor(value)) return false;
    d->color.assign(value);
    return true;
  }
  if (name == "weight" || name == "goldstein") {
    std::optional<double> v = ParseDouble(value);
    if (!v) return false;
    if (name == "weight")
      d->weight = *v;
    else
      d->goldstein = *v;
    return true;
  }
  if (name == "evidence_count") {
    std::optional<int64_t> v = ParseIntegral(value);
    if (!v) return false;
    d->evidence_count = *v;
    return true;
  }
  if (name == "symmetric") {
    std::optional<bool> v = ParseBool(value);
    if (!v) return false;
    d->symmetric = *v;
    return true;
  }
  if (name == "article_ids") {
    Result<std::vector<std::string>> items = ParseJsonStringArray(value);
    if (!items.ok()) return false;
    d->article_ids = std::move(*items);
    return true;
  }
  return false;
}

}  // namespace newsgraph
