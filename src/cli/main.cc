// newsgraph: news articles -> an evidenced knowledge graph. See README.md.
#include <iostream>
#include <string>

#include "cli/command.h"
#include "newsgraph/base/edit_distance.h"

namespace {

using newsgraph::cli::Commands;

// A first word that is not an option and not a command gets "did you mean".
int UnknownCommand(const std::string& word) {
  std::vector<std::string> names;
  for (const auto& c : Commands()) names.push_back(c.name);
  std::cerr << "newsgraph: error: unknown command '" << word << "'";
  auto close = newsgraph::ClosestMatches(word, names, std::max<size_t>(2, word.size() / 3));
  if (!close.empty()) std::cerr << ", did you mean '" << close.front() << "'?";
  std::cerr << "\nrun 'newsgraph --help' for the list of commands\n";
  return newsgraph::cli::kExitUsageError;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"newsgraph: turns news articles into a knowledge graph with evidence", "newsgraph"};
  app.set_version_flag("--version", std::string("newsgraph ") + NEWSGRAPH_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Run 'newsgraph COMMAND --help' for a command's options.\n"
      "Exit codes: 0 ok, 1 input error, 2 usage error.");

  if (argc >= 2 && argv[1][0] != '-') {
    bool known = false;
    for (const auto& c : Commands()) known |= std::string(argv[1]) == c.name;
    if (!known) return UnknownCommand(argv[1]);
  }

  std::vector<std::pair<CLI::App*, newsgraph::cli::CommandRunner>> runners;
  for (const auto& c : Commands()) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    runners.emplace_back(sub, c.set_up(sub));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return newsgraph::cli::kExitUsageError;
  }
  for (auto& [sub, run] : runners) {
    if (sub->parsed()) return run();
  }
  return newsgraph::cli::kExitUsageError;
}
