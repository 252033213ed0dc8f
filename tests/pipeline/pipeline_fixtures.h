// What the pipeline tests share: the default ontology from graph_schemas/,
// loaded once for the whole test binary.
#ifndef NEWSGRAPH_TESTS_PIPELINE_PIPELINE_FIXTURES_H_
#define NEWSGRAPH_TESTS_PIPELINE_PIPELINE_FIXTURES_H_

#include <catch2/catch.hpp>
#include <utility>

#include "newsgraph/schema/ontology.h"

namespace newsgraph::testing {

inline const Ontology& DefaultOntology() {
  static const Ontology ontology = [] {
    auto o = Ontology::Load(NEWSGRAPH_SCHEMA_DIR);
    REQUIRE(o.ok());
    return std::move(*o);
  }();
  return ontology;
}

}  // namespace newsgraph::testing

#endif  // NEWSGRAPH_TESTS_PIPELINE_PIPELINE_FIXTURES_H_
