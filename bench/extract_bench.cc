// extract_bench: extraction throughput and memory on a JSON Lines corpus.
//
//   build/bench/make_corpus --articles 20000 > /tmp/corpus.jsonl
//   build/bench/extract_bench /tmp/corpus.jsonl [--threads N]
//
// Runs the same pipeline as `newsgraph extract` (reading, extraction on N
// threads, graph building) and reports wall time, MB/s, articles/s, the same
// per core, and peak resident memory.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

#include "newsgraph/extract/extractor.h"
#include "newsgraph/pipeline/extract_pipeline.h"
#include "newsgraph/schema/ontology.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: extract_bench CORPUS.jsonl [--threads N]\n");
    return 2;
  }
  newsgraph::ExtractOptions options;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--threads") == 0) options.threads = std::atoi(argv[i + 1]);
  }
  const unsigned threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  auto ontology = newsgraph::Ontology::Load(NEWSGRAPH_SOURCE_SCHEMA_DIR);
  auto extractor = newsgraph::Extractor::Create(NEWSGRAPH_SOURCE_SCHEMA_DIR);
  if (!ontology.ok() || !extractor.ok()) {
    std::fprintf(stderr, "cannot load graph_schemas\n");
    return 1;
  }
  newsgraph::ExtractSummary summary;
  auto start = std::chrono::steady_clock::now();
  auto graph = newsgraph::ExtractGraph({argv[1]}, *extractor, *ontology, options, &summary);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!graph.ok()) {
    std::fprintf(stderr, "%s\n", graph.status().message().c_str());
    return 1;
  }
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  const double mb = summary.bytes / 1e6;
  std::printf("corpus %s: %zu articles, %.1f MB, threads %u\n", argv[1], summary.extracted, mb,
              threads);
  std::printf("time %.3f s: %.1f MB/s, %.0f articles/s; per core %.1f MB/s, %.0f articles/s\n",
              seconds, mb / seconds, summary.extracted / seconds, mb / seconds / threads,
              summary.extracted / seconds / threads);
  std::printf("graph %zu nodes, %zu edges; peak RSS %.1f MB\n", graph->num_nodes(),
              graph->num_edges(), usage.ru_maxrss / 1024.0);
  return 0;
}
