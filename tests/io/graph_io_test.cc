#include "newsgraph/io/graph_io.h"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/test_graphs.h"
#include "newsgraph/base/file.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

fs::path TempDir() {
  fs::path dir = fs::temp_directory_path() / ("newsgraph_io_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

TEST_CASE("FormatFromPath goes by extension and lists the known ones", "[io][graph_io]") {
  CHECK(*FormatFromPath("out/g.graphml") == GraphFormat::kGraphml);
  CHECK(*FormatFromPath("g.XML") == GraphFormat::kGraphml);
  CHECK(*FormatFromPath("g.gexf") == GraphFormat::kGexf);
  CHECK(*FormatFromPath("g.json") == GraphFormat::kJson);
  Result<GraphFormat> bad = FormatFromPath("dir.v2/graph.csv");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kUsageError);
  CHECK(bad.status().message() ==
        "dir.v2/graph.csv: unknown graph file extension (known: .graphml .xml .gexf .json)");
  CHECK_FALSE(FormatFromPath("dir.graphml/noext").ok());
}

TEST_CASE("ReadGraph and WriteGraph convert between formats through files", "[io][graph_io]") {
  const fs::path dir = TempDir();
  const KnowledgeGraph g = testing::RichGraph();
  for (GraphFormat f : {GraphFormat::kGraphml, GraphFormat::kJson}) {
    const std::string path = (dir / (std::string("g.") + std::string(GraphFormatName(f)))).string();
    REQUIRE(WriteGraph(g, path, f).message() == "");
    Result<std::string> bytes = ReadFile(path);
    REQUIRE(bytes.ok());
    CHECK(*bytes == WriteGraphToString(g, f));
    Result<KnowledgeGraph> back = ReadGraph(path);
    REQUIRE(back.ok());
    CHECK(WriteGraphToString(*back, GraphFormat::kGraphml) ==
          WriteGraphToString(g, GraphFormat::kGraphml));
  }
  const std::string gexf = (dir / "g.gexf").string();
  REQUIRE(WriteGraph(g, gexf, GraphFormat::kGexf).ok());
  Result<KnowledgeGraph> refused = ReadGraph(gexf);
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.status().message(),
             Catch::StartsWith(gexf + ": reading GEXF is not supported"));
  CHECK(ReadGraph((dir / "missing.graphml").string()).status().message() ==
        (dir / "missing.graphml").string() + ": no such file");
  fs::remove_all(dir);
}

// Runs the shared interoperability checker (xmllint + networkx + igraph +
// graphology) on files with every attribute kind.
TEST_CASE("Written GraphML and GEXF pass check_graph.sh", "[io][interop][slow]") {
  const std::string script = std::string(NEWSGRAPH_SHARED_DIR) + "/interop/check_graph.sh";
  if (!fs::exists(script)) {
    WARN("skipped: " << script << " not found");
    return;
  }
  const fs::path dir = TempDir();
  const KnowledgeGraph g = testing::RichGraph();
  const std::string graphml = (dir / "rich.graphml").string();
  const std::string gexf = (dir / "rich.gexf").string();
  REQUIRE(WriteGraph(g, graphml, GraphFormat::kGraphml).ok());
  REQUIRE(WriteGraph(g, gexf, GraphFormat::kGexf).ok());
  for (const std::string& args : {graphml + " --profile", gexf}) {
    const std::string log = (dir / "check.log").string();
    const std::string command = "SKIP_INSTALL=1 " + script + " " + args + " > " + log + " 2>&1";
    int status = std::system(command.c_str());
    std::ifstream in(log);
    std::stringstream output;
    output << in.rdbuf();
    INFO(command << "\n" << output.str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(output.str().find("RESULT: PASS") != std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("Edges of one id between different nodes survive every format", "[io][graph_io]") {
  // Two Gephi files both number their edges from "e0": a merge keeps both
  // edges, and every file written of it must hold each id once and read back
  // into the same graph.
  KnowledgeGraph g = testing::SharedEdgeIds(2);
  g.Finalize();
  const std::string graphml = WriteGraphToString(g, GraphFormat::kGraphml);
  CHECK(graphml.find("<edge id=\"e0\"") != std::string::npos);
  CHECK(graphml.find("<edge id=\"e0_2\"") != std::string::npos);
  const std::string gexf = WriteGraphToString(g, GraphFormat::kGexf);
  CHECK(gexf.find("<edge id=\"e0_2\"") != std::string::npos);
  for (GraphFormat format : {GraphFormat::kGraphml, GraphFormat::kJson}) {
    const std::string once = WriteGraphToString(g, format);
    Result<KnowledgeGraph> back = ReadGraphFromString(once, "g", format);
    REQUIRE(back.ok());
    REQUIRE(back->num_edges() == 2);
    CHECK(back->edge(0).id == "e0");
    CHECK(back->edge(1).id == "e0");
    CHECK(WriteGraphToString(*back, format) == once);
  }
}

}  // namespace
}  // namespace newsgraph
