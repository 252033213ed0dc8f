// Article and Extraction: what goes into the extractor and what comes out.
//
// Plain data, no behaviour: the pipeline reads files into Articles, the
// extractor turns one Article into one Extraction, and the pipeline builds the
// graph from Extractions. Every position is a half-open byte span into
// Article::text exactly as read (before any normalisation).
#ifndef NEWSGRAPH_EXTRACT_ARTICLE_H_
#define NEWSGRAPH_EXTRACT_ARTICLE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace newsgraph {

struct Article {
  std::string id;     // unique within a run: given, or derived from the file name
  std::string title;  // .txt: the first line; may be empty
  // What is extracted, and what every byte offset refers to: a .txt file's
  // whole content (its title line included), a JSON Lines record's "text".
  // Valid UTF-8 (checked by the reader).
  std::string text;
  std::string date;  // ISO "YYYY-MM-DD" when given, else ""
  std::string url;
  std::string lang;    // "fr", "en", or "" for automatic detection
  std::string source;  // where it came from, for messages: "file.jsonl:12"
};

// An entity the article mentions, resolved to its stable node id.
struct ExtractedEntity {
  std::string id;                    // ASCII NMTOKEN node id (gazetteer id or category_slug)
  std::string category;              // ontology category
  std::string label;                 // display name (the gazetteer's, or the best surface form)
  std::string wikidata;              // "" when unknown
  std::string iso3;                  // countries only
  std::string date;                  // events: ISO date when known
  std::vector<std::string> aliases;  // distinct surface forms seen, in text order
  int64_t mention_count = 0;         // mentions in this article
};

// One relation stated by one sentence.
struct ExtractedRelation {
  std::string source_id;
  std::string relation;  // ontology relation name
  std::string target_id;
  std::string sentence;  // the sentence, from the original text
  uint64_t begin = 0;    // sentence span in Article::text
  uint64_t end = 0;
  std::string rule;         // id of the rule (or lexicon entry) that fired
  std::string modality;     // asserted | negated | intended | hypothetical
  std::string reported_by;  // entity id of a cited source, or ""
};

struct Extraction {
  std::string article_id;
  std::string lang;                          // detected or given
  std::string date;                          // given, or found in the text, or ""
  std::vector<ExtractedEntity> entities;     // sorted by id, one per id
  std::vector<ExtractedRelation> relations;  // in text order
  std::vector<std::string> warnings;         // non-fatal, already located
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_ARTICLE_H_
