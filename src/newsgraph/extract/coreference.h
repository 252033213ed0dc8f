// Coreference: turns the mentions of a sentence into argument phrases whose
// entities are resolved (pronouns, "les ministres", "ces pays", "le sommet",
// "ces ressources", group expressions), with coordination ("l'Inde et les
// cinq pays d'Asie centrale") kept as conjuncts.
//
//   Discourse d;                                   // one per article
//   SentenceArgs args;
//   ResolveSentence(ctx, tokens, mentions, &table, d, &args);
//   ... relations ...
//   UpdateDiscourse(tokens, mentions, args, table, &d);  // after the sentence
//
// Antecedents are the most recent compatible ones: "elle" the last feminine
// singular subject, "ils"/"they" the last plural subject (else the current
// meeting's participants), "les participants" the current meeting's
// participants, "le sommet" the last event with that head noun (else the
// current meeting). Internal to the extract module; not thread-safe (one per
// Extract call).
#ifndef NEWSGRAPH_EXTRACT_COREFERENCE_H_
#define NEWSGRAPH_EXTRACT_COREFERENCE_H_

#include <string_view>
#include <vector>

#include "newsgraph/extract/lexicon_index.h"
#include "newsgraph/extract/mentions.h"

namespace newsgraph {

struct Discourse {
  std::vector<std::vector<int>> last_plural;  // conjuncts of the last plural subject
  int last_feminine = -1;
  int last_masculine = -1;
  int last_singular = -1;
  int last_organization = -1;  // the most recent organisation mentioned
  int current_event = -1;      // the meeting being reported
  std::vector<int> last_resources;
  std::vector<int> events;               // events and forums, in order of mention
  std::vector<std::vector<int>> groups;  // member lists of groups seen
  std::vector<int> recent_countries;     // countries named, least recent first
};

// One argument: a coordination of resolved mentions.
struct ArgPhrase {
  uint32_t begin = 0;  // token span
  uint32_t end = 0;
  std::vector<std::vector<int>> conjuncts;  // entity indices per conjunct
  int governor = -1;                        // token index of the governing preposition, or -1
  int event = -1;                           // the event/forum when the phrase refers to one
  bool participants = false;                // resolved to a meeting's participants
  bool plural = false;
  bool feminine = false;
  bool masculine = false;
  std::vector<int> mentions;  // indices into SentenceMentions::mentions
};

struct SentenceArgs {
  std::vector<ArgPhrase> phrases;  // in text order
  int subject = -1;                // the first phrase not governed by a preposition
  // First tokens of ungoverned anaphors that name no one here ("les
  // dirigeants" with no meeting's participants known, "il" with no
  // antecedent): no phrase, but a subject all the same, which an earlier
  // phrase must not stand in for.
  std::vector<uint32_t> unresolved;
};

void ResolveSentence(const LanguageIndex& li, std::string_view normalized, const SentenceTokens& s,
                     const SentenceMentions& mentions, EntityTable* table,
                     const Discourse& discourse, SentenceArgs* out);

void UpdateDiscourse(const SentenceMentions& mentions, const SentenceArgs& args,
                     const EntityTable& table, Discourse* discourse);

// Conjuncts of entity indices flattened, in order, without duplicates.
std::vector<int> Flatten(const std::vector<std::vector<int>>& conjuncts);
// The same into *out, which is cleared first: a caller that keeps the buffer
// across calls allocates only when it grows.
void FlattenInto(const std::vector<std::vector<int>>& conjuncts, std::vector<int>* out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_COREFERENCE_H_
