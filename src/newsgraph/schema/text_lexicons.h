// Loading the text layer's lexicons from graph_schemas/lexicons/.
//
//   Result<TextLexicons> lex = LoadTextLexicons(schema_dir);
//   if (!lex.ok()) return lex.status();
//   SentenceSplitter splitter(lex->abbreviations);
//   DateFinder dates(lex->dates);
//   LanguageDetector detector(lex->stopwords);
//
// Reads lexicons/abbreviations.json, lexicons/dates.json and
// lexicons/stopwords.json under `schema_dir`, each validated against its
// JSON Schema (lexicons/<name>.schema.json). Errors point into the file
// ("…/dates.json:12:5: /fr/months: expected 12 entries"). Pure function; the
// result is a plain value.
#ifndef NEWSGRAPH_SCHEMA_TEXT_LEXICONS_H_
#define NEWSGRAPH_SCHEMA_TEXT_LEXICONS_H_

#include <string>

#include "newsgraph/base/status.h"
#include "newsgraph/text/dates.h"
#include "newsgraph/text/language.h"
#include "newsgraph/text/sentence_splitter.h"

namespace newsgraph {

struct TextLexicons {
  AbbreviationLexicon abbreviations;
  DateLexicon dates;
  StopwordLexicon stopwords;
};

Result<TextLexicons> LoadTextLexicons(const std::string& schema_dir);

}  // namespace newsgraph

#endif  // NEWSGRAPH_SCHEMA_TEXT_LEXICONS_H_
