#include "newsgraph/graph/merge.h"

#include <catch2/catch.hpp>

#include "graph/graph_dump.h"

namespace newsgraph {
namespace {

NodeData Node(std::string id, std::string category, std::string label, std::string wikidata = "",
              std::string iso3 = "") {
  NodeData n;
  n.id = std::move(id);
  n.category = std::move(category);
  n.label = std::move(label);
  n.wikidata = std::move(wikidata);
  n.iso3 = std::move(iso3);
  return n;
}

Evidence Ev(std::string article, uint64_t begin, std::string rule = "r") {
  Evidence e;
  e.article_id = std::move(article);
  e.sentence = "s";
  e.begin = begin;
  e.end = begin + 10;
  e.rule = std::move(rule);
  return e;
}

const NodeData* FindNode(const KnowledgeGraph& g, std::string_view id) {
  auto n = g.FindNode(id);
  return n ? &g.node(*n) : nullptr;
}

std::string Extra(const NodeData& n, std::string_view name) {
  auto it = n.extra.find(std::string(name));
  return it == n.extra.end() ? "" : it->second.type + ":" + it->second.value;
}

TEST_CASE("Merge unites a foreign node with newsgraph's node through their Wikidata id",
          "[graph][merge]") {
  KnowledgeGraph ours;
  NodeId ind = ours.AddNode(Node("country_ind", "country", "Inde", "Q668", "IND"));
  NodeId kaz = ours.AddNode(Node("country_kaz", "country", "Kazakhstan", "Q232", "KAZ"));
  ours.AddEvidence(ours.AddEdge(ind, "cooperates_with", kaz, true), Ev("a1", 0));
  ours.AddMention(ind, "a1", 2);
  ours.Finalize();

  KnowledgeGraph foreign;
  NodeId n12 = foreign.AddNode(Node("n12", "country", "India", "Q668"));
  NodeId n3 = foreign.AddNode(Node("n3", "country", "Kazakhstan", "Q232"));
  foreign.AddEvidence(foreign.AddEdge(n3, "cooperates_with", n12, true), Ev("b1", 5));
  foreign.Finalize();

  MergeReport report;
  KnowledgeGraph merged = Merge({&ours, &foreign}, &report);
  REQUIRE(merged.num_nodes() == 2);
  const NodeData* india = FindNode(merged, "country_ind");
  REQUIRE(india != nullptr);
  CHECK(india->label == "Inde");  // the smallest label; the other is an alias
  CHECK(india->aliases == std::set<std::string>{"India"});
  CHECK(Extra(*india, kMergedIdsAttribute) == "string:n12");
  CHECK(india->iso3 == "IND");
  CHECK(FindNode(merged, "n12") == nullptr);

  REQUIRE(merged.num_edges() == 1);
  const EdgeData& e = merged.edge(0);
  CHECK(e.id == "country_ind.cooperates_with.country_kaz");
  CHECK(e.weight == 2);
  CHECK(e.article_ids == std::vector<std::string>{"a1", "b1"});

  CHECK(report.unified ==
        std::vector<MergeDecision>{{"same wikidata", {"country_ind", "n12"}, "Q668"},
                                   {"same wikidata", {"country_kaz", "n3"}, "Q232"}});
  CHECK(report.near_misses.empty());
  CHECK(report.conflicts.empty());

  // A later file still finds India under the absorbed id.
  KnowledgeGraph later;
  later.AddNode(Node("n12", "", "?"));
  KnowledgeGraph again = Merge({&merged, &later}, nullptr);
  CHECK(again.num_nodes() == 2);
}

TEST_CASE("Merge unites nodes without ids only on the exact normalised name and category",
          "[graph][merge]") {
  KnowledgeGraph a, b;
  a.AddNode(Node("org_1", "organization", "L\u2019Organisation de coop\u00E9ration de Shanghai"));
  a.AddNode(Node("loc_1", "location", "Termez"));
  b.AddNode(Node("org_9", "organization", "organisation de cooperation de shanghai"));
  b.AddNode(Node("org_2", "organization", "Termez"));  // same name, other category
  b.AddNode(Node("loc_2", "location", "Termes"));      // close, but not the same
  MergeReport report;
  KnowledgeGraph merged = Merge({&a, &b}, &report);
  CHECK(merged.num_nodes() == 4);
  const NodeData* sco = FindNode(merged, "org_1");
  REQUIRE(sco != nullptr);
  CHECK(Extra(*sco, kMergedIdsAttribute) == "string:org_9");
  CHECK(sco->label == "L\u2019Organisation de coop\u00E9ration de Shanghai");  // smallest
  CHECK(sco->aliases.count("organisation de cooperation de shanghai") == 1);
  CHECK(report.unified ==
        std::vector<MergeDecision>{{"same category and normalised name",
                                    {"org_1", "org_9"},
                                    "organization 'organisation de cooperation de shanghai'"}});
  // Left apart and reported: a close name, and the same name in another
  // category.
  CHECK(report.near_misses ==
        std::vector<MergeDecision>{
            {"near miss", {"loc_1", "loc_2"}, "location 'termez' ~ 'termes' (edit distance 1)"},
            {"near miss",
             {"loc_1", "org_2"},
             "'termez' is location on one, organization on the other (categories differ)"}});
}

TEST_CASE("Merge never unites two known entities by name", "[graph][merge]") {
  KnowledgeGraph a, b;
  a.AddNode(Node("person_1", "person", "John Smith", "Q1"));
  b.AddNode(Node("person_2", "person", "John Smith", "Q2"));
  MergeReport report;
  KnowledgeGraph merged = Merge({&a, &b}, &report);
  CHECK(merged.num_nodes() == 2);
  REQUIRE(report.near_misses.size() == 1);
  CHECK(report.near_misses[0].detail ==
        "person 'john smith' on two nodes with different wikidata/iso3 ids");
}

TEST_CASE("An unknown node joins a known one by name and keeps joining later ones",
          "[graph][merge]") {
  // x has no id and shares a name with both k (Q1) and z (Q2): all three are
  // one, whichever pair is merged first.
  KnowledgeGraph a, b, c;
  NodeData x = Node("x", "organization", "Acme");
  a.AddNode(x);
  NodeData k = Node("k", "organization", "Acme", "Q1");
  k.aliases = {"Acme Corporation"};
  b.AddNode(k);
  c.AddNode(Node("z", "organization", "ACME", "Q2"));
  KnowledgeGraph ab = Merge({&a, &b}, nullptr);
  KnowledgeGraph bc = Merge({&b, &c}, nullptr);
  CHECK(bc.num_nodes() == 2);  // two known nodes: not merged by name
  KnowledgeGraph left = Merge({&ab, &c}, nullptr);
  KnowledgeGraph right = Merge({&a, &bc}, nullptr);
  CHECK(left.num_nodes() == 1);
  CHECK(testing::DumpGraph(left) == testing::DumpGraph(right));
  const NodeData* kept = FindNode(left, "k");
  REQUIRE(kept != nullptr);
  CHECK(kept->wikidata == "Q1");
  CHECK(Extra(*kept, kOtherWikidataAttribute) == "string:Q2");
  CHECK(Extra(*kept, kUnkeyedNamesAttribute) == "string:acme");
  CHECK(Extra(*kept, kMergedIdsAttribute) == "string:x|z");
}

TEST_CASE("Numbered ids scoped to their file unite only with the same file's nodes",
          "[graph][merge]") {
  // Two exports that both number their nodes from "n0"; the second has
  // India under "a5" (a numbered id that sorts before "country_ind").
  auto numbered = [](const std::string& label0, const std::string& label1) {
    KnowledgeGraph g;
    NodeId n0 = g.AddNode(Node("n0", "", label0));
    NodeId n1 = g.AddNode(Node("n1", "country", label1));
    NodeId india = g.AddNode(Node("a5", "country", "India", "Q668"));
    EdgeId e = g.AddEdge(n0, "supports", india, false);
    Evidence ev = Ev("x1", 0);
    ev.reported_by = "n1";
    g.AddEvidence(e, ev);
    EdgeData raw;
    raw.id = "e0";
    g.AddRawEdge(n1, n0, raw);
    g.Finalize();
    return g;
  };
  KnowledgeGraph football = numbered("BrighamYoung", "Utah"), movies = numbered("Han Solo", "Leia");
  CHECK(HasGeneratedIds(football));
  const std::string scope_f = GeneratedIdScope("football"), scope_m = GeneratedIdScope("movies");
  CHECK(scope_f.size() == kGeneratedIdScopeLength);
  CHECK(scope_f != scope_m);
  // A graph's scope is a hash of its content: equal graphs, equal scopes.
  CHECK(GeneratedIdScope(football) == GeneratedIdScope(KnowledgeGraph(football)));
  CHECK(GeneratedIdScope(football) == GeneratedIdScope(numbered("BrighamYoung", "Utah")));
  CHECK(GeneratedIdScope(football) != GeneratedIdScope(numbered("BrighamYoung", "Utah State")));
  CHECK(GeneratedIdScope(football) != GeneratedIdScope(movies));
  CHECK(GeneratedIdScope(football).size() == kGeneratedIdScopeLength);
  KnowledgeGraph f = football, m = movies;
  CHECK(ScopeGeneratedIds(&f, scope_f) == 3);
  CHECK(ScopeGeneratedIds(&m, scope_m) == 3);
  CHECK_FALSE(HasGeneratedIds(f));
  REQUIRE(FindNode(f, "n0_" + scope_f) != nullptr);
  CHECK(FindNode(f, "n0") == nullptr);
  // Edges follow: the relation edge is named after the new ids, the
  // foreign edge keeps its id, evidence names its reporter's new id.
  REQUIRE(f.num_edges() == 2);
  auto e = f.FindEdge(*f.FindNode("n0_" + scope_f), "supports", *f.FindNode("a5_" + scope_f));
  REQUIRE(e);
  CHECK(f.edge(*e).id == "n0_" + scope_f + ".supports.a5_" + scope_f);
  CHECK(f.edge(*e).evidence.at(0).reported_by == "n1_" + scope_f);
  CHECK(f.edge(*e).weight == 1);

  // Without scoping, "n0" of one file and "n0" of the other are one node.
  CHECK(Merge({&football, &movies}, nullptr).num_nodes() == 3);
  MergeReport report;
  KnowledgeGraph merged = Merge({&f, &m}, &report);
  // n0 and n1 of each file apart; India one node, under the id that is
  // not numbered.
  CHECK(merged.num_nodes() == 5);
  CHECK(merged.num_edges() == 4);
  // Both India ids are numbered: the smaller is kept.
  const std::string a5_f = "a5_" + scope_f, a5_m = "a5_" + scope_m;
  const NodeData* india = FindNode(merged, std::min(a5_f, a5_m));
  REQUIRE(india != nullptr);
  CHECK(Extra(*india, kMergedIdsAttribute) == "string:" + std::max(a5_f, a5_m));
  KnowledgeGraph ours;
  ours.AddNode(Node("country_ind", "country", "Inde", "Q668"));
  ours.Finalize();
  KnowledgeGraph with_ours = Merge({&f, &ours}, nullptr);
  CHECK(FindNode(with_ours, "country_ind") != nullptr);  // not "a5_...", which sorts first
  // The same file scoped twice is the same file: merge(a, a) = merge(a).
  KnowledgeGraph f2 = football;
  ScopeGeneratedIds(&f2, scope_f);
  CHECK(testing::DumpGraph(Merge({&f, &f2}, nullptr)) == testing::DumpGraph(Merge({&f}, nullptr)));
  // Nothing numbered, nothing renamed; a scoped id is not numbered again.
  CHECK(ScopeGeneratedIds(&f2, scope_m) == 0);
  CHECK(ScopeGeneratedIds(&ours, scope_m) == 0);
}

TEST_CASE("Records at one place with different reporters are kept whatever the grouping",
          "[graph][merge]") {
  // Two extractions of one sentence name different reporters (Alice, Bob);
  // a third graph makes Bob one with "aaa". Keeping the smaller id at each
  // merge kept p_a in (a b) c but aaa in a (b c).
  auto reported = [](const std::string& reporter, const std::string& label) {
    KnowledgeGraph g;
    NodeId x = g.AddNode(Node("org_x", "organization", "X"));
    NodeId y = g.AddNode(Node("org_y", "organization", "Y"));
    g.AddNode(Node(reporter, "person", label));
    Evidence ev = Ev("art1", 0, "en.supports");
    ev.reported_by = reporter;
    g.AddEvidence(g.AddEdge(x, "supports", y, false), ev);
    g.Finalize();
    return g;
  };
  KnowledgeGraph a = reported("p_a", "Alice"), b = reported("p_b", "Bob"), c;
  c.AddNode(Node("aaa", "person", "Bob"));
  c.Finalize();
  KnowledgeGraph ab = Merge({&a, &b}, nullptr), bc = Merge({&b, &c}, nullptr);
  const std::string all = testing::DumpGraph(Merge({&a, &b, &c}, nullptr));
  CHECK(testing::DumpGraph(Merge({&ab, &c}, nullptr)) == all);
  CHECK(testing::DumpGraph(Merge({&a, &bc}, nullptr)) == all);
  CHECK(testing::DumpGraph(Merge({&c, &b, &a}, nullptr)) == all);
  KnowledgeGraph merged = Merge({&a, &b, &c}, nullptr);
  REQUIRE(merged.num_edges() == 1);
  REQUIRE(merged.edge(0).evidence.size() == 1);  // one place, counted once
  CHECK(merged.edge(0).weight == 1);
  CHECK(merged.edge(0).evidence[0].reported_by == "aaa|p_a");
  // Another rule found the same place: its rule joins the record's rules,
  // its reporter the reporters, whatever the order. A negated reading of
  // the same place is not a second record (asserted sorts first).
  KnowledgeGraph other, negated;
  for (KnowledgeGraph* g : {&other, &negated}) {
    NodeId x = g->AddNode(Node("org_x", "organization", "X"));
    NodeId y = g->AddNode(Node("org_y", "organization", "Y"));
    Evidence ev = Ev("art1", 0, "en.a_rule");
    ev.reported_by = "p_z";
    if (g == &negated) ev.modality = Modality::kNegated;
    g->AddEvidence(g->AddEdge(x, "supports", y, false), ev);
    g->Finalize();
  }
  KnowledgeGraph with_other = Merge({&ab, &other, &negated}, nullptr);
  REQUIRE(with_other.edge(0).evidence.size() == 1);
  CHECK(with_other.edge(0).evidence[0].rule == "en.a_rule|en.supports");
  CHECK(with_other.edge(0).evidence[0].reported_by == "p_a|p_b|p_z");
  CHECK(with_other.edge(0).evidence[0].modality == Modality::kAsserted);
  CHECK(with_other.edge(0).weight == 1);
  CHECK(testing::DumpGraph(with_other) ==
        testing::DumpGraph(Merge({&negated, &other, &b, &a}, nullptr)));
  KnowledgeGraph again = Merge({&with_other, &a, &other}, nullptr);
  CHECK(testing::DumpGraph(again) == testing::DumpGraph(with_other));
}

TEST_CASE("Two events of one forum, date and place are reported, not merged", "[graph][merge]") {
  // One article names the 4th edition, another the date: two ids.
  auto dialogue = [](const std::string& id, const std::string& label) {
    KnowledgeGraph g;
    NodeData event = Node(id, "event", label);
    event.date = "2025-06-06";
    NodeId e = g.AddNode(event);
    NodeId forum = g.AddNode(Node("forum_icad", "forum", "India-Central Asia Dialogue"));
    NodeId delhi = g.AddNode(Node("location_new_delhi", "location", "New Delhi", "Q987"));
    g.AddEvidence(g.AddEdge(e, "edition_of", forum, false), Ev(id, 0));
    g.AddEvidence(g.AddEdge(e, "held_in", delhi, false), Ev(id, 0));
    g.Finalize();
    return g;
  };
  KnowledgeGraph a = dialogue("event_4th_icad", "4th India-Central Asia Dialogue");
  KnowledgeGraph b = dialogue("event_icad_2025_06_06", "India-Central Asia Dialogue");
  KnowledgeGraph c = dialogue("event_icad_2025_06_06", "India-Central Asia Dialogue");
  c.node(0).date = "2025-06-07";  // another day: not the same event
  c.node(0).id = "event_icad_2025_06_07";
  KnowledgeGraph c2;
  for (NodeId n = 0; n < c.num_nodes(); ++n) c2.AddNode(c.node(n));
  c2.AddEvidence(c2.AddEdge(0, "edition_of", 1, false), Ev("c", 0));
  c2.Finalize();
  MergeReport report;
  KnowledgeGraph merged = Merge({&a, &b, &c2}, &report);
  CHECK(merged.num_nodes() == 5);
  CHECK(report.near_misses ==
        std::vector<MergeDecision>{{"near miss",
                                    {"event_4th_icad", "event_icad_2025_06_06"},
                                    "events of forum_icad on 2025-06-06 held in location_new_delhi "
                                    "(events unite by id only)"}});
}

TEST_CASE("Events unite by id only", "[graph][merge]") {
  KnowledgeGraph a, b;
  a.AddNode(Node("event_dialogue_2025_06_06", "event", "India-Central Asia Dialogue"));
  b.AddNode(Node("event_dialogue_2024_09", "event", "India-Central Asia Dialogue"));
  b.AddNode(Node("event_dialogue_2025_06_06", "event", "4th India-Central Asia Dialogue"));
  MergeReport report;
  KnowledgeGraph merged = Merge({&a, &b}, &report);
  CHECK(merged.num_nodes() == 2);
  CHECK(report.near_misses.empty());
  CHECK(report.unified ==
        std::vector<MergeDecision>{
            {"same id", {"event_dialogue_2025_06_06"}, "event_dialogue_2025_06_06 (2 records)"}});
}

TEST_CASE("A node whose category disagrees is kept with its edges and the conflict recorded",
          "[graph][merge]") {
  KnowledgeGraph a, b;
  NodeId asia = a.AddNode(Node("central_asia", "region", "Central Asia"));
  NodeId kaz = a.AddNode(Node("country_kaz", "country", "Kazakhstan"));
  a.AddEvidence(a.AddEdge(kaz, "member_of", asia, false), Ev("a1", 0));
  a.Finalize();
  NodeId asia2 = b.AddNode(Node("central_asia", "organization", "Central Asia"));
  NodeId ind = b.AddNode(Node("country_ind", "country", "India"));
  b.AddEvidence(b.AddEdge(ind, "cooperates_with", asia2, true), Ev("b1", 0));
  b.Finalize();
  MergeReport report;
  KnowledgeGraph merged = Merge({&a, &b}, &report);
  const NodeData* node = FindNode(merged, "central_asia");
  REQUIRE(node != nullptr);
  CHECK(node->category == "organization");
  CHECK(Extra(*node, kOtherCategoriesAttribute) == "string:region");
  CHECK(merged.num_edges() == 2);
  CHECK(report.conflicts ==
        std::vector<std::string>{"node central_asia: categories 'organization', 'region' "
                                 "disagree, kept 'organization'"});
}

TEST_CASE("Merging the same article twice counts nothing twice", "[graph][merge]") {
  KnowledgeGraph a;
  NodeId ind = a.AddNode(Node("country_ind", "country", "Inde"));
  NodeId chn = a.AddNode(Node("country_chn", "country", "Chine"));
  EdgeId e = a.AddEdge(ind, "depends_on", chn, false);
  a.AddEvidence(e, Ev("a1", 0));
  a.AddEvidence(e, Ev("a1", 40));
  a.AddMention(ind, "a1", 3);
  a.AddMention(chn, "a1", 2);
  a.data().articles["a1"] = {"a1", "T", "2025-06-06", "", "fr"};
  a.Finalize();

  KnowledgeGraph b;  // a second extraction of a1, plus article a2
  ind = b.AddNode(Node("country_ind", "country", "Inde"));
  chn = b.AddNode(Node("country_chn", "country", "Chine"));
  e = b.AddEdge(ind, "depends_on", chn, false);
  b.AddEvidence(e, Ev("a1", 40));
  b.AddEvidence(e, Ev("a2", 7));
  b.AddMention(ind, "a1", 3);
  b.AddMention(ind, "a2", 1);
  b.data().articles["a1"] = {"a1", "T", "2025-06-06", "", "fr"};
  b.data().articles["a2"] = {"a2", "U", "2025-07-01", "", "en"};
  b.Finalize();

  KnowledgeGraph merged = Merge({&a, &b, &a}, nullptr);
  const EdgeData& edge = merged.edge(*merged.FindEdge(*merged.FindNode("country_ind"), "depends_on",
                                                      *merged.FindNode("country_chn")));
  CHECK(edge.weight == 3);
  CHECK(edge.evidence_count == 3);
  CHECK(edge.first_seen == "2025-06-06");
  CHECK(edge.last_seen == "2025-07-01");
  const NodeData* india = FindNode(merged, "country_ind");
  CHECK(india->mention_count == 4);
  CHECK(india->article_mentions == std::map<std::string, int64_t>{{"a1", 3}, {"a2", 1}});
  CHECK(merged.data().articles.size() == 2);
}

TEST_CASE("Merge reconciles attribute types and reports them", "[graph][merge]") {
  KnowledgeGraph a, b;
  NodeData x = Node("x", "country", "X");
  x.extra = {{"pop", {"int", "5"}},
             {"gdp", {"int", "7"}},
             {"flag", {"boolean", "true"}},
             {"same", {"string", "s"}}};
  NodeData y = x;
  y.extra = {{"pop", {"long", "9000000000"}},
             {"gdp", {"double", "7.5"}},
             {"flag", {"int", "1"}},
             {"same", {"string", "s"}}};
  a.AddNode(x);
  b.AddNode(y);
  MergeReport report;
  KnowledgeGraph merged = Merge({&a, &b}, &report);
  const NodeData* node = FindNode(merged, "x");
  CHECK(Extra(*node, "pop") == "long:5");
  CHECK(Extra(*node, "gdp") == "double:7");
  CHECK(Extra(*node, "flag") == "string:1");
  CHECK(Extra(*node, "same") == "string:s");
  CHECK(report.conflicts ==
        std::vector<std::string>{
            "node x: attribute 'flag' has types 'boolean', 'int', kept as string '1'",
            "node x: attribute 'gdp' has types 'double', 'int', kept as double '7'",
            "node x: attribute 'pop' has types 'int', 'long', kept as long '5'"});
}

TEST_CASE("Merge reports edge, graph and article metadata that disagree", "[graph][merge]") {
  KnowledgeGraph a, b;
  for (KnowledgeGraph* g : {&a, &b}) {
    NodeId ind = g->AddNode(Node("country_ind", "country", "India", "Q668"));
    NodeId chn = g->AddNode(Node("country_chn", "country", "China", "Q148"));
    EdgeId e = g->AddEdge(ind, "depends_on", chn, false);
    g->AddEvidence(e, Ev("a1", 0));
    g->edge(e).extra["score"] = g == &a ? Attribute{"int", "3"} : Attribute{"double", "2.5"};
    g->data().extra["run"] = Attribute{"string", g == &a ? "monday" : "tuesday"};
    g->data().articles["a1"] = {"a1", g == &a ? "T" : "T2", "2025-06-06", "", "fr"};
    g->Finalize();
  }
  MergeReport report;
  KnowledgeGraph merged = Merge({&a, &b}, &report);
  CHECK(merged.edge(0).extra.at("score") == Attribute{"double", "2.5"});
  CHECK(report.conflicts ==
        std::vector<std::string>{
            "article a1: metadata differs between inputs",
            "edge country_ind.depends_on.country_chn: attribute 'score' has types 'double', "
            "'int', kept as double '2.5'",
            "graph: attribute 'run' has values 'monday', 'tuesday', kept 'monday'"});
  CHECK(report.unified.size() == 2);  // the two ids, each on two records
}

TEST_CASE("A node that joins a node of two categories through one of them is explained",
          "[graph][merge]") {
  // central_asia is a region in a and an organisation in b; c's node, known
  // by neither id, joins it as the organisation 'Central Asia'. The merged
  // node holds its pairs of category and name under all its ids.
  KnowledgeGraph a, b, c;
  a.AddNode(Node("central_asia", "region", "Central Asia"));
  b.AddNode(Node("central_asia", "organization", "Asie centrale", "Q27275"));
  c.AddNode(Node("org_7", "organization", "Central Asia"));
  MergeReport report;
  KnowledgeGraph merged = Merge({&a, &b, &c}, &report);
  CHECK(merged.num_nodes() == 1);
  CHECK(
      report.unified ==
      std::vector<MergeDecision>{
          {"same category and normalised name",
           {"central_asia", "org_7"},
           "organization 'central asia'"},
          {"same category and normalised name", {"central_asia", "org_7"}, "region 'central asia'"},
          {"same id", {"central_asia"}, "central_asia (2 records)"}});
  CHECK(report.conflicts == std::vector<std::string>{"node central_asia: categories "
                                                     "'organization', 'region' disagree, kept "
                                                     "'organization'"});
}

TEST_CASE("An IncrementalMerger that explains streams its inputs and reports as Merge does",
          "[graph][merge][incremental]") {
  KnowledgeGraph a, b;
  a.AddNode(Node("loc_1", "location", "Termez"));
  a.AddNode(Node("country_ind", "country", "Inde", "Q668"));
  b.AddNode(Node("loc_2", "location", "Termes"));
  b.AddNode(Node("n12", "country", "India", "Q668"));
  MergeReport expected;
  KnowledgeGraph all = Merge({&a, &b}, &expected);
  IncrementalMerger merger(MergeOptions(), /*explain=*/true);
  merger.Add(KnowledgeGraph(b));  // moved in, other order
  merger.Add(KnowledgeGraph(a));
  MergeReport report = merger.Report();
  CHECK(testing::DumpGraph(merger.TakeResult()) == testing::DumpGraph(all));
  CHECK(report.unified == expected.unified);
  CHECK(report.unified ==
        std::vector<MergeDecision>{{"same wikidata", {"country_ind", "n12"}, "Q668"}});
  CHECK(report.near_misses ==
        std::vector<MergeDecision>{
            {"near miss", {"loc_1", "loc_2"}, "location 'termez' ~ 'termes' (edit distance 1)"}});
  CHECK(report.conflicts.empty());
}

TEST_CASE("Foreign edges without relation stay parallel unless id and endpoints match",
          "[graph][merge]") {
  KnowledgeGraph a, b;
  for (KnowledgeGraph* g : {&a, &b}) {
    NodeId n0 = g->AddNode(Node("n0", "", "A"));
    NodeId n1 = g->AddNode(Node("n1", "", "B"));
    EdgeData e0;
    e0.id = "e0";
    e0.weight = 2;
    g->AddRawEdge(n0, n1, e0);
    EdgeData e1;
    e1.id = std::string("e") + (g == &a ? "1" : "2");
    g->AddRawEdge(n0, n1, e1);
  }
  KnowledgeGraph merged = Merge({&a, &b}, nullptr);
  REQUIRE(merged.num_edges() == 3);
  CHECK(merged.edge(0).id == "e0");
  CHECK(merged.edge(0).weight == 2);
  CHECK(merged.edge(1).id == "e1");
  CHECK(merged.edge(2).id == "e2");
}

TEST_CASE("Symmetric edges are one after their endpoints are unified", "[graph][merge]") {
  KnowledgeGraph a, b;
  NodeId p = a.AddNode(Node("zz_kaz", "country", "Kazakhstan", "Q232"));
  NodeId q = a.AddNode(Node("country_ind", "country", "India", "Q668"));
  a.AddEvidence(a.AddEdge(p, "cooperates_with", q, true), Ev("a1", 0));
  a.Finalize();
  p = b.AddNode(Node("country_kaz", "country", "Kazakhstan", "Q232"));
  q = b.AddNode(Node("aa_ind", "country", "India", "Q668"));
  Evidence ev = Ev("b1", 0);
  ev.reported_by = "zz_kaz";
  b.AddEvidence(b.AddEdge(p, "cooperates_with", q, true), ev);
  b.Finalize();
  KnowledgeGraph merged = Merge({&a, &b}, nullptr);
  REQUIRE(merged.num_edges() == 1);
  CHECK(merged.edge(0).id == "aa_ind.cooperates_with.country_kaz");
  CHECK(merged.edge(0).weight == 2);
  CHECK(merged.edge(0).evidence[1].reported_by == "country_kaz");  // follows unification
}

TEST_CASE("MergeInto equals Merge of both graphs", "[graph][merge]") {
  KnowledgeGraph a, b;
  a.AddNode(Node("n1", "country", "Inde", "Q668"));
  b.AddNode(Node("country_ind", "country", "India", "Q668"));
  KnowledgeGraph expected = Merge({&a, &b}, nullptr);
  MergeInto(&a, b, nullptr);
  CHECK(testing::DumpGraph(a) == testing::DumpGraph(expected));
  CHECK(a.num_nodes() == 1);
  // Into itself: merge(a, a) is merge(a), evidence included.
  KnowledgeGraph c;
  NodeId n = c.AddNode(Node("n1", "country", "Inde", "Q668"));
  c.AddEvidence(c.AddEdge(n, "supports", n, false), Ev("a1", 0));
  c.Finalize();
  KnowledgeGraph once = Merge({&c}, nullptr);
  MergeInto(&c, c, nullptr);
  CHECK(testing::DumpGraph(c) == testing::DumpGraph(once));
  CHECK(c.edge(0).evidence_count == 1);
}

TEST_CASE("An IncrementalMerger renames edges and reporters when a later graph changes a node's id",
          "[graph][merge][incremental]") {
  // Day 1: Kazakhstan is known as n7 only; an edge and a reporter use it.
  KnowledgeGraph day1;
  NodeId n7 = day1.AddNode(Node("n7", "country", "Kazakhstan", "Q232"));
  NodeId ind = day1.AddNode(Node("country_ind", "country", "India", "Q668"));
  Evidence ev = Ev("a1", 0);
  ev.reported_by = "n7";
  day1.AddEvidence(day1.AddEdge(n7, "supports", ind, false), ev);
  day1.AddEvidence(day1.AddEdge(ind, "cooperates_with", n7, true), Ev("a1", 20));
  day1.Finalize();
  // Day 2: the same entity under its own id; no edge of day 1 is touched.
  KnowledgeGraph day2;
  day2.AddNode(Node("country_kaz", "country", "Kazakhstan", "Q232"));

  IncrementalMerger merger;
  merger.Add(day1);
  KnowledgeGraph first = merger.Result();
  CHECK(first.FindNode("n7").has_value());
  CHECK(merger.num_nodes() == 2);  // Result() leaves the merger as it was
  merger.Add(day2);
  CHECK(merger.num_nodes() == 2);
  KnowledgeGraph second = merger.Result();
  CHECK(testing::DumpGraph(second) == testing::DumpGraph(Merge({&day1, &day2}, nullptr)));
  REQUIRE(second.num_edges() == 2);
  CHECK(second.edge(0).id == "country_ind.cooperates_with.country_kaz");
  CHECK(second.edge(1).id == "country_kaz.supports.country_ind");
  CHECK(second.edge(1).evidence.at(0).reported_by == "country_kaz");
  CHECK(Extra(*FindNode(second, "country_kaz"), kMergedIdsAttribute) == "string:n7");
}

TEST_CASE("An IncrementalMerger joins the edges of two nodes that a later graph shows are one",
          "[graph][merge][incremental]") {
  // p and q are two nodes until r (no Wikidata id) shares a name with both.
  KnowledgeGraph a;
  NodeId p = a.AddNode(Node("org_p", "organization", "Acme", "Q1"));
  NodeId q = a.AddNode(Node("org_q", "organization", "ACME", "Q2"));
  NodeId x = a.AddNode(Node("country_x", "country", "X"));
  a.AddEvidence(a.AddEdge(p, "supports", x, false), Ev("a1", 0));
  a.AddEvidence(a.AddEdge(q, "supports", x, false), Ev("a1", 0));  // same place
  a.AddEvidence(a.AddEdge(q, "supports", x, false), Ev("a1", 50));
  a.Finalize();
  KnowledgeGraph b;
  b.AddNode(Node("org_r", "organization", "acme"));

  IncrementalMerger merger;
  merger.Add(a);
  CHECK(merger.num_nodes() == 3);
  merger.Add(KnowledgeGraph(b));  // moved in
  CHECK(merger.num_nodes() == 2);
  KnowledgeGraph merged = merger.TakeResult();
  CHECK(merger.num_nodes() == 0);
  CHECK(testing::DumpGraph(merged) == testing::DumpGraph(Merge({&a, &b}, nullptr)));
  REQUIRE(merged.num_edges() == 1);
  CHECK(merged.edge(0).id == "org_p.supports.country_x");
  CHECK(merged.edge(0).weight == 2);  // two places, not three records
  CHECK(Extra(*FindNode(merged, "org_p"), kMergedIdsAttribute) == "string:org_q|org_r");
}

TEST_CASE("Article mentions keep the per-article maximum when nodes with many mentions unite",
          "[graph][merge][incremental]") {
  // x and y are two nodes (a01..a12 once, a05..a20 twice) until c shows
  // they are one; older articles also come after newer ones.
  const auto article = [](int i) { return std::string(i < 10 ? "a0" : "a") + std::to_string(i); };
  KnowledgeGraph a;
  NodeId x = a.AddNode(Node("per_x", "person", "X", "Q1"));
  for (int i = 12; i >= 1; --i) a.AddMention(x, article(i));
  a.Finalize();
  KnowledgeGraph b;
  NodeId y = b.AddNode(Node("per_y", "person", "Y"));
  for (int i = 5; i <= 20; ++i) b.AddMention(y, article(i), 2);
  b.AddMention(y, "a03", 5);
  b.Finalize();
  KnowledgeGraph c;
  NodeId z = c.AddNode(Node("per_y", "person", "Y", "Q1"));
  c.AddMention(z, "a02", 3);
  c.Finalize();

  std::map<std::string, int64_t> expected;
  for (int i = 1; i <= 20; ++i) expected[article(i)] = i <= 4 ? 1 : 2;
  expected["a02"] = 3;
  expected["a03"] = 5;
  for (const auto& order : std::vector<std::vector<const KnowledgeGraph*>>{
           {&a, &b, &c}, {&c, &b, &a}, {&b, &c, &a}, {&a, &c, &b}}) {
    KnowledgeGraph merged = Merge(order, nullptr);
    REQUIRE(merged.num_nodes() == 1);
    CHECK(merged.node(0).article_mentions == expected);
    CHECK(merged.node(0).mention_count == 1 + 3 + 5 + 1 + 2 * 16);
  }
  IncrementalMerger merger;
  merger.Add(b);
  merger.Add(a);
  merger.Add(b);  // again: nothing counted twice
  merger.Add(c);
  CHECK(merger.Result().node(0).article_mentions == expected);
}

TEST_CASE("An IncrementalMerger keeps many evidence records of one edge one per place",
          "[graph][merge][incremental]") {
  // Enough records for the merger to index the edge's places.
  KnowledgeGraph g;
  NodeId a = g.AddNode(Node("country_ind", "country", "India", "Q668"));
  NodeId b = g.AddNode(Node("country_chn", "country", "China", "Q148"));
  EdgeId e = g.AddEdge(a, "condemns", b, false);
  for (uint64_t i = 0; i < 40; ++i) g.AddEvidence(e, Ev("a" + std::to_string(i % 7), i * 10));
  g.Finalize();
  KnowledgeGraph again = g;  // the same places, one read differently
  again.edge(0).evidence[3].rule = "a";
  again.edge(0).evidence[5].rule = "z";
  IncrementalMerger merger;
  merger.Add(g);
  merger.Add(again);
  merger.Add(g);
  KnowledgeGraph merged = merger.Result();
  REQUIRE(merged.num_edges() == 1);
  CHECK(merged.edge(0).evidence_count == 40);
  // One record per place; the rules that read it are united.
  CHECK(merged.edge(0).evidence[3].rule == "a|r");
  CHECK(merged.edge(0).evidence[5].rule == "r|z");
  CHECK(testing::DumpGraph(merged) == testing::DumpGraph(Merge({&g, &again}, nullptr)));
  MergeReport report;
  CHECK(testing::DumpGraph(merged) == testing::DumpGraph(Merge({&again, &g}, &report)));
}

TEST_CASE("A node seen again joins with each of its values, changed or not", "[graph][merge]") {
  // One id in six graphs: the first values, the same again, then another
  // Wikidata id, another alias, another category and another label. Each
  // later node must be joined with all its values (the merger remembers the
  // identities of the first four variants of an id and reuses one only for
  // a node with the same values; the fifth, the label, is not remembered and
  // is seen twice).
  const auto graph = [](std::string wikidata, std::string alias, std::string category,
                        std::string label) {
    KnowledgeGraph g;
    NodeData n = Node("ent_1", std::move(category), std::move(label), std::move(wikidata));
    n.aliases.insert(std::move(alias));
    g.AddNode(std::move(n));
    g.Finalize();
    return g;
  };
  KnowledgeGraph a = graph("Q1", "Ex", "org", "Xeno");
  KnowledgeGraph same = graph("Q1", "Ex", "org", "Xeno");
  KnowledgeGraph wikidata = graph("Q2", "Ex", "org", "Xeno");
  KnowledgeGraph alias = graph("Q1", "Why", "org", "Xeno");
  KnowledgeGraph category = graph("Q1", "Ex", "person", "Xeno");
  KnowledgeGraph label = graph("Q1", "Ex", "org", "Alpha");
  // An id-less node named like the changed alias joins through it.
  KnowledgeGraph named;
  named.AddNode(Node("n7", "org", "Why"));
  named.Finalize();
  KnowledgeGraph merged =
      Merge({&a, &same, &wikidata, &alias, &category, &label, &label, &named}, nullptr);
  REQUIRE(merged.num_nodes() == 1);
  const NodeData& n = merged.node(0);
  CHECK(n.id == "ent_1");
  CHECK(n.wikidata == "Q1");
  CHECK(Extra(n, kOtherWikidataAttribute) == "string:Q2");
  CHECK(n.category == "org");
  CHECK(Extra(n, kOtherCategoriesAttribute) == "string:person");
  CHECK(n.label == "Alpha");
  CHECK(n.aliases == std::set<std::string>{"Ex", "Why", "Xeno"});
  CHECK(Extra(n, kMergedIdsAttribute) == "string:n7");
  // The same graphs in another order give the same graph.
  CHECK(testing::DumpGraph(merged) ==
        testing::DumpGraph(
            Merge({&named, &label, &category, &alias, &wikidata, &same, &a}, nullptr)));
}

TEST_CASE("Graphs moved into a merger give their articles as copied ones do", "[graph][merge]") {
  const auto graph = [](std::string title, std::string date) {
    KnowledgeGraph g;
    g.AddNode(Node("ent_1", "org", "Xeno"));
    g.data().articles["a1"] = {"a1", std::move(title), std::move(date), "", "fr"};
    g.data().articles["a2"] = {"a2", "Same", "2025-01-01", "", "fr"};
    g.Finalize();
    return g;
  };
  KnowledgeGraph x = graph("Zeta", "2025-06-02"), y = graph("Alpha", "2025-06-01");
  IncrementalMerger copied(MergeOptions(), /*explain=*/true);
  copied.Add(x);
  copied.Add(y);
  IncrementalMerger moved(MergeOptions(), /*explain=*/true);
  moved.Add(graph("Zeta", "2025-06-02"));
  moved.Add(graph("Alpha", "2025-06-01"));
  const std::vector<std::string> conflicts = moved.Report().conflicts;
  CHECK(conflicts == copied.Report().conflicts);
  CHECK(conflicts.size() == 1);
  KnowledgeGraph merged = moved.TakeResult();
  CHECK(testing::DumpGraph(merged) == testing::DumpGraph(copied.TakeResult()));
  REQUIRE(merged.data().articles.size() == 2);
  CHECK(merged.data().articles.at("a1").title == "Alpha");
  CHECK(merged.data().articles.at("a1").date == "2025-06-01");
  CHECK(merged.data().articles.at("a2").title == "Same");
}

// The result's edges, in handle order, are in order of (id, source id,
// target id), as KnowledgeGraph::SortedEdges puts them.
bool EdgesInIdOrder(const KnowledgeGraph& g) {
  std::vector<EdgeId> sorted = g.SortedEdges();
  for (EdgeId e = 0; e < sorted.size(); ++e) {
    if (sorted[e] != e) return false;
  }
  return true;
}

TEST_CASE("Merged edges are in id order whatever bytes the ids have", "[graph][merge]") {
  // Ids whose bytes all sort above '.', and ids with '-' or '.' (a prefix
  // followed by '-' sorts before the same prefix followed by '.').
  for (const std::vector<std::string>& ids :
       {std::vector<std::string>{"a", "ab", "b", "a_b", "a0"},
        std::vector<std::string>{"a", "a-b", "a.b", "ab", "a.c-d"}}) {
    KnowledgeGraph g;
    std::vector<NodeId> nodes;
    for (const std::string& id : ids) {
      nodes.push_back(g.AddNode(Node(id, "org", "Name " + std::to_string(nodes.size()))));
    }
    uint64_t place = 0;
    for (NodeId s : nodes) {
      for (NodeId t : nodes) {
        for (const char* relation : {"supports", "supports_all", "condemns"}) {
          if (s != t) g.AddEvidence(g.AddEdge(s, relation, t, false), Ev("a1", place += 20));
        }
      }
    }
    g.Finalize();
    KnowledgeGraph merged = Merge({&g}, nullptr);
    CHECK(merged.num_edges() == g.num_edges());
    CHECK(EdgesInIdOrder(merged));
    for (EdgeId e = 0; e < merged.num_edges(); ++e) {
      CHECK(merged.edge(e).id == RelationEdgeId(merged.node(merged.source(e)).id,
                                                merged.edge(e).relation,
                                                merged.node(merged.target(e)).id));
    }
  }
}

TEST_CASE("A merged symmetric edge's id names its endpoints in id order", "[graph][merge]") {
  // Graph a has the relation directed, b symmetric with the endpoints in the
  // other order: one edge, symmetric, its id from the smaller id first.
  KnowledgeGraph a, b;
  NodeId p = a.AddNode(Node("x-b", "org", "Bee"));
  NodeId q = a.AddNode(Node("x.a", "org", "Ay"));
  a.AddEvidence(a.AddEdge(p, "meets", q, false), Ev("a1", 0));
  a.Finalize();
  p = b.AddNode(Node("x.a", "org", "Ay"));
  q = b.AddNode(Node("x-b", "org", "Bee"));
  b.AddEvidence(b.AddEdge(q, "meets", p, true), Ev("b1", 0));
  b.Finalize();
  KnowledgeGraph merged = Merge({&a, &b}, nullptr);
  REQUIRE(merged.num_edges() == 1);
  CHECK(merged.edge(0).id == "x-b.meets.x.a");
  CHECK(merged.edge(0).symmetric);
  CHECK(merged.edge(0).evidence_count == 2);
}

TEST_CASE("The merge attribute lists escape their separator", "[graph][merge]") {
  std::set<std::string> items = {"a|b", "100%", "plain"};
  CHECK(EncodeList(items) == "100%25|a%7Cb|plain");
  CHECK(DecodeList(EncodeList(items)) == items);
  CHECK(DecodeList("").empty());
}

}  // namespace
}  // namespace newsgraph
