#include "newsgraph/extract/mentions.h"

#include <algorithm>
#include <bit>

#include "newsgraph/base/order_key.h"
#include "newsgraph/text/normalizer.h"
#include "newsgraph/text/string_hash.h"

namespace newsgraph {
namespace {

// Lower-case words a French event name may run over before the proper name
// that closes it ("des partenaires au développement du Burundi").
constexpr size_t kFrenchNameWords = 7;
// How far after an event noun a "depuis"/"since" makes its ordinal a count
// ("la première visite d'État d'un président français au Vietnam depuis").
constexpr size_t kSinceWindow = 10;
// Tokens a dateline's date and agency may take before its dash ("RABAT, 14
// oct. 2025 (MAP) –").
constexpr size_t kDatelineWords = 12;

int CategoryRank(const std::string& c) {
  // (Views: a comparison checks the sizes before any byte.)
  static constexpr std::string_view kOrder[] = {"country",  "region",   "organization",
                                                "location", "resource", "sector",
                                                "person",   "forum",    "event"};
  // Pick the one candidate by first letter, then compare once.
  int i = 9;
  switch (c.empty() ? '\0' : c[0]) {
    case 'c':
      i = 0;
      break;
    case 'o':
      i = 2;
      break;
    case 'l':
      i = 3;
      break;
    case 'p':
      i = 6;
      break;
    case 'f':
      i = 7;
      break;
    case 'e':
      i = 8;
      break;
    case 'r':
      i = c.size() > 2 && c[2] == 'g' ? 1 : 4;
      break;
    case 's':
      i = 5;
      break;
    default:
      return 9;
  }
  return std::string_view(c) == kOrder[i] ? i : 9;
}

bool NeedsCapitalRank(int rank) {  // country, region, organization, location
  return rank <= 3;
}

std::string OrdinalEn(int n) {
  const int mod100 = n % 100, mod10 = n % 10;
  const char* suffix = "th";
  if (mod100 < 11 || mod100 > 13) {
    if (mod10 == 1) suffix = "st";
    if (mod10 == 2) suffix = "nd";
    if (mod10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

std::string TitleCase(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    start = (c == ' ' || c == '-');
  }
  return out;
}

class SentenceScanner {
 public:
  // `covered` and `date_tok` are scratch buffers reused across sentences.
  SentenceScanner(const MentionContext& ctx, const SentenceTokens& s,
                  const std::vector<DateMention>& dates, EntityTable* table, SentenceMentions* out,
                  std::vector<int>* covered, std::vector<char>* date_tok)
      : ctx_(ctx),
        li_(ctx.index->ForLang(ctx.lang)),
        s_(s),
        t_(s.tokens),
        n_(s.tokens.size()),
        table_(table),
        out_(out),
        covered_(*covered),
        date_tok_(*date_tok) {
    covered_.assign(n_, -1);
    date_tok_.assign(n_, 0);
    // The cues of the tokens, and of the phrases they start, or'ed together:
    // a pass looking for a cue the sentence lacks is skipped whole.
    sentence_cues_ = s.cues;
    sentence_first_cues_ = s.first_cues;
    for (const DateMention& d : dates) {
      if (d.begin < s.span.begin || d.end > s.span.end) continue;
      DateSpan ds{0, 0, d.iso};
      bool found = false;
      // Tokens are in text order: skip those ending before the date at once.
      const auto first = std::partition_point(
          t_.begin(), t_.end(), [&](const TokenInfo& t) { return t.token.end <= d.begin; });
      for (uint32_t i = static_cast<uint32_t>(first - t_.begin()); i < n_; ++i) {
        if (t_[i].token.end <= d.begin) continue;
        if (t_[i].token.begin >= d.end) break;
        if (!found) ds.begin = i, found = true;
        ds.end = i + 1;
        date_tok_[i] = 1;
      }
      if (found) out_->dates.push_back(ds);
    }
  }

  void Run() {
    Gazetteer();
    Groups();
    People();
    Organizations();
    Acronyms();
    Places();
    NamedEditions();
    Events();
    UntitledPeople();
    TitledPeople();
    Anaphors();
    // In text order, stably. Each pass adds its mentions in text order, so
    // a mention moves back only past the few of later passes before it: an
    // insertion sort moves little and needs no temporary buffer.
    auto& ms = out_->mentions;
    for (auto it = ms.begin(); it != ms.end(); ++it) {
      const auto at = std::upper_bound(ms.begin(), it, it->begin,
                                       [](uint32_t b, const Mention& m) { return b < m.begin; });
      if (at != it) std::rotate(at, it, it + 1);
    }
  }

 private:
  bool Has(size_t i, Cue c) const { return i < n_ && (t_[i].cues & CueBit(c)); }
  // Whether some token of the sentence is a `c` / starts a phrase with `c`.
  bool SentenceHas(Cue c) const { return (sentence_cues_ & CueBit(c)) != 0; }
  bool SentenceStarts(Cue c) const { return (sentence_first_cues_ & CueBit(c)) != 0; }
  bool Cap(size_t i) const {
    return i < n_ && t_[i].token.kind == TokenKind::kWord && t_[i].token.capitalized;
  }
  bool Free(size_t i) const { return i < n_ && covered_[i] < 0 && !date_tok_[i]; }
  // Whether token i is the one character c (TokenText(...) == "c", without
  // building the view).
  bool IsChar(size_t i, char c) const {
    const Token& t = t_[i].token;
    return t.end - t.begin == 1 && ctx_.normalized[t.begin] == c;
  }
  bool IsHyphen(size_t i) const {
    return i < n_ && t_[i].token.kind == TokenKind::kPunct &&
           TokenText(ctx_.normalized, t_[i].token) == "-";
  }
  // A lower-case word that looks like a past participle ("prévu", "organisée",
  // "scheduled"): it opens a reduced relative clause after a comma.
  bool IsParticiple(size_t i) const {
    if (i >= n_ || t_[i].token.kind != TokenKind::kWord || Cap(i) || t_[i].cues != 0) return false;
    return LooksLikeParticiple(TokenText(ctx_.normalized, t_[i].token));
  }

  // A dateline's dash: "Rabat – Le président ...", "DENVER - Ministers ...".
  bool DatelineAt(size_t name_end) const {
    if (name_end == 0 || name_end >= n_ || t_[name_end].token.kind != TokenKind::kPunct) {
      return false;
    }
    // Past its date and its agency: "BRUXELLES, 3 juin 2025 –", "RABAT, 14
    // oct. 2025 (MAP) –", "LIMA (AFP) –".
    if (IsChar(name_end, ',') || IsChar(name_end, '(')) {
      size_t q = name_end;
      while (q < n_ && q < name_end + kDatelineWords) {
        if (IsChar(q, ',') || date_tok_[q] || t_[q].token.kind == TokenKind::kNumber) {
          ++q;
        } else if (IsChar(q, '(') && q + 2 < n_ && IsChar(q + 2, ')')) {
          q += 3;
        } else {
          break;
        }
      }
      if (q == name_end || q >= n_ || t_[q].token.kind != TokenKind::kPunct ||
          t_[q].token.begin == t_[q - 1].token.end) {
        return false;
      }
      const std::string_view x = TokenText(ctx_.normalized, t_[q].token);
      return x == "-" || x == kCanonicalDash;
    }
    // A spaced dash, not a hyphen inside a word ("Au-delà").
    if (t_[name_end].token.begin == t_[name_end - 1].token.end) return false;
    const std::string_view x = TokenText(ctx_.normalized, t_[name_end].token);
    return x == "-" || x == kCanonicalDash;
  }
  std::string_view Norm(size_t b, size_t e) const {
    return ctx_.normalized.substr(t_[b].token.begin, t_[e - 1].token.end - t_[b].token.begin);
  }
  std::string_view Original(size_t b, size_t e) const {
    Span o = ctx_.norm->ToOriginalSpan({t_[b].token.begin, t_[e - 1].token.end}, ctx_.original);
    return ctx_.original.substr(o.begin, o.end - o.begin);
  }
  size_t PhraseEnd(size_t i, Cue cue, uint32_t* index = nullptr) const {
    return LongestPhraseAt(li_, s_, i, cue, index);
  }
  // Takes an rvalue: the mention is moved once, into the list.
  int AddMention(Mention&& m, bool cover = true) {
    const int id = static_cast<int>(out_->mentions.size());
    if (cover) {
      for (uint32_t i = m.begin; i < m.end; ++i) covered_[i] = id;
    }
    out_->mentions.push_back(std::move(m));
    return id;
  }
  int MentionAt(size_t i) const { return i < n_ ? covered_[i] : -1; }
  const Mention* EntityMentionStarting(size_t i) const {
    const int m = MentionAt(i);
    if (m < 0) return nullptr;
    const Mention& x = out_->mentions[m];
    if (x.begin != i || (x.kind != MentionKind::kEntity && x.kind != MentionKind::kGroup) ||
        x.entity < 0) {  // people named by the countries they come from
      return nullptr;
    }
    return &x;
  }

  // Whether a locative preposition governs the name starting at i: directly
  // ("à Pékin", "in Beijing", skipping articles) or as a later conjunct of a
  // locative name ending at `prev_end` ("in Beijing and Moscow").
  bool LocativeGoverned(size_t i, size_t prev_end) const {
    size_t q = i;
    while (q > 0 && Has(q - 1, Cue::kDeterminer) && !Has(q - 1, Cue::kLocPrep)) --q;
    if (q > 0 && Has(q - 1, Cue::kLocPrep)) return true;
    if (prev_end == 0 || prev_end > i) return false;
    bool joined = false;
    for (size_t k = prev_end; k < i; ++k) {
      const bool comma =
          t_[k].token.kind == TokenKind::kPunct && TokenText(ctx_.normalized, t_[k].token) == ",";
      if (!(Has(k, Cue::kConjunction) || comma || Has(k, Cue::kDeterminer) ||
            Has(k, Cue::kLocPrep))) {
        return false;
      }
      joined = true;
    }
    return joined;
  }

  void Gazetteer() {
    size_t last_locative_end = 0;
    const auto& names = ctx_.index->names();
    const Matcher& gazetteer = ctx_.index->gazetteer();
    for (size_t i = 0; i < n_;) {
      // The trie node after token i; 0 when no name starts here (most tokens).
      uint32_t node = t_[i].gazetteer_node;
      if (node == 0) {
        ++i;
        continue;
      }
      size_t end = 0;
      uint32_t best = 0;
      for (size_t j = i;;) {
        int best_rank = 100;
        for (uint32_t p : gazetteer.Payloads(node)) {
          const IndexedName& name = names[p];
          const int rank = CategoryRank(name.entry->category);
          if (rank >= best_rank) continue;
          if (name.lang && *name.lang != ctx_.lang && !t_[i].token.capitalized) continue;
          if (name.case_sensitive) {
            if (Norm(i, j + 1) != name.normalized) continue;
          } else if (name.kind != NameKind::kDemonym && NeedsCapitalRank(rank) &&
                     !((t_[i].token.capitalized && !(j > i && Has(i, Cue::kDeterminer))) ||
                       (j > i && t_[j].token.capitalized))) {
            // A name of several words may open with a lower-case common noun
            // when a later word is capitalised: "la mer Caspienne". An
            // article opening the sentence is capitalised for the sentence,
            // not the name: "La réunion a rassemblé" is no "La Réunion".
            continue;
          }
          best_rank = rank, best = p, end = j + 1;
        }
        if (++j >= n_ || s_.fold_keys[j] == kNoKey) break;
        node = gazetteer.Child(node, s_.fold_keys[j]);
        if (node == 0) break;
      }
      if (end == 0) {
        ++i;
        continue;
      }
      const IndexedName& name = names[best];
      const GazetteerEntry* entry = name.entry;
      Mention m;
      m.begin = static_cast<uint32_t>(i);
      m.end = static_cast<uint32_t>(end);
      // Capital metonymy: a capital is its country ("New Delhi a annoncé",
      // "Beijing said", "ties with Moscow") unless a locative preposition
      // governs it, directly or through a coordination ("à Pékin et Moscou").
      // A dateline names the place the report comes from, not an actor.
      const bool dateline = i == 0 && DatelineAt(end);
      // A meeting named after its city names the place: "le Forum de Rabat",
      // "la Conférence de Paris".
      const bool meeting_city = i >= 2 && Has(i - 1, Cue::kConnector) && Cap(i - 2) &&
                                (t_[i - 2].first_cues & CueBit(Cue::kEventNoun)) != 0;
      const bool locative = LocativeGoverned(i, last_locative_end) || dateline || meeting_city;
      if (entry->category == "location" && !entry->capital_of.empty() && !locative) {
        if (const GazetteerEntry* c = table_->gazetteer().Find(entry->capital_of)) entry = c;
      }
      if (locative) last_locative_end = end;
      m.demonym = name.kind == NameKind::kDemonym;
      // A country on the dateline ("LUXEMBOURG – ...", "SINGAPORE – ...")
      // is where the report comes from: named, but no argument.
      m.in_name = dateline && entry->category == "country";
      m.entity = table_->Intern(*entry);
      table_->AddMention(m.entity, Original(i, end));
      if (ctx_.lang == Lang::kFr) {
        if (i > 0 && Has(i - 1, Cue::kFemArticle)) {
          m.feminine = true;
        } else if (i > 0 && Has(i - 1, Cue::kMascArticle)) {
          m.masculine = true;
        } else {
          const std::string_view surface = Norm(i, end);
          m.feminine = !surface.empty() && surface.back() == 'e';
          m.masculine = !m.feminine;
        }
      }
      AddMention(std::move(m));
      i = end;
    }
  }

  // "les (cinq) pays d'Asie centrale", "the (five) Central Asian states".
  void Groups() {
    for (size_t k = 0; k < out_->mentions.size(); ++k) {
      Mention& m = out_->mentions[k];
      if (m.kind != MentionKind::kEntity) continue;
      const EntityRecord& r = table_->at(m.entity);
      if (r.gazetteer == nullptr || r.gazetteer->members.empty()) continue;
      size_t b = m.begin, e = m.end;
      bool group = false;
      // French: group noun, then "de"/"d'"/"des", then the region.
      if (b >= 2 && (Has(b - 1, Cue::kConnector) || Has(b - 1, Cue::kPreposition)) &&
          Has(b - 2, Cue::kGroupNoun)) {
        b -= 2, group = true;
      } else if (b >= 3 && Has(b - 1, Cue::kDeterminer) && Has(b - 2, Cue::kPreposition) &&
                 Has(b - 3, Cue::kGroupNoun)) {
        b -= 3, group = true;
      }
      if (!group && Has(e, Cue::kGroupNoun)) e += 1, group = true;  // English
      if (!group) continue;
      uint32_t num = 0;
      if (b > 0 && Has(b - 1, Cue::kNumberWord) && PhraseEnd(b - 1, Cue::kNumberWord, &num)) {
        m.count = li_.lexicon->mentions.number_words[num].value;
        --b;
      }
      m.kind = MentionKind::kGroup;
      m.members = table_->Members(m.entity);
      m.plural = true;
      for (size_t i = b; i < e; ++i) covered_[i] = static_cast<int>(k);
      m.begin = static_cast<uint32_t>(b);
      m.end = static_cast<uint32_t>(e);
      // An explicit listing right after: "— le Kazakhstan, ..., et l'Ouzbékistan —".
      // A few plain words may come first: "les quatre pays d'Asie centrale
      // membres de l'organisation : le Kazakhstan, ...".
      size_t j = e;
      while (j < n_ && j < e + 5 && t_[j].token.kind == TokenKind::kWord && covered_[j] < 0) ++j;
      if (j < n_ && t_[j].token.kind != TokenKind::kPunct) j = e;
      if (j < n_ && t_[j].token.kind == TokenKind::kPunct &&
          (TokenText(ctx_.normalized, t_[j].token) == kCanonicalDash ||
           TokenText(ctx_.normalized, t_[j].token) == "-" ||
           TokenText(ctx_.normalized, t_[j].token) == ":" ||
           TokenText(ctx_.normalized, t_[j].token) == "(")) {
        std::vector<int> listed;
        ++j;
        while (j < n_) {
          if (Has(j, Cue::kDeterminer) || Has(j, Cue::kConjunction) ||
              TokenText(ctx_.normalized, t_[j].token) == ",") {
            ++j;
            continue;
          }
          const Mention* x = EntityMentionStarting(j);
          if (x == nullptr || x->kind != MentionKind::kEntity) break;
          const int ent = x->entity;
          if (std::find(m.members.begin(), m.members.end(), ent) == m.members.end()) break;
          listed.push_back(ent);
          out_->mentions[covered_[j]].in_name = true;
          j = x->end;
        }
        if (listed.size() >= 2) {
          for (int c : listed) out_->member_of.push_back({c, m.entity});
        } else {
          for (size_t q = e; q < j; ++q) {
            const int mm = covered_[q];
            if (mm >= 0 && mm != static_cast<int>(k)) out_->mentions[mm].in_name = false;
          }
        }
      }
    }
  }

  // Capitalised words from i (joined by hyphens), at most `max` words.
  size_t CapitalRun(size_t i, size_t max) const {
    size_t j = i, words = 0;
    while (j < n_ && Cap(j) && Free(j) && words < max) {
      ++words;
      ++j;
      if (IsHyphen(j) && Cap(j + 1) && Free(j + 1)) ++j;
      // A short lower-case particle hyphenated to the next name: "Haidar
      // al-Janabi", "Abdel Fattah el-Sisi".
      if (j + 2 < n_ && Free(j) && !Cap(j) && t_[j].token.kind == TokenKind::kWord &&
          t_[j].token.end - t_[j].token.begin <= 3 && IsHyphen(j + 1) && Cap(j + 2) &&
          Free(j + 2)) {
        j += 2;
      }
      // A given name's lower-case second syllable: "Yoon Sang-hoon", "Park
      // Ji-hoon" (not a first word: "Saudi-led").
      if (words >= 2 && IsHyphen(j) && j + 1 < n_ && !Cap(j + 1) && Free(j + 1) &&
          t_[j + 1].token.kind == TokenKind::kWord &&
          t_[j + 1].token.end - t_[j + 1].token.begin <= 4 &&
          t_[j + 1].token.begin == t_[j].token.end) {
        j += 2;
        break;
      }
    }
    return words == 0 ? i : j;
  }

  int NewEntity(const std::string& category, const std::string& label, size_t b, size_t e) {
    const int ent = table_->InternNew(category + "_" + Slug(label), category, label);
    table_->AddMention(ent, Original(b, e));
    return ent;
  }

  void People() {
    // Byline: "Par Païsiy Ukhanov" alone on its line.
    if (n_ >= 2 && Has(0, Cue::kByline) && Cap(1)) {
      const size_t e = CapitalRun(1, 4);
      if (e == n_) {
        Mention m;
        m.begin = 0, m.end = static_cast<uint32_t>(e);
        m.entity = NewEntity("person", std::string(Norm(1, e)), 1, e);
        AddMention(std::move(m));
        return;
      }
    }
    // (A title may open with a word that is none alone: "porte-parole",
    // "chef du gouvernement", "High Representative".)
    const bool titles = SentenceStarts(Cue::kTitle);
    for (size_t i = 0; titles && i < n_; ++i) {
      if (!(t_[i].first_cues & CueBit(Cue::kTitle)) || !Free(i)) continue;
      size_t j = PhraseEnd(i, Cue::kTitle);
      if (j == 0) continue;
      // "le président kazakh Tokaïev": a demonym between title and name.
      if (j < n_ && covered_[j] >= 0 && !t_[j].token.capitalized)
        j = out_->mentions[covered_[j]].end;
      size_t e = CapitalRun(j, 4);
      if (e == j) {
        // "le ministre kazakh des Affaires étrangères, Erlan Mukhamedov": the
        // name in apposition after the title's complement (two words or more).
        for (size_t q = j; q < n_ && q < j + 8; ++q) {
          if (t_[q].token.kind != TokenKind::kPunct) continue;
          if (TokenText(ctx_.normalized, t_[q].token) == "," && Cap(q + 1) &&
              !Has(q + 1, Cue::kDeterminer)) {
            const size_t ne = CapitalRun(q + 1, 4);
            if (ne >= q + 3) j = q + 1, e = ne;
          }
          break;
        }
        if (e == j) continue;
      }
      Mention m;
      m.begin = static_cast<uint32_t>(j), m.end = static_cast<uint32_t>(e);
      // "Mme Bennani" after "Nadia Bennani", "M. Ondo Mba" after "Hervé Ondo
      // Mba": a surname alone is the person named in full before, when
      // exactly one person has that surname.
      m.entity = PersonBySurname(Norm(j, e));
      if (m.entity >= 0) {
        table_->AddMention(m.entity, Original(j, e));
      } else {
        m.entity = NewEntity("person", std::string(Norm(j, e)), j, e);
      }
      m.masculine = m.feminine = false;
      // The title belongs to the person's phrase: what it names (a demonym,
      // a portfolio) is no argument of its own, and its country is the
      // person's.
      // A title that names an actor by name ("le président de la Commission
      // de la CEDEAO, ...") keeps it as an argument and the phrase as it was.
      const size_t tb = TitleStart(i);
      // Its country, else its organisation ("the EU's High Representative").
      int affiliation = -1, organization = -1;
      bool absorb = true;
      for (size_t q = tb; q < j; ++q) {
        const int x = covered_[q];
        if (x < 0) continue;
        const Mention& inner = out_->mentions[x];
        const std::string* cat = inner.kind == MentionKind::kEntity && inner.entity >= 0
                                     ? &table_->at(inner.entity).entity.category
                                     : nullptr;
        if (cat != nullptr && *cat == "country" && affiliation < 0) affiliation = inner.entity;
        if (cat != nullptr && *cat == "organization" && organization < 0) {
          organization = inner.entity;
        }
        const bool topic = cat != nullptr && (*cat == "resource" || *cat == "sector");
        const bool demonym = cat != nullptr && inner.demonym && *cat == "country";
        absorb = absorb && (topic || demonym);
      }
      if (affiliation < 0) affiliation = organization;
      // Or its possessor: "the EU's High Representative", "India's minister".
      if (affiliation < 0 && tb >= 2 && covered_[tb - 2] >= 0 &&
          (TokenText(ctx_.normalized, t_[tb - 1].token) == "'s" ||
           TokenText(ctx_.normalized, t_[tb - 1].token) == "'")) {
        const Mention& owner = out_->mentions[covered_[tb - 2]];
        if (owner.kind == MentionKind::kEntity && owner.entity >= 0 && owner.end == tb - 1) {
          const std::string& c = table_->at(owner.entity).entity.category;
          if (c == "country" || c == "organization") affiliation = owner.entity;
        }
      }
      if (affiliation >= 0 && table_->at(m.entity).affiliation < 0) {
        table_->at(m.entity).affiliation = affiliation;
      }
      if (absorb) {
        for (size_t q = tb; q < j; ++q) {
          if (covered_[q] >= 0) out_->mentions[covered_[q]].in_name = true;
        }
        m.begin = static_cast<uint32_t>(tb);
      }
      // Only the name is covered: later passes still find names inside the
      // title ("le porte-parole du ministère des Affaires étrangères, X"),
      // and TitledPeople() then gives the phrase back its title-less span.
      const int id = AddMention(std::move(m), /*cover=*/false);
      for (size_t q = j; q < e; ++q) covered_[q] = id;
      if (absorb && tb < j) titled_.push_back({id, static_cast<uint32_t>(j)});
      i = e;
    }
    NamesBeforeTitles();
  }

  // A name with its title in apposition after it: "Katarina Vella, the EU
  // commissioner for enlargement, said", "said Amina Traoré, the AU
  // commissioner". Two or three capitalised words no lexicon knows, a comma,
  // then maybe an article and at most three words before the title; an
  // entity among those words is the person's affiliation.
  void NamesBeforeTitles() {
    // Only a title after the name makes one: none in the sentence, no scan.
    if (!SentenceStarts(Cue::kTitle)) return;
    for (size_t i = 0; i + 3 < n_; ++i) {
      if (!Cap(i) || !Free(i) || t_[i].cues != 0 || t_[i].first_cues != 0) continue;
      const size_t e = CapitalRun(i, 3);
      if (e < i + 2 || e >= n_ || TokenText(ctx_.normalized, t_[e].token) != ",") {
        i = std::max(i, e);
        continue;
      }
      bool plain = true;
      for (size_t q = i; q < e && plain; ++q) plain = t_[q].cues == 0 && t_[q].first_cues == 0;
      size_t q = e + 1;
      if (!plain || q >= n_) continue;
      if (Has(q, Cue::kDeterminer)) ++q;  // "the", "la"; or none: "Elnur Aliyev, vice-president"
      int affiliation = -1;
      size_t title_end = 0;
      for (size_t words = 0; q < n_ && words <= 3; ++words) {
        if (t_[q].first_cues & CueBit(Cue::kTitle)) {
          title_end = PhraseEnd(q, Cue::kTitle);
          if (title_end != 0) break;
        }
        if (const int x = covered_[q]; x >= 0) {
          const Mention& inner = out_->mentions[x];
          if (inner.kind == MentionKind::kEntity && inner.entity >= 0 && affiliation < 0) {
            const std::string& c = table_->at(inner.entity).entity.category;
            if (c == "country" || c == "organization") affiliation = inner.entity;
          }
          q = std::max<size_t>(q + 1, inner.end);
          continue;
        }
        if (t_[q].token.kind != TokenKind::kWord) break;
        ++q;
      }
      if (title_end == 0) continue;
      Mention m;
      m.begin = static_cast<uint32_t>(i), m.end = static_cast<uint32_t>(e);
      m.entity = NewEntity("person", std::string(Norm(i, e)), i, e);
      if (affiliation >= 0 && table_->at(m.entity).affiliation < 0) {
        table_->at(m.entity).affiliation = affiliation;
      }
      AddMention(std::move(m));
      i = e;
    }
  }

  // The organisations or countries a group of people belongs to, named
  // right after them through "de"/"of"/"from" and a few plain words ("les
  // chefs d'État et de gouvernement de la CEDEAO", "ministers from Denmark,
  // Estonia and Finland"); their mention indices in text order, or none.
  std::vector<int> OwnersAfter(size_t e) const {
    std::vector<int> owners;
    bool connector = false;
    for (size_t q = e; q < n_ && q < e + 6; ++q) {
      const int mt = covered_[q];
      if (mt >= 0) {
        if (!connector || !IsOwner(mt, q)) return {};
        owners.push_back(mt);
        // More owners in a list: "de l'Inde et du Pakistan", "Denmark, Estonia".
        size_t r = out_->mentions[mt].end;
        while (r < n_) {
          size_t x = r;
          while (x < n_ && x < r + 3 &&
                 (Has(x, Cue::kConjunction) || Has(x, Cue::kDeterminer) ||
                  Has(x, Cue::kConnector) || TokenText(ctx_.normalized, t_[x].token) == ",")) {
            ++x;
          }
          if (x == r || x >= n_ || covered_[x] < 0 || !IsOwner(covered_[x], x)) break;
          owners.push_back(covered_[x]);
          r = out_->mentions[covered_[x]].end;
        }
        return owners;
      }
      // (An article is no connector: "les participants figuraient le Nigeria".)
      if (Has(q, Cue::kDeterminer) && !Has(q, Cue::kPreposition)) continue;
      if (Has(q, Cue::kConnector) || Has(q, Cue::kLocPrep)) {
        connector = true;
        continue;
      }
      if (Has(q, Cue::kConjunction) || Has(q, Cue::kDeterminer)) continue;
      if (t_[q].token.kind != TokenKind::kWord || t_[q].token.capitalized) return {};
      // Nor a verb before any "de": "Parmi les délégations figuraient celles
      // de la France" names no delegations of France.
      if (!connector && t_[q].stem_node != 0) return {};
    }
    return {};
  }
  bool IsOwner(int mt, size_t q) const {
    const Mention& o = out_->mentions[mt];
    if (o.begin != q || o.kind != MentionKind::kEntity || o.entity < 0 || o.in_name) return false;
    const std::string& c = table_->at(o.entity).entity.category;
    return c == "organization" || c == "country";
  }

  // A person's phrase spans their title unless a later pass found a name
  // inside it.
  // A name no title introduces, acting or speaking: "António Guterres a
  // condamné l'attaque", "Moussa Faki Mahamat a fermement condamné", "Ruto
  // said". Two or three capitalised words no lexicon knows, opening the
  // sentence or its clause, right before a verb of the relation lexicons or a
  // reporting verb; one word alone only as the surname of a person already
  // named ("Guterres a ajouté"), and the end of a name given in full before is
  // that person. Runs after organisations, places and events,
  // so that their names are taken already.
  void UntitledPeople() {
    if (!(sentence_first_cues_ & CueBit(Cue::kReportingVerb)) && !AnyStemPhrase()) return;
    for (size_t i = 0; i + 1 < n_; ++i) {
      if (!Cap(i) || !Free(i) || t_[i].cues != 0 || t_[i].first_cues != 0) continue;
      const size_t e = CapitalRun(i, 3);
      bool plain = e > i;
      for (size_t q = i; q < e && plain; ++q) plain = t_[q].cues == 0 && t_[q].first_cues == 0;
      const bool opens =
          i == 0 || t_[i - 1].token.kind == TokenKind::kPunct || Has(i - 1, Cue::kConjunction);
      if (!plain || !opens || (i > 0 && (IsChar(i - 1, '-') || Has(i - 1, Cue::kDeterminer))) ||
          !VerbAfterName(e)) {
        i = std::max(i, e - 1);
        continue;
      }
      // "Ilunga Kasongo said" after "Patrick Ilunga Kasongo": the person named.
      const int known = PersonBySurname(Norm(i, e));
      if (e == i + 1 && known < 0) continue;
      Mention m;
      m.begin = static_cast<uint32_t>(i), m.end = static_cast<uint32_t>(e);
      if (known >= 0) {
        m.entity = known;
        table_->AddMention(known, Original(i, e));
      } else {
        m.entity = NewEntity("person", std::string(Norm(i, e)), i, e);
      }
      m.masculine = m.feminine = false;
      AddMention(std::move(m));
      i = e - 1;
    }
  }

  // Whether a stem phrase of the relation or modality lexicons starts at some
  // token of the sentence.
  bool AnyStemPhrase() const {
    for (size_t i = 0; i < n_; ++i) {
      if (t_[i].stem_node != 0) return true;
    }
    return false;
  }

  // Whether a verb follows a name ending at e: past adverbs, a reporting verb
  // ("said", "a déclaré") or a lower-case word opening a stem phrase of the
  // lexicons ("condemned"), in French after its auxiliary ("a condamné", "ont
  // fermement dénoncé").
  bool VerbAfterName(size_t e) const {
    size_t q = e;
    if (q < n_ && (t_[q].first_cues & CueBit(Cue::kReportingVerb))) return true;
    if (ctx_.lang == Lang::kFr) {
      const std::string_view aux = q < n_ ? TokenText(ctx_.normalized, t_[q].token) : "";
      if (aux != "a" && aux != "ont") return false;
      ++q;
    }
    while (q < n_ && Has(q, Cue::kAdverb)) ++q;
    return q < n_ && !Cap(q) && t_[q].token.kind == TokenKind::kWord && t_[q].stem_node != 0;
  }

  void TitledPeople() {
    for (const auto& [id, name_begin] : titled_) {
      Mention& p = out_->mentions[id];
      for (size_t k = 0; k < out_->mentions.size(); ++k) {
        const Mention& x = out_->mentions[k];
        if (static_cast<int>(k) != id && !x.in_name && x.begin >= p.begin && x.begin < name_begin) {
          p.begin = name_begin;
          break;
        }
      }
    }
  }

  // Where the title starting at token i begins with what qualifies it
  // before: a demonym and capitalised words ("Indian Agriculture Minister").
  size_t TitleStart(size_t i) const {
    // A hyphenated prefix: "vice-ministre", "Vice-President".
    if (i >= 2 && IsHyphen(i - 1) && t_[i - 2].token.kind == TokenKind::kWord) i -= 2;
    size_t b = i;
    while (b > 0 && i - b < 3 && Cap(b - 1)) {
      --b;
      const int x = covered_[b];
      if (x >= 0 && out_->mentions[x].demonym) {
        b = out_->mentions[x].begin;
        return b;
      }
    }
    return i;
  }

  // The one person of the article whose label has more than one word and
  // ends with `surname`, or -1.
  int PersonBySurname(std::string_view surname) const {
    int found = -1;
    for (size_t k = 0; k < table_->size(); ++k) {
      const ExtractedEntity& p = table_->at(static_cast<int>(k)).entity;
      if (p.category != "person" || p.label.size() <= surname.size() + 1) continue;
      const std::string_view label = p.label;
      if (label.substr(label.size() - surname.size()) != surname ||
          label[label.size() - surname.size() - 1] != ' ') {
        continue;
      }
      if (found >= 0) return -1;  // two candidates: not a guess
      found = static_cast<int>(k);
    }
    return found;
  }

  // A demonym mention starting at i ("chinois", "Chinese"), or nullptr.
  const Mention* DemonymAt(size_t i) const {
    const int m = MentionAt(i);
    if (m < 0) return nullptr;
    const Mention& x = out_->mentions[m];
    return x.kind == MentionKind::kEntity && x.demonym && x.begin == i ? &x : nullptr;
  }

  // "Ministry of Foreign Affairs", "Chinese Commerce Ministry", "ministère
  // chinois des Affaires étrangères", "European Council" (never the title
  // that follows: "European Council President Anders Lindqvist").
  void Organizations() {
    const bool heads = SentenceHas(Cue::kOrgHead);
    for (size_t i = 0; heads && i < n_; ++i) {
      if (!Has(i, Cue::kOrgHead) || !Free(i)) continue;
      // English names capitalise their head: "No group has claimed ..." names none.
      if (ctx_.lang == Lang::kEn && !Cap(i)) continue;
      size_t b = i, e = i + 1;
      std::vector<int> parts;  // places, regions, topics inside the name
      for (;;) {
        while (b > 0 && Cap(b - 1) && Free(b - 1) && !Has(b - 1, Cue::kDeterminer) &&
               !Has(b - 1, Cue::kTitle)) {
          --b;
        }
        // "Caspian Energy Transit Group": a region and a topic in the name.
        const int part = b > 0 ? NamePartMention(covered_[b - 1]) : -1;
        if (part < 0 || out_->mentions[part].end != b) break;
        parts.push_back(part);
        b = out_->mentions[part].begin;
      }
      bool named = b < i;
      // A head closing a name of its own words ends it: "Pars Propulsion
      // Industries and Caspian Horizon Shipping" are two ("Chinese Ministry
      // of Commerce" is one).
      const bool closed = named && Has(e, Cue::kConjunction);
      std::vector<int> absorbed;
      // A country's name opening a company's: "Vietnam Airlines", "Qatar
      // Airways", "Maroc Telecom" (not its adjective: "Chinese Ministry").
      if (b > 0 && b == i && Cap(i) && covered_[b - 1] >= 0) {
        const Mention& c = out_->mentions[covered_[b - 1]];
        if (c.kind == MentionKind::kEntity && c.entity >= 0 && c.end == b && !c.demonym &&
            !c.in_name && Cap(c.begin) && table_->at(c.entity).entity.category == "country") {
          absorbed.push_back(covered_[b - 1]);
          b = c.begin;
          named = true;
        }
      }
      if (b > 0 && named && absorbed.empty()) {  // "Chinese Commerce Ministry"
        if (const Mention* d = DemonymAt(b - 1); d != nullptr && d->end == b && Cap(b - 1)) {
          absorbed.push_back(covered_[b - 1]);
          b = d->begin;
        }
      }
      for (; !closed;) {
        size_t j = e;
        int demonym = -1;
        if (const Mention* d = DemonymAt(j); d != nullptr && !Cap(j)) {
          demonym = covered_[j];
          j = d->end;
        }
        const size_t before_connectors = j;
        while (j < n_ && Has(j, Cue::kConnector) && Free(j) && j - e < 3) ++j;
        // "Organization of the Black Sea Economic Cooperation".
        if (const int part = j > before_connectors && j < n_ ? NamePartMention(covered_[j]) : -1;
            part >= 0 && out_->mentions[part].begin == j) {
          parts.push_back(part);
          e = out_->mentions[part].end;
          named = true;
          e = PastFrenchAdjective(e);  // "de la Défense nationale"
          continue;
        }
        if (j < n_ && Cap(j) && Free(j) && !Has(j, Cue::kTitle)) {
          // A common noun before a proper name describes it: "le groupe
          // chinois Jinhe Carbon Materials" is "Jinhe Carbon Materials" (but
          // "le ministère chinois des Affaires étrangères" is one name).
          if (e == i + 1 && b == i && !Cap(i) && j == before_connectors) {
            b = j;
          } else if (demonym >= 0) {
            absorbed.push_back(demonym);
          }
          e = j + 1;
          named = true;
          e = PastFrenchAdjective(e);
        } else {
          break;
        }
      }
      if (!named) continue;
      for (int a : absorbed) out_->mentions[a].in_name = true;
      for (int a : parts) {
        if (out_->mentions[a].begin >= b && out_->mentions[a].end <= e) {
          out_->mentions[a].in_name = true;
        }
      }
      Mention m;
      m.begin = static_cast<uint32_t>(b), m.end = static_cast<uint32_t>(e);
      m.entity = NewEntity("organization", std::string(Norm(b, e)), b, e);
      for (size_t q = b; q < e; ++q) {
        if (covered_[q] < 0) covered_[q] = static_cast<int>(out_->mentions.size());
      }
      AddMention(std::move(m), /*cover=*/false);
      i = e;
    }
  }

  // French: a lower-case adjective closing a name at e ("des Affaires
  // étrangères"), a plain word no lexicon knows: the token after it, else e.
  size_t PastFrenchAdjective(size_t e) const {
    if (ctx_.lang == Lang::kFr && e < n_ && !Cap(e) && Free(e) &&
        t_[e].token.kind == TokenKind::kWord && t_[e].cues == 0 && t_[e].first_cues == 0 &&
        s_.fold_keys[e] == kNoKey && t_[e].stem == kNoKey && !Cap(e + 1)) {
      return e + 1;
    }
    return e;
  }

  // Mention mt when it may be a capitalised word of an organisation's name:
  // a place, region, resource or sector ("Black Sea", "Caspian", "Energy"),
  // never a country (an organ's state acts through it: "the Ministry of
  // Foreign Affairs of China"), else -1.
  int NamePartMention(int mt) const {
    if (mt < 0) return -1;
    const Mention& x = out_->mentions[mt];
    if (x.kind != MentionKind::kEntity || x.entity < 0 || x.demonym || x.in_name || !Cap(x.begin)) {
      return -1;
    }
    const std::string& c = table_->at(x.entity).entity.category;
    return c == "location" || c == "region" || c == "resource" || c == "sector" ? mt : -1;
  }

  // An acronym of two to eight capitals (digits and '&' allowed after the first).
  bool IsAcronymAt(size_t i) const {
    if (i >= n_ || t_[i].token.kind != TokenKind::kWord) return false;
    const std::string_view x = TokenText(ctx_.normalized, t_[i].token);
    if (x.size() < 2 || x.size() > 8 || !(x[0] >= 'A' && x[0] <= 'Z')) return false;
    for (char c : x) {
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '&')) return false;
    }
    return true;
  }

  // "l'Office national de l'électricité et de l'eau potable (ONEE)", "the
  // Comisión Federal de Electricidad (CFE)": a name the article defines by
  // the acronym in parentheses after it. The name starts at the farthest
  // capitalised word, at most 14 tokens back and with no punctuation between,
  // whose initial is the acronym's; the acronym then names the same
  // organisation in the rest of the article.
  void Acronyms() {
    // Most sentences have no '(' at all (one memchr tells): no definition.
    const bool paren =
        ctx_.normalized.substr(s_.span.begin, s_.span.end - s_.span.begin).find('(') !=
        std::string_view::npos;
    for (size_t k = 1; paren && k + 2 < n_; ++k) {
      if (!IsChar(k, '(') || !IsAcronymAt(k + 1) || !IsChar(k + 2, ')') || covered_[k + 1] >= 0) {
        continue;
      }
      const std::string_view acronym = TokenText(ctx_.normalized, t_[k + 1].token);
      if (table_->FindAcronym(acronym) >= 0) continue;
      int ent = -1;
      // An organisation already found right before: "... Ministry of Energy (MoE)".
      if (const int mt = covered_[k - 1];
          mt >= 0 && out_->mentions[mt].end == k && IsOrganization(out_->mentions[mt])) {
        ent = out_->mentions[mt].entity;
      } else {
        size_t start = k;
        for (size_t q = k; q > 0 && k - q < 14;) {
          --q;
          const Token& t = t_[q].token;
          if (t.kind == TokenKind::kPunct) {
            const std::string_view x = TokenText(ctx_.normalized, t);
            if (x != "'" && x != "-") break;
            continue;
          }
          if (t.kind != TokenKind::kWord) break;
          if (Cap(q) && (TokenText(ctx_.normalized, t)[0] | 0x20) == (acronym[0] | 0x20)) {
            start = q;
          }
        }
        // At least two words: "Office national ..." but never a bare word.
        if (start + 2 > k || Has(start, Cue::kDeterminer) || Has(start, Cue::kTitle)) continue;
        // An organisation: a head word ("Office", "Conseil", "Agency") or three
        // capitalised words of its own; not "Corridor économique Chine-Pakistan".
        size_t own_caps = 0;
        bool head = false;
        for (size_t q = start; q < k; ++q) {
          head = head || Has(q, Cue::kOrgHead);
          own_caps += Cap(q) && covered_[q] < 0;
        }
        if (!head && own_caps < 3) continue;
        for (size_t q = start; q < k; ++q) {
          if (covered_[q] >= 0) out_->mentions[covered_[q]].in_name = true;
        }
        ent = NewEntity("organization", std::string(Norm(start, k)), start, k);
        Mention m;
        m.begin = static_cast<uint32_t>(start), m.end = static_cast<uint32_t>(k);
        m.entity = ent;
        for (size_t q = start; q < k; ++q) covered_[q] = static_cast<int>(out_->mentions.size());
        AddMention(std::move(m), /*cover=*/false);
      }
      table_->AddAcronym(acronym, ent);
      k += 2;
    }
    // Later uses of an acronym the article defined: "l'ONEE", "the CFE".
    // (None defined yet, as in most articles: nothing to find.)
    for (size_t i = 0; i < n_ && table_->HasAcronyms(); ++i) {
      if (!Free(i) || !IsAcronymAt(i)) continue;
      if (i > 0 && TokenText(ctx_.normalized, t_[i - 1].token) == "(") continue;  // the definition
      const int ent = table_->FindAcronym(TokenText(ctx_.normalized, t_[i].token));
      if (ent < 0) continue;
      Mention m;
      m.begin = static_cast<uint32_t>(i), m.end = static_cast<uint32_t>(i + 1);
      m.entity = ent;
      table_->AddMention(ent, Original(i, i + 1));
      AddMention(std::move(m));
    }
  }

  void Places() {
    // An unknown dateline: "DENVER – Agriculture ministers ...".
    if (n_ > 2 && Cap(0) && Free(0)) {
      const size_t e = CapitalRun(0, 3);
      bool plain = true;  // no function word: "Au", "The"
      for (size_t q = 0; q < e; ++q) plain = plain && t_[q].cues == 0 && t_[q].first_cues == 0;
      if (e > 0 && plain && DatelineAt(e)) {
        std::string label(Norm(0, e));
        bool upper = true;
        for (char c : label) upper = upper && !(c >= 'a' && c <= 'z');
        if (upper) label = TitleCase(FoldString(label));
        Mention m;
        m.begin = 0, m.end = static_cast<uint32_t>(e);
        m.entity = NewEntity("location", label, 0, e);
        AddMention(std::move(m));
      }
    }
    // A token that is no location head or locative preposition, starts no
    // locative phrase and is not capitalised (most) is settled by one test
    // of its cue bits. (A capitalised one may be a name placed by a known
    // place: "Harku, near Tallinn".)
    constexpr uint64_t kOwn = CueBit(Cue::kLocHead) | CueBit(Cue::kLocPrep);
    constexpr uint64_t kStarts = CueBit(Cue::kLocPrep) | CueBit(Cue::kPlaceNoun);
    const bool any =
        (sentence_cues_ & kOwn) || SentenceStarts(Cue::kLocPrep) || SentenceStarts(Cue::kPlaceNoun);
    for (size_t i = 0; any && i < n_; ++i) {
      if (!(t_[i].cues & kOwn) && !(t_[i].first_cues & kStarts) && !Cap(i)) continue;
      // A kind of place, then its name: "the Kazakh city of Aktobe", "la
      // ville kazakhe d'Aktobe", "the town of Kandi". (The demonym makes the
      // country: QualifyingCountry in relations.cc.)
      if (const size_t pn = PhraseEnd(i, Cue::kPlaceNoun); pn != 0) {
        size_t q = pn;
        if (q < n_ && covered_[q] >= 0 && out_->mentions[covered_[q]].demonym) {
          q = out_->mentions[covered_[q]].end;
        }
        if (q + 1 < n_ && Has(q, Cue::kConnector) && Cap(q + 1) && Free(q + 1) &&
            !Has(q + 1, Cue::kDeterminer) && !Has(q + 1, Cue::kPronoun)) {
          const size_t e = CapitalRun(q + 1, 3);
          if (e > q + 1) {
            Mention m;
            m.begin = static_cast<uint32_t>(q + 1), m.end = static_cast<uint32_t>(e);
            m.entity = NewEntity("location", std::string(Norm(q + 1, e)), q + 1, e);
            AddMention(std::move(m));
            i = e - 1;
            continue;
          }
        }
      }
      uint32_t head = 0;
      if (Has(i, Cue::kLocHead) && Free(i)) {
        const size_t he = PhraseEnd(i, Cue::kLocHead, &head);
        if (he == 0) continue;
        const std::string& head_en = li_.lexicon->mentions.location_heads[head].en;
        size_t nb = 0, ne = 0, b = i, e = he;
        if (Has(he, Cue::kConnector) && Cap(he + 1)) {  // "hub de Termez", "port of Gwadar"
          nb = he + 1;
          ne = covered_[nb] >= 0 ? out_->mentions[covered_[nb]].end : CapitalRun(nb, 3);
          e = ne;
        } else if (i > 0 && Cap(i - 1) && !Has(i - 1, Cue::kDeterminer)) {
          // "Termez hub", "Riau Islands province"; not "La mine" opening a
          // sentence.
          ne = i;
          nb = i - 1;
          if (covered_[nb] >= 0) {
            nb = out_->mentions[covered_[nb]].begin;
          } else {
            while (nb > 0 && i - nb < 3 && Cap(nb - 1) && covered_[nb - 1] < 0 &&
                   t_[nb - 1].cues == 0 && t_[nb - 1].first_cues == 0) {
              --nb;
            }
            // A demonym of one word opening an unknown name is part of it:
            // "Lao Cai province" (not Laos).
            if (nb > 0 && Cap(nb - 1) && covered_[nb - 1] >= 0) {
              Mention& d = out_->mentions[covered_[nb - 1]];
              if (d.demonym && d.begin + 1 == nb && d.end == nb) {
                d.in_name = true;
                table_->WithdrawMention(d.entity);
                --nb;
              }
            }
          }
          b = nb;
        }
        if (ne <= nb) continue;
        if (covered_[nb] >= 0) out_->mentions[covered_[nb]].in_name = true;
        Mention m;
        m.begin = static_cast<uint32_t>(b), m.end = static_cast<uint32_t>(e);
        m.entity = NewEntity("location", std::string(Norm(nb, ne)) + " " + head_en, b, e);
        for (size_t q = b; q < e; ++q) {
          if (covered_[q] < 0) covered_[q] = static_cast<int>(out_->mentions.size());
        }
        AddMention(std::move(m), /*cover=*/false);
        i = e;
        continue;
      }
      // An unknown capitalised name placed by a known one after it: "Harku,
      // near Tallinn", "Espoo, west of Helsinki", "Kandi, près de Parakou".
      if (Cap(i) && Free(i) && t_[i].cues == 0 && t_[i].first_cues == 0 &&
          (i == 0 || !Cap(i - 1))) {
        const size_t ne = CapitalRun(i, 3);
        if (ne > i && ne + 2 < n_ && TokenText(ctx_.normalized, t_[ne].token) == ",") {
          const size_t pe = PhraseEnd(ne + 1, Cue::kLocPrep);
          // The part of it between: "Salta, in northern Argentina", "Kandi,
          // dans le nord du Bénin".
          size_t pe2 = pe;
          while (pe2 > ne + 1 && pe2 < n_ && pe2 < pe + 4 &&
                 (Has(pe2, Cue::kDeterminer) || Has(pe2, Cue::kConnector) ||
                  (t_[pe2].cues == 0 && t_[pe2].first_cues == 0 && !Cap(pe2) &&
                   t_[pe2].token.kind == TokenKind::kWord))) {
            ++pe2;
          }
          const int known = pe2 > ne + 1 && pe2 < n_ ? covered_[pe2] : -1;
          const std::string* category =
              known >= 0 && out_->mentions[known].begin == pe2 &&
                      out_->mentions[known].kind == MentionKind::kEntity &&
                      out_->mentions[known].entity >= 0
                  ? &table_->at(out_->mentions[known].entity).entity.category
                  : nullptr;
          if (pe2 > ne + 1 && category != nullptr &&
              (*category == "location" || *category == "country")) {
            Mention m;
            m.begin = static_cast<uint32_t>(i), m.end = static_cast<uint32_t>(ne);
            m.entity = NewEntity("location", std::string(Norm(i, ne)), i, ne);
            AddMention(std::move(m));
            i = ne - 1;
            continue;
          }
        }
      }
      // An unknown capitalised name after a locative preposition: "à Pahalgam".
      // (The whole preposition: "près de Kandi", "au sud d'Aného".)
      const size_t pe = Has(i, Cue::kLocPrep) ? std::max(PhraseEnd(i, Cue::kLocPrep), i + 1)
                                              : PhraseEnd(i, Cue::kLocPrep);
      // (Not a meeting or a body: "au Forum international de l'hydrogène",
      // "à l'Agence", "at the Summit".)
      if (pe != 0 && pe < n_ && Cap(pe) && Free(pe) && !Has(pe, Cue::kDeterminer) &&
          !Has(pe, Cue::kPronoun) && !(t_[pe].first_cues & CueBit(Cue::kEventNoun)) &&
          !Has(pe, Cue::kOrgHead)) {
        const size_t e = CapitalRun(pe, 3);
        if (e == pe) continue;
        Mention m;
        m.begin = static_cast<uint32_t>(pe), m.end = static_cast<uint32_t>(e);
        m.entity = NewEntity("location", std::string(Norm(pe, e)), pe, e);
        AddMention(std::move(m));
        i = e - 1;
      }
    }
  }

  // Entity index and English label of an entity mention usable in a name.
  std::string LabelOf(const Mention& m) const {
    const EntityRecord& r = table_->at(m.entity);
    if (r.gazetteer) return r.gazetteer->label_en;
    return r.entity.label;
  }
  std::vector<int> ConjunctOf(const Mention& m) const {
    if (m.kind == MentionKind::kGroup) return m.members;
    return {m.entity};
  }

  // "Inde-Asie centrale": entity, hyphen, entity. Returns the end, or i.
  size_t Pair(size_t i, std::vector<const Mention*>* parts) const {
    const Mention* a = EntityMentionStarting(i);
    if (a == nullptr || !IsHyphen(a->end)) return i;
    const Mention* b = EntityMentionStarting(a->end + 1);
    if (b == nullptr) return i;
    parts->push_back(a);
    parts->push_back(b);
    return b->end;
  }
  const Mention* Topic(size_t i) const {
    const Mention* m = EntityMentionStarting(i);
    if (m == nullptr || m->kind != MentionKind::kEntity) return nullptr;
    const std::string& c = table_->at(m->entity).entity.category;
    return (c == "resource" || c == "sector") ? m : nullptr;
  }

  // The ordinal ending at token `end` ("fourth", "4e", "58th", "16e"), or 0.
  // Listed words come from the lexicon; a number with an ordinal suffix is
  // read directly.
  int OrdinalBefore(size_t end, size_t* begin) const {
    if (end == 0) return 0;
    uint32_t idx = 0;
    if (Has(end - 1, Cue::kOrdinal) && PhraseEnd(end - 1, Cue::kOrdinal, &idx) == end) {
      *begin = end - 1;
      return li_.lexicon->mentions.ordinals[idx].value;
    }
    const std::string_view w = TokenText(ctx_.normalized, t_[end - 1].token);
    size_t d = 0;
    int value = 0;
    while (d < w.size() && d < 4 && w[d] >= '0' && w[d] <= '9') value = value * 10 + (w[d++] - '0');
    if (d == 0 || value == 0) return 0;
    const std::string_view suffix = w.substr(d);
    static constexpr std::string_view kSuffixes[] = {"st", "nd", "rd",         "th", "e",
                                                     "er", "re", "\xC3\xA8me", "eme"};
    for (std::string_view x : kSuffixes) {
      if (suffix == x) {
        *begin = end - 1;
        return value;
      }
    }
    return 0;
  }

  // Whether mention m may be a word of an event's name: a place, region,
  // country or topic, or an adjective of one ("the African Green Hydrogen
  // Forum"); not an organisation.
  bool NamePart(const Mention& m) const {
    if (m.kind != MentionKind::kEntity || m.entity < 0) return false;
    const std::string& c = table_->at(m.entity).entity.category;
    return c == "location" || c == "region" || c == "country" || c == "resource" || c == "sector";
  }

  // The ordinal of an edition named before token `name`: "la deuxième
  // édition du Forum ...", "the third edition of the Forum", or 0.
  int EditionOrdinalBefore(size_t name, size_t* begin) const {
    size_t q = name;
    while (q > 0 && name - q < 2 && (Has(q - 1, Cue::kConnector) || Has(q - 1, Cue::kDeterminer))) {
      --q;
    }
    if (q == name || q == 0 || !Has(q - 1, Cue::kEditionNoun)) return 0;
    return OrdinalBefore(q - 1, begin);
  }

  // Whether an edition noun stands right before a name starting at token
  // `name`, past its connector and a year: "l'édition 2025 du Forum", "this
  // edition of the Forum", "the 2025 edition of the Dialogue".
  bool EditionBefore(size_t name) const {
    size_t q = name;
    while (q > 0 && name - q < 2 && (Has(q - 1, Cue::kConnector) || Has(q - 1, Cue::kDeterminer))) {
      --q;
    }
    if (q == name || q == 0) return false;
    if (Has(q - 1, Cue::kEditionNoun)) return true;
    // "édition 2025 du": the year between.
    return q >= 2 && t_[q - 1].token.kind == TokenKind::kNumber &&
           TokenText(ctx_.normalized, t_[q - 1].token).size() == 4 && Has(q - 2, Cue::kEditionNoun);
  }

  bool IsOrganization(const Mention& m) const {
    return m.kind == MentionKind::kEntity && !m.in_name && m.entity >= 0 &&
           table_->at(m.entity).entity.category == "organization";
  }

  // The date of an event noun at h: a date right before it ("a entamé lundi
  // 9 mars 2026 une visite"), else the first date after it in the same
  // clause, before any other event noun ("le coup d'État qui a porté ... au
  // pouvoir dans la nuit du 12 au 13 septembre", not the "mardi" of the
  // announcement), else the nearest date in the sentence.
  // Whether an end marker ("jusqu'à", "until") opens date d: it ends
  // something and dates nothing; so does a since marker before a year.
  bool EndDate(const DateSpan& d) const {
    for (size_t q = d.begin >= 3 ? d.begin - 3 : 0; q < d.begin; ++q) {
      if (PhraseEnd(q, Cue::kEndMarker) == d.begin) return true;
      // "depuis 2020", "since 2019": a span back to a year dates nothing
      // ("le septième coup d'État en Afrique de l'Ouest depuis 2020"); a
      // day starts what is reported ("accueille depuis mardi le Forum").
      if (PhraseEnd(q, Cue::kSince) == d.begin && d.end == d.begin + 1 &&
          t_[d.begin].token.kind == TokenKind::kNumber) {
        return true;
      }
    }
    return false;
  }

  const DateSpan* NearestDate(size_t h) const {
    const DateSpan* after = nullptr;
    for (const DateSpan& d : out_->dates) {
      // Right before it: "a entamé lundi 9 mars 2026 une visite".
      if (d.end <= h && d.end + 2 >= h && !EndDate(d)) return &d;
    }
    for (const DateSpan& d : out_->dates) {
      if (d.begin > h && (after == nullptr || d.begin < after->begin) && !EndDate(d)) after = &d;
    }
    if (after != nullptr) {
      bool clean = true;
      for (size_t i = h + 1; i < after->begin && clean; ++i) {
        // (Nor another event noun, of one word or more: "attacks on shipping
        // ... and the drone strike ... on November 9".)
        clean = !ClausePunct(i) && !((t_[i].first_cues & CueBit(Cue::kEventNoun)) &&
                                     PhraseEnd(i, Cue::kEventNoun) != 0);
      }
      if (clean) return after;
    }
    const DateSpan* best = nullptr;
    size_t best_dist = SIZE_MAX;
    for (const DateSpan& d : out_->dates) {
      if (EndDate(d)) continue;
      const size_t dist = d.begin > h ? d.begin - h : h - d.end;
      if (dist < best_dist) best_dist = dist, best = &d;
    }
    return best;
  }

  // Whether a new round of the meeting at token b is introduced before it:
  // "a new round of talks", "une nouvelle série de pourparlers".
  bool NewRoundBefore(size_t b) const {
    size_t q = b;
    while (q > 0 && b - q < 2 && (Has(q - 1, Cue::kConnector) || Has(q - 1, Cue::kDeterminer))) --q;
    if (q == b || q == 0 || !Has(q - 1, Cue::kEditionNoun)) return false;
    --q;
    for (size_t words = 0; q > 0 && words < 2; ++words) {
      if (Has(q - 1, Cue::kIndefinite)) return true;
      if (t_[q - 1].token.kind != TokenKind::kWord || Cap(q - 1) || t_[q - 1].cues != 0) break;
      --q;
    }
    return q > 0 && Has(q - 1, Cue::kIndefinite);
  }

  // Whether a marker and a year ("depuis 2018", "since 2019") follow token
  // e in its clause, within a few words.
  bool SinceAfter(size_t e) const {
    for (size_t q = e; q < n_ && q < e + kSinceWindow && !ClausePunct(q); ++q) {
      const size_t me = PhraseEnd(q, Cue::kSince);
      if (me != 0 && me < n_ && t_[me].token.kind == TokenKind::kNumber &&
          TokenText(ctx_.normalized, t_[me].token).size() == 4) {
        return true;
      }
    }
    return false;
  }

  // Whether date d is in the clause of token h, at most 12 tokens away.
  bool SameClause(const DateSpan& d, size_t h) const {
    const size_t from = d.end <= h ? d.end : h + 1;
    const size_t to = d.end <= h ? h : d.begin;
    if (to - from > 12) return false;
    for (size_t i = from; i < to; ++i) {
      if (ClausePunct(i)) return false;
    }
    return true;
  }

  // Punctuation that ends a clause for dating: ; : . ( )
  bool ClausePunct(size_t i) const {
    if (t_[i].token.kind != TokenKind::kPunct) return false;
    const std::string_view x = TokenText(ctx_.normalized, t_[i].token);
    return x == ";" || x == ":" || x == "." || x == "(" || x == ")";
  }

  // An edition of a name no event noun heads: "la première édition des «
  // Africa Green Hydrogen Days »", "the third edition of Choose France". The
  // ordinal (or a year: "l'édition 2026 de ...") makes the name a recurring
  // forum and the phrase its edition. Names that open with an event noun
  // ("la deuxième édition du Forum ...") are Events' own; a noun inside the
  // name leaves it whole ("la troisième édition du Green Hydrogen Summit
  // Africa").
  void NamedEditions() {
    if (!SentenceHas(Cue::kEditionNoun)) return;
    for (size_t i = 0; i + 2 < n_; ++i) {
      if (!Has(i, Cue::kEditionNoun) || !Free(i)) continue;
      size_t b = i;
      const int ordinal = OrdinalBefore(i, &b);
      size_t j = i + 1;
      std::string year;
      if (ordinal == 0) {
        if (t_[j].token.kind != TokenKind::kNumber ||
            TokenText(ctx_.normalized, t_[j].token).size() != 4) {
          continue;
        }
        year = std::string(TokenText(ctx_.normalized, t_[j].token));
        ++j;
      }
      const size_t connectors = j;
      while (j < n_ && j - connectors < 2 &&
             (Has(j, Cue::kConnector) || Has(j, Cue::kDeterminer))) {
        ++j;
      }
      if (j == connectors) continue;
      const bool quoted = j < n_ && IsChar(j, '"');
      if (quoted) ++j;
      const size_t nb = j;
      size_t ne = nb, caps = 0;
      bool event_noun = false;
      while (ne < n_ && ne - nb < 8) {
        if (Cap(ne) || (ne > nb && t_[ne].token.kind == TokenKind::kNumber)) {
          caps += Cap(ne);
          // (A name opening with its noun is Events' own: "du Forum africain de ...".)
          event_noun =
              event_noun || (ne == nb && (t_[ne].first_cues & CueBit(Cue::kEventNoun)) != 0);
          ++ne;
        } else if (ne > nb && ne + 1 < n_ && Cap(ne + 1) &&
                   (Has(ne, Cue::kConnector) || IsHyphen(ne) || IsChar(ne, '&'))) {
          ++ne;
        } else {
          break;
        }
      }
      if (caps == 0 || event_noun || date_tok_[nb]) continue;
      if (quoted ? !(ne < n_ && IsChar(ne, '"')) : caps < 2) continue;
      // One known entity is no forum's name: "l'édition 2026 de Dakar".
      if (const int mt = covered_[nb]; mt >= 0 && out_->mentions[mt].end == ne) continue;
      const std::string label(Norm(nb, ne));
      const int forum = table_->InternNew("forum_" + Slug(label), "forum", label);
      table_->at(forum).head_en = "Forum";
      const DateSpan* date = NearestDate(i);
      const std::string iso = date ? date->iso : "";
      int ent = ordinal > 0 ? FindEdition(forum, ordinal) : -1;
      if (ent >= 0) table_->DateEvent(ent, iso);
      if (ent < 0) {
        const std::string name =
            ordinal > 0 ? OrdinalEn(ordinal) + " " + label : year + " " + label;
        ent = table_->InternEvent(name, iso);
        EntityRecord& r = table_->at(ent);
        r.head_en = "Forum";
        r.kind = EventKind::kMeeting;
        r.ordinal = ordinal;
        r.forum = forum;
      }
      const size_t e = quoted ? ne + 1 : ne;
      table_->AddMention(ent, Original(b, e));
      table_->AddMention(forum, Original(nb, ne));
      for (size_t q = b; q < e; ++q) {
        if (covered_[q] >= 0) out_->mentions[covered_[q]].in_name = true;
      }
      Mention m;
      m.kind = MentionKind::kEventRef;
      m.begin = static_cast<uint32_t>(b);
      m.end = static_cast<uint32_t>(e);
      m.head_token = static_cast<uint32_t>(i);
      m.head_en = "Forum";
      m.event_kind = EventKind::kMeeting;
      m.entity = ent;
      m.new_event = true;
      AddMention(std::move(m));
      i = e - 1;
    }
  }

  void Events() {
    const MentionLexicon& lex = li_.lexicon->mentions;
    const bool nouns = SentenceStarts(Cue::kEventNoun);
    // "the 4th meeting of the India-Central Asia Dialogue": the ordinal and
    // the start of the meeting noun, carried to the forum's noun after it.
    struct Carried {
      size_t noun = SIZE_MAX;
      size_t begin = 0;
      int ordinal = 0;
    } carried;
    for (size_t h = 0; nouns && h < n_; ++h) {
      uint32_t noun_index = 0;
      // (Most tokens start no event noun: their cue bits tell at once.)
      if (!(t_[h].first_cues & CueBit(Cue::kEventNoun)) || s_.lower_keys[h] == kNoKey) continue;
      const size_t he = PhraseEnd(h, Cue::kEventNoun, &noun_index);
      if (he == 0 || !Free(h)) continue;
      const EventNoun& noun = lex.event_nouns[noun_index];
      if (noun.kind == EventKind::kMeasure) continue;  // built with their actor (relations.cc)
      size_t b = h, e = he;
      int ordinal = 0;
      if (size_t ob = h; (ordinal = OrdinalBefore(h, &ob)) > 0) b = ob;
      // Past one plain adjective in English: "the 16th ordinary summit", "the
      // fifth annual meeting".
      if (size_t ob = h; ordinal == 0 && ctx_.lang == Lang::kEn && h >= 2 && Free(h - 1) &&
                         !Cap(h - 1) && t_[h - 1].token.kind == TokenKind::kWord &&
                         t_[h - 1].cues == 0 && t_[h - 1].first_cues == 0 &&
                         (ordinal = OrdinalBefore(h - 1, &ob)) > 0) {
        b = ob;
      }
      if (size_t ob = h; ordinal == 0 && (ordinal = EditionOrdinalBefore(h, &ob)) > 0) b = ob;
      const bool carried_here = ordinal == 0 && carried.noun == h;
      if (carried_here) ordinal = carried.ordinal;
      // "la première visite d'État ... depuis 2018", "the first summit since
      // 2019": a count of occurrences, not an edition's ordinal.
      if (ordinal > 0 && SinceAfter(he)) ordinal = 0, b = h;
      std::vector<const Mention*> pair;
      const Mention* topic = nullptr;
      const Mention* place_prefix = nullptr;
      // English order: [ordinal] [pair] [topic] noun.
      {
        size_t q = b;
        if (q > 0) {
          const int mt = covered_[q - 1];
          if (mt >= 0 && !out_->mentions[mt].in_name) {
            const Mention* t = Topic(out_->mentions[mt].begin);
            if (t) topic = t, q = t->begin;
          }
        }
        for (size_t start = (q >= 8 ? q - 8 : 0); start < q; ++start) {
          std::vector<const Mention*> parts;
          if (Pair(start, &parts) == q) {
            pair = parts;
            q = start;
            break;
          }
        }
        // A sea or region naming a topical forum: "the fourth Baltic Sea
        // Security Forum".
        if (topic && pair.empty() && q > 0 && covered_[q - 1] >= 0) {
          const Mention& x = out_->mentions[covered_[q - 1]];
          if (x.kind == MentionKind::kEntity && !x.in_name && x.entity >= 0 && x.end == q &&
              Cap(x.begin) && !x.demonym) {
            const std::string& c = table_->at(x.entity).entity.category;
            if (c == "location" || c == "region") place_prefix = &x, q = x.begin;
          }
        }
        // A city naming a meeting it hosts: "the Almaty talks", "the Baku
        // meeting" (where, not a party: "welcomed the Almaty talks").
        if (!topic && pair.empty() && q == b && q > 0 && ctx_.lang == Lang::kEn &&
            noun.kind == EventKind::kMeeting && covered_[q - 1] >= 0) {
          Mention& x = out_->mentions[covered_[q - 1]];
          if (x.kind == MentionKind::kEntity && !x.in_name && x.entity >= 0 && x.end == q &&
              Cap(x.begin) && !x.demonym && table_->at(x.entity).entity.category == "location") {
            x.in_name = true;
          }
        }
        if (q < b) {
          size_t oq = q;
          if (const int o = OrdinalBefore(q, &oq); o > 0) ordinal = o, q = oq;
          b = q;
        }
      }
      // French order: noun [de|des topic] [pair].
      for (int steps = 0; steps < 3; ++steps) {
        std::vector<const Mention*> parts;
        const size_t pe = Pair(e, &parts);
        if (pe > e && pair.empty()) {
          pair = parts;
          e = pe;
          continue;
        }
        if (!topic && Has(e, Cue::kConnector) && Topic(e + 1) && Cap(e + 1)) {
          topic = Topic(e + 1);
          e = topic->end;
          continue;
        }
        // A capitalised noun and the city it is named after: "le Forum de
        // Rabat sur l'hydrogène vert", "la Conférence de Bonn".
        if (!place_prefix && pair.empty() && Cap(h) && h > 0 && Has(e, Cue::kConnector) &&
            covered_.size() > e + 1 && covered_[e + 1] >= 0) {
          const Mention& x = out_->mentions[covered_[e + 1]];
          if (x.kind == MentionKind::kEntity && !x.in_name && x.entity >= 0 && x.begin == e + 1 &&
              Cap(x.begin) && !x.demonym && table_->at(x.entity).entity.category == "location") {
            place_prefix = &x;
            e = x.end;
            continue;
          }
        }
        break;
      }
      // "of the India-Central Asia Dialogue": the forum this is an edition of.
      int of_forum = -1;
      if (ordinal > 0 && pair.empty() && !topic && Has(e, Cue::kConnector)) {
        size_t q = e + 1;
        if (Has(q, Cue::kDeterminer)) ++q;
        const int mt = q < n_ ? covered_[q] : -1;
        if (mt >= 0 && out_->mentions[mt].kind == MentionKind::kEventRef &&
            out_->mentions[mt].entity >= 0 &&
            table_->at(out_->mentions[mt].entity).entity.category == "forum") {
          of_forum = out_->mentions[mt].entity;
        }
        // A body no gazetteer knows whose numbered meetings these are is a
        // recurring format: "the fifth ministerial meeting of the Caspian
        // Energy Transit Group".
        if (mt >= 0 && of_forum < 0 && out_->mentions[mt].begin == q &&
            out_->mentions[mt].kind == MentionKind::kEntity && out_->mentions[mt].entity >= 0 &&
            noun.kind == EventKind::kMeeting) {
          EntityRecord& body = table_->at(out_->mentions[mt].entity);
          if (body.entity.category == "organization" && body.gazetteer == nullptr) {
            const std::string label = body.entity.label;
            of_forum = table_->InternNew("forum_" + Slug(label), "forum", label);
            table_->at(of_forum).head_en = noun.en;
            table_->AddMention(of_forum,
                               Original(out_->mentions[mt].begin, out_->mentions[mt].end));
            out_->mentions[mt].in_name = true;
          }
        }
      }
      // A numbered meeting of a forum named by a pair is an edition of that
      // forum, named with its noun further on: "the 4th meeting of the
      // India-Central Asia Dialogue", "the seventh ministerial meeting of the
      // GCC-Türkiye Strategic Dialogue".
      if (of_forum < 0 && ordinal > 0 && pair.empty() && !topic && Has(e, Cue::kConnector) &&
          noun.kind == EventKind::kMeeting) {
        size_t q = e + 1;
        if (Has(q, Cue::kDeterminer)) ++q;
        std::vector<const Mention*> parts;
        size_t r = Pair(q, &parts);
        for (int words = 0; r > q && words < 2 && Cap(r) && Free(r) &&
                            !(t_[r].first_cues & CueBit(Cue::kEventNoun));
             ++words) {
          ++r;
        }
        if (r > q && r < n_ && Cap(r) && Free(r) && (t_[r].first_cues & CueBit(Cue::kEventNoun))) {
          carried = {r, b, ordinal};
          h = he - 1;
          continue;
        }
      }
      // "entre l'Inde et les pays d'Asie centrale": the participants.
      std::vector<std::vector<int>> participants;
      std::vector<const Mention*> between;
      {
        size_t q = e;
        while (q < n_ && Has(q, Cue::kAdverb)) ++q;
        if (Has(q, Cue::kBetween)) {
          ++q;
          while (q < n_) {
            if (Has(q, Cue::kDeterminer) || Has(q, Cue::kConjunction) ||
                TokenText(ctx_.normalized, t_[q].token) == ",") {
              ++q;
              continue;
            }
            const Mention* x = EntityMentionStarting(q);
            if (x == nullptr) break;
            between.push_back(x);
            participants.push_back(ConjunctOf(*x));
            q = x->end;
          }
        }
      }
      for (const Mention* p : pair) participants.push_back(ConjunctOf(*p));
      // "La deuxième édition du forum se tiendra à ...": an edition of the
      // article's forum of that noun, named by the noun alone.
      if (of_forum < 0 && ordinal > 0 && !Cap(h) && e == he && pair.empty() && !topic &&
          between.empty()) {
        for (size_t k = table_->size(); k-- > 0;) {
          const EntityRecord& r = table_->at(static_cast<int>(k));
          if (r.entity.category == "forum" && !r.dropped && r.head_en == noun.en) {
            of_forum = static_cast<int>(k);
            break;
          }
        }
      }
      // An organisation names the meeting: "58th ASEAN Foreign Ministers'
      // Meeting", "the SCO summit", "le sommet de l'OTAN", "la réunion
      // annuelle du Conseil des ministres de l'OCS".
      const Mention* org = nullptr;
      size_t name_b = h;
      if (noun.kind == EventKind::kMeeting && pair.empty() && !topic && between.empty() &&
          of_forum < 0) {
        size_t q = b, words = 0;
        // Capitalised words between, a topic among them ("Defence", "Energy").
        auto name_word = [&](size_t x) {
          if (Free(x)) return Cap(x) || TokenText(ctx_.normalized, t_[x].token) == "'";
          return Cap(x) && covered_[x] >= 0 && Topic(out_->mentions[covered_[x]].begin) != nullptr;
        };
        while (q > 0 && words < 4 && name_word(q - 1)) {
          --q, ++words;
        }
        const int mt = q > 0 ? covered_[q - 1] : -1;
        if (mt >= 0 && IsOrganization(out_->mentions[mt]) && out_->mentions[mt].end == q &&
            b == h) {
          org = &out_->mentions[mt];
          name_b = org->begin;
          b = org->begin;
          size_t ob = b;
          if (const int o = OrdinalBefore(b, &ob); o > 0) ordinal = o, b = ob;
        } else {
          q = e;
          for (int k = 0; k < 2 && q < n_ && Free(q) && !Cap(q) && t_[q].cues == 0 &&
                          t_[q].token.kind == TokenKind::kWord;
               ++k) {
            ++q;
          }
          const size_t before = q;
          while (q < n_ && q < before + 2 && Has(q, Cue::kConnector)) ++q;
          int mo = q > before && q < n_ ? covered_[q] : -1;
          // "du Conseil des ministres des Affaires étrangères de l'OCS": an
          // organisation head whose name ends with a known organisation.
          if (q > before && q < n_ && mo < 0 && Has(q, Cue::kOrgHead) && Free(q)) {
            for (size_t r = q + 1; r < n_ && r < q + 10; ++r) {
              const int mk = covered_[r];
              if (mk >= 0) {
                const Mention& k = out_->mentions[mk];
                if (k.begin == r && IsOrganization(k) &&
                    table_->at(k.entity).gazetteer != nullptr && Has(r - 1, Cue::kConnector)) {
                  mo = mk;
                }
                break;
              }
              if (t_[r].token.kind == TokenKind::kPunct &&
                  TokenText(ctx_.normalized, t_[r].token) != "'") {
                break;
              }
            }
          }
          // (Not the first of a pair naming a forum: "the ministerial meeting
          // of the GCC-Türkiye Strategic Dialogue".)
          if (mo >= 0 && IsOrganization(out_->mentions[mo]) &&
              (out_->mentions[mo].begin == q || mo != covered_[q]) &&
              !IsHyphen(out_->mentions[mo].end)) {
            org = &out_->mentions[mo];
            e = org->end;
            // "du Conseil des ministres de l'OCS": the known organisation after.
            size_t r = e;
            while (r < n_ && r < e + 2 && Has(r, Cue::kConnector)) ++r;
            const int mk = r > e && r < n_ ? covered_[r] : -1;
            if (mk >= 0 && IsOrganization(out_->mentions[mk]) && out_->mentions[mk].begin == r &&
                table_->at(out_->mentions[mk].entity).gazetteer != nullptr) {
              org = &out_->mentions[mk];
              e = org->end;
            }
          }
        }
        if (org) participants.push_back({org->entity});
      }
      // A name taken as written (from written_name_b to e): a French name of
      // lower-case words closed by a proper name, its noun capitalised ("la
      // troisième Conférence des partenaires au développement du Burundi"),
      // or the English capitalised names found further down.
      size_t written_name_b = n_;
      if (ctx_.lang == Lang::kFr && Cap(h) && h > 0 && pair.empty() && !topic && between.empty() &&
          of_forum < 0 && org == nullptr && noun.kind == EventKind::kMeeting) {
        size_t q = e;
        // (Lower-case words only, a sector among them: "au développement".)
        // (An adjective of place too: "Forum africain de l'hydrogène vert".)
        size_t topic_end = 0;  // the end of the last topic after a connector
        while (q < n_ && q < e + kFrenchNameWords && !Cap(q) &&
               (t_[q].token.kind == TokenKind::kWord || (IsHyphen(q) && q > e)) &&
               !Has(q, Cue::kBoundary) &&
               (Free(q) || Topic(out_->mentions[covered_[q]].begin) != nullptr ||
                out_->mentions[covered_[q]].demonym)) {
          if (!Free(q)) {
            const Mention& t = out_->mentions[covered_[q]];
            if (Topic(t.begin) != nullptr && t.begin > e && Has(t.begin - 1, Cue::kConnector)) {
              topic_end = t.end;
            }
          }
          ++q;
        }
        const int mt = q > e + 1 && q < n_ && Has(q - 1, Cue::kConnector) ? covered_[q] : -1;
        if (mt >= 0 && out_->mentions[mt].begin == q &&
            out_->mentions[mt].kind == MentionKind::kEntity && out_->mentions[mt].entity >= 0) {
          const std::string& c = table_->at(out_->mentions[mt].entity).entity.category;
          if (c == "country" || c == "organization" || c == "location" || c == "region") {
            written_name_b = h;
            e = out_->mentions[mt].end;
          }
        } else if (topic_end > e) {
          // Or closed by its topic: "le deuxième Forum andin du lithium",
          // and its adjective: "le Sommet africain sur la sécurité hydrique".
          written_name_b = h;
          e = PastFrenchAdjective(topic_end);
        } else if (q == e) {
          // Or capitalised words right after it: "le Forum Hydrogène
          // Afrique", "le Sommet Afrique-France".
          size_t r = e;
          while (r < n_ && r < e + 3 && Cap(r) && !Has(r, Cue::kDeterminer) &&
                 (Free(r) || out_->mentions[covered_[r]].kind == MentionKind::kEntity)) {
            r = Free(r) ? r + 1 : out_->mentions[covered_[r]].end;
            while (r < n_ && IsHyphen(r) && r + 1 < n_ && Cap(r + 1)) r += 1;
          }
          if (r > e) {
            written_name_b = h;
            e = r;
          }
        }
      }
      // An English name of capitalised words before the noun that the parts
      // above do not all explain: "the third Trans-Caspian Connectivity
      // Forum", "the sixth Pacific Tuna Ministers' Conference". Its ordinal
      // comes before the whole name. (French articles quote such names too:
      // "le Morocco Green Hydrogen Forum".)
      if ((ordinal == 0 || (carried_here && pair.empty())) && Cap(h) && org == nullptr &&
          of_forum < 0 && between.empty() && (written_name_b == n_ || written_name_b == h) &&
          noun.kind == EventKind::kMeeting) {
        size_t r = b;
        for (int words = 0; r > 0 && words < 5; ++words) {
          const size_t x = r - 1;
          const std::string_view w = TokenText(ctx_.normalized, t_[x].token);
          if (w == "'" && x > 0 && Cap(x - 1)) {  // "Ministers' Conference"
            r = x;
          } else if (IsHyphen(x) && x > 0 && Cap(x - 1)) {  // "Trans-Caspian"
            r = x;
          } else if (Cap(x) && !Has(x, Cue::kDeterminer) && t_[x].token.kind == TokenKind::kWord &&
                     (Free(x) || NamePart(out_->mentions[covered_[x]]) ||
                      (IsOrganization(out_->mentions[covered_[x]]) &&
                       IsHyphen(out_->mentions[covered_[x]].end)))) {
            // (An organisation paired with a country: "the GCC-Türkiye
            // Strategic Dialogue".)
            r = Free(x) ? x : out_->mentions[covered_[x]].begin;
          } else {
            break;
          }
        }
        size_t ob = r;
        const bool words_before = r < b && r > 0 && Has(r - 1, Cue::kDeterminer);
        int o = r < b ? OrdinalBefore(r, &ob) : 0;
        if (r < b && o == 0) o = EditionOrdinalBefore(r, &ob);
        if (carried_here && o == 0) o = carried.ordinal, ob = carried.begin;
        if (r < b && (o > 0 || (words_before && (h - r >= 2 || EditionBefore(r))))) {
          written_name_b = r;
          ordinal = o;
          b = o > 0 ? ob : r;
          // The parties of a hyphenated pair in it take part: "the
          // GCC-Türkiye Strategic Dialogue".
          for (size_t q = r; participants.empty() && q < h; ++q) {
            std::vector<const Mention*> parts;
            if (Pair(q, &parts) > q) {
              for (const Mention* x : parts) {
                if (IsOrganization(*x) ||
                    (x->entity >= 0 && table_->at(x->entity).entity.category == "country")) {
                  participants.push_back(ConjunctOf(*x));
                }
              }
              if (participants.size() != 2) participants.clear();
            }
          }
          for (size_t q = r; q < h; ++q) {
            if (covered_[q] >= 0) out_->mentions[covered_[q]].in_name = true;
          }
        }
      }
      if (carried_here) b = std::min(b, carried.begin);
      // A place right after: "survenue à Pahalgam", "in Astana".
      const Mention* place = nullptr;
      for (size_t q = e; q < n_ && q < e + 4; ++q) {
        if (!Has(q, Cue::kLocPrep)) continue;
        // (Past an article: "attacks on shipping in the Red Sea".)
        const size_t at = q + 1 < n_ && Has(q + 1, Cue::kDeterminer) &&
                                  !Has(q + 1, Cue::kPreposition) && !Cap(q + 1)
                              ? q + 2
                              : q + 1;
        const Mention* x = EntityMentionStarting(at);
        if (x && x->kind == MentionKind::kEntity) {
          const std::string& c = table_->at(x->entity).entity.category;
          if (c == "location" || c == "country") place = x;
        }
        break;
      }
      // A meeting placed or dated right after its noun, past a date and up to
      // three plain words: "réunis en sommet extraordinaire samedi 14 février
      // 2026 à Abuja", "the two-day meeting in Denver", "talks on Tuesday".
      bool dated_here = false;
      if (noun.kind == EventKind::kMeeting) {
        size_t plain = 0;
        bool relative = false;
        for (size_t q = e; q < n_; ++q) {
          if (date_tok_[q]) {
            dated_here = true;
            continue;
          }
          // The noun's own complement: "le sommet de Nairobi s'est ouvert le
          // 3 mars", or its topic: "le sommet sur la sécurité énergétique
          // s'est ouvert à Rabat", "a summit on energy security in Rabat".
          if (q == e && Has(q, Cue::kPreposition) && !Has(q, Cue::kLocPrep)) {
            size_t r = q + 1;
            if (r < n_ && Has(r, Cue::kDeterminer)) ++r;
            const Mention* x = EntityMentionStarting(r);
            if (x && x->kind == MentionKind::kEntity &&
                (Has(q, Cue::kConnector) || Topic(x->begin) != nullptr)) {
              q = x->end - 1;
              continue;
            }
          }
          if (Has(q, Cue::kLocPrep)) {
            if (place) break;
            const Mention* x = EntityMentionStarting(q + 1);
            if (x && x->kind == MentionKind::kEntity) {
              const std::string& c = table_->at(x->entity).entity.category;
              if (c == "location" || c == "country") place = x;
            }
            if (!dated_here && q + 1 < n_ && date_tok_[q + 1]) continue;  // "on Tuesday"
            break;
          }
          // Through a relative clause: "la séance de pourparlers, qui s'est
          // tenue le 19 mars à Amman", "talks, which were held in Amman".
          if (q + 1 < n_ && TokenText(ctx_.normalized, t_[q].token) == "," &&
              (Has(q + 1, Cue::kBoundary) || IsParticiple(q + 1)) && !relative) {
            if (Has(q + 1, Cue::kRelative) || IsParticiple(q + 1)) {
              relative = true;
              plain = 0;
              ++q;
              continue;
            }
          }
          // The article of a date: "a eu lieu le 20 mai".
          if (q + 1 < n_ && date_tok_[q + 1] && Has(q, Cue::kDeterminer)) continue;
          if (plain >= (relative ? 4u : 3u) || !Free(q) || Cap(q) ||
              t_[q].token.kind != TokenKind::kWord) {
            break;
          }
          ++plain;
        }
      }
      const DateSpan* date = NearestDate(h);
      // An incident is dated by its own words ("the attack on Thursday", "the
      // March 2 attack", "tuées le 12 mars dans l'attaque"); a date before
      // its verb or its article dates the verb that reports it ("Finland on
      // Saturday condemned the attack", "a condamné lundi l'attaque").
      if (noun.kind == EventKind::kIncident && date != nullptr && date->end <= h) {
        // Right before it, or before the preposition that introduces it.
        bool own = date->end == h || (date->end + 2 >= h && Has(date->end, Cue::kPreposition));
        // Or past the words that introduce it: "tués dimanche lors d'une
        // attaque", "killed on Sunday in an attack".
        if (!own && date->end + 4 >= h && Has(date->end, Cue::kPreposition)) {
          own = true;
          for (size_t q = date->end; q < h && own; ++q) {
            own = Has(q, Cue::kPreposition) || Has(q, Cue::kDeterminer) || Has(q, Cue::kIndefinite);
          }
        }
        if (!own) date = nullptr;
      }
      // A date after an incident and past a statement dates the statement:
      // "condemned the attack in a statement on Wednesday", "a condamné
      // l'attaque dans un communiqué publié mercredi".
      // (Past another event noun too: the date is that event's.)
      if (noun.kind == EventKind::kIncident && date != nullptr && date->begin > h) {
        for (size_t q = he; q < date->begin; ++q) {
          if (StatementAt(q) || ((t_[q].first_cues & CueBit(Cue::kEventNoun)) &&
                                 PhraseEnd(q, Cue::kEventNoun) != 0)) {
            date = nullptr;
            break;
          }
        }
      }
      // A definite description: "le sommet", "the annual forum".
      bool definite = false;
      for (size_t q = h; q > 0 && h - q < 3; --q) {
        if (Has(q - 1, Cue::kDemonstrative)) {
          definite = true;
          break;
        }
        if (t_[q - 1].token.kind != TokenKind::kWord || Cap(q - 1) || t_[q - 1].cues != 0) break;
      }
      const bool named = ordinal > 0 || !pair.empty() || topic || !between.empty() ||
                         of_forum >= 0 || org || written_name_b < n_ || place_prefix;
      // An agreement is an event when its signing is dated in its clause:
      // "ont signé lundi 9 mars 2026 trois accords", "a partnership signed in
      // Seoul on March 3, 2026". Otherwise it refers to one ("the
      // agreement, signed in Seoul by ...") or is only a cooperation word.
      const bool agreement = noun.kind == EventKind::kAgreement;
      // Only a definite one refers back: "l'accord", "the agreement", not
      // "un « partenariat gazier »"; once the article has an agreement, a
      // definite one is that one, whatever date is near ("The EU, which
      // Serbia applied to join in 2009, welcomed the agreement").
      bool known_agreement = false;
      for (size_t k = 0; agreement && definite && k < table_->size(); ++k) {
        const EntityRecord& r = table_->at(static_cast<int>(k));
        known_agreement =
            known_agreement || (r.entity.category == "event" && r.kind == EventKind::kAgreement);
      }
      // Its date follows it in its clause, or comes right before it ("ont
      // signé lundi 9 mars 2026 trois accords"); a date further back dates
      // something else ("Finland, which joined in April 2023, requested
      // consultations under the North Atlantic Treaty").
      // (A date opening the sentence dates what it tells: "Mardi, les deux
      // dirigeants ont signé une série d'accords".)
      const bool dated_agreement = agreement && !known_agreement && date != nullptr &&
                                   SameClause(*date, h) &&
                                   (date->begin > h || date->end + 3 >= h || date->begin == 0);
      if (agreement && !dated_agreement && !definite) {
        h = he - 1;
        continue;
      }
      // An unnamed meeting with its own place or date is a new event, unless
      // the article already has a meeting on that date ("le sommet" again).
      // A date somewhere in the sentence is required: a headline's "Visite
      // d'État au Maroc" is the dated visit the body reports.
      // A visit introduced by an indefinite article after its date in the
      // clause: "Arrivé lundi 16 novembre à Hanoï pour une visite d'État"
      // (not a wish: "a plaidé mercredi pour un dialogue direct").
      const bool visit = IsVisitHead(noun.en);
      // Any meeting whose date comes right before its article: "a ouvert
      // mardi un forum international", "hosted on Monday a summit".
      // (Past a length or a kind: "a three-day state visit", "an official
      // visit".)
      const bool indefinite = IndefiniteBefore(b);
      const bool introduced =
          (visit ? indefinite : NewRoundBefore(b) || (indefinite && date && date->end + 1 == b)) &&
          date != nullptr && date->end <= b && SameClause(*date, h);
      bool placed_meeting = !named && noun.kind == EventKind::kMeeting &&
                            (place || dated_here || introduced) && date != nullptr;
      if (placed_meeting && date) {
        for (size_t k = 0; k < table_->size(); ++k) {
          // Dated only, in an article reporting an edition of a forum: a part
          // of it ("Talks on Wednesday are expected to focus on ...").
          if (!place && table_->at(static_cast<int>(k)).entity.category == "event" &&
              table_->at(static_cast<int>(k)).kind == EventKind::kMeeting &&
              table_->at(static_cast<int>(k)).forum >= 0) {
            placed_meeting = false;
            break;
          }
          const EntityRecord& r = table_->at(static_cast<int>(k));
          if (r.entity.category == "event" && r.kind == EventKind::kMeeting &&
              r.entity.date == date->iso) {
            placed_meeting = false;
            break;
          }
          // "The annual forum was created in 2023": a definite one is the
          // article's meeting or forum of that name, whatever date is near.
          if (definite && (r.entity.category == "event" || r.entity.category == "forum") &&
              r.head_en == noun.en) {
            placed_meeting = false;
            break;
          }
        }
      }
      const bool is_new = noun.kind == EventKind::kIncident ? (named || place || date)
                          : agreement                       ? dated_agreement
                                                            : named || placed_meeting;
      Mention m;
      m.kind = MentionKind::kEventRef;
      m.head_token = static_cast<uint32_t>(h);
      m.head_en = noun.en;
      m.event_kind = noun.kind;
      if (!is_new) {
        // An anaphor: "le sommet", "cette rencontre", "Lors du sommet".
        m.begin = static_cast<uint32_t>(h > 0 && Has(h - 1, Cue::kDemonstrative) ? h - 1 : h);
        m.end = static_cast<uint32_t>(he);
        AddMention(std::move(m));
        h = he - 1;
        continue;
      }
      // Name parts.
      std::string pair_label;
      const std::vector<const Mention*>& namers = !pair.empty() ? pair : between;
      for (size_t k = 0; k < namers.size() && k < 3; ++k) {
        if (k) pair_label += "-";
        pair_label += LabelOf(*namers[k]);
      }
      std::string base;
      if (of_forum >= 0) {
        base = table_->at(of_forum).entity.label;
      } else if (written_name_b < n_) {
        base = std::string(Original(written_name_b, e));
      } else if (org) {
        base = std::string(Original(name_b, e));
      } else {
        if ((noun.kind == EventKind::kIncident || placed_meeting || agreement) && place &&
            pair_label.empty()) {
          base = LabelOf(*place) + " ";
        }
        if (place_prefix) base += LabelOf(*place_prefix) + " ";
        if (!pair_label.empty()) base += pair_label + " ";
        if (topic) base += TitleCase(LabelOf(*topic)) + " ";
        base += noun.en;
      }
      const std::string iso = date ? date->iso : "";
      int forum = of_forum;
      // An edition named as such is one of a recurring forum: "l'édition 2025
      // du Forum ...", "the 2025 edition of the Raisina Dialogue".
      const bool edition = EditionBefore(b);
      const bool forum_named =
          !pair.empty() || topic ||
          ((!between.empty() || org || written_name_b < n_) && (ordinal > 0 || edition));
      if (forum < 0 && forum_named && noun.kind == EventKind::kMeeting) {
        forum = table_->InternNew("forum_" + Slug(base), "forum", base);
        table_->at(forum).head_en = noun.en;
        if (table_->at(forum).participants.empty()) table_->at(forum).participants = participants;
      }
      int ent = -1;
      if (ordinal > 0 || !iso.empty() || !between.empty() || noun.kind == EventKind::kIncident ||
          placed_meeting) {
        // Reuse an edition already seen in this article.
        if (forum >= 0 && ordinal > 0) ent = FindEdition(forum, ordinal);
        // An edition a headline named undated takes the first date the body
        // gives it ("Rabat accueille le premier Forum ..." then "a ouvert
        // mardi la première édition du Forum ...").
        if (ent >= 0) table_->DateEvent(ent, iso);
        // An incident on the date of one the article reported is that one,
        // told again with another noun: "L'attaque perpétrée dimanche ..."
        // then "tués dans l'embuscade, survenue le 8 février".
        if (ent < 0 && noun.kind == EventKind::kIncident && !iso.empty()) {
          ent = IncidentOn(iso);
        }
        if (ent < 0) {
          ent = table_->InternEvent(ordinal > 0 ? OrdinalEn(ordinal) + " " + base : base, iso);
        }
        EntityRecord& r = table_->at(ent);
        // (An incident told again with another noun keeps its first one.)
        if (r.head_en.empty() || noun.kind != EventKind::kIncident) r.head_en = noun.en;
        r.kind = noun.kind;
        r.ordinal = ordinal;
        if (forum >= 0) r.forum = forum;
        if (r.participants.empty()) r.participants = participants;
      } else {
        ent = forum;
      }
      if (ent < 0) continue;
      table_->AddMention(ent, Original(b, e));
      for (size_t q = b; q < e; ++q) {
        if (covered_[q] >= 0) out_->mentions[covered_[q]].in_name = true;
      }
      m.begin = static_cast<uint32_t>(b);
      m.end = static_cast<uint32_t>(e);
      m.entity = ent;
      m.new_event = true;
      // The article before the name: "du premier Forum" governs like a preposition.
      AddMention(std::move(m));
      h = e - 1;
    }
  }

  // The incident the article dated on iso, or -1.
  int IncidentOn(std::string_view iso) const {
    for (size_t k = 0; k < table_->size(); ++k) {
      const EntityRecord& r = table_->at(static_cast<int>(k));
      if (r.entity.category == "event" && r.kind == EventKind::kIncident && r.entity.date == iso) {
        return static_cast<int>(k);
      }
    }
    return -1;
  }

  // Whether an indefinite article introduces the noun phrase ending before
  // token b, right before it or past up to four plain words, numbers and
  // hyphens ("une visite", "a three-day state visit").
  bool IndefiniteBefore(size_t b) const {
    size_t q = b;
    for (int k = 0; k < 4 && q > 0 && !Has(q - 1, Cue::kIndefinite); ++k) {
      const Token& t = t_[q - 1].token;
      const bool plain = t.kind == TokenKind::kWord && !t.capitalized && t_[q - 1].cues == 0;
      if (!(plain || t.kind == TokenKind::kNumber || IsHyphen(q - 1) ||
            Has(q - 1, Cue::kNumberWord))) {
        return false;
      }
      --q;
    }
    return q > 0 && Has(q - 1, Cue::kIndefinite);
  }

  // Whether a statement noun of the lexicon starts at token q.
  bool StatementAt(size_t q) const {
    for (const std::vector<uint32_t>& keys : li_.statement_nouns) {
      if (q + keys.size() > n_) continue;
      if (std::equal(keys.begin(), keys.end(), s_.lower_keys.begin() + q)) return true;
    }
    return false;
  }

  int FindEdition(int forum, int ordinal) const { return table_->FindEditionOf(forum, ordinal); }

  void Anaphors() {
    const MentionLexicon& lex = li_.lexicon->mentions;
    // One mention for the whole scan, made anew only after an anaphor used
    // it: most tokens start none.
    Mention m;
    bool used = false;
    // The cues an anaphor can open with: phrases starting at the token, or
    // the token itself as a determiner or demonstrative. A token with none
    // (most) would fail every test below.
    constexpr uint64_t kFirst = CueBit(Cue::kParticipantAnaphor) | CueBit(Cue::kGroupAnaphor) |
                                CueBit(Cue::kOrgAnaphor) | CueBit(Cue::kPronoun);
    constexpr uint64_t kOwn = CueBit(Cue::kDemonstrative) | CueBit(Cue::kDeterminer);
    const bool any = (sentence_first_cues_ & kFirst) || (sentence_cues_ & kOwn);
    for (size_t i = 0; any && i < n_; ++i) {
      if (!(t_[i].first_cues & kFirst) && !(t_[i].cues & kOwn)) continue;
      // A determiner or demonstrative alone opens nothing: what starts at
      // the next token decides ("cette édition", "ces ressources", "les Cinq").
      const uint64_t next = i + 1 < n_ ? t_[i + 1].first_cues : 0;
      if (!(t_[i].first_cues & kFirst) &&
          !(Has(i, Cue::kDemonstrative) && (next & CueBit(Cue::kEditionNoun))) &&
          !(Has(i, Cue::kDeterminer) &&
            (next & (CueBit(Cue::kResourceAnaphor) | CueBit(Cue::kNumberWord))))) {
        continue;
      }
      if (!Free(i)) continue;
      uint32_t index = 0;
      size_t e = 0;
      if (used) {
        m = Mention();
        used = false;
      }
      m.begin = static_cast<uint32_t>(i);
      std::vector<int> owners;
      if ((e = PhraseEnd(i, Cue::kParticipantAnaphor)) != 0) {
        m.kind = MentionKind::kParticipants;
        m.plural = true;
        // "les chefs d'État et de gouvernement de la CEDEAO", "the foreign
        // ministers of the G7": people named by whom they represent act as it.
        owners = OwnersAfter(e);
      } else if (Has(i, Cue::kDemonstrative) && (e = PhraseEnd(i + 1, Cue::kEditionNoun)) != 0) {
        // "cette édition", "this session": the meeting being reported.
        m.kind = MentionKind::kEventRef;
        m.event_kind = EventKind::kMeeting;
        m.head_token = static_cast<uint32_t>(i + 1);
      } else if ((e = PhraseEnd(i, Cue::kGroupAnaphor)) != 0) {
        m.kind = MentionKind::kGroupAnaphor;
        m.plural = true;
        // "les deux pays", "the two countries": how many.
        for (size_t q = i; q < e; ++q) {
          if (PhraseEnd(q, Cue::kNumberWord, &index) != 0) {
            m.count = lex.number_words[index].value;
            break;
          }
        }
      } else if ((e = PhraseEnd(i, Cue::kOrgAnaphor)) != 0 &&
                 !(e < n_ && TokenText(ctx_.normalized, t_[e].token).substr(0, 1) == "'")) {
        // Not "the bloc's chair": a possessive modifies a noun, it is no argument.
        m.kind = MentionKind::kOrgAnaphor;
      } else if ((e = PhraseEnd(i, Cue::kPronoun, &index)) != 0 && e == i + 1) {
        const PronounDef& p = lex.pronouns[index];
        m.kind = MentionKind::kPronoun;
        m.plural = p.plural;
        m.feminine = p.gender == "feminine";
        m.masculine = p.gender == "masculine";
      } else if (Has(i, Cue::kDeterminer) && (e = PhraseEnd(i + 1, Cue::kResourceAnaphor)) != 0) {
        m.kind = MentionKind::kResourceAnaphor;
        m.plural = true;
      } else if (Has(i, Cue::kDeterminer) && i + 1 < n_ && t_[i + 1].token.capitalized &&
                 PhraseEnd(i + 1, Cue::kNumberWord, &index) == i + 2 &&
                 !(i + 2 < n_ && t_[i + 2].token.capitalized)) {  // "les Cinq", "the Five"
        e = i + 2;
        m.kind = MentionKind::kGroupAnaphor;
        m.plural = true;
        m.count = lex.number_words[index].value;
      } else {
        continue;
      }
      used = true;
      bool free = true;
      for (size_t q = i; q < e; ++q) free = free && Free(q);
      if (!free) continue;
      if (owners.size() > 1) {
        // Several: a group of them ("ministers from Denmark, Estonia and
        // Finland" are the three countries there).
        m.kind = MentionKind::kGroup;
        for (int o : owners) {
          out_->mentions[o].in_name = true;
          m.members.push_back(out_->mentions[o].entity);
        }
        e = out_->mentions[owners.back()].end;
      } else if (owners.size() == 1) {
        Mention& o = out_->mentions[owners[0]];
        o.in_name = true;
        m.kind = MentionKind::kEntity;
        m.entity = o.entity;
        e = o.end;
        // Its acronym in parentheses belongs to the phrase: "... (CEDEAO)".
        if (e + 2 < n_ && TokenText(ctx_.normalized, t_[e].token) == "(" && covered_[e + 1] >= 0 &&
            TokenText(ctx_.normalized, t_[out_->mentions[covered_[e + 1]].end].token) == ")" &&
            out_->mentions[covered_[e + 1]].entity == m.entity) {
          Mention& acronym = out_->mentions[covered_[e + 1]];
          acronym.in_name = true;
          e = acronym.end + 1;
        }
      }
      m.end = static_cast<uint32_t>(e);
      AddMention(std::move(m));
      i = e - 1;
    }
  }

  const MentionContext& ctx_;
  const LanguageIndex& li_;
  const SentenceTokens& s_;
  const std::vector<TokenInfo>& t_;
  const size_t n_;
  EntityTable* table_;
  SentenceMentions* out_;
  std::vector<int>& covered_;
  std::vector<char>& date_tok_;
  // People whose phrase starts at their title: (mention, first name token).
  std::vector<std::pair<int, uint32_t>> titled_;
  // Every token's cues and first_cues or'ed together (constructor).
  uint64_t sentence_cues_ = 0, sentence_first_cues_ = 0;
};

}  // namespace

bool LooksLikeParticiple(std::string_view w) {
  if (w.ends_with("ed")) return w.size() > 4;  // "scheduled", "planned"
  // French: drop a feminine or plural ending, then "-é" or "-u" ("prévues"),
  // or "-i" when an ending was dropped ("réunis", not "ainsi").
  std::string_view stem = w;
  if (stem.ends_with("es")) {
    stem.remove_suffix(2);
  } else if (stem.ends_with("e") || stem.ends_with("s")) {
    stem.remove_suffix(1);
  }
  if (stem.size() <= 3) return false;
  return stem.ends_with("u") || stem.ends_with("\xC3\xA9") ||
         (stem.size() < w.size() && stem.ends_with("i"));
}

std::string Slug(std::string_view name) {
  // Folding ASCII only lower-cases its capitals, which the loop does itself:
  // most names (and every ISO date) are ASCII and need no folded copy.
  const bool ascii = std::all_of(name.begin(), name.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  const std::string folded = ascii ? std::string() : FoldString(name);
  const std::string_view text = ascii ? name : std::string_view(folded);
  // The slug is never longer than the text (a '_' stands for at least one
  // byte dropped): written through a pointer, then cut to its length.
  std::string out(text.size(), '\0');
  char* const begin = out.data();
  char* d = begin;
  bool sep = false;
  for (unsigned char c : text) {
    if (ascii && c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + ('a' - 'A'));
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      if (sep && d != begin) *d++ = '_';
      *d++ = static_cast<char>(c);
      sep = false;
    } else if (c < 0x80) {
      sep = true;
    }
    // Non-ASCII bytes that folding left (other scripts) are dropped.
  }
  if (d == begin) return "x";
  out.resize(static_cast<size_t>(d - begin));
  return out;  // (moved, not copied as the branches of a ?: would be)
}

int EntityTable::FindEntry(const GazetteerEntry* entry) const {
  if (by_entry_.empty()) return -1;
  const size_t mask = by_entry_.size() - 1;
  size_t i = (reinterpret_cast<uintptr_t>(entry) * kHashMul) >> entry_shift_;
  while (by_entry_[i].first != nullptr) {
    if (by_entry_[i].first == entry) return by_entry_[i].second;
    i = (i + 1) & mask;
  }
  return -1;
}

void EntityTable::AddEntry(const GazetteerEntry* entry, int record) {
  if (2 * (entry_count_ + 1) > by_entry_.size()) {
    std::vector<std::pair<const GazetteerEntry*, int>> old = std::move(by_entry_);
    by_entry_.assign(old.empty() ? 64 : 2 * old.size(), {nullptr, -1});
    entry_shift_ = 64 - std::countr_zero(by_entry_.size());
    entry_count_ = 0;
    for (const auto& [e, r] : old) {
      if (e != nullptr) AddEntry(e, r);
    }
  }
  const size_t mask = by_entry_.size() - 1;
  size_t i = (reinterpret_cast<uintptr_t>(entry) * kHashMul) >> entry_shift_;
  while (by_entry_[i].first != nullptr) i = (i + 1) & mask;
  by_entry_[i] = {entry, record};
  ++entry_count_;
}

int EntityTable::FindGazetteerId(std::string_view id) const {
  for (size_t i = 0; i < records_.size(); ++i) {
    if (records_[i].gazetteer != nullptr && records_[i].entity.id == id) return static_cast<int>(i);
  }
  return -1;
}

int EntityTable::Intern(const GazetteerEntry& entry) {
  // Most calls: an entry seen before, found by its address (no string hash).
  if (const int found = FindEntry(&entry); found >= 0) return found;
  // An id InternNew gave a record first keeps that record (rare: few
  // articles have one, and those few ids seldom match a gazetteer id).
  if (!new_ids_.empty()) {
    if (auto it = new_ids_.find(entry.id); it != new_ids_.end()) {
      AddEntry(&entry, it->second);
      return it->second;
    }
  }
  const int i = static_cast<int>(records_.size());
  AddEntry(&entry, i);
  EntityRecord& r = records_.emplace_back();
  r.gazetteer = &entry;
  r.entity.id = entry.id;
  r.entity.category = entry.category;
  r.entity.label = entry.label_en.empty() ? entry.label_fr : entry.label_en;
  // (wikidata and iso3 are read by no rule: Finish copies them.)
  return i;
}

int EntityTable::InternNew(const std::string& id, const std::string& category,
                           const std::string& label) {
  const auto [it, inserted] = new_ids_.try_emplace(id, static_cast<int>(records_.size()));
  if (!inserted) return it->second;
  // A gazetteer entry interned before under this id is the record.
  if (const int found = FindGazetteerId(id); found >= 0) return it->second = found;
  EntityRecord& r = records_.emplace_back();
  r.entity.id = id;
  r.entity.category = category;
  r.entity.label = label;
  return it->second;
}

int EntityTable::InternEvent(const std::string& name, const std::string& iso) {
  const int ent = InternNew("event_" + Slug(name) + (iso.empty() ? "" : "_" + Slug(iso)), "event",
                            iso.empty() ? name : name + " (" + iso + ")");
  records_[ent].entity.date = iso;
  return ent;
}

void EntityTable::DateEvent(int i, const std::string& iso) {
  EntityRecord& r = records_[i];
  if (iso.empty() || !r.entity.date.empty()) return;
  r.entity.date = iso;
  r.entity.label += " (" + iso + ")";
}

int EntityTable::Find(std::string_view id) const {
  if (auto it = new_ids_.find(std::string(id)); it != new_ids_.end()) return it->second;
  return FindGazetteerId(id);
}

int EntityTable::FindEditionOf(int forum, int ordinal) const {
  for (size_t i = 0; i < records_.size(); ++i) {
    if (records_[i].forum == forum && records_[i].ordinal == ordinal) return static_cast<int>(i);
  }
  return -1;
}

void EntityTable::AddMention(int i, std::string_view surface) {
  ExtractedEntity& e = records_[i].entity;
  ++e.mention_count;
  if (std::find(e.aliases.begin(), e.aliases.end(), surface) == e.aliases.end()) {
    e.aliases.emplace_back(surface);
  }
}

void EntityTable::WithdrawMention(int i) {
  ExtractedEntity& e = records_[i].entity;
  if (e.mention_count > 0) --e.mention_count;
  if (e.mention_count == 0) records_[i].withdrawn = true;
}

std::vector<int> EntityTable::Members(int region) {
  std::vector<int> out;
  const GazetteerEntry* g = records_[region].gazetteer;
  if (g == nullptr) return out;
  for (const std::string& id : g->members) {  // Intern never changes the gazetteer
    if (const GazetteerEntry* m = gazetteer_->Find(id)) out.push_back(Intern(*m));
  }
  return out;
}

namespace {

// Rewrites the ends of `relations` named by a renamed record: (from, to) ids.
void RenameEnds(const std::vector<std::pair<std::string, std::string>>& renamed,
                std::vector<ExtractedRelation>* relations) {
  for (ExtractedRelation& r : *relations) {
    for (const auto& [from, to] : renamed) {
      if (r.source_id == from) r.source_id = to;
      if (r.target_id == from) r.target_id = to;
    }
  }
}

}  // namespace

void EntityTable::FoldUndatedEvents(std::vector<ExtractedRelation>* relations) {
  std::vector<std::pair<std::string, std::string>> renamed;  // (from, to)
  for (EntityRecord& u : records_) {
    if (u.entity.category != "event" || !u.entity.date.empty() || u.head_en.empty() ||
        u.forum >= 0) {
      continue;
    }
    EntityRecord* into = nullptr;
    int candidates = 0;
    for (EntityRecord& d : records_) {
      if (d.entity.category == "event" && !d.entity.date.empty() && !d.dropped &&
          d.kind == u.kind && d.head_en == u.head_en) {
        into = &d;
        ++candidates;
      }
    }
    if (candidates != 1) continue;
    into->entity.mention_count += u.entity.mention_count;
    for (std::string& a : u.entity.aliases) {
      auto& aliases = into->entity.aliases;
      if (std::find(aliases.begin(), aliases.end(), a) == aliases.end()) {
        aliases.push_back(std::move(a));
      }
    }
    u.dropped = true;
    renamed.emplace_back(u.entity.id, into->entity.id);
  }
  // An undated numbered edition and the one dated meeting of its kind and
  // head noun that no forum claims are one: "a two-day summit in Asunción on
  // Friday, December 4, 2026" then "hosted the 69th Summit of Mercosur".
  for (EntityRecord& u : records_) {
    if (u.entity.category != "event" || !u.entity.date.empty() || u.dropped || u.forum < 0 ||
        u.ordinal <= 0 || u.head_en.empty()) {
      continue;
    }
    EntityRecord* dated = nullptr;
    int candidates = 0;
    for (EntityRecord& d : records_) {
      if (d.entity.category == "event" && !d.entity.date.empty() && !d.dropped && d.forum < 0 &&
          d.kind == u.kind && d.head_en == u.head_en) {
        dated = &d;
        ++candidates;
      }
    }
    if (candidates != 1) continue;
    u.entity.date = dated->entity.date;
    u.entity.label += " (" + dated->entity.date + ")";
    u.entity.mention_count += dated->entity.mention_count;
    for (std::string& a : dated->entity.aliases) {
      if (std::find(u.entity.aliases.begin(), u.entity.aliases.end(), a) ==
          u.entity.aliases.end()) {
        u.entity.aliases.push_back(std::move(a));
      }
    }
    dated->dropped = true;
    renamed.emplace_back(dated->entity.id, u.entity.id);
  }
  if (renamed.empty()) return;
  RenameEnds(renamed, relations);
  // The same statement twice (once of each name) is one record; a relation
  // of the event to itself is none.
  std::vector<ExtractedRelation> kept;
  kept.reserve(relations->size());
  for (ExtractedRelation& r : *relations) {
    if (r.source_id == r.target_id) continue;
    bool seen = false;
    for (const ExtractedRelation& k : kept) {
      seen = seen || (k.begin == r.begin && k.source_id == r.source_id &&
                      k.relation == r.relation && k.target_id == r.target_id);
    }
    if (!seen) kept.push_back(std::move(r));
  }
  *relations = std::move(kept);
}

void EntityTable::NameEditionsByForum(std::vector<ExtractedRelation>* relations) {
  std::vector<std::pair<std::string, std::string>> renamed;  // (from, to)
  for (size_t i = 0; i < records_.size(); ++i) {
    EntityRecord& r = records_[i];
    if (r.entity.category != "event" || r.dropped || r.forum < 0 || r.entity.date.empty()) {
      continue;
    }
    std::string_view forum = records_[r.forum].entity.id;
    if (forum.starts_with("forum_")) forum.remove_prefix(6);
    std::string id = "event_";
    id.append(forum).append("_").append(Slug(r.entity.date));
    if (id == r.entity.id || new_ids_.count(id) != 0) continue;
    new_ids_.erase(r.entity.id);
    new_ids_.emplace(id, static_cast<int>(i));
    renamed.emplace_back(r.entity.id, id);
    r.entity.id = std::move(id);
  }
  RenameEnds(renamed, relations);
}

void EntityTable::DropUnrelated(const std::vector<ExtractedRelation>& relations) {
  // An article names few sectors (most none): each one that may go looks
  // for its id among the relations' ends, instead of every end being put
  // in a hash set.
  for (EntityRecord& r : records_) {
    if (!r.withdrawn && (r.entity.category != "sector" || r.named_area)) continue;
    const std::string& id = r.entity.id;
    const bool related = std::any_of(
        relations.begin(), relations.end(),
        [&](const ExtractedRelation& x) { return x.source_id == id || x.target_id == id; });
    if (!related) r.dropped = true;
  }
}

std::vector<ExtractedEntity> EntityTable::Finish() {
  // Ids are unique (Intern, InternNew), so sorting indices gives the one
  // order by id. Most ids differ in their first 16 bytes ("country_ind",
  // "country_kaz"): those are compared as two integers, the strings only
  // when both are equal.
  struct Key {
    uint64_t head[2];
    uint32_t record;
  };
  std::vector<Key> order(records_.size());
  for (uint32_t i = 0; i < order.size(); ++i) {
    const std::string& id = records_[i].entity.id;
    order[i] = {{OrderKey(id, 0), OrderKey(id, 8)}, i};
  }
  std::sort(order.begin(), order.end(), [&](const Key& a, const Key& b) {
    if (a.head[0] != b.head[0]) return a.head[0] < b.head[0];
    if (a.head[1] != b.head[1]) return a.head[1] < b.head[1];
    return records_[a.record].entity.id < records_[b.record].entity.id;
  });
  std::vector<ExtractedEntity> out;
  out.reserve(records_.size());
  for (const Key& key : order) {
    EntityRecord& r = records_[key.record];
    if (r.dropped) continue;
    out.push_back(std::move(r.entity));
    if (r.gazetteer != nullptr) {
      out.back().wikidata = r.gazetteer->wikidata;
      out.back().iso3 = r.gazetteer->iso3;
    }
  }
  return out;
}

void FindMentions(const MentionContext& ctx, const SentenceTokens& s,
                  const std::vector<DateMention>& dates, EntityTable* table,
                  SentenceMentions* out) {
  out->mentions.clear();
  out->dates.clear();
  out->member_of.clear();
  thread_local std::vector<int> covered;
  thread_local std::vector<char> date_tok;
  SentenceScanner(ctx, s, dates, table, out, &covered, &date_tok).Run();
}

}  // namespace newsgraph
