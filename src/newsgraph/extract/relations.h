// Relations of one sentence: trigger words with argument frames (from
// lexicons/relations.json), structural rules (held_in, located_in, member_of,
// edition_of, participates_in of a named meeting), modality and source.
//
//   FindRelations(ctx, tokens, mentions, args, discourse, &table, &state, &out);
//
// Each relation records the sentence (from the original text), its byte span
// in Article::text, the rule that fired (a trigger id such as
// "fr.depends_on", or "held_in.locative", ...), its modality (asserted,
// negated, intended, hypothetical) and reported_by ("selon X"). Relations the
// ontology does not allow between the two categories are dropped. Internal to
// the extract module; one ArticleRelationState per Extract call.
#ifndef NEWSGRAPH_EXTRACT_RELATIONS_H_
#define NEWSGRAPH_EXTRACT_RELATIONS_H_

#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "newsgraph/extract/article.h"
#include "newsgraph/extract/coreference.h"
#include "newsgraph/extract/lexicon_index.h"
#include "newsgraph/extract/mentions.h"
#include "newsgraph/schema/ontology.h"

namespace newsgraph {

struct RelationContext {
  const LexiconIndex* index = nullptr;
  const Ontology* ontology = nullptr;
  Lang lang = Lang::kFr;
  std::string_view normalized;
  std::string_view original;
  const MappedText* norm = nullptr;
};

// What must not be stated twice in one article (located_in from the gazetteer).
struct ArticleRelationState {
  std::set<std::tuple<int, std::string, int>> structural;
  // Events already placed by a sentence: a meeting is held in one place,
  // the first the article gives ("the forum ... in Tbilisi" later names
  // somewhere else).
  std::set<int> placed;
  // Ontology relations the fixed rules emit, looked up on the first sentence.
  bool relations_found = false;
  const RelationDef* concerns = nullptr;
  const RelationDef* member_of = nullptr;
  const RelationDef* edition_of = nullptr;
  const RelationDef* participates_in = nullptr;
  const RelationDef* held_in = nullptr;
  const RelationDef* supports = nullptr;
  const RelationDef* located_in = nullptr;
};

void FindRelations(const RelationContext& ctx, const SentenceTokens& s,
                   const SentenceMentions& mentions, const SentenceArgs& args,
                   const Discourse& discourse, EntityTable* table, ArticleRelationState* state,
                   std::vector<ExtractedRelation>* out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_RELATIONS_H_
