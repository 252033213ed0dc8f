#include "cli/run_command.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace newsgraph::testing {

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

CommandResult RunShell(const std::string& command_line) {
  static std::atomic<int> counter{0};
  const std::string base =
      (std::filesystem::temp_directory_path() /
       ("newsgraph_cmd_" + std::to_string(::getpid()) + "_" + std::to_string(counter++)))
          .string();
  const std::string out_path = base + ".out", err_path = base + ".err";
  const std::string full =
      "(" + command_line + ") </dev/null >" + ShellQuote(out_path) + " 2>" + ShellQuote(err_path);
  int status = std::system(full.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFileOrEmpty(out_path);
  r.err = ReadFileOrEmpty(err_path);
  std::remove(out_path.c_str());
  std::remove(err_path.c_str());
  return r;
}

CommandResult RunNewsgraph(const std::string& args) {
  return RunShell(ShellQuote(NEWSGRAPH_CLI) + " " + args);
}

}  // namespace newsgraph::testing
