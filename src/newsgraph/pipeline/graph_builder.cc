#include "newsgraph/pipeline/graph_builder.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "newsgraph/base/status.h"

namespace newsgraph {

std::vector<std::string> GraphBuilder::Add(const Article& article, Extraction extraction) {
  std::vector<std::string> dropped;
  ArticleInfo info;
  info.id = article.id;
  info.title = article.title;
  info.date = extraction.date.empty() ? article.date : extraction.date;
  info.url = article.url;
  info.lang = extraction.lang;
  graph_.data().articles[info.id] = std::move(info);

  // The node of each entity, parallel to extraction.entities (sorted by id).
  std::vector<NodeId> nodes;
  nodes.reserve(extraction.entities.size());
  for (const ExtractedEntity& entity : extraction.entities) {
    // Most entities are already nodes: skip building NodeData for them.
    std::optional<NodeId> found = graph_.FindNode(entity.id);
    NodeId n;
    if (found) {
      n = *found;
    } else {
      NodeData data;
      data.id = entity.id;
      data.label = entity.label;
      data.category = entity.category;
      data.wikidata = entity.wikidata;
      data.iso3 = entity.iso3;
      data.date = entity.date;
      n = graph_.AddNode(std::move(data));
    }
    nodes.push_back(n);
    NodeData& node = graph_.node(n);
    node.aliases.insert(entity.aliases.begin(), entity.aliases.end());
    if (node.date.empty()) node.date = entity.date;
    if (node.wikidata.empty()) node.wikidata = entity.wikidata;
    if (entity.mention_count > 0) graph_.AddMention(n, article.id, entity.mention_count);
  }

  const bool sorted = std::is_sorted(
      extraction.entities.begin(), extraction.entities.end(),
      [](const ExtractedEntity& a, const ExtractedEntity& b) { return a.id < b.id; });
  // The node of an entity id: binary search in this article's entities (no
  // string allocation), the graph's index otherwise.
  auto find_node = [&](const std::string& id) -> std::optional<NodeId> {
    if (sorted) {
      auto it =
          std::lower_bound(extraction.entities.begin(), extraction.entities.end(), id,
                           [](const ExtractedEntity& e, const std::string& x) { return e.id < x; });
      if (it != extraction.entities.end() && it->id == id) {
        return nodes[it - extraction.entities.begin()];
      }
    }
    return graph_.FindNode(id);
  };
  for (ExtractedRelation& rel : extraction.relations) {
    std::optional<NodeId> source = find_node(rel.source_id);
    std::optional<NodeId> target = find_node(rel.target_id);
    // The extractor lists every entity a relation names; a miss is a bug
    // there, said rather than dropped silently.
    if (!source || !target) {
      dropped.push_back(article.source + ": internal error: relation " + rel.source_id + " " +
                        rel.relation + " " + rel.target_id + " (rule " + rel.rule +
                        ") names an entity the extraction does not list; relation dropped");
      continue;
    }
    const RelationDef* def = ontology_->FindRelation(rel.relation);
    EdgeId e = graph_.AddEdge(*source, rel.relation, *target, def != nullptr && def->symmetric);
    Evidence ev;
    ev.article_id = article.id;
    ev.sentence = std::move(rel.sentence);
    ev.begin = rel.begin;
    ev.end = rel.end;
    ev.rule = std::move(rel.rule);
    ev.modality = ParseModality(rel.modality).value_or(Modality::kAsserted);
    ev.reported_by = std::move(rel.reported_by);
    graph_.AddEvidence(e, std::move(ev));
  }
  return dropped;
}

KnowledgeGraph GraphBuilder::Finish() {
  graph_.Finalize();
  ApplyOntologyStyle(*ontology_, &graph_);
  return std::move(graph_);
}

void ApplyOntologyStyle(const Ontology& ontology, KnowledgeGraph* graph) {
  for (NodeId n = 0; n < graph->num_nodes(); ++n) {
    NodeData& node = graph->node(n);
    if (const CategoryDef* cat = ontology.FindCategory(node.category)) node.color = cat->color;
  }
  for (EdgeId e = 0; e < graph->num_edges(); ++e) {
    EdgeData& edge = graph->edge(e);
    const RelationDef* def = ontology.FindRelation(edge.relation);
    if (def == nullptr) continue;
    edge.label = def->label_en;
    edge.color = def->color;
    edge.symmetric = def->symmetric;
    edge.cameo = def->cameo;
    edge.goldstein = def->goldstein;
  }
}

}  // namespace newsgraph
