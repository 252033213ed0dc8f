#include "newsgraph/pipeline/graph_builder.h"

#include <catch2/catch.hpp>

#include "pipeline/pipeline_fixtures.h"

namespace newsgraph {
namespace {

using testing::DefaultOntology;

ExtractedEntity Entity(const std::string& id, const std::string& alias, int64_t mentions) {
  ExtractedEntity e;
  e.id = id;
  e.category = "country";
  e.label = id;
  e.aliases = {alias};
  e.mention_count = mentions;
  return e;
}

ExtractedRelation Relation(const std::string& s, const std::string& rel, const std::string& t,
                           uint64_t begin) {
  ExtractedRelation r;
  r.source_id = s;
  r.relation = rel;
  r.target_id = t;
  r.sentence = "sentence";
  r.begin = begin;
  r.end = begin + 8;
  r.rule = "test.rule";
  r.modality = "asserted";
  return r;
}

Article MakeArticle(const std::string& id, const std::string& date) {
  Article a;
  a.id = id;
  a.date = date;
  a.source = id + ".txt";
  return a;
}

TEST_CASE("GraphBuilder gathers one node per entity and one edge per relation across articles",
          "[pipeline][graph_builder]") {
  GraphBuilder builder(&DefaultOntology());
  Extraction fr;
  fr.lang = "fr";
  fr.entities = {Entity("country_ind", "Inde", 2), Entity("country_kaz", "Kazakhstan", 1)};
  fr.relations = {Relation("country_kaz", "cooperates_with", "country_ind", 10)};
  CHECK(builder.Add(MakeArticle("a-fr", "2025-06-06"), fr).empty());
  Extraction en;
  en.lang = "en";
  en.entities = {Entity("country_ind", "India", 1), Entity("country_kaz", "Kazakhstan", 1)};
  en.relations = {Relation("country_ind", "cooperates_with", "country_kaz", 0)};
  CHECK(builder.Add(MakeArticle("b-en", "2025-07-01"), en).empty());

  KnowledgeGraph g = builder.Finish();
  REQUIRE(g.num_nodes() == 2);
  REQUIRE(g.num_edges() == 1);
  const NodeData& india = g.node(*g.FindNode("country_ind"));
  CHECK(india.aliases == std::set<std::string>{"India", "Inde"});
  CHECK(india.mention_count == 3);
  CHECK(india.first_seen == "2025-06-06");
  CHECK(india.last_seen == "2025-07-01");
  CHECK(india.color == DefaultOntology().FindCategory("country")->color);
  const EdgeData& edge = g.edge(0);
  CHECK(edge.id == "country_ind.cooperates_with.country_kaz");  // symmetric: stored once
  CHECK(edge.symmetric);
  CHECK(edge.evidence_count == 2);
  CHECK(edge.article_ids == std::vector<std::string>{"a-fr", "b-en"});
  CHECK(edge.label == DefaultOntology().FindRelation("cooperates_with")->label_en);
}

TEST_CASE("GraphBuilder says so when a relation names an unlisted entity",
          "[pipeline][graph_builder]") {
  GraphBuilder builder(&DefaultOntology());
  Extraction x;
  x.entities = {Entity("country_ind", "Inde", 1)};
  x.relations = {Relation("country_ind", "depends_on", "country_chn", 0)};
  std::vector<std::string> dropped = builder.Add(MakeArticle("a", ""), x);
  REQUIRE(dropped.size() == 1);
  CHECK_THAT(dropped[0], Catch::StartsWith("a.txt: internal error: relation country_ind "
                                           "depends_on country_chn (rule test.rule)"));
  CHECK(builder.Finish().num_edges() == 0);
}

}  // namespace
}  // namespace newsgraph
