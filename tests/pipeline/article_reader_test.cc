#include "newsgraph/pipeline/article_reader.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("newsgraph_reader_" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string Write(const std::string& name, std::string_view bytes) const {
    fs::path p = path / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
};

std::vector<Article> ReadAll(ArticleReader* reader) {
  std::vector<Article> all, batch;
  while (reader->NextBatch(2, &batch)) all.insert(all.end(), batch.begin(), batch.end());
  return all;
}

TEST_CASE("A .txt article takes its title from the first line and its id from the name",
          "[pipeline][reader]") {
  TempDir dir;
  std::string path = dir.Write("inde-asie.txt", "Le titre\n\nLe corps du texte.\n");
  ArticleReader reader({path});
  REQUIRE(reader.Open().ok());
  auto articles = ReadAll(&reader);
  REQUIRE(articles.size() == 1);
  CHECK(articles[0].id == "inde-asie");
  CHECK(articles[0].title == "Le titre");
  CHECK(articles[0].text == "Le titre\n\nLe corps du texte.\n");
  CHECK(reader.skipped().empty());
}

TEST_CASE("JSON Lines: fields are read, broken lines are skipped and named by line number",
          "[pipeline][reader]") {
  TempDir dir;
  std::string path = dir.Write("feed.jsonl",
                               "{\"id\":\"a1\",\"title\":\"T\",\"text\":\"India and "
                               "China.\",\"date\":\"2025-06-06T08:00:00Z\","
                               "\"lang\":\"en\",\"url\":\"http://x\"}\n"
                               "\n"
                               "{\"id\":\"a2\",\"text\":\"broken\"\n"
                               "{\"text\":\"no id here\"}\n"
                               "{\"id\":\"a4\",\"text\":\"\"}\n"
                               "{\"id\":\"a5\",\"text\":\"bad \xC3( byte\"}\n"
                               "[1,2]\n");
  ArticleReader reader({path});
  REQUIRE(reader.Open().ok());
  auto articles = ReadAll(&reader);
  REQUIRE(articles.size() == 2);
  CHECK(articles[0].id == "a1");
  CHECK(articles[0].date == "2025-06-06");
  CHECK(articles[0].lang == "en");
  CHECK(articles[0].url == "http://x");
  CHECK(articles[1].id == "feed-4");  // no id: file stem and line number
  REQUIRE(reader.skipped().size() == 4);
  CHECK(reader.skipped()[0].where == path + ":3");
  CHECK(reader.skipped()[0].reason == "broken JSON line");
  CHECK_THAT(reader.skipped()[0].message, Catch::StartsWith(path + ":3:"));
  CHECK(reader.skipped()[1].reason == "empty article");
  CHECK(reader.skipped()[2].reason == "not UTF-8 text");
  CHECK_THAT(reader.skipped()[2].message, Catch::Contains("invalid UTF-8"));
  CHECK(reader.skipped()[3].where == path + ":7");
  CHECK(reader.articles_read() == 2);
}

TEST_CASE("JSON Lines: escaped strings of every length are unescaped, a raw NUL is located",
          "[pipeline][reader]") {
  // Texts around the 16-byte blocks the string scan reads, with escapes at
  // every position, a CRLF line end, and a line whose raw NUL byte breaks it.
  TempDir dir;
  std::string jsonl, expected_last;
  for (size_t n = 1; n <= 40; ++n) {
    std::string text, escaped;
    for (size_t k = 0; k < n; ++k) {
      const char c = "abc\n\"\\\xC3\xA9"[k % 8];
      text.push_back(c);
      if (c == '\n') {
        escaped += "\\n";
      } else if (c == '"' || c == '\\') {
        escaped.push_back('\\');
        escaped.push_back(c);
      } else {
        escaped.push_back(c);
      }
    }
    if (static_cast<unsigned char>(text.back()) == 0xC3) text.pop_back(), escaped.pop_back();
    jsonl += "{\"id\":\"n" + std::to_string(n) + "\",\"text\":\"x" + escaped + "\\u00e9\"}" +
             (n % 2 ? "\r\n" : "\n");
    expected_last = "x" + text + "\xC3\xA9";
  }
  jsonl += std::string("{\"id\":\"z\",\"text\":\"a\0b\"}\n", 24);
  const std::string path = dir.Write("escapes.jsonl", jsonl);
  ArticleReader reader({path});
  REQUIRE(reader.Open().ok());
  const std::vector<Article> articles = ReadAll(&reader);
  REQUIRE(articles.size() == 40);
  CHECK(articles[0].text == "xa\xC3\xA9");
  CHECK(articles[3].text == "xabc\n\xC3\xA9");
  CHECK(articles[39].text == expected_last);
  REQUIRE(reader.skipped().size() == 1);
  CHECK(reader.skipped()[0].where == path + ":41");
  CHECK(reader.skipped()[0].message ==
        path + ":41:20: Missing a closing quotation mark in string.; article skipped");
}

TEST_CASE("A directory is read recursively in sorted order, other files ignored",
          "[pipeline][reader]") {
  TempDir dir;
  dir.Write("b.txt", "B\nbody b");
  dir.Write("sub/a.txt", "A\nbody a");
  dir.Write("notes.md", "# not an article");
  ArticleReader reader({dir.path.string()});
  REQUIRE(reader.Open().ok());
  auto articles = ReadAll(&reader);
  REQUIRE(articles.size() == 2);
  CHECK(articles[0].id == "b");
  CHECK(articles[1].id == "a");
}

TEST_CASE("Bad .txt inputs are skipped with a located reason", "[pipeline][reader]") {
  TempDir dir;
  std::string empty = dir.Write("empty.txt", "");
  std::string binary = dir.Write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
  std::string good = dir.Write("good.txt", "Title\nText.");
  ArticleReader reader({empty, binary, good});
  REQUIRE(reader.Open().ok());
  auto articles = ReadAll(&reader);
  REQUIRE(articles.size() == 1);
  REQUIRE(reader.skipped().size() == 2);
  CHECK(reader.skipped()[0].reason == "empty article");
  CHECK_THAT(reader.skipped()[1].message, Catch::Contains("image.txt:"));
}

TEST_CASE("A missing input is a hard error naming it", "[pipeline][reader]") {
  ArticleReader reader({"/nonexistent/news.txt"});
  Status s = reader.Open();
  REQUIRE_FALSE(s.ok());
  CHECK(s.message() == "/nonexistent/news.txt: no such file or directory");
}

}  // namespace
}  // namespace newsgraph
