#include "newsgraph/io/graph_fields.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cmath>

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
  out->append("{\"article\":");
  AppendJsonString(ev.article_id, out);
  if (with_sentence) {
    out->append(",\"sentence\":");
    AppendJsonString(ev.sentence, out);
  }
  out->append(",\"begin\":");
  AppendInt(static_cast<int64_t>(ev.begin), out);
  out->append(",\"end\":");
  AppendInt(static_cast<int64_t>(ev.end), out);
  out->append(",\"rule\":");
  AppendJsonString(ev.rule, out);
  out->append(",\"modality\":");
  AppendJsonString(ModalityName(ev.modality), out);
  out->append(",\"reported_by\":");
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
  std::vector<std::string_view> names = {"id", "type", "source", "target", "key"};
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
    out->append("{\"id\":");
    AppendJsonString(a.id, out);
    out->append(",\"title\":");
    AppendJsonString(a.title, out);
    out->append(",\"date\":");
    AppendJsonString(a.date, out);
    out->append(",\"url\":");
    AppendJsonString(a.url, out);
    out->append(",\"lang\":");
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
    *text = std::string(value);
    return true;
  }
  if (name == "color") {
    if (!IsHexColor(value)) return false;
    d->color = std::string(value);
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
    *text = std::string(value);
    return true;
  }
  if (name == "color") {
    if (!IsHexColor(value)) return false;
    d->color = std::string(value);
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
