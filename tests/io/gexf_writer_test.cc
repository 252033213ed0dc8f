#include "newsgraph/io/gexf_writer.h"

#include <catch2/catch.hpp>

#include "io/test_graphs.h"

namespace newsgraph {
namespace {

TEST_CASE("DateSpan expands month and year precision", "[io][gexf]") {
  using Span = std::pair<std::string, std::string>;
  CHECK(DateSpan("2024-03-05") == Span{"2024-03-05", "2024-03-05"});
  CHECK(DateSpan("2024-02") == Span{"2024-02-01", "2024-02-29"});
  CHECK(DateSpan("2023-02") == Span{"2023-02-01", "2023-02-28"});
  CHECK(DateSpan("2023") == Span{"2023-01-01", "2023-12-31"});
  CHECK(DateSpan("2024-03-05T10:00:00Z") == Span{"2024-03-05", "2024-03-05"});
  CHECK_FALSE(DateSpan("2024-13"));
  CHECK_FALSE(DateSpan("2023-02-29"));
  CHECK_FALSE(DateSpan("hier"));
  CHECK_FALSE(DateSpan(""));
}

TEST_CASE("GEXF writer gives Gephi kinds, viz data, attributes and a timeline", "[io][gexf]") {
  const std::string text = GexfToString(testing::RichGraph());
  CHECK(text == GexfToString(testing::RichGraph()));  // deterministic
  CHECK(text.find("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"") !=
        std::string::npos);
  CHECK(text.find("mode=\"dynamic\" timeformat=\"date\"") != std::string::npos);
  CHECK(text.find("<attribute id=\"aliases\" title=\"aliases\" type=\"liststring\"/>") !=
        std::string::npos);
  CHECK(text.find("<attribute id=\"founded\" title=\"founded\" type=\"integer\"/>") !=
        std::string::npos);
  CHECK(text.find("<node id=\"country_uzb\" label=\"Ouzbékistan\">") != std::string::npos);
  CHECK(text.find("<viz:color r=\"31\" g=\"119\" b=\"180\"/>") != std::string::npos);
  CHECK(text.find("<viz:position x=\"-120.5\" y=\"0.1\" z=\"0.0\"/>") != std::string::npos);
  CHECK(text.find("<viz:size value=\"20.0\"/>") != std::string::npos);
  CHECK(text.find("source=\"country_civ\" target=\"country_uzb\" label=\"coopération\" "
                  "weight=\"2.0\" kind=\"cooperation\"") != std::string::npos);
  // uzb is mentioned in a1 (2024-03-01) and a2 (2024-03): the day lies inside the month.
  CHECK(text.find("<spells><spell start=\"2024-03-01\" end=\"2024-03-31\"/></spells>") !=
        std::string::npos);
  // org_un: a3 is dated 2023 only.
  CHECK(text.find("<spells><spell start=\"2023-01-01\" end=\"2023-12-31\"/></spells>") !=
        std::string::npos);
  // Newlines in liststring values survive attribute normalisation.
  CHECK(text.find("Line one\\u000aline two\\u0009with tab &amp; &lt;b&gt;") != std::string::npos);
  CHECK(text.find("label=\"Sommet &quot;Énergie &amp; Climat&quot;\"") != std::string::npos);
}

TEST_CASE("GEXF writer leaves an undated graph static", "[io][gexf]") {
  KnowledgeGraph g;
  NodeData a;
  a.id = "a";
  a.label = "deux\nlignes";
  g.AddNode(a);
  const std::string text = GexfToString(g);
  CHECK(text.find("mode=\"static\"") != std::string::npos);
  CHECK(text.find("<spells>") == std::string::npos);
  CHECK(text.find("label=\"deux lignes\"") != std::string::npos);
  CHECK(text.find("<attributes") == std::string::npos);
}

}  // namespace
}  // namespace newsgraph
