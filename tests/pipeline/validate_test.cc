#include "newsgraph/pipeline/validate.h"

#include <catch2/catch.hpp>

#include "pipeline/pipeline_fixtures.h"

namespace newsgraph {
namespace {

using testing::DefaultOntology;

NodeId AddNode(KnowledgeGraph* g, const std::string& id, const std::string& category) {
  NodeData n;
  n.id = id;
  n.label = id;
  n.category = category;
  return g->AddNode(n);
}

TEST_CASE("ValidateGraph accepts a graph that follows the ontology", "[pipeline][validate]") {
  KnowledgeGraph g;
  NodeId ind = AddNode(&g, "country_ind", "country");
  NodeId kaz = AddNode(&g, "country_kaz", "country");
  g.AddEdge(ind, "cooperates_with", kaz, true);
  CHECK(ValidateGraph(g, DefaultOntology()).empty());
}

TEST_CASE("ValidateGraph says exactly what is wrong", "[pipeline][validate]") {
  KnowledgeGraph g;
  NodeId ind = AddNode(&g, "country_ind", "countri");
  NodeId rare = AddNode(&g, "resource_rare_earths", "resource");
  NodeId chn = AddNode(&g, "country_chn", "country");
  g.AddEdge(rare, "condemns", chn, false);
  g.AddEdge(chn, "controlls", rare, false);
  g.AddEdge(ind, "supports", chn, false);
  auto problems = ValidateGraph(g, DefaultOntology());
  REQUIRE(problems.size() == 3);
  CHECK(problems[0] == "node 'country_ind': unknown category 'countri', did you mean 'country'?");
  CHECK_THAT(problems[1], Catch::StartsWith("edge 'country_chn.controlls.resource_rare_earths'"));
  CHECK_THAT(problems[1],
             Catch::EndsWith("unknown relation 'controlls', did you mean 'controls'?"));
  CHECK_THAT(problems[2],
             Catch::Contains("relation 'condemns' does not link a resource to a country"));
}

}  // namespace
}  // namespace newsgraph
