#include "newsgraph/extract/coreference.h"

#include <algorithm>

namespace newsgraph {
namespace {

bool Has(const SentenceTokens& s, size_t i, Cue c) {
  return i < s.tokens.size() && (s.tokens[i].cues & CueBit(c));
}

// The preposition governing a phrase starting at `begin`, skipping articles.
int Governor(const SentenceTokens& s, uint32_t begin) {
  int i = static_cast<int>(begin) - 1;
  while (i >= 0 && Has(s, i, Cue::kDeterminer) && !Has(s, i, Cue::kPreposition)) --i;
  while (i >= 0 && Has(s, i, Cue::kNumberWord)) --i;
  if (i >= 0 && (Has(s, i, Cue::kPreposition) || Has(s, i, Cue::kLocPrep) ||
                 Has(s, i, Cue::kBetween) || Has(s, i, Cue::kAgentPrep))) {
    return i;
  }
  return -1;
}

// Categories as views: comparing one with a literal compares the sizes first.
std::string_view CategoryOf(const EntityTable& table, int e) { return table.at(e).entity.category; }

bool IsActor(std::string_view category) {
  return category == "country" || category == "organization" || category == "person" ||
         category == "region";
}

// Which entities may be coordinated: actors with actors, resources and
// sectors together, places together.
int CategoryClass(std::string_view category) {
  if (IsActor(category)) return 0;
  if (category == "resource" || category == "sector") return 1;
  if (category == "location") return 2;
  return 3;
}

int PhraseClass(const ArgPhrase& p, const EntityTable& table) {
  for (const auto& c : p.conjuncts) {
    for (int e : c) return CategoryClass(CategoryOf(table, e));
  }
  return 3;
}

// The current meeting's participants, or no conjuncts.
const std::vector<std::vector<int>>& Participants(const EntityTable& table, const Discourse& d) {
  static const std::vector<std::vector<int>> kNone;
  if (d.current_event >= 0) {
    const EntityRecord& r = table.at(d.current_event);
    if (!r.participants.empty()) return r.participants;
  }
  return kNone;
}

// Whether some conjunct has an entity (Flatten would not be empty).
bool AnyEntity(const std::vector<std::vector<int>>& conjuncts) {
  for (const auto& c : conjuncts) {
    if (!c.empty()) return true;
  }
  return false;
}

}  // namespace

std::vector<int> Flatten(const std::vector<std::vector<int>>& conjuncts) {
  std::vector<int> out;
  FlattenInto(conjuncts, &out);
  return out;
}

void FlattenInto(const std::vector<std::vector<int>>& conjuncts, std::vector<int>* out) {
  out->clear();
  for (const auto& c : conjuncts) {
    for (int e : c) {
      if (std::find(out->begin(), out->end(), e) == out->end()) out->push_back(e);
    }
  }
}

void ResolveSentence(const LanguageIndex& li, std::string_view normalized, const SentenceTokens& s,
                     const SentenceMentions& mentions, EntityTable* table, const Discourse& d,
                     SentenceArgs* out) {
  (void)li;
  out->phrases.clear();
  out->subject = -1;
  out->unresolved.clear();
  const auto& ms = mentions.mentions;
  // Resolve each mention, then join coordinated ones. (Scratch kept per
  // thread: its capacity outlives the sentence.)
  thread_local std::vector<ArgPhrase> units;
  thread_local std::vector<int> flat;
  units.clear();
  for (size_t k = 0; k < ms.size(); ++k) {
    const Mention& m = ms[k];
    if (m.in_name) continue;
    ArgPhrase u;
    u.begin = m.begin;
    u.end = m.end;
    u.mentions.push_back(static_cast<int>(k));
    u.plural = m.plural;
    u.feminine = m.feminine;
    u.masculine = m.masculine;
    switch (m.kind) {
      case MentionKind::kEntity:
        u.conjuncts.push_back({m.entity});
        break;
      case MentionKind::kGroup:
        u.conjuncts.push_back(m.members);
        break;
      case MentionKind::kPronoun: {
        // An antecedent earlier in this sentence wins ("La Chine ..., elle ...").
        int local = -1;
        for (const ArgPhrase& p : units) {
          if (p.governor >= 0 || p.conjuncts.empty() || p.event >= 0) continue;
          local = static_cast<int>(&p - units.data());
          break;
        }
        if (local >= 0 && units[local].plural == m.plural) {
          u.conjuncts = units[local].conjuncts;
          u.participants = units[local].participants;
        } else if (m.plural) {
          u.conjuncts = !d.last_plural.empty() ? d.last_plural : Participants(*table, d);
        } else {
          const int e = m.feminine    ? d.last_feminine
                        : m.masculine ? d.last_masculine
                                      : d.last_singular;
          if (e >= 0) u.conjuncts.push_back({e});
          u.feminine = m.feminine;
          u.masculine = m.masculine;
        }
        break;
      }
      case MentionKind::kOrgAnaphor: {
        // The latest organisation earlier in this sentence, else in the article.
        int e = d.last_organization;
        for (const ArgPhrase& p : units) {
          FlattenInto(p.conjuncts, &flat);
          for (int x : flat) {
            if (CategoryOf(*table, x) == "organization") e = x;
          }
        }
        if (e >= 0) u.conjuncts.push_back({e});
        break;
      }
      case MentionKind::kParticipants:
        u.conjuncts = Participants(*table, d);
        if (u.conjuncts.empty()) u.conjuncts = d.last_plural;
        u.participants = true;
        break;
      case MentionKind::kGroupAnaphor:
        if (m.count > 0) {
          // The parties the current meeting is named after, when that many:
          // "the two sides" of the GCC-Türkiye Strategic Dialogue.
          if (const auto& parts = Participants(*table, d);
              parts.size() == static_cast<size_t>(m.count)) {
            u.conjuncts = parts;
          }
          for (auto it = d.groups.rbegin(); u.conjuncts.empty() && it != d.groups.rend(); ++it) {
            if (static_cast<int>(it->size()) == m.count) {
              u.conjuncts.push_back(*it);
              break;
            }
          }
          // "les deux pays" with no group of two: the last two countries
          // named, this sentence first ("Le président mexicain ... au Maroc,
          // ... les deux pays ont signé").
          if (u.conjuncts.empty() && m.count <= 3) {
            std::vector<int> recent;
            for (size_t j = k; j-- > 0;) {  // demonyms inside names count too
              const int x = ms[j].entity;
              if (ms[j].kind == MentionKind::kEntity && x >= 0 &&
                  CategoryOf(*table, x) == "country" &&
                  std::find(recent.begin(), recent.end(), x) == recent.end()) {
                recent.push_back(x);
              }
            }
            for (auto it = d.recent_countries.rbegin();
                 it != d.recent_countries.rend() && recent.size() < static_cast<size_t>(m.count);
                 ++it) {
              if (std::find(recent.begin(), recent.end(), *it) == recent.end()) {
                recent.push_back(*it);
              }
            }
            if (recent.size() == static_cast<size_t>(m.count)) {
              std::sort(recent.begin(), recent.end());
              for (int x : recent) u.conjuncts.push_back({x});
            }
          }
        } else {
          u.conjuncts = !d.last_plural.empty() ? d.last_plural : Participants(*table, d);
        }
        break;
      case MentionKind::kEventRef: {
        int e = m.entity;
        if (e < 0) {
          for (auto it = d.events.rbegin(); it != d.events.rend(); ++it) {
            if (table->at(*it).head_en == m.head_en) {
              e = *it;
              break;
            }
          }
          // "the agreement" after "a partnership signed ...", "the attack"
          // after "a suicide bombing": the latest agreement or incident of
          // any name.
          if (e < 0 &&
              (m.event_kind == EventKind::kAgreement || m.event_kind == EventKind::kIncident)) {
            for (auto it = d.events.rbegin(); it != d.events.rend(); ++it) {
              if (table->at(*it).kind == m.event_kind) {
                e = *it;
                break;
              }
            }
          }
          if (e < 0 && m.event_kind == EventKind::kMeeting) e = d.current_event;
        }
        if (e < 0) continue;
        u.event = e;
        u.conjuncts.push_back({e});
        break;
      }
      case MentionKind::kResourceAnaphor: {
        std::vector<int> local;
        for (const ArgPhrase& p : units) {
          FlattenInto(p.conjuncts, &flat);
          for (int e : flat) {
            if (CategoryOf(*table, e) == "resource") local.push_back(e);
          }
        }
        u.conjuncts.push_back(!local.empty() ? local : d.last_resources);
        break;
      }
    }
    if (!AnyEntity(u.conjuncts)) {
      const bool actor_anaphor =
          m.kind == MentionKind::kPronoun || m.kind == MentionKind::kParticipants ||
          m.kind == MentionKind::kGroupAnaphor || m.kind == MentionKind::kOrgAnaphor;
      if (actor_anaphor && Governor(s, u.begin) < 0) out->unresolved.push_back(u.begin);
      continue;
    }
    u.governor = Governor(s, u.begin);
    units.push_back(std::move(u));
  }
  // Coordination: units separated only by conjunctions, commas, dashes,
  // articles, or the same preposition again ("à l'Inde et à la Chine").
  // Whether units[k] and the units after it make a list that a word
  // conjunction closes ("Togo, Ghana and Niger"): separated only by commas
  // and articles, the last pair by "et"/"and".
  auto list_closes = [&](size_t k) {
    for (size_t j = k; j + 1 < units.size(); ++j) {
      if (PhraseClass(units[j], *table) != PhraseClass(units[j + 1], *table) ||
          units[j + 1].governor >= 0 || units[j + 1].begin < units[j].end) {
        return false;
      }
      bool comma = false, conj = false;
      for (uint32_t i = units[j].end; i < units[j + 1].begin; ++i) {
        const std::string_view text = TokenText(normalized, s.tokens[i].token);
        if (Has(s, i, Cue::kConjunction)) {
          conj = true;
        } else if (text == ",") {
          comma = true;
        } else if (!(Has(s, i, Cue::kDeterminer) && !Has(s, i, Cue::kPreposition))) {
          return false;
        }
      }
      if (conj) return true;
      if (!comma) return false;
    }
    return false;
  };
  for (size_t k = 0; k < units.size(); ++k) {
    ArgPhrase& u = units[k];
    if (!out->phrases.empty()) {
      ArgPhrase& prev = out->phrases.back();
      // The same preposition, or two forms of "de" ("du Rwanda, de l'Ouganda").
      auto same_governor = [&](int a, int b) {
        return s.tokens[a].lower == s.tokens[b].lower ||
               (Has(s, a, Cue::kConnector) && Has(s, b, Cue::kConnector) &&
                Has(s, a, Cue::kPreposition) && Has(s, b, Cue::kPreposition));
      };
      // A name's acronym in parentheses after it is the name again: "la
      // Banque africaine de développement (BAD) et l'Union européenne".
      if (prev.event < 0 && u.event < 0 && u.begin == prev.end + 1 && u.end < s.tokens.size() &&
          TokenText(normalized, s.tokens[prev.end].token) == "(" &&
          TokenText(normalized, s.tokens[u.end].token) == ")" && u.conjuncts.size() == 1 &&
          !prev.conjuncts.empty() && u.conjuncts[0] == prev.conjuncts.back()) {
        prev.end = u.end + 1;
        continue;
      }
      bool joined =
          prev.event < 0 && u.event < 0 && u.begin >= prev.end &&
          PhraseClass(prev, *table) == PhraseClass(u, *table) &&
          (u.governor < 0 || (prev.governor >= 0 && same_governor(u.governor, prev.governor)));
      bool saw_conj = false, saw_word_conj = false;
      for (uint32_t i = prev.end; joined && i < u.begin; ++i) {
        const std::string_view text = TokenText(normalized, s.tokens[i].token);
        const bool conj = Has(s, i, Cue::kConjunction);
        const bool comma = text == "," || text == "\xE2\x80\x94";
        const bool det = Has(s, i, Cue::kDeterminer) && !Has(s, i, Cue::kPreposition);
        const bool same_prep =
            prev.governor >= 0 && same_governor(static_cast<int>(i), prev.governor);
        saw_conj = saw_conj || conj || comma;
        saw_word_conj = saw_word_conj || conj;
        joined = conj || comma || det || same_prep;
      }
      // "Selon la France, la Russie ...": a comma alone does not join a
      // governed phrase to an ungoverned one, unless a list goes on to its
      // conjunction ("condamnée par le Togo, le Ghana et le Niger").
      if (prev.governor >= 0 && u.governor < 0 && !saw_word_conj && !list_closes(k)) {
        joined = false;
      }
      if (joined && saw_conj && u.begin > prev.end) {
        prev.end = u.end;
        // (units[k] is not read again: its conjuncts move.)
        for (auto& c : u.conjuncts) prev.conjuncts.push_back(std::move(c));
        prev.mentions.insert(prev.mentions.end(), u.mentions.begin(), u.mentions.end());
        prev.plural = true;
        prev.participants = prev.participants && u.participants;
        continue;
      }
    }
    out->phrases.push_back(std::move(u));
  }
  for (size_t p = 0; p < out->phrases.size(); ++p) {
    if (out->phrases[p].governor < 0) {
      out->subject = static_cast<int>(p);
      break;
    }
  }
}

void UpdateDiscourse(const SentenceMentions& mentions, const SentenceArgs& args,
                     const EntityTable& table, Discourse* d) {
  for (const Mention& m : mentions.mentions) {
    if (m.kind == MentionKind::kGroup && !m.members.empty()) d->groups.push_back(m.members);
  }
  thread_local std::vector<int> resources, flat;
  resources.clear();
  for (const ArgPhrase& p : args.phrases) {
    if (p.event >= 0) {
      const int e = p.event;
      auto it = std::find(d->events.begin(), d->events.end(), e);
      if (it != d->events.end()) d->events.erase(it);
      d->events.push_back(e);
      const EntityRecord& r = table.at(e);
      if (r.kind == EventKind::kMeeting && CategoryOf(table, e) == "event" &&
          (d->current_event < 0 || p.governor < 0)) {
        d->current_event = e;
      }
      continue;
    }
    // The resources named, and the latest organisation (one pass: they
    // touch different fields).
    FlattenInto(p.conjuncts, &flat);
    for (int e : flat) {
      const std::string_view category = CategoryOf(table, e);
      if (category == "resource" &&
          std::find(resources.begin(), resources.end(), e) == resources.end()) {
        resources.push_back(e);
      } else if (category == "organization") {
        d->last_organization = e;
      }
    }
  }
  if (!resources.empty()) d->last_resources.assign(resources.begin(), resources.end());
  for (const Mention& m : mentions.mentions) {
    if (m.kind != MentionKind::kEntity || m.entity < 0 ||
        CategoryOf(table, m.entity) != "country") {
      continue;
    }
    auto it = std::find(d->recent_countries.begin(), d->recent_countries.end(), m.entity);
    if (it != d->recent_countries.end()) d->recent_countries.erase(it);
    d->recent_countries.push_back(m.entity);
  }
  if (args.subject < 0) return;
  const ArgPhrase& subj = args.phrases[args.subject];
  if (subj.event >= 0) return;
  FlattenInto(subj.conjuncts, &flat);
  const std::vector<int>& ents = flat;
  if (ents.empty() || !IsActor(CategoryOf(table, ents[0]))) return;
  if (ents.size() > 1 || subj.plural) {
    d->last_plural = subj.conjuncts;
  } else {
    d->last_singular = ents[0];
    if (subj.feminine) d->last_feminine = ents[0];
    if (subj.masculine) d->last_masculine = ents[0];
  }
}

}  // namespace newsgraph
