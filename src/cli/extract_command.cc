#include <iostream>

#include "cli/command.h"

namespace newsgraph::cli {

CommandRunner SetUpExtract(CLI::App* app) {
  auto inputs = std::make_shared<std::vector<std::string>>();
  app->add_option("inputs", *inputs, "articles: .txt, .jsonl, a directory, or - for stdin")
      ->required();
  return [inputs]() {
    std::cerr << "newsgraph: error: extract is not built yet\n";
    return kExitInputError;
  };
}

}  // namespace newsgraph::cli
