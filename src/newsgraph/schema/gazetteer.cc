#include "newsgraph/schema/gazetteer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "newsgraph/schema/json_file.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

// The four kinds of gazetteer file, told apart by the schema they declare.
enum class FileKind { kCountries, kRegions, kAliases, kEntities };

struct SchemaKind {
  const char* file;
  FileKind kind;
};
constexpr SchemaKind kSchemas[] = {
    {"gazetteer_countries.schema.json", FileKind::kCountries},
    {"gazetteer_regions.schema.json", FileKind::kRegions},
    {"gazetteer_aliases.schema.json", FileKind::kAliases},
    {"gazetteer_entities.schema.json", FileKind::kEntities},
};

// Where a value came from, to locate errors found after parsing.
struct Origin {
  const JsonFile* file = nullptr;
  std::string pointer;
  std::string Where() const { return file->Where(pointer); }
};

struct NameOrigin {
  GazetteerName name;
  Origin origin;
};

struct Building {
  GazetteerEntry entry;
  Origin origin;
  std::vector<Origin> name_origins;  // parallel to entry.names
};

std::string Str(const rapidjson::Value& v, const char* member) {
  auto it = v.FindMember(member);
  if (it == v.MemberEnd() || !it->value.IsString()) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::vector<std::string> Strings(const rapidjson::Value& v, const char* member) {
  std::vector<std::string> out;
  auto it = v.FindMember(member);
  if (it == v.MemberEnd() || !it->value.IsArray()) return out;
  for (const auto& s : it->value.GetArray()) {
    if (s.IsString()) out.emplace_back(s.GetString(), s.GetStringLength());
  }
  return out;
}

// Reads "names", "acronyms" and "demonyms" ({"en": [...], "fr": [...], "any": [...]}).
std::vector<NameOrigin> ReadNames(const rapidjson::Value& v, const JsonFile& file,
                                  const std::string& at) {
  static const std::pair<const char*, NameKind> kKinds[] = {{"names", NameKind::kName},
                                                            {"acronyms", NameKind::kAcronym},
                                                            {"demonyms", NameKind::kDemonym}};
  std::vector<NameOrigin> out;
  for (const auto& [member, kind] : kKinds) {
    auto it = v.FindMember(member);
    if (it == v.MemberEnd() || !it->value.IsObject()) continue;
    for (const char* lang : {"en", "fr", "any"}) {
      auto list = it->value.FindMember(lang);
      if (list == it->value.MemberEnd() || !list->value.IsArray()) continue;
      for (rapidjson::SizeType i = 0; i < list->value.Size(); ++i) {
        const rapidjson::Value& item = list->value[i];
        GazetteerName name;
        name.lang = std::string(lang) == "any" ? "" : lang;
        name.kind = kind;
        if (item.IsString()) {
          name.text = item.GetString();
        } else if (item.IsObject()) {
          name.text = Str(item, "text");
          auto cs = item.FindMember("case_sensitive");
          name.case_sensitive = cs != item.MemberEnd() && cs->value.IsBool() && cs->value.GetBool();
          auto shared = item.FindMember("shared");
          name.shared =
              shared != item.MemberEnd() && shared->value.IsBool() && shared->value.GetBool();
        }
        if (name.text.empty()) continue;
        out.push_back({std::move(name),
                       Origin{&file, at + "/" + member + "/" + lang + "/" + std::to_string(i)}});
      }
    }
  }
  return out;
}

// Adds a name unless the entry has it already (same text, language and
// kind); a repeated name can only add the `shared` mark.
void AddName(Building* b, NameOrigin n) {
  for (GazetteerName& existing : b->entry.names) {
    if (existing.text == n.name.text && existing.lang == n.name.lang &&
        existing.kind == n.name.kind) {
      existing.shared = existing.shared || n.name.shared;
      return;
    }
  }
  b->entry.names.push_back(std::move(n.name));
  b->name_origins.push_back(std::move(n.origin));
}

Status Error(const Origin& at, const std::string& message) {
  return Status::InputError(at.Where() + ": " + message);
}

}  // namespace

std::string Gazetteer::NameKey(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.foldCase(U_FOLD_CASE_DEFAULT);
  if (U_SUCCESS(status)) {
    icu::UnicodeString normalized = nfc->normalize(u, status);
    if (U_SUCCESS(status)) u = normalized;
  }
  icu::UnicodeString out;
  bool space = false;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC) c = '\'';
    if (u_isUWhiteSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.isEmpty()) out.append(static_cast<UChar>(' '));
    space = false;
    out.append(c);
  }
  std::string key;
  out.toUTF8String(key);
  return key;
}

Result<Gazetteer> Gazetteer::Load(const std::string& schema_dir) {
  fs::path dir = fs::path(schema_dir) / "gazetteer";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::InputError(dir.string() + ": no such directory");
  std::vector<std::string> paths;
  for (const auto& item : fs::directory_iterator(dir, ec)) {
    if (item.path().extension() == ".json") paths.push_back(item.path().string());
  }
  if (ec) return Status::InputError(dir.string() + ": " + ec.message());
  std::sort(paths.begin(), paths.end());

  // Schemas, loaded once.
  std::map<std::string, JsonFile> schemas;
  for (const SchemaKind& s : kSchemas) {
    Result<JsonFile> schema = JsonFile::Load((fs::path(schema_dir) / s.file).string(), "");
    if (!schema.ok()) return schema.status();
    schemas.emplace(s.file, std::move(*schema));
  }

  std::vector<std::unique_ptr<JsonFile>> files;  // kept alive for error locations
  std::map<std::string, Building> by_id;
  std::vector<std::pair<const rapidjson::Value*, Origin>> aliases;
  for (const std::string& path : paths) {
    Result<JsonFile> loaded = JsonFile::Load(path, "");
    if (!loaded.ok()) return loaded.status();
    files.push_back(std::make_unique<JsonFile>(std::move(*loaded)));
    const JsonFile& file = *files.back();
    std::string declared = fs::path(file.DeclaredSchemaPath()).filename().string();
    const SchemaKind* kind = nullptr;
    for (const SchemaKind& s : kSchemas) {
      if (declared == s.file) kind = &s;
    }
    if (kind == nullptr) {
      return Status::InputError(file.Where("") +
                                ": \"$schema\" must name one of the gazetteer "
                                "schemas (gazetteer_entities.schema.json, ...), not '" +
                                declared + "'");
    }
    NEWSGRAPH_RETURN_IF_ERROR(file.Validate(schemas.at(kind->file)));

    const rapidjson::Value& entries = file.doc()["entries"];
    for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
      const rapidjson::Value& v = entries[i];
      std::string at = "/entries/" + std::to_string(i);
      Origin origin{&file, at};
      if (kind->kind == FileKind::kAliases) {
        aliases.emplace_back(&v, origin);
        continue;
      }
      Building b;
      b.origin = origin;
      GazetteerEntry& e = b.entry;
      e.id = Str(v, "id");
      e.category = kind->kind == FileKind::kCountries ? "country"
                   : kind->kind == FileKind::kRegions ? "region"
                                                      : Str(v, "category");
      if (e.id.compare(0, e.category.size() + 1, e.category + "_") != 0) {
        return Error(Origin{&file, at + "/id"},
                     "id '" + e.id + "' must start with its category '" + e.category + "_'");
      }
      auto label = v.FindMember("label");
      if (label != v.MemberEnd()) {
        e.label_en = Str(label->value, "en");
        e.label_fr = Str(label->value, "fr");
      }
      e.wikidata = Str(v, "wikidata");
      e.iso2 = Str(v, "iso2");
      e.iso3 = Str(v, "iso3");
      e.m49 = kind->kind == FileKind::kCountries ? Str(v, "numeric") : Str(v, "m49");
      e.members = Strings(v, "members");
      e.located_in = Str(v, "located_in");
      e.capital_of = Str(v, "capital_of");
      AddName(&b, {GazetteerName{e.label_en, "en", NameKind::kName, false, false},
                   Origin{&file, at + "/label/en"}});
      AddName(&b, {GazetteerName{e.label_fr, "fr", NameKind::kName, false, false},
                   Origin{&file, at + "/label/fr"}});
      for (NameOrigin& n : ReadNames(v, file, at)) AddName(&b, std::move(n));
      auto [it, inserted] = by_id.emplace(e.id, std::move(b));
      if (!inserted) {
        return Error(origin, "duplicate id '" + it->first + "' (first defined at " +
                                 it->second.origin.Where() + ")");
      }
    }
  }

  // Curated aliases on top of the generated entries.
  for (const auto& [v, origin] : aliases) {
    std::string id = Str(*v, "id");
    auto it = by_id.find(id);
    if (it == by_id.end()) {
      return Error(Origin{origin.file, origin.pointer + "/id"},
                   "alias for unknown id '" + id + "'");
    }
    std::string wikidata = Str(*v, "wikidata");
    if (!wikidata.empty()) {
      if (!it->second.entry.wikidata.empty() && it->second.entry.wikidata != wikidata) {
        return Error(Origin{origin.file, origin.pointer + "/wikidata"},
                     "conflicting wikidata id for '" + id + "'");
      }
      it->second.entry.wikidata = wikidata;
    }
    for (NameOrigin& n : ReadNames(*v, *origin.file, origin.pointer)) {
      AddName(&it->second, std::move(n));
    }
  }

  // References between entries.
  for (auto& [id, b] : by_id) {
    GazetteerEntry& e = b.entry;
    for (size_t k = 0; k < e.members.size(); ++k) {
      if (!by_id.count(e.members[k])) {
        return Error(Origin{b.origin.file, b.origin.pointer + "/members/" + std::to_string(k)},
                     "unknown member '" + e.members[k] + "' of '" + id + "'");
      }
    }
    std::sort(e.members.begin(), e.members.end());
    for (const char* field : {"located_in", "capital_of"}) {
      const std::string& ref = field[0] == 'l' ? e.located_in : e.capital_of;
      if (!ref.empty() && !by_id.count(ref)) {
        return Error(Origin{b.origin.file, b.origin.pointer + "/" + field},
                     "unknown " + std::string(field) + " '" + ref + "' of '" + id + "'");
      }
    }
    if (!e.capital_of.empty()) {
      if (e.located_in.empty()) e.located_in = e.capital_of;
      if (e.located_in != e.capital_of) {
        return Error(Origin{b.origin.file, b.origin.pointer + "/capital_of"},
                     "'" + id + "' is the capital of '" + e.capital_of + "' but located in '" +
                         e.located_in + "'");
      }
      GazetteerEntry& country = by_id.at(e.capital_of).entry;
      if (!country.capital.empty()) {
        return Error(
            Origin{b.origin.file, b.origin.pointer + "/capital_of"},
            "'" + e.capital_of + "' has two capitals: '" + country.capital + "' and '" + id + "'");
      }
      country.capital = id;
    }
  }

  // Entries sorted by id, then the name indexes.
  auto entries = std::make_shared<std::vector<GazetteerEntry>>();
  std::vector<const Building*> buildings;
  for (auto& [id, b] : by_id) {
    entries->push_back(b.entry);
    buildings.push_back(&b);
  }
  Gazetteer g;
  for (size_t i = 0; i < entries->size(); ++i) {
    const GazetteerEntry& e = (*entries)[i];
    g.by_id_.emplace(e.id, i);
    for (const GazetteerName& n : e.names) {
      auto& index =
          n.case_sensitive ? g.by_exact_name_[n.text] : g.by_folded_name_[NameKey(n.text)];
      if (index.empty() || index.back() != i) index.push_back(i);
    }
  }

  // A name shared by two entries is an error unless one of the two names is
  // marked `shared`. Case-sensitive names also clash with folded ones.
  std::vector<std::string> clashes;
  auto check = [&](size_t a, size_t b, const std::string& key) {
    const GazetteerName* na = nullptr;
    const GazetteerName* nb = nullptr;
    size_t ib = 0;
    for (const GazetteerName& n : (*entries)[a].names) {
      if ((n.case_sensitive ? n.text == key : NameKey(n.text) == NameKey(key)) && !na) na = &n;
    }
    for (size_t k = 0; k < (*entries)[b].names.size(); ++k) {
      const GazetteerName& n = (*entries)[b].names[k];
      if ((n.case_sensitive ? n.text == key : NameKey(n.text) == NameKey(key)) && !nb) {
        nb = &n;
        ib = k;
      }
    }
    if (!na || !nb || na->shared || nb->shared) return;
    clashes.push_back(buildings[b]->name_origins[ib].Where() + ": name '" + nb->text + "' of '" +
                      (*entries)[b].id + "' is also a name of '" + (*entries)[a].id +
                      "' (mark one \"shared\": true if both are meant)");
  };
  for (const auto& [key, index] : g.by_folded_name_) {
    for (size_t k = 1; k < index.size(); ++k) check(index[0], index[k], key);
  }
  for (const auto& [text, index] : g.by_exact_name_) {
    for (size_t k = 1; k < index.size(); ++k) check(index[0], index[k], text);
    auto folded = g.by_folded_name_.find(NameKey(text));
    if (folded == g.by_folded_name_.end()) continue;
    for (size_t other : folded->second) {
      if (other != index[0]) check(other, index[0], text);
    }
  }
  if (!clashes.empty()) {
    std::sort(clashes.begin(), clashes.end());
    std::string message = clashes[0];
    for (size_t k = 1; k < clashes.size() && k < 20; ++k) message += "\n" + clashes[k];
    if (clashes.size() > 20) message += "\n(" + std::to_string(clashes.size() - 20) + " more)";
    return Status::InputError(message);
  }
  g.entries_ = std::move(entries);
  return g;
}

const GazetteerEntry* Gazetteer::Find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &(*entries_)[it->second];
}

std::vector<const GazetteerEntry*> Gazetteer::Lookup(std::string_view surface) const {
  std::set<size_t> found;
  if (auto it = by_exact_name_.find(std::string(surface)); it != by_exact_name_.end()) {
    found.insert(it->second.begin(), it->second.end());
  }
  if (auto it = by_folded_name_.find(NameKey(surface)); it != by_folded_name_.end()) {
    found.insert(it->second.begin(), it->second.end());
  }
  std::vector<const GazetteerEntry*> out;
  for (size_t i : found) out.push_back(&(*entries_)[i]);  // ids sorted = indices sorted
  return out;
}

}  // namespace newsgraph
