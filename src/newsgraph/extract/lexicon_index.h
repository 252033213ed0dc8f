// LexiconIndex: the extractor's lexicons and gazetteer compiled into token
// automata, and TokenizeSentence, which turns one sentence into the token
// keys those automata read.
//
//   Result<LexiconIndex> index = LexiconIndex::Build(lexicon, gazetteer, ontology);
//   SentenceTokens s;  TokenizeSentence(*index, Lang::kFr, norm.text, span, &s);
//   if (s.tokens[i].cues & CueBit(Cue::kPreposition)) ...
//
// Three key spaces per token: `lower` (lower-case, accents kept: function
// words, "à" != "a"), `fold` (no case, no accents: gazetteer names) and `stem`
// (Snowball stem of the folded word: relation triggers, modality verbs).
// Internal to the extract module. Immutable after Build: const methods are
// safe from many threads (stemmers and the token key cache are per thread).
//
// Speed: TokenizeSentence looks each token's text up in a per-thread cache
// (token text -> lower, fold and stem keys and cues), so a word seen before
// costs one hash of its bytes; only new words are lower-cased, folded and
// stemmed. The cache holds pure functions of the text, so results do not
// depend on what a thread extracted before.
#ifndef NEWSGRAPH_EXTRACT_LEXICON_INDEX_H_
#define NEWSGRAPH_EXTRACT_LEXICON_INDEX_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "newsgraph/base/status.h"
#include "newsgraph/extract/matcher.h"
#include "newsgraph/schema/extraction_lexicon.h"
#include "newsgraph/schema/gazetteer.h"
#include "newsgraph/schema/ontology.h"
#include "newsgraph/text/dates.h"
#include "newsgraph/text/language.h"
#include "newsgraph/text/mapped_text.h"
#include "newsgraph/text/tokenizer.h"

namespace newsgraph {

// What a phrase of mentions.json / relations.json is (the payload of the
// phrase automaton is Cue << 24 | index into the cue's list).
enum class Cue : uint8_t {
  kTitle,
  kByline,
  kOrgHead,
  kLocHead,
  kEventNoun,
  kEditionNoun,
  kOrdinal,
  kNumberWord,
  kGroupNoun,
  kParticipantAnaphor,
  kGroupAnaphor,
  kPronoun,
  kResourceAnaphor,
  kDeterminer,
  kDemonstrative,
  kPreposition,
  kLocPrep,
  kConjunction,
  kBetween,
  kBoundary,
  kFemArticle,
  kMascArticle,
  kConnector,
  kAdverb,
  kObjectPrep,
  kNegation,
  kNegParticle,
  kNegWord,
  kReporting,
  kPassiveAux,
  kAgentPrep,
  kOrgAnaphor,
  kMemberList,      // "parmi lesquels", "including"
  kReportingVerb,   // "a déclaré", "said"
  kRelative,        // "qui", "which": opens a relative clause after a comma
  kReason,          // "en raison de", "over": a trigger's objects end there
  kEndMarker,       // "jusqu'à", "until": the date after it ends something
  kDelegate,        // "délégations", "representatives": stand for a country
  kLikewise,        // "as did", "tout comme": another subject follows
  kSoCalled,        // "called", "a qualifié de": the object follows
  kPossessive,      // "its", "ses": the possessor is named earlier
  kFreeRelative,    // "what", "ce que": the object is named by a so_called verb
  kJoinLink,        // "in", "pour": links a joining to the act joined in
  kCoActor,         // "joined", "s'est joint à": the one joined acts too
  kPlaceNoun,       // "ville", "city": the name of a place follows
  kMemberRelative,  // "dont", "of which", "whose": members of the organisation before
  kIndefinite,      // "une", "a": what follows is introduced here
  kSince,           // "depuis", "since": before a year, an ordinal counts
};
constexpr uint64_t CueBit(Cue c) { return uint64_t{1} << static_cast<int>(c); }
constexpr uint32_t CuePayload(Cue c, uint32_t index) {
  return (static_cast<uint32_t>(c) << 24) | index;
}
constexpr Cue PayloadCue(uint32_t payload) { return static_cast<Cue>(payload >> 24); }
constexpr uint32_t PayloadIndex(uint32_t payload) { return payload & 0xFFFFFFu; }

// What a stem phrase is.
enum class StemCue : uint8_t { kTrigger, kIntention, kHypothetical, kPresupposing };

// One gazetteer name as the matcher sees it.
struct IndexedName {
  const GazetteerEntry* entry = nullptr;
  NameKind kind = NameKind::kName;
  bool case_sensitive = false;
  std::string normalized;  // for case-sensitive names: the exact text to compare
  // The language the name is written in, when it has one ("or" is French):
  // in an article of the other language only a capitalised occurrence is
  // the name, a lower-case one is a word of that language ("gold or oil").
  std::optional<Lang> lang;
};

struct TokenInfo {
  Token token;              // span in the normalised text
  uint32_t lower = kNoKey;  // id in LexiconIndex::lower_words
  uint32_t fold = kNoKey;   // id in LexiconIndex::folded_words
  uint32_t stem = kNoKey;   // id in LexiconIndex::stem_words
  uint64_t cues = 0;        // CueBit()s of the one-token phrases it is
  uint64_t first_cues = 0;  // CueBit()s of the phrases that start with it
  // gazetteer().Child(0, fold): the trie node of the gazetteer names that
  // start with this token, 0 when none does (most tokens). Start a name walk
  // here instead of at the root.
  uint32_t gazetteer_node = 0;
  // phrases.Child(0, lower) of the token's language: the same for the
  // lexicon phrases (LongestPhraseAt starts there).
  uint32_t phrase_node = 0;
  // stems.Child(0, stem) of the token's language: the same for the stem
  // phrases (triggers, modality verbs; Matcher::FindAllFrom starts there).
  uint32_t stem_node = 0;
  // DateFinder::KeyOf the token, when the index has a date finder
  // (UseDateFinder); empty otherwise.
  DateFinder::TokenKey date;
};

// The tokens of one sentence with their keys (buffers reused across calls).
struct SentenceTokens {
  Span span;  // in the normalised text
  std::vector<TokenInfo> tokens;
  // The tokens' cues and first_cues or'ed together: a pass looking for a cue
  // the sentence lacks can be skipped whole.
  uint64_t cues = 0;
  uint64_t first_cues = 0;
  std::vector<uint32_t> lower_keys, fold_keys, stem_keys;  // parallel to tokens
  std::vector<Token> raw;
  std::string scratch, stem_scratch;
};

struct LanguageIndex {
  const LanguageLexicon* lexicon = nullptr;
  Matcher phrases;                        // over lower keys; payload CuePayload()
  Matcher stems;                          // over stem keys; payload StemCue << 24 | trigger index
  std::vector<std::string> object_preps;  // kObjectPrep index -> phrase
  std::vector<std::vector<uint32_t>> trigger_preps;  // trigger -> kObjectPrep indices
  std::vector<const RelationDef*> trigger_relation;  // trigger -> ontology relation
  // trigger -> lower keys of its "exclude" words: a stem match on one of these
  // tokens is not the trigger ("critical" vs "criticize").
  std::vector<std::unordered_set<uint32_t>> trigger_excludes;
  std::unordered_set<uint32_t> stem_prefixes;         // first 3 bytes of trigger stems
  std::unordered_map<uint32_t, uint64_t> first_cues;  // lower key -> cues of phrases it starts
  std::vector<uint64_t> node_cues;                    // phrases node -> CueBit()s of its payloads
  // Lower keys of each statement noun ("communiqué", "press conference"). Not
  // a cue: the passes that take a word no lexicon knows for part of a name or
  // a plain word must go on seeing these as plain.
  std::vector<std::vector<uint32_t>> statement_nouns;
};

class LexiconIndex {
 public:
  // Compiles `lexicon` and `gazetteer` (both must outlive the index). Errors:
  // a trigger naming a relation the ontology lacks.
  static Result<LexiconIndex> Build(const ExtractionLexicon& lexicon, const Gazetteer& gazetteer,
                                    const Ontology& ontology);

  const LanguageIndex& ForLang(Lang lang) const { return lang == Lang::kEn ? en_ : fr_; }
  const Matcher& gazetteer() const { return gazetteer_; }
  const std::vector<IndexedName>& names() const { return names_; }

  // Makes TokenizeSentence fill TokenInfo::date from `dates` (which
  // must outlive the index), so the date finder can read the sentences'
  // tokens instead of the text. Not thread-safe: call before extracting.
  void UseDateFinder(const DateFinder* dates);

  // Fills *out with the tokens of normalized[span) and their keys.
  void TokenizeSentence(Lang lang, std::string_view normalized, Span span,
                        SentenceTokens* out) const;
  // The same for a caller that has tokenised the sentence already: `tokens`
  // are Tokenize(normalized, span)'s (they must outlive *out's use; the
  // sentence's raw buffer is not filled). When `date_keys` is not null,
  // date_keys[i] receives tokens i's TokenInfo::date.
  void TokenizeSentence(Lang lang, std::string_view normalized, Span span,
                        std::span<const Token> tokens, SentenceTokens* out,
                        DateFinder::TokenKey* date_keys) const;

  // Keys of a phrase written in a lexicon (tokenised like text).
  std::vector<uint32_t> LowerKeys(std::string_view phrase);
  std::vector<uint32_t> FoldKeys(std::string_view phrase);
  std::vector<uint32_t> StemKeys(Lang lang, std::string_view phrase);

 private:
  Status BuildLanguage(Lang lang, const LanguageLexicon& lex, const Ontology& ontology,
                       LanguageIndex* out);
  uint32_t StemKeyOf(Lang lang, std::string_view folded, std::string* scratch) const;
  // TokenizeSentence's work once the tokens are known.
  void KeyTokens(Lang lang, std::string_view normalized, Span span,
                 std::span<const Token> raw_tokens, SentenceTokens* out,
                 DateFinder::TokenKey* date_keys) const;
  // Fills the keys and cues of a token the per-thread cache has not seen.
  void ComputeKeys(Lang lang, std::string_view text, TokenKind kind, SentenceTokens* scratch,
                   TokenInfo* info) const;

  Vocabulary lower_words_, folded_words_, stem_words_;
  Matcher gazetteer_;  // over fold keys; payload = index in names_
  std::vector<IndexedName> names_;
  LanguageIndex fr_, en_;
  const DateFinder* dates_ = nullptr;
  uint64_t cache_id_ = 0;  // names this index in the per-thread token cache
};

// The phrase walk of LongestPhraseAt once token i can start a phrase with
// `cue` (an internal detail; call LongestPhraseAt).
size_t LongestPhraseFrom(const LanguageIndex& li, const SentenceTokens& s, size_t i, Cue cue,
                         uint32_t* index);

// End of the longest lexicon phrase with `cue` that starts at token i of `s`
// (0 if none). When `index` is given it receives the phrase's index in its
// lexicon list. Allocation-free; used by the mention and relation passes.
// Inline: most tokens start no phrase with `cue`, which one bit test tells.
inline size_t LongestPhraseAt(const LanguageIndex& li, const SentenceTokens& s, size_t i, Cue cue,
                              uint32_t* index = nullptr) {
  if (i >= s.tokens.size() || !(s.tokens[i].first_cues & CueBit(cue))) return 0;
  return LongestPhraseFrom(li, s, i, cue, index);
}

// Lower-cases ASCII and Latin-1 capitals, keeping accents; appends to *out.
void AppendLower(std::string_view text, std::string* out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_LEXICON_INDEX_H_
