#include "newsgraph/schema/text_lexicons.h"

#include <utility>
#include <vector>

#include "newsgraph/schema/json_file.h"

namespace newsgraph {
namespace {

using Value = rapidjson::Value;

Result<JsonFile> LoadLexicon(const std::string& schema_dir, const std::string& name) {
  const std::string base = schema_dir + "/lexicons/" + name;
  return JsonFile::Load(base + ".json", base + ".schema.json");
}

// The schemas guarantee the shapes read below: arrays of strings, etc.
std::vector<std::string> Strings(const Value& array) {
  std::vector<std::string> out;
  for (const Value& v : array.GetArray()) out.emplace_back(v.GetString(), v.GetStringLength());
  return out;
}

AbbreviationList ReadAbbreviations(const Value& lang) {
  AbbreviationList list;
  list.abbreviations = Strings(lang["abbreviations"]);
  list.may_end_sentence = Strings(lang["may_end_sentence"]);
  return list;
}

DateLanguage ReadDates(const Value& lang) {
  DateLanguage d;
  for (const Value& names : lang["months"].GetArray()) d.months.push_back(Strings(names));
  for (const Value& names : lang["weekdays"].GetArray()) d.weekdays.push_back(Strings(names));
  for (const auto& m : lang["relative_days"].GetObject()) {
    d.relative_days.emplace_back(std::string(m.name.GetString(), m.name.GetStringLength()),
                                 m.value.GetInt());
  }
  d.past_markers = Strings(lang["past_markers"]);
  d.next_markers = Strings(lang["next_markers"]);
  d.year_prepositions = Strings(lang["year_prepositions"]);
  d.day_suffixes = Strings(lang["day_suffixes"]);
  d.range_links = Strings(lang["range_links"]);
  d.night_words = Strings(lang["night_words"]);
  d.names_capitalized = lang["names_capitalized"].GetBool();
  d.month_first_numeric = lang["month_first_numeric"].GetBool();
  if (lang.HasMember("offsets")) {
    const Value& o = lang["offsets"];
    for (const auto& m : o["numbers"].GetObject()) {
      d.number_words.emplace_back(std::string(m.name.GetString(), m.name.GetStringLength()),
                                  m.value.GetInt());
    }
    for (const auto& m : o["units"].GetObject()) {
      d.offset_units.emplace_back(std::string(m.name.GetString(), m.name.GetStringLength()),
                                  m.value.GetInt());
    }
    d.offset_before = Strings(o["before"]);
    d.offset_after = Strings(o["after"]);
    d.offset_prefixes = Strings(o["prefixes"]);
  }
  return d;
}

}  // namespace

Result<TextLexicons> LoadTextLexicons(const std::string& schema_dir) {
  TextLexicons lex;
  {
    Result<JsonFile> f = LoadLexicon(schema_dir, "abbreviations");
    if (!f.ok()) return f.status();
    lex.abbreviations.fr = ReadAbbreviations(f->doc()["fr"]);
    lex.abbreviations.en = ReadAbbreviations(f->doc()["en"]);
  }
  {
    Result<JsonFile> f = LoadLexicon(schema_dir, "dates");
    if (!f.ok()) return f.status();
    lex.dates.fr = ReadDates(f->doc()["fr"]);
    lex.dates.en = ReadDates(f->doc()["en"]);
  }
  {
    Result<JsonFile> f = LoadLexicon(schema_dir, "stopwords");
    if (!f.ok()) return f.status();
    for (const auto& m : f->doc()["languages"].GetObject()) {
      lex.stopwords.by_lang[std::string(m.name.GetString(), m.name.GetStringLength())] =
          Strings(m.value);
    }
  }
  return lex;
}

}  // namespace newsgraph
