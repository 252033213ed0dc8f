#include "newsgraph/schema/extraction_lexicon.h"

#include <rapidjson/document.h>

#include "newsgraph/schema/json_file.h"

namespace newsgraph {
namespace {

using Value = rapidjson::Value;

std::vector<std::string> Strings(const Value& object, const char* key) {
  std::vector<std::string> out;
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsArray()) return out;
  for (const Value& v : it->value.GetArray()) {
    if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
  }
  return out;
}

std::string String(const Value& object, const char* key) {
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsString()) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

bool Bool(const Value& object, const char* key) {
  auto it = object.FindMember(key);
  return it != object.MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

std::vector<NumberedPhrase> Numbered(const Value& object, const char* key) {
  std::vector<NumberedPhrase> out;
  auto it = object.FindMember(key);
  if (it == object.MemberEnd() || !it->value.IsArray()) return out;
  for (const Value& v : it->value.GetArray()) {
    out.push_back({String(v, "text"), v["value"].GetInt()});
  }
  return out;
}

MentionLexicon ReadMentions(const Value& lang) {
  MentionLexicon m;
  m.person_titles = Strings(lang, "person_titles");
  m.byline_markers = Strings(lang, "byline_markers");
  m.organization_heads = Strings(lang, "organization_heads");
  for (const Value& v : lang["location_heads"].GetArray()) {
    m.location_heads.push_back({String(v, "text"), String(v, "en")});
  }
  for (const Value& v : lang["event_nouns"].GetArray()) {
    const std::string kind = String(v, "kind");
    EventNoun noun{String(v, "text"), String(v, "en"), EventKind::kMeeting};
    if (kind == "incident") noun.kind = EventKind::kIncident;
    if (kind == "measure") noun.kind = EventKind::kMeasure;
    if (kind == "agreement") noun.kind = EventKind::kAgreement;
    m.event_nouns.push_back(std::move(noun));
  }
  m.edition_nouns = Strings(lang, "edition_nouns");
  m.ordinals = Numbered(lang, "ordinals");
  m.number_words = Numbered(lang, "number_words");
  m.group_nouns = Strings(lang, "group_nouns");
  m.participant_anaphors = Strings(lang, "participant_anaphors");
  m.group_anaphors = Strings(lang, "group_anaphors");
  m.organization_anaphors = Strings(lang, "organization_anaphors");
  for (const Value& v : lang["pronouns"].GetArray()) {
    m.pronouns.push_back({String(v, "text"), String(v, "gender"), String(v, "number") == "plural"});
  }
  m.resource_anaphors = Strings(lang, "resource_anaphors");
  m.determiners = Strings(lang, "determiners");
  m.demonstratives = Strings(lang, "demonstratives");
  m.prepositions = Strings(lang, "prepositions");
  m.locative_prepositions = Strings(lang, "locative_prepositions");
  m.conjunctions = Strings(lang, "conjunctions");
  m.between = Strings(lang, "between");
  m.clause_boundaries = Strings(lang, "clause_boundaries");
  m.relative_pronouns = Strings(lang, "relative_pronouns");
  m.end_markers = Strings(lang, "end_markers");
  m.place_nouns = Strings(lang, "place_nouns");
  m.feminine_articles = Strings(lang, "feminine_articles");
  m.indefinite_articles = Strings(lang, "indefinite_articles");
  m.since_markers = Strings(lang, "since_markers");
  m.statement_nouns = Strings(lang, "statement_nouns");
  m.masculine_articles = Strings(lang, "masculine_articles");
  m.name_connectors = Strings(lang, "name_connectors");
  m.adverbs = Strings(lang, "adverbs");
  return m;
}

RelationLexicon ReadRelations(const Value& lang) {
  RelationLexicon r;
  for (const Value& v : lang["triggers"].GetArray()) {
    TriggerDef t;
    t.id = String(v, "id");
    t.relation = String(v, "relation");
    const std::string kind = String(v, "kind");
    t.kind = kind == "verb"     ? TriggerKind::kVerb
             : kind == "marker" ? TriggerKind::kMarker
                                : TriggerKind::kNoun;
    t.forms = Strings(v, "forms");
    t.object_preps = Strings(v, "object_preps");
    t.exclude = Strings(v, "exclude");
    t.direct_object = Bool(v, "direct_object");
    t.reciprocal = Bool(v, "reciprocal");
    t.inverse = Bool(v, "inverse");
    t.all_actors = Bool(v, "all_actors");
    t.source_is_event = String(v, "source") == "event";
    t.target_fallback = String(v, "target_fallback");
    r.triggers.push_back(std::move(t));
  }
  r.negations = Strings(lang, "negations");
  r.negation_particles = Strings(lang, "negation_particles");
  r.negation_words = Strings(lang, "negation_words");
  r.intentions = Strings(lang, "intentions");
  r.hypotheticals = Strings(lang, "hypotheticals");
  r.presupposing = Strings(lang, "presupposing");
  r.reporting = Strings(lang, "reporting");
  r.passive_auxiliaries = Strings(lang, "passive_auxiliaries");
  r.agent_prepositions = Strings(lang, "agent_prepositions");
  r.member_lists = Strings(lang, "member_lists");
  r.reporting_verbs = Strings(lang, "reporting_verbs");
  r.reasons = Strings(lang, "reasons");
  r.delegates = Strings(lang, "delegates");
  r.possessives = Strings(lang, "possessives");
  r.free_relatives = Strings(lang, "free_relatives");
  r.join_links = Strings(lang, "join_links");
  r.so_called = Strings(lang, "so_called");
  r.likewise = Strings(lang, "likewise");
  r.co_actors = Strings(lang, "co_actors");
  r.member_relatives = Strings(lang, "member_relatives");
  return r;
}

}  // namespace

Result<ExtractionLexicon> LoadExtractionLexicon(const std::string& schema_dir) {
  const std::string dir = schema_dir + "/lexicons/";
  Result<JsonFile> mentions = JsonFile::Load(dir + "mentions.json", dir + "mentions.schema.json");
  if (!mentions.ok()) return mentions.status();
  Result<JsonFile> relations =
      JsonFile::Load(dir + "relations.json", dir + "relations.schema.json");
  if (!relations.ok()) return relations.status();
  ExtractionLexicon lex;
  // The schemas guarantee the shapes read below.
  lex.fr.mentions = ReadMentions(mentions->doc()["fr"]);
  lex.en.mentions = ReadMentions(mentions->doc()["en"]);
  lex.fr.relations = ReadRelations(relations->doc()["fr"]);
  lex.en.relations = ReadRelations(relations->doc()["en"]);
  for (const LanguageLexicon* l : {&lex.fr, &lex.en}) {
    const char* code = l == &lex.fr ? "fr" : "en";
    for (size_t i = 0; i < l->relations.triggers.size(); ++i) {
      const TriggerDef& t = l->relations.triggers[i];
      for (size_t j = 0; j < i; ++j) {
        if (l->relations.triggers[j].id == t.id) {
          return Status::InputError(
              relations->Where("/" + std::string(code) + "/triggers/" + std::to_string(i) + "/id") +
              ": duplicate trigger id '" + t.id + "'");
        }
      }
    }
  }
  return lex;
}

}  // namespace newsgraph
