// The shipped text lexicons (graph_schemas/lexicons/*.json) for the text
// tests. text/ cannot depend on schema/, so this reads the JSON directly with
// RapidJSON (linked into every test executable); the real loader,
// LoadTextLexicons, is tested in tests/schema/text_lexicons_test.cc.
// Loaded once per process; not thread-safe (tests run sequentially).
#ifndef NEWSGRAPH_TESTS_TEXT_TEST_LEXICONS_H_
#define NEWSGRAPH_TESTS_TEXT_TEST_LEXICONS_H_

#include <rapidjson/document.h>

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "newsgraph/text/dates.h"
#include "newsgraph/text/language.h"
#include "newsgraph/text/sentence_splitter.h"

namespace newsgraph::testing {

inline rapidjson::Document ReadLexiconJson(const std::string& name) {
  const std::string path = std::string(NEWSGRAPH_SCHEMA_DIR) + "/lexicons/" + name + ".json";
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  if (doc.HasParseError() || !doc.IsObject()) throw std::runtime_error("cannot read " + path);
  return doc;
}

inline std::vector<std::string> JsonStrings(const rapidjson::Value& a) {
  std::vector<std::string> out;
  for (const auto& v : a.GetArray()) out.emplace_back(v.GetString(), v.GetStringLength());
  return out;
}

inline const AbbreviationLexicon& ShippedAbbreviations() {
  static const AbbreviationLexicon lex = [] {
    rapidjson::Document d = ReadLexiconJson("abbreviations");
    AbbreviationLexicon l;
    l.fr = {JsonStrings(d["fr"]["abbreviations"]), JsonStrings(d["fr"]["may_end_sentence"])};
    l.en = {JsonStrings(d["en"]["abbreviations"]), JsonStrings(d["en"]["may_end_sentence"])};
    return l;
  }();
  return lex;
}

inline DateLanguage JsonDateLanguage(const rapidjson::Value& v) {
  DateLanguage d;
  for (const auto& m : v["months"].GetArray()) d.months.push_back(JsonStrings(m));
  for (const auto& w : v["weekdays"].GetArray()) d.weekdays.push_back(JsonStrings(w));
  for (const auto& r : v["relative_days"].GetObject()) {
    d.relative_days.emplace_back(r.name.GetString(), r.value.GetInt());
  }
  d.past_markers = JsonStrings(v["past_markers"]);
  d.next_markers = JsonStrings(v["next_markers"]);
  d.year_prepositions = JsonStrings(v["year_prepositions"]);
  d.day_suffixes = JsonStrings(v["day_suffixes"]);
  d.range_links = JsonStrings(v["range_links"]);
  d.night_words = JsonStrings(v["night_words"]);
  d.names_capitalized = v["names_capitalized"].GetBool();
  d.month_first_numeric = v["month_first_numeric"].GetBool();
  if (v.HasMember("offsets")) {
    const rapidjson::Value& o = v["offsets"];
    for (const auto& m : o["numbers"].GetObject()) {
      d.number_words.emplace_back(m.name.GetString(), m.value.GetInt());
    }
    for (const auto& m : o["units"].GetObject()) {
      d.offset_units.emplace_back(m.name.GetString(), m.value.GetInt());
    }
    d.offset_before = JsonStrings(o["before"]);
    d.offset_after = JsonStrings(o["after"]);
    d.offset_prefixes = JsonStrings(o["prefixes"]);
  }
  return d;
}

inline const DateLexicon& ShippedDates() {
  static const DateLexicon lex = [] {
    rapidjson::Document d = ReadLexiconJson("dates");
    return DateLexicon{JsonDateLanguage(d["fr"]), JsonDateLanguage(d["en"])};
  }();
  return lex;
}

inline const StopwordLexicon& ShippedStopwords() {
  static const StopwordLexicon lex = [] {
    rapidjson::Document d = ReadLexiconJson("stopwords");
    StopwordLexicon l;
    for (const auto& m : d["languages"].GetObject())
      l.by_lang[m.name.GetString()] = JsonStrings(m.value);
    return l;
  }();
  return lex;
}

inline std::string ReadSeedArticle() {
  const std::string path = std::string(NEWSGRAPH_SHARED_DIR) + "/seed/inde-asie-centrale.txt";
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.empty()) throw std::runtime_error("cannot read " + path);
  return text;
}

}  // namespace newsgraph::testing

#endif  // NEWSGRAPH_TESTS_TEXT_TEST_LEXICONS_H_
