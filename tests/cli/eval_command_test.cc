// newsgraph eval, driven as a user drives it.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "cli/run_command.h"
#include "newsgraph/eval/gold.h"
#include "newsgraph/io/graph_io.h"

namespace newsgraph::testing {
namespace {

namespace fs = std::filesystem;

const std::string kSeedGold =
    std::string(NEWSGRAPH_SOURCE_DIR) + "/examples/inde-asie-centrale.gold.json";

struct EvalDir {
  fs::path path;
  EvalDir() {
    path = fs::temp_directory_path() / ("newsgraph_cli_eval_" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~EvalDir() { fs::remove_all(path); }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

// The graph a perfect extractor would write for a gold file: its required
// entities and relations, with the article as provenance.
KnowledgeGraph PerfectGraph(const GoldGraph& gold) {
  KnowledgeGraph g;
  for (const GoldEntity& e : gold.entities) {
    if (e.optional) continue;
    NodeData d;
    d.id = e.key;
    d.category = e.type;
    d.label = e.name;
    d.wikidata = e.qid;
    d.date = e.date;
    g.AddMention(g.AddNode(std::move(d)), gold.ArticleId());
  }
  uint64_t at = 0;
  for (const GoldRelation& r : gold.relations) {
    if (r.optional) continue;
    EdgeId e = g.AddEdge(*g.FindNode(r.source), r.relation, *g.FindNode(r.target),
                         r.relation == "cooperates_with");
    Evidence ev;
    ev.article_id = gold.ArticleId();
    ev.sentence = r.evidence;
    ev.begin = at;
    ev.end = at + 1;
    at += 1;
    g.AddEvidence(e, ev);
  }
  g.Finalize();
  return g;
}

TEST_CASE("eval scores a perfect graph of the seed article as perfect", "[cli][eval]") {
  EvalDir dir;
  Result<GoldGraph> gold = LoadGold(kSeedGold);
  REQUIRE(gold.ok());
  const std::string graph = dir / "g.graphml";
  REQUIRE(WriteGraph(PerfectGraph(*gold), graph, GraphFormat::kGraphml).ok());

  CommandResult r = RunNewsgraph("eval " + ShellQuote(graph) + " " + ShellQuote(kSeedGold) +
                                 " --min-entity-f1 1 --min-relation-f1 1");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out,
             Catch::Contains("  entities                         27      0      0     1.000"));
  CHECK_THAT(r.out,
             Catch::Contains("  relations                        53      0      0     1.000"));

  CommandResult j = RunNewsgraph("eval --json " + ShellQuote(graph) + " " + ShellQuote(kSeedGold));
  CHECK(j.exit_code == 0);
  CHECK_THAT(j.out, Catch::StartsWith("{\"entities\":{\"tp\":27,\"fp\":0,\"fn\":0,"));
}

TEST_CASE("eval exits 1 below a threshold and names the score", "[cli][eval]") {
  EvalDir dir;
  Result<GoldGraph> gold = LoadGold(kSeedGold);
  REQUIRE(gold.ok());
  gold->relations.resize(5);  // only India's cooperation is extracted
  const std::string graph = dir / "g.json";
  REQUIRE(WriteGraph(PerfectGraph(*gold), graph, GraphFormat::kJson).ok());
  const std::string args = ShellQuote(graph) + " " + ShellQuote(kSeedGold);

  CHECK(RunNewsgraph("eval " + args + " --min-entity-f1 0.9").exit_code == 0);
  CommandResult r = RunNewsgraph("eval " + args + " --min-relation-f1 0.5");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("relation F1 0.17"));
  CHECK_THAT(r.err, Catch::Contains("is below --min-relation-f1 0.5"));
  CHECK_THAT(r.out, Catch::Contains("missed relations (48)"));
  CHECK(RunNewsgraph("eval " + args + " --min-relation-f1 2").exit_code == 2);
}

TEST_CASE("eval reports a broken gold file with line and column", "[cli][eval]") {
  EvalDir dir;
  Result<GoldGraph> gold = LoadGold(kSeedGold);
  REQUIRE(gold.ok());
  const std::string graph = dir / "g.graphml";
  REQUIRE(WriteGraph(PerfectGraph(*gold), graph, GraphFormat::kGraphml).ok());
  const std::string bad = dir / "bad.gold.json";
  std::ofstream(bad) << "{\"article\": \"a.txt\",\n \"entities\": [{\"key\": \"a\"}],\n"
                        " \"relations\": []}\n";
  CommandResult r = RunNewsgraph("eval " + ShellQuote(graph) + " " + ShellQuote(bad));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(bad + ":2:15: missing field 'type'"));
  CHECK(RunNewsgraph("eval " + ShellQuote(graph)).exit_code == 2);  // no gold file
  CHECK(RunNewsgraph("eval /nonexistent.graphml " + ShellQuote(kSeedGold)).exit_code == 1);
}

}  // namespace
}  // namespace newsgraph::testing
