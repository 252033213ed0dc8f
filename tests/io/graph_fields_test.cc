#include "newsgraph/io/graph_fields.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace newsgraph {
namespace {

// ------------------------------------------------------------------ reference
// The parsers as they were before their fast path: every literal through a
// rapidjson Document. The fast path must give the same values and, on bad
// input, the same messages.
namespace reference {

using rapidjson::Document;
using rapidjson::Value;

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

Result<std::vector<Evidence>> ParseEvidenceJson(std::string_view sentences, std::string_view meta) {
  Result<std::vector<std::string>> texts = ParseJsonStringArray(sentences);
  std::vector<Evidence> evidence;
  if (!texts.ok()) {
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

}  // namespace reference

// A Result as text: the values, or "error: message", so that CHECK shows it.
std::string Show(const Result<std::vector<std::string>>& r) {
  if (!r.ok()) return "error: " + r.status().message();
  std::string out;
  for (const std::string& s : *r) out += "<" + s + ">";
  return out;
}
std::string Show(const Result<std::vector<Evidence>>& r) {
  if (!r.ok()) return "error: " + r.status().message();
  std::string out;
  for (const Evidence& e : *r) {
    out += "{" + e.article_id + "|" + e.sentence + "|" + std::to_string(e.begin) + "|" +
           std::to_string(e.end) + "|" + e.rule + "|" + std::string(ModalityName(e.modality)) +
           "|" + e.reported_by + "}";
  }
  return out;
}

void CheckSameAsReference(std::string_view sentences, std::string_view meta) {
  INFO("sentences: " << sentences);
  INFO("meta: " << meta);
  CHECK(Show(ParseJsonStringArray(sentences)) == Show(reference::ParseJsonStringArray(sentences)));
  CHECK(Show(ParseEvidenceJson(sentences, meta)) ==
        Show(reference::ParseEvidenceJson(sentences, meta)));
  CHECK(Show(ParseEvidenceRecordsJson(meta)) == Show(reference::ParseEvidenceRecordsJson(meta)));
}

Evidence Record(std::string article, std::string sentence, uint64_t begin, uint64_t end,
                std::string rule, Modality modality, std::string reported_by) {
  Evidence e;
  e.article_id = std::move(article);
  e.sentence = std::move(sentence);
  e.begin = begin;
  e.end = end;
  e.rule = std::move(rule);
  e.modality = modality;
  e.reported_by = std::move(reported_by);
  return e;
}

// ---------------------------------------------------------------------- tests

TEST_CASE("Evidence written as GraphML JSON reads back the same", "[io][fields]") {
  const std::vector<Evidence> evidence = {
      Record("a1", "Le ministre a dit « oui » — à Tachkent.", 12, 52, "fr.cooperation.avec",
             Modality::kAsserted, ""),
      Record("a2", "He said \"no\" \\ twice\n\tthen\r\x01 left \xEF\xBF\xBF.", 0,
             9223372036854775807u, "en.condemns", Modality::kNegated, "person_x"),
      Record("", "", 0, 0, "", Modality::kHypothetical, ""),
      Record("a/3", std::string("nul\0byte", 8), 1234567890123456789u, 1, "r", Modality::kIntended,
             "s"),
  };
  std::string sentences, meta, records;
  AppendEvidenceSentencesJson(evidence, &sentences);
  AppendEvidenceMetaJson(evidence, &meta);
  AppendEvidenceRecordsJson(evidence, &records);

  Result<std::vector<Evidence>> read = ParseEvidenceJson(sentences, meta);
  INFO(Show(read));
  REQUIRE(read.ok());  // (the writers write begin/end as int64_t: larger ones do not round-trip)
  CHECK(*read == evidence);
  Result<std::vector<Evidence>> whole = ParseEvidenceRecordsJson(records);
  REQUIRE(whole.ok());
  CHECK(*whole == evidence);
  CheckSameAsReference(sentences, meta);
  CheckSameAsReference(sentences, records);

  Result<std::vector<Evidence>> texts_only = ParseEvidenceJson(sentences, "");
  REQUIRE(texts_only.ok());
  REQUIRE(texts_only->size() == evidence.size());
  for (size_t i = 0; i < evidence.size(); ++i) {
    CHECK((*texts_only)[i] == Record("", evidence[i].sentence, 0, 0, "", Modality::kAsserted, ""));
  }
}

TEST_CASE("JSON string arrays decode every escape as rapidjson does", "[io][fields]") {
  Result<std::vector<std::string>> items =
      ParseJsonStringArray(R"(["a\"b","\\\/\b\f\n\r\t","\u00e9\u0001","\ud83d\ude00",""])");
  REQUIRE(items.ok());
  CHECK(*items ==
        std::vector<std::string>{"a\"b", "\\/\b\f\n\r\t", "\xC3\xA9\x01", "\xF0\x9F\x98\x80", ""});
  CHECK(Show(ParseJsonStringArray("[]")).empty());
  CHECK(Show(ParseJsonStringArray(" [ \"a\" , \"b\" ] ")) == "<a><b>");
  CHECK(Show(ParseJsonStringArray("[\"caf\xC3\xA9 \xE2\x80\x94 long enough to span words\"]")) ==
        "<caf\xC3\xA9 \xE2\x80\x94 long enough to span words>");
  // Bytes that are not UTF-8 pass through, as rapidjson (no validation) keeps them.
  CHECK(Show(ParseJsonStringArray("[\"\xFF\x80 \x85 x\"]")) == "<\xFF\x80 \x85 x>");
}

TEST_CASE("Malformed evidence JSON gives the same messages as before", "[io][fields]") {
  CHECK(Show(ParseJsonStringArray("[1]")) == "error: expected a JSON array of strings");
  CHECK(Show(ParseJsonStringArray("{}")) == "error: expected a JSON array of strings");
  CHECK(Show(ParseJsonStringArray("[\"a\"")) ==
        "error: invalid JSON at character 4: Missing a comma or ']' after an array element.");
  CHECK(Show(ParseJsonStringArray("[\"a\x01\"]")) ==
        "error: invalid JSON at character 3: Invalid escape character in string.");
  CHECK(Show(ParseEvidenceJson("[\"a\"]", "[{\"begin\":-1}]")) ==
        "error: evidence_meta: evidence record 1: 'begin' must be a non-negative integer");
  CHECK(Show(ParseEvidenceJson("[\"a\"]", "[{\"end\":1.0}]")) ==
        "error: evidence_meta: evidence record 1: 'end' must be a non-negative integer");
  CHECK(Show(ParseEvidenceJson("[\"a\"]", "[{\"rule\":1}]")) ==
        "error: evidence_meta: evidence record 1: 'rule' must be a string");
  CHECK(Show(ParseEvidenceJson("[\"a\"]", "[{\"modality\":\"maybe\"}]")) ==
        "error: evidence_meta: evidence record 1: unknown modality 'maybe'");
  CHECK(Show(ParseEvidenceJson("[\"a\"]", "[{\"x\":\"y\"}]")) ==
        "error: evidence_meta: evidence record 1: unknown member 'x'");
  CHECK(Show(ParseEvidenceJson("[\"a\",\"b\"]", "[{},[]]")) ==
        "error: evidence_meta: evidence record 2: expected an object");
  CHECK(Show(ParseEvidenceJson("[\"a\"]", "{}")) ==
        "error: evidence_meta: expected a JSON array of objects");
  // The count is checked before the records.
  CHECK(Show(ParseEvidenceJson("[\"a\"]", "[{\"x\":1},{}]")) ==
        "error: evidence_meta has 2 records but evidence has 1 sentences");
  CHECK(Show(ParseEvidenceJson("[\"a\"]", "[{}")) ==
        "error: evidence_meta: invalid JSON at character 3: Missing a comma or ']' after an array "
        "element.");
  CHECK(Show(ParseEvidenceJson("not a list", "[{}]")) ==
        "error: evidence: invalid JSON at character 1: Invalid value.");
  // A plain sentence without meta is one piece of evidence.
  CHECK(Show(ParseEvidenceJson("not a list", "")) == "{|not a list|0|0||asserted|}");
  CHECK(Show(ParseEvidenceRecordsJson("[{\"begin\":01}]")) ==
        "error: invalid JSON at character 11: Missing a comma or '}' after an object member.");
}

TEST_CASE("Evidence parsing agrees with rapidjson on edge cases", "[io][fields]") {
  const char* sentences[] = {
      "[\"a\"]",
      "[\"a\",\"b\"]",
      "[]",
      "[\"a\"] ",
      "\xEF\xBB\xBF[\"a\"]",
      "[\"a\",]",
      "[\"a\"]x",
      "[\"\\u0041\"]",
      "[\"\\x\"]",
      "[\"a\\",
      "",
      "\"a\"",
      "[null]",
      "[\"a\"]]",
  };
  const char* metas[] = {
      "",
      "[{}]",
      "[{},{}]",
      "[]",
      "[{\"begin\":0,\"end\":18446744073709551615}]",
      "[{\"begin\":18446744073709551616}]",
      "[{\"begin\":1234567890123456789}]",
      "[{\"begin\":12345678901234567890}]",
      "[{\"begin\":-0}]",
      "[{\"begin\":00}]",
      "[{\"begin\":1e2}]",
      "[{\"begin\":1E2}]",
      "[{\"begin\":1.5}]",
      "[{\"begin\":1,\"begin\":2}]",
      "[{\"begin\":\"1\"}]",
      "[{\"begin\":true}]",
      "[{\"begin\":1 }]",
      "[{\"begin\":1,}]",
      "[{\"sentence\":\"own\",\"article\":\"x\"}]",
      "[{\"sentence\":1}]",
      "[{\"modality\":\"negated\",\"modality\":\"intended\"}]",
      "[{\"modality\":\"NEGATED\"}]",
      "[{\"mod\\u0061lity\":\"negated\"}]",
      "[{\"article\":\"a\\\"b\",\"rule\":\"r\\/s\",\"reported_by\":\"\\t\"}]",
      "[{\"article\":\"a\"}  ]",
      "[{\"article\" :\"a\"}]",
      "[{\"article\":\"a\"]",
      "[{\"article\":\"a\"}}",
      "[{article:\"a\"}]",
      "[{\"article\":\"a\"},null]",
      "{\"article\":\"a\"}",
      "[{\"article\":\"a\"}]\n",
  };
  for (const char* s : sentences) {
    for (const char* m : metas) CheckSameAsReference(s, m);
  }
}

TEST_CASE("Evidence parsing agrees with rapidjson on random mutations", "[io][fields]") {
  std::vector<Evidence> evidence = {
      Record("art1", "Le \"sommet\" d'Astana — coopération.", 4260, 4464, "fr.cooperates_with",
             Modality::kAsserted, ""),
      Record("art2", "Tab\there, back\\slash, caf\xC3\xA9.", 7, 70, "en.supports",
             Modality::kNegated, "person_1"),
  };
  std::string sentences, meta, records;
  AppendEvidenceSentencesJson(evidence, &sentences);
  AppendEvidenceMetaJson(evidence, &meta);
  AppendEvidenceRecordsJson(evidence, &records);
  const std::string alphabet =
      std::string("\"\\{}[],:0123456789-.eE ubnrt/\x01\x7F\xC3\xA9\x80") + std::string(1, '\0');
  std::mt19937 rng(20260401);
  auto mutate = [&](std::string s) {
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < edits && !s.empty(); ++k) {
      const size_t at = rng() % s.size();
      const char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0:
          s[at] = c;
          break;
        case 1:
          s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), c);
          break;
        default:
          s.erase(at, 1);
          break;
      }
    }
    return s;
  };
  for (int round = 0; round < 3000; ++round) {
    switch (round % 3) {
      case 0:
        CheckSameAsReference(mutate(sentences), meta);
        break;
      case 1:
        CheckSameAsReference(sentences, mutate(meta));
        break;
      default:
        CheckSameAsReference(sentences, mutate(records));
        break;
    }
  }
}

TEST_CASE("Aliases and edge article ids parse through the string array reader", "[io][fields]") {
  NodeData node;
  CHECK(ApplyNodeField("aliases", "[\"Kazakhstan\",\"Qazaqstan\",\"Kazakhstan\"]", &node));
  CHECK(node.aliases == std::set<std::string>{"Kazakhstan", "Qazaqstan"});
  CHECK_FALSE(ApplyNodeField("aliases", "[\"a\",1]", &node));
  CHECK(node.aliases == std::set<std::string>{"Kazakhstan", "Qazaqstan"});
  EdgeData edge;
  CHECK(ApplyEdgeField("article_ids", "[\"a2\",\"a1\"]", &edge));
  CHECK(edge.article_ids == std::vector<std::string>{"a2", "a1"});
  CHECK_FALSE(ApplyEdgeField("article_ids", "[\"a2\"", &edge));
}

}  // namespace
}  // namespace newsgraph
