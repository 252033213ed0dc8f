#include "newsgraph/pipeline/graph_builder.h"

#include <algorithm>
#include <map>
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
  const auto [article_entry, fresh] = graph_.data().articles.try_emplace(article.id);
  article_entry->second = std::move(info);
  const auto article_number = static_cast<uint32_t>(articles_.size());
  articles_.push_back(&article_entry->first);

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
    NodeData& node = graph_.node(n);
    // One by one: inserting the range tries the set's end as a hint first,
    // a compare lost for aliases already there (most).
    for (const std::string& alias : entity.aliases) node.aliases.insert(alias);
    // (Empty strings are not assigned to empty ones: most entities have no
    // date and every node its wikidata already.)
    if (node.date.empty() && !entity.date.empty()) node.date = entity.date;
    if (node.wikidata.empty() && !entity.wikidata.empty()) node.wikidata = entity.wikidata;
    if (entity.mention_count > 0) {
      if (mentions_.size() <= n) mentions_.resize(n + 1);
      mentions_[n].push_back({article_number, entity.mention_count});
    }
  }

  for (ExtractedRelation& rel : extraction.relations) {
    // Every entity of the article is a node now (the one of its id).
    std::optional<NodeId> source = graph_.FindNode(rel.source_id);
    std::optional<NodeId> target = graph_.FindNode(rel.target_id);
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
    // Most relations are asserted: that name first.
    const Modality modality = rel.modality == ModalityName(Modality::kAsserted)
                                  ? Modality::kAsserted
                                  : ParseModality(rel.modality).value_or(Modality::kAsserted);
    if (!fresh) {  // an id added before: its records may be anywhere in the list
      graph_.AddEvidence(e, Evidence{article.id, std::move(rel.sentence), rel.begin, rel.end,
                                     std::move(rel.rule), modality, std::move(rel.reported_by)});
      continue;
    }
    // KnowledgeGraph::AddEvidence over this article's records only: they
    // share its id, so a place is its span. A new record is built in place.
    if (evidence_article_.size() <= e) {
      evidence_article_.resize(e + 1, 0);
      evidence_start_.resize(e + 1, 0);
    }
    std::vector<Evidence>& list = graph_.edge(e).evidence;
    if (evidence_article_[e] != article_number + 1) {
      evidence_article_[e] = article_number + 1;
      evidence_start_[e] = static_cast<uint32_t>(list.size());
    }
    size_t k = evidence_start_[e];
    while (k < list.size() && !(list[k].begin == rel.begin && list[k].end == rel.end)) ++k;
    if (k == list.size()) {
      list.emplace_back(article.id, std::move(rel.sentence), rel.begin, rel.end,
                        std::move(rel.rule), modality, std::move(rel.reported_by));
    } else {
      Evidence ev{article.id, std::move(rel.sentence),   rel.begin, rel.end, std::move(rel.rule),
                  modality,   std::move(rel.reported_by)};
      if (ev < list[k]) list[k] = std::move(ev);
    }
  }
  return dropped;
}

void GraphBuilder::MoveMentionsIntoGraph() {
  // Article numbers ranked by id; an id added twice has one rank. first[r]
  // is an article of rank r.
  std::vector<uint32_t> order(articles_.size());
  for (uint32_t a = 0; a < order.size(); ++a) order[a] = a;
  std::sort(order.begin(), order.end(),
            [this](uint32_t a, uint32_t b) { return *articles_[a] < *articles_[b]; });
  std::vector<uint32_t> rank(articles_.size()), first;
  for (size_t k = 0; k < order.size(); ++k) {
    if (k == 0 || *articles_[order[k]] != *articles_[order[k - 1]]) first.push_back(order[k]);
    rank[order[k]] = static_cast<uint32_t>(first.size() - 1);
  }
  for (NodeId n = 0; n < mentions_.size(); ++n) {
    std::vector<Mentions>& list = mentions_[n];
    if (list.empty()) continue;
    for (Mentions& m : list) m.article = rank[m.article];
    std::sort(list.begin(), list.end(),
              [](const Mentions& a, const Mentions& b) { return a.article < b.article; });
    // In key order, each inserted at the end of the map without a search;
    // the counts of one article are summed, as AddMention does.
    std::map<std::string, int64_t>& counts = graph_.node(n).article_mentions;
    for (const Mentions& m : list) {
      counts.try_emplace(counts.end(), *articles_[first[m.article]], 0)->second += m.count;
    }
  }
  mentions_.clear();
}

KnowledgeGraph GraphBuilder::Finish() {
  MoveMentionsIntoGraph();
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
