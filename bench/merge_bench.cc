// merge_bench: merging many single-article graphs, as `newsgraph merge` and
// a day-after-day pipeline do.
//
//   build/bench/merge_bench --graphs 10000
//   build/bench/merge_bench --graphs 100000 --batch 10000
//   build/bench/merge_bench --graphs 10000 --graphml     # also write + read each graph
//   build/bench/merge_bench --graphs 100000 --day 1000   # then a day of 1000 more
//   build/bench/merge_bench --graphs 2000 --out m.graphml   # write the result (to compare)
//   build/bench/merge_bench --graphs 10000 --explain     # also keep and build the report
//   build/bench/merge_bench --graphs 100000 --day 1000 --write-inputs /tmp/g
//       # also write each graph to /tmp/g/graphs/ and the day's to /tmp/g/day/, then
//       # newsgraph merge /tmp/g/graphs -o all.graphml; newsgraph merge all.graphml /tmp/g/day -o
//       ...
//
// Generates news-like single-article graphs in memory (entities drawn from a
// skewed pool, half of them known by Wikidata id, foreign-style ids for a
// tenth; relation edges with one or two evidence sentences), `batch` at a
// time, and adds each batch to one IncrementalMerger (moving the graphs in);
// the merged graph is taken once at the end. Memory is bounded by batch +
// result. "merge" is adding plus taking the result; both are also shown
// apart. With --legacy each batch is merged as Merge({&result, batch...})
// instead (the pre-IncrementalMerger way, linear in the result per batch).
// With --day D, D more graphs are then merged into the result: once by
// adding them to the open merger (time proportional to the day), once by
// MergeInto-style Merge({&result, day...}) (linear in the result too).
// With --graphml each generated graph is first written to GraphML and read
// back, and the read time is reported apart. With --explain the merger keeps
// what its report needs and the report is built at the end (timed apart).
// Reports time per edge read and peak resident memory (getrusage).
#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "newsgraph/graph/merge.h"
#include "newsgraph/io/graph_io.h"

namespace {

using newsgraph::KnowledgeGraph;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// CPU time of this (single-threaded) process: steadier than wall time on a
// shared machine.
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

long PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  uint64_t Next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  // Skewed towards small values: a few entities are in most articles.
  size_t Skewed(size_t n) {
    double u = static_cast<double>(Next() % 1000000) / 1000000.0;
    return static_cast<size_t>(static_cast<double>(n) * u * u * u) % n;
  }

 private:
  uint64_t state_;
};

const char* kCategories[] = {"country", "organization", "person", "location", "resource"};
const char* kRelations[] = {"cooperates_with", "supports", "condemns", "depends_on", "restricts"};

KnowledgeGraph MakeArticleGraph(size_t article, size_t entities, Random* rnd) {
  KnowledgeGraph g;
  const std::string article_id = "art" + std::to_string(article);
  g.data().articles[article_id] = {article_id, "Title " + std::to_string(article),
                                   "2025-06-" + std::to_string(10 + article % 20), "", "fr"};
  size_t n = 4 + rnd->Below(8);
  std::vector<newsgraph::NodeId> nodes;
  for (size_t i = 0; i < n; ++i) {
    size_t e = rnd->Skewed(entities);
    newsgraph::NodeData nd;
    const bool foreign = e % 10 == 3;
    nd.id = foreign ? "n" + std::to_string(e) : "ent_" + std::to_string(e);
    nd.category = kCategories[e % 5];
    nd.label = "Entity " + std::to_string(e);
    if (e % 2 == 0) nd.wikidata = "Q" + std::to_string(1000 + e);
    nd.aliases.insert(rnd->Below(2) ? "entity " + std::to_string(e)
                                    : "l'Entity " + std::to_string(e));
    newsgraph::NodeId id = g.AddNode(std::move(nd));
    g.AddMention(id, article_id, 1 + static_cast<int64_t>(rnd->Below(3)));
    nodes.push_back(id);
  }
  size_t m = 4 + rnd->Below(12);
  for (size_t i = 0; i < m; ++i) {
    newsgraph::NodeId s = nodes[rnd->Below(nodes.size())];
    newsgraph::NodeId t = nodes[rnd->Below(nodes.size())];
    if (s == t) continue;
    size_t r = rnd->Below(5);
    newsgraph::EdgeId e = g.AddEdge(s, kRelations[r], t, r == 0);
    size_t k = 1 + rnd->Below(2);
    for (size_t j = 0; j < k; ++j) {
      newsgraph::Evidence ev;
      ev.article_id = article_id;
      ev.begin = 100 * rnd->Below(20);
      ev.end = ev.begin + 90;
      ev.sentence = "Une phrase de l'article " + std::to_string(article) +
                    " qui dit que deux entités coopèrent dans le domaine de l'énergie.";
      ev.rule = "fr.rule." + std::to_string(r);
      g.AddEvidence(e, std::move(ev));
    }
  }
  g.Finalize();
  return g;
}

// --write-inputs: each generated graph as DIR/gNNNNNNN.graphml, for timing
// `newsgraph merge DIR -o OUT` on the same graphs.
bool WriteInput(const KnowledgeGraph& g, const std::string& dir, size_t number) {
  std::filesystem::create_directories(dir);
  char name[32];
  std::snprintf(name, sizeof name, "/g%07zu.graphml", number);
  newsgraph::Status written =
      newsgraph::WriteGraph(g, dir + name, newsgraph::GraphFormat::kGraphml);
  if (!written.ok()) std::fprintf(stderr, "%s\n", written.message().c_str());
  return written.ok();
}

}  // namespace

int main(int argc, char** argv) {
  size_t graphs = 10000, batch = 10000, entities = 5000;
  uint64_t seed = 1;
  size_t day = 0;
  bool graphml = false, legacy = false, explain = false;
  std::string out_path, inputs_dir;
  for (int i = 1; i < argc; ++i) {
    auto next = [&]() { return i + 1 < argc ? std::strtoull(argv[++i], nullptr, 10) : 0ull; };
    if (std::strcmp(argv[i], "--graphs") == 0)
      graphs = next();
    else if (std::strcmp(argv[i], "--batch") == 0)
      batch = next();
    else if (std::strcmp(argv[i], "--entities") == 0)
      entities = next();
    else if (std::strcmp(argv[i], "--seed") == 0)
      seed = next();
    else if (std::strcmp(argv[i], "--day") == 0)
      day = next();
    else if (std::strcmp(argv[i], "--graphml") == 0)
      graphml = true;
    else if (std::strcmp(argv[i], "--legacy") == 0)
      legacy = true;
    else if (std::strcmp(argv[i], "--explain") == 0)
      explain = true;
    else if (std::strcmp(argv[i], "--out") == 0 && i + 1 < argc)
      out_path = argv[++i];
    else if (std::strcmp(argv[i], "--write-inputs") == 0 && i + 1 < argc)
      inputs_dir = argv[++i];
    else {
      std::fprintf(stderr,
                   "usage: merge_bench [--graphs N] [--batch B] [--entities E] [--seed S] "
                   "[--day D] [--graphml] [--legacy] [--explain] [--out FILE] "
                   "[--write-inputs DIR]\n");
      return 2;
    }
  }
  if (batch == 0 || entities == 0) return 2;

  Random rnd(seed);
  KnowledgeGraph result;
  newsgraph::IncrementalMerger merger(newsgraph::MergeOptions(), explain);
  size_t edges_read = 0, nodes_read = 0, evidence_read = 0;
  double generate_s = 0, io_s = 0, merge_s = 0, add_s = 0, result_s = 0, merge_cpu_s = 0;
  for (size_t done = 0; done < graphs;) {
    size_t count = std::min(batch, graphs - done);
    auto start = Clock::now();
    std::vector<KnowledgeGraph> inputs;
    inputs.reserve(count);
    for (size_t i = 0; i < count; ++i) inputs.push_back(MakeArticleGraph(done + i, entities, &rnd));
    generate_s += Seconds(start);
    if (!inputs_dir.empty()) {
      for (size_t i = 0; i < count; ++i) {
        if (!WriteInput(inputs[i], inputs_dir + "/graphs", done + i)) return 1;
      }
    }
    if (graphml) {
      start = Clock::now();
      for (KnowledgeGraph& g : inputs) {
        std::string text = newsgraph::WriteGraphToString(g, newsgraph::GraphFormat::kGraphml);
        auto read =
            newsgraph::ReadGraphFromString(text, "bench.graphml", newsgraph::GraphFormat::kGraphml);
        if (!read.ok()) {
          std::fprintf(stderr, "%s\n", read.status().message().c_str());
          return 1;
        }
        g = std::move(*read);
      }
      io_s += Seconds(start);
    }
    std::vector<const KnowledgeGraph*> pointers = {&result};
    for (const KnowledgeGraph& g : inputs) {
      pointers.push_back(&g);
      edges_read += g.num_edges();
      nodes_read += g.num_nodes();
      for (newsgraph::EdgeId e = 0; e < g.num_edges(); ++e)
        evidence_read += g.edge(e).evidence.size();
    }
    start = Clock::now();
    double cpu = CpuSeconds();
    if (legacy) {
      result = newsgraph::Merge(pointers, nullptr);
    } else {
      for (KnowledgeGraph& g : inputs) merger.Add(std::move(g));
    }
    add_s += Seconds(start);
    merge_cpu_s += CpuSeconds() - cpu;
    done += count;
  }
  double report_s = 0;
  size_t decisions = 0;
  if (!legacy && explain) {
    auto start = Clock::now();
    newsgraph::MergeReport report = merger.Report();
    report_s = Seconds(start);
    decisions = report.unified.size() + report.near_misses.size() + report.conflicts.size();
  }
  if (!legacy) {
    auto start = Clock::now();
    double cpu = CpuSeconds();
    result = day > 0 ? merger.Result() : merger.TakeResult();
    result_s = Seconds(start);
    merge_cpu_s += CpuSeconds() - cpu;
  }
  merge_s = add_s + result_s;
  size_t evidence_out = 0;
  for (newsgraph::EdgeId e = 0; e < result.num_edges(); ++e)
    evidence_out += result.edge(e).evidence.size();

  std::printf("graphs merged      %zu (batches of %zu, %zu entities in the pool)\n", graphs, batch,
              entities);
  std::printf("read               %zu nodes, %zu edges, %zu evidence records\n", nodes_read,
              edges_read, evidence_read);
  std::printf("result             %zu nodes, %zu edges, %zu evidence records\n", result.num_nodes(),
              result.num_edges(), evidence_out);
  std::printf("generate           %.3f s\n", generate_s);
  if (graphml) {
    std::printf("graphml write+read %.3f s (%.3f us per edge read)\n", io_s,
                1e6 * io_s / static_cast<double>(edges_read));
  }
  std::printf("merge              %.3f s (%.3f us per edge read, %.3f us per graph)\n", merge_s,
              1e6 * merge_s / static_cast<double>(edges_read),
              1e6 * merge_s / static_cast<double>(graphs));
  std::printf("  cpu              %.3f s (%.3f us per edge read)\n", merge_cpu_s,
              1e6 * merge_cpu_s / static_cast<double>(edges_read));
  if (!legacy) {
    std::printf("  add              %.3f s (%.3f us per edge read)\n", add_s,
                1e6 * add_s / static_cast<double>(edges_read));
    std::printf("  result           %.3f s\n", result_s);
  }
  if (explain) std::printf("report             %.3f s (%zu lines)\n", report_s, decisions);
  std::printf("peak RSS           %ld MB\n", PeakRssMb());
  if (!out_path.empty()) {
    newsgraph::Status written =
        newsgraph::WriteGraph(result, out_path, newsgraph::GraphFormat::kGraphml);
    if (!written.ok()) {
      std::fprintf(stderr, "%s\n", written.message().c_str());
      return 1;
    }
  }

  if (day > 0) {
    std::vector<KnowledgeGraph> inputs;
    size_t day_edges = 0;
    for (size_t i = 0; i < day; ++i) {
      inputs.push_back(MakeArticleGraph(graphs + i, entities, &rnd));
      day_edges += inputs.back().num_edges();
      if (!inputs_dir.empty() && !WriteInput(inputs.back(), inputs_dir + "/day", graphs + i)) {
        return 1;
      }
    }
    std::vector<const KnowledgeGraph*> pointers = {&result};
    for (const KnowledgeGraph& g : inputs) pointers.push_back(&g);
    auto start = Clock::now();
    KnowledgeGraph remerged = newsgraph::Merge(pointers, nullptr);
    double remerge_s = Seconds(start);
    double add_day_s = 0;
    if (!legacy) {
      start = Clock::now();
      for (const KnowledgeGraph& g : inputs) merger.Add(g);
      add_day_s = Seconds(start);
    }
    std::printf("a day of %zu graphs (%zu edges) into the result of %zu edges:\n", day, day_edges,
                result.num_edges());
    std::printf("  Merge({&result, day...})   %.3f s (%.3f us per day edge)\n", remerge_s,
                1e6 * remerge_s / static_cast<double>(day_edges));
    if (!legacy) {
      std::printf("  IncrementalMerger::Add     %.3f s (%.3f us per day edge)\n", add_day_s,
                  1e6 * add_day_s / static_cast<double>(day_edges));
    }
  }
  return 0;
}
