#include "newsgraph/io/json_graph.h"

#include <rapidjson/document.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>

#include <catch2/catch.hpp>

#include "io/test_graphs.h"
#include "newsgraph/base/file.h"
#include "newsgraph/io/graphml_reader.h"
#include "newsgraph/io/graphml_writer.h"

namespace newsgraph {
namespace {

// "" when `text` validates against graph_schemas/graph.schema.json.
std::string SchemaErrors(const std::string& text) {
  Result<std::string> schema_text =
      ReadFile(std::string(NEWSGRAPH_SCHEMA_DIR) + "/graph.schema.json");
  REQUIRE(schema_text.ok());
  rapidjson::Document schema_doc;
  schema_doc.Parse(schema_text->c_str());
  REQUIRE_FALSE(schema_doc.HasParseError());
  rapidjson::SchemaDocument schema(schema_doc);
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  rapidjson::SchemaValidator validator(schema);
  if (doc.Accept(validator)) return "";
  rapidjson::StringBuffer where, keyword;
  validator.GetInvalidDocumentPointer().StringifyUriFragment(where);
  validator.GetInvalidSchemaPointer().StringifyUriFragment(keyword);
  return std::string(where.GetString()) + " fails " + keyword.GetString() + " (" +
         validator.GetInvalidSchemaKeyword() + ")";
}

TEST_CASE("JSON node-link output has networkx's layout and real evidence records", "[io][json]") {
  const std::string text = JsonGraphToString(testing::RichGraph());
  CHECK(text.rfind(
            "{\"directed\":true,\"multigraph\":true,\"graph\":{\"profile\":\"newsgraph-json/1\"",
            0) == 0);
  CHECK(text.find("\"extra_types\":{\"node\":{\"founded\":\"int\"}}") != std::string::npos);
  CHECK(text.find("{\"id\":\"country_uzb\",\"label\":\"Ouzbékistan\"") != std::string::npos);
  CHECK(text.find("\"aliases\":[\"Ouzbékistan\",\"Uzbekistan\",\"l'Ouzbékistan\"]") !=
        std::string::npos);
  CHECK(text.find("\"article_mentions\":{\"a1\":3,\"a2\":1}") != std::string::npos);
  CHECK(text.find("{\"source\":\"country_civ\",\"target\":\"country_uzb\","
                  "\"key\":\"country_civ.cooperation.country_uzb\"") != std::string::npos);
  CHECK(text.find("\"evidence\":[{\"article\":\"a1\",\"sentence\":\"L'Ouzbékistan et la Côte "
                  "d'Ivoire \\\"coopèrent\\\".\",\"begin\":10,\"end\":60,") != std::string::npos);
  CHECK(text.find("\"population\":36000000") != std::string::npos);
  CHECK(text.find("\"is_state_actor\":true") != std::string::npos);
}

TEST_CASE("JSON write, read, write gives identical bytes", "[io][json]") {
  const KnowledgeGraph original = testing::RichGraph();
  const std::string first = JsonGraphToString(original);
  Result<KnowledgeGraph> read = ReadJsonGraph(first, "g.json");
  REQUIRE(read.ok());
  CHECK(JsonGraphToString(*read) == first);
  // Nothing is lost on the way: the GraphML of both graphs is the same.
  CHECK(GraphmlToString(*read) == GraphmlToString(original));
  NodeId un = *read->FindNode("org_un");
  REQUIRE(read->FindEdge(un, "reform", un));
}

TEST_CASE("JSON output validates against graph_schemas/graph.schema.json", "[io][json][schema]") {
  CHECK(SchemaErrors(JsonGraphToString(testing::RichGraph())) == "");
  for (const char* file : {"foreign/gephi-football.graphml", "foreign/networkx-written.graphml",
                           "foreign/yed-style.graphml"}) {
    INFO(file);
    const std::string path = std::string(NEWSGRAPH_SHARED_DIR) + "/interop/" + file;
    Result<std::string> text = ReadFile(path);
    REQUIRE(text.ok());
    Result<KnowledgeGraph> g = ReadGraphml(*text, path);
    REQUIRE(g.ok());
    CHECK(SchemaErrors(JsonGraphToString(*g)) == "");
  }
  SECTION("and the schema can fail") {
    CHECK(SchemaErrors("{\"directed\":true,\"multigraph\":true,\"graph\":{\"profile\":"
                       "\"newsgraph-json/1\"},\"nodes\":[{\"label\":\"no id\"}],\"links\":[]}") !=
          "");
  }
}

TEST_CASE("JSON reader takes networkx output and reports errors with a place", "[io][json]") {
  SECTION("networkx node_link_data of an undirected graph") {
    const std::string nx =
        "{\"directed\": false, \"multigraph\": false, \"graph\": {\"name\": \"g\"},"
        " \"nodes\": [{\"weight\": 2, \"id\": 1}, {\"id\": \"Côte d'Ivoire\"}],"
        " \"links\": [{\"w\": 0.5, \"source\": 1, \"target\": \"Côte d'Ivoire\", \"note\": null}]}";
    Result<KnowledgeGraph> g = ReadJsonGraph(nx, "nx.json");
    REQUIRE(g.ok());
    CHECK(g->num_nodes() == 2);
    CHECK(g->FindNode("1"));
    CHECK(g->FindNode("C_te_d_Ivoire"));
    CHECK(g->edge(0).symmetric);
    CHECK(g->edge(0).id == "e0");
    CHECK(g->edge(0).extra.at("w") == Attribute{"double", "0.5"});
    CHECK(g->node(*g->FindNode("1")).extra.at("weight") == Attribute{"long", "2"});
    CHECK(g->data().extra.at("name") == Attribute{"string", "g"});
  }
  SECTION("truncated JSON") {
    Result<KnowledgeGraph> g =
        ReadJsonGraph("{\"nodes\": [\n  {\"id\": \"a\"},\n  {\"id\": ", "t.json");
    REQUIRE_FALSE(g.ok());
    CHECK_THAT(g.status().message(), Catch::StartsWith("t.json:3:10: invalid JSON: "));
  }
  SECTION("a link to a missing node") {
    Result<KnowledgeGraph> g = ReadJsonGraph(
        "{\"nodes\":[{\"id\":\"a\"}],\"links\":[{\"source\":\"a\",\"target\":\"b\"}]}", "m.json");
    REQUIRE_FALSE(g.ok());
    CHECK(g.status().message() == "m.json: links[0]: unknown target node 'b'");
  }
  SECTION("empty and binary input") {
    CHECK(ReadJsonGraph("", "e.json").status().message() == "e.json: empty file");
    CHECK_THAT(ReadJsonGraph(std::string("{\0}", 3), "b.json").status().message(),
               Catch::StartsWith("b.json:1:2: binary data"));
  }
}

}  // namespace
}  // namespace newsgraph
