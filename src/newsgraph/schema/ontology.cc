#include "newsgraph/schema/ontology.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "newsgraph/schema/json_file.h"

namespace newsgraph {
namespace {

std::string Str(const rapidjson::Value& object, const char* member) {
  auto it = object.FindMember(member);
  if (it == object.MemberEnd() || !it->value.IsString()) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::string Label(const rapidjson::Value& object, const char* lang) {
  auto it = object.FindMember("label");
  if (it == object.MemberEnd() || !it->value.IsObject()) return "";
  return Str(it->value, lang);
}

std::vector<std::string> Strings(const rapidjson::Value& object, const char* member) {
  std::vector<std::string> out;
  auto it = object.FindMember(member);
  if (it == object.MemberEnd() || !it->value.IsArray()) return out;
  for (const auto& v : it->value.GetArray()) {
    if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
  }
  return out;
}

// "#RRGGBB" in upper case, or "" when `color` is not of that shape.
std::string NormalizedColor(std::string color) {
  if (color.size() != 7 || color[0] != '#') return "";
  for (size_t i = 1; i < 7; ++i) {
    char& c = color[i];
    if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) return "";
  }
  return color;
}

const rapidjson::Value& ArrayMember(const rapidjson::Value& doc, const char* name) {
  static const rapidjson::Value kEmpty(rapidjson::kArrayType);
  auto it = doc.FindMember(name);
  return it != doc.MemberEnd() && it->value.IsArray() ? it->value : kEmpty;
}

}  // namespace

Result<Ontology> Ontology::Load(const std::string& schema_dir) {
  std::filesystem::path dir(schema_dir);
  return LoadFile((dir / "ontology.json").string(), (dir / "ontology.schema.json").string());
}

Result<Ontology> Ontology::LoadFile(const std::string& path, const std::string& schema_path) {
  Result<JsonFile> file = JsonFile::Load(path, schema_path);
  if (!file.ok()) return file.status();
  const rapidjson::Document& doc = file->doc();
  if (!doc.IsObject()) return Status::InputError(file->Where("") + ": expected an object");

  Ontology ontology;
  auto error = [&](const std::string& pointer, const std::string& message) {
    return Status::InputError(file->Where(pointer) + ": " + pointer + ": " + message);
  };
  auto check_color = [&](std::string* color, const std::string& pointer) -> Status {
    std::string normalized = NormalizedColor(*color);
    if (normalized.empty()) {
      return error(pointer, "bad colour '" + *color + "' (expected \"#RRGGBB\")");
    }
    *color = normalized;
    return Status::Ok();
  };

  std::set<std::string> seen;
  const rapidjson::Value& categories = ArrayMember(doc, "categories");
  for (rapidjson::SizeType i = 0; i < categories.Size(); ++i) {
    const rapidjson::Value& c = categories[i];
    std::string at = "/categories/" + std::to_string(i);
    CategoryDef def{Str(c, "name"), Label(c, "en"), Label(c, "fr"), Str(c, "color")};
    if (!seen.insert(def.name).second) {
      return error(at + "/name", "duplicate category '" + def.name + "'");
    }
    NEWSGRAPH_RETURN_IF_ERROR(check_color(&def.color, at + "/color"));
    ontology.categories_.push_back(std::move(def));
  }

  seen.clear();
  const rapidjson::Value& relations = ArrayMember(doc, "relations");
  for (rapidjson::SizeType i = 0; i < relations.Size(); ++i) {
    const rapidjson::Value& r = relations[i];
    std::string at = "/relations/" + std::to_string(i);
    RelationDef def;
    def.name = Str(r, "name");
    def.label_en = Label(r, "en");
    def.label_fr = Label(r, "fr");
    auto sym = r.FindMember("symmetric");
    def.symmetric = sym != r.MemberEnd() && sym->value.IsBool() && sym->value.GetBool();
    def.source_categories = Strings(r, "source");
    def.target_categories = Strings(r, "target");
    def.cameo = Str(r, "cameo");
    if (auto g = r.FindMember("goldstein"); g != r.MemberEnd() && g->value.IsNumber()) {
      def.goldstein = g->value.GetDouble();
    }
    if (auto g = r.FindMember("goldstein_range");
        g != r.MemberEnd() && g->value.IsArray() && g->value.Size() == 2) {
      def.goldstein_min = g->value[0].GetDouble();
      def.goldstein_max = g->value[1].GetDouble();
      if (*def.goldstein_min > *def.goldstein_max) {
        return error(at + "/goldstein_range", "minimum is above maximum");
      }
    }
    def.color = Str(r, "color");
    if (!seen.insert(def.name).second) {
      return error(at + "/name", "duplicate relation '" + def.name + "'");
    }
    for (const char* side : {"source", "target"}) {
      const auto& names = side[0] == 's' ? def.source_categories : def.target_categories;
      for (size_t k = 0; k < names.size(); ++k) {
        if (ontology.FindCategory(names[k]) == nullptr) {
          return error(at + "/" + side + "/" + std::to_string(k),
                       "relation '" + def.name + "' names unknown category '" + names[k] + "'");
        }
      }
    }
    NEWSGRAPH_RETURN_IF_ERROR(check_color(&def.color, at + "/color"));
    ontology.relations_.push_back(std::move(def));
  }

  seen.clear();
  const rapidjson::Value& modalities = ArrayMember(doc, "modalities");
  for (rapidjson::SizeType i = 0; i < modalities.Size(); ++i) {
    const rapidjson::Value& m = modalities[i];
    ModalityDef def{Str(m, "name"), Label(m, "en"), Label(m, "fr")};
    if (!seen.insert(def.name).second) {
      return error("/modalities/" + std::to_string(i) + "/name",
                   "duplicate modality '" + def.name + "'");
    }
    ontology.modalities_.push_back(std::move(def));
  }
  return ontology;
}

const CategoryDef* Ontology::FindCategory(std::string_view name) const {
  for (const CategoryDef& c : categories_) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

const RelationDef* Ontology::FindRelation(std::string_view name) const {
  for (const RelationDef& r : relations_) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

const ModalityDef* Ontology::FindModality(std::string_view name) const {
  for (const ModalityDef& m : modalities_) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

bool Ontology::Allows(const RelationDef& relation, std::string_view source_cat,
                      std::string_view target_cat) const {
  auto has = [](const std::vector<std::string>& v, std::string_view x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  if (has(relation.source_categories, source_cat) && has(relation.target_categories, target_cat)) {
    return true;
  }
  return relation.symmetric && has(relation.source_categories, target_cat) &&
         has(relation.target_categories, source_cat);
}

}  // namespace newsgraph
