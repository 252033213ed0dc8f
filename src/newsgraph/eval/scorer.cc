#include "newsgraph/eval/scorer.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <set>
#include <unordered_map>

namespace newsgraph {
namespace {

// NFD with nonspacing marks removed, then NFC; typographic apostrophes as '.
icu::UnicodeString StripMarks(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return u;  // ICU data missing: compare as written
  icu::UnicodeString decomposed = nfd->normalize(u, status);
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032) c = '\'';
    out.append(c);
  }
  icu::UnicodeString composed = nfc->normalize(out, status);
  return U_FAILURE(status) ? out : composed;
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

// The words of a name that can identify an event: 4+ letters or digits and
// not a number, or an upper-case acronym of 2+ characters ("SCO", "G20").
std::set<std::string> ContentWords(std::string_view name) {
  icu::UnicodeString u = StripMarks(name);
  std::set<std::string> words;
  icu::UnicodeString word;
  auto flush = [&]() {
    bool has_letter = false, all_upper = true;
    int32_t letters = 0;
    for (int32_t i = 0; i < word.length();) {
      UChar32 c = word.char32At(i);
      i += U16_LENGTH(c);
      ++letters;
      if (u_isalpha(c)) has_letter = true;
      if (u_isalpha(c) && !u_isupper(c)) all_upper = false;
    }
    if (has_letter && (letters >= 4 || (letters >= 2 && all_upper))) {
      icu::UnicodeString folded = word;
      words.insert(ToUtf8(folded.foldCase()));
    }
    word.remove();
  };
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalnum(c)) {
      word.append(c);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

// A maximum one-to-one matching (Kuhn's augmenting paths). adj[l] lists the
// right items left item l may match, best first; left items are tried in
// `order`, and one matched stays matched, so the first in it are sure to be.
// Returns, for each left item, its right item or -1. Deterministic: depends
// only on the order of adj and `order`.
std::vector<int> MaxMatching(const std::vector<std::vector<int>>& adj,
                             const std::vector<size_t>& order, size_t num_right) {
  std::vector<int> left_of(num_right, -1);
  std::vector<int> right_of(adj.size(), -1);
  std::vector<char> visited;
  std::function<bool(int)> augment = [&](int l) {
    for (int r : adj[l]) {
      if (visited[r]) continue;
      visited[r] = 1;
      if (left_of[r] == -1 || augment(left_of[r])) {
        left_of[r] = l;
        right_of[l] = r;
        return true;
      }
    }
    return false;
  };
  for (size_t l : order) {
    if (adj[l].empty()) continue;
    visited.assign(num_right, 0);
    augment(static_cast<int>(l));
  }
  return right_of;
}

// Matches `left` items against the required right items first, then the
// still unmatched left items against the optional ones. candidates(l) gives
// (strength, right item) pairs; a left item's strongest pairs are tried
// first, and left items with the strongest pairs are matched first (a node
// named exactly as the gold entity wins it over one that only shares an
// alias), without losing the most pairs there can be. Returns left -> right
// or -1.
std::vector<int> MatchRequiredFirst(
    size_t num_left, const std::vector<bool>& right_optional,
    const std::function<std::vector<std::pair<int, int>>(size_t)>& candidates) {
  std::vector<std::vector<std::pair<int, int>>> all(num_left);
  std::vector<int> best(num_left, 0);
  for (size_t l = 0; l < num_left; ++l) {
    all[l] = candidates(l);
    std::stable_sort(all[l].begin(), all[l].end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    if (!all[l].empty()) best[l] = all[l].front().first;
  }
  std::vector<size_t> order(num_left);
  for (size_t l = 0; l < num_left; ++l) order[l] = l;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return best[a] > best[b]; });
  std::vector<int> result(num_left, -1);
  for (bool optional : {false, true}) {
    std::vector<std::vector<int>> adj(num_left);
    for (size_t l = 0; l < num_left; ++l) {
      if (result[l] != -1) continue;
      for (const auto& [strength, r] : all[l]) {
        if (right_optional[r] == optional) adj[l].push_back(r);
      }
    }
    std::vector<int> m = MaxMatching(adj, order, right_optional.size());
    for (size_t l = 0; l < num_left; ++l) {
      if (m[l] != -1) result[l] = m[l];
    }
  }
  return result;
}

struct NodeKeys {
  std::string label;            // MatchKey of the label (gold: the name)
  std::set<std::string> names;  // MatchKey of label and aliases
  std::set<std::string> words;  // content words (events only)
  std::string date;
};

NodeKeys KeysOf(const NodeData& n) {
  NodeKeys k;
  k.label = MatchKey(n.label);
  k.names.insert(k.label);
  for (const std::string& a : n.aliases) k.names.insert(MatchKey(a));
  k.names.erase("");
  if (n.category == "event") {
    k.words = ContentWords(n.label);
    for (const std::string& a : n.aliases) {
      std::set<std::string> w = ContentWords(a);
      k.words.insert(w.begin(), w.end());
    }
    k.date = n.date.empty() ? TrailingDate(n.label) : n.date;
  }
  return k;
}

NodeKeys KeysOf(const GoldEntity& e) {
  NodeKeys k;
  k.label = MatchKey(e.name);
  k.names.insert(k.label);
  for (const std::string& a : e.aliases) k.names.insert(MatchKey(a));
  k.names.erase("");
  if (e.type == "event") {
    k.words = ContentWords(e.name);
    for (const std::string& a : e.aliases) {
      std::set<std::string> w = ContentWords(a);
      k.words.insert(w.begin(), w.end());
    }
    k.date = e.date;
  }
  return k;
}

bool Intersects(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const std::string& x : a) {
    if (b.count(x)) return true;
  }
  return false;
}

// Two dates that can name the same day: equal, or one a prefix of the other
// ("2026-03" and "2026-03-09"); an unknown date agrees with any.
// The first and last day of a date or a range ("2026-05-05/06",
// "2026-05-30/06-02", "2026-05-30/2026-06-02"), at the date's own precision.
std::pair<std::string, std::string> DateBounds(const std::string& d) {
  const size_t slash = d.find('/');
  if (slash == std::string::npos) return {d, d};
  std::string first = d.substr(0, slash);
  const std::string tail = d.substr(slash + 1);
  std::string last = first;
  if (tail.size() <= last.size()) last.replace(last.size() - tail.size(), tail.size(), tail);
  return {first, last};
}

// Whether two dates (or ranges) can name the same days: at the coarser of
// the two precisions their spans meet ("2026-05" agrees with "2026-05-06",
// "2026-05-06" with "2026-05-05/06").
bool DatesAgree(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return true;
  const auto [a_first, a_last] = DateBounds(a);
  const auto [b_first, b_last] = DateBounds(b);
  const size_t n = std::min(a_first.size(), b_first.size());
  return a_first.compare(0, n, b_last, 0, n) <= 0 && b_first.compare(0, n, a_last, 0, n) <= 0;
}

// 4: same Wikidata id; 3: the node's label is the gold name; 2: a name or
// alias in common; 1: same event date and a shared word; 0: no match.
// An event is one dated occurrence: events whose dates disagree never match,
// whatever their names ("visit (2026-03-09)" is not "visit (2026-10)").
int MatchStrength(const NodeData& node, const NodeKeys& nk, const GoldEntity& gold,
                  const NodeKeys& gk) {
  if (node.category != gold.type) return 0;
  if (gold.type == "event" && !DatesAgree(nk.date, gk.date)) return 0;
  if (!node.wikidata.empty() && !gold.qid.empty()) {
    if (node.wikidata == gold.qid) return 4;
    return 0;  // two different entities that happen to share a name
  }
  if (!nk.label.empty() && nk.label == gk.label) return 3;
  if (Intersects(nk.names, gk.names)) return 2;
  // (The same date: equal, or a day within the other's range.)
  const bool range =
      nk.date.find('/') != std::string::npos || gk.date.find('/') != std::string::npos;
  if (gold.type == "event" && !gk.date.empty() && !nk.date.empty() &&
      (nk.date == gk.date || (range && DatesAgree(nk.date, gk.date))) &&
      Intersects(nk.words, gk.words)) {
    return 1;
  }
  return 0;
}

// What the graph contributes to one article's score.
struct Scope {
  std::vector<NodeId> nodes;  // sorted by node id
  std::vector<EdgeId> edges;  // sorted by edge id
};

bool EdgeCounts(const EdgeData& e, const std::string& article, bool whole_graph) {
  if (e.relation.empty()) return false;
  if (whole_graph && e.evidence.empty()) return e.modality != "negated";
  for (const Evidence& ev : e.evidence) {
    if ((whole_graph || ev.article_id == article) && ev.modality != Modality::kNegated) {
      return true;
    }
  }
  return false;
}

// Scopes for every gold article id, computed in one pass over the graph.
std::map<std::string, Scope> Scopes(const KnowledgeGraph& graph,
                                    const std::vector<GoldGraph>& golds, bool whole_graph) {
  std::map<std::string, Scope> scopes;
  for (const GoldGraph& g : golds) scopes[g.ArticleId()];
  std::vector<NodeId> nodes = graph.SortedNodes();
  std::vector<EdgeId> edges = graph.SortedEdges();
  for (auto& [article, scope] : scopes) {
    std::set<NodeId> in;
    for (EdgeId e : edges) {
      if (!EdgeCounts(graph.edge(e), article, whole_graph)) continue;
      scope.edges.push_back(e);
      in.insert(graph.source(e));
      in.insert(graph.target(e));
    }
    for (NodeId n : nodes) {
      const auto& mentions = graph.node(n).article_mentions;
      if (whole_graph || in.count(n) || mentions.count(article)) scope.nodes.push_back(n);
    }
  }
  return scopes;
}

bool HasProvenance(const KnowledgeGraph& graph) {
  for (NodeId n = 0; n < graph.num_nodes(); ++n) {
    if (!graph.node(n).article_mentions.empty()) return true;
  }
  for (EdgeId e = 0; e < graph.num_edges(); ++e) {
    if (!graph.edge(e).evidence.empty()) return true;
  }
  return false;
}

std::string Describe(const GoldEntity& e) {
  return e.type + " \"" + e.name + "\"" + (e.qid.empty() ? "" : " " + e.qid) + " [" + e.key + "]";
}

std::string Describe(const NodeData& n) {
  return n.category + " \"" + n.label + "\"" + (n.wikidata.empty() ? "" : " " + n.wikidata) + " [" +
         n.id + "]";
}

void ScoreOneGold(const KnowledgeGraph& graph, const GoldGraph& gold, const Scope& scope,
                  EvalReport* report) {
  const std::string article = gold.ArticleId();
  ArticleScore& as = report->per_article[article];

  // Entities.
  std::vector<NodeKeys> gold_keys;
  std::vector<bool> gold_optional;
  for (const GoldEntity& e : gold.entities) {
    gold_keys.push_back(KeysOf(e));
    gold_optional.push_back(e.optional);
  }
  std::vector<NodeKeys> node_keys;
  for (NodeId n : scope.nodes) node_keys.push_back(KeysOf(graph.node(n)));
  std::vector<int> node_match =
      MatchRequiredFirst(scope.nodes.size(), gold_optional, [&](size_t l) {
        std::vector<std::pair<int, int>> out;  // (strength, gold index)
        const NodeData& node = graph.node(scope.nodes[l]);
        for (size_t g = 0; g < gold.entities.size(); ++g) {
          int s = MatchStrength(node, node_keys[l], gold.entities[g], gold_keys[g]);
          if (s > 0) out.emplace_back(s, static_cast<int>(g));
        }
        return out;
      });
  std::vector<bool> gold_found(gold.entities.size(), false);
  std::unordered_map<NodeId, int> gold_of_node;
  for (size_t l = 0; l < scope.nodes.size(); ++l) {
    const NodeData& node = graph.node(scope.nodes[l]);
    if (node_match[l] == -1) {
      Score one{.fp = 1};
      report->entities += one;
      as.entities += one;
      report->per_type[node.category] += one;
      report->false_entities.push_back(article + ": " + Describe(node));
      continue;
    }
    gold_found[node_match[l]] = true;
    gold_of_node[scope.nodes[l]] = node_match[l];
  }
  for (size_t g = 0; g < gold.entities.size(); ++g) {
    const GoldEntity& e = gold.entities[g];
    if (e.optional) continue;
    Score one = gold_found[g] ? Score{.tp = 1} : Score{.fn = 1};
    report->entities += one;
    as.entities += one;
    report->per_type[e.type] += one;
    if (!gold_found[g]) report->missed_entities.push_back(article + ": " + Describe(e));
  }

  // Relations.
  std::map<std::string, int> entity_index;
  for (size_t g = 0; g < gold.entities.size(); ++g) entity_index[gold.entities[g].key] = g;
  auto gold_ends = [&](const GoldRelation& r) {
    return std::make_pair(entity_index[r.source], entity_index[r.target]);
  };
  auto ends_match = [&](EdgeId e, const GoldRelation& r) {
    const EdgeData& d = graph.edge(e);
    if (d.relation != r.relation) return false;
    auto s = gold_of_node.find(graph.source(e));
    auto t = gold_of_node.find(graph.target(e));
    if (s == gold_of_node.end() || t == gold_of_node.end()) return false;
    auto [gs, gt] = gold_ends(r);
    if (s->second == gs && t->second == gt) return true;
    bool symmetric = d.symmetric || d.relation == "cooperates_with";
    return symmetric && s->second == gt && t->second == gs;
  };
  std::vector<bool> relation_optional;
  for (const GoldRelation& r : gold.relations) relation_optional.push_back(r.optional);
  std::vector<int> edge_match =
      MatchRequiredFirst(scope.edges.size(), relation_optional, [&](size_t l) {
        std::vector<std::pair<int, int>> out;
        for (size_t r = 0; r < gold.relations.size(); ++r) {
          if (ends_match(scope.edges[l], gold.relations[r]))
            out.emplace_back(1, static_cast<int>(r));
        }
        return out;
      });
  std::vector<bool> relation_found(gold.relations.size(), false);
  for (size_t l = 0; l < scope.edges.size(); ++l) {
    EdgeId e = scope.edges[l];
    if (edge_match[l] != -1) {
      relation_found[edge_match[l]] = true;
      continue;
    }
    const EdgeData& d = graph.edge(e);
    Score one{.fp = 1};
    report->relations += one;
    as.relations += one;
    report->per_relation[d.relation] += one;
    std::string line = article + ": " + graph.node(graph.source(e)).label + " --" + d.relation +
                       "--> " + graph.node(graph.target(e)).label + " [" + d.id + "]";
    for (const GoldRelation& n : gold.negated_relations) {
      if (ends_match(e, n)) {
        line += " (the text negates it)";
        ++report->contradictions;
        break;
      }
    }
    report->false_relations.push_back(line);
  }
  for (size_t r = 0; r < gold.relations.size(); ++r) {
    const GoldRelation& rel = gold.relations[r];
    if (rel.optional) continue;
    Score one = relation_found[r] ? Score{.tp = 1} : Score{.fn = 1};
    report->relations += one;
    as.relations += one;
    report->per_relation[rel.relation] += one;
    if (!relation_found[r]) {
      report->missed_relations.push_back(article + ": " + gold.FindEntity(rel.source)->name +
                                         " --" + rel.relation + "--> " +
                                         gold.FindEntity(rel.target)->name + " [" + rel.source +
                                         " " + rel.relation + " " + rel.target + "]");
    }
  }
}

std::string Fixed(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

std::string Row(const std::string& name, const Score& s) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "  %-28s %6lld %6lld %6lld %9s %9s %9s\n", name.c_str(),
                static_cast<long long>(s.tp), static_cast<long long>(s.fp),
                static_cast<long long>(s.fn), Fixed(s.precision()).c_str(),
                Fixed(s.recall()).c_str(), Fixed(s.f1()).c_str());
  return buf;
}

// Rounded to 4 decimals (the writer alone would truncate).
double Round4(double x) { return std::round(x * 10000) / 10000; }

void WriteScore(rapidjson::Writer<rapidjson::StringBuffer>& w, const Score& s) {
  w.StartObject();
  w.Key("tp");
  w.Int64(s.tp);
  w.Key("fp");
  w.Int64(s.fp);
  w.Key("fn");
  w.Int64(s.fn);
  w.Key("precision");
  w.Double(Round4(s.precision()));
  w.Key("recall");
  w.Double(Round4(s.recall()));
  w.Key("f1");
  w.Double(Round4(s.f1()));
  w.EndObject();
}

void WriteStrings(rapidjson::Writer<rapidjson::StringBuffer>& w, const char* key,
                  const std::vector<std::string>& items) {
  w.Key(key);
  w.StartArray();
  for (const std::string& s : items)
    w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
  w.EndArray();
}

}  // namespace

double Score::precision() const {
  return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / static_cast<double>(tp + fp);
}

double Score::recall() const {
  return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / static_cast<double>(tp + fn);
}

double Score::f1() const {
  double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

Score& Score::operator+=(const Score& o) {
  tp += o.tp;
  fp += o.fp;
  fn += o.fn;
  return *this;
}

std::string MatchKey(std::string_view name) {
  icu::UnicodeString u = StripMarks(name);
  u.foldCase();
  std::string s = ToUtf8(u);
  // One leading article.
  size_t start = s.find_first_not_of(' ');
  s.erase(0, start == std::string::npos ? s.size() : start);
  for (std::string_view article : {"l'", "le ", "la ", "les ", "the "}) {
    if (s.size() > article.size() && s.compare(0, article.size(), article) == 0) {
      s.erase(0, article.size());
      break;
    }
  }
  // Punctuation and spaces.
  icu::UnicodeString rest = icu::UnicodeString::fromUTF8(s);
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < rest.length();) {
    UChar32 c = rest.char32At(i);
    i += U16_LENGTH(c);
    if (c == '.') continue;
    if (u_ispunct(c) || u_isUWhiteSpace(c) || u_iscntrl(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && out.length() > 0) out.append(static_cast<UChar32>(' '));
    pending_space = false;
    out.append(c);
  }
  return ToUtf8(out);
}

EvalReport Evaluate(const KnowledgeGraph& graph, const std::vector<GoldGraph>& golds) {
  EvalReport report;
  bool whole_graph = !HasProvenance(graph);
  if (whole_graph && graph.num_nodes() > 0) {
    report.warnings.push_back(
        "the graph records no article provenance: every node and edge is scored against every "
        "gold file");
  }
  std::map<std::string, Scope> scopes = Scopes(graph, golds, whole_graph);
  std::set<std::string> seen_articles;
  for (const GoldGraph& gold : golds) {
    if (!seen_articles.insert(gold.ArticleId()).second) {
      report.warnings.push_back("two gold files describe article '" + gold.ArticleId() +
                                "': the graph's items are scored against each");
    }
    const Scope& scope = scopes[gold.ArticleId()];
    if (!whole_graph && scope.nodes.empty()) {
      report.warnings.push_back("no node of the graph comes from article '" + gold.ArticleId() +
                                "' (is the gold file's \"article\" the graph's article id?)");
    }
    ScoreOneGold(graph, gold, scope, &report);
  }
  return report;
}

std::string FormatReport(const EvalReport& report) {
  std::string out;
  char header[160];
  std::snprintf(header, sizeof header, "  %-28s %6s %6s %6s %9s %9s %9s\n", "", "tp", "fp", "fn",
                "precision", "recall", "f1");
  out += "overall\n";
  out += header;
  out += Row("entities", report.entities);
  out += Row("relations", report.relations);
  out += "\nentities by type\n";
  out += header;
  for (const auto& [type, s] : report.per_type) out += Row(type, s);
  out += "\nrelations by type\n";
  out += header;
  for (const auto& [relation, s] : report.per_relation) out += Row(relation, s);
  out += "\nby article\n";
  out += header;
  for (const auto& [article, s] : report.per_article) {
    out += Row(article + " entities", s.entities);
    out += Row(article + " relations", s.relations);
  }
  auto list = [&](const char* title, const std::vector<std::string>& items) {
    out += "\n" + std::string(title) + " (" + std::to_string(items.size()) + ")\n";
    for (const std::string& s : items) out += "  " + s + "\n";
  };
  list("missed entities", report.missed_entities);
  list("false entities", report.false_entities);
  list("missed relations", report.missed_relations);
  list("false relations", report.false_relations);
  if (report.contradictions > 0) {
    out += "\n" + std::to_string(report.contradictions) +
           " false relation(s) contradict a negation in the text\n";
  }
  for (const std::string& w : report.warnings) out += "\nwarning: " + w + "\n";
  return out;
}

std::string FormatReportJson(const EvalReport& report) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.SetMaxDecimalPlaces(4);
  w.StartObject();
  w.Key("entities");
  WriteScore(w, report.entities);
  w.Key("relations");
  WriteScore(w, report.relations);
  w.Key("per_type");
  w.StartObject();
  for (const auto& [type, s] : report.per_type) {
    w.Key(type.c_str());
    WriteScore(w, s);
  }
  w.EndObject();
  w.Key("per_relation");
  w.StartObject();
  for (const auto& [relation, s] : report.per_relation) {
    w.Key(relation.c_str());
    WriteScore(w, s);
  }
  w.EndObject();
  w.Key("per_article");
  w.StartObject();
  for (const auto& [article, s] : report.per_article) {
    w.Key(article.c_str());
    w.StartObject();
    w.Key("entities");
    WriteScore(w, s.entities);
    w.Key("relations");
    WriteScore(w, s.relations);
    w.EndObject();
  }
  w.EndObject();
  WriteStrings(w, "missed_entities", report.missed_entities);
  WriteStrings(w, "false_entities", report.false_entities);
  WriteStrings(w, "missed_relations", report.missed_relations);
  WriteStrings(w, "false_relations", report.false_relations);
  w.Key("contradictions");
  w.Int64(report.contradictions);
  WriteStrings(w, "warnings", report.warnings);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace newsgraph
