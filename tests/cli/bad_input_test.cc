// Bad input, command by command: one clear located message, exit 1, and no
// output file left behind.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "cli/run_command.h"

namespace newsgraph::testing {
namespace {

namespace fs = std::filesystem;

struct BadFile {
  const char* name;
  std::string bytes;
  const char* expected;  // substring of the message, after the file name
};

const std::vector<BadFile>& BadFiles() {
  static const std::vector<BadFile> kFiles = {
      {"empty.graphml", "", ": empty file"},
      {"truncated.graphml",
       "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
       "  <graph edgedefault=\"directed\">\n    <node id=\"a\"/>\n    <node id=\"b\">\n",
       ":5:"},
      {"truncated.json",
       "{\"directed\":true,\"nodes\":[{\"id\":\"a\"},\n{\"id\":", ":2:7: invalid JSON"},
      {"entities.graphml",
       "<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY lol \"lol\">]>\n"
       "<graphml><graph edgedefault=\"directed\"><node id=\"&lol;\"/></graph></graphml>\n",
       ":2:1: DOCTYPE declarations are refused"},
      {"external.graphml",
       "<?xml version=\"1.0\"?>\n<!DOCTYPE g SYSTEM "
       "\"http://example.invalid/x.dtd\">\n<graphml/>\n",
       ":2:1: DOCTYPE declarations are refused"},
      {"latin1.graphml", "<graphml>\xE9t\xE9</graphml>", ":1:10: invalid UTF-8 (byte 9 is 0xE9)"},
      {"zip.graphml", std::string("PK\x03\x04\0\0abc", 9),
       ":1:5: binary data (NUL byte at byte 4)"},
      {"list.json", "[1, 2, 3]", ""},
  };
  return kFiles;
}

struct Scratch {
  fs::path dir;
  Scratch() {
    dir = fs::temp_directory_path() / ("newsgraph_bad_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "a_directory.graphml");
    for (const BadFile& f : BadFiles()) std::ofstream(dir / f.name, std::ios::binary) << f.bytes;
  }
  ~Scratch() { fs::remove_all(dir); }
  std::string operator/(const std::string& name) const { return (dir / name).string(); }
};

TEST_CASE("Every graph-reading command rejects bad files with a located message and exit 1",
          "[cli][bad-input]") {
  Scratch s;
  const std::string out = s / "out.graphml";
  // {command prefix, command suffix}: the bad file goes in between.
  const std::vector<std::pair<std::string, std::string>> commands = {
      {"convert ", " " + ShellQuote(out)},
      {"validate ", ""},
      {"stats ", ""},
      {"merge -o " + ShellQuote(out) + " ", ""},
      {"path --from a --to b ", ""},
  };
  for (const auto& [prefix, suffix] : commands) {
    for (const BadFile& f : BadFiles()) {
      const std::string path = s / f.name;
      CommandResult r = RunNewsgraph(prefix + ShellQuote(path) + suffix);
      INFO("newsgraph " << prefix << f.name << suffix << "\n" << r.err);
      CHECK(r.exit_code == 1);
      CHECK_THAT(r.err, Catch::StartsWith("newsgraph: error: " + path + f.expected));
      CHECK_FALSE(fs::exists(out));
    }
    CommandResult missing = RunNewsgraph(prefix + ShellQuote(s / "missing.graphml") + suffix);
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.err, Catch::Contains("missing.graphml: no such file"));
    CommandResult dir = RunNewsgraph(prefix + ShellQuote(s / "a_directory.graphml") + suffix);
    CHECK(dir.exit_code == 1);
    CHECK_THAT(dir.err, Catch::Contains("a_directory.graphml: is a directory"));
    CHECK_FALSE(fs::exists(out));
  }
}

TEST_CASE("An unknown output extension is a usage error that lists the known ones",
          "[cli][bad-input]") {
  Scratch s;
  const std::string seed = std::string(NEWSGRAPH_SOURCE_DIR) + "/examples/inde-asie-centrale.txt";
  CommandResult r = RunNewsgraph("extract " + ShellQuote(seed) + " -o " + ShellQuote(s / "g.docx"));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(".graphml"));
  CHECK_FALSE(fs::exists(s / "g.docx"));
}

TEST_CASE("An article in neither French nor English is reported and skipped, the others kept",
          "[cli][bad-input]") {
  Scratch s;
  std::ofstream(s / "de.txt") << "Gipfel in Berlin\nDie Regierung hat am Montag in Berlin die "
                                 "Zusammenarbeit mit den Nachbarländern besprochen. Der Minister "
                                 "sagte, dass die Gespräche gut waren und weitergehen werden.\n";
  std::ofstream(s / "en.txt")
      << "Talks\nIndia and Kazakhstan agreed to deepen their cooperation.\n";
  CommandResult r = RunNewsgraph("extract " + ShellQuote(s / "de.txt") + " " +
                                 ShellQuote(s / "en.txt") + " -o " + ShellQuote(s / "g.graphml"));
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("de.txt"));
  CHECK_THAT(r.err,
             Catch::Contains("read 2 articles: 1 extracted, 1 skipped (1 unknown language)"));
  CHECK(fs::exists(s / "g.graphml"));
}

}  // namespace
}  // namespace newsgraph::testing
