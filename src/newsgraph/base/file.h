// Reading input files with clear errors, and writing outputs atomically.
//
//   Result<std::string> text = ReadTextFile("article.txt");  // checked UTF-8
//   AtomicFile out;
//   NEWSGRAPH_RETURN_IF_ERROR(out.Open("graph.graphml"));
//   out.Write(bytes);
//   NEWSGRAPH_RETURN_IF_ERROR(out.Commit());  // rename into place
//
// An AtomicFile writes to a temporary file beside the target and renames it
// on Commit(); if Commit() is never reached the temporary file is removed, so
// a failed run leaves no partial output. Not thread-safe: one owner per file.
#ifndef NEWSGRAPH_BASE_FILE_H_
#define NEWSGRAPH_BASE_FILE_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "newsgraph/base/status.h"

namespace newsgraph {

// Reads a whole file as bytes. Errors name the path: missing file, a
// directory where a file is expected, unreadable. "-" reads standard input.
Result<std::string> ReadFile(const std::string& path);

// Reads a file that must be non-empty UTF-8 text: also rejects empty files,
// binary data (NUL bytes) and invalid UTF-8, naming line, column and byte.
Result<std::string> ReadTextFile(const std::string& path);

// Checks that `bytes`, read from `name`, is text: not empty, no NUL byte,
// valid UTF-8. Errors read "name:LINE:COL: ... (byte N)".
Status CheckText(std::string_view bytes, const std::string& name);

// Writes a whole output atomically (temporary file + rename).
Status WriteFileAtomic(const std::string& path, std::string_view bytes);

// A buffered output file that appears under its final name only on Commit().
// Path "-" writes to standard output (then Commit only flushes).
class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();  // removes the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  Status Open(const std::string& path);
  void Write(std::string_view bytes);
  void Put(char c) { std::fputc(c, file_); }
  Status Commit();

 private:
  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  bool is_stdout_ = false;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_BASE_FILE_H_
