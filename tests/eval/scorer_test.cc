#include "newsgraph/eval/scorer.h"

#include <catch2/catch.hpp>

namespace newsgraph {
namespace {

// A graph built the way the pipeline builds one: nodes mentioned in articles,
// edges with evidence.
class GraphBuilder {
 public:
  NodeId Node(const std::string& id, const std::string& category, const std::string& label,
              const std::string& article = "a", std::vector<std::string> aliases = {},
              const std::string& wikidata = "", const std::string& date = "") {
    NodeData d;
    d.id = id;
    d.category = category;
    d.label = label;
    d.wikidata = wikidata;
    d.date = date;
    d.aliases.insert(aliases.begin(), aliases.end());
    NodeId n = graph_.AddNode(std::move(d));
    if (!article.empty()) graph_.AddMention(n, article);
    return n;
  }
  EdgeId Edge(const std::string& s, const std::string& relation, const std::string& t,
              const std::string& article = "a", Modality modality = Modality::kAsserted) {
    EdgeId e = graph_.AddEdge(*graph_.FindNode(s), relation, *graph_.FindNode(t),
                              relation == "cooperates_with");
    Evidence ev;
    ev.article_id = article;
    ev.sentence = "sentence " + std::to_string(next_);
    ev.begin = next_;
    ev.end = next_ + 1;
    ev.modality = modality;
    next_ += 10;
    graph_.AddEvidence(e, ev);
    return e;
  }
  const KnowledgeGraph& Done() {
    graph_.Finalize();
    return graph_;
  }
  KnowledgeGraph& graph() { return graph_; }

 private:
  KnowledgeGraph graph_;
  uint64_t next_ = 0;
};

GoldGraph Gold(const std::string& json) {
  Result<GoldGraph> g = ParseGold(json, "gold.json");
  if (!g.ok()) FAIL(g.status().message());
  return *g;
}

// India and Kazakhstan cooperating, in article "a".
const char* kIndiaKazakhstan = R"json({"article": "a.txt", "entities": [
    {"key": "india", "type": "country", "name": "India", "qid": "Q668",
     "aliases": ["Inde", "l’Inde"]},
    {"key": "kaz", "type": "country", "name": "Kazakhstan", "qid": "Q232"}],
  "relations": [{"source": "india", "relation": "cooperates_with", "target": "kaz"}]})json";

TEST_CASE("Score derives precision, recall and F1 with documented edge cases", "[eval][scorer]") {
  Score s{.tp = 3, .fp = 1, .fn = 2};
  CHECK(s.precision() == Approx(0.75));
  CHECK(s.recall() == Approx(0.6));
  CHECK(s.f1() == Approx(2 * 0.75 * 0.6 / 1.35));
  CHECK(Score{}.precision() == 1.0);
  CHECK(Score{}.recall() == 1.0);
  CHECK(Score{.fn = 4}.precision() == 1.0);
  CHECK(Score{.fn = 4}.f1() == 0.0);
  CHECK(Score{.fp = 2}.f1() == 0.0);
}

TEST_CASE("MatchKey folds case, accents, apostrophes, articles and punctuation", "[eval][scorer]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"India", "india"},
      {"l’Inde", "inde"},
      {"L'Inde", "inde"},
      {"l\u02BCInde", "inde"},
      {"Ouzbékistan", "ouzbekistan"},
      {"OUZBÉKISTAN", "ouzbekistan"},
      {"Ouzbe\u0301kistan", "ouzbekistan"},  // decomposed accent
      {"le Kazakhstan", "kazakhstan"},
      {"La Chine", "chine"},
      {"les Philippines", "philippines"},
      {"The Philippines", "philippines"},
      {"Inde-Asie centrale", "inde asie centrale"},
      {"  Asie   centrale ", "asie centrale"},
      {"U.S.", "us"},
      {"« Forum des Terres Rares »", "forum des terres rares"},
      {"Turkménistan, ", "turkmenistan"},
      {"Côte d’Ivoire", "cote d ivoire"},
      {"Lesotho", "lesotho"},  // not an article: no space after "les"
      {"Theodore", "theodore"},
      {"la", "la"},           // an article alone stays
      {"Straße", "strasse"},  // full case folding
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(MatchKey(c.in) == c.out);
  }
}

TEST_CASE("Evaluate scores an exact extraction as perfect", "[eval][scorer]") {
  GraphBuilder b;
  b.Node("country_ind", "country", "India");
  b.Node("country_kaz", "country", "Kazakhstan");
  b.Edge("country_ind", "cooperates_with", "country_kaz");
  EvalReport r = Evaluate(b.Done(), {Gold(kIndiaKazakhstan)});
  CHECK(r.entities == Score{.tp = 2});
  CHECK(r.relations == Score{.tp = 1});
  CHECK(r.per_type.at("country") == Score{.tp = 2});
  CHECK(r.per_relation.at("cooperates_with") == Score{.tp = 1});
  CHECK(r.per_article.at("a").entities == Score{.tp = 2});
  CHECK(r.missed_entities.empty());
  CHECK(r.false_entities.empty());
  CHECK(r.warnings.empty());
}

TEST_CASE("Evaluate matches names through aliases, accents, apostrophes and articles",
          "[eval][scorer]") {
  GoldGraph gold = Gold(R"json({"article": "a.txt", "entities": [
      {"key": "india", "type": "country", "name": "India", "aliases": ["l’Inde"]},
      {"key": "uzb", "type": "country", "name": "Uzbekistan", "aliases": ["Ouzbékistan"]},
      {"key": "ca", "type": "region", "name": "Central Asia", "aliases": ["Asie centrale"]}],
    "relations": []})json");
  GraphBuilder b;
  b.Node("x1", "country", "L'INDE");                             // apostrophe, article, case
  b.Node("x2", "country", "Uzbek state", "a", {"ouzbekistan"});  // accent, via node alias
  b.Node("x3", "region", "l’Asie-centrale");                     // punctuation
  EvalReport r = Evaluate(b.Done(), {gold});
  CHECK(r.entities == Score{.tp = 3});

  SECTION("but never across types") {
    GraphBuilder c;
    c.Node("x1", "location", "India");
    EvalReport r2 = Evaluate(c.Done(), {gold});
    CHECK(r2.entities == Score{.fp = 1, .fn = 3});
    CHECK(r2.per_type.at("location") == Score{.fp = 1});
    CHECK(r2.per_type.at("country") == Score{.fn = 2});
  }
}

TEST_CASE("Evaluate matches by Wikidata id and refuses different ids", "[eval][scorer]") {
  GraphBuilder b;
  b.Node("n1", "country", "Bharat", "a", {}, "Q668");      // other name, same id
  b.Node("n2", "country", "Kazakhstan", "a", {}, "Q999");  // same name, other id
  EvalReport r = Evaluate(b.Done(), {Gold(kIndiaKazakhstan)});
  CHECK(r.entities == Score{.tp = 1, .fp = 1, .fn = 1});
  REQUIRE(r.false_entities.size() == 1);
  CHECK(r.false_entities[0] == "a: country \"Kazakhstan\" Q999 [n2]");
  REQUIRE(r.missed_entities.size() == 1);
  CHECK(r.missed_entities[0] == "a: country \"Kazakhstan\" Q232 [kaz]");
}

TEST_CASE("Evaluate matches events by date and a shared content word", "[eval][scorer]") {
  GoldGraph gold = Gold(R"json({"article": "a.txt", "entities": [
      {"key": "d", "type": "event", "name": "4th India-Central Asia Dialogue (2025-06-06)"},
      {"key": "s", "type": "event", "name": "SCO summit", "date": "2025-09-01"}],
    "relations": []})json");
  SECTION("same date and a word: a match") {
    GraphBuilder b;
    b.Node("e1", "event", "quatrième dialogue ministériel", "a", {}, "", "2025-06-06");
    b.Node("e2", "event", "Sommet de l'OCS à Tianjin", "a", {"SCO meeting"}, "", "2025-09-01");
    EvalReport r = Evaluate(b.Done(), {gold});
    CHECK(r.entities == Score{.tp = 2});
  }
  SECTION("a date in the node's label counts as its date") {
    GraphBuilder b;
    b.Node("e1", "event", "Dialogue Inde-Asie centrale (2025-06-06)");
    CHECK(Evaluate(b.Done(), {gold}).entities == Score{.tp = 1, .fn = 1});
  }
  SECTION("another date, or no shared word, or a short word: no match") {
    GraphBuilder b;
    b.Node("e1", "event", "quatrième dialogue ministériel", "a", {}, "", "2025-06-07");
    b.Node("e2", "event", "rencontre des ministres", "a", {}, "", "2025-06-06");
    b.Node("e3", "event", "Sco tour", "a", {}, "", "2025-09-01");  // "Sco" is no acronym
    EvalReport r = Evaluate(b.Done(), {gold});
    CHECK(r.entities == Score{.fp = 3, .fn = 2});
  }
  SECTION("a shared name does not join events whose dates disagree") {
    GraphBuilder b;
    b.Node("e1", "event", "SCO summit", "a", {}, "", "2024-07-04");
    b.Node("e2", "event", "Sommet", "a", {"SCO summit"}, "", "2025-09");  // the month holds the day
    EvalReport r = Evaluate(b.Done(), {gold});
    CHECK(r.entities == Score{.tp = 1, .fp = 1, .fn = 1});
  }
}

TEST_CASE("Evaluate matches an event on any day of a gold range", "[eval][scorer]") {
  GoldGraph gold = Gold(R"json({"article": "a.txt", "entities": [
      {"key": "conf", "type": "event",
       "name": "3rd Burundi Development Partners Conference (2026-05-05/06, Bujumbura)",
       "aliases": ["troisième Conférence des partenaires"]}],
    "relations": []})json");
  for (const char* day : {"2026-05-05", "2026-05-06"}) {
    CAPTURE(day);
    GraphBuilder b;
    b.Node("e1", "event", "3rd Conférence des partenaires", "a", {}, "", day);
    CHECK(Evaluate(b.Done(), {gold}).entities == Score{.tp = 1});
  }
  // A day outside it is another event, even with a shared word.
  GraphBuilder c;
  c.Node("e1", "event", "3rd Conférence des partenaires", "a", {}, "", "2026-05-07");
  CHECK(Evaluate(c.Done(), {gold}).entities == Score{.fp = 1, .fn = 1});
}

TEST_CASE("Evaluate neither rewards nor penalises optional items", "[eval][scorer]") {
  GoldGraph gold = Gold(R"json({"article": "a.txt", "entities": [
      {"key": "ind", "type": "country", "name": "India"},
      {"key": "kaz", "type": "country", "name": "Kazakhstan"},
      {"key": "tech", "type": "sector", "name": "electronics", "optional": true},
      {"key": "def", "type": "sector", "name": "defence", "optional": true}],
    "relations": [
      {"source": "ind", "relation": "cooperates_with", "target": "kaz"},
      {"source": "kaz", "relation": "depends_on", "target": "ind", "optional": true},
      {"source": "ind", "relation": "concerns", "target": "def", "optional": true}]})json");
  GraphBuilder b;
  b.Node("country_ind", "country", "India");
  b.Node("country_kaz", "country", "Kazakhstan");
  b.Node("sector_electronics", "sector", "Electronics");  // optional, found
  b.Edge("country_kaz", "depends_on", "country_ind");     // optional, found
  EvalReport r = Evaluate(b.Done(), {gold});
  CHECK(r.entities == Score{.tp = 2});
  CHECK(r.relations == Score{.fn = 1});
  CHECK(r.per_type.count("sector") == 0);
  CHECK(r.per_relation.count("depends_on") == 0);
  CHECK(r.missed_relations ==
        std::vector<std::string>{
            "a: India --cooperates_with--> Kazakhstan [ind cooperates_with kaz]"});
}

TEST_CASE("Evaluate matches cooperation in either direction, other relations in one",
          "[eval][scorer]") {
  GoldGraph gold = Gold(R"json({"article": "a.txt", "entities": [
      {"key": "ind", "type": "country", "name": "India"},
      {"key": "kaz", "type": "country", "name": "Kazakhstan"},
      {"key": "chn", "type": "country", "name": "China"}],
    "relations": [
      {"source": "ind", "relation": "cooperates_with", "target": "kaz"},
      {"source": "ind", "relation": "depends_on", "target": "chn"}]})json");
  GraphBuilder b;
  b.Node("z_kaz", "country", "Kazakhstan");
  b.Node("a_ind", "country", "India");
  b.Node("chn", "country", "China");
  // Stored canonically as a_ind -> z_kaz; add the reverse by hand as a raw edge
  // so that both orientations of the symmetric relation are exercised.
  EdgeData reversed;
  reversed.id = "kaz-ind";
  reversed.relation = "cooperates_with";
  Evidence ev;
  ev.article_id = "a";
  reversed.evidence.push_back(ev);
  b.graph().AddRawEdge(*b.graph().FindNode("z_kaz"), *b.graph().FindNode("a_ind"), reversed);
  b.Edge("chn", "depends_on", "a_ind");  // the wrong way round
  EvalReport r = Evaluate(b.Done(), {gold});
  CHECK(r.per_relation.at("cooperates_with") == Score{.tp = 1});
  CHECK(r.per_relation.at("depends_on") == Score{.fp = 1, .fn = 1});
  REQUIRE(r.false_relations.size() == 1);
  CHECK(r.false_relations[0] == "a: China --depends_on--> India [chn.depends_on.a_ind]");
}

TEST_CASE("Evaluate matches one to one", "[eval][scorer]") {
  GraphBuilder b;
  b.Node("country_ind", "country", "India");
  b.Node("india_2", "country", "Inde");  // a duplicate node for the same gold entity
  b.Node("country_kaz", "country", "Kazakhstan");
  b.Edge("country_ind", "cooperates_with", "country_kaz");
  b.Edge("india_2", "cooperates_with", "country_kaz");
  EvalReport r = Evaluate(b.Done(), {Gold(kIndiaKazakhstan)});
  CHECK(r.entities == Score{.tp = 2, .fp = 1});
  CHECK(r.false_entities == std::vector<std::string>{"a: country \"Inde\" [india_2]"});
  CHECK(r.relations == Score{.tp = 1, .fp = 1});

  SECTION("and finds the matching that covers the most gold items") {
    // n1 prefers k2 (same Wikidata id) but could also be k1 (same name); n2
    // can only be k2. A greedy matching would find one pair, the maximum two.
    GoldGraph gold = Gold(R"json({"article": "a.txt", "entities": [
        {"key": "k1", "type": "country", "name": "Kazakh Republic", "aliases": ["KZ"]},
        {"key": "k2", "type": "country", "name": "Kazakhstan", "qid": "Q232"}],
      "relations": []})json");
    GraphBuilder c;
    c.Node("n1", "country", "KZ", "a", {}, "Q232");
    c.Node("n2", "country", "Kazakhstan");
    CHECK(Evaluate(c.Done(), {gold}).entities == Score{.tp = 2});
  }

  SECTION("and gives a gold entity to the node named as it, not to one sharing an alias") {
    // Gold "Termez hub" (alias "Termez"); the graph has "Termez" and
    // "Termez hub", the relation on the latter. Node ids put "Termez" first.
    GoldGraph gold = Gold(R"json({"article": "a.txt", "entities": [
        {"key": "ind", "type": "country", "name": "India"},
        {"key": "hub", "type": "location", "name": "Termez hub", "aliases": ["Termez"]}],
      "relations": [{"source": "ind", "relation": "supports", "target": "hub"}]})json");
    GraphBuilder c;
    c.Node("country_ind", "country", "India");
    c.Node("location_a_termez", "location", "Termez");
    c.Node("location_b_termez_hub", "location", "Termez hub");
    c.Edge("country_ind", "supports", "location_b_termez_hub");
    EvalReport r = Evaluate(c.Done(), {gold});
    CHECK(r.entities == Score{.tp = 2, .fp = 1});
    CHECK(r.false_entities ==
          std::vector<std::string>{"a: location \"Termez\" [location_a_termez]"});
    CHECK(r.relations == Score{.tp = 1});
  }
}

TEST_CASE("Evaluate scores each gold file only on its own article", "[eval][scorer]") {
  GoldGraph gold_a = Gold(kIndiaKazakhstan);
  GoldGraph gold_b = Gold(R"json({"article": "dir/b.txt", "entities": [
      {"key": "chn", "type": "country", "name": "China"},
      {"key": "ind", "type": "country", "name": "India"}],
    "relations": [{"source": "chn", "relation": "restricts", "target": "ind"}]})json");
  GraphBuilder b;
  b.Node("country_ind", "country", "India", "a");
  b.graph().AddMention(*b.graph().FindNode("country_ind"), "b");
  b.Node("country_kaz", "country", "Kazakhstan", "a");
  b.Node("country_chn", "country", "China", "b");
  b.Node("country_rus", "country", "Russia", "c");  // an article without gold: ignored
  b.Edge("country_ind", "cooperates_with", "country_kaz", "a");
  b.Edge("country_chn", "restricts", "country_ind", "c");  // stated only in article c
  b.Edge("country_chn", "condemns", "country_ind", "b");   // wrong in b
  const KnowledgeGraph& g = b.Done();

  EvalReport only_a = Evaluate(g, {gold_a});
  CHECK(only_a.entities == Score{.tp = 2});
  CHECK(only_a.relations == Score{.tp = 1});

  GoldGraph gold_d = gold_b;
  gold_d.article = "d.txt";  // an article the graph has never seen
  EvalReport unseen = Evaluate(g, {gold_d});
  CHECK(unseen.entities == Score{.fn = 2});
  CHECK(unseen.warnings ==
        std::vector<std::string>{"no node of the graph comes from article 'd' (is the gold "
                                 "file's \"article\" the graph's article id?)"});

  EvalReport both = Evaluate(g, {gold_a, gold_b});
  CHECK(both.warnings.empty());
  CHECK(both.per_article.at("a").entities == Score{.tp = 2});
  CHECK(both.per_article.at("b").entities == Score{.tp = 2});
  CHECK(both.per_article.at("b").relations == Score{.fp = 1, .fn = 1});
  CHECK(both.entities == Score{.tp = 4});
  CHECK(both.relations == Score{.tp = 1, .fp = 1, .fn = 1});
  CHECK(
      both.false_relations ==
      std::vector<std::string>{"b: China --condemns--> India [country_chn.condemns.country_ind]"});
}

TEST_CASE("Evaluate does not count negated edges and flags contradictions", "[eval][scorer]") {
  GoldGraph gold = Gold(R"json({"article": "a.txt", "entities": [
      {"key": "afg", "type": "country", "name": "Afghanistan"},
      {"key": "att", "type": "event", "name": "Gwadar attack (2025-03-12)"},
      {"key": "chn", "type": "country", "name": "China"}],
    "relations": [{"source": "chn", "relation": "condemns", "target": "att"}],
    "negated_relations": [{"source": "afg", "relation": "condemns", "target": "att"}]})json");
  GraphBuilder b;
  b.Node("afg", "country", "Afghanistan");
  b.Node("chn", "country", "China");
  b.Node("att", "event", "attaque de Gwadar", "a", {}, "", "2025-03-12");
  b.Edge("chn", "condemns", "att");
  SECTION("a negated edge is no claim") {
    b.Edge("afg", "condemns", "att", "a", Modality::kNegated);
    EvalReport r = Evaluate(b.Done(), {gold});
    CHECK(r.relations == Score{.tp = 1});
    CHECK(r.contradictions == 0);
  }
  SECTION("an asserted edge the text negates is a false positive that contradicts it") {
    b.Edge("afg", "condemns", "att");
    EvalReport r = Evaluate(b.Done(), {gold});
    CHECK(r.relations == Score{.tp = 1, .fp = 1});
    CHECK(r.contradictions == 1);
    CHECK(r.false_relations ==
          std::vector<std::string>{"a: Afghanistan --condemns--> attaque de Gwadar "
                                   "[afg.condemns.att] (the text negates it)"});
  }
}

TEST_CASE("Evaluate scores a graph without provenance whole, with a warning", "[eval][scorer]") {
  GraphBuilder b;
  b.Node("country_ind", "country", "India", "");
  b.Node("country_kaz", "country", "Kazakhstan", "");
  EdgeData e;
  e.id = "e0";
  e.relation = "cooperates_with";
  b.graph().AddRawEdge(0, 1, e);
  EvalReport r = Evaluate(b.Done(), {Gold(kIndiaKazakhstan)});
  CHECK(r.entities == Score{.tp = 2});
  CHECK(r.relations == Score{.tp = 1});
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].find("no article provenance") != std::string::npos);
}

TEST_CASE("FormatReport and FormatReportJson print the scores byte for byte", "[eval][scorer]") {
  GraphBuilder b;
  b.Node("country_ind", "country", "India");
  b.Node("country_kaz", "country", "Kazakhstan");
  b.Node("country_chn", "country", "China");
  b.Edge("country_ind", "depends_on", "country_chn");
  EvalReport r = Evaluate(b.Done(), {Gold(kIndiaKazakhstan)});
  CHECK(FormatReport(r) ==
        "overall\n"
        "                                   tp     fp     fn precision    recall        f1\n"
        "  entities                          2      1      0     0.667     1.000     0.800\n"
        "  relations                         0      1      1     0.000     0.000     0.000\n"
        "\n"
        "entities by type\n"
        "                                   tp     fp     fn precision    recall        f1\n"
        "  country                           2      1      0     0.667     1.000     0.800\n"
        "\n"
        "relations by type\n"
        "                                   tp     fp     fn precision    recall        f1\n"
        "  cooperates_with                   0      0      1     1.000     0.000     0.000\n"
        "  depends_on                        0      1      0     0.000     1.000     0.000\n"
        "\n"
        "by article\n"
        "                                   tp     fp     fn precision    recall        f1\n"
        "  a entities                        2      1      0     0.667     1.000     0.800\n"
        "  a relations                       0      1      1     0.000     0.000     0.000\n"
        "\n"
        "missed entities (0)\n"
        "\n"
        "false entities (1)\n"
        "  a: country \"China\" [country_chn]\n"
        "\n"
        "missed relations (1)\n"
        "  a: India --cooperates_with--> Kazakhstan [india cooperates_with kaz]\n"
        "\n"
        "false relations (1)\n"
        "  a: India --depends_on--> China [country_ind.depends_on.country_chn]\n");
  CHECK(FormatReportJson(r) ==
        "{\"entities\":{\"tp\":2,\"fp\":1,\"fn\":0,\"precision\":0.6667,\"recall\":1.0,"
        "\"f1\":0.8},"
        "\"relations\":{\"tp\":0,\"fp\":1,\"fn\":1,\"precision\":0.0,\"recall\":0.0,\"f1\":0.0},"
        "\"per_type\":{\"country\":{\"tp\":2,\"fp\":1,\"fn\":0,\"precision\":0.6667,"
        "\"recall\":1.0,\"f1\":0.8}},"
        "\"per_relation\":{\"cooperates_with\":{\"tp\":0,\"fp\":0,\"fn\":1,\"precision\":1.0,"
        "\"recall\":0.0,\"f1\":0.0},\"depends_on\":{\"tp\":0,\"fp\":1,\"fn\":0,"
        "\"precision\":0.0,\"recall\":1.0,\"f1\":0.0}},"
        "\"per_article\":{\"a\":{\"entities\":{\"tp\":2,\"fp\":1,\"fn\":0,\"precision\":0.6667,"
        "\"recall\":1.0,\"f1\":0.8},\"relations\":{\"tp\":0,\"fp\":1,\"fn\":1,"
        "\"precision\":0.0,\"recall\":0.0,\"f1\":0.0}}},"
        "\"missed_entities\":[],"
        "\"false_entities\":[\"a: country \\\"China\\\" [country_chn]\"],"
        "\"missed_relations\":[\"a: India --cooperates_with--> Kazakhstan [india "
        "cooperates_with kaz]\"],"
        "\"false_relations\":[\"a: India --depends_on--> China "
        "[country_ind.depends_on.country_chn]\"],"
        "\"contradictions\":0,\"warnings\":[]}\n");
}

}  // namespace
}  // namespace newsgraph
