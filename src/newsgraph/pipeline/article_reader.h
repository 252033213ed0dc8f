// Reading articles from the inputs a user names: .txt files (first line the
// title), JSON Lines files ({"id","title","text","date","url","lang"}, only
// "text" required), directories of them (sorted, recursive), or "-" for
// standard input (JSON Lines if it starts with '{', else one .txt article).
//
//   ArticleReader reader({"news/", "extra.jsonl"});
//   std::vector<Article> batch;
//   while (reader.NextBatch(256, &batch)) Process(batch);
//   for (const auto& skip : reader.skipped()) std::cerr << skip.message << "\n";
//
// Nothing is dropped silently: an article that cannot be read (invalid UTF-8,
// a broken JSON line, empty text) is recorded in skipped() with a message that
// names the file and line or byte, and the others go on. A missing input path
// or an unreadable file is a hard error (Status). Articles stream in batches,
// so memory grows with the batch, not with the corpus. Not thread-safe.
#ifndef NEWSGRAPH_PIPELINE_ARTICLE_READER_H_
#define NEWSGRAPH_PIPELINE_ARTICLE_READER_H_

#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/base/status.h"
#include "newsgraph/extract/article.h"

namespace newsgraph {

struct SkippedArticle {
  std::string where;    // "file.jsonl:12" or "file.txt"
  std::string reason;   // short category: "invalid UTF-8", "broken JSON line", ...
  std::string message;  // the full located message
};

class ArticleReader {
 public:
  explicit ArticleReader(std::vector<std::string> inputs);
  ~ArticleReader();

  // Checks that every input exists and expands directories. Call once first.
  Status Open();

  // Clears *batch and fills it with up to max_articles articles. Returns
  // false when the inputs are exhausted and *batch is empty; a hard error
  // (unreadable file) is then in status().
  bool NextBatch(size_t max_articles, std::vector<Article>* batch);

  const Status& status() const { return status_; }
  const std::vector<SkippedArticle>& skipped() const { return skipped_; }
  // Located, non-fatal remarks (an article kept, with a field ignored).
  const std::vector<std::string>& warnings() const { return warnings_; }
  size_t articles_read() const { return articles_read_; }

 private:
  // Reads the next article into *out; false at the end of all inputs (or on
  // a hard error, then in status_).
  bool Next(Article* out);
  bool NextJsonLine(Article* out);  // from the open JSON Lines stream
  // Parses *line in place (it is clobbered).
  bool ParseJsonLine(std::string* line, Article* out);
  bool ParseTextArticle(const std::string& name, std::string bytes, Article* out);
  void Skip(std::string where, std::string reason, std::string message);

  std::vector<std::string> inputs_;
  std::vector<std::string> files_;  // expanded, in order
  size_t next_file_ = 0;
  std::unique_ptr<std::istream> owned_stream_;  // the open JSON Lines file
  std::istream* jsonl_ = nullptr;               // it, or std::cin
  std::string jsonl_name_;
  size_t jsonl_line_ = 0;
  std::string line_;  // the current JSON line (buffer reused across lines)
  std::vector<SkippedArticle> skipped_;
  std::vector<std::string> warnings_;
  size_t articles_read_ = 0;
  Status status_;
};

// The article id of a file: its name without directory and extension.
std::string ArticleIdFromPath(const std::string& path);

}  // namespace newsgraph

#endif  // NEWSGRAPH_PIPELINE_ARTICLE_READER_H_
