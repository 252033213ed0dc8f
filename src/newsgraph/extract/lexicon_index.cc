#include "newsgraph/extract/lexicon_index.h"

#include <libstemmer.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstring>
#include <memory>

#include "newsgraph/text/normalizer.h"
#include "newsgraph/text/string_hash.h"

namespace newsgraph {
namespace {

// Snowball stemmers are not thread-safe: one per thread and language.
struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

sb_stemmer* ThreadStemmer(Lang lang) {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> fr(sb_stemmer_new("french", "UTF_8"));
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> en(sb_stemmer_new("english", "UTF_8"));
  return lang == Lang::kEn ? en.get() : fr.get();
}

uint32_t Prefix3(std::string_view s) {
  uint32_t p = 0;
  for (size_t i = 0; i < 3 && i < s.size(); ++i) p = (p << 8) | static_cast<unsigned char>(s[i]);
  return p;
}

constexpr size_t kShortWord = 3;  // words this short are their own stem

// A fresh id for the per-thread token cache (never 0, never reused).
uint64_t NextCacheId() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

// What TokenizeSentence derives from a token's text (and kind, itself a
// function of the text): a pure function, so it can be cached.
struct TokenKeys {
  uint32_t lower = kNoKey;
  uint32_t fold = kNoKey;
  uint32_t stem = kNoKey;
  uint64_t cues = 0;
  uint64_t first_cues = 0;
  uint32_t gazetteer_node = 0;
  uint32_t phrase_node = 0;
  uint32_t stem_node = 0;
  DateFinder::TokenKey date;
};

// The token cache's hash of `text`, given its PackedHead: HashBytes for a
// token longer than 8 bytes; one of up to 8 bytes (most tokens) is hashed
// from its head with a multiply, its high half folded into the low half
// (the slot) and kept whole in the high half (the tag). The head tells the
// size apart too: a token holds no NUL byte.
inline uint64_t TokenHash(std::string_view text, uint64_t head) {
  if (text.size() > 8) return HashBytes(text);
  const uint64_t h = head * kHashMul;
  return h ^ (h >> 32);
}

// Token text -> TokenKeys, open addressing (linear probing, at most half
// full) over entries whose texts live in one arena. Cleared when it reaches
// kMaxEntries, which bounds its memory (~20 MB) on unbounded vocabularies.
class TokenKeyCache {
 public:
  static constexpr size_t kMaxEntries = size_t{1} << 18;

  struct View;
  // The table as plain pointers, valid until the next Insert or Clear.
  // TokenizeSentence probes through a local View: the cache is thread_local,
  // and through the object itself its members would be reloaded for every
  // token.
  View view() const;

  void Insert(std::string_view text, TokenKind kind, uint64_t hash, uint64_t head,
              const TokenKeys& keys) {
    if (entries_.size() >= kMaxEntries) Clear();
    if (2 * (entries_.size() + 1) > slots_.size()) Grow();
    entries_.push_back({static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(text.size()),
                        kind, head, keys});
    arena_.append(text);
    Place(static_cast<uint32_t>(hash >> 32), hash, static_cast<uint32_t>(entries_.size()));
  }

  void Clear() {
    slots_.clear();
    entries_.clear();
    arena_.clear();
    mask_ = 0;
  }

 private:
  struct Slot {
    uint32_t tag = 0;    // high half of the hash
    uint32_t entry = 0;  // index + 1 in entries_; 0: free
  };
  struct Entry {
    uint32_t offset, size;  // text in arena_
    TokenKind kind;
    uint64_t head;  // PackedHead(text)
    TokenKeys keys;
  };

  void Place(uint32_t tag, uint64_t hash, uint32_t entry) {
    size_t i = hash & mask_;
    while (slots_[i].entry != 0) i = (i + 1) & mask_;
    slots_[i] = {tag, entry};
  }
  void Grow() {
    slots_.assign(slots_.empty() ? 4096 : slots_.size() * 2, Slot());
    mask_ = slots_.size() - 1;
    for (uint32_t k = 0; k < entries_.size(); ++k) {
      const Entry& e = entries_[k];
      const uint64_t hash = TokenHash(std::string_view(arena_.data() + e.offset, e.size), e.head);
      Place(static_cast<uint32_t>(hash >> 32), hash, k + 1);
    }
  }

  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
  std::string arena_;
  size_t mask_ = 0;
};

struct TokenKeyCache::View {
  const Slot* slots = nullptr;  // null when the table is empty
  size_t mask = 0;
  const Entry* entries = nullptr;
  const char* arena = nullptr;

  // `head` is PackedHead(text), `hash` TokenHash(text, head).
  const TokenKeys* Find(std::string_view text, TokenKind kind, uint64_t hash, uint64_t head) const {
    if (slots == nullptr) return nullptr;
    const uint32_t tag = static_cast<uint32_t>(hash >> 32);
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots[i];
      if (slot.entry == 0) return nullptr;
      if (slot.tag != tag) continue;
      const Entry& e = entries[slot.entry - 1];
      if (e.head == head && e.size == text.size() && e.kind == kind &&
          (text.size() <= 8 ||
           EqualBytes(arena + e.offset + 8, text.data() + 8, text.size() - 8))) {
        return &e.keys;
      }
    }
  }
};

TokenKeyCache::View TokenKeyCache::view() const {
  if (slots_.empty()) return View();
  return View{slots_.data(), mask_, entries_.data(), arena_.data()};
}

// The first min(n, 8) bytes of text packed into a word (LoadShort's
// packing), zero-padded. `readable` bytes from text.data() may be read
// (text.size() <= readable): with 8 of them one load and a mask suffice.
inline uint64_t PackedHead(std::string_view text, size_t readable) {
  const size_t n = text.size();
  if (n >= 8 || (readable >= 8 && std::endian::native == std::endian::little)) {
    uint64_t w;
    std::memcpy(&w, text.data(), 8);
    return n >= 8 ? w : w & ((uint64_t{1} << (8 * n)) - 1);
  }
  return LoadShort(text.data(), n);
}

// The calling thread's caches (French, English) and the index they belong to.
struct ThreadTokenCaches {
  uint64_t owner = 0;
  TokenKeyCache by_lang[2];
};

ThreadTokenCaches& TokenCaches() {
  thread_local ThreadTokenCaches caches;
  return caches;
}

// Tokens of a lexicon phrase, tokenised like text. A phrase ending in an
// elided word ("d'", "en matière d'") is tokenised with a letter after it, as
// in text, and that letter dropped.
std::vector<Token> PhraseTokens(std::string_view phrase, MappedText* norm) {
  *norm = Normalize(phrase);
  const bool elided_end = !norm->text.empty() && norm->text.back() == '\'';
  if (elided_end) norm->text.push_back('x');
  std::vector<Token> toks;
  Tokenize(norm->text, {0, static_cast<uint32_t>(norm->text.size())}, &toks);
  if (elided_end && !toks.empty()) toks.pop_back();
  return toks;
}

}  // namespace

void AppendLower(std::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      out->push_back(static_cast<char>(c + 32));
    } else if (c == 0xC3 && i + 1 < text.size()) {
      unsigned char d = static_cast<unsigned char>(text[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d += 0x20;  // À..Þ -> à..þ
      out->push_back(static_cast<char>(c));
      out->push_back(static_cast<char>(d));
      ++i;
    } else if (c == 0xC5 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x92) {  // Œ -> œ
      out->append("\xC5\x93");
      ++i;
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
}

uint32_t LexiconIndex::StemKeyOf(Lang lang, std::string_view folded, std::string* scratch) const {
  if (folded.size() <= kShortWord) return stem_words_.Find(folded);
  const LanguageIndex& li = ForLang(lang);
  if (!li.stem_prefixes.count(Prefix3(folded))) return kNoKey;
  sb_stemmer* st = ThreadStemmer(lang);
  const sb_symbol* s = sb_stemmer_stem(st, reinterpret_cast<const sb_symbol*>(folded.data()),
                                       static_cast<int>(folded.size()));
  if (s == nullptr) return kNoKey;
  scratch->assign(reinterpret_cast<const char*>(s), sb_stemmer_length(st));
  return stem_words_.Find(*scratch);
}

void LexiconIndex::ComputeKeys(Lang lang, std::string_view text, TokenKind kind,
                               SentenceTokens* scratch, TokenInfo* info) const {
  const LanguageIndex& li = ForLang(lang);
  std::string& buffer = scratch->scratch;
  buffer.clear();
  AppendLower(text, &buffer);
  info->lower = lower_words_.Find(buffer);
  buffer.clear();
  AppendFolded(text, &buffer);
  info->fold = folded_words_.Find(buffer);
  info->stem = kind == TokenKind::kWord ? StemKeyOf(lang, buffer, &scratch->stem_scratch) : kNoKey;
  info->stem_node = info->stem != kNoKey ? li.stems.Child(0, info->stem) : 0;
  info->cues = 0;
  info->first_cues = 0;
  info->gazetteer_node = info->fold != kNoKey ? gazetteer_.Child(0, info->fold) : 0;
  info->phrase_node = 0;
  info->date = dates_ != nullptr ? dates_->KeyOf(lang, text, kind) : DateFinder::TokenKey();
  if (info->lower != kNoKey) {
    auto first = li.first_cues.find(info->lower);
    if (first != li.first_cues.end()) info->first_cues = first->second;
    const uint32_t node = li.phrases.Child(0, info->lower);
    info->phrase_node = node;
    if (node != 0) {
      for (uint32_t p : li.phrases.Payloads(node)) info->cues |= uint64_t{1} << (p >> 24);
    }
  }
}

void LexiconIndex::TokenizeSentence(Lang lang, std::string_view normalized, Span span,
                                    SentenceTokens* out) const {
  out->raw.clear();
  Tokenize(normalized, span, &out->raw);
  KeyTokens(lang, normalized, span, out->raw, out, nullptr);
}

void LexiconIndex::TokenizeSentence(Lang lang, std::string_view normalized, Span span,
                                    std::span<const Token> tokens, SentenceTokens* out,
                                    DateFinder::TokenKey* date_keys) const {
  KeyTokens(lang, normalized, span, tokens, out, date_keys);
}

void LexiconIndex::KeyTokens(Lang lang, std::string_view normalized, Span span,
                             std::span<const Token> raw_tokens, SentenceTokens* out,
                             DateFinder::TokenKey* date_keys) const {
  out->span = span;
  const size_t n = raw_tokens.size();
  out->tokens.resize(n);
  out->lower_keys.resize(n);
  out->fold_keys.resize(n);
  out->stem_keys.resize(n);
  ThreadTokenCaches& caches = TokenCaches();
  if (caches.owner != cache_id_) {
    caches.by_lang[0].Clear();
    caches.by_lang[1].Clear();
    caches.owner = cache_id_;
  }
  TokenKeyCache& cache = caches.by_lang[lang == Lang::kEn ? 1 : 0];
  TokenKeyCache::View table = cache.view();
  const Token* const raw = raw_tokens.data();
  TokenInfo* const tokens = out->tokens.data();
  uint32_t* const lower_keys = out->lower_keys.data();
  uint32_t* const fold_keys = out->fold_keys.data();
  uint32_t* const stem_keys = out->stem_keys.data();
  uint64_t sentence_cues = 0, sentence_first_cues = 0;
  for (size_t k = 0; k < n; ++k) {
    const Token& t = raw[k];
    TokenInfo& info = tokens[k];
    info.token = t;
    const std::string_view text = TokenText(normalized, t);
    const uint64_t head = PackedHead(text, normalized.size() - t.begin);
    const uint64_t hash = TokenHash(text, head);
    if (const TokenKeys* keys = table.Find(text, t.kind, hash, head)) {
      info.lower = keys->lower;
      info.fold = keys->fold;
      info.stem = keys->stem;
      info.cues = keys->cues;
      info.first_cues = keys->first_cues;
      info.gazetteer_node = keys->gazetteer_node;
      info.phrase_node = keys->phrase_node;
      info.stem_node = keys->stem_node;
      info.date = keys->date;
    } else {
      ComputeKeys(lang, text, t.kind, out, &info);
      cache.Insert(text, t.kind, hash, head,
                   TokenKeys{info.lower, info.fold, info.stem, info.cues, info.first_cues,
                             info.gazetteer_node, info.phrase_node, info.stem_node, info.date});
      table = cache.view();  // the insert may have moved the table
    }
    lower_keys[k] = info.lower;
    fold_keys[k] = info.fold;
    stem_keys[k] = info.stem;
    sentence_cues |= info.cues;
    sentence_first_cues |= info.first_cues;
    if (date_keys != nullptr) date_keys[k] = info.date;
  }
  out->cues = sentence_cues;
  out->first_cues = sentence_first_cues;
}

void LexiconIndex::UseDateFinder(const DateFinder* dates) {
  dates_ = dates;
  cache_id_ = NextCacheId();  // what threads cached has no date keys
}

std::vector<uint32_t> LexiconIndex::LowerKeys(std::string_view phrase) {
  cache_id_ = NextCacheId();  // new words: what threads cached may be stale
  MappedText norm;
  std::vector<Token> toks = PhraseTokens(phrase, &norm);
  std::vector<uint32_t> keys;
  std::string s;
  for (const Token& t : toks) {
    s.clear();
    AppendLower(TokenText(norm.text, t), &s);
    keys.push_back(lower_words_.Intern(s));
  }
  return keys;
}

std::vector<uint32_t> LexiconIndex::FoldKeys(std::string_view phrase) {
  cache_id_ = NextCacheId();
  MappedText norm;
  std::vector<Token> toks = PhraseTokens(phrase, &norm);
  std::vector<uint32_t> keys;
  for (const Token& t : toks)
    keys.push_back(folded_words_.Intern(FoldString(TokenText(norm.text, t))));
  return keys;
}

std::vector<uint32_t> LexiconIndex::StemKeys(Lang lang, std::string_view phrase) {
  cache_id_ = NextCacheId();
  MappedText norm;
  std::vector<Token> toks = PhraseTokens(phrase, &norm);
  std::vector<uint32_t> keys;
  LanguageIndex& li = lang == Lang::kEn ? en_ : fr_;
  for (const Token& t : toks) {
    const std::string folded = FoldString(TokenText(norm.text, t));
    if (folded.size() <= kShortWord) {
      keys.push_back(stem_words_.Intern(folded));
      continue;
    }
    sb_stemmer* st = ThreadStemmer(lang);
    const sb_symbol* s = sb_stemmer_stem(st, reinterpret_cast<const sb_symbol*>(folded.data()),
                                         static_cast<int>(folded.size()));
    std::string stem(reinterpret_cast<const char*>(s), sb_stemmer_length(st));
    li.stem_prefixes.insert(Prefix3(folded));
    keys.push_back(stem_words_.Intern(stem));
  }
  return keys;
}

namespace {

// Adds a phrase and records which cue its first token can start.
void AddPhrase(LanguageIndex* li, const std::vector<uint32_t>& keys, uint32_t payload) {
  if (keys.empty()) return;
  li->phrases.Add(keys, payload);
  li->first_cues[keys[0]] |= uint64_t{1} << (payload >> 24);
}

}  // namespace

Status LexiconIndex::BuildLanguage(Lang lang, const LanguageLexicon& lex, const Ontology& ontology,
                                   LanguageIndex* li) {
  li->lexicon = &lex;
  const MentionLexicon& m = lex.mentions;
  const RelationLexicon& r = lex.relations;
  auto add = [&](Cue cue, const std::vector<std::string>& phrases) {
    for (uint32_t i = 0; i < phrases.size(); ++i) {
      std::vector<uint32_t> keys = LowerKeys(phrases[i]);
      if (!keys.empty()) AddPhrase(li, keys, CuePayload(cue, i));
    }
  };
  add(Cue::kTitle, m.person_titles);
  add(Cue::kByline, m.byline_markers);
  add(Cue::kOrgHead, m.organization_heads);
  for (uint32_t i = 0; i < m.location_heads.size(); ++i) {
    AddPhrase(li, LowerKeys(m.location_heads[i].text), CuePayload(Cue::kLocHead, i));
  }
  for (uint32_t i = 0; i < m.event_nouns.size(); ++i) {
    AddPhrase(li, LowerKeys(m.event_nouns[i].text), CuePayload(Cue::kEventNoun, i));
  }
  add(Cue::kEditionNoun, m.edition_nouns);
  for (uint32_t i = 0; i < m.ordinals.size(); ++i) {
    AddPhrase(li, LowerKeys(m.ordinals[i].text), CuePayload(Cue::kOrdinal, i));
  }
  for (uint32_t i = 0; i < m.number_words.size(); ++i) {
    AddPhrase(li, LowerKeys(m.number_words[i].text), CuePayload(Cue::kNumberWord, i));
  }
  add(Cue::kGroupNoun, m.group_nouns);
  add(Cue::kParticipantAnaphor, m.participant_anaphors);
  add(Cue::kGroupAnaphor, m.group_anaphors);
  add(Cue::kOrgAnaphor, m.organization_anaphors);
  for (uint32_t i = 0; i < m.pronouns.size(); ++i) {
    AddPhrase(li, LowerKeys(m.pronouns[i].text), CuePayload(Cue::kPronoun, i));
  }
  add(Cue::kResourceAnaphor, m.resource_anaphors);
  add(Cue::kDeterminer, m.determiners);
  add(Cue::kDemonstrative, m.demonstratives);
  add(Cue::kPreposition, m.prepositions);
  add(Cue::kLocPrep, m.locative_prepositions);
  add(Cue::kConjunction, m.conjunctions);
  add(Cue::kBetween, m.between);
  add(Cue::kBoundary, m.clause_boundaries);
  add(Cue::kRelative, m.relative_pronouns);
  add(Cue::kEndMarker, m.end_markers);
  add(Cue::kPlaceNoun, m.place_nouns);
  add(Cue::kFemArticle, m.feminine_articles);
  add(Cue::kIndefinite, m.indefinite_articles);
  add(Cue::kSince, m.since_markers);
  for (const std::string& phrase : m.statement_nouns) {
    if (std::vector<uint32_t> keys = LowerKeys(phrase); !keys.empty()) {
      li->statement_nouns.push_back(std::move(keys));
    }
  }
  add(Cue::kMascArticle, m.masculine_articles);
  add(Cue::kConnector, m.name_connectors);
  add(Cue::kAdverb, m.adverbs);
  add(Cue::kNegation, r.negations);
  add(Cue::kNegParticle, r.negation_particles);
  add(Cue::kNegWord, r.negation_words);
  add(Cue::kReporting, r.reporting);
  add(Cue::kPassiveAux, r.passive_auxiliaries);
  add(Cue::kAgentPrep, r.agent_prepositions);
  add(Cue::kMemberList, r.member_lists);
  add(Cue::kReportingVerb, r.reporting_verbs);
  add(Cue::kReason, r.reasons);
  add(Cue::kDelegate, r.delegates);
  add(Cue::kLikewise, r.likewise);
  add(Cue::kSoCalled, r.so_called);
  add(Cue::kPossessive, r.possessives);
  add(Cue::kFreeRelative, r.free_relatives);
  add(Cue::kJoinLink, r.join_links);
  add(Cue::kCoActor, r.co_actors);
  add(Cue::kMemberRelative, r.member_relatives);

  li->trigger_preps.resize(r.triggers.size());
  for (uint32_t t = 0; t < r.triggers.size(); ++t) {
    const TriggerDef& def = r.triggers[t];
    const RelationDef* rel = ontology.FindRelation(def.relation);
    if (rel == nullptr) {
      return Status::InputError("lexicons/relations.json: trigger '" + def.id +
                                "' names relation '" + def.relation +
                                "', which the ontology does not define");
    }
    li->trigger_relation.push_back(rel);
    std::unordered_set<uint32_t> form_stems;
    for (const std::string& form : def.forms) {
      std::vector<uint32_t> keys = StemKeys(lang, form);
      if (!keys.empty()) li->stems.Add(keys, (uint32_t{0} << 24) | t);
      form_stems.insert(keys.begin(), keys.end());
    }
    std::unordered_set<uint32_t>& excludes = li->trigger_excludes.emplace_back();
    for (const std::string& word : def.exclude) {
      const std::vector<uint32_t> stem = StemKeys(lang, word);
      if (stem.size() != 1 || !form_stems.count(stem[0])) {
        return Status::InputError("lexicons/relations.json: trigger '" + def.id + "' excludes '" +
                                  word + "', which is not one word sharing a stem with its forms");
      }
      // Accents count: "critique" (critical) is excluded, "critiqué" is not.
      excludes.insert(LowerKeys(word)[0]);
    }
    for (const std::string& prep : def.object_preps) {
      auto it = std::find(li->object_preps.begin(), li->object_preps.end(), prep);
      uint32_t index = static_cast<uint32_t>(it - li->object_preps.begin());
      if (it == li->object_preps.end()) {
        li->object_preps.push_back(prep);
        AddPhrase(li, LowerKeys(prep), CuePayload(Cue::kObjectPrep, index));
      }
      li->trigger_preps[t].push_back(index);
    }
  }
  auto add_stems = [&](StemCue cue, const std::vector<std::string>& phrases) {
    for (uint32_t i = 0; i < phrases.size(); ++i) {
      std::vector<uint32_t> keys = StemKeys(lang, phrases[i]);
      if (!keys.empty()) li->stems.Add(keys, (static_cast<uint32_t>(cue) << 24) | i);
    }
  };
  add_stems(StemCue::kIntention, r.intentions);
  add_stems(StemCue::kHypothetical, r.hypotheticals);
  add_stems(StemCue::kPresupposing, r.presupposing);
  li->phrases.Finalize();
  li->stems.Finalize();
  li->node_cues.assign(li->phrases.node_count(), 0);
  for (uint32_t node = 0; node < li->phrases.node_count(); ++node) {
    for (uint32_t p : li->phrases.Payloads(node)) li->node_cues[node] |= CueBit(PayloadCue(p));
  }

  return Status::Ok();
}

Result<LexiconIndex> LexiconIndex::Build(const ExtractionLexicon& lexicon,
                                         const Gazetteer& gazetteer, const Ontology& ontology) {
  LexiconIndex index;
  for (const GazetteerEntry& e : gazetteer.entries()) {
    for (const GazetteerName& n : e.names) {
      std::vector<uint32_t> keys = index.FoldKeys(n.text);
      if (keys.empty()) continue;
      IndexedName name{&e, n.kind, n.case_sensitive, "", std::nullopt};
      if (n.lang == "fr") name.lang = Lang::kFr;
      if (n.lang == "en") name.lang = Lang::kEn;
      if (n.case_sensitive) name.normalized = Normalize(n.text).text;
      index.gazetteer_.Add(keys, static_cast<uint32_t>(index.names_.size()));
      index.names_.push_back(std::move(name));
    }
  }
  index.gazetteer_.Finalize();
  NEWSGRAPH_RETURN_IF_ERROR(index.BuildLanguage(Lang::kFr, lexicon.fr, ontology, &index.fr_));
  NEWSGRAPH_RETURN_IF_ERROR(index.BuildLanguage(Lang::kEn, lexicon.en, ontology, &index.en_));
  return index;
}

size_t LongestPhraseFrom(const LanguageIndex& li, const SentenceTokens& s, size_t i, Cue cue,
                         uint32_t* index) {
  const uint64_t bit = CueBit(cue);
  const auto has_cue = [&](uint32_t node) { return (li.node_cues[node] & bit) != 0; };
  Matcher::Match m = li.phrases.LongestFrom(s.lower_keys.data(), s.tokens.size(), i,
                                            s.tokens[i].phrase_node, has_cue);
  if (m.end == 0) return 0;
  if (index != nullptr) {
    for (uint32_t p : li.phrases.Payloads(m.node)) {
      if (PayloadCue(p) == cue) *index = PayloadIndex(p);
    }
  }
  return m.end;
}

}  // namespace newsgraph
