// Extraction quality on the project's examples, measured as a user measures
// it: the real `newsgraph extract`, then `newsgraph eval --min-entity-f1
// --min-relation-f1` against each gold file. Thresholds sit just under the
// scores reached, so a regression in the extraction engine fails here.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/run_command.h"

namespace newsgraph::testing {
namespace {

namespace fs = std::filesystem;

const std::string kExamples = std::string(NEWSGRAPH_SOURCE_DIR) + "/examples";

struct Expectation {
  const char* name;
  double min_entity_f1;
  double min_relation_f1;
};

// Reached (entity F1 / relation F1). The first seven were written while the
// rules were: asean 0.976/0.833, attaque-gwadar 0.867/0.824, china-gallium
// 0.875/0.632, eu-central-asia 0.873/0.811, gaz-ouzbekistan 0.824/0.500,
// inde-asie-centrale 0.947/0.879, ocs 0.955/0.773. The six after them
// were written without reading the rules and show where the rules fall short:
// cedeao 0.857/0.550, g20 0.875/0.214, korea-zambia-congo 0.737/0.182, natuna
// 0.857/0.261, tigre 0.895/0.273, visite-mexique-maroc 0.717/0.080. The last
// four, written the same way, started at: coup-tchad 0.800/0.190, gas-serbia
// 0.688/0.296, graphite 0.778/0.621, baltic 0.750/0.048; and the four after
// them, at their first run: sanctions-eu-iran 0.700/0.187, inondations-burundi
// 0.846/0.182, nuclear-korea-philippines 0.704/0.333, frontiere-maritime
// 0.737/0.222; and four more, written the same way, at their first run
// (rules of d2db640): pacific-tuna 0.873/0.159, caspian-connectivity
// 0.829/0.475, coi-sommet 0.654/0.039, lithium-forum 0.821/0.235; and four more
// (rules of 37a7168): salon-hydrogene-dakhla 0.839/0.400, frontier-post-attack-niger
// 0.808/0.562, expulsion-diplomates-equateur-colombie 0.863/0.391, gold-sanctions-sahel
// 0.881/0.457; and four more (rules of ffc1b34 with two lexicon entries
// after it): sommet-eau-dakar 0.841/0.739, visite-etat-vietnam-france
// 0.723/0.091, energy-ministers-baku 0.771/0.367, border-talks-armenia-azerbaijan
// 0.864/0.364; and six more (rules of 91519df), written in the manner of wire
// copy from several agencies: attaque-convoi-menaka 0.727/0.187,
// forum-solaire-ouarzazate 0.793/0.564, gcc-turkiye-strategic-dialogue-riyadh
// 0.889/0.414, igad-summit-djibouti 0.828/0.400, vietnam-rare-earth-ore-ban
// 0.681/0.500, visite-mauritanie-senegal 0.681/0.629 (together 0.776/0.444);
// and six more the same way (rules of 95a7869, the seventh session's, which
// gave 0.852/0.430 with the rules of 91519df): cmf-francophonie-phnom-penh
// 0.900/0.464, japan-indonesia-nickel-pact 0.774/0.452,
// manganese-gabon-interdiction 0.865/0.267, mercosur-summit-asuncion
// 0.866/0.291, pirogues-guinee-sierra-leone 0.800/0.500,
// sudan-pledging-conference-berlin 0.873/0.622 (together 0.849/0.444).
// The thresholds sit under the scores now reached (printed by
// `newsgraph eval` per example).
const std::vector<Expectation> kExpectations = {
    {"asean-ministers-kuala-lumpur", 0.97, 0.90},
    {"attaque-gwadar", 0.99, 0.94},
    {"china-gallium-export-ban", 0.96, 0.86},
    {"eu-central-asia-raw-materials", 0.88, 0.91},
    {"gaz-ouzbekistan-russie", 0.90, 0.61},
    {"inde-asie-centrale", 0.95, 0.99},
    {"ocs-ministres-astana", 0.97, 0.87},
    {"cedeao-sommet-guinee-bissau", 0.91, 0.72},
    {"g20-agriculture-ministers-denver", 0.93, 0.42},
    {"korea-zambia-congo-cobalt-copper", 0.85, 0.41},
    {"natuna-coast-guard-ramming", 0.90, 0.51},
    {"tigre-irak-turquie-mediation", 0.96, 0.76},
    {"visite-mexique-maroc", 0.75, 0.36},
    {"coup-tchad-suspension-aide", 0.91, 0.43},
    {"gas-serbia-azerbaijan-russia-cap", 0.78, 0.63},
    {"graphite-partenariat-montreal", 0.84, 0.74},
    {"baltic-cable-sabotage-estonia", 0.88, 0.57},
    {"sanctions-eu-iran-missile-transfer", 0.81, 0.58},
    {"inondations-burundi-aide-bailleurs", 0.93, 0.81},
    {"nuclear-korea-philippines-bataan", 0.81, 0.34},
    {"frontiere-maritime-togo-benin", 0.84, 0.47},
    {"pacific-tuna-observers-tonga", 0.90, 0.59},
    {"caspian-connectivity-forum-aktau", 0.87, 0.74},
    {"coi-sommet-piraterie-vanille", 0.89, 0.69},
    {"lithium-forum-andin-salta", 0.87, 0.70},
    {"salon-hydrogene-dakhla", 0.88, 0.77},
    {"frontier-post-attack-niger-condemned", 0.85, 0.55},
    {"expulsion-diplomates-equateur-colombie", 0.90, 0.57},
    {"gold-sanctions-sahel-council", 0.94, 0.52},
    {"sommet-eau-dakar-participants", 0.87, 0.79},
    {"visite-etat-vietnam-france", 0.83, 0.47},
    {"energy-ministers-baku-meeting", 0.81, 0.62},
    {"border-talks-armenia-azerbaijan", 0.88, 0.66},
    {"attaque-convoi-menaka", 0.76, 0.34},
    {"forum-solaire-ouarzazate", 0.78, 0.72},
    {"gcc-turkiye-strategic-dialogue-riyadh", 0.90, 0.55},
    {"igad-summit-djibouti", 0.82, 0.64},
    {"vietnam-rare-earth-ore-ban", 0.78, 0.57},
    {"visite-mauritanie-senegal", 0.79, 0.84},
    {"cmf-francophonie-phnom-penh", 0.89, 0.52},
    {"japan-indonesia-nickel-pact", 0.76, 0.44},
    {"manganese-gabon-interdiction", 0.88, 0.26},
    {"mercosur-summit-asuncion", 0.87, 0.56},
    {"pirogues-guinee-sierra-leone", 0.82, 0.53},
    {"sudan-pledging-conference-berlin", 0.86, 0.64},
};

struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& tag) {
    path = fs::temp_directory_path() /
           ("newsgraph_examples_" + tag + "_" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

std::string Threshold(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

TEST_CASE("Every example with a gold file has committed quality thresholds",
          "[cli][eval][examples]") {
  size_t with_gold = 0;
  for (const auto& entry : fs::directory_iterator(kExamples)) {
    const fs::path p = entry.path();
    if (p.extension() != ".txt" || !fs::exists(fs::path(p).replace_extension(".gold.json")))
      continue;
    ++with_gold;
    const std::string stem = p.stem().string();
    bool listed = false;
    for (const Expectation& e : kExpectations) listed = listed || stem == e.name;
    INFO("example without thresholds: " << stem);
    CHECK(listed);
  }
  CHECK(with_gold == kExpectations.size());
}

TEST_CASE("Each example extracts at or above its committed entity and relation F1",
          "[cli][eval][examples]") {
  TempDir dir("each");
  for (const Expectation& e : kExpectations) {
    const std::string txt = kExamples + "/" + e.name + ".txt";
    const std::string gold = kExamples + "/" + e.name + ".gold.json";
    const std::string graph = dir / (std::string(e.name) + ".graphml");
    INFO(e.name);
    CommandResult x = RunNewsgraph("extract -q " + ShellQuote(txt) + " -o " + ShellQuote(graph));
    REQUIRE(x.exit_code == 0);
    CommandResult r = RunNewsgraph("eval " + ShellQuote(graph) + " " + ShellQuote(gold) +
                                   " --min-entity-f1 " + Threshold(e.min_entity_f1) +
                                   " --min-relation-f1 " + Threshold(e.min_relation_f1));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("The whole examples directory extracts at or above the combined thresholds",
          "[cli][eval][examples]") {
  TempDir dir("all");
  const std::string graph = dir / "examples.graphml";
  CommandResult x =
      RunNewsgraph("extract -q " + ShellQuote(kExamples) + " -o " + ShellQuote(graph));
  REQUIRE(x.exit_code == 0);
  std::string golds;
  for (const Expectation& e : kExpectations) {
    golds += " " + ShellQuote(kExamples + "/" + e.name + ".gold.json");
  }
  // Reached: entities 0.875, relations 0.655 on all 45 when the last six were
  // added (0.879 / 0.685 on the first 39 then, 0.873 / 0.660 when the six
  // before them were added, 0.889 / 0.698 on the first 33 then). Before: 0.889 / 0.696 on all 33
  // (0.880 / 0.661 when the last four were added, at their first run). Before: 0.891 / 0.691 on the
  // first 29 (0.880 / 0.664 when the four before them were added, at their
  // first run; 0.885 / 0.695 on the first 25 then). Before: 0.885 / 0.695 on all 25 (0.877 / 0.608
  // when the last four were added, 0.868 / 0.605 with the rules of d2db640, their first run; 0.882
  // / 0.712 on the first 21 before the last four were added; 0.852 / 0.606 at the start of the
  // fourth session, 0.862 / 0.621 on the first 13 at the start of the third).
  CommandResult r = RunNewsgraph("eval " + ShellQuote(graph) + golds +
                                 " --min-entity-f1 0.87 --min-relation-f1 0.65");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  // The thresholds bite: an impossible bar fails with exit 1.
  CommandResult strict =
      RunNewsgraph("eval " + ShellQuote(graph) + golds + " --min-relation-f1 1.0");
  CHECK(strict.exit_code == 1);
}

// The held-out set (examples/heldout/README.md): only its aggregate scores
// are looked at. Reached: entities 0.869, relations 0.489 (the aim is 0.8 and
// 0.6; 0.853 / 0.486 at the start of the sixth session, 0.852 / 0.452 at the
// start of the fifth).
TEST_CASE("The held-out set extracts at or above its aggregate floor", "[cli][eval][heldout]") {
  TempDir dir("heldout");
  const std::string graph = dir / "heldout.graphml";
  const std::string heldout = kExamples + "/heldout";
  CommandResult x = RunNewsgraph("extract -q " + ShellQuote(heldout) + " -o " + ShellQuote(graph));
  REQUIRE(x.exit_code == 0);
  std::string golds;
  size_t n = 0;
  for (const auto& entry : fs::directory_iterator(heldout)) {
    const std::string p = entry.path().string();
    if (p.size() > 10 && p.compare(p.size() - 10, 10, ".gold.json") == 0) {
      golds += " " + ShellQuote(p);
      ++n;
    }
  }
  CHECK(n == 8);
  // No INFO(r.out): the individual misses stay out of the test log.
  CommandResult r = RunNewsgraph("eval --json " + ShellQuote(graph) + golds +
                                 " --min-entity-f1 0.85 --min-relation-f1 0.48");
  CHECK(r.exit_code == 0);
}

}  // namespace
}  // namespace newsgraph::testing
