// The command line, driven as a user drives it: the real executable.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "cli/run_command.h"

namespace newsgraph::testing {
namespace {

namespace fs = std::filesystem;

const std::string kSeed = std::string(NEWSGRAPH_SOURCE_DIR) + "/examples/inde-asie-centrale.txt";

struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& tag) {
    path = fs::temp_directory_path() / ("newsgraph_cli_" + tag + "_" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
  size_t FileCount() const {
    return static_cast<size_t>(
        std::distance(fs::directory_iterator(path), fs::directory_iterator()));
  }
};

TEST_CASE("newsgraph --help lists every command", "[cli]") {
  CommandResult r = RunNewsgraph("--help");
  CHECK(r.exit_code == 0);
  for (const char* command : {"extract", "validate"}) {
    CHECK_THAT(r.out, Catch::Contains(command));
  }
  CommandResult sub = RunNewsgraph("extract --help");
  CHECK(sub.exit_code == 0);
  CHECK_THAT(sub.out, Catch::Contains("--threads"));
}

TEST_CASE("A mistyped command gets 'did you mean' and exit code 2", "[cli]") {
  CommandResult r = RunNewsgraph("extrat x.txt");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("unknown command 'extrat', did you mean 'extract'?"));
  CHECK(RunNewsgraph("").exit_code == 2);
  CHECK(RunNewsgraph("extract --no-such-option a.txt").exit_code == 2);
}

TEST_CASE("extract on a missing file fails with exit 1 and writes nothing", "[cli][extract]") {
  TempDir dir("missing");
  CommandResult r = RunNewsgraph("extract /nonexistent/a.txt -o " + ShellQuote(dir / "g.graphml"));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("/nonexistent/a.txt: no such file or directory"));
  CHECK(dir.FileCount() == 0);
}

TEST_CASE("extract with no usable article fails and leaves no output file", "[cli][extract]") {
  TempDir dir("unusable");
  std::ofstream(dir / "bad.txt", std::ios::binary) << "Titre\nl\xE2\x80 Inde \xFF\n";
  std::ofstream(dir / "empty.txt", std::ios::binary) << "";
  CommandResult r =
      RunNewsgraph("extract " + ShellQuote(dir / "bad.txt") + " " + ShellQuote(dir / "empty.txt") +
                   " -o " + ShellQuote(dir / "g.graphml"));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("bad.txt:2:2: invalid UTF-8"));
  CHECK_THAT(r.err, Catch::Contains("no article could be extracted"));
  CHECK_THAT(r.err, Catch::Contains("2 skipped"));
  CHECK_FALSE(fs::exists(dir / "g.graphml"));
}

TEST_CASE("extract on the seed writes a graph and says what it holds", "[cli][extract]") {
  TempDir dir("seed");
  CommandResult r =
      RunNewsgraph("extract " + ShellQuote(kSeed) + " -o " + ShellQuote(dir / "seed.graphml"));
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("wrote " + (dir / "seed.graphml")));
  CHECK_THAT(r.out, Catch::Contains(" country"));
  CHECK_THAT(r.err, Catch::Contains("read 1 article: 1 extracted, 0 skipped"));
  CHECK(fs::file_size(dir / "seed.graphml") > 1000);

  CommandResult valid = RunNewsgraph("validate " + ShellQuote(dir / "seed.graphml"));
  CHECK(valid.exit_code == 0);
  CHECK(valid.err.empty());
}

TEST_CASE("extract gives the same bytes at any thread count, run after run", "[cli][extract]") {
  TempDir dir("determinism");
  const std::string examples = std::string(NEWSGRAPH_SOURCE_DIR) + "/examples";
  for (const char* format : {"graphml", "json", "gexf"}) {
    std::string one = dir / (std::string("one.") + format);
    std::string two = dir / (std::string("two.") + format);
    std::string again = dir / (std::string("again.") + format);
    REQUIRE(
        RunNewsgraph("extract -q --threads 1 " + ShellQuote(examples) + " -o " + ShellQuote(one))
            .exit_code == 0);
    REQUIRE(
        RunNewsgraph("extract -q --threads 2 " + ShellQuote(examples) + " -o " + ShellQuote(two))
            .exit_code == 0);
    REQUIRE(
        RunNewsgraph("extract -q --threads 4 " + ShellQuote(examples) + " -o " + ShellQuote(again))
            .exit_code == 0);
    INFO(format);
    CHECK(ReadFileOrEmpty(one) == ReadFileOrEmpty(two));
    CHECK(ReadFileOrEmpty(one) == ReadFileOrEmpty(again));
  }
}

TEST_CASE("Every graph file extract writes passes the interop checker", "[cli][extract][interop]") {
  const std::string checker = std::string(NEWSGRAPH_SHARED_DIR) + "/interop/check_graph.sh";
  if (!fs::exists(checker)) {
    WARN("skipped: " << checker << " not found (no ../shared beside the project)");
    return;
  }
  TempDir dir("interop");
  const std::string examples = std::string(NEWSGRAPH_SOURCE_DIR) + "/examples";
  REQUIRE(
      RunNewsgraph("extract -q " + ShellQuote(examples) + " -o " + ShellQuote(dir / "all.graphml"))
          .exit_code == 0);
  REQUIRE(RunNewsgraph("extract -q " + ShellQuote(examples) + " -o " + ShellQuote(dir / "all.gexf"))
              .exit_code == 0);
  CommandResult graphml = RunShell("bash " + ShellQuote(checker) + " " +
                                   ShellQuote(dir / "all.graphml") + " --profile");
  INFO(graphml.out << graphml.err);
  CHECK(graphml.exit_code == 0);
  CommandResult gexf = RunShell("bash " + ShellQuote(checker) + " " + ShellQuote(dir / "all.gexf"));
  INFO(gexf.out << gexf.err);
  CHECK(gexf.exit_code == 0);
}

TEST_CASE("extract reads JSON Lines from standard input", "[cli][extract]") {
  TempDir dir("stdin");
  const std::string line =
      "{\"id\":\"s1\",\"lang\":\"en\",\"text\":\"India and Kazakhstan agreed to deepen their "
      "cooperation on rare earths.\"}";
  CommandResult r =
      RunShell("printf '%s\\n' " + ShellQuote(line) + " | " + ShellQuote(NEWSGRAPH_CLI) +
               " extract - -o " + ShellQuote(dir / "s.json"));
  REQUIRE(r.exit_code == 0);
  std::string json = ReadFileOrEmpty(dir / "s.json");
  CHECK_THAT(json, Catch::Contains("country_ind"));
  CHECK_THAT(json, Catch::Contains("country_kaz"));
}

}  // namespace
}  // namespace newsgraph::testing
