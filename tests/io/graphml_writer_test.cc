#include "newsgraph/io/graphml_writer.h"

#include <catch2/catch.hpp>

#include "io/test_graphs.h"
#include "newsgraph/io/edge_ids.h"
#include "newsgraph/io/graphml_reader.h"
#include "newsgraph/io/text_escape.h"

namespace newsgraph {
namespace {

KnowledgeGraph TinyGraph(bool reversed) {
  KnowledgeGraph g;
  NodeData a;
  a.id = "country_fra";
  a.label = "France & <co>";
  a.category = "country";
  NodeData b;
  b.id = "country_deu";
  b.label = "Allemagne";
  b.size = 2.5;
  NodeId na = reversed ? g.AddNode(b) : g.AddNode(a);
  NodeId nb = reversed ? g.AddNode(a) : g.AddNode(b);
  if (reversed) std::swap(na, nb);
  EdgeId e = g.AddEdge(na, "cooperation", nb, /*symmetric=*/true);
  g.AddEvidence(e, {.article_id = "a1",
                    .sentence = "Paris et Berlin \"coopèrent\".\n",
                    .begin = 1,
                    .end = 30,
                    .rule = "r1",
                    .modality = Modality::kAsserted,
                    .reported_by = ""});
  g.Finalize();
  return g;
}

TEST_CASE("GraphML writer emits the profile byte for byte", "[io][graphml]") {
  const std::string expected =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
      "  <key id=\"g_profile\" for=\"graph\" attr.name=\"profile\" attr.type=\"string\"/>\n"
      "  <key id=\"v_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"v_category\" for=\"node\" attr.name=\"category\" attr.type=\"string\"/>\n"
      "  <key id=\"v_size\" for=\"node\" attr.name=\"size\" attr.type=\"double\"/>\n"
      "  <key id=\"v_uid\" for=\"node\" attr.name=\"uid\" attr.type=\"string\"/>\n"
      "  <key id=\"e_relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
      "  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
      "  <key id=\"e_modality\" for=\"edge\" attr.name=\"modality\" attr.type=\"string\"/>\n"
      "  <key id=\"e_evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
      "  <key id=\"e_evidence_meta\" for=\"edge\" attr.name=\"evidence_meta\" "
      "attr.type=\"string\"/>\n"
      "  <key id=\"e_evidence_count\" for=\"edge\" attr.name=\"evidence_count\" "
      "attr.type=\"long\"/>\n"
      "  <key id=\"e_article_ids\" for=\"edge\" attr.name=\"article_ids\" attr.type=\"string\"/>\n"
      "  <key id=\"e_symmetric\" for=\"edge\" attr.name=\"symmetric\" attr.type=\"boolean\"/>\n"
      "  <graph id=\"G\" edgedefault=\"directed\">\n"
      "    <data key=\"g_profile\">newsgraph-graphml/1</data>\n"
      "    <node id=\"country_deu\">\n"
      "      <data key=\"v_label\">Allemagne</data>\n"
      "      <data key=\"v_size\">2.5</data>\n"
      "      <data key=\"v_uid\">country_deu</data>\n"
      "    </node>\n"
      "    <node id=\"country_fra\">\n"
      "      <data key=\"v_label\">France &amp; &lt;co&gt;</data>\n"
      "      <data key=\"v_category\">country</data>\n"
      "      <data key=\"v_uid\">country_fra</data>\n"
      "    </node>\n"
      "    <edge id=\"country_deu.cooperation.country_fra\" source=\"country_deu\" "
      "target=\"country_fra\">\n"
      "      <data key=\"e_relation\">cooperation</data>\n"
      "      <data key=\"e_weight\">1.0</data>\n"
      "      <data key=\"e_modality\">asserted</data>\n"
      "      <data key=\"e_evidence\">[\"Paris et Berlin \\\"coopèrent\\\".\\u000a\"]</data>\n"
      "      <data "
      "key=\"e_evidence_meta\">[{\"article\":\"a1\",\"begin\":1,\"end\":30,\"rule\":\"r1\","
      "\"modality\":\"asserted\",\"reported_by\":\"\"}]</data>\n"
      "      <data key=\"e_evidence_count\">1</data>\n"
      "      <data key=\"e_article_ids\">[\"a1\"]</data>\n"
      "      <data key=\"e_symmetric\">true</data>\n"
      "    </edge>\n"
      "  </graph>\n"
      "</graphml>\n";
  CHECK(GraphmlToString(TinyGraph(false)) == expected);
}

TEST_CASE("GraphML output does not depend on insertion order", "[io][graphml]") {
  CHECK(GraphmlToString(TinyGraph(false)) == GraphmlToString(TinyGraph(true)));
}

TEST_CASE("GraphML writer never declares defaults and renames forbidden attribute names",
          "[io][graphml]") {
  std::string text = GraphmlToString(testing::RichGraph());
  CHECK(text.find("<default>") == std::string::npos);
  CHECK(text.find("attr.name=\"type\"") == std::string::npos);
  CHECK(text.find("attr.name=\"orig_type\"") != std::string::npos);
  CHECK(text.find("attr.name=\"gdp_growth\" attr.type=\"double\"") != std::string::npos);
  CHECK(text.find("\x01") == std::string::npos);
  CHECK(text.find("<data key=\"v_x\">1.0e+21</data>") != std::string::npos);
  CHECK(text.find("<data key=\"e_goldstein\">-2.0</data>") != std::string::npos);
  // Keys come first: no <key> after the <graph> element opens.
  CHECK(text.rfind("<key ") < text.find("<graph "));
}

TEST_CASE("GraphML write, read, write gives identical bytes", "[io][graphml]") {
  const std::string first = GraphmlToString(testing::RichGraph());
  Result<KnowledgeGraph> read = ReadGraphml(first, "rich.graphml");
  REQUIRE(read.ok());
  CHECK(GraphmlToString(*read) == first);

  SECTION("and Finalize() on the read graph reproduces the derived values") {
    read->Finalize();
    CHECK(GraphmlToString(*read) == first);
  }
}

TEST_CASE("GraphML reader restores evidence records and the relation index", "[io][graphml]") {
  KnowledgeGraph original = testing::RichGraph();
  Result<KnowledgeGraph> read = ReadGraphml(GraphmlToString(original), "rich.graphml");
  REQUIRE(read.ok());
  NodeId uzb = *read->FindNode("country_uzb"), civ = *read->FindNode("country_civ");
  std::optional<EdgeId> coop = read->FindEdge(civ, "cooperation", uzb);
  REQUIRE(coop);
  CHECK(read->FindEdge(uzb, "cooperation", civ) == coop);  // symmetric
  const EdgeData& e = read->edge(*coop);
  EdgeId orig = *original.FindEdge(*original.FindNode("country_civ"), "cooperation",
                                   *original.FindNode("country_uzb"));
  CHECK(e.evidence == original.edge(orig).evidence);
  REQUIRE(e.evidence.size() == 2);
  CHECK(e.evidence[1].sentence == "Line one\nline two\twith tab & <b>\x01");
  CHECK(e.evidence[1].modality == Modality::kIntended);
  CHECK(e.evidence[1].reported_by == "org_un");
  CHECK(read->data().articles == original.data().articles);
  CHECK(read->node(uzb).article_mentions ==
        original.node(*original.FindNode("country_uzb")).article_mentions);
  CHECK(read->node(uzb).extra.at("population") == Attribute{"long", "36000000"});
}

// The writer escapes values with its own fast path; it must give the bytes of
// AppendXmlText for every kind of character.
TEST_CASE("GraphML writer escapes values exactly as AppendXmlText", "[io][graphml]") {
  const std::string labels[] = {
      "plain ASCII text that is longer than eight bytes, twice over",
      "a & b < c > d \"quoted\" 'single'",
      "tab\tnew\nline\rreturn\x01\x02\x1F\x7F end",
      "accents: \xC3\xA9t\xC3\xA9, C\xC3\xB4te d'Ivoire, \xE2\x80\x94 dash",
      "invalid \xC3( \xFF\xFE bytes \xE2\x82 cut",
      "noncharacters \xEF\xBF\xBE \xEF\xBF\xBF and \xEF\xBF\xBD replacement",
      "\xC3\xA9&\xC3\xA9<\xC3\xA9",
      "12345678&",
      "&1234567",
      "1234567\xC3\xA9",
  };
  for (const std::string& label : labels) {
    INFO(label);
    KnowledgeGraph g;
    NodeData n;
    n.id = "n";
    n.label = label;
    g.AddNode(std::move(n));
    std::string expected = "<data key=\"v_label\">";
    AppendXmlText(label, &expected);
    expected += "</data>";
    CHECK(GraphmlToString(g).find(expected) != std::string::npos);
  }
}

// The writer sorts nodes and edges itself; the order must be the graph's.
TEST_CASE("GraphML writer orders nodes and edges as SortedNodes and SortedEdges", "[io][graphml]") {
  KnowledgeGraph g;
  uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
  };
  for (int i = 0; i < 300; ++i) {
    NodeData n;
    n.id = "n" + std::to_string(i * 7919 % 300 + 1000);
    g.AddNode(std::move(n));
  }
  // Edge ids repeat (empty and shared), so source and target ids decide.
  for (int i = 0; i < 2000; ++i) {
    EdgeData e;
    e.id = next() % 3 == 0 ? "" : "e" + std::to_string(next() % 50);
    g.AddRawEdge(static_cast<NodeId>(next() % 300), static_cast<NodeId>(next() % 300), e);
  }
  std::string expected;
  for (NodeId n : g.SortedNodes()) expected += "<node id=\"" + g.node(n).id + "\">\n";
  // (Ids shared between different nodes are written under ids of their own.)
  const std::vector<EdgeId> sorted = g.SortedEdges();
  const std::vector<std::string> unique = OutputEdgeIds(g, sorted);
  REQUIRE(unique.size() == sorted.size());
  for (size_t k = 0; k < sorted.size(); ++k) {
    const EdgeId e = sorted[k];
    const std::string id = g.edge(e).id.empty() ? "e" + std::to_string(e) : unique[k];
    expected += "<edge id=\"" + id + "\" source=\"" + g.node(g.source(e)).id + "\" target=\"" +
                g.node(g.target(e)).id + "\">\n";
  }
  std::string written;
  const std::string text = GraphmlToString(g);
  for (size_t at = text.find("    <"); at != std::string::npos; at = text.find("    <", at + 1)) {
    const size_t end = text.find('\n', at);
    const std::string line = text.substr(at + 4, end - at - 3);
    if (line.rfind("<node ", 0) == 0 || line.rfind("<edge ", 0) == 0) written += line;
  }
  CHECK(written == expected);
}

}  // namespace
}  // namespace newsgraph
