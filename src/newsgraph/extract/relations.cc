#include "newsgraph/extract/relations.h"

#include <algorithm>
#include <span>
#include <unordered_set>

namespace newsgraph {
namespace {

constexpr size_t kMaxGroupExpansion = 12;  // regions larger than this stay one node
constexpr size_t kObjectWindow = 25;
constexpr size_t kMarkerWindow = 40;
// How far a noun trigger's own complement may run before its object ("aide
// d'urgence de 38 millions de dollars en faveur du ...").
constexpr size_t kComplementWindow = 9;
// How many tokens a parenthesised gloss after a phrase may hold ("(PAM)").
constexpr size_t kGlossWindow = 8;
// "what ... called", "ce que ... a qualifié de": how far the naming verb may
// be from the free relative.
constexpr size_t kSoCalledWindow = 10;
// Tokens between an organisation's member relative and its membership word
// ("dont la Bolivie, la Colombie, l'Équateur et le Pérou sont membres").
constexpr size_t kRelativeMembersWindow = 20;
// "les ministres des Affaires étrangères du Ghana": how many words a
// delegate's portfolio may take before the country.
constexpr size_t kPortfolioWords = 5;
// "in Ouarzazate in southern Morocco": how many tokens a preposition, an
// article and a part word may take between a place and its country.
constexpr size_t kBareDescription = 3;
// "joined Tonga in a joint statement condemning": how many plain words may
// stand between the link and the act joined in.
constexpr size_t kJoinedActWords = 4;
// held_in: how far a place may be after (before) the event it locates.
constexpr size_t kPlaceAfterWindow = 15;
constexpr size_t kPlaceBeforeWindow = 10;
// Room reserved in an article's empty relation list (small.jsonl: 18 an
// article in its graph's evidence).
constexpr size_t kFirstRelations = 32;

// `s == literal`, compared as views: the sizes first, then the bytes inline
// (a std::string compared with a C string calls out of line for both).
inline bool Equals(const std::string& s, std::string_view literal) {
  return std::string_view(s) == literal;
}

// A trigger word found in the sentence.
struct Hit {
  uint32_t begin, end, trigger;
};

// A relation already emitted for the sentence.
struct Emitted {
  int src, tgt;
  const RelationDef* rel;
};

// Conjuncts of entity indices kept in one buffer: conjunct k is
// entities[ends[k - 1], ends[k]). Cleared and refilled without allocating
// once it has grown.
class FlatConjuncts {
 public:
  void clear() {
    entities_.clear();
    ends_.clear();
  }
  // Opens a new conjunct (possibly left empty); Append adds to the last one.
  void AddConjunct() { ends_.push_back(static_cast<uint32_t>(entities_.size())); }
  void Append(int e) {
    entities_.push_back(e);
    ++ends_.back();
  }
  size_t size() const { return ends_.size(); }
  std::span<const int> operator[](size_t k) const {
    const uint32_t b = k == 0 ? 0 : ends_[k - 1];
    return {entities_.data() + b, ends_[k] - b};
  }
  // Every entity, conjunct after conjunct (duplicates included).
  const std::vector<int>& entities() const { return entities_; }

 private:
  std::vector<int> entities_;
  std::vector<uint32_t> ends_;
};

// The entities of `in` in order, without duplicates, into *out (cleared).
void Distinct(const std::vector<int>& in, std::vector<int>* out) {
  out->clear();
  for (int e : in) {
    if (std::find(out->begin(), out->end(), e) == out->end()) out->push_back(e);
  }
}

// What the rules of one sentence fill and clear, kept per thread so that its
// vectors keep their capacity from one sentence to the next.
struct RelationScratch {
  std::vector<Matcher::Match> stem_matches;
  std::vector<char> in_name;
  std::vector<Hit> triggers;
  std::vector<Emitted> emitted;
  std::vector<int> excluded;
  std::vector<int> restricted;
  // Trigger's (it does not nest): object phrases, subjects and objects as
  // conjuncts, their entities flattened, the targets.
  std::vector<int> objects;
  FlatConjuncts subjects_c, objects_c;
  std::vector<int> sources, targets, tgts;
  std::vector<int> listed;  // members listed after a group ("dont ...")
  // Flatten results used and dropped before another Flatten (flat2: a second
  // one alive at the same time).
  std::vector<int> flat, flat2;
  FlatConjuncts participants;
};

class SentenceRelations {
 public:
  SentenceRelations(const RelationContext& ctx, const SentenceTokens& s,
                    const SentenceMentions& mentions, const SentenceArgs& args, const Discourse& d,
                    EntityTable* table, ArticleRelationState* state,
                    std::vector<ExtractedRelation>* out, RelationScratch* scratch)
      : ctx_(ctx),
        li_(ctx.index->ForLang(ctx.lang)),
        s_(s),
        t_(s.tokens),
        n_(s.tokens.size()),
        mentions_(mentions),
        args_(args),
        d_(d),
        table_(table),
        state_(state),
        out_(out),
        x_(*scratch),
        stem_matches_(scratch->stem_matches),
        in_name_(scratch->in_name),
        triggers_(scratch->triggers),
        emitted_(scratch->emitted),
        excluded_(scratch->excluded),
        restricted_(scratch->restricted) {
    stem_matches_.clear();
    triggers_.clear();
    emitted_.clear();
    excluded_.clear();
    restricted_.clear();
    const Span o = ctx.norm->ToOriginalSpan(s.span);
    begin_ = o.begin;
    end_ = o.end;
    if (!state->relations_found) {
      const Ontology& on = *ctx.ontology;
      state->concerns = on.FindRelation("concerns");
      state->member_of = on.FindRelation("member_of");
      state->edition_of = on.FindRelation("edition_of");
      state->participates_in = on.FindRelation("participates_in");
      state->held_in = on.FindRelation("held_in");
      state->supports = on.FindRelation("supports");
      state->located_in = on.FindRelation("located_in");
      state->relations_found = true;
    }
    li_.stems.FindAllFrom(
        s.stem_keys.data(), n_, [&](size_t i) { return t_[i].stem_node; }, &stem_matches_);
    // The cues of the sentence's tokens, and of the phrases they start: a
    // pass looking for a cue the sentence lacks (most look for one few
    // sentences have) is skipped whole.
    sentence_cues_ = s.cues;
    sentence_first_cues_ = s.first_cues;
    // Words inside a name are not triggers: "Shanghai Cooperation
    // Organisation", "critical raw materials".
    in_name_.assign(n_, 0);
    for (const Mention& m : mentions.mentions) {
      // An agreement's noun stays a trigger: "un accord de coopération".
      if (m.kind == MentionKind::kEntity || m.kind == MentionKind::kGroup ||
          m.kind == MentionKind::kOrgAnaphor ||
          (m.kind == MentionKind::kEventRef && m.new_event &&
           m.event_kind != EventKind::kAgreement)) {
        for (uint32_t i = m.begin; i < m.end && i < n_; ++i) in_name_[i] = 1;
      }
    }
    for (const Matcher::Match& m : stem_matches_) {
      // (One that only ends in a name stays: "held talks" when "talks" names
      // the meeting.)
      if (in_name_[m.begin]) continue;
      for (uint32_t p : li_.stems.Payloads(m.node)) {
        if ((p >> 24) != static_cast<uint32_t>(StemCue::kTrigger)) continue;
        // A word that only shares the stem ("critical" / "criticize").
        const std::unordered_set<uint32_t>& excludes = li_.trigger_excludes[p & 0xFFFFFFu];
        bool excluded = false;
        for (uint32_t i = m.begin; i < m.end && !excludes.empty(); ++i) {
          excluded = excluded || excludes.count(s.lower_keys[i]) > 0;
        }
        if (!excluded) triggers_.push_back({m.begin, m.end, p & 0xFFFFFFu});
      }
    }
  }

  void Run() {
    ReportedBy();
    if (!triggers_.empty()) FindModalityCues();
    for (size_t k = 0; k < triggers_.size(); ++k) Trigger(k);
    Measures();
    Structural();
  }

 private:
  bool Has(size_t i, Cue c) const { return i < n_ && (t_[i].cues & CueBit(c)); }
  std::string_view Text(size_t i) const { return TokenText(ctx_.normalized, t_[i].token); }
  bool HardBoundary(size_t i) const {
    if (Has(i, Cue::kBoundary)) return true;
    if (t_[i].token.kind != TokenKind::kPunct) return false;
    const std::string_view x = Text(i);
    return x == ";" || x == ":" || x == "." || x == "?" || x == "!" || x == "(" || x == ")";
  }
  size_t PhraseEnd(size_t i, Cue cue, uint32_t* index = nullptr) const {
    return LongestPhraseAt(li_, s_, i, cue, index);
  }
  // A view, so that comparing it with a literal compares the sizes first.
  std::string_view Category(int e) const { return table_->at(e).entity.category; }
  // The agent preposition of a passive participle ending at te: right after
  // it, or past adverbs, a place and a date ("signé le 3 mars à Séoul par",
  // "signed in Seoul by"). n_ when there is none.
  size_t AgentAfter(size_t te) const {
    if (!(sentence_cues_ & CueBit(Cue::kAgentPrep))) return n_;  // no "par", "by" at all
    for (size_t q = te; q < n_ && q < te + 10; ++q) {
      if (Has(q, Cue::kAgentPrep)) return q;
      if (HardBoundary(q) || Text(q) == ",") break;
      if (!(Has(q, Cue::kAdverb) || Has(q, Cue::kLocPrep) || Has(q, Cue::kDeterminer) ||
            t_[q].token.capitalized || t_[q].token.kind == TokenKind::kNumber || InDate(q))) {
        break;
      }
    }
    return n_;
  }
  bool InAgreementAnaphor(const Hit& hit) const {
    for (const Mention& m : mentions_.mentions) {
      if (m.kind == MentionKind::kEventRef && !m.new_event &&
          m.event_kind == EventKind::kAgreement && hit.begin >= m.begin && hit.end <= m.end) {
        return true;
      }
    }
    return false;
  }
  bool AgreementBefore(size_t tb) const {
    for (const ArgPhrase& ph : args_.phrases) {
      if (ph.end <= tb && IsAgreement(ph.event)) return true;
    }
    return false;
  }
  bool InDate(size_t q) const {
    for (const DateSpan& d : mentions_.dates) {
      if (q >= d.begin && q < d.end) return true;
    }
    return false;
  }
  // The country named right before the place mention k with only the
  // place's kind between (a location head or plain lower-case nouns, "de",
  // "of", "'s"): as a demonym, or as a possessor. -1 when there is none.
  int QualifyingCountry(size_t k) const {
    const auto& ms = mentions_.mentions;
    const Mention& m = ms[k];
    bool kind_word = Has(m.begin, Cue::kLocHead);  // "port of Ust-Luga" as one mention
    for (size_t q = m.begin; q-- > 0 && m.begin - q <= 4;) {
      for (size_t j = k; j-- > 0;) {
        const Mention& c = ms[j];
        if (c.end != q + 1 || c.kind != MentionKind::kEntity || c.entity < 0) continue;
        if (Category(c.entity) != "country") return -1;
        // A name as a possessor ("Zambia's Copperbelt Province"); a demonym
        // with the kind before it ("the Russian port") or, in French, after
        // it ("la province pakistanaise du").
        const bool possessor = c.end < m.begin && (Text(c.end) == "'s" || Text(c.end) == "'");
        if (possessor) return c.entity;
        const bool kind_before = c.begin > 0 && PlainKindWord(c.begin - 1);
        return c.demonym && (kind_word || kind_before) ? c.entity : -1;
      }
      if (in_name_[q]) return -1;
      if (Has(q, Cue::kConnector) || Text(q) == "'s" || Text(q) == "'") continue;
      if (!PlainKindWord(q)) return -1;
      kind_word = true;
    }
    return -1;
  }
  // A lower-case word naming a kind of place: a location head ("port",
  // "province") or a word no lexicon knows ("ville", "city").
  bool PlainKindWord(size_t q) const {
    return t_[q].token.kind == TokenKind::kWord && !t_[q].token.capitalized && !in_name_[q] &&
           (t_[q].cues == 0 || Has(q, Cue::kLocHead) || Has(q, Cue::kPlaceNoun));
  }
  bool VerbTriggerAt(size_t tb) const {
    for (const Hit& h : triggers_) {
      if (h.begin == tb && li_.lexicon->relations.triggers[h.trigger].kind == TriggerKind::kVerb) {
        return true;
      }
    }
    return false;
  }
  bool IsVisit(int e) const { return IsVisitHead(table_->at(e).head_en); }
  bool IsAgreement(int e) const {
    return e >= 0 && Category(e) == "event" && table_->at(e).kind == EventKind::kAgreement;
  }

  // Appends entity e to *out, or its members when it is a small region.
  void AppendExpanded(int e, FlatConjuncts* out) {
    const EntityRecord& r = table_->at(e);
    if (Category(e) == "region" && r.gazetteer && r.gazetteer->members.size() >= 2 &&
        r.gazetteer->members.size() <= kMaxGroupExpansion) {
      for (int m : table_->Members(e)) out->Append(m);
      return;
    }
    out->Append(e);
  }
  // Appends the conjuncts cs to *out, small regions expanded to their members.
  void AppendExpandedConjuncts(const std::vector<std::vector<int>>& cs, FlatConjuncts* out) {
    for (const auto& c : cs) {
      out->AddConjunct();
      for (int e : c) AppendExpanded(e, out);
    }
  }
  // Flatten(cs) into *buf, returned.
  static const std::vector<int>& Flat(const std::vector<std::vector<int>>& cs,
                                      std::vector<int>* buf) {
    FlattenInto(cs, buf);
    return *buf;
  }

  // The rule id is `rule` followed by `suffix` ("fr.supports" ".list");
  // `modality` is one of Modality's constants.
  void Emit(int src, const RelationDef* rel, int tgt, std::string_view rule,
            std::string_view modality, std::string_view suffix = {}) {
    if (src < 0 || tgt < 0 || src == tgt) return;
    if (!ctx_.ontology->Allows(*rel, Category(src), Category(tgt))) return;
    // No one supports an attack: "solidarité avec le Bénin et a dénoncé
    // l'attaque" names the attack for the verb after.
    if (rel == state_->supports && table_->at(tgt).kind == EventKind::kIncident &&
        Category(tgt) == "event") {
      return;
    }
    // Entity ids are unique in the table, so equal ids are equal indices.
    for (const Emitted& r : emitted_) {
      if (((r.src == src && r.tgt == tgt) || (rel->symmetric && r.src == tgt && r.tgt == src)) &&
          (r.rel == rel || r.rel->name == rel->name)) {
        return;
      }
    }
    emitted_.push_back({src, tgt, rel});
    // An article states tens of relations: room for them at the first,
    // rather than moving them through growths from one.
    if (out_->capacity() == 0) out_->reserve(kFirstRelations);
    std::string rule_id;
    rule_id.reserve(rule.size() + suffix.size());
    rule_id.append(rule).append(suffix);
    // Built in place, each string constructed from its source (cheaper
    // than assigning to an empty one, which checks aliasing and capacity).
    ExtractedRelation& r = out_->emplace_back(
        table_->at(src).entity.id, rel->name, table_->at(tgt).entity.id,
        std::string(ctx_.original.substr(begin_, end_ - begin_)), uint64_t{begin_}, uint64_t{end_},
        std::move(rule_id), std::string(modality), reported_by_);
    // A minister at a meeting is their country there ("le ministre irakien
    // ..., Haidar al-Janabi" at the talks: Iraq takes part).
    const int delegate_of = table_->at(src).affiliation;
    if (rel == state_->participates_in && delegate_of >= 0) {
      // (A copy: the recursive Emit may move out_'s elements.)
      const std::string delegated = r.rule + ".delegate";
      Emit(delegate_of, rel, tgt, delegated, modality);
    }
  }

  void ReportedBy() {
    const bool reporting = (sentence_first_cues_ & CueBit(Cue::kReporting)) != 0;
    for (size_t i = 0; reporting && i < n_; ++i) {
      const size_t e = PhraseEnd(i, Cue::kReporting);
      if (e == 0) continue;
      for (size_t p = 0; p < args_.phrases.size(); ++p) {
        const ArgPhrase& ph = args_.phrases[p];
        if (ph.begin < e) continue;
        if (ph.begin > e + 1) break;
        const std::vector<int>& ents = Flat(ph.conjuncts, &x_.flat);
        if (ents.size() == 1 && ph.event < 0) {
          reported_by_ = table_->at(ents[0]).entity.id;
          excluded_.push_back(static_cast<int>(p));
        }
        break;
      }
    }
    // "..., India said." / "..., a déclaré la Russie.": reported speech after
    // a comma (not after a quote, whose "we" is the speaker's). The phrase
    // right before the verb, or right after it, is the reporter.
    const bool reporting_verb = (sentence_first_cues_ & CueBit(Cue::kReportingVerb)) != 0;
    for (size_t i = 1; reporting_verb && i < n_; ++i) {
      const size_t e = PhraseEnd(i, Cue::kReportingVerb);
      if (e == 0) continue;
      for (size_t p = 0; p < args_.phrases.size(); ++p) {
        const ArgPhrase& ph = args_.phrases[p];
        // (An article may open the phrase: "..., the ministry said", "...,
        // a déclaré la Russie".)
        const size_t b =
            ph.begin > 0 && Has(ph.begin - 1, Cue::kDeterminer) ? ph.begin - 1 : ph.begin;
        const bool before =
            ph.end == i && b > 0 && Text(b - 1) == "," && (b < 2 || Text(b - 2) != "\"");
        const bool after = b == e && Text(i - 1) == "," && (i < 2 || Text(i - 2) != "\"");
        if (!(before || after) || ph.governor >= 0 || ph.event >= 0) continue;
        // The clause closes the sentence or its part ("..., India said." /
        // "..., India said, adding ..."), unlike an apposition ("India's
        // minister, Rajeev Menon, said New Delhi ...").
        const size_t clause_end = before ? e : ph.end;
        if (clause_end < n_ && Text(clause_end) != "," && !HardBoundary(clause_end)) break;
        const std::vector<int>& ents = Flat(ph.conjuncts, &x_.flat);
        if (ents.size() == 1) {
          reported_by_ = table_->at(ents[0]).entity.id;
          excluded_.push_back(static_cast<int>(p));
        }
        break;
      }
    }
  }
  bool Excluded(int p) const {
    return std::find(excluded_.begin(), excluded_.end(), p) != excluded_.end();
  }

  bool OnlyTopics(const ArgPhrase& ph) const {
    for (const auto& c : ph.conjuncts) {
      for (int e : c) {
        const std::string_view cat = Category(e);
        if (cat != "resource" && cat != "sector") return false;
      }
    }
    return true;
  }

  // Whether a noun phrase of common nouns opens at token i, before `close`:
  // an article or none, then a lower-case word that is no preposition,
  // conjunction or clause opener ("partenaires du Mali", "a security
  // partner of"). It names what the name is to another: a "de"/"of" follows
  // within it, and no reporting verb or quote ("Rajeev Menon, said New Delhi").
  bool Apposition(size_t i, size_t close) const {
    if (Has(i, Cue::kDeterminer) && !Has(i, Cue::kPreposition)) ++i;
    if (!(i < close && t_[i].token.kind == TokenKind::kWord && !t_[i].token.capitalized &&
          !Has(i, Cue::kBoundary) && !Has(i, Cue::kConjunction) && !Has(i, Cue::kPreposition) &&
          !Has(i, Cue::kAdverb) && !Has(i, Cue::kPronoun) && !InDate(i))) {
      return false;
    }
    bool of = false;
    for (size_t q = i; q < close; ++q) {
      if ((t_[q].first_cues & CueBit(Cue::kReportingVerb)) || Text(q) == "\"") return false;
      of = of || (q <= i + 3 && Has(q, Cue::kConnector) && Has(q, Cue::kPreposition));
    }
    return of;
  }
  // Whether an argument phrase ends at token e (exclusive).
  bool PhraseEndsAt(size_t e) const {
    for (const ArgPhrase& ph : args_.phrases) {
      if (ph.end == e && ph.event < 0) return true;
    }
    return false;
  }

  // A relative clause closed right before the verb at tb: "la séance, qui
  // s'est tenue à Amman en présence de M. X, a réuni ...". Returns the comma
  // that opens it (the antecedent ends there), or tb when there is none.
  uint32_t SkipRelative(uint32_t tb) const {
    size_t c = tb;
    // The auxiliary and adverbs between the closing comma and the verb.
    for (size_t k = 0; k < 4 && c > 0 && Text(c - 1) != ","; ++k) {
      const bool aux = t_[c - 1].token.kind == TokenKind::kWord && !t_[c - 1].token.capitalized &&
                       !Has(c - 1, Cue::kBoundary) && !Has(c - 1, Cue::kConjunction);
      if (!aux && Text(c - 1) != "\"") return tb;
      --c;
    }
    if (c == 0 || Text(c - 1) != ",") return tb;
    const size_t close = c - 1;
    for (size_t i = close; i > 1 && close - i < 40;) {
      --i;
      // Over a gloss: "partenaires du Mali au sein de la Confédération des
      // États du Sahel (AES), ont dénoncé".
      if (Text(i) == ")") {
        size_t open = i;
        while (open > 1 && i - open < kGlossWindow && Text(open) != "(") --open;
        if (Text(open) == "(" && open + 1 < i) {
          i = open;
          continue;
        }
      }
      if (Has(i, Cue::kBoundary) && Text(i - 1) == ",") {
        // Only relative pronouns open a clause whose end is this comma.
        return Has(i, Cue::kRelative) ? static_cast<uint32_t>(i - 1) : tb;
      }
      // Or a participle: "les chefs d'État de la CEDEAO, réunis en sommet
      // samedi à Abuja, ont condamné".
      if (Text(i - 1) == "," && t_[i].token.kind == TokenKind::kWord && !t_[i].token.capitalized &&
          t_[i].cues == 0 && LooksLikeParticiple(Text(i))) {
        return static_cast<uint32_t>(i - 1);
      }
      // Or an apposition to a name: "Moscou, partenaire sécuritaire de
      // Bamako, a dénoncé", "Moscow, a security partner of Bamako, said".
      if (Text(i - 1) == "," && i >= 2 && Apposition(i, close) && PhraseEndsAt(i - 1)) {
        return static_cast<uint32_t>(i - 1);
      }
      if (HardBoundary(i)) return tb;
    }
    return tb;
  }

  // The one entity of phrase ph when it names exactly one of `category`
  // (and no event), else -1.
  int SingleOf(const ArgPhrase& ph, std::string_view category) const {
    if (ph.event >= 0 || ph.conjuncts.size() != 1 || ph.conjuncts[0].size() != 1) return -1;
    return Category(ph.conjuncts[0][0]) == category ? ph.conjuncts[0][0] : -1;
  }

  // The end of a place named after the locative preposition at i ("à
  // Rabat", "in Amman"), or i when there is none.
  size_t PlaceAfter(size_t i) const {
    for (const ArgPhrase& ph : args_.phrases) {
      if (ph.begin <= i || ph.begin > i + 2 || ph.governor != static_cast<int>(i)) continue;
      const int e = SingleOf(ph, "location") >= 0 ? 0 : SingleOf(ph, "country");
      return e >= 0 ? ph.end : i;
    }
    return i;
  }

  // Whether phrase ph refers to an event named earlier (no new event among
  // its mentions).
  bool Anaphoric(const ArgPhrase& ph) const {
    for (int m : ph.mentions) {
      if (mentions_.mentions[m].new_event) return false;
    }
    return !ph.mentions.empty();
  }

  // Whether phrase ph is made of adjectives of nationality only ("five
  // Iranian entities").
  bool OnlyDemonyms(const ArgPhrase& ph) const {
    if (ph.mentions.empty()) return false;
    for (int m : ph.mentions) {
      if (!mentions_.mentions[m].demonym) return false;
    }
    return true;
  }

  // Whether every entity phrase ph names is a country (and it names one).
  // Whether every conjunct of ph is a country or an organisation: what
  // delegates stand for ("des représentants de l'Union européenne").
  bool OnlyStates(const ArgPhrase& ph) const {
    if (ph.conjuncts.empty()) return false;
    for (const std::vector<int>& c : ph.conjuncts) {
      if (c.empty()) return false;
      for (int e : c) {
        const std::string_view cat = Category(e);
        if (cat != "country" && cat != "organization") return false;
      }
    }
    return true;
  }

  // The phrase after a "likewise" marker ("as did", "tout comme", "de même
  // que") in the clause of a trigger ending at te, or -1.
  int LikewiseAfter(size_t te) const {
    if (!(sentence_first_cues_ & CueBit(Cue::kLikewise))) return -1;
    for (size_t i = te; i < n_ && i < te + kObjectWindow && !HardBoundary(i); ++i) {
      if (!(t_[i].first_cues & CueBit(Cue::kLikewise))) continue;
      size_t e = PhraseEnd(i, Cue::kLikewise);
      if (e == 0) continue;
      while (e < n_ && Has(e, Cue::kDeterminer)) ++e;
      // Past people who stand for them: "aux côtés de représentants de la
      // BAD", "alongside delegates from Kenya".
      if (e + 1 < n_ && Has(e, Cue::kDelegate) && Has(e + 1, Cue::kPreposition)) {
        e += 2;
        while (e < n_ && Has(e, Cue::kDeterminer)) ++e;
      }
      for (size_t p = 0; p < args_.phrases.size(); ++p) {
        if (args_.phrases[p].begin == e ||
            (args_.phrases[p].begin + 1 == e && Has(args_.phrases[p].begin, Cue::kDeterminer))) {
          return static_cast<int>(p);
        }
      }
      return -1;
    }
    return -1;
  }

  // The first token of the joining verb ("co_actors" in relations.json:
  // "joined", "s'est joint à") right before phrase ph or its preposition,
  // or n_ when there is none.
  size_t JoiningBefore(const ArgPhrase& ph) const {
    if (!(sentence_first_cues_ & CueBit(Cue::kCoActor))) return n_;  // most sentences
    const size_t before =
        ph.governor >= 0 ? static_cast<size_t>(ph.governor) : static_cast<size_t>(ph.begin);
    // (A date may stand between: "se sont joints jeudi à Maurice".)
    size_t verb_end = before;
    while (verb_end > 0 && InDate(verb_end - 1)) --verb_end;
    for (size_t j = verb_end > 4 ? verb_end - 4 : 0; j < verb_end; ++j) {
      if (!(t_[j].first_cues & CueBit(Cue::kCoActor))) continue;
      const size_t e = PhraseEnd(j, Cue::kCoActor);
      if (e == verb_end || (ph.governor >= 0 && verb_end == before && e == before + 1)) return j;
    }
    return n_;
  }

  // The phrase joined right before a trigger at tb, or -1: "joined India in
  // condemning", "s'est joint à l'Inde pour condamner". The word linking
  // the trigger ("in", "pour") stands right before it. *joining is the
  // first token of the joining verb.
  int JoinedBefore(size_t tb, size_t* joining = nullptr) const {
    if (!(sentence_first_cues_ & CueBit(Cue::kCoActor))) return -1;  // most sentences
    // The link may open a few plain words: "joined Tonga in a joint
    // statement condemning".
    size_t at = tb;
    while (at > 0 && tb - at < kJoinedActWords && !JoinLink(at - 1) &&
           t_[at - 1].token.kind == TokenKind::kWord && !t_[at - 1].token.capitalized &&
           (t_[at - 1].cues == 0 || Has(at - 1, Cue::kDeterminer))) {
      --at;
    }
    tb = at;
    if (tb < 3 || !JoinLink(tb - 1)) return -1;
    // (A date may stand before the link: "joined NATO on Saturday in".)
    size_t link = tb - 1;
    while (link > 0 && (InDate(link - 1) || (Has(link - 1, Cue::kPreposition) && InDate(link)))) {
      --link;
    }
    for (size_t p = 0; p < args_.phrases.size(); ++p) {
      const ArgPhrase& ph = args_.phrases[p];
      if (ph.end != link) continue;
      const size_t j = JoiningBefore(ph);
      if (j == n_) return -1;
      if (joining) *joining = j;
      return static_cast<int>(p);
    }
    return -1;
  }

  // Whether trigger k is the joining verb of a later trigger ("joined" in
  // "joined India in condemning the attack"): it states no relation of its
  // own.
  bool JoiningTrigger(size_t k) const {
    if (!(sentence_first_cues_ & CueBit(Cue::kCoActor))) return false;  // most sentences
    for (size_t k2 = k + 1; k2 < triggers_.size(); ++k2) {
      size_t j = n_;
      if (JoinedBefore(triggers_[k2].begin, &j) >= 0 && j <= triggers_[k].begin) return true;
    }
    // Or with an activity of no trigger: "Georgia joined them in a
    // statement".
    const Hit& hit = triggers_[k];
    if (!(t_[hit.begin].first_cues & CueBit(Cue::kCoActor)) ||
        PhraseEnd(hit.begin, Cue::kCoActor) < hit.end) {
      return false;
    }
    for (const ArgPhrase& ph : args_.phrases) {
      if (ph.begin < hit.end || ph.begin > hit.end + 1) continue;
      size_t q = ph.end;
      while (q < n_ && (InDate(q) || (Has(q, Cue::kPreposition) && InDate(q + 1)))) ++q;
      return q < n_ && JoinLink(q);
    }
    return false;
  }

  // "in", "pour": what links a joining to the act joined in.
  bool JoinLink(size_t i) const { return Has(i, Cue::kJoinLink); }

  // The token after a parenthesised gloss opening at i ("(PAM)", "(Pakistan)"),
  // closed before `limit` and within a few tokens; i itself when there is none.
  size_t AfterGloss(size_t i, size_t limit) const {
    if (i >= n_ || Text(i) != "(") return i;
    for (size_t close = i + 1; close < limit && close < i + kGlossWindow; ++close) {
      if (Text(close) == ")") return close + 1;
      if (HardBoundary(close)) break;
    }
    return i;
  }

  // Whether phrase ph is the complement of the head noun of a clause's first
  // noun phrase, and so what the clause is about: an event, the head naming
  // an occurrence of it ("La première séance de pourparlers a réuni ...",
  // "the second round of talks brought together ..."), or a country, the
  // head naming one of its organs ("Le gouvernement du Togo a condamné",
  // "the foreign ministry of Togo condemned").
  bool ComplementOfHead(const ArgPhrase& ph) const {
    if (ph.governor < 1) return false;
    size_t i = static_cast<size_t>(ph.governor);
    size_t head = i - 1;
    // People who stand for the countries after them: "Delegations from Egypt
    // and Morocco attended", "des représentants de la Tanzanie et de la
    // Zambie ont pris part", past their portfolio: "Les ministres des Mines
    // de l'Argentine, de la Bolivie et du Chili", "the ministers of foreign
    // affairs of".
    if (!Has(head, Cue::kDelegate) && Has(ph.governor, Cue::kConnector)) {
      for (size_t k = head; k > 0 && head - k < kPortfolioWords; --k) {
        if (Has(k - 1, Cue::kDelegate)) {
          if (Has(k, Cue::kConnector)) head = k - 1, i = k;
          break;
        }
        if (!(t_[k - 1].token.kind == TokenKind::kWord &&
              (t_[k - 1].cues == 0 || Has(k - 1, Cue::kConnector) ||
               Has(k - 1, Cue::kDeterminer)))) {
          break;
        }
      }
    }
    const bool delegates = Has(head, Cue::kDelegate) && ph.event < 0 && OnlyStates(ph);
    if (!Has(ph.governor, Cue::kConnector) && !(delegates && Has(ph.governor, Cue::kPreposition))) {
      return false;
    }
    const bool country = delegates || SingleOf(ph, "country") >= 0;
    // An organisation speaks through its officer: "Le secrétaire général de
    // l'ONU a condamné", "the spokesman of the African Union said".
    // Or through its organ: "la Commission de la CEDEAO a déploré".
    const int org = !country && ph.event < 0 ? SingleOf(ph, "organization") : -1;
    const bool organ = org >= 0 && Has(head, Cue::kOrgHead) && table_->at(org).gazetteer != nullptr;
    const bool officer =
        org >= 0 && (organ || Has(head, Cue::kTitle) || (head > 0 && Has(head - 1, Cue::kTitle)));
    if (ph.event < 0 && !country && !officer) return false;
    const uint64_t head_cues = country   ? CueBit(Cue::kOrgHead) | CueBit(Cue::kDelegate)
                               : officer ? CueBit(Cue::kTitle) | CueBit(Cue::kOrgHead)
                                         : 0;
    // (Capitalised as a sentence's first word, or after a dateline's dash:
    // "AMMAN, May 12 – Ministers from Jordan, Egypt and Iraq attended".)
    const bool opening = head == 0 || t_[head - 1].token.kind == TokenKind::kPunct;
    if (t_[head].token.kind != TokenKind::kWord ||
        (t_[head].token.capitalized && !(delegates && opening) && !organ) ||
        (t_[head].cues & ~head_cues) != 0) {
      return false;
    }
    if (delegates && opening) return true;
    // (A portfolio may open the clause capitalised: "Foreign ministers of
    // Qatar and Kuwait attended", "Energy ministers from ...".)
    while (
        i > 0 && t_[i - 1].token.kind == TokenKind::kWord && !Has(i - 1, Cue::kBoundary) &&
        (((!t_[i - 1].token.capitalized ||
           (i - 1 == 0 || t_[i - 2].token.kind == TokenKind::kPunct) || (organ && i - 1 == head)) &&
          (t_[i - 1].cues & ~head_cues) == 0) ||
         Has(i - 1, Cue::kDeterminer) || Has(i - 1, Cue::kOrdinal))) {
      --i;
    }
    return i == 0 || t_[i - 1].token.kind == TokenKind::kPunct;
  }

  // Whether phrase p is the country of the organisation named right before it
  // at the head of its clause: "Le ministère des Affaires étrangères du Togo
  // a condamné" is Togo acting, as "the Togolese foreign ministry" is.
  bool StateOfOrgan(int p) const {
    const ArgPhrase& ph = args_.phrases[p];
    if (p == 0 || ph.governor < 1 || !Has(ph.governor, Cue::kConnector) ||
        SingleOf(ph, "country") < 0) {
      return false;
    }
    const ArgPhrase& organ = args_.phrases[p - 1];
    if (organ.governor >= 0 || organ.end != static_cast<uint32_t>(ph.governor) ||
        SingleOf(organ, "organization") < 0) {
      return false;
    }
    size_t i = organ.begin;
    while (i > 0 && Has(i - 1, Cue::kDeterminer)) --i;
    return i == 0 || t_[i - 1].token.kind == TokenKind::kPunct;
  }

  // The phrase right after the comma that closes a clause opening at tb (a
  // phrase index, or -1): the subject a fronted participle describes. The
  // clause may hold a list of its own ("Consacrée à la sécurité alimentaire,
  // à l'agriculture et aux infrastructures, cette édition"): the phrase is
  // the first ungoverned one after a comma.
  int FrontedSubject(uint32_t tb) const {
    for (size_t c = tb; c < n_ && !HardBoundary(c); ++c) {
      if (Text(c) != ",") continue;
      for (size_t p = 0; p < args_.phrases.size(); ++p) {
        const ArgPhrase& ph = args_.phrases[p];
        if (ph.begin <= c) continue;
        size_t q = c + 1;
        while (q < ph.begin && (Has(q, Cue::kDeterminer) || Has(q, Cue::kDemonstrative))) ++q;
        if (q == ph.begin && ph.governor < 0) return static_cast<int>(p);
        break;
      }
    }
    return -1;
  }

  // Whether a verb trigger ends right before phrase ph (past its articles):
  // ph is that verb's direct object.
  bool ObjectOfVerbBefore(const ArgPhrase& ph) const {
    for (const Hit& h : triggers_) {
      if (h.end > ph.begin || ph.begin - h.end > 1 ||
          li_.lexicon->relations.triggers[h.trigger].kind != TriggerKind::kVerb) {
        continue;
      }
      bool articles = true;
      for (size_t i = h.end; i < ph.begin; ++i) articles = articles && Has(i, Cue::kDeterminer);
      if (articles) return true;
    }
    return false;
  }
  bool ConjunctionBetween(size_t from, size_t to) const {
    for (size_t i = from; i < to; ++i) {
      if (Has(i, Cue::kConjunction)) return true;
    }
    return false;
  }

  // The subject of a trigger at token tb (a phrase index, or -1).
  int Subject(uint32_t tb) const {
    // After a possessive ("to its sanctions list"), an adjective of
    // nationality is no possessor: "five Iranian entities".
    const bool possessed = tb > 0 && Has(tb - 1, Cue::kPossessive);
    tb = SkipRelative(tb);
    for (int p = static_cast<int>(args_.phrases.size()) - 1; p >= 0; --p) {
      const ArgPhrase& ph = args_.phrases[p];
      if (ph.end > tb || Excluded(p)) continue;
      if (possessed && OnlyDemonyms(ph)) continue;
      // A fused article inside the clause governs its phrase: "a signé en
      // marge du forum un accord" (not a sentence-opening "Des délégations").
      if (ph.governor < 0 && ph.begin > 0 && !t_[ph.begin].token.capitalized &&
          Has(ph.begin, Cue::kPreposition) && Has(ph.begin, Cue::kDeterminer)) {
        continue;
      }
      // The gloss itself stands for the phrase it follows ("le PAM" of
      // "la Tanzanie et le Programme alimentaire mondial (PAM)").
      if (p > 0 && ph.begin > 0 && Text(ph.begin - 1) == "(" && ph.end < n_ &&
          Text(ph.end) == ")" && args_.phrases[p - 1].end + 1 == ph.begin) {
        continue;
      }
      // An anaphor that names no one stands between: it is the subject.
      for (uint32_t u : args_.unresolved) {
        if (u >= ph.end && u < tb) return -1;
      }
      // An agreement is what its parties signed, never the actor.
      if (IsAgreement(ph.event)) continue;
      // The object of a verb before a coordinated one is not its subject:
      // "Le Ghana a condamné l'attaque et exprimé sa solidarité avec le Bénin".
      if (ph.governor < 0 && ObjectOfVerbBefore(ph) && ConjunctionBetween(ph.end, tb)) continue;
      // A resource or sector right before a noun trigger modifies it, it is
      // not the actor: "South Korea signed a critical minerals partnership".
      if (ph.end == tb && ph.event < 0 && OnlyTopics(ph)) continue;
      // Nor before a title: "Egypt's energy minister addressed the forum".
      if (ph.event < 0 && ph.end < tb && OnlyTopics(ph) &&
          ((t_[ph.end].first_cues & CueBit(Cue::kTitle)) || Has(ph.end, Cue::kDelegate))) {
        continue;
      }
      // A parenthesis right after the phrase glosses it ("le Programme
      // alimentaire mondial (PAM) ont annoncé": an acronym, a country).
      const size_t g = AfterGloss(ph.end, tb);
      size_t boundary = n_;
      for (size_t i = g; i < tb; ++i) {
        if (HardBoundary(i)) {
          boundary = i;
          break;
        }
      }
      if (boundary != n_) {
        // A relative pronoun right after the phrase: "la Chine, qui domine"
        // (past its gloss: "l'Alliance des États du Sahel (AES), qui").
        const bool relative = Has(boundary, Cue::kBoundary) &&
                              (boundary == g || (boundary == g + 1 && Text(g) == ","));
        if (relative) {
          bool clean = true;
          for (size_t i = boundary + 1; i < tb; ++i) clean = clean && !HardBoundary(i);
          if (clean) return p;
        }
        break;
      }
      if (ph.governor < 0 || ComplementOfHead(ph) || StateOfOrgan(p)) return p;
    }
    // A participle opening the sentence: its subject follows the comma that
    // closes it ("Condamnant l'attaque, le Sénégal a appelé au calme",
    // "Condemning the attack, Senegal called for calm").
    if (tb == 0 && VerbTriggerAt(tb)) {
      const int p = FrontedSubject(tb);
      if (p >= 0 && args_.phrases[p].event < 0) return p;
    }
    // A verb before its subject: "Autour de la table figuraient la Chine, ...".
    // Not a noun: "The restriction applies to buyers in A, B" has no subject.
    if (args_.subject >= 0 && args_.phrases[args_.subject].begin >= tb && VerbTriggerAt(tb)) {
      return args_.subject;
    }
    return -1;
  }

  // "les onze autres États membres, parmi lesquels le Sénégal, le Ghana ...",
  // "member states, including France and Spain": the members are listed
  // after the marker. The organisation is the one named right after the
  // trigger ("membres de l'UA, dont ...") or right before it ("NATO member
  // states"), else the article's latest one.
  // Returns whether a list was found.
  bool MemberList(const Hit& hit, const TriggerDef& def, const RelationDef* rel,
                  std::string_view modality) {
    int org = -1;
    size_t q = hit.end;
    for (const ArgPhrase& ph : args_.phrases) {
      if (ph.begin < hit.end || ph.begin > hit.end + 2 || ph.governor < 0) continue;
      for (int e : Flat(ph.conjuncts, &x_.flat)) {
        if (Category(e) == "organization") org = e;
      }
      if (org >= 0) q = ph.end;
      break;
    }
    // Or right before it: "NATO member states".
    for (const ArgPhrase& ph : args_.phrases) {
      if (org >= 0 || ph.end != hit.begin) continue;
      for (int e : Flat(ph.conjuncts, &x_.flat)) {
        if (Category(e) == "organization") org = e;
      }
    }
    // "États" / "states" after the trigger: "membres, parmi lesquels".
    while (q < n_ && q < hit.end + 2 && Has(q, Cue::kGroupNoun)) ++q;
    if (org < 0) org = d_.last_organization;
    if (org < 0) return false;
    if (q < n_ && Text(q) == ",") ++q;
    const size_t me = q < n_ ? PhraseEnd(q, Cue::kMemberList) : 0;
    if (me == 0) return false;
    for (const ArgPhrase& ph : args_.phrases) {
      if (ph.begin < me) continue;
      for (size_t i = me; i < ph.begin; ++i) {
        if (HardBoundary(i)) return false;
      }
      bool any = false;
      for (int e : Flat(ph.conjuncts, &x_.flat)) {
        const std::string_view c = Category(e);
        if (c != "country" && c != "organization") continue;
        Emit(e, rel, org, def.id, modality, ".list");
        any = true;
      }
      return any;
    }
    return false;
  }

  // "Vietnam, an ASEAN member, protested", "Norway, which is not an EU
  // member", "Poland and the Baltic states, all NATO members", "Mercosur
  // members Brazil and Argentina": the organisation right before the noun,
  // the members before it or, when none, right after the noun. Returns
  // whether it applied.
  bool OrganizationBeforeMember(const Hit& hit, const TriggerDef& def, const RelationDef* rel,
                                std::string_view modality) {
    int org_phrase = -1, org = -1;
    for (size_t p = 0; p < args_.phrases.size(); ++p) {
      const ArgPhrase& ph = args_.phrases[p];
      if (ph.end != hit.begin || ph.governor >= 0 || ph.event >= 0 || ph.mentions.empty()) continue;
      const Mention& last = mentions_.mentions[ph.mentions.back()];
      if (last.kind == MentionKind::kEntity && last.entity >= 0 && last.end == hit.begin &&
          Category(last.entity) == "organization") {
        org_phrase = static_cast<int>(p), org = last.entity;
      }
    }
    if (org_phrase < 0) return false;
    // The members: the rest of its phrase ("Poland, a NATO member" is one
    // phrase in apposition), else the subject before it, else the phrase
    // right after the noun.
    std::vector<int>& members = x_.sources;
    members.clear();
    for (int e : Flat(args_.phrases[org_phrase].conjuncts, &x_.flat)) {
      if (e != org) members.push_back(e);
    }
    int after = -1;
    if (members.empty()) {
      after = Subject(args_.phrases[org_phrase].begin);
      for (size_t p = 0; after < 0 && p < args_.phrases.size(); ++p) {
        if (args_.phrases[p].begin == hit.end && args_.phrases[p].governor < 0) {
          after = static_cast<int>(p);
        }
      }
      if (after < 0) return false;
      for (int e : Flat(args_.phrases[after].conjuncts, &x_.flat)) members.push_back(e);
    }
    for (int e : members) {
      const std::string_view c = Category(e);
      if (c == "country" || c == "organization") Emit(e, rel, org, def.id, modality, ".before");
    }
    return true;
  }

  // A relative after an organisation states its members: "la Communauté
  // andine (CAN), dont la Bolivie et le Pérou sont membres", "NATO, of which
  // Sweden is a member", "the Andean Community, whose members include
  // Bolivia and Peru". Returns whether it applied.
  bool RelativeMembers(const Hit& hit, const TriggerDef& def, const RelationDef* rel,
                       std::string_view modality) {
    if (!(sentence_first_cues_ & CueBit(Cue::kMemberRelative))) return false;  // most sentences
    const auto relative_end = [&](size_t j) {
      return (t_[j].first_cues & CueBit(Cue::kMemberRelative)) ? PhraseEnd(j, Cue::kMemberRelative)
                                                               : 0;
    };
    size_t r = n_, re = n_;
    for (size_t i = hit.begin; i-- > 0 && hit.begin - i <= kRelativeMembersWindow;) {
      if (const size_t e = relative_end(i); e != 0 && e <= hit.begin) {
        r = i, re = e;
        break;
      }
      // (The relative, or its last word, may be a clause boundary: "of which".)
      if (HardBoundary(i) && !(i > 0 && relative_end(i - 1) > i)) break;
    }
    if (r == n_ || r < 2 || Text(r - 1) != ",") return false;
    // The organisation before its comma, past the acronym it defines.
    size_t org_end = r - 1;
    if (Text(org_end - 1) == ")") {
      size_t q = org_end - 1;
      while (q > 0 && q + 4 > org_end && Text(q) != "(") --q;
      if (Text(q) != "(") return false;
      org_end = q;
    }
    int org = -1;
    for (const ArgPhrase& ph : args_.phrases) {
      if (ph.end != org_end) continue;
      const std::vector<int>& ents = Flat(ph.conjuncts, &x_.flat);
      if (ents.size() == 1 && Category(ents[0]) == "organization") org = ents[0];
    }
    if (org < 0) return false;
    // The members: between the relative and the noun ("dont X sont
    // membres"), or after the noun and one verb ("whose members include X").
    std::vector<int>& members = x_.sources;
    members.clear();
    for (const ArgPhrase& ph : args_.phrases) {
      const bool before = ph.begin >= re && ph.end <= hit.begin;
      const bool after =
          re == hit.begin && ph.begin > hit.end && ph.begin <= hit.end + 2 && ph.governor < 0;
      if (!before && !after) continue;
      for (int e : Flat(ph.conjuncts, &x_.flat)) {
        const std::string_view c = Category(e);
        if ((c == "country" || c == "organization") && e != org) members.push_back(e);
      }
      if (after) break;
    }
    if (members.empty()) return false;
    for (int e : members) Emit(e, rel, org, def.id, modality, ".relative");
    return true;
  }

  // The countries and organisations listed after ", dont" / ", including"
  // later in the clause of trigger `hit` whose subject is a group noun right
  // before it ("30 pays participent au forum, dont ..."), into *out.
  void ListedMembersOfGroupBefore(const Hit& hit, std::vector<int>* out) {
    bool group = false;
    for (size_t q = hit.begin; q > 0 && hit.begin - q < 3 && !group; --q) {
      group = Has(q - 1, Cue::kGroupNoun);
    }
    if (!group || !(sentence_first_cues_ & CueBit(Cue::kMemberList))) return;
    for (size_t i = hit.end; i + 1 < n_ && i < hit.end + kObjectWindow; ++i) {
      if (Text(i) == "," && (t_[i + 1].first_cues & CueBit(Cue::kMemberList))) {
        const size_t me = PhraseEnd(i + 1, Cue::kMemberList);
        if (me == 0) continue;
        for (const ArgPhrase& ph : args_.phrases) {
          if (ph.begin < me) continue;
          for (size_t k = me; k < ph.begin; ++k) {
            if (HardBoundary(k) && !Has(k, Cue::kMemberList)) return;
          }
          for (int e : Flat(ph.conjuncts, &x_.flat)) {
            const std::string_view c = Category(e);
            if (c == "country" || c == "organization") out->push_back(e);
          }
          return;
        }
        return;
      }
      if (HardBoundary(i)) return;
    }
  }

  // A trigger quoted with a few words ("ont « condamné avec la plus grande
  // fermeté » le coup d'État"): its object comes after the closing quote.
  // Otherwise the trigger's end.
  size_t QuoteEnd(const Hit& hit) const {
    if (hit.begin == 0 || Text(hit.begin - 1) != "\"") return hit.end;
    for (size_t i = hit.end; i < n_ && i < hit.end + 8; ++i) {
      if (Text(i) == "\"") {
        // The object may be quoted with it: "stands with Indonesia".
        for (const ArgPhrase& ph : args_.phrases) {
          if (ph.begin >= hit.end && ph.begin < i) return hit.end;
        }
        return i + 1;
      }
      if (HardBoundary(i)) break;
    }
    return hit.end;
  }

  // Where the object of a trigger ending at te starts, or n_ when it has none.
  size_t ObjectStart(size_t te, const TriggerDef& def, uint32_t trigger, bool* between) const {
    size_t i = te, skipped = 0;
    // A date between the verb and its object ("a condamné lundi
    // l'arraisonnement", "condemned on Saturday the attack").
    while (i < n_ && (InDate(i) || (Has(i, Cue::kPreposition) && InDate(i + 1)))) ++i;
    // A free relative names the object with someone else's words: "condemned
    // what it called a heinous attack", "condamner ce que le gouvernement
    // mauricien a qualifié d'acte de piraterie". The object follows the
    // naming verb; who named it is no object.
    if (i < n_ && (t_[i].first_cues & CueBit(Cue::kFreeRelative)) &&
        PhraseEnd(i, Cue::kFreeRelative) != 0) {
      for (size_t j = i + 1; j < n_ && j < i + kSoCalledWindow && !HardBoundary(j); ++j) {
        if (!(t_[j].first_cues & CueBit(Cue::kSoCalled))) continue;
        if (const size_t e = PhraseEnd(j, Cue::kSoCalled); e != 0) return e;
      }
    }
    while (i < n_ && skipped < 4) {
      // A manner phrase: "a condamné avec la plus grande fermeté l'attaque",
      // "condemned in the strongest terms the attack".
      if ((t_[i].first_cues & CueBit(Cue::kAdverb)) && !Has(i, Cue::kAdverb)) {
        if (const size_t ae = PhraseEnd(i, Cue::kAdverb); ae > i + 1) {
          i = ae;
          ++skipped;
          continue;
        }
      }
      const bool adverb = Has(i, Cue::kAdverb);
      // Numbers ("70 %", "70,5 %"); a comma only inside a number: "Pékin
      // condamne, Kaboul se tait" has no object.
      const bool number = t_[i].token.kind == TokenKind::kNumber ||
                          (t_[i].token.kind == TokenKind::kPunct &&
                           (Text(i) == "%" || (Text(i) == "," && i > te &&
                                               t_[i - 1].token.kind == TokenKind::kNumber)));
      const bool adjective = t_[i].token.kind == TokenKind::kWord && t_[i].cues == 0 &&
                             !t_[i].token.capitalized && s_.fold_keys[i] == kNoKey &&
                             t_[i].stem == kNoKey;
      if (!(adverb || number || adjective)) break;
      ++i;
      ++skipped;
    }
    if (i >= n_) return n_;
    uint32_t idx = 0;
    const size_t pe = PhraseEnd(i, Cue::kObjectPrep, &idx);
    if (pe) {
      const auto& preps = li_.trigger_preps[trigger];
      if (std::find(preps.begin(), preps.end(), idx) != preps.end()) {
        *between = Has(i, Cue::kBetween);
        return pe;
      }
    }
    // A place, then a date, between a verb and its direct object: "a
    // accueilli mardi à Rabat la deuxième édition du Forum".
    // Or before its preposition: "est arrivé lundi à Dakar pour une visite
    // d'État", "arrived in Dakar on Monday for a state visit".
    if (Has(i, Cue::kLocPrep) && !Has(i, Cue::kConnector)) {
      const size_t after = PlaceAfter(i);
      if (after > i) {
        size_t j = after;
        while (j < n_ && (InDate(j) || (Has(j, Cue::kPreposition) && InDate(j + 1)))) ++j;
        if (def.direct_object && j < n_ && Has(j, Cue::kDeterminer) && !Has(j, Cue::kPreposition)) {
          return j;
        }
        const size_t pe2 = j < n_ ? PhraseEnd(j, Cue::kObjectPrep, &idx) : 0;
        const auto& preps = li_.trigger_preps[trigger];
        if (pe2 && !def.direct_object &&
            std::find(preps.begin(), preps.end(), idx) != preps.end()) {
          *between = Has(j, Cue::kBetween);
          return pe2;
        }
      }
    }
    // A noun's own complement before its object: "une aide d'urgence de 38
    // millions de dollars en faveur du Burundi", "support worth $2 billion
    // for Ukraine". Plain words and numbers only: a name there is an agent.
    if (def.kind == TriggerKind::kNoun && Has(i, Cue::kConnector) && Has(i, Cue::kPreposition)) {
      for (size_t j = i + 1; j < n_ && j < i + kComplementWindow; ++j) {
        if (HardBoundary(j) || Text(j) == "," || t_[j].token.capitalized) break;
        const size_t e = PhraseEnd(j, Cue::kObjectPrep, &idx);
        const auto& preps = li_.trigger_preps[trigger];
        if (e != 0 && std::find(preps.begin(), preps.end(), idx) != preps.end()) {
          *between = Has(j, Cue::kBetween);
          return e;
        }
      }
    }
    // People standing for the countries after them: "a rassemblé des
    // ministres du Rwanda et de l'Ouganda", "brought together delegations
    // from Egypt and Morocco".
    if (def.direct_object) {
      // (Past their portfolios: "fisheries and foreign ministers from".)
      size_t d = i;
      while (d < n_ && d < i + kPortfolioWords && !Has(d, Cue::kDelegate) &&
             (Has(d, Cue::kDeterminer) || Has(d, Cue::kConjunction) ||
              (t_[d].token.kind == TokenKind::kWord && !t_[d].token.capitalized &&
               (t_[d].cues == 0 || in_name_[d])))) {
        ++d;
      }
      if (d + 1 < n_ && Has(d, Cue::kDelegate) && Has(d + 1, Cue::kPreposition)) return i;
    }
    if (Has(i, Cue::kPreposition) || Has(i, Cue::kLocPrep) || Has(i, Cue::kBetween) ||
        Has(i, Cue::kAgentPrep)) {
      return n_;
    }
    if (t_[i].token.kind == TokenKind::kPunct && Text(i) == ",") return n_;
    return def.direct_object ? i : n_;
  }

  size_t WindowEnd(size_t from, size_t trigger_index, bool marker) const {
    size_t end = std::min(n_, from + (marker ? kMarkerWindow : kObjectWindow));
    for (size_t i = from; i < end; ++i) {
      // A list of the group just named goes on: "des représentants de
      // vingt pays, dont le Sénégal et le Mali".
      if (i >= 2 && Text(i - 1) == "," && Has(i - 2, Cue::kGroupNoun) &&
          (t_[i].first_cues & CueBit(Cue::kMemberList)) && PhraseEnd(i, Cue::kMemberList) != 0) {
        continue;
      }
      if (HardBoundary(i)) return i;
    }
    // Up to the next trigger (not another reading of this one's words:
    // "joined" is both membership and participation).
    size_t next = trigger_index + 1;
    while (next < triggers_.size() && triggers_[next].begin <= triggers_[trigger_index].begin) {
      ++next;
    }
    if (!marker && next < triggers_.size()) {
      end = std::min<size_t>(end, std::max<size_t>(from, triggers_[next].begin));
    }
    return end;
  }

  // Whether the sentence has any negation cue and any stem match that is
  // not a trigger (intention, hypothesis, presupposition). Most sentences
  // have neither, and then every trigger's modality is "asserted" without
  // scanning its clause.
  void FindModalityCues() {
    constexpr uint64_t kNegationCues =
        CueBit(Cue::kNegation) | CueBit(Cue::kNegParticle) | CueBit(Cue::kNegWord);
    has_negation_ = ((sentence_cues_ | sentence_first_cues_) & kNegationCues) != 0;
    has_modal_stems_ = false;
    for (const Matcher::Match& m : stem_matches_) {
      for (uint32_t p : li_.stems.Payloads(m.node)) {
        has_modal_stems_ = has_modal_stems_ || static_cast<StemCue>(p >> 24) != StemCue::kTrigger;
      }
    }
  }

  // "asserted", "negated", "hypothetical" or "intended" (static strings).
  std::string_view Modality(uint32_t tb, uint32_t te) const {
    // With no cue in the sentence, the scans below would find nothing.
    if (!has_negation_ && !has_modal_stems_) return "asserted";
    size_t cs = tb;
    while (cs > 0 && !(t_[cs - 1].token.kind == TokenKind::kPunct &&
                       (Text(cs - 1) == ";" || Text(cs - 1) == ":"))) {
      --cs;
    }
    const size_t after = std::min(n_, static_cast<size_t>(te) + 3);
    // A negated verb that presupposes the relation leaves it standing: "would
    // not affect its cooperation with Iran", "ne remet pas en cause".
    size_t presupposing_at = 0;
    for (const Matcher::Match& m : stem_matches_) {
      if (m.begin < cs || m.begin >= tb) continue;
      for (uint32_t p : li_.stems.Payloads(m.node)) {
        if (static_cast<StemCue>(p >> 24) == StemCue::kPresupposing) {
          presupposing_at = std::max<size_t>(presupposing_at, m.begin + 1);
        }
      }
    }
    bool particle = false, word = false;
    for (size_t i = cs; i < after; ++i) {
      if (i >= tb && i < te) continue;
      if (i + 1 < presupposing_at) continue;  // its negation, not the relation's
      // One word ("not", "sans") or a phrase ending before the trigger
      // ("declined to", "a refusé de").
      if (i < te + 2 &&
          (Has(i, Cue::kNegation) ||
           (i < tb && (t_[i].first_cues & CueBit(Cue::kNegation)) &&
            PhraseEnd(i, Cue::kNegation) != 0 && PhraseEnd(i, Cue::kNegation) <= tb))) {
        return "negated";
      }
      if (Has(i, Cue::kNegParticle) && i < tb) particle = true;
      if (Has(i, Cue::kNegWord)) word = true;
    }
    if (particle && word) return "negated";
    bool intention = false, hypothesis = false, presupposed = false;
    for (const Matcher::Match& m : stem_matches_) {
      if (m.begin < cs || m.begin >= tb) continue;
      for (uint32_t p : li_.stems.Payloads(m.node)) {
        const auto cue = static_cast<StemCue>(p >> 24);
        intention = intention || cue == StemCue::kIntention;
        hypothesis = hypothesis || cue == StemCue::kHypothetical;
        presupposed = presupposed || cue == StemCue::kPresupposing;
      }
    }
    if (presupposed) return "asserted";
    if (hypothesis) return "hypothetical";
    if (intention) return "intended";
    return "asserted";
  }

  int CurrentEventFor(int subject) const {
    if (d_.current_event < 0 || subject < 0) return -1;
    const ArgPhrase& ph = args_.phrases[subject];
    if (ph.event >= 0) return ph.event;
    const auto& parts = table_->at(d_.current_event).participants;
    if (ph.participants ||
        (!parts.empty() && Flat(ph.conjuncts, &x_.flat) == Flat(parts, &x_.flat2))) {
      return d_.current_event;
    }
    return -1;
  }

  // A noun trigger's genitive agent: "le soutien de la Chine au Pakistan",
  // "the support of China for Pakistan". The phrase right after the noun,
  // governed by a preposition that also joins names ("de", "of") and is not
  // one of the trigger's own object prepositions, when an actor. Returns the
  // phrase index, or -1.
  int GenitiveAgent(const Hit& hit) const {
    size_t i = hit.end;
    // (Past a comma before an adverb: "une vague de condamnations, notamment
    // de l'Algérie et du Sénégal".)
    if (i + 1 < n_ && Text(i) == "," && Has(i + 1, Cue::kAdverb)) ++i;
    while (i < n_ && Has(i, Cue::kAdverb)) ++i;
    // "de"/"of", or "from" ("drew condemnation from Togo").
    if (i >= n_ || !Has(i, Cue::kPreposition) ||
        !(Has(i, Cue::kConnector) || Has(i, Cue::kLocPrep))) {
      return -1;
    }
    uint32_t idx = 0;
    if (PhraseEnd(i, Cue::kObjectPrep, &idx) != 0) {
      const auto& preps = li_.trigger_preps[hit.trigger];
      if (std::find(preps.begin(), preps.end(), idx) != preps.end()) return -1;
    }
    for (size_t p = 0; p < args_.phrases.size(); ++p) {
      const ArgPhrase& ph = args_.phrases[p];
      if (ph.begin <= i) continue;
      if (ph.governor != static_cast<int>(i) || ph.event >= 0) return -1;
      for (int e : Flat(ph.conjuncts, &x_.flat)) {
        const std::string_view c = Category(e);
        if (c != "country" && c != "organization" && c != "region" && c != "person") return -1;
      }
      return static_cast<int>(p);
    }
    return -1;
  }

  void Trigger(size_t k) {
    if (JoiningTrigger(k)) return;
    const Hit& hit = triggers_[k];
    const TriggerDef& def = li_.lexicon->relations.triggers[hit.trigger];
    const RelationDef* rel = li_.trigger_relation[hit.trigger];
    const std::string_view modality = Modality(hit.begin, hit.end);
    bool between = false;
    const bool marker = def.kind == TriggerKind::kMarker;
    // A noun, or a verb's lexicon entry used as a noun: after an article ("la
    // condamnation du Togo"), or right before "of"/"from" ("drew
    // condemnation from Togo").
    const bool noun = def.kind == TriggerKind::kNoun ||
                      (def.kind == TriggerKind::kVerb &&
                       ((hit.begin > 0 && Has(hit.begin - 1, Cue::kDeterminer) &&
                         !Has(hit.begin - 1, Cue::kPronoun)) ||
                        // "une vague de condamnations", "a wave of condemnation"
                        (hit.begin > 0 && Has(hit.begin - 1, Cue::kConnector) &&
                         Has(hit.begin - 1, Cue::kPreposition)) ||
                        (hit.end < n_ && Has(hit.end, Cue::kPreposition) &&
                         (Has(hit.end, Cue::kConnector) || Has(hit.end, Cue::kLocPrep)))));
    const int agent = noun && !def.reciprocal ? GenitiveAgent(hit) : -1;
    if (Equals(rel->name, "member_of") && MemberList(hit, def, rel, modality)) return;
    if (Equals(rel->name, "member_of") && def.kind == TriggerKind::kNoun &&
        RelativeMembers(hit, def, rel, modality)) {
      return;
    }
    if (Equals(rel->name, "member_of") && def.kind == TriggerKind::kNoun &&
        OrganizationBeforeMember(hit, def, rel, modality)) {
      return;
    }
    size_t start = marker ? hit.end : ObjectStart(QuoteEnd(hit), def, hit.trigger, &between);
    if (agent >= 0) start = ObjectStart(args_.phrases[agent].end, def, hit.trigger, &between);
    std::vector<int>& objects = x_.objects;
    objects.clear();
    const int likewise = marker || def.inverse ? -1 : LikewiseAfter(hit.end);
    const size_t wend = start < n_ ? WindowEnd(start, k, marker) : n_;
    // After "over", "en raison de", only the incident it names: "criticised
    // China over a collision", not "sanctions on Iran over the transfer of
    // missiles to Russia".
    size_t reason_at = wend;
    const bool reasons = (sentence_first_cues_ & CueBit(Cue::kReason)) != 0;
    for (size_t i = start; reasons && !marker && i < wend; ++i) {
      if (PhraseEnd(i, Cue::kReason) != 0) {
        reason_at = i;
        break;
      }
    }
    uint32_t place_end = 0;  // the end of a place skipped after an event object
    for (size_t p = 0; p < args_.phrases.size() && start < n_; ++p) {
      const ArgPhrase& ph = args_.phrases[p];
      // A description opens with its fused article, the preposition that
      // introduces it ("lors du sommet", "au cours des pourparlers").
      const bool fused = ph.begin + 1 == start && Has(ph.begin, Cue::kDeterminer) &&
                         Has(ph.begin, Cue::kPreposition);
      if ((ph.begin < start && !fused) || ph.begin >= wend || Excluded(static_cast<int>(p))) {
        continue;
      }
      // An agent preposition opens an embedded passive ("les sanctions
      // imposées par les États-Unis"): what follows is not this object.
      if (!marker && (sentence_cues_ & CueBit(Cue::kAgentPrep))) {
        bool agent_prep = false;
        for (size_t i = start; i < ph.begin; ++i)
          agent_prep = agent_prep || Has(i, Cue::kAgentPrep);
        if (agent_prep) break;
      }
      if (ph.event < 0 && ph.begin > reason_at) continue;
      // "China condemned the attack, as did Russia": who did the same is a
      // subject, not an object.
      if (likewise >= 0 && ph.begin >= args_.phrases[likewise].begin) break;
      // A quoted object closed by its quote and a comma ends there: "ready to
      // support \"every step towards peace\", and Washington said".
      if (!marker && objects.empty() && Text(start) == "\"") {
        bool closed = false;
        for (size_t i = start + 1; i + 1 < ph.begin && !closed; ++i) {
          closed = Text(i) == "\"" && Text(i + 1) == ",";
        }
        if (closed) break;
      }
      // A comma or a closing quote after an object closes the object ("...,
      // invoquant des raisons", "\"stands with Indonesia\" and called on").
      if (!marker && !objects.empty()) {
        bool comma = false;
        for (uint32_t i = args_.phrases[objects.back()].end; i < ph.begin; ++i) {
          comma = comma || Text(i) == "," || Text(i) == "\"";
        }
        if (comma) break;
      }
      // After an event object, only what a conjunction adds is another
      // object: "a condamné l'expulsion de l'ambassadeur colombien et appelé
      // l'Équateur à ..." names neither Colombia nor Ecuador.
      // (From the place that ends the event object's own words, if any; or
      // an event named right after a conjunction: "attacks on shipping in the
      // Red Sea and the drone strike".)
      if (!marker && !objects.empty() && args_.phrases[objects.back()].event >= 0) {
        bool plain = ph.governor < 0 || !Has(ph.governor, Cue::kConnector);
        uint32_t from = std::max(args_.phrases[objects.back()].end, place_end);
        if (ph.event >= 0 && ph.governor < 0) {
          uint32_t c = ph.begin;
          while (c > from && Has(c - 1, Cue::kDeterminer) && !Has(c - 1, Cue::kPreposition)) --c;
          if (c > from && Has(c - 1, Cue::kConjunction)) from = c;
        }
        for (uint32_t i = from; plain && i < ph.begin; ++i) {
          plain = Has(i, Cue::kConjunction) || Has(i, Cue::kDeterminer) ||
                  (ph.governor >= 0 && i == static_cast<uint32_t>(ph.governor));
        }
        if (!plain) continue;
      }
      // The agreement signed is no party to the cooperation it states.
      if (Equals(rel->name, "cooperates_with") && IsAgreement(ph.event)) continue;
      // A place after an event object is where it is, not another object:
      // "a condamné le coup d'État survenu en Guinée-Bissau".
      if (!marker && !objects.empty() && args_.phrases[objects.back()].event >= 0 &&
          ph.governor >= 0 && Has(ph.governor, Cue::kLocPrep)) {
        place_end = ph.end;
        continue;
      }
      objects.push_back(static_cast<int>(p));
    }
    int subject = agent >= 0 ? agent : Subject(hit.begin);
    if (def.source_is_event) {
      int ev = -1;
      for (const ArgPhrase& ph : args_.phrases) {
        if (ph.end <= hit.begin && ph.event >= 0 && Category(ph.event) == "event") ev = ph.event;
      }
      // A participle opening the sentence describes the event named after
      // its comma: "Consacrée à la sécurité alimentaire, ..., cette édition
      // a rassemblé ...".
      if (ev < 0 && hit.begin == 0) {
        const int after = FrontedSubject(hit.begin);
        if (after >= 0 && args_.phrases[after].event >= 0 &&
            Category(args_.phrases[after].event) == "event") {
          ev = args_.phrases[after].event;
        }
      }
      if (ev < 0) ev = CurrentEventFor(subject);
      if (ev < 0) {
        // No event: the sectors named are still areas of what the sentence
        // states ("coopèrent dans le domaine de l'énergie").
        for (int p : objects) {
          for (int e : Flat(args_.phrases[p].conjuncts, &x_.flat)) {
            if (Category(e) == "sector") table_->at(e).named_area = true;
          }
        }
        return;
      }
      for (int p : objects) {
        for (int e : Flat(args_.phrases[p].conjuncts, &x_.flat)) Emit(ev, rel, e, def.id, modality);
      }
      return;
    }
    // Passive: "a été condamné par X".
    bool passive = false;
    // A form that holds its own auxiliary is passive in its meaning already:
    // "L'Irak était représenté par son ministre", "Iraq was represented by".
    if (def.kind != TriggerKind::kMarker && hit.begin > 0 && !Has(hit.begin, Cue::kPassiveAux)) {
      size_t q = hit.begin;
      while (q > 0 && Has(q - 1, Cue::kAdverb)) --q;
      passive = q > 0 && Has(q - 1, Cue::kPassiveAux);
      // A participle with its agent right after it, in a reduced relative:
      // "the meeting in Denver, hosted by the United States", "le sommet,
      // organisé par le Maroc".
      // ("l'accord, signé à Séoul par ...": an agreement is no subject, but
      // its participle is passive all the same).
      if (!passive && AgentAfter(hit.end) < n_ &&
          (Subject(hit.begin) >= 0 || AgreementBefore(hit.begin))) {
        passive = true;
      }
    }
    // A participle with its agent opening the sentence describes the event
    // after its comma: "Organisé par le Maroc, le Forum ... a réuni".
    if (!passive && def.kind != TriggerKind::kMarker && hit.begin == 0 &&
        AgentAfter(hit.end) < n_) {
      const int fronted = FrontedSubject(hit.begin);
      if (fronted >= 0 && args_.phrases[fronted].event >= 0) {
        passive = true;
        subject = fronted;
      }
    }
    FlatConjuncts& S = x_.subjects_c;
    FlatConjuncts& O = x_.objects_c;
    S.clear();
    O.clear();
    if (passive) {
      const size_t q = AgentAfter(hit.end);
      if (q >= n_) {
        passive = false;
      } else {
        for (size_t p = 0; p < args_.phrases.size(); ++p) {
          if (args_.phrases[p].begin > q) {
            AppendExpandedConjuncts(args_.phrases[p].conjuncts, &S);
            break;
          }
        }
        if (subject >= 0) AppendExpandedConjuncts(args_.phrases[subject].conjuncts, &O);
      }
    }
    if (!passive) {
      if (subject >= 0) AppendExpandedConjuncts(args_.phrases[subject].conjuncts, &S);
      if (likewise >= 0) AppendExpandedConjuncts(args_.phrases[likewise].conjuncts, &S);
      // "Pakistan joined India in condemning the attack": the one joined
      // acts too.
      if (const int joined = JoinedBefore(hit.begin); joined >= 0) {
        AppendExpandedConjuncts(args_.phrases[joined].conjuncts, &S);
        if (const int joiner = Subject(args_.phrases[joined].begin); joiner >= 0) {
          AppendExpandedConjuncts(args_.phrases[joiner].conjuncts, &S);
        }
      }
      for (int p : objects) AppendExpandedConjuncts(args_.phrases[p].conjuncts, &O);
    }
    // A gathering verb without an event as subject tells who gathered, for
    // the event named after it or the one reported: "Energy ministers from
    // Jordan and Iraq gathered in Amman for the summit".
    const bool gathered = def.inverse && !passive && Equals(rel->name, "participates_in") &&
                          subject >= 0 && args_.phrases[subject].event < 0;
    if (gathered) {
      int ev = -1;
      for (const ArgPhrase& ph : args_.phrases) {
        if (ph.begin >= hit.end && ph.event >= 0 && Category(ph.event) == "event") {
          ev = ph.event;
          break;
        }
      }
      if (ev < 0) ev = d_.current_event;
      O.clear();
      if (ev >= 0) {
        O.AddConjunct();
        O.Append(ev);
      }
    } else if (def.inverse) {
      std::swap(S, O);
    }
    std::vector<int>& sources = x_.sources;
    std::vector<int>& targets = x_.targets;
    Distinct(S.entities(), &sources);
    Distinct(O.entities(), &targets);
    // A group that takes part, its members listed after the verb: "Plus de
    // 30 pays participent au forum, dont l'Allemagne et le Japon".
    if (!passive && !def.inverse && Equals(rel->name, "participates_in") &&
        std::all_of(sources.begin(), sources.end(),
                    [&](int e) { return Category(e) == "event"; })) {
      std::vector<int>& listed = x_.listed;
      listed.clear();
      ListedMembersOfGroupBefore(hit, &listed);
      if (!listed.empty()) sources.swap(listed);
    }
    if (def.all_actors) {
      int ev = -1;
      for (const ArgPhrase& ph : args_.phrases) {
        if (ph.event >= 0 && Category(ph.event) == "event") ev = ph.event;
      }
      if (ev < 0) ev = d_.current_event;
      for (int e : sources) Emit(e, rel, ev, def.id, modality);
      for (int e : targets) Emit(e, rel, ev, def.id, modality);
      return;
    }
    // The parties to a cooperation stated with a dated agreement signed it.
    // Not when the trigger is a mere reference to one ("welcomed the deal").
    if (Equals(rel->name, "cooperates_with") && state_->participates_in &&
        !InAgreementAnaphor(hit)) {
      for (const ArgPhrase& ph : args_.phrases) {
        if (!IsAgreement(ph.event)) continue;
        for (int e : sources) {
          Emit(e, state_->participates_in, ph.event, def.id, modality, ".signatory");
        }
        for (int e : targets) {
          Emit(e, state_->participates_in, ph.event, def.id, modality, ".signatory");
        }
      }
    }
    // "between" names all the parties: "The EU welcomed the agreement between
    // Chile and France" is Chile's and France's, not the EU's.
    if (def.reciprocal && (targets.empty() || between)) {
      const auto& cs = targets.empty() ? S : O;
      if (cs.size() >= 2) {
        for (size_t a = 0; a < cs.size(); ++a) {
          for (size_t b = a + 1; b < cs.size(); ++b) {
            for (int x : cs[a]) {
              for (int y : cs[b]) Emit(x, rel, y, def.id, modality);
            }
          }
        }
      } else if (cs.size() == 1) {
        for (size_t a = 0; a < cs[0].size(); ++a) {
          for (size_t b = a + 1; b < cs[0].size(); ++b)
            Emit(cs[0][a], rel, cs[0][b], def.id, modality);
        }
      }
      return;
    }
    std::vector<int>& tgts = x_.tgts;
    tgts.assign(targets.begin(), targets.end());
    if (tgts.empty() && Equals(def.target_fallback, "current_event") && d_.current_event >= 0) {
      tgts.push_back(d_.current_event);
    }
    if (tgts.empty() && Equals(def.target_fallback, "recent_resource")) {
      tgts.assign(d_.last_resources.begin(), d_.last_resources.end());
    }
    // "Iran condemned the sanctions", "Ukraine welcomed the measures": a
    // measure named again is the article's latest one of that name.
    if (tgts.empty() && !sources.empty() && start < n_ && !passive) {
      const int measure = MeasureReferredAt(start);
      if (measure >= 0) tgts.push_back(measure);
    }
    // "denounced the EU sanctions": the measure, not its actor.
    if (!sources.empty() && start < n_ && !passive) {
      if (const int measure = MeasureAfterActorAt(start); measure >= 0) tgts.assign(1, measure);
    }
    // An object that names no entity stands for the incident being reported:
    // this sentence's ("L'attaque du 3 mars a suscité la condamnation du
    // Togo"), else the article's latest ("Washington a dénoncé un « acte
    // lâche »").
    if (tgts.empty() && Equals(def.target_fallback, "recent_incident") && !sources.empty() &&
        agent >= 0) {
      for (const ArgPhrase& ph : args_.phrases) {
        if (ph.end <= hit.begin && ph.event >= 0 && Category(ph.event) == "event" &&
            table_->at(ph.event).kind == EventKind::kIncident) {
          tgts.push_back(ph.event);
        }
      }
    }
    if (tgts.empty() && Equals(def.target_fallback, "recent_incident") && !sources.empty() &&
        start < n_ && !passive) {
      for (auto it = d_.events.rbegin(); it != d_.events.rend(); ++it) {
        if (table_->at(*it).kind == EventKind::kIncident && Category(*it) == "event") {
          tgts.push_back(*it);
          break;
        }
      }
    }
    for (int a : sources) {
      for (int b : tgts) Emit(a, rel, b, def.id, modality);
    }
    if (Equals(rel->name, "restricts"))
      restricted_.insert(restricted_.end(), tgts.begin(), tgts.end());
  }

  // The measure event a measure noun after the article or demonstrative at
  // token i refers back to ("the sanctions", "ces sanctions"): see
  // LatestMeasureNamedAt; -1 when none.
  int MeasureReferredAt(size_t i) const {
    if (i >= n_ || !(Has(i, Cue::kDeterminer) || Has(i, Cue::kDemonstrative))) return -1;
    return LatestMeasureNamedAt(i + 1);
  }
  // The article's latest measure with the head of the measure noun at i, or -1.
  int LatestMeasureNamedAt(size_t i) const {
    uint32_t idx = 0;
    if (i >= n_ || PhraseEnd(i, Cue::kEventNoun, &idx) == 0) return -1;
    const EventNoun& noun = li_.lexicon->mentions.event_nouns[idx];
    if (noun.kind != EventKind::kMeasure) return -1;
    // That head's latest, else the latest of any ("ces sanctions" after
    // "des mesures restrictives").
    int latest = -1, any = -1;
    for (size_t k = 0; k < table_->size(); ++k) {
      const EntityRecord& r = table_->at(static_cast<int>(k));
      if (r.kind == EventKind::kMeasure && Category(static_cast<int>(k)) == "event") {
        any = static_cast<int>(k);
        if (r.head_en == noun.en) latest = static_cast<int>(k);
      }
    }
    return latest >= 0 ? latest : any;
  }

  // The same, with the measure's actor between: "the EU sanctions", "les
  // sanctions" after "the US": det at i, one country or organisation, the
  // measure noun. Sets *noun_at to the noun's first token.
  int MeasureAfterActorAt(size_t i, size_t* noun_at = nullptr) const {
    if (i + 2 >= n_ || !Has(i, Cue::kDeterminer)) return -1;
    for (const Mention& m : mentions_.mentions) {
      if (m.begin != i + 1 || m.kind != MentionKind::kEntity || m.entity < 0) continue;
      const std::string_view c = Category(m.entity);
      if (c != "country" && c != "organization") return -1;
      if (noun_at != nullptr) *noun_at = m.end;
      return LatestMeasureNamedAt(m.end);
    }
    return -1;
  }

  // Export restrictions, sanctions...: an event named after its actor.
  void Measures() {
    if (!(sentence_first_cues_ & CueBit(Cue::kEventNoun))) return;  // no event noun at all
    const MentionLexicon& lex = li_.lexicon->mentions;
    for (size_t h = 0; h < n_; ++h) {
      if (s_.lower_keys[h] == kNoKey) continue;
      uint32_t idx = 0;
      const size_t he = PhraseEnd(h, Cue::kEventNoun, &idx);
      if (he == 0 || lex.event_nouns[idx].kind != EventKind::kMeasure) continue;
      // Named again ("condemned the sanctions", "the EU sanctions"): no new measure.
      if (h > 0 && MeasureReferredAt(h - 1) >= 0) continue;
      bool again = false;
      for (size_t d = h >= 4 ? h - 4 : 0; d + 1 < h && !again; ++d) {
        size_t noun_at = 0;
        again = MeasureAfterActorAt(d, &noun_at) >= 0 && noun_at == h;
      }
      if (again) continue;
      const int subject = Subject(static_cast<uint32_t>(h));
      if (subject < 0) continue;
      const std::vector<int>& actors = Flat(args_.phrases[subject].conjuncts, &x_.flat);
      if (actors.size() != 1) continue;
      const std::string_view cat = Category(actors[0]);
      if (cat != "country" && cat != "organization" && cat != "region") continue;
      const DateSpan* date = nullptr;
      size_t best = SIZE_MAX;
      for (const DateSpan& ds : mentions_.dates) {
        const size_t dist = ds.begin > h ? ds.begin - h : h - ds.end;
        if (dist < best) best = dist, date = &ds;
      }
      const EntityRecord& actor = table_->at(actors[0]);
      const std::string label = actor.entity.label + " " + lex.event_nouns[idx].en;
      const std::string iso = date ? date->iso : "";
      const int ev = table_->InternEvent(label, iso);
      table_->at(ev).kind = EventKind::kMeasure;
      table_->at(ev).head_en = lex.event_nouns[idx].en;
      const Span o =
          ctx_.norm->ToOriginalSpan({t_[h].token.begin, t_[he - 1].token.end}, ctx_.original);
      table_->AddMention(ev, ctx_.original.substr(o.begin, o.end - o.begin));
      const RelationDef* concerns = state_->concerns;
      if (concerns) {
        for (int r : restricted_) Emit(ev, concerns, r, "concerns.measure_target", "asserted");
      }
      h = he - 1;
    }
  }

  void Structural() {
    const RelationDef* member_of = state_->member_of;
    const RelationDef* edition_of = state_->edition_of;
    const RelationDef* participates = state_->participates_in;
    const RelationDef* held_in = state_->held_in;
    const RelationDef* located_in = state_->located_in;
    if (member_of) {
      for (const auto& [c, r] : mentions_.member_of)
        Emit(c, member_of, r, "member_of.listing", "asserted");
    }
    for (const Mention& m : mentions_.mentions) {
      if (m.kind != MentionKind::kEventRef || !m.new_event || m.entity < 0) continue;
      const EntityRecord& r = table_->at(m.entity);
      if (edition_of && r.forum >= 0)
        Emit(m.entity, edition_of, r.forum, "edition_of.ordinal", "asserted");
      if (participates) {
        x_.participants.clear();
        AppendExpandedConjuncts(r.participants, &x_.participants);
        for (int e : x_.participants.entities()) {
          Emit(e, participates, m.entity, "participates_in.named", "asserted");
        }
      }
      // A resource or sector naming what it is about, right before its noun
      // or one plain word away, inside its name or not: "a critical minerals
      // partnership", "a gas supply agreement".
      if (state_->concerns && Category(m.entity) == "event") {
        for (const Mention& x : mentions_.mentions) {
          if (x.kind != MentionKind::kEntity || x.entity < 0 || x.end > m.head_token ||
              x.end + 1 < m.head_token || (x.in_name && x.begin < m.begin)) {
            continue;
          }
          const std::string_view c = Category(x.entity);
          if (c != "resource" && c != "sector") continue;
          const bool plain =
              x.end == m.head_token || (t_[x.end].token.kind == TokenKind::kWord &&
                                        !t_[x.end].token.capitalized && t_[x.end].cues == 0);
          if (plain) Emit(m.entity, state_->concerns, x.entity, "concerns.modifier", "asserted");
        }
      }
    }
    if (held_in) {
      for (size_t p = 0; p < args_.phrases.size(); ++p) {
        const ArgPhrase& ev = args_.phrases[p];
        if (ev.event < 0 || Category(ev.event) != "event" ||
            table_->at(ev.event).kind == EventKind::kMeasure) {
          continue;
        }
        int best = -1;
        size_t best_dist = SIZE_MAX;
        for (size_t q = 0; q < args_.phrases.size(); ++q) {
          const ArgPhrase& pl = args_.phrases[q];
          if (q == p || pl.governor < 0 || !Has(pl.governor, Cue::kLocPrep)) continue;
          // "s'est joint à l'Inde": the one joined, not a place.
          if (JoiningBefore(pl) != n_) continue;
          const std::vector<int>& ents = Flat(pl.conjuncts, &x_.flat);
          if (ents.size() != 1) continue;
          const std::string_view c = Category(ents[0]);
          if (c != "location" && c != "country") continue;
          // A possessor names the place's country, not the place: "in
          // Indonesia's Riau Islands province".
          if (pl.end < n_ && (Text(pl.end) == "'s" || Text(pl.end) == "'")) continue;
          // Prefer a place after the event, then the nearest before it; a
          // place in another clause or far away is somewhere else.
          const bool after = pl.begin >= ev.end;
          // An event named again is placed only by what follows it: "L'ambassade
          // de Chine à Buenos Aires a dénoncé « une attaque »".
          if (!after && Anaphoric(ev)) continue;
          // (A date between takes no room: "réunie mardi et mercredi, les 5
          // et 6 mai 2026, à Bujumbura".)
          // (Nor does the event's acronym: "le Forum africain de l'énergie
          // solaire (FAES) s'est ouvert samedi à Ouarzazate".)
          const size_t from = after ? AfterGloss(ev.end, pl.begin) : pl.end;
          size_t gap = 0;
          for (size_t i = from; i < (after ? pl.begin : ev.begin); ++i) {
            gap += InDate(i) ? 0 : 1;
          }
          if (gap > (after ? kPlaceAfterWindow : kPlaceBeforeWindow)) continue;
          bool clean = true;
          for (size_t i = from; i < (after ? pl.begin : ev.begin); ++i) {
            clean = clean && !(HardBoundary(i) && !Has(i, Cue::kBoundary));
          }
          if (!clean) continue;
          // After it in its own phrase first, then before it, then after a
          // comma ("... for the 58th Meeting, with tensions in the South
          // China Sea high on the agenda").
          bool comma = false;
          for (size_t i = ev.end; after && i < pl.begin; ++i) comma = comma || Text(i) == ",";
          // A city before its country names the place: "à Dakhla, au Maroc,
          // pour la première édition".
          const size_t dist =
              (after ? (comma ? 2000 : 0) + gap : 1000 + gap) + (c == "country" ? 500 : 0);
          if (dist < best_dist) best_dist = dist, best = ents[0];
        }
        if (best >= 0 && Anaphoric(ev) && state_->placed.count(ev.event)) best = -1;
        if (best >= 0) {
          state_->placed.insert(ev.event);
          Emit(ev.event, held_in, best, "held_in.locative", "asserted");
          // The country a visit goes to takes part in it as its host, named
          // or by its capital ("en visite d'État à Dakar").
          int host = best;
          if (const GazetteerEntry* g = table_->at(best).gazetteer;
              g != nullptr && Category(best) == "location" && !g->capital_of.empty()) {
            if (const GazetteerEntry* c = table_->gazetteer().Find(g->capital_of)) {
              host = table_->Intern(*c);
            }
          }
          if (participates && Category(host) == "country" && IsVisit(ev.event)) {
            Emit(host, participates, ev.event, "participates_in.visit_host", "asserted");
          }
        }
      }
    }
    if (located_in) LocatedIn(located_in);
  }

  // Whether the preposition at i (after q) opens a named part of the place
  // before `end`: "on the Caspian coast of", not "through the Bulgaria-Serbia
  // interconnector" nor "hosted by the United States".
  bool OnNamedPart(size_t i, size_t q, size_t end) const {
    return i > q && i + 2 < end && Has(i, Cue::kPreposition) && !Has(i, Cue::kAgentPrep) &&
           Has(i + 1, Cue::kDeterminer) && t_[i + 2].token.capitalized;
  }

  // located_in where the sentence states it: the country in apposition right
  // after the place ("Samarkand, Uzbekistan", "à Tianjin, en Chine",
  // "Gwadar (Pakistan)", "Astana, la capitale du Kazakhstan"). Gazetteer
  // knowledge alone is not stated by the text.
  void LocatedIn(const RelationDef* located_in) {
    const auto& ms = mentions_.mentions;
    for (size_t k = 0; k < ms.size(); ++k) {
      const Mention& m = ms[k];
      if (m.kind != MentionKind::kEntity || m.entity < 0 || m.in_name) continue;
      if (Category(m.entity) != "location") continue;
      // A country qualifying the place's kind: "le port pakistanais de
      // Gwadar", "dans la province pakistanaise du Baloutchistan", "the
      // Russian port of Ust-Luga", "Zambia's Copperbelt Province".
      if (const int c = QualifyingCountry(k); c >= 0) {
        if (state_->structural.insert({m.entity, "located_in", c}).second) {
          Emit(m.entity, located_in, c, "located_in.qualified", "asserted");
        }
        continue;
      }
      size_t q = m.end;
      // Or with no comma, right after a locative preposition: "in Ouarzazate
      // in southern Morocco", "près d'Antofagasta au Chili".
      const bool bare = q < n_ && Has(q, Cue::kLocPrep) && !Has(q, Cue::kConnector);
      if (!bare && (q >= n_ || t_[q].token.kind != TokenKind::kPunct ||
                    (Text(q) != "," && Text(q) != "("))) {
        continue;
      }
      const bool paren = !bare && Text(q) == "(";
      if (!bare) ++q;
      const EntityRecord& r = table_->at(m.entity);
      const std::string* known = r.gazetteer ? &r.gazetteer->located_in : nullptr;
      // A sea or region named in the description is part of it: "Aktau, a
      // port city on the Caspian coast of Kazakhstan".
      size_t named_b = n_, named_e = n_;
      for (size_t j = k + 1; j < ms.size(); ++j) {
        const Mention& c = ms[j];
        if (c.begin < q) continue;
        if (c.kind != MentionKind::kEntity || c.entity < 0) break;
        if (Category(c.entity) != "country") {
          const std::string_view cat = Category(c.entity);
          if (named_b == n_ && !paren && c.begin > q && c.end <= q + 8 &&
              (cat == "location" || cat == "region")) {
            named_b = c.begin, named_e = c.end;
            continue;
          }
          break;
        }
        // Directly in apposition (articles, a locative preposition between),
        // or a few words later when the gazetteer agrees.
        bool direct = true;
        for (size_t i = q; i < c.begin; ++i) {
          direct = direct && (Has(i, Cue::kDeterminer) || Has(i, Cue::kLocPrep));
          if (HardBoundary(i) || Text(i) == ",") direct = false, i = c.begin;
        }
        // Or a description of the place's kind or part: "Aného, ville côtière
        // du sud-est du Togo", "Kigoma, a port town in western Tanzania",
        // "Kandi, dans le nord du Bénin", "Isfahan, in central Iran".
        // (Inside a parenthesis too: "Kandi (nord du Bénin)"; a few words
        // only after a bare preposition.)
        bool described = c.begin <= q + (bare ? kBareDescription : 9);
        size_t i = q;
        // through "du", "of", "in": not "a route that bypasses Russia"
        bool located = i < c.begin && Has(i, Cue::kLocPrep) && !Has(i, Cue::kConnector);
        if (located) ++i;
        if (i < c.begin && Has(i, Cue::kDeterminer)) ++i;
        // (The named part may open it: "Kirants, dans la province de Tavush en Arménie".)
        described = described && i < c.begin && (PlainKindWord(i) || (i >= named_b && i < named_e));
        for (; described && i < c.begin; ++i) {
          const bool link = Has(i, Cue::kConnector) || Has(i, Cue::kLocPrep);
          located = located || link;
          // (after a hyphen any word: "du sud-est du Togo")
          described = PlainKindWord(i) || link || Has(i, Cue::kDeterminer) || Text(i) == "-" ||
                      (i > q && Text(i - 1) == "-" && t_[i].token.kind == TokenKind::kWord) ||
                      (i >= named_b && i < named_e) || OnNamedPart(i, q, c.begin) ||
                      (i > q && Has(i - 1, Cue::kDeterminer) && t_[i].token.capitalized &&
                       t_[i].cues == 0 && !in_name_[i]) ||
                      // "Kérou, une localité de l'Atacora, au Bénin"
                      (i > q && Text(i) == "," && Has(i + 1, Cue::kLocPrep) &&
                       !Has(i + 1, Cue::kConnector));
        }
        // (A kind word and a demonym need no link: "Nouakchott, la capitale
        // mauritanienne".)
        described = described &&
                    (located || paren || (c.demonym && c.begin > q && PlainKindWord(c.begin - 1)));
        const bool agreed = !bare && known != nullptr && *known == table_->at(c.entity).entity.id &&
                            c.begin <= q + 5;
        bool clean = true;
        for (size_t i = q; i < c.begin; ++i) clean = clean && !HardBoundary(i) && Text(i) != ",";
        if ((direct || described || (agreed && clean)) &&
            (!paren || Text(std::min(c.end, static_cast<uint32_t>(n_ - 1))) == ")")) {
          if (state_->structural.insert({m.entity, "located_in", c.entity}).second) {
            Emit(m.entity, located_in, c.entity, "located_in.apposition", "asserted");
          }
        }
        break;
      }
    }
  }

  const RelationContext& ctx_;
  const LanguageIndex& li_;
  const SentenceTokens& s_;
  const std::vector<TokenInfo>& t_;
  const size_t n_;
  const SentenceMentions& mentions_;
  const SentenceArgs& args_;
  const Discourse& d_;
  EntityTable* table_;
  ArticleRelationState* state_;
  std::vector<ExtractedRelation>* out_;
  RelationScratch& x_;
  uint32_t begin_ = 0, end_ = 0;
  std::vector<Matcher::Match>& stem_matches_;
  std::vector<char>& in_name_;
  std::vector<Hit>& triggers_;
  std::vector<Emitted>& emitted_;
  std::vector<int>& excluded_;
  std::vector<int>& restricted_;
  std::string reported_by_;
  // FindModalityCues(): set before the first trigger is read.
  bool has_negation_ = false, has_modal_stems_ = false;
  // Every token's cues and first_cues or'ed together (constructor).
  uint64_t sentence_cues_ = 0, sentence_first_cues_ = 0;
};

}  // namespace

void FindRelations(const RelationContext& ctx, const SentenceTokens& s,
                   const SentenceMentions& mentions, const SentenceArgs& args,
                   const Discourse& discourse, EntityTable* table, ArticleRelationState* state,
                   std::vector<ExtractedRelation>* out) {
  thread_local RelationScratch scratch;
  SentenceRelations(ctx, s, mentions, args, discourse, table, state, out, &scratch).Run();
}

}  // namespace newsgraph
