#include "newsgraph/pipeline/extract_pipeline.h"

#include <atomic>
#include <optional>
#include <thread>

#include "newsgraph/graph/layout.h"
#include "newsgraph/pipeline/article_reader.h"
#include "newsgraph/pipeline/graph_builder.h"

namespace newsgraph {
namespace {

// Runs fn(i) for i in [0, n) on `threads` threads.
template <typename Fn>
void ParallelFor(size_t n, unsigned threads, Fn fn) {
  if (threads <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> workers;
  unsigned count = static_cast<unsigned>(std::min<size_t>(threads, n));
  for (unsigned t = 0; t < count; ++t) {
    workers.emplace_back([&] {
      for (size_t i = next++; i < n; i = next++) fn(i);
    });
  }
  for (std::thread& w : workers) w.join();
}

std::string ReasonOf(const Status& status) {
  const std::string& m = status.message();
  if (m.find("language") != std::string::npos) return "unknown language";
  if (m.find("UTF-8") != std::string::npos) return "not UTF-8 text";
  return "extraction failed";
}

}  // namespace

Result<KnowledgeGraph> ExtractGraph(const std::vector<std::string>& inputs,
                                    const Extractor& extractor, const Ontology& ontology,
                                    const ExtractOptions& options, ExtractSummary* summary) {
  if (options.lang != "auto" && options.lang != "fr" && options.lang != "en") {
    return Status::UsageError("--lang must be auto, fr or en, not '" + options.lang + "'");
  }
  unsigned threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  ArticleReader reader(inputs);
  NEWSGRAPH_RETURN_IF_ERROR(reader.Open());
  GraphBuilder builder(&ontology);
  std::map<std::string, std::string> seen_ids;  // article id -> source, for duplicates
  // Folds one extracted batch into the graph, in input order (the graph does
  // not depend on threads or timing).
  const auto build = [&](std::vector<Article>& batch,
                         std::vector<std::optional<Result<Extraction>>>& results) {
    for (size_t i = 0; i < batch.size(); ++i) {
      Article& article = batch[i];
      const Result<Extraction>& r = *results[i];
      if (!r.ok()) {
        ++summary->skipped;
        ++summary->skipped_by_reason[ReasonOf(r.status())];
        summary->messages.push_back(r.status().message() + "; article skipped");
        continue;
      }
      // Two different articles under one id would share evidence keys: keep
      // both by renaming the later one, and say so.
      auto [it, fresh] = seen_ids.emplace(article.id, article.source);
      if (!fresh) {
        std::string base = article.id;
        int k = 2;
        while (seen_ids.count(base + "~" + std::to_string(k))) ++k;
        article.id = base + "~" + std::to_string(k);
        seen_ids.emplace(article.id, article.source);
        summary->messages.push_back(article.source + ": article id '" + base +
                                    "' already used by " + it->second + "; renamed '" + article.id +
                                    "'");
      }
      Extraction extraction = std::move(*results[i]).value();
      extraction.article_id = article.id;
      for (const std::string& w : extraction.warnings) summary->messages.push_back(w);
      for (std::string& m : builder.Add(article, std::move(extraction))) {
        summary->messages.push_back(std::move(m));
      }
      ++summary->extracted;
      summary->bytes += article.text.size();
    }
  };
  // With more than one thread, batch k is built on its own thread while
  // batch k + 1 is read and extracted; with one, everything runs in turn.
  std::vector<Article> batch, built_batch;
  std::vector<std::optional<Result<Extraction>>> results, built_results;
  std::thread builder_thread;
  size_t done = 0;
  while (reader.NextBatch(options.batch_size, &batch)) {
    for (Article& a : batch) {
      if (options.lang != "auto" && a.lang.empty()) a.lang = options.lang;
    }
    const size_t extracted = batch.size();
    results.assign(batch.size(), std::nullopt);
    ParallelFor(batch.size(), threads, [&](size_t i) { results[i] = extractor.Extract(batch[i]); });
    if (threads <= 1) {
      build(batch, results);
    } else {
      if (builder_thread.joinable()) builder_thread.join();
      std::swap(batch, built_batch);
      std::swap(results, built_results);
      builder_thread = std::thread([&] { build(built_batch, built_results); });
    }
    done += extracted;  // extracted; the last batch may still be building
    if (options.on_progress) options.on_progress(done);
  }
  if (builder_thread.joinable()) builder_thread.join();
  NEWSGRAPH_RETURN_IF_ERROR(reader.status());
  summary->read = reader.articles_read() + reader.skipped().size();
  for (const SkippedArticle& s : reader.skipped()) {
    ++summary->skipped;
    ++summary->skipped_by_reason[s.reason];
    summary->messages.push_back(s.message);
  }
  for (const std::string& w : reader.warnings()) summary->messages.push_back(w);
  if (summary->extracted == 0) {
    return Status::InputError("no article could be extracted (" + FormatSummary(*summary) + ")");
  }
  KnowledgeGraph graph = builder.Finish();
  if (summary->extracted == 1) {
    graph.data().title = graph.data().articles.begin()->second.title;
  } else {
    graph.data().title = "newsgraph: " + std::to_string(summary->extracted) + " articles";
  }
  if (options.layout) ApplyLayout(&graph, LayoutOptions());
  return graph;
}

std::string FormatSummary(const ExtractSummary& s) {
  std::string out = "read " + std::to_string(s.read) +
                    (s.read == 1 ? " article: " : " articles: ") + std::to_string(s.extracted) +
                    " extracted, " + std::to_string(s.skipped) + " skipped";
  if (!s.skipped_by_reason.empty()) {
    out += " (";
    bool first = true;
    for (const auto& [reason, count] : s.skipped_by_reason) {
      if (!first) out += ", ";
      first = false;
      out += std::to_string(count) + " " + reason;
    }
    out += ")";
  }
  return out;
}

}  // namespace newsgraph
