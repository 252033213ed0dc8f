// Running the real newsgraph executable from tests and capturing what it says.
#ifndef NEWSGRAPH_TESTS_CLI_RUN_COMMAND_H_
#define NEWSGRAPH_TESTS_CLI_RUN_COMMAND_H_

#include <string>

namespace newsgraph::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs `newsgraph ARGS` (ARGS already shell-quoted) with stdin from /dev/null.
CommandResult RunNewsgraph(const std::string& args);

// Runs any shell command line, capturing both streams.
CommandResult RunShell(const std::string& command_line);

// Single-quotes a string for the shell.
std::string ShellQuote(const std::string& s);

std::string ReadFileOrEmpty(const std::string& path);

}  // namespace newsgraph::testing

#endif  // NEWSGRAPH_TESTS_CLI_RUN_COMMAND_H_
