// Extractor: one Article in, one Extraction out (entities with stable ids and
// typed relations with their evidence sentence, rule and modality).
//
//   Result<Extractor> ex = Extractor::Create("graph_schemas");
//   if (!ex.ok()) return ex.status();
//   Result<Extraction> x = ex->Extract(article);   // error: language unknown
//   if (!x.ok()) { ++skipped; Warn(x.status()); }
//
// Create loads everything once: ontology, gazetteer, text lexicons
// (abbreviations, dates, stopwords) and the extractor's lexicons
// (lexicons/mentions.json, lexicons/relations.json), and compiles them into
// token automata. Extract is const and thread-safe: many threads may share one
// Extractor (per-call buffers are local or per thread, as are stemmers). The same
// article always gives the same Extraction.
#ifndef NEWSGRAPH_EXTRACT_EXTRACTOR_H_
#define NEWSGRAPH_EXTRACT_EXTRACTOR_H_

#include <memory>
#include <string>

#include "newsgraph/base/status.h"
#include "newsgraph/extract/article.h"

namespace newsgraph {

class Ontology;
class Gazetteer;

class Extractor {
 public:
  // Errors name the data file at fault ("…/relations.json:12:5: …").
  static Result<Extractor> Create(const std::string& schema_dir);

  // Extracts one article. Article::lang "" means detect; an article whose
  // language is neither French nor English is an InputError naming the
  // article (its source, else its id), so the caller can skip and count it.
  // Article::date "" means: a dateline's date, else the first full date
  // written in the text; bare weekdays then count from that date (the one
  // nearest it when it is in the first paragraph or their own, else the next
  // one: the story is told in the week after it).
  Result<Extraction> Extract(const Article& article) const;

  const Ontology& ontology() const;
  const Gazetteer& gazetteer() const;

 private:
  struct State;
  explicit Extractor(std::shared_ptr<const State> state) : state_(std::move(state)) {}
  std::shared_ptr<const State> state_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_EXTRACTOR_H_
