// Entity mentions of one sentence, and the article's table of entities.
//
//   EntityTable table(&gazetteer);
//   SentenceMentions m;
//   FindMentions(ctx, tokens, &table, &m);   // gazetteer names, demonyms, capitals,
//                                            // groups, people, organisations,
//                                            // places, events and forums, anaphors
//   for (const Mention& x : m.mentions) if (x.kind == MentionKind::kEntity) Use(x.entity);
//
// Unknown entities get ids `<category>_<ascii slug of the English-or-source
// name>` (events: + "_" + date), so the same name gives the same id in every
// article. Anaphors (pronouns, "les ministres", "le sommet") are found here and
// resolved by coreference.h. Internal to the extract module; one EntityTable
// per Extract() call (not shared between threads).
#ifndef NEWSGRAPH_EXTRACT_MENTIONS_H_
#define NEWSGRAPH_EXTRACT_MENTIONS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsgraph/extract/article.h"
#include "newsgraph/extract/lexicon_index.h"
#include "newsgraph/schema/gazetteer.h"
#include "newsgraph/text/dates.h"

namespace newsgraph {

// An entity of the article being extracted, with what coreference needs.
struct EntityRecord {
  ExtractedEntity entity;
  const GazetteerEntry* gazetteer = nullptr;
  // Events and forums.
  std::string head_en;  // "Dialogue", "terrorist attack"
  EventKind kind = EventKind::kMeeting;
  int forum = -1;  // events: the forum it is an edition of
  int ordinal = 0;
  std::vector<std::vector<int>> participants;  // conjuncts of entity indices
  // People: the country their title names ("le ministre irakien des
  // Ressources en eau, Haidar al-Janabi", "Indian Minister Rajeev Menon").
  int affiliation = -1;
  bool dropped = false;     // not output: folded into another record, or unrelated
  bool named_area = false;  // sectors: named by an area marker ("dans le domaine de")
  bool withdrawn = false;   // every mention was part of another name
};

// Whether an event noun's English head names a visit ("State Visit").
inline bool IsVisitHead(std::string_view head_en) { return head_en.ends_with("Visit"); }

class EntityTable {
 public:
  explicit EntityTable(const Gazetteer* gazetteer) : gazetteer_(gazetteer) { records_.reserve(64); }

  int Intern(const GazetteerEntry& entry);
  // An entity not in the gazetteer; `label` is its display name.
  int InternNew(const std::string& id, const std::string& category, const std::string& label);
  // A dated occurrence named `name` ("4th India-Central Asia Dialogue", date
  // "" when unknown): id "event_" + the slugs of name and date, label "name
  // (date)"; the same record for the same name and date.
  int InternEvent(const std::string& name, const std::string& iso);
  // An undated event dated at last (a headline's edition the body dates):
  // its label gains the date, its id stays. Nothing when dated or iso is "".
  void DateEvent(int i, const std::string& iso);
  int Find(std::string_view id) const;
  // The event that is edition `ordinal` of `forum`, or -1.
  int FindEditionOf(int forum, int ordinal) const;
  size_t size() const { return records_.size(); }
  EntityRecord& at(int i) { return records_[i]; }
  const EntityRecord& at(int i) const { return records_[i]; }
  // Counts one explicit mention with its surface form (from the original text).
  void AddMention(int i, std::string_view surface);
  // Takes back one mention found to be part of another name ("Lao" of "Lao
  // Cai province"): an entity left with none is dropped unless a relation
  // names it (DropUnrelated).
  void WithdrawMention(int i);
  // Acronyms an article defines ("... (ONEE)") and the entity each names.
  void AddAcronym(std::string_view acronym, int i) { acronyms_.emplace(acronym, i); }
  bool HasAcronyms() const { return !acronyms_.empty(); }
  int FindAcronym(std::string_view acronym) const {
    auto it = acronyms_.find(std::string(acronym));
    return it == acronyms_.end() ? -1 : it->second;
  }
  // Region members as entity indices (interned), or empty.
  std::vector<int> Members(int region);
  const Gazetteer& gazetteer() const { return *gazetteer_; }
  // An undated event (a headline's "Coup d'État au Tchad") whose kind and
  // head noun match exactly one dated event of the article is that event:
  // its mentions join the dated one and `relations` are rewritten to it. An
  // undated numbered edition ("the 69th Summit of Mercosur") and the one
  // dated meeting of its kind and head that no forum claims ("a two-day
  // summit in Asunción on December 4, 2026") are one too: the edition takes
  // the date. Call once, after the last sentence.
  void FoldUndatedEvents(std::vector<ExtractedRelation>* relations);
  // A dated edition of a forum is named by the forum and the date, whatever
  // the article calls it ("4th India-Central Asia Dialogue" or "the
  // India-Central Asia Dialogue on 6 June 2025"): event_ + the forum's id
  // without forum_ + the date, so that articles giving its ordinal and
  // articles not giving it name one node. Its label stays. `relations` are
  // rewritten to the new ids. Call once, after FoldUndatedEvents.
  void NameEditionsByForum(std::vector<ExtractedRelation>* relations);
  // Sectors are areas of cooperation, concern or dependence: one that no
  // relation of the article names and no area marker introduces is no node
  // ("le ministre de l'Agriculture" names a portfolio); nor is an entity
  // whose every mention was withdrawn. Call once, after FoldUndatedEvents.
  void DropUnrelated(const std::vector<ExtractedRelation>& relations);
  // Entities sorted by id, moved out of the records: call once, last.
  std::vector<ExtractedEntity> Finish();

 private:
  const Gazetteer* gazetteer_;
  std::vector<EntityRecord> records_;
  // The record of a gazetteer entry, or -1; records it as `record`.
  int FindEntry(const GazetteerEntry* entry) const;
  void AddEntry(const GazetteerEntry* entry, int record);
  // The record Intern made with this id, or -1.
  int FindGazetteerId(std::string_view id) const;

  // Records by gazetteer entry (Intern): open addressing on the entry's
  // address, at most half full (a few tens per article: one allocation, no
  // node per record). Free slots hold a null entry.
  std::vector<std::pair<const GazetteerEntry*, int>> by_entry_;
  size_t entry_count_ = 0;
  int entry_shift_ = 64;  // 64 - log2(by_entry_.size())
  // Records by id for those InternNew made: a gazetteer record's id is
  // compared only when an InternNew id may be it.
  std::unordered_map<std::string, int> new_ids_;
  std::unordered_map<std::string, int> acronyms_;
};

enum class MentionKind {
  kEntity,           // a named entity (also demonyms and capitals as the country)
  kGroup,            // "les pays d'Asie centrale": members of a region
  kPronoun,          // "elle", "ils", "they"
  kParticipants,     // "les ministres", "the participants"
  kGroupAnaphor,     // "ces pays", "the two countries", "les Cinq"
  kEventRef,         // an event or forum, named here or referred to ("le sommet")
  kResourceAnaphor,  // "ces ressources", "certains éléments"
  kOrgAnaphor,       // "le bloc", "the organisation": the last organisation
};

struct Mention {
  uint32_t begin = 0;  // token indices in the sentence, half-open
  uint32_t end = 0;
  MentionKind kind = MentionKind::kEntity;
  int entity = -1;           // kEntity, kGroup (the region; -1 for "ministers from A and B"),
                             // kEventRef (-1: unresolved)
  std::vector<int> members;  // kGroup
  bool plural = false;
  bool feminine = false;
  bool masculine = false;
  bool in_name = false;    // part of a larger name: never an argument
  bool demonym = false;    // kEntity found as a demonym ("chinois", "Malaysian")
  bool new_event = false;  // kEventRef: introduced here, not an anaphor
  int count = 0;           // "les cinq pays": 5
  std::string head_en;     // kEventRef anaphors: head noun to match
  EventKind event_kind = EventKind::kMeeting;
  uint32_t head_token = 0;  // kEventRef: first token of the event noun
};

struct DateSpan {
  uint32_t begin = 0;  // token indices
  uint32_t end = 0;
  std::string iso;
};

struct SentenceMentions {
  std::vector<Mention> mentions;  // in text order
  std::vector<DateSpan> dates;
  std::vector<std::pair<int, int>> member_of;  // (country, region) from explicit listings
};

struct MentionContext {
  const LexiconIndex* index = nullptr;
  Lang lang = Lang::kFr;
  std::string_view normalized;  // Normalize()d article text
  std::string_view original;    // Article::text
  const MappedText* norm = nullptr;
};

// Whether a lower-case word looks like a past participle ("prévu",
// "organisées", "réunis", "scheduled"): after a comma it opens a reduced
// relative clause.
bool LooksLikeParticiple(std::string_view word);

// Finds the mentions of one sentence; new entities are added to *table.
// `dates` are the article's date mentions (spans in the normalised text).
void FindMentions(const MentionContext& ctx, const SentenceTokens& s,
                  const std::vector<DateMention>& dates, EntityTable* table, SentenceMentions* out);

// "India-Central Asia Dialogue" -> "india_central_asia_dialogue": folded,
// ASCII letters and digits, other runs as one '_'.
std::string Slug(std::string_view name);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_MENTIONS_H_
