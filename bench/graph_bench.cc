// graph_bench: the graph side at scale (PRODUCT.md, "Quality, speed,
// robustness", graph L): GraphML write and read, breadth-first search, one
// and ten shortest paths (hops and weighted) between random pairs.
//
//   build/bench/graph_bench all --file /tmp/graph_L.graphml             # L: 100k nodes, 1M edges
//   build/bench/graph_bench all --nodes 10000 --edges 100000 --file /tmp/graph_S.graphml
//   build/bench/graph_bench write --file F    # generate + write only
//   build/bench/graph_bench read --file F --pairs-out pairs.tsv --check
//   build/bench/graph_bench memory --queries 200  # generate + query, no file
//
// `write` generates graph L deterministically (--seed): nodes in the nine
// categories with labels, aliases, Wikidata ids, mentions and positions; edges
// over the twelve relations between a skewed choice of endpoints (a few hubs,
// a long tail), each with 1-3 evidence sentences of news length; then it
// writes GraphML in memory and to the file. `read` reads the file in a fresh
// process (so its peak RSS is the reader's), then times a BFS from the same
// node, and one and ten shortest paths (hops, weighted) between --queries
// random pairs (median and p90). `all` runs `write`, then itself as `read`.
// --check writes the graph read back and compares it byte for byte with the
// file; --pairs-out saves the pairs and the costs found, for
// bench/networkx_compare.py. `memory` generates the graph and times the same
// queries on it without writing or reading a file (the same graph and pairs
// as `all` with the same --seed), for quick iterations on the search code.
// --cpu-time times the queries in thread CPU time instead of wall time;
// --warm runs each pair's queries once untimed first, so the figures are the
// searches' own and not the cache misses left by the previous query.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "newsgraph/base/file.h"
#include "newsgraph/graph/paths.h"
#include "newsgraph/io/graphml_reader.h"
#include "newsgraph/io/graphml_writer.h"

namespace {

using newsgraph::EdgeId;
using newsgraph::KnowledgeGraph;
using newsgraph::NodeId;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Seconds on the clock the queries are timed with: wall time, or with
// --cpu-time this thread's CPU time, which other processes' load on a shared
// machine disturbs less.
double QueryClock(bool cpu_time) {
  if (cpu_time) {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
  return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
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
  double Unit() { return static_cast<double>(Next() >> 11) / 9007199254740992.0; }
  // Skewed towards small values: P(x < n f) = f^(1/3), a few hubs.
  size_t Skewed(size_t n) {
    const double u = Unit();
    return static_cast<size_t>(static_cast<double>(n) * u * u * u) % n;
  }

 private:
  uint64_t state_;
};

struct Options {
  std::string mode = "all";
  bool cpu_time = false;  // time queries in thread CPU time (shared machines)
  bool warm = false;      // run each query once untimed first (caches warm)
  std::string file = "/tmp/graph_L.graphml";
  std::string pairs_out;
  size_t nodes = 100000;
  size_t edges = 1000000;
  size_t queries = 20;
  uint64_t seed = 1;
  bool check = false;
};

// ---------------------------------------------------------------- generation

constexpr const char* kCategories[] = {"country", "region", "organization", "person", "location",
                                       "event",   "forum",  "resource",     "sector"};
// Share of nodes per category, in thousandths (persons and organisations dominate).
constexpr int kCategoryShare[] = {3, 2, 250, 420, 120, 120, 15, 30, 40};
constexpr const char* kColors[] = {"#1f77b4", "#aec7e8", "#ff7f0e", "#2ca02c", "#98df8a",
                                   "#d62728", "#9467bd", "#8c564b", "#e377c2"};
constexpr const char* kRelations[] = {
    "cooperates_with", "participates_in", "supports",   "condemns",  "restricts",  "depends_on",
    "controls",        "held_in",         "located_in", "member_of", "edition_of", "concerns"};
constexpr int kRelationShare[] = {250, 180, 120, 60, 40, 60, 30, 60, 50, 50, 30, 70};
constexpr const char* kSyllables[] = {"ka", "za", "kh", "sta", "ne", "ri", "ou", "bé",
                                      "an", "dé", "li", "mo",  "ta", "ji", "ki", "rg",
                                      "uz", "ç",  "ar", "on",  "ve", "lo", "sa", "mi"};
constexpr const char* kWords[] = {"le",
                                  "la",
                                  "les",
                                  "des",
                                  "ministre",
                                  "gouvernement",
                                  "coopération",
                                  "accord",
                                  "signé",
                                  "avec",
                                  "dans",
                                  "secteur",
                                  "énergie",
                                  "terres",
                                  "rares",
                                  "dialogue",
                                  "Asie",
                                  "centrale",
                                  "a",
                                  "annoncé",
                                  "mardi",
                                  "que",
                                  "pays",
                                  "renforcer",
                                  "échanges",
                                  "the",
                                  "minister",
                                  "said",
                                  "on",
                                  "Tuesday",
                                  "cooperation",
                                  "agreement",
                                  "between",
                                  "two",
                                  "countries",
                                  "would",
                                  "strengthen",
                                  "trade",
                                  "critical",
                                  "minerals",
                                  "sanctions",
                                  "export",
                                  "restrictions",
                                  "condamné",
                                  "attaque",
                                  "soutien",
                                  "développement",
                                  "projet",
                                  "sommet",
                                  "New",
                                  "Delhi",
                                  "2025",
                                  "millions",
                                  "dollars"};

size_t Pick(Random* rnd, const int* shares, size_t n) {
  int total = 0;
  for (size_t i = 0; i < n; ++i) total += shares[i];
  int r = static_cast<int>(rnd->Below(static_cast<size_t>(total)));
  for (size_t i = 0; i < n; ++i) {
    if (r < shares[i]) return i;
    r -= shares[i];
  }
  return n - 1;
}

std::string Name(Random* rnd) {
  std::string s;
  const size_t words = 1 + rnd->Below(3);
  for (size_t w = 0; w < words; ++w) {
    if (w) s.push_back(' ');
    const size_t syllables = 2 + rnd->Below(3);
    for (size_t i = 0; i < syllables; ++i) s += kSyllables[rnd->Below(std::size(kSyllables))];
  }
  if (s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string Sentence(Random* rnd) {
  const size_t target = 80 + rnd->Below(180);  // news sentences: 80-260 bytes
  std::string s;
  while (s.size() < target) {
    if (!s.empty()) s.push_back(rnd->Below(12) == 0 ? ',' : ' ');
    if (!s.empty() && s.back() == ',') s.push_back(' ');
    s += kWords[rnd->Below(std::size(kWords))];
  }
  s[0] = static_cast<char>(s[0] >= 'a' && s[0] <= 'z' ? s[0] - 'a' + 'A' : s[0]);
  if (rnd->Below(5) == 0) s += " « selon l’agence »";
  return s + ".";
}

std::string Date(Random* rnd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 2024 + static_cast<int>(rnd->Below(2)),
                1 + static_cast<int>(rnd->Below(12)), 1 + static_cast<int>(rnd->Below(28)));
  return buf;
}

KnowledgeGraph Generate(const Options& o) {
  Random rnd(o.seed);
  KnowledgeGraph g;
  g.data().title = "graph_bench L";
  const size_t num_articles = std::max<size_t>(1, o.edges / 5);
  std::vector<std::string> article_ids(num_articles);
  for (size_t a = 0; a < num_articles; ++a) {
    article_ids[a] = "art" + std::to_string(a);
    g.data().articles[article_ids[a]] = {article_ids[a], "Titre " + Name(&rnd), Date(&rnd),
                                         "https://news.example/" + std::to_string(a),
                                         rnd.Below(2) ? "fr" : "en"};
  }
  std::vector<NodeId> nodes;
  nodes.reserve(o.nodes);
  for (size_t i = 0; i < o.nodes; ++i) {
    const size_t c = Pick(&rnd, kCategoryShare, std::size(kCategoryShare));
    newsgraph::NodeData d;
    d.id = std::string(kCategories[c]) + "_" + std::to_string(i);
    d.category = kCategories[c];
    d.label = Name(&rnd);
    const size_t aliases = rnd.Below(4);
    for (size_t a = 0; a < aliases; ++a) d.aliases.insert(Name(&rnd));
    if (rnd.Below(3) == 0) d.wikidata = "Q" + std::to_string(100 + i);
    if (c == 0)
      d.iso3 = std::string(1, static_cast<char>('A' + i % 26)) + "X" +
               static_cast<char>('A' + i / 26 % 26);
    if (c == 5) d.date = Date(&rnd);
    const size_t mentions = 1 + rnd.Below(3);
    for (size_t m = 0; m < mentions; ++m) {
      d.article_mentions[article_ids[rnd.Below(num_articles)]] +=
          1 + static_cast<int64_t>(rnd.Below(3));
    }
    d.color = kColors[c];
    d.size = 5 + static_cast<double>(rnd.Below(200)) / 8.0;
    d.x = static_cast<double>(static_cast<int64_t>(rnd.Below(200000)) - 100000) / 10.0;
    d.y = static_cast<double>(static_cast<int64_t>(rnd.Below(200000)) - 100000) / 10.0;
    nodes.push_back(g.AddNode(std::move(d)));
  }
  while (g.num_edges() < o.edges) {
    const NodeId s = nodes[rnd.Skewed(o.nodes)];
    const NodeId t = nodes[rnd.Below(2) ? rnd.Skewed(o.nodes) : rnd.Below(o.nodes)];
    if (s == t) continue;
    const size_t r = Pick(&rnd, kRelationShare, std::size(kRelationShare));
    const size_t before = g.num_edges();
    const EdgeId e = g.AddEdge(s, kRelations[r], t, /*symmetric=*/r == 0);
    if (g.num_edges() == before) continue;
    newsgraph::EdgeData& d = g.edge(e);
    d.label = kRelations[r];
    d.color = r == 3 || r == 4 ? "#d62728" : "#2ca02c";
    if (r < 5) {
      d.cameo = "0" + std::to_string(40 + r);
      d.goldstein = r == 3 ? -2.0 : r == 4 ? -8.0 : 3.5;
    }
    const size_t u = rnd.Below(10);
    const size_t evidence = u < 6 ? 1 : u < 9 ? 2 : 3;
    for (size_t k = 0; k < evidence; ++k) {
      newsgraph::Evidence ev;
      ev.article_id = article_ids[rnd.Below(num_articles)];
      ev.sentence = Sentence(&rnd);
      ev.begin = rnd.Below(5000);
      ev.end = ev.begin + ev.sentence.size();
      ev.rule = std::string(rnd.Below(2) ? "fr." : "en.") + kRelations[r];
      ev.modality =
          rnd.Below(20) == 0 ? newsgraph::Modality::kNegated : newsgraph::Modality::kAsserted;
      if (rnd.Below(10) == 0) ev.reported_by = g.node(nodes[rnd.Skewed(o.nodes)]).id;
      g.AddEvidence(e, std::move(ev));
    }
  }
  g.Finalize();
  return g;
}

// ---------------------------------------------------------------- timing

struct Stats {
  std::vector<double> ms;
  void Add(double seconds) { ms.push_back(seconds * 1000.0); }
  double Quantile(double q) const {
    if (ms.empty()) return 0;
    std::vector<double> s = ms;
    std::sort(s.begin(), s.end());
    return s[std::min(s.size() - 1,
                      static_cast<size_t>(q * static_cast<double>(s.size() - 1) + 0.5))];
  }
};

void PrintStats(const char* what, const Stats& s, size_t found) {
  std::printf("%-28s median %10.4f ms   p90 %10.4f ms   (%zu queries, %zu with a path)\n", what,
              s.Quantile(0.5), s.Quantile(0.9), s.ms.size(), found);
}

int Write(const Options& o) {
  auto t0 = Clock::now();
  KnowledgeGraph g = Generate(o);
  std::printf("generate       %8.2f s   %zu nodes, %zu edges\n", Seconds(t0), g.num_nodes(),
              g.num_edges());
  t0 = Clock::now();
  std::string text = newsgraph::GraphmlToString(g);
  std::printf("write (memory) %8.2f s   %.1f MB\n", Seconds(t0),
              static_cast<double>(text.size()) / 1e6);
  text = std::string();
  t0 = Clock::now();
  newsgraph::Status st = newsgraph::WriteGraphmlFile(g, o.file);
  if (!st.ok()) {
    std::fprintf(stderr, "%s\n", st.message().c_str());
    return 1;
  }
  std::printf("write (file)   %8.2f s   %s\n", Seconds(t0), o.file.c_str());
  std::printf("peak RSS       %8.0f MB  (generator + writer)\n", PeakRssMb());
  return 0;
}

// Times a BFS and the path queries on `g`; saves the pairs for
// networkx_compare.py when --pairs-out is given.
int Query(const KnowledgeGraph& g, const Options& o) {
  double t0 = 0;
  // Random pairs among nodes that have edges.
  Random rnd(o.seed + 7);
  std::vector<NodeId> linked;
  for (NodeId n = 0; n < g.num_nodes(); ++n) {
    if (!g.OutEdges(n).empty()) linked.push_back(n);
  }
  if (linked.empty()) return 0;
  newsgraph::PathOptions hops, weighted;
  weighted.weighted = true;

  Stats bfs;
  size_t reached = 0;
  const NodeId centre = linked[rnd.Below(linked.size())];
  for (int i = 0; i < 5; ++i) {
    t0 = QueryClock(o.cpu_time);
    std::vector<uint32_t> d = newsgraph::HopDistances(g, centre, hops);
    bfs.Add(QueryClock(o.cpu_time) - t0);
    reached = static_cast<size_t>(
        std::count_if(d.begin(), d.end(), [](uint32_t x) { return x != newsgraph::kUnreached; }));
  }
  std::printf("%-28s median %10.4f ms   (%zu nodes reached from %s)\n", "BFS from one node",
              bfs.Quantile(0.5), reached, g.node(centre).id.c_str());

  std::FILE* pairs = o.pairs_out.empty() ? nullptr : std::fopen(o.pairs_out.c_str(), "w");
  if (pairs) std::fprintf(pairs, "bfs\t%s\t%zu\n", g.node(centre).id.c_str(), reached);
  Stats one_hops, one_weighted, ten_hops, ten_weighted;
  size_t found[4] = {0, 0, 0, 0};
  for (size_t q = 0; q < o.queries; ++q) {
    const NodeId from = linked[rnd.Below(linked.size())];
    const NodeId to = linked[rnd.Below(linked.size())];
    if (o.warm) newsgraph::ShortestPath(g, from, to, hops);
    t0 = QueryClock(o.cpu_time);
    auto p1 = newsgraph::ShortestPath(g, from, to, hops);
    one_hops.Add(QueryClock(o.cpu_time) - t0);
    if (o.warm) newsgraph::ShortestPath(g, from, to, weighted);
    t0 = QueryClock(o.cpu_time);
    auto p2 = newsgraph::ShortestPath(g, from, to, weighted);
    one_weighted.Add(QueryClock(o.cpu_time) - t0);
    if (o.warm) newsgraph::ShortestPaths(g, from, to, 10, hops);
    t0 = QueryClock(o.cpu_time);
    auto k1 = newsgraph::ShortestPaths(g, from, to, 10, hops);
    ten_hops.Add(QueryClock(o.cpu_time) - t0);
    if (o.warm) newsgraph::ShortestPaths(g, from, to, 10, weighted);
    t0 = QueryClock(o.cpu_time);
    auto k2 = newsgraph::ShortestPaths(g, from, to, 10, weighted);
    ten_weighted.Add(QueryClock(o.cpu_time) - t0);
    found[0] += p1.has_value();
    found[1] += p2.has_value();
    found[2] += !k1.empty();
    found[3] += !k2.empty();
    if (pairs) {
      std::fprintf(pairs, "pair\t%s\t%s\t%.0f\t%.17g\t%zu\t%.17g\n", g.node(from).id.c_str(),
                   g.node(to).id.c_str(), p1 ? p1->cost : -1.0, p2 ? p2->cost : -1.0, k1.size(),
                   k2.empty() ? -1.0 : k2.back().cost);
    }
  }
  if (pairs) std::fclose(pairs);
  PrintStats("one shortest path (hops)", one_hops, found[0]);
  PrintStats("one shortest path (weighted)", one_weighted, found[1]);
  PrintStats("10 shortest paths (hops)", ten_hops, found[2]);
  PrintStats("10 shortest paths (weighted)", ten_weighted, found[3]);
  return 0;
}

int Read(const Options& o) {
  // Streams the file, as `newsgraph` does (ReadGraph): the peak RSS is the
  // graph's plus one piece of the file, not the whole text.
  auto t0 = Clock::now();
  newsgraph::Result<KnowledgeGraph> read = newsgraph::ReadGraphmlFile(o.file);
  const double parse = Seconds(t0);
  if (!read.ok()) {
    std::fprintf(stderr, "%s\n", read.status().message().c_str());
    return 1;
  }
  const KnowledgeGraph& g = *read;
  std::printf("read           %8.2f s   streamed, %zu nodes, %zu edges\n", parse, g.num_nodes(),
              g.num_edges());
  std::printf("peak RSS       %8.0f MB  (graph + reader)\n", PeakRssMb());
  if (o.check) {
    newsgraph::Result<std::string> text = newsgraph::ReadFile(o.file);
    if (!text.ok()) {
      std::fprintf(stderr, "%s\n", text.status().message().c_str());
      return 1;
    }
    t0 = Clock::now();
    const bool same = newsgraph::GraphmlToString(g) == *text;
    std::printf("write again    %8.2f s   %s (%.1f MB)\n", Seconds(t0),
                same ? "identical bytes" : "DIFFERENT BYTES",
                static_cast<double>(text->size()) / 1e6);
    if (!same) return 1;
  }
  return Query(g, o);
}

int Memory(const Options& o) {
  auto t0 = Clock::now();
  KnowledgeGraph g = Generate(o);
  std::printf("generate       %8.2f s   %zu nodes, %zu edges\n", Seconds(t0), g.num_nodes(),
              g.num_edges());
  return Query(g, o);
}

int Usage() {
  std::fprintf(
      stderr,
      "usage: graph_bench [all|write|read|memory] [--file F] [--nodes N] [--edges M]\n"
      "                   [--queries Q] [--seed S] [--check] [--pairs-out F] [--cpu-time]\n"
      "                   [--warm]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  int i = 1;
  if (i < argc && argv[i][0] != '-') o.mode = argv[i++];
  for (; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--check") {
      o.check = true;
      continue;
    }
    if (arg == "--cpu-time") {
      o.cpu_time = true;
      continue;
    }
    if (arg == "--warm") {
      o.warm = true;
      continue;
    }
    if (i + 1 >= argc) return Usage();
    const std::string value = argv[++i];
    if (arg == "--file")
      o.file = value;
    else if (arg == "--pairs-out")
      o.pairs_out = value;
    else if (arg == "--nodes")
      o.nodes = std::stoul(value);
    else if (arg == "--edges")
      o.edges = std::stoul(value);
    else if (arg == "--queries")
      o.queries = std::stoul(value);
    else if (arg == "--seed")
      o.seed = std::stoull(value);
    else
      return Usage();
  }
  if (o.nodes < 2) return Usage();
  if (o.mode == "write") return Write(o);
  if (o.mode == "read") return Read(o);
  if (o.mode == "memory") return Memory(o);
  if (o.mode != "all") return Usage();
  if (int rc = Write(o); rc != 0) return rc;
  // The reader in a fresh process, so that its peak RSS is its own.
  std::string command = std::string(argv[0]) + " read --file '" + o.file + "' --queries " +
                        std::to_string(o.queries) + " --seed " + std::to_string(o.seed);
  if (o.check) command += " --check";
  if (o.cpu_time) command += " --cpu-time";
  if (o.warm) command += " --warm";
  if (!o.pairs_out.empty()) command += " --pairs-out '" + o.pairs_out + "'";
  std::fflush(stdout);
  return std::system(command.c_str()) == 0 ? 0 : 1;
}
