// ExtractionLexicon: the extractor's word lists (mention cues and relation
// triggers), loaded from graph_schemas/lexicons/{mentions,relations}.json.
//
//   Result<ExtractionLexicon> lex = LoadExtractionLexicon("graph_schemas");
//   if (!lex.ok()) return lex.status();       // "…/relations.json:12:5: …"
//   for (const TriggerDef& t : lex->fr.relations.triggers) Use(t.relation);
//
// Both files are validated against their JSON Schemas
// (lexicons/<name>.schema.json); each trigger's relation must be a name of the
// ontology (checked by the extractor, which knows the Ontology). Phrases are
// kept as written (NFC UTF-8); folding and stemming are the extractor's job.
// Plain values: copyable, no synchronisation.
#ifndef NEWSGRAPH_SCHEMA_EXTRACTION_LEXICON_H_
#define NEWSGRAPH_SCHEMA_EXTRACTION_LEXICON_H_

#include <string>
#include <vector>

#include "newsgraph/base/status.h"

namespace newsgraph {

struct NumberedPhrase {
  std::string text;
  int value = 0;
};

struct LocationHead {
  std::string text;  // "hub"
  std::string en;    // English form used in node names: "hub"
};

// kAgreement: a signed agreement, partnership or treaty; an event of its own
// only when dated in its sentence ("ont signé lundi 9 mars 2026 un accord").
enum class EventKind { kMeeting, kIncident, kMeasure, kAgreement };

struct EventNoun {
  std::string text;  // "dialogue ministériel"
  std::string en;    // English name part: "Dialogue"
  EventKind kind = EventKind::kMeeting;
};

struct PronounDef {
  std::string text;
  std::string gender;  // "", "feminine", "masculine"
  bool plural = false;
};

// graph_schemas/lexicons/mentions.json, one language.
struct MentionLexicon {
  std::vector<std::string> person_titles;
  std::vector<std::string> byline_markers;
  std::vector<std::string> organization_heads;
  std::vector<LocationHead> location_heads;
  std::vector<EventNoun> event_nouns;
  std::vector<std::string> edition_nouns;
  std::vector<NumberedPhrase> ordinals;
  std::vector<NumberedPhrase> number_words;
  std::vector<std::string> group_nouns;
  std::vector<std::string> participant_anaphors;
  std::vector<std::string> group_anaphors;
  // "le bloc", "the organisation": the most recent organisation entity.
  std::vector<std::string> organization_anaphors;
  std::vector<PronounDef> pronouns;
  std::vector<std::string> resource_anaphors;
  std::vector<std::string> determiners;
  std::vector<std::string> demonstratives;
  std::vector<std::string> prepositions;
  std::vector<std::string> locative_prepositions;
  std::vector<std::string> conjunctions;
  std::vector<std::string> between;
  std::vector<std::string> clause_boundaries;
  // Subject relative pronouns ("qui", "which"): a clause they open after a
  // comma describes the phrase before it and closes at the next comma.
  std::vector<std::string> relative_pronouns;
  // "jusqu'à", "until": the date after them ends something ("qui réunit
  // jusqu'à mercredi"), it does not date a meeting.
  std::vector<std::string> end_markers;
  // "ville", "city": a kind of place whose name follows ("the Kazakh city of
  // Aktobe", "la ville de Kandi"); never part of the name.
  std::vector<std::string> place_nouns;
  std::vector<std::string> feminine_articles;
  std::vector<std::string> masculine_articles;
  // "une", "a": a noun after one introduces something new ("Arrivé lundi à
  // Hanoï pour une visite d'État").
  std::vector<std::string> indefinite_articles;
  // "depuis", "since": before a year, an ordinal counts occurrences ("la
  // première visite ... depuis 2018" names no first edition).
  std::vector<std::string> since_markers;
  std::vector<std::string> statement_nouns;
  std::vector<std::string> name_connectors;
  std::vector<std::string> adverbs;
};

enum class TriggerKind { kVerb, kNoun, kMarker };

// One trigger entry of relations.json: forms that state `relation`, and how
// its arguments are found.
struct TriggerDef {
  std::string id;        // rule id recorded on each relation: "fr.depends_on"
  std::string relation;  // ontology relation name
  TriggerKind kind = TriggerKind::kNoun;
  std::vector<std::string> forms;         // matched on stems of folded words
  std::vector<std::string> object_preps;  // phrases that may introduce the object
  // Folded single words whose stem equals a form's but which do not state the
  // relation ("critical" for "criticize"): a match on such a word is dropped.
  std::vector<std::string> exclude;
  bool direct_object = false;    // the object may follow without a preposition
  bool reciprocal = false;       // conjoined subjects relate to each other
  bool inverse = false;          // the object is the source, the subject the target
  bool all_actors = false;       // every actor (subject and object) is a source
  bool source_is_event = false;  // "source": "event" (the sentence's event)
  std::string target_fallback;   // "", "current_event", "recent_resource"
};

// graph_schemas/lexicons/relations.json, one language.
struct RelationLexicon {
  std::vector<TriggerDef> triggers;
  std::vector<std::string> negations;           // negate on their own
  std::vector<std::string> negation_particles;  // "ne": negate with a negation word
  std::vector<std::string> negation_words;      // "pas"
  std::vector<std::string> intentions;
  std::vector<std::string> hypotheticals;
  std::vector<std::string> presupposing;  // "réduire la dépendance": the relation holds
  std::vector<std::string> reporting;     // "selon", "according to"
  std::vector<std::string> passive_auxiliaries;
  std::vector<std::string> agent_prepositions;
  // "parmi lesquels", "including": after "membres" / "member states", the
  // members named one by one.
  std::vector<std::string> member_lists;
  // "a déclaré", "said": after a comma, the phrase they take only reports
  // ("..., India said" is India's account, not India's act).
  std::vector<std::string> reporting_verbs;
  // "en raison de", "over": what follows is why, so no object of the
  // trigger before it ("sanctions on Iran over the transfer of missiles to
  // Russia").
  std::vector<std::string> reasons;
  // "délégations", "representatives": people who stand for the country in
  // their complement ("Delegations from Egypt and Morocco attended").
  std::vector<std::string> delegates;
  // "its", "ses": before a noun trigger, its actor is named earlier, and
  // not by an adjective ("Canada added five Iranian entities to its
  // sanctions list").
  std::vector<std::string> possessives;
  // "ce que", "what": a free relative, whose object follows a "so_called"
  // verb.
  std::vector<std::string> free_relatives;
  // "pour", "in": after the one joined, what links the act joined in
  // ("joined India in condemning").
  std::vector<std::string> join_links;
  // "called", "a qualifié de": in "condemned what it called an attack", "a
  // condamné ce que Maurice a qualifié d'acte de piraterie", the object is
  // what follows them, not who named it.
  std::vector<std::string> so_called;
  // "as did", "tout comme": who follows did the same ("China condemned the
  // attack, as did Russia").
  std::vector<std::string> likewise;
  // "joined", "s'est joint à": the one joined acts with the subject ("Pakistan
  // joined India in condemning the attack").
  std::vector<std::string> co_actors;
  // "dont", "of which", "whose": after an organisation and its comma, the
  // members a membership word then states ("la CAN, dont la Bolivie et le
  // Pérou sont membres", "the Andean Community, whose members include Peru").
  std::vector<std::string> member_relatives;
};

struct LanguageLexicon {
  MentionLexicon mentions;
  RelationLexicon relations;
};

struct ExtractionLexicon {
  LanguageLexicon fr;
  LanguageLexicon en;
};

// Reads schema_dir/lexicons/mentions.json and relations.json.
Result<ExtractionLexicon> LoadExtractionLexicon(const std::string& schema_dir);

}  // namespace newsgraph

#endif  // NEWSGRAPH_SCHEMA_EXTRACTION_LEXICON_H_
