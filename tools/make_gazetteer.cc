// make_gazetteer: generates graph_schemas/gazetteer/countries.json and
// regions.json from ICU's CLDR data and Debian's iso-codes, so that country
// and region names are never typed by hand.
//
//   make_gazetteer [--iso-json PATH] [--iso-mo-fr PATH] OUT_DIR
//
// Countries: every ISO 3166-1 entry of iso-codes (iso_3166-1.json), named by
// CLDR (standard, short and variant display names in English and French) and
// by iso-codes (name, official_name, common_name, and their French
// translations from the iso_3166-1.mo catalogue). Regions: every numeric UN
// M49 region ICU knows (continents, sub-continents, numeric groupings), with
// the countries it contains. Output is sorted and byte-for-byte deterministic
// for a given ICU and iso-codes version; tests/schema checks that the
// committed files equal a fresh run. Curated additions go to
// country_aliases.json, never into the generated files.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <unicode/locid.h>
#include <unicode/putil.h>
#include <unicode/region.h>
#include <unicode/udata.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Names {
  std::map<std::string, std::set<std::string>> names;     // lang -> names
  std::map<std::string, std::set<std::string>> acronyms;  // lang -> acronyms
};

struct Country {
  std::string iso2, iso3, numeric, label_en, label_fr;
  Names names;
};

struct RegionOut {
  std::string id, m49, label_en, label_fr;
  Names names;
  std::vector<std::string> members;
};

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

// Reads a GNU gettext .mo catalogue: msgid -> msgstr.
bool ReadMo(const std::string& path, std::map<std::string, std::string>* out) {
  std::string data;
  if (!ReadFile(path, &data) || data.size() < 28) return false;
  auto u32 = [&](size_t at, bool swap) -> uint32_t {
    if (at + 4 > data.size()) return 0;
    uint32_t v;
    std::memcpy(&v, data.data() + at, 4);
    return swap ? __builtin_bswap32(v) : v;
  };
  bool swap = false;
  if (u32(0, false) != 0x950412deu) {
    if (u32(0, true) != 0x950412deu) return false;
    swap = true;
  }
  uint32_t n = u32(8, swap), orig = u32(12, swap), trans = u32(16, swap);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t olen = u32(orig + 8 * i, swap), ooff = u32(orig + 8 * i + 4, swap);
    uint32_t tlen = u32(trans + 8 * i, swap), toff = u32(trans + 8 * i + 4, swap);
    if (ooff + olen > data.size() || toff + tlen > data.size()) return false;
    std::string id = data.substr(ooff, olen), str = data.substr(toff, tlen);
    if (!id.empty() && !str.empty()) (*out)[id] = str;
  }
  return true;
}

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// CLDR's standard display name of a region code ("IN", "143") in `lang`.
std::string DisplayName(const std::string& code, const char* lang) {
  icu::UnicodeString name;
  icu::Locale("", code.c_str()).getDisplayCountry(icu::Locale(lang), name);
  return Utf8(name);
}

// The CLDR alternative forms ("Countries%short", "Countries%variant").
std::map<std::string, std::string> AltNames(const char* lang, const char* table) {
  std::map<std::string, std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  std::string package = std::string(U_ICUDATA_NAME) + "-region";
  UResourceBundle* bundle = ures_openDirect(package.c_str(), lang, &status);
  if (U_FAILURE(status)) return out;
  UResourceBundle* alt = ures_getByKey(bundle, table, nullptr, &status);
  if (U_SUCCESS(status)) {
    ures_resetIterator(alt);
    while (ures_hasNext(alt)) {
      int32_t length = 0;
      const char* key = nullptr;
      const UChar* value = ures_getNextString(alt, &length, &key, &status);
      if (U_FAILURE(status)) break;
      out[key] = Utf8(icu::UnicodeString(value, length));
    }
  }
  ures_close(alt);
  ures_close(bundle);
  return out;
}

// An abbreviation has no lower-case letter ("UK", "É.-U."); it is kept as a
// case-sensitive acronym so that "US" never matches the word "us".
bool IsAbbreviation(const std::string& name) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(name);
  if (u.length() > 8) return false;
  for (int32_t i = 0; i < u.length(); ++i) {
    if (u_islower(u.charAt(i))) return false;
  }
  return true;
}

void AddName(Names* names, const std::string& lang, const std::string& name) {
  if (name.empty()) return;
  (IsAbbreviation(name) ? names->acronyms : names->names)[lang].insert(name);
}

// "Central Asia" -> "central_asia"; "Latin America & Caribbean" -> "latin_america_caribbean".
std::string Slug(const std::string& english) {
  std::string out;
  for (char c : english) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string LangMap(const std::map<std::string, std::set<std::string>>& by_lang, bool acronyms) {
  std::string out = "{";
  bool first_lang = true;
  for (const auto& [lang, set] : by_lang) {
    if (!first_lang) out += ", ";
    first_lang = false;
    out += Quote(lang) + ": [";
    bool first = true;
    for (const std::string& name : set) {
      if (!first) out += ", ";
      first = false;
      out += acronyms ? "{\"text\": " + Quote(name) + ", \"case_sensitive\": true}" : Quote(name);
    }
    out += "]";
  }
  return out + "}";
}

std::string NamesJson(const Names& n, const std::string& indent) {
  std::string out = ",\n" + indent + "\"names\": " + LangMap(n.names, false);
  if (!n.acronyms.empty()) out += ",\n" + indent + "\"acronyms\": " + LangMap(n.acronyms, true);
  return out;
}

std::string Header(const std::string& kind) {
  UVersionInfo cldr;
  UErrorCode status = U_ZERO_ERROR;
  ulocdata_getCLDRVersion(cldr, &status);
  char cldr_text[U_MAX_VERSION_STRING_LENGTH] = "";
  if (U_SUCCESS(status)) u_versionToString(cldr, cldr_text);
  return "{\n  \"$schema\": \"../gazetteer_" + kind + ".schema.json\",\n" +
         "  \"generated_by\": \"tools/make_gazetteer.cc from ICU " U_ICU_VERSION " (CLDR " +
         cldr_text + ") and iso-codes; do not edit, add aliases to country_aliases.json\",\n" +
         "  \"entries\": [\n";
}

int Fail(const std::string& message) {
  std::cerr << "make_gazetteer: " << message << "\n";
  return 1;
}

bool WriteOut(const std::string& path, const std::string& text) {
  std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << text;
    if (!out.flush()) return false;
  }
  return std::rename(temp.c_str(), path.c_str()) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string iso_json = "/usr/share/iso-codes/json/iso_3166-1.json";
  std::string iso_mo_fr = "/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo";
  std::string out_dir;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--iso-json" && i + 1 < argc) {
      iso_json = argv[++i];
    } else if (arg == "--iso-mo-fr" && i + 1 < argc) {
      iso_mo_fr = argv[++i];
    } else if (arg == "-h" || arg == "--help") {
      std::cout << "usage: make_gazetteer [--iso-json PATH] [--iso-mo-fr PATH] OUT_DIR\n";
      return 0;
    } else if (out_dir.empty() && !arg.empty() && arg[0] != '-') {
      out_dir = arg;
    } else {
      std::cerr << "usage: make_gazetteer [--iso-json PATH] [--iso-mo-fr PATH] OUT_DIR\n";
      return 2;
    }
  }
  if (out_dir.empty()) {
    std::cerr << "usage: make_gazetteer [--iso-json PATH] [--iso-mo-fr PATH] OUT_DIR\n";
    return 2;
  }

  std::string iso_text;
  if (!ReadFile(iso_json, &iso_text)) return Fail(iso_json + ": cannot read");
  rapidjson::Document iso;
  iso.Parse(iso_text.c_str());
  if (iso.HasParseError()) {
    return Fail(iso_json + ": byte " + std::to_string(iso.GetErrorOffset()) + ": " +
                rapidjson::GetParseError_En(iso.GetParseError()));
  }
  if (!iso.IsObject() || !iso.HasMember("3166-1") || !iso["3166-1"].IsArray()) {
    return Fail(iso_json + ": no \"3166-1\" array");
  }
  std::map<std::string, std::string> fr_catalogue;
  if (!ReadMo(iso_mo_fr, &fr_catalogue)) return Fail(iso_mo_fr + ": cannot read catalogue");

  std::map<std::string, std::map<std::string, std::string>> alt;  // "en%short" -> code -> name
  for (const char* lang : {"en", "fr"}) {
    for (const char* table : {"Countries%short", "Countries%variant"}) {
      alt[std::string(lang) + table] = AltNames(lang, table);
    }
  }

  std::map<std::string, Country> countries;  // by iso2
  for (const auto& v : iso["3166-1"].GetArray()) {
    auto str = [&](const char* key) -> std::string {
      return v.HasMember(key) && v[key].IsString() ? v[key].GetString() : "";
    };
    Country c;
    c.iso2 = str("alpha_2");
    c.iso3 = str("alpha_3");
    c.numeric = str("numeric");
    if (c.iso2.size() != 2 || c.iso3.size() != 3) return Fail(iso_json + ": bad entry " + c.iso2);
    c.label_en = DisplayName(c.iso2, "en");
    c.label_fr = DisplayName(c.iso2, "fr");
    for (const char* lang : {"en", "fr"}) {
      AddName(&c.names, lang, DisplayName(c.iso2, lang));
      for (const char* table : {"Countries%short", "Countries%variant"}) {
        const auto& m = alt[std::string(lang) + table];
        if (auto it = m.find(c.iso2); it != m.end()) AddName(&c.names, lang, it->second);
      }
    }
    for (const char* key : {"name", "official_name", "common_name"}) {
      std::string en = str(key);
      if (en.empty()) continue;
      AddName(&c.names, "en", en);
      if (auto it = fr_catalogue.find(en); it != fr_catalogue.end()) {
        AddName(&c.names, "fr", it->second);
      }
    }
    countries[c.iso2] = std::move(c);
  }

  std::vector<RegionOut> regions;
  UErrorCode status = U_ZERO_ERROR;
  for (URegionType type : {URGN_CONTINENT, URGN_SUBCONTINENT, URGN_GROUPING}) {
    std::unique_ptr<icu::StringEnumeration> codes(icu::Region::getAvailable(type, status));
    if (U_FAILURE(status)) return Fail(std::string("icu: ") + u_errorName(status));
    while (const char* code = codes->next(nullptr, status)) {
      std::string m49 = code;
      if (m49.find_first_not_of("0123456789") != std::string::npos) continue;  // EU, UN, QO
      const icu::Region* region = icu::Region::getInstance(code, status);
      if (U_FAILURE(status)) return Fail(std::string("icu: ") + u_errorName(status));
      RegionOut r;
      r.m49 = m49;
      r.label_en = DisplayName(m49, "en");
      r.label_fr = DisplayName(m49, "fr");
      r.id = "region_" + Slug(r.label_en);
      AddName(&r.names, "en", r.label_en);
      AddName(&r.names, "fr", r.label_fr);
      std::unique_ptr<icu::StringEnumeration> members(
          region->getContainedRegions(URGN_TERRITORY, status));
      if (U_FAILURE(status)) return Fail(std::string("icu: ") + u_errorName(status));
      while (const char* member = members->next(nullptr, status)) {
        auto it = countries.find(member);
        if (it != countries.end()) r.members.push_back("country_" + Lower(it->second.iso3));
      }
      std::sort(r.members.begin(), r.members.end());
      regions.push_back(std::move(r));
    }
  }
  std::sort(regions.begin(), regions.end(),
            [](const RegionOut& a, const RegionOut& b) { return a.id < b.id; });
  for (size_t i = 1; i < regions.size(); ++i) {
    if (regions[i].id == regions[i - 1].id) return Fail("two regions named " + regions[i].id);
  }

  std::vector<const Country*> sorted;
  for (const auto& [iso2, c] : countries) sorted.push_back(&c);
  std::sort(sorted.begin(), sorted.end(),
            [](const Country* a, const Country* b) { return a->iso3 < b->iso3; });
  std::string out = Header("countries");
  const std::string in = "      ";
  for (size_t i = 0; i < sorted.size(); ++i) {
    const Country& c = *sorted[i];
    out += "    {\n" + in + "\"id\": " + Quote("country_" + Lower(c.iso3)) + ",\n" + in +
           "\"iso2\": " + Quote(c.iso2) + ", \"iso3\": " + Quote(c.iso3) +
           ", \"numeric\": " + Quote(c.numeric) + ",\n" + in +
           "\"label\": {\"en\": " + Quote(c.label_en) + ", \"fr\": " + Quote(c.label_fr) + "}" +
           NamesJson(c.names, in) + "\n    }" + (i + 1 < sorted.size() ? ",\n" : "\n");
  }
  out += "  ]\n}\n";
  if (!WriteOut(out_dir + "/countries.json", out)) return Fail(out_dir + ": cannot write");

  out = Header("regions");
  for (size_t i = 0; i < regions.size(); ++i) {
    const RegionOut& r = regions[i];
    std::string members;
    for (size_t k = 0; k < r.members.size(); ++k) {
      members += (k ? ", " : "") + Quote(r.members[k]);
    }
    out += "    {\n" + in + "\"id\": " + Quote(r.id) + ", \"m49\": " + Quote(r.m49) + ",\n" + in +
           "\"label\": {\"en\": " + Quote(r.label_en) + ", \"fr\": " + Quote(r.label_fr) + "}" +
           NamesJson(r.names, in) + ",\n" + in + "\"members\": [" + members + "]\n    }" +
           (i + 1 < regions.size() ? ",\n" : "\n");
  }
  out += "  ]\n}\n";
  if (!WriteOut(out_dir + "/regions.json", out)) return Fail(out_dir + ": cannot write");
  return 0;
}
