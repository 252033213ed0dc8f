// The merge laws as property tests over seeded random graphs: commutativity,
// associativity, idempotence, preservation of every input record, and
// weights, counts and first/last-seen dates derived from the merged
// evidence. On failure the case is shrunk (nodes, edges, evidence removed
// one at a time while the law still fails) and printed.
#include <catch2/catch.hpp>
#include <cctype>
#include <cstdint>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "graph/graph_dump.h"
#include "newsgraph/graph/merge.h"

namespace newsgraph {
namespace {

constexpr int kCasesPerLaw = 400;

// A small, portable generator (std distributions differ between libraries).
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  uint64_t Next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  bool Chance(int percent) { return Below(100) < static_cast<size_t>(percent); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }

 private:
  uint64_t state_;
};

// A graph as plain data, so that the shrinker can remove parts of it.
struct EdgeSpec {
  std::string source, target;
  EdgeData data;  // relation, symmetric, fields, evidence
};
struct GraphSpec {
  std::vector<NodeData> nodes;
  std::vector<EdgeSpec> edges;
  std::vector<ArticleInfo> articles;
  Attributes extra;
};

KnowledgeGraph Build(const GraphSpec& spec) {
  KnowledgeGraph g;
  for (const NodeData& n : spec.nodes) g.AddNode(n);
  for (const EdgeSpec& e : spec.edges) {
    auto s = g.FindNode(e.source), t = g.FindNode(e.target);
    if (!s || !t) continue;
    EdgeId id;
    if (e.data.relation.empty()) {
      id = g.AddRawEdge(*s, *t, e.data);
      g.edge(id).evidence.clear();
    } else {
      id = g.AddEdge(*s, e.data.relation, *t, e.data.symmetric);
      EdgeData& d = g.edge(id);
      d.label = e.data.label;
      d.cameo = e.data.cameo;
      d.goldstein = e.data.goldstein;
      d.color = e.data.color;
      d.extra = e.data.extra;
    }
    for (const Evidence& ev : e.data.evidence) g.AddEvidence(id, ev);
  }
  for (const ArticleInfo& a : spec.articles) g.data().articles.emplace(a.id, a);
  g.data().extra = spec.extra;
  g.Finalize();
  return g;
}

// Entities shared between graphs: the same id, Wikidata id or name shows up
// in several graphs, sometimes with different categories or spellings.
struct Entity {
  const char* id;
  const char* category;
  const char* wikidata;
  const char* iso3;
  std::vector<std::string> names;
};
const std::vector<Entity>& Entities() {
  static const std::vector<Entity> kEntities = {
      {"country_ind", "country", "Q668", "IND", {"Inde", "l\u2019Inde", "India", "INDE"}},
      {"n12", "country", "Q668", "", {"India", "Bharat"}},
      {"country_kaz", "country", "Q232", "KAZ", {"Kazakhstan", "le Kazakhstan"}},
      {"7", "country", "", "KAZ", {"Kazakstan"}},
      {"country_kgz", "country", "Q813", "KGZ", {"Kirghizistan", "Kyrgyzstan"}},
      {"n3", "country", "", "", {"Kirghizstan", "Kirghizistan"}},
      {"central_asia", "region", "Q27275", "", {"Asie centrale", "Central Asia"}},
      {"ca", "organization", "", "", {"Central Asia", "l'Asie centrale"}},
      {"org_acme", "organization", "", "", {"Acme Corp.", "ACME corp"}},
      {"org_acme2", "organization", "Q1", "", {"Acme Corp", "Acme Holdings"}},
      {"org_acme3", "organization", "Q2", "", {"acme holdings"}},
      {"loc_termez", "location", "", "", {"Termez", "Termes"}},
      {"loc_delhi", "location", "", "", {"New Delhi", "New\u00A0Delhi", "Nouvelle-Delhi"}},
      {"event_dialogue_2025", "event", "", "", {"India-Central Asia Dialogue"}},
      {"event_dialogue_2024", "event", "", "", {"India-Central Asia Dialogue"}},
      {"p1", "", "", "", {"Someone"}},
  };
  return kEntities;
}

const std::vector<std::string> kCategories = {"country", "region", "organization", "location", ""};
const std::vector<std::string> kArticles = {"a1", "a2", "a3", "a4", "a5"};
const std::vector<std::string> kTypes = {"int", "long", "double", "float", "string", "boolean"};
const std::vector<std::string> kRelations = {"cooperates_with", "supports", "condemns", ""};

GraphSpec Generate(Random* rnd) {
  GraphSpec spec;
  const auto& entities = Entities();
  size_t n = 1 + rnd->Below(6);
  std::set<std::string> used;
  for (size_t i = 0; i < n; ++i) {
    const Entity& ent = entities[rnd->Below(entities.size())];
    if (!used.insert(ent.id).second) continue;
    NodeData nd;
    nd.id = ent.id;
    nd.category = rnd->Chance(10) ? rnd->Pick(kCategories) : ent.category;
    nd.wikidata = rnd->Chance(15) ? "" : ent.wikidata;
    nd.iso3 = rnd->Chance(15) ? "" : ent.iso3;
    nd.label = rnd->Chance(5) ? "" : rnd->Pick(ent.names);
    for (const std::string& name : ent.names) {
      if (rnd->Chance(30)) nd.aliases.insert(name);
    }
    if (std::string(ent.category) == "event") nd.date = rnd->Chance(50) ? "2025-06-06" : "2025-06";
    for (const std::string& a : kArticles) {
      if (rnd->Chance(25)) nd.article_mentions[a] = 1 + static_cast<int64_t>(rnd->Below(3));
    }
    if (rnd->Chance(20)) nd.color = rnd->Chance(50) ? "#112233" : "#445566";
    if (rnd->Chance(20)) {
      nd.x = static_cast<double>(rnd->Below(5)) - 2;
      nd.y = static_cast<double>(rnd->Below(5));
      nd.size = 10;
    }
    if (nd.article_mentions.empty() && rnd->Chance(30)) {
      nd.mention_count = static_cast<int64_t>(rnd->Below(9));
      nd.first_seen = "2024-01-0" + std::to_string(1 + rnd->Below(9));
      nd.last_seen = "2025-01-0" + std::to_string(1 + rnd->Below(9));
    }
    for (const char* name : {"pop", "score", "flag"}) {
      if (rnd->Chance(20)) {
        nd.extra[name] = Attribute{rnd->Pick(kTypes), std::to_string(rnd->Below(4))};
      }
    }
    spec.nodes.push_back(std::move(nd));
  }
  size_t m = rnd->Below(8);
  for (size_t i = 0; i < m && !spec.nodes.empty(); ++i) {
    EdgeSpec e;
    e.source = rnd->Pick(spec.nodes).id;
    e.target = rnd->Pick(spec.nodes).id;
    e.data.relation = rnd->Pick(kRelations);
    e.data.symmetric = e.data.relation == "cooperates_with";
    if (e.data.relation.empty()) {
      e.data.id = "e" + std::to_string(rnd->Below(4));
      e.data.weight = static_cast<double>(1 + rnd->Below(3));
      e.data.label = rnd->Chance(50) ? "" : "knows";
    }
    if (rnd->Chance(30)) e.data.cameo = rnd->Chance(50) ? "051" : "057";
    if (rnd->Chance(30)) e.data.goldstein = rnd->Chance(50) ? 3.5 : 7.4;
    if (rnd->Chance(20))
      e.data.extra["w"] = Attribute{rnd->Pick(kTypes), std::to_string(rnd->Below(3))};
    size_t k = e.data.relation.empty() ? 0 : rnd->Below(4);
    for (size_t j = 0; j < k; ++j) {
      Evidence ev;
      ev.article_id = rnd->Pick(kArticles);
      ev.begin = 10 * rnd->Below(3);
      ev.end = ev.begin + 5;
      ev.sentence = "sentence " + ev.article_id + "@" + std::to_string(ev.begin);
      ev.rule = rnd->Chance(50) ? "r1" : "r2";  // one place, two readings
      ev.modality = rnd->Chance(80) ? Modality::kAsserted : Modality::kNegated;
      // Reporters differ between records at one place, and some are one
      // entity ("n12" and "country_ind" share Q668) that only some merges
      // unite: the record kept must not depend on the grouping.
      static const std::vector<std::string> kReporters = {"", "n12", "country_ind", "ca", "7"};
      if (rnd->Chance(40)) ev.reported_by = rnd->Pick(kReporters);
      e.data.evidence.push_back(std::move(ev));
    }
    spec.edges.push_back(std::move(e));
  }
  for (const std::string& a : kArticles) {
    if (!rnd->Chance(50)) continue;
    ArticleInfo info{a, "Title " + a, "2025-06-0" + a.substr(1), "", rnd->Chance(50) ? "fr" : "en"};
    if (rnd->Chance(10)) info.title = "Other title";
    spec.articles.push_back(info);
  }
  if (rnd->Chance(20))
    spec.extra["run"] = Attribute{rnd->Pick(kTypes), std::to_string(rnd->Below(2))};
  return spec;
}

using Law = std::function<std::optional<std::string>(const std::vector<GraphSpec>&)>;

std::string Dump(const KnowledgeGraph& g) { return testing::DumpGraph(g); }

KnowledgeGraph M(std::vector<const KnowledgeGraph*> inputs) { return Merge(inputs, nullptr); }

std::optional<std::string> Differ(const std::string& what, const std::string& x,
                                  const std::string& y) {
  if (x == y) return std::nullopt;
  return what + "\n--- left\n" + x + "--- right\n" + y;
}

template <typename Strings>
std::string Quote(const Strings& items) {
  std::string out;
  for (const std::string& item : items) out += " '" + item + "'";
  return out;
}

// Removes one part at a time while the law still fails; returns the smallest
// failing case found.
std::vector<GraphSpec> Shrink(std::vector<GraphSpec> specs, const Law& law) {
  bool progress = true;
  while (progress) {
    progress = false;
    for (size_t g = 0; g < specs.size(); ++g) {
      auto try_remove = [&](auto* list, size_t i) {
        auto saved = *list;
        list->erase(list->begin() + static_cast<long>(i));
        if (law(specs)) return true;
        *list = std::move(saved);
        return false;
      };
      for (size_t i = 0; i < specs[g].nodes.size();) {
        if (try_remove(&specs[g].nodes, i))
          progress = true;
        else
          ++i;
      }
      for (size_t i = 0; i < specs[g].edges.size();) {
        if (try_remove(&specs[g].edges, i))
          progress = true;
        else
          ++i;
      }
      for (EdgeSpec& e : specs[g].edges) {
        for (size_t i = 0; i < e.data.evidence.size();) {
          if (try_remove(&e.data.evidence, i))
            progress = true;
          else
            ++i;
        }
      }
      if (!specs[g].extra.empty()) {
        Attributes saved = specs[g].extra;
        specs[g].extra.clear();
        if (law(specs))
          progress = true;
        else
          specs[g].extra = std::move(saved);
      }
      for (size_t i = 0; i < specs[g].articles.size();) {
        if (try_remove(&specs[g].articles, i))
          progress = true;
        else
          ++i;
      }
    }
  }
  return specs;
}

// Runs `law` on kCasesPerLaw seeded cases of `arity` graphs each.
void CheckLaw(const std::string& name, size_t arity, const Law& law) {
  int cases = 0;
  for (uint64_t seed = 1; seed <= static_cast<uint64_t>(kCasesPerLaw); ++seed) {
    Random rnd(seed);
    std::vector<GraphSpec> specs;
    for (size_t i = 0; i < arity; ++i) specs.push_back(Generate(&rnd));
    ++cases;
    std::optional<std::string> failure = law(specs);
    if (!failure) continue;
    std::vector<GraphSpec> shrunk = Shrink(specs, law);
    std::string message =
        "law '" + name + "' fails for seed " + std::to_string(seed) + "; shrunk case:\n";
    for (size_t i = 0; i < shrunk.size(); ++i) {
      message += "=== input " + std::to_string(i) + "\n" + Dump(Build(shrunk[i]));
    }
    message += "=== failure\n" + law(shrunk).value_or("(passes after shrinking)");
    FAIL(message);
  }
  std::cout << "merge law '" << name << "': " << cases << " cases passed\n";
  CHECK(cases == kCasesPerLaw);
}

TEST_CASE("Merge is commutative: merge(a, b) and merge(b, a) are the same bytes",
          "[graph][merge][laws]") {
  CheckLaw("commutative", 2, [](const std::vector<GraphSpec>& s) {
    KnowledgeGraph a = Build(s[0]), b = Build(s[1]);
    return Differ("merge(a,b) != merge(b,a)", Dump(M({&a, &b})), Dump(M({&b, &a})));
  });
}

TEST_CASE("Merge is associative", "[graph][merge][laws]") {
  CheckLaw("associative", 3, [](const std::vector<GraphSpec>& s) -> std::optional<std::string> {
    KnowledgeGraph a = Build(s[0]), b = Build(s[1]), c = Build(s[2]);
    KnowledgeGraph ab = M({&a, &b}), bc = M({&b, &c});
    std::string all = Dump(M({&a, &b, &c}));
    if (auto d = Differ("merge(merge(a,b),c) != merge(a,b,c)", Dump(M({&ab, &c})), all)) return d;
    return Differ("merge(a,merge(b,c)) != merge(a,b,c)", Dump(M({&a, &bc})), all);
  });
}

TEST_CASE("Merge is idempotent: merge(a, a) is merge(a), and a merged graph is a fixpoint",
          "[graph][merge][laws]") {
  CheckLaw("idempotent", 1, [](const std::vector<GraphSpec>& s) -> std::optional<std::string> {
    KnowledgeGraph a = Build(s[0]);
    KnowledgeGraph n = M({&a});
    std::string once = Dump(n);
    if (auto d = Differ("merge(a,a) != merge(a)", Dump(M({&a, &a})), once)) return d;
    if (auto d = Differ("merge(merge(a)) != merge(a)", Dump(M({&n})), once)) return d;
    return Differ("merge(n,n) != n", Dump(M({&n, &n})), once);
  });
}

TEST_CASE("An IncrementalMerger holds the merge of what it was given after every Add",
          "[graph][merge][laws]") {
  CheckLaw("incremental", 5, [](const std::vector<GraphSpec>& s) -> std::optional<std::string> {
    std::vector<KnowledgeGraph> in;
    for (const GraphSpec& g : s) in.push_back(Build(g));
    IncrementalMerger merger;
    std::vector<const KnowledgeGraph*> so_far;
    MergeReport report;
    for (const KnowledgeGraph& g : in) {
      merger.Add(g);
      so_far.push_back(&g);
      if (auto d = Differ("after Add " + std::to_string(so_far.size()), Dump(merger.Result()),
                          Dump(Merge(so_far, &report)))) {
        return d;
      }
    }
    std::string all = Dump(Merge(so_far, &report));
    // Reverse order, moved-in copies, an earlier result as one input.
    IncrementalMerger reversed;
    for (size_t i = in.size(); i-- > 1;) reversed.Add(KnowledgeGraph(in[i]));
    KnowledgeGraph rest = reversed.TakeResult();
    if (reversed.num_nodes() != 0) return std::string("TakeResult left nodes behind");
    reversed.Add(in[0]);
    reversed.Add(std::move(rest));
    if (auto d = Differ("reversed, regrouped", Dump(reversed.TakeResult()), all)) return d;
    KnowledgeGraph chained = in[0];
    for (size_t i = 1; i < in.size(); ++i) MergeInto(&chained, in[i], nullptr);
    return Differ("MergeInto chain", Dump(chained), all);
  });
}

// The output node an input node went to: the one whose id or merged ids
// hold the input's id.
std::optional<NodeId> Image(const KnowledgeGraph& out, const std::string& id) {
  for (NodeId n = 0; n < out.num_nodes(); ++n) {
    const NodeData& d = out.node(n);
    if (d.id == id) return n;
    auto it = d.extra.find(std::string(kMergedIdsAttribute));
    if (it != d.extra.end() && DecodeList(it->second.value).count(id)) return n;
  }
  return std::nullopt;
}

TEST_CASE("Merge loses nothing: every node, alias, edge, evidence and article is in the result",
          "[graph][merge][laws]") {
  CheckLaw("lossless", 3, [](const std::vector<GraphSpec>& s) -> std::optional<std::string> {
    std::vector<KnowledgeGraph> in;
    for (const GraphSpec& g : s) in.push_back(Build(g));
    KnowledgeGraph out = M({&in[0], &in[1], &in[2]});
    for (const KnowledgeGraph& g : in) {
      for (const auto& [id, article] : g.data().articles) {
        if (!out.data().articles.count(id)) return "article " + id + " lost";
      }
      for (NodeId n = 0; n < g.num_nodes(); ++n) {
        const NodeData& d = g.node(n);
        auto image = Image(out, d.id);
        if (!image) return "node " + d.id + " lost";
        const NodeData& o = out.node(*image);
        std::set<std::string> names = d.aliases;
        if (!d.label.empty()) names.insert(d.label);
        for (const std::string& name : names) {
          if (name != o.label && !o.aliases.count(name))
            return "name '" + name + "' of " + d.id + " lost";
        }
        if (!d.category.empty() && d.category != o.category) {
          auto it = o.extra.find(std::string(kOtherCategoriesAttribute));
          if (it == o.extra.end() || !DecodeList(it->second.value).count(d.category)) {
            return "category " + d.category + " of " + d.id + " lost";
          }
        }
        for (const auto& [article, count] : d.article_mentions) {
          auto it = o.article_mentions.find(article);
          if (it == o.article_mentions.end() || it->second < count)
            return "mentions of " + d.id + " lost";
        }
        for (const auto& [name, attr] : d.extra) {
          if (!o.extra.count(name)) return "attribute " + name + " of " + d.id + " lost";
        }
      }
      for (EdgeId e = 0; e < g.num_edges(); ++e) {
        const EdgeData& d = g.edge(e);
        NodeId s = *Image(out, g.node(g.source(e)).id), t = *Image(out, g.node(g.target(e)).id);
        std::optional<EdgeId> found;
        if (!d.relation.empty()) {
          found = out.FindEdge(s, d.relation, t);
        } else {
          for (EdgeId f : out.OutEdges(s)) {
            if (out.target(f) == t && out.edge(f).id == d.id && out.edge(f).relation.empty())
              found = f;
          }
        }
        if (!found) return "edge " + d.id + " lost";
        for (const Evidence& ev : d.evidence) {
          const Evidence* kept = nullptr;
          for (const Evidence& o : out.edge(*found).evidence) {
            if (o.SamePlace(ev)) kept = &o;
          }
          const std::string where = ev.article_id + "@" + std::to_string(ev.begin) + " of " + d.id;
          if (kept == nullptr) return "evidence " + where + " lost";
          // Provenance is the union: the same reading keeps every rule.
          if (kept->modality == ev.modality && kept->sentence == ev.sentence &&
              !DecodeList(kept->rule).count(ev.rule)) {
            return "rule " + ev.rule + " of evidence " + where + " lost";
          }
        }
      }
    }
    return std::nullopt;
  });
}

// First and last seen: the earliest and latest date of `articles` in the
// merged graph's article metadata ("" when none has a date).
std::pair<std::string, std::string> SeenSpan(const KnowledgeGraph& out,
                                             const std::set<std::string>& articles) {
  std::pair<std::string, std::string> span;
  for (const std::string& a : articles) {
    auto it = out.data().articles.find(a);
    if (it == out.data().articles.end() || it->second.date.empty()) continue;
    const std::string& date = it->second.date;
    if (span.first.empty() || date < span.first) span.first = date;
    if (date > span.second) span.second = date;
  }
  return span;
}

TEST_CASE("Merged weights, counts and first/last-seen dates are derived from the merged evidence",
          "[graph][merge][laws]") {
  CheckLaw("derived", 3, [](const std::vector<GraphSpec>& s) -> std::optional<std::string> {
    std::vector<KnowledgeGraph> in;
    for (const GraphSpec& g : s) in.push_back(Build(g));
    // Merge a, b, c and a again: a's evidence must not count twice.
    KnowledgeGraph out = M({&in[0], &in[1], &in[2], &in[0]});
    // Expected: distinct places per output edge, max mentions per node and article.
    std::map<EdgeId, std::set<std::tuple<std::string, uint64_t, uint64_t>>> places;
    std::map<NodeId, std::map<std::string, int64_t>> mentions;
    for (const KnowledgeGraph& g : in) {
      for (NodeId n = 0; n < g.num_nodes(); ++n) {
        NodeId o = *Image(out, g.node(n).id);
        for (const auto& [article, count] : g.node(n).article_mentions) {
          int64_t& have = mentions[o][article];
          have = std::max(have, count);
        }
      }
      for (EdgeId e = 0; e < g.num_edges(); ++e) {
        const EdgeData& d = g.edge(e);
        if (d.relation.empty()) continue;
        NodeId s = *Image(out, g.node(g.source(e)).id), t = *Image(out, g.node(g.target(e)).id);
        EdgeId f = *out.FindEdge(s, d.relation, t);
        for (const Evidence& ev : d.evidence) places[f].insert({ev.article_id, ev.begin, ev.end});
      }
    }
    for (const auto& [e, set] : places) {
      const EdgeData& d = out.edge(e);
      if (d.weight != static_cast<double>(set.size()) ||
          d.evidence_count != static_cast<int64_t>(set.size()) || d.evidence.size() != set.size()) {
        return "edge " + d.id + ": weight " + testing::DumpNumber(d.weight) + ", expected " +
               std::to_string(set.size());
      }
      std::set<std::string> articles;
      for (const auto& p : set) articles.insert(std::get<0>(p));
      if (std::vector<std::string>(articles.begin(), articles.end()) != d.article_ids) {
        return "edge " + d.id + ": article_ids differ";
      }
      if (auto seen = SeenSpan(out, articles); seen != std::make_pair(d.first_seen, d.last_seen)) {
        return "edge " + d.id + ": seen " + d.first_seen + ".." + d.last_seen + ", expected " +
               seen.first + ".." + seen.second;
      }
    }
    for (const auto& [n, per_article] : mentions) {
      int64_t total = 0;
      for (const auto& [article, count] : per_article) total += count;
      if (out.node(n).mention_count != total || out.node(n).article_mentions != per_article) {
        return "node " + out.node(n).id + ": mention_count " +
               std::to_string(out.node(n).mention_count) + ", expected " + std::to_string(total);
      }
      std::set<std::string> articles;
      for (const auto& [article, count] : per_article) articles.insert(article);
      const NodeData& o = out.node(n);
      if (auto seen = SeenSpan(out, articles); seen != std::make_pair(o.first_seen, o.last_seen)) {
        return "node " + o.id + ": seen " + o.first_seen + ".." + o.last_seen + ", expected " +
               seen.first + ".." + seen.second;
      }
    }
    return std::nullopt;
  });
}

// A plain reference of merge.h's identity rules for inputs that carry no
// merge attributes: classes of input nodes, grown pairwise to a fixpoint.
struct RefClass {
  std::set<std::string> ids, wikidata, iso3, categories, names, unkeyed, labels, aliases;
  std::map<std::string, int64_t> mentions;  // per article, the maximum
};

bool Meets(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const std::string& x : a) {
    if (b.count(x)) return true;
  }
  return false;
}

// Two classes are one when they share an id, a Wikidata id or an ISO3 code,
// or a category (not an event) and a name key that one of them holds from a
// member with neither Wikidata id nor ISO3 code.
bool SameEntity(const RefClass& a, const RefClass& b) {
  if (Meets(a.ids, b.ids) || Meets(a.wikidata, b.wikidata) || Meets(a.iso3, b.iso3)) return true;
  for (const std::string& c : a.categories) {
    if (c == "event" || !b.categories.count(c)) continue;
    for (const std::string& n : a.names) {
      if (b.names.count(n) && (a.unkeyed.count(n) || b.unkeyed.count(n))) return true;
    }
  }
  return false;
}

std::vector<RefClass> ReferenceClasses(const std::vector<const KnowledgeGraph*>& inputs) {
  std::vector<RefClass> classes;
  for (const KnowledgeGraph* g : inputs) {
    for (NodeId n = 0; n < g->num_nodes(); ++n) {
      const NodeData& d = g->node(n);
      RefClass c;
      c.ids = {d.id};
      if (!d.wikidata.empty()) c.wikidata = {d.wikidata};
      if (!d.iso3.empty()) c.iso3 = {d.iso3};
      if (!d.category.empty()) c.categories = {d.category};
      if (!d.label.empty()) c.labels = {d.label};
      c.aliases = d.aliases;
      for (const std::string& name : c.labels) c.names.insert(NameKey(name));
      for (const std::string& name : d.aliases) c.names.insert(NameKey(name));
      c.names.erase("");
      if (c.wikidata.empty() && c.iso3.empty()) c.unkeyed = c.names;
      c.mentions = d.article_mentions;
      classes.push_back(std::move(c));
    }
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < classes.size() && !changed; ++i) {
      for (size_t j = i + 1; j < classes.size() && !changed; ++j) {
        if (!SameEntity(classes[i], classes[j])) continue;
        RefClass& a = classes[i];
        RefClass& b = classes[j];
        for (auto field :
             {&RefClass::ids, &RefClass::wikidata, &RefClass::iso3, &RefClass::categories,
              &RefClass::names, &RefClass::unkeyed, &RefClass::labels, &RefClass::aliases}) {
          (a.*field).insert((b.*field).begin(), (b.*field).end());
        }
        for (const auto& [article, count] : b.mentions) {
          a.mentions[article] = std::max(a.mentions[article], count);
        }
        classes.erase(classes.begin() + static_cast<long>(j));
        changed = true;
      }
    }
  }
  return classes;
}

// merge.h: the smallest id that does not look generated ("12", "n12").
std::string ReferenceId(const std::set<std::string>& ids) {
  for (const std::string& id : ids) {
    size_t digits = id.find_first_of("0123456789");
    bool generated =
        (digits == 0 || (digits == 1 && std::isalpha(static_cast<unsigned char>(id[0])))) &&
        id.find_first_not_of("0123456789", digits) == std::string::npos;
    if (!generated) return id;
  }
  return *ids.begin();
}

std::string Rest(const std::set<std::string>& values, const std::string& kept) {
  std::set<std::string> rest = values;
  rest.erase(kept);
  return rest.empty() ? "" : EncodeList(rest);
}

std::string ExtraOf(const NodeData& d, std::string_view name) {
  auto it = d.extra.find(std::string(name));
  return it == d.extra.end() ? "" : it->second.value;
}

TEST_CASE("Merge agrees with a plain reference of the identity rules and explains every union",
          "[graph][merge][laws]") {
  CheckLaw("reference", 3, [](const std::vector<GraphSpec>& s) -> std::optional<std::string> {
    KnowledgeGraph a = Build(s[0]), b = Build(s[1]), c = Build(s[2]);
    std::vector<const KnowledgeGraph*> inputs = {&a, &b, &c, &a};
    MergeReport report;
    KnowledgeGraph out = Merge(inputs, &report);
    if (auto d = Differ("Merge(.., &report) != Merge(.., nullptr)", Dump(out), Dump(M(inputs)))) {
      return d;
    }
    std::vector<RefClass> classes = ReferenceClasses(inputs);
    if (out.num_nodes() != classes.size()) {
      return "nodes: " + std::to_string(out.num_nodes()) + ", reference " +
             std::to_string(classes.size());
    }
    std::map<std::string, size_t> class_of;  // input id or result id -> class
    std::map<std::string, std::string> chosen_of;
    for (size_t i = 0; i < classes.size(); ++i) {
      const RefClass& k = classes[i];
      const std::string id = ReferenceId(k.ids);
      for (const std::string& member : k.ids) {
        class_of[member] = i;
        chosen_of[member] = id;
      }
      std::optional<NodeId> n = out.FindNode(id);
      if (!n) return "no node " + id;
      const NodeData& d = out.node(*n);
      // The smallest label; the other labels join the aliases.
      const std::string label = k.labels.empty() ? "" : *k.labels.begin();
      std::set<std::string> names = k.labels;
      names.erase(label);
      names.insert(k.aliases.begin(), k.aliases.end());
      const std::string category = k.categories.empty() ? "" : *k.categories.begin();
      const std::string wikidata = k.wikidata.empty() ? "" : *k.wikidata.begin();
      if (ExtraOf(d, kMergedIdsAttribute) != Rest(k.ids, id)) return "merged ids of " + id;
      if (d.label != label || d.aliases != names) return "label or aliases of " + id;
      if (d.category != category ||
          ExtraOf(d, kOtherCategoriesAttribute) != Rest(k.categories, category)) {
        return "categories of " + id;
      }
      if (d.wikidata != wikidata ||
          ExtraOf(d, kOtherWikidataAttribute) != Rest(k.wikidata, wikidata)) {
        return "wikidata of " + id;
      }
      if (d.article_mentions != k.mentions) return "mentions of " + id;
    }
    // Edges: one per (source, relation, target) of result ids, symmetric
    // ones with the smaller id first; foreign ones per (id, source, target).
    std::map<std::tuple<std::string, std::string, std::string>,
             std::set<std::tuple<std::string, uint64_t, uint64_t>>>
        relations;
    std::set<std::tuple<std::string, std::string, std::string>> foreign;
    for (const KnowledgeGraph* g : inputs) {
      for (EdgeId e = 0; e < g->num_edges(); ++e) {
        const EdgeData& d = g->edge(e);
        std::string from = chosen_of[g->node(g->source(e)).id];
        std::string to = chosen_of[g->node(g->target(e)).id];
        if (d.relation.empty()) {
          foreign.insert({d.id, from, to});
          continue;
        }
        if (d.symmetric && to < from) std::swap(from, to);
        auto& places = relations[{from, d.relation, to}];
        for (const Evidence& ev : d.evidence) places.insert({ev.article_id, ev.begin, ev.end});
      }
    }
    if (out.num_edges() != relations.size() + foreign.size()) {
      return "edges: " + std::to_string(out.num_edges()) + ", reference " +
             std::to_string(relations.size() + foreign.size());
    }
    for (const auto& [key, places] : relations) {
      const auto& [from, relation, to] = key;
      std::optional<EdgeId> e = out.FindEdge(*out.FindNode(from), relation, *out.FindNode(to));
      if (!e) return "no edge " + RelationEdgeId(from, relation, to);
      const EdgeData& d = out.edge(*e);
      std::set<std::tuple<std::string, uint64_t, uint64_t>> have;
      for (const Evidence& ev : d.evidence) have.insert({ev.article_id, ev.begin, ev.end});
      if (d.id != RelationEdgeId(from, relation, to) || have != places) {
        return "edge " + RelationEdgeId(from, relation, to) + " differs";
      }
    }
    // The report: each decision's ids are in one class, and together the
    // decisions connect every class; near misses are in different classes.
    for (const MergeDecision& decision : report.unified) {
      std::set<size_t> in;
      for (const std::string& id : decision.node_ids) in.insert(class_of.at(id));
      if (in.size() != 1) return "decision '" + decision.detail + "' spans classes";
    }
    for (size_t i = 0; i < classes.size(); ++i) {
      // Union-find over the ids of class i, through its decisions.
      std::map<std::string, std::string> up;
      std::function<std::string(const std::string&)> root = [&](const std::string& x) {
        auto it = up.find(x);
        if (it == up.end() || it->second == x) return x;
        return it->second = root(it->second);
      };
      for (const MergeDecision& decision : report.unified) {
        if (class_of.at(decision.node_ids.front()) != i) continue;
        for (const std::string& id : decision.node_ids) {
          up[root(id)] = root(decision.node_ids.front());
        }
      }
      std::set<std::string> roots;
      for (const std::string& id : classes[i].ids) roots.insert(root(id));
      if (roots.size() != 1) {
        return "the report does not explain why " + Quote(classes[i].ids) + " are one node";
      }
    }
    for (const MergeDecision& miss : report.near_misses) {
      if (class_of.at(miss.node_ids[0]) == class_of.at(miss.node_ids[1])) {
        return "near miss inside one node: " + miss.detail;
      }
    }
    return std::nullopt;
  });
}

std::string ReportText(const MergeReport& r) {
  std::string out;
  for (const MergeDecision& d : r.unified) {
    out += "unified " + d.kind + " " + d.detail + ":" + Quote(d.node_ids) + "\n";
  }
  for (const MergeDecision& d : r.near_misses) {
    out += "near miss " + d.detail + ":" + Quote(d.node_ids) + "\n";
  }
  for (const std::string& c : r.conflicts) out += "conflict " + c + "\n";
  return out;
}

TEST_CASE("The merge report does not depend on the order of the inputs", "[graph][merge][laws]") {
  CheckLaw("report order-free", 3, [](const std::vector<GraphSpec>& s) {
    KnowledgeGraph a = Build(s[0]), b = Build(s[1]), c = Build(s[2]);
    MergeReport forward, backward;
    Merge({&a, &b, &c}, &forward);
    IncrementalMerger merger(MergeOptions(), /*explain=*/true);
    for (const KnowledgeGraph* g : {&c, &b, &a}) merger.Add(*g);
    backward = merger.Report();
    return Differ("Merge(a,b,c) and Add(c), Add(b), Add(a) explain differently",
                  ReportText(forward), ReportText(backward));
  });
}

}  // namespace
}  // namespace newsgraph
