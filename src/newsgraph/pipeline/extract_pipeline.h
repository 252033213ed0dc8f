// The whole extraction flow: input paths -> articles -> extractions -> one
// graph, on every core, with the same bytes whatever the thread count.
//
//   ExtractOptions options;            // threads = all cores, language auto
//   ExtractSummary summary;
//   Result<KnowledgeGraph> graph = ExtractGraph(inputs, extractor, ontology, options, &summary);
//   std::cerr << FormatSummary(summary);
//
// Articles stream in batches; each batch is extracted in parallel and folded
// into the graph in input order, so the output never depends on scheduling.
// An article that cannot be read or extracted is skipped and counted in the
// summary with its located reason; the run fails (InputError) only when an
// input cannot be opened or when no article at all could be extracted.
#ifndef NEWSGRAPH_PIPELINE_EXTRACT_PIPELINE_H_
#define NEWSGRAPH_PIPELINE_EXTRACT_PIPELINE_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "newsgraph/base/status.h"
#include "newsgraph/extract/extractor.h"
#include "newsgraph/graph/knowledge_graph.h"
#include "newsgraph/schema/ontology.h"

namespace newsgraph {

struct ExtractOptions {
  // Worker threads; 0 means one per core.
  unsigned threads = 0;
  // "auto" detects each article's language; "fr" or "en" forces it for
  // articles that do not name their own.
  std::string lang = "auto";
  // Articles read and extracted together; bounds memory, not results.
  size_t batch_size = 512;
  // Give nodes positions and sizes (graph/layout.h) so the first view in
  // Gephi is readable.
  bool layout = true;
  // Called after each batch with the number of articles done (progress).
  std::function<void(size_t done)> on_progress;
};

struct ExtractSummary {
  size_t read = 0;       // articles read from the inputs
  size_t extracted = 0;  // articles whose extraction went into the graph
  size_t skipped = 0;    // articles not in the graph (read or extraction failed)
  std::map<std::string, size_t> skipped_by_reason;
  std::vector<std::string> messages;  // one located line per skip or warning
  size_t bytes = 0;                   // text bytes extracted
};

Result<KnowledgeGraph> ExtractGraph(const std::vector<std::string>& inputs,
                                    const Extractor& extractor, const Ontology& ontology,
                                    const ExtractOptions& options, ExtractSummary* summary);

// "read 7 articles: 6 extracted, 1 skipped (1 unknown language)".
std::string FormatSummary(const ExtractSummary& summary);

}  // namespace newsgraph

#endif  // NEWSGRAPH_PIPELINE_EXTRACT_PIPELINE_H_
