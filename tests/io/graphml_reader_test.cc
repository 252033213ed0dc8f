#include "newsgraph/io/graphml_reader.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>

#include "newsgraph/base/file.h"
#include "newsgraph/io/graphml_writer.h"

namespace newsgraph {
namespace {

const std::string kInterop = std::string(NEWSGRAPH_SHARED_DIR) + "/interop";

Result<KnowledgeGraph> ReadInterop(const std::string& relative) {
  const std::string path = kInterop + "/" + relative;
  Result<std::string> text = ReadFile(path);
  REQUIRE(text.ok());
  return ReadGraphml(*text, path);
}

const EdgeData& EdgeById(const KnowledgeGraph& g, const std::string& id) {
  for (EdgeId e = 0; e < g.num_edges(); ++e) {
    if (g.edge(e).id == id) return g.edge(e);
  }
  FAIL("no edge " << id);
  return g.edge(0);
}

std::string ExtraOf(const Attributes& extra, const std::string& name) {
  auto it = extra.find(name);
  return it == extra.end() ? "<none>" : it->second.type + ":" + it->second.value;
}

TEST_CASE("GraphML reader reads every foreign file and keeps its attributes", "[io][graphml]") {
  struct Case {
    const char* file;
    size_t nodes, edges;
  };
  const Case cases[] = {
      {"foreign/gephi-cdata.graphml", 2, 1},
      {"foreign/gephi-football.graphml", 115, 613},
      {"foreign/gephi-moviegalaxies.graphml", 27, 102},
      {"foreign/gephi-withdesc.graphml", 2, 1},
      {"foreign/igraph-written.graphml", 6, 7},
      {"foreign/networkx-written.graphml", 6, 7},
      {"foreign/yed-style.graphml", 2, 1},
      {"sample.graphml", 6, 7},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    Result<KnowledgeGraph> g = ReadInterop(c.file);
    REQUIRE(g.ok());
    CHECK(g->num_nodes() == c.nodes);
    CHECK(g->num_edges() == c.edges);
    // What we read, we write in the profile and read back the same.
    std::string once = GraphmlToString(*g);
    Result<KnowledgeGraph> again = ReadGraphml(once, c.file);
    REQUIRE(again.ok());
    CHECK(GraphmlToString(*again) == once);
  }

  SECTION("Gephi CDATA labels, with the same key id for nodes and edges") {
    Result<KnowledgeGraph> g = ReadInterop("foreign/gephi-cdata.graphml");
    REQUIRE(g.ok());
    CHECK(g->node(*g->FindNode("n0")).label == "foo");
    CHECK(g->edge(0).label == "foobar");
  }
  SECTION("Gephi football: undirected edges become symmetric, typed attributes kept") {
    Result<KnowledgeGraph> g = ReadInterop("foreign/gephi-football.graphml");
    REQUIRE(g.ok());
    CHECK(g->edge(0).symmetric);
    CHECK(ExtraOf(g->node(*g->FindNode("n0")).extra, "partition") == "int:9");
    CHECK(ExtraOf(g->data().extra, "dl") == "float:1850.2102335828238");
  }
  SECTION("igraph: ids restored from uid, edge ids generated, doubles as counts") {
    Result<KnowledgeGraph> g = ReadInterop("foreign/igraph-written.graphml");
    REQUIRE(g.ok());
    REQUIRE(g->FindNode("country_uzb"));
    const NodeData& uzb = g->node(*g->FindNode("country_uzb"));
    CHECK(uzb.label == "Ouzbékistan");
    CHECK(uzb.mention_count == 3);
    CHECK(uzb.size == 20.0);
    CHECK(ExtraOf(uzb.extra, "is_state_actor") == "boolean:true");
    CHECK(ExtraOf(uzb.extra, "id") == "<none>");  // equal to the id: not repeated
    // igraph drops edge ids but keeps them in an `id` attribute.
    const EdgeData& coop = EdgeById(*g, "e_country_civ__cooperation__country_uzb");
    CHECK(coop.evidence_count == 2);
    CHECK(ExtraOf(coop.extra, "id") == "<none>");
  }
  SECTION("networkx: Python booleans, defaults applied, evidence sentences kept") {
    Result<KnowledgeGraph> g = ReadInterop("foreign/networkx-written.graphml");
    REQUIRE(g.ok());
    const NodeData& un = g->node(*g->FindNode("org_un"));
    CHECK(ExtraOf(un.extra, "is_state_actor") == "boolean:false");
    CHECK(ExtraOf(un.extra, "article_ids") == "string:[\"art-2024-007\"]");
    const EdgeData& e = EdgeById(*g, "e_country_civ__cooperation__country_uzb");
    REQUIRE(e.evidence.size() == 2);
    CHECK(e.evidence[1].sentence ==
          "Les deux pays veulent des échanges \"gagnant-gagnant\" & durables.");
    CHECK(e.evidence[0].sentence.find("Ouzbékistan") != std::string::npos);
    CHECK(ExtraOf(e.extra, "confidence") == "double:0.87");
  }
  SECTION("yEd: graphics skipped, plain keys kept, yEd labels and positions used") {
    Result<KnowledgeGraph> g = ReadInterop("foreign/yed-style.graphml");
    REQUIRE(g.ok());
    const NodeData& n0 = g->node(*g->FindNode("n0"));
    CHECK(ExtraOf(n0.extra, "description") == "string:Côte d'Ivoire");
    CHECK(n0.label == "Côte d'Ivoire");
    CHECK(n0.x == 806.1);
    CHECK(n0.color == "#FF0000");
    CHECK(g->node(*g->FindNode("n1")).label == "Ouzbékistan");
    CHECK(g->edge(0).label == "coopération");
  }
}

// What a reader must refuse and what it may accept, file by file.
TEST_CASE("GraphML reader: broken files that are errors and those it tolerates", "[io][graphml]") {
  struct Case {
    const char* file;
    const char* error;  // regex for the message after "path:", or "" when read
  };
  const Case cases[] = {
      {"broken-not-wellformed.graphml", "^73:43: not well-formed XML: '&' must start"},
      {"broken-dup-node-id.graphml",
       "^60:5: duplicate node id 'country_civ' \\(first at .*:47:5\\)"},
      {"broken-missing-node.graphml", "^171:5: edge '.*': unknown target node 'event_missing'"},
      {"broken-undeclared-key.graphml", "^129:7: undeclared key 'e_undeclared' in edge"},
      {"broken-dup-data-key.graphml", "^45:7: key 'v_articles' is given twice in one node"},
      // Tolerated: the intent is clear and other readers accept them too.
      {"broken-attrname-space.graphml", ""},   // "evidence count" read as evidence_count
      {"broken-edge-label-attr.graphml", ""},  // label="..." on <edge>: used if no label data
      {"broken-liststring.graphml", ""},       // Gephi's liststring read as string
      {"broken-no-edgedefault.graphml", ""},   // read as directed
      {"broken-nodeid-nmtoken-consistent.graphml", ""},  // ids from uid
      {"broken-type-integer.graphml", ""},               // Gephi's integer read as int
  };
  for (const Case& c : cases) {
    INFO(c.file);
    const std::string path = kInterop + "/broken/" + c.file;
    Result<KnowledgeGraph> g = ReadInterop(std::string("broken/") + c.file);
    if (*c.error == '\0') {
      REQUIRE(g.ok());
      CHECK(g->num_nodes() == 6);
      CHECK(g->num_edges() == 7);
    } else {
      REQUIRE_FALSE(g.ok());
      const std::string& message = g.status().message();
      REQUIRE(message.rfind(path + ":", 0) == 0);
      CHECK(std::regex_search(message.substr(path.size() + 1), std::regex(c.error)));
    }
  }
  SECTION("tolerated files are read as meant") {
    Result<KnowledgeGraph> g = ReadInterop("broken/broken-attrname-space.graphml");
    REQUIRE(g.ok());
    CHECK(g->edge(0).evidence_count == 2);
    g = ReadInterop("broken/broken-nodeid-nmtoken-consistent.graphml");
    REQUIRE(g.ok());
    CHECK(g->FindNode("country_civ"));
    g = ReadInterop("broken/broken-type-integer.graphml");
    REQUIRE(g.ok());
    CHECK(g->node(*g->FindNode("country_uzb")).mention_count == 3);
  }
}

TEST_CASE("GraphML reader refuses DTDs and entities before parsing", "[io][graphml]") {
  const std::string billion_laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n]>\n"
      "<graphml><graph edgedefault=\"directed\"><node id=\"&lol;\"/></graph></graphml>\n";
  Result<KnowledgeGraph> g = ReadGraphml(billion_laughs, "evil.graphml");
  REQUIRE_FALSE(g.ok());
  CHECK_THAT(g.status().message(),
             Catch::StartsWith("evil.graphml:2:1: DOCTYPE declarations are refused"));
  const std::string external =
      "<?xml version=\"1.0\"?>\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n<graphml/>";
  g = ReadGraphml(external, "x.graphml");
  REQUIRE_FALSE(g.ok());
  CHECK_THAT(g.status().message(), Catch::StartsWith("x.graphml:2:1: ENTITY declarations"));
}

TEST_CASE("GraphML reader gives clear errors for bad input", "[io][graphml]") {
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"", "in.graphml: empty file"},
      {std::string("<graphml>\0</graphml>", 20), "in.graphml:1:10: binary data"},
      {"<graphml>\n  <x>\xC3(</x>", "in.graphml:2:6: invalid UTF-8"},
      {"<?xml version=\"1.0\"?>\n<graphml>\n  <graph edgedefault=\"directed\">\n    <node id=",
       "in.graphml:4:13: not well-formed XML"},
      {"<?xml version=\"1.0\"?>\n<graphml>\n  <graph edgedefault=\"directed\">\n    <node "
       "id=\"a\"/>\n",
       "in.graphml:4:19: not well-formed XML"},
      {"<gexf version=\"1.3\"/>",
       "in.graphml:1:1: expected a <graphml> root element, found <gexf>"},
      {"<graphml/>", "in.graphml:1:1: expected exactly one <graph>, found 0"},
      {"<graphml><key id=\"v_label\" for=\"node\" attr.name=\"label\"/><graph>\n<node id=\"a\">"
       "<data key=\"v_lable\">x</data></node></graph></graphml>",
       "in.graphml:2:14: undeclared key 'v_lable' in node, did you mean 'v_label'?"},
      {"<graphml><graph><node/></graph></graphml>", "in.graphml:1:17: node without an id"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Result<KnowledgeGraph> g = ReadGraphml(c.text, "in.graphml");
    REQUIRE_FALSE(g.ok());
    CHECK_THAT(g.status().message(), Catch::StartsWith(c.message));
  }
}

// A file in a fresh temporary directory, removed with it.
class TempFile {
 public:
  explicit TempFile(const std::string& bytes) {
    dir_ = std::filesystem::temp_directory_path() /
           ("graphml_reader_test_" + std::to_string(::getpid()) + "_" + std::to_string(count_++));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "in.graphml").string();
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~TempFile() { std::filesystem::remove_all(dir_); }
  const std::string& path() const { return path_; }

 private:
  static inline int count_ = 0;
  std::filesystem::path dir_;
  std::string path_;
};

// Reads `text` both ways: from memory and streamed from a file. Both must
// agree; error messages differ only by the file name.
Result<KnowledgeGraph> ReadBothWays(const std::string& text) {
  Result<KnowledgeGraph> from_text = ReadGraphml(text, "in.graphml");
  TempFile file(text);
  Result<KnowledgeGraph> from_file = ReadGraphmlFile(file.path());
  REQUIRE(from_text.ok() == from_file.ok());
  if (from_text.ok()) {
    CHECK(GraphmlToString(*from_file) == GraphmlToString(*from_text));
  } else {
    std::string message = from_file.status().message();
    REQUIRE(message.rfind(file.path(), 0) == 0);
    for (size_t at = 0; (at = message.find(file.path(), at)) != std::string::npos;) {
      message.replace(at, file.path().size(), "in.graphml");
    }
    CHECK(message == from_text.status().message());
  }
  return from_text;
}

TEST_CASE("GraphML reader streams files with the same result and errors as from memory",
          "[io][graphml]") {
  for (const char* file :
       {"foreign/gephi-cdata.graphml", "foreign/gephi-football.graphml",
        "foreign/gephi-moviegalaxies.graphml", "foreign/gephi-withdesc.graphml",
        "foreign/igraph-written.graphml", "foreign/networkx-written.graphml",
        "foreign/yed-style.graphml", "sample.graphml", "broken/broken-not-wellformed.graphml",
        "broken/broken-dup-node-id.graphml", "broken/broken-missing-node.graphml",
        "broken/broken-undeclared-key.graphml", "broken/broken-dup-data-key.graphml",
        "broken/broken-attrname-space.graphml", "broken/broken-type-integer.graphml"}) {
    INFO(file);
    Result<std::string> text = ReadFile(kInterop + "/" + file);
    REQUIRE(text.ok());
    ReadBothWays(*text);
  }
  SECTION("file errors name the path") {
    Result<KnowledgeGraph> g = ReadGraphmlFile("/nonexistent/x.graphml");
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().message() == "/nonexistent/x.graphml: no such file");
    TempFile empty("");
    g = ReadGraphmlFile(empty.path());
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().message() == empty.path() + ": empty file");
  }
}

// A profile file of `nodes` nodes with labels of `label_bytes` bytes (so the
// graph spans several of the reader's runs of a few MB), each linked to the next.
std::string BigGraphml(size_t nodes, size_t label_bytes) {
  KnowledgeGraph g;
  const std::string filler = "Côte d'Ivoire & Ouzbékistan < > ";
  for (size_t i = 0; i < nodes; ++i) {
    NodeData n;
    n.id = "n" + std::to_string(100000 + i);
    while (n.label.size() < label_bytes) n.label += filler;
    n.label += std::to_string(i);
    g.AddNode(std::move(n));
  }
  for (NodeId i = 0; i + 1 < nodes; ++i) g.AddEdge(i, "cooperation", i + 1, false);
  return GraphmlToString(g);
}

TEST_CASE("GraphML reader reads a graph larger than its runs, whatever the cut meets",
          "[io][graphml]") {
  const std::string text = BigGraphml(3000, 4000);  // ~13 MB
  REQUIRE(text.size() > 12u << 20);
  Result<KnowledgeGraph> g = ReadBothWays(text);
  REQUIRE(g.ok());
  CHECK(g->num_nodes() == 3000);
  CHECK(g->num_edges() == 2999);
  CHECK(GraphmlToString(*g) == text);

  SECTION("a comment full of </node>, '&' and DOCTYPE-free markup where runs are cut") {
    std::string commented = text;
    std::string comment = "<!-- ";
    for (int i = 0; i < 40000; ++i) comment += "</node> & <node> </edge> ";
    comment += " -->\n";
    for (size_t at : {size_t{4} << 20, size_t{9} << 20}) {
      const size_t line = commented.find("\n    <node ", at) + 1;
      commented.insert(line, comment);
    }
    Result<KnowledgeGraph> c = ReadBothWays(commented);
    REQUIRE(c.ok());
    CHECK(GraphmlToString(*c) == text);
  }
  SECTION("a CDATA section with </node> and '&' in a label") {
    std::string cdata = text;
    const size_t label = cdata.find("<data key=\"v_label\">", 6u << 20);
    const size_t value = label + std::string("<data key=\"v_label\">").size();
    cdata.insert(value, "<![CDATA[x</node></graph> & y]]>");
    Result<KnowledgeGraph> c = ReadBothWays(cdata);
    REQUIRE(c.ok());
    CHECK(GraphmlToString(*c).find("x&lt;/node&gt;&lt;/graph&gt; &amp; y") != std::string::npos);
  }
  SECTION("errors deep in the file give the same line and column") {
    std::string bad = text;
    const size_t at = bad.find("<data key=\"v_label\">", 11u << 20);
    bad.insert(at + 20, "caf\xC3");  // invalid UTF-8 inside a label
    Result<KnowledgeGraph> r = ReadBothWays(bad);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(),
               Catch::Contains(": invalid UTF-8 (byte " + std::to_string(at + 23) + " is 0xC3)"));
    bad = text;
    bad.insert(bad.find("<data key=\"v_label\">", 10u << 20), "<data key=\"v_lable\">x</data>");
    r = ReadBothWays(bad);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::Matches("in.graphml:\\d+:7: undeclared key "
                                                    "'v_lable' in node, did you mean 'v_label'.*"));
    bad = text;
    bad.insert(bad.find("<node ", 8u << 20), "<node id=\"n100001\"/>\n    ");
    r = ReadBothWays(bad);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(),
               Catch::Matches("in.graphml:\\d+:5: duplicate node id 'n100001' \\(first at "
                              "in.graphml:\\d+:5\\)"));
    bad = text.substr(0, text.size() - 40);
    r = ReadBothWays(bad);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::Contains("not well-formed XML"));
  }
}

TEST_CASE("GraphML reader reads edges that come before their nodes", "[io][graphml]") {
  const std::string text =
      "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"
      "<graph edgedefault=\"undirected\">\n"
      "<node id=\"a\"/>\n"
      "<edge source=\"a\" target=\"a\"/>\n"
      "<edge source=\"a\" target=\"b\"><data key=\"w\">2.5</data></edge>\n"
      "<edge source=\"b\" target=\"a\"/>\n"
      "<node id=\"b\"/>\n"
      "</graph></graphml>\n";
  Result<KnowledgeGraph> g = ReadBothWays(text);
  REQUIRE(g.ok());
  REQUIRE(g->num_edges() == 3);
  // File order, and ids by position in the file.
  CHECK(g->edge(0).id == "e0");
  CHECK(g->edge(1).id == "e1");
  CHECK(g->edge(1).weight == 2.5);
  CHECK(g->node(g->target(1)).id == "b");
  CHECK(g->edge(2).id == "e2");
  CHECK(g->edge(2).symmetric);

  Result<KnowledgeGraph> missing = ReadBothWays(
      "<graphml><graph>\n<edge source=\"a\" target=\"zz\"/>\n<node id=\"a\"/>\n"
      "</graph></graphml>");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == "in.graphml:2:1: an edge: unknown target node 'zz'");
}

TEST_CASE("GraphML reader takes one edge id between different nodes as two edges",
          "[io][graphml]") {
  // networkx 2.8 writes a multigraph's edge keys as ids, numbered per node
  // pair: "0" on a->b and again on b->c.
  const std::string text =
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <graph edgedefault=\"directed\">\n"
      "    <node id=\"a\" />\n    <node id=\"b\" />\n    <node id=\"c\" />\n"
      "    <edge source=\"a\" target=\"b\" id=\"0\" />\n"
      "    <edge source=\"a\" target=\"b\" id=\"1\" />\n"
      "    <edge source=\"b\" target=\"c\" id=\"0\" />\n"
      "  </graph>\n</graphml>\n";
  Result<KnowledgeGraph> g = ReadBothWays(text);
  REQUIRE(g.ok());
  REQUIRE(g->num_edges() == 3);
  CHECK(g->edge(0).id == "0");
  CHECK(g->edge(2).id == "0");
  CHECK(g->node(g->source(2)).id == "b");
  // Written with ids of its own, it reads back to the same graph.
  const std::string written = GraphmlToString(*g);
  Result<KnowledgeGraph> again = ReadGraphml(written, "again.graphml");
  REQUIRE(again.ok());
  CHECK(GraphmlToString(*again) == written);

  // The same id twice between the same nodes is an error at the second.
  std::string twice = text;
  const std::string b_to_c = "source=\"b\" target=\"c\"";
  twice.replace(twice.find(b_to_c), b_to_c.size(), "source=\"a\" target=\"b\"");
  Result<KnowledgeGraph> bad = ReadBothWays(twice);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "in.graphml:8:5: duplicate edge id '0' from 'a' to 'b'");
}

TEST_CASE("GraphML reader checks the document around the graph", "[io][graphml]") {
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"<graphml><graph/>\n<graph/></graphml>",
       "in.graphml:2:1: expected exactly one <graph>, found 2"},
      {"<graphml><graph></graph><graph/><graph/></graphml>",
       "in.graphml:1:25: expected exactly one <graph>, found 3"},
      {"<graphml><graph>\n</graphx></graphml>", "in.graphml:2:1: not well-formed XML"},
      {"<graphml><graph></graph></graphml>\n<extra/>", "in.graphml:2:1: not well-formed XML"},
      {"<graphml><graph></graph></graphml>\ntext", "in.graphml:2:1: not well-formed XML"},
      {"<graphml><graph></graph><desc>a</x></graphml>", "in.graphml:1:"},
      {"<graphml><key id=\"k\" for=\"node\"><graph/></graphml>", "in.graphml:1:"},
      {"<graphml><graph><node id=\"a\"><data key=\"k\">a</data></node></graph>"
       "<key id=\"k\" for=\"node\"/></graphml>",
       "in.graphml:1:30: undeclared key 'k' in node"},
      {"<graphml>\n<graph><node id=\"a&b\"/></graph></graphml>",
       "in.graphml:2:19: not well-formed XML: '&' must start"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Result<KnowledgeGraph> g = ReadBothWays(c.text);
    REQUIRE_FALSE(g.ok());
    CHECK_THAT(g.status().message(), Catch::StartsWith(c.message));
  }
  // Comments and processing instructions may follow the root.
  Result<KnowledgeGraph> g =
      ReadBothWays("<graphml><graph><node id=\"a\"/></graph></graphml>\n<!-- end --><?pi x?>\n");
  REQUIRE(g.ok());
  CHECK(g->num_nodes() == 1);
}

}  // namespace
}  // namespace newsgraph
