// The command table: every `newsgraph COMMAND` is one row of kCommands
// (commands.cc) plus one *_command.cc that defines its SetUp function.
//
// A SetUp function registers the command's options on its CLI11 sub-app and
// returns what runs it once the command line is parsed; that returns the exit
// code: 0 ok, 1 input error, 2 usage error.
#ifndef NEWSGRAPH_CLI_COMMAND_H_
#define NEWSGRAPH_CLI_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "newsgraph/base/status.h"

namespace newsgraph::cli {

using CommandRunner = std::function<int()>;

struct Command {
  const char* name;
  const char* summary;
  CommandRunner (*set_up)(CLI::App* app);
};

const std::vector<Command>& Commands();

// Exit codes, the same for every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInputError = 1;
inline constexpr int kExitUsageError = 2;
// The query ran and found nothing (`path`: no path joins the two nodes), as
// grep's "no match": scripts can tell it from an error.
inline constexpr int kExitNotFound = 3;

// Prints "newsgraph: error: MESSAGE" on standard error and returns the exit
// code that matches the status.
int ReportError(const Status& status);

// The directory holding the ontology, gazetteers and lexicons: $NEWSGRAPH_SCHEMAS,
// else ../share/newsgraph/graph_schemas beside the executable, else the source tree's.
std::string SchemaDir();

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_CLI_COMMAND_H_
