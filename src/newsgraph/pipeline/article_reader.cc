#include "newsgraph/pipeline/article_reader.h"

// RapidJSON's SSE2 paths (RAPIDJSON_SSE2, set for every user by CMake on
// x86-64) copy a string 16 bytes at a time up to its next quote or escape.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "newsgraph/base/file.h"
#include "newsgraph/base/utf8.h"

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

bool IsJsonLinesPath(const std::string& path) {
  fs::path p(path);
  std::string ext = p.extension().string();
  return ext == ".jsonl" || ext == ".ndjson";
}

bool IsArticlePath(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".txt" || ext == ".jsonl" || ext == ".ndjson";
}

// "2025-06-06T10:00:00Z" -> "2025-06-06"; keeps "2025-06" and "2025"; else "".
std::string IsoDatePrefix(std::string_view s) {
  auto digits = [&](size_t from, size_t n) {
    if (s.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
    }
    return true;
  };
  if (!digits(0, 4)) return "";
  if (s.size() == 4) return std::string(s);
  if (s.size() >= 7 && s[4] == '-' && digits(5, 2)) {
    if (s.size() == 7) return std::string(s.substr(0, 7));
    if (s.size() >= 10 && s[7] == '-' && digits(8, 2)) return std::string(s.substr(0, 10));
  }
  return "";
}

}  // namespace

std::string ArticleIdFromPath(const std::string& path) {
  if (path == "-") return "stdin";
  return fs::path(path).stem().string();
}

ArticleReader::ArticleReader(std::vector<std::string> inputs) : inputs_(std::move(inputs)) {}
ArticleReader::~ArticleReader() = default;

Status ArticleReader::Open() {
  for (const std::string& input : inputs_) {
    if (input == "-") {
      files_.push_back(input);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) return Status::InputError(input + ": no such file or directory");
    if (fs::is_directory(st)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(input, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file() && IsArticlePath(it->path()))
          found.push_back(it->path().string());
      }
      if (ec) return Status::InputError(input + ": cannot list directory: " + ec.message());
      if (found.empty()) {
        return Status::InputError(input + ": directory holds no .txt or .jsonl article");
      }
      std::sort(found.begin(), found.end());
      files_.insert(files_.end(), found.begin(), found.end());
    } else {
      files_.push_back(input);
    }
  }
  return Status::Ok();
}

void ArticleReader::Skip(std::string where, std::string reason, std::string message) {
  skipped_.push_back({std::move(where), std::move(reason), std::move(message)});
}

bool ArticleReader::NextBatch(size_t max_articles, std::vector<Article>* batch) {
  batch->clear();
  Article article;
  while (batch->size() < max_articles && Next(&article)) batch->push_back(std::move(article));
  return !batch->empty();
}

bool ArticleReader::Next(Article* out) {
  while (status_.ok()) {
    if (jsonl_ != nullptr) {
      if (NextJsonLine(out)) return true;
      owned_stream_.reset();
      jsonl_ = nullptr;
      continue;
    }
    if (next_file_ >= files_.size()) return false;
    const std::string& path = files_[next_file_++];
    if (path == "-") {
      int first = std::cin.peek();
      while (first == ' ' || first == '\n' || first == '\r' || first == '\t') {
        std::cin.get();
        first = std::cin.peek();
      }
      if (first == '{') {
        jsonl_ = &std::cin;
        jsonl_name_ = "<stdin>";
        jsonl_line_ = 0;
        continue;
      }
      Result<std::string> bytes = ReadFile("-");
      if (!bytes.ok()) {
        status_ = bytes.status();
        return false;
      }
      if (ParseTextArticle("<stdin>", std::move(*bytes), out)) return true;
      continue;
    }
    if (IsJsonLinesPath(path)) {
      auto stream = std::make_unique<std::ifstream>(path, std::ios::binary);
      if (!*stream) {
        status_ = Status::InputError(path + ": cannot open");
        return false;
      }
      owned_stream_ = std::move(stream);
      jsonl_ = owned_stream_.get();
      jsonl_name_ = path;
      jsonl_line_ = 0;
      continue;
    }
    Result<std::string> bytes = ReadFile(path);
    if (!bytes.ok()) {
      status_ = bytes.status();
      return false;
    }
    if (ParseTextArticle(path, std::move(*bytes), out)) return true;
  }
  return false;
}

bool ArticleReader::ParseTextArticle(const std::string& name, std::string bytes, Article* out) {
  Status text_ok = CheckText(bytes, name);
  if (!text_ok.ok()) {
    std::string reason = bytes.empty() ? "empty article" : "not UTF-8 text";
    Skip(name, reason, text_ok.message());
    return false;
  }
  *out = Article();
  out->id = ArticleIdFromPath(name == "<stdin>" ? "-" : name);
  size_t eol = bytes.find('\n');
  std::string_view first_line = std::string_view(bytes).substr(0, eol);
  if (!first_line.empty() && first_line.back() == '\r') first_line.remove_suffix(1);
  out->title = std::string(first_line);
  out->text = std::move(bytes);
  out->source = name;
  if (out->text.find_first_not_of(" \t\r\n") == std::string::npos) {
    Skip(name, "empty article", name + ": article has no text");
    return false;
  }
  ++articles_read_;
  return true;
}

bool ArticleReader::NextJsonLine(Article* out) {
  std::string& line = line_;  // reused: no allocation per line once warm
  while (std::getline(*jsonl_, line)) {
    ++jsonl_line_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank line
    if (ParseJsonLine(&line, out)) return true;
  }
  return false;
}

bool ArticleReader::ParseJsonLine(std::string* line, Article* out) {
  const std::string where = jsonl_name_ + ":" + std::to_string(jsonl_line_);
  size_t bad = FindInvalidUtf8(*line);
  if (bad != kValidUtf8) {
    Skip(where, "not UTF-8 text",
         where + ":" + std::to_string(bad + 1) + ": invalid UTF-8 (byte " + std::to_string(bad) +
             " of the line); article skipped");
    return false;
  }
  rapidjson::Document doc;
  if (line->find('\0') == std::string::npos) {
    // In situ: strings are unescaped inside *line (which is null-terminated
    // and not read again) instead of being copied into the document. The
    // SSE2 scan loads aligned 16-byte blocks, the last of which may reach up
    // to 15 bytes past the terminating NUL: keep those bytes allocated.
    line->reserve(line->size() + 16);
    doc.ParseInsitu(line->data());
  } else {
    // A raw NUL inside the line: parse exactly line->size() bytes, so the
    // error names the NUL and not an early end.
    doc.Parse(line->data(), line->size());
  }
  if (doc.HasParseError()) {
    Skip(where, "broken JSON line",
         where + ":" + std::to_string(doc.GetErrorOffset() + 1) + ": " +
             rapidjson::GetParseError_En(doc.GetParseError()) + "; article skipped");
    return false;
  }
  if (!doc.IsObject()) {
    Skip(where, "broken JSON line", where + ": expected a JSON object; article skipped");
    return false;
  }
  *out = Article();
  const auto field = [&](const char* name, std::string* value) -> bool {
    auto it = doc.FindMember(name);
    if (it == doc.MemberEnd() || it->value.IsNull()) return true;
    if (it->value.IsString()) {
      value->assign(it->value.GetString(), it->value.GetStringLength());
      return true;
    }
    if (it->value.IsNumber() && std::string_view(name) == "id") {
      *value = it->value.IsInt64() ? std::to_string(it->value.GetInt64())
                                   : std::to_string(it->value.GetDouble());
      return true;
    }
    Skip(where, "broken JSON line",
         where + ": field \"" + name + "\" must be a string; article skipped");
    return false;
  };
  std::string date;
  if (!field("id", &out->id) || !field("title", &out->title) || !field("text", &out->text) ||
      !field("date", &date) || !field("url", &out->url) || !field("lang", &out->lang)) {
    return false;
  }
  if (out->text.find_first_not_of(" \t\r\n") == std::string::npos) {
    Skip(where, "empty article", where + ": no \"text\" (or it is empty); article skipped");
    return false;
  }
  if (out->text.find('\0') != std::string::npos) {
    Skip(where, "not UTF-8 text", where + ": \"text\" holds a NUL character; article skipped");
    return false;
  }
  out->date = IsoDatePrefix(date);
  if (!date.empty() && out->date.empty()) {
    // Not fatal: the extractor looks for a date in the text instead.
    warnings_.push_back(where + ": \"date\" is not an ISO 8601 date (\"" + date +
                        "\"); the date is taken from the text");
  }
  if (out->id.empty()) out->id = ArticleIdFromPath(jsonl_name_) + "-" + std::to_string(jsonl_line_);
  out->source = where;
  ++articles_read_;
  return true;
}

}  // namespace newsgraph
