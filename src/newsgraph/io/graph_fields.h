// The attributes newsgraph gives nodes, edges and the graph in every format,
// in the order writers emit them, and how a lexical value read back from a file
// is put into the model. One table, so GraphML, GEXF and JSON agree.
//
//   for (const NodeField& f : NodeFields())
//     if (f.formats & kInGraphml && f.present(node)) f.append(node, &value);
//   bool used = ApplyNodeField("x", "12.5", &node);   // node.x = 12.5
//
// Lexical forms: strings raw, numbers via value_format.h, booleans true/false,
// lists and maps as compact JSON (see text_escape.h). Tables are immutable;
// functions are thread-safe.
#ifndef NEWSGRAPH_IO_GRAPH_FIELDS_H_
#define NEWSGRAPH_IO_GRAPH_FIELDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/base/status.h"
#include "newsgraph/graph/knowledge_graph.h"

namespace newsgraph {

enum class FieldKind { kString, kDouble, kLong, kBool, kJson };

// Which writers emit a field.
inline constexpr unsigned kInGraphml = 1;
inline constexpr unsigned kInGexfAttribute = 2;  // as an <attvalue> (viz/label are separate)
inline constexpr unsigned kInJson = 4;

template <typename Data>
struct Field {
  std::string_view name;
  FieldKind kind;
  std::string_view gexf_type;  // GEXF attribute type
  unsigned formats;
  bool (*present)(const Data&);
  void (*append)(const Data&, std::string* out);  // lexical form
};
using NodeField = Field<NodeData>;
using EdgeField = Field<EdgeData>;

const std::vector<NodeField>& NodeFields();
const std::vector<EdgeField>& EdgeFields();

// The GraphML data key that keeps an edge's id when the file holds it under
// another (two edges of one id between different nodes; see edge_ids.h).
inline constexpr std::string_view kOriginalEdgeId = "original_id";

// Names foreign attributes must not take: every field name, "id" and "type"
// (igraph and sigma.js give them a meaning), and for edges the JSON link
// members "source", "target" and "key" and kOriginalEdgeId; for the graph,
// title/profile/articles.
std::vector<std::string_view> ReservedNodeNames();
std::vector<std::string_view> ReservedEdgeNames();
std::vector<std::string_view> ReservedGraphNames();

// GraphML attr.type of a field kind: string double long boolean string.
std::string_view GraphmlType(FieldKind kind);

// The profile names, written as graph attributes.
inline constexpr std::string_view kGraphmlProfile = "newsgraph-graphml/1";
inline constexpr std::string_view kJsonProfile = "newsgraph-json/1";

// Compact JSON of the graph's articles: [{"id":..,"title":..,"date":..,"url":..,"lang":..}].
void AppendArticlesJson(const GraphData& data, std::string* out);
// Evidence as JSON: sentences only ["..",".."], the rest ([{"article":..,"begin":..,
// "end":..,"rule":..,"modality":..,"reported_by":..}]), or whole records (with "sentence").
void AppendEvidenceSentencesJson(const std::vector<Evidence>& evidence, std::string* out);
void AppendEvidenceMetaJson(const std::vector<Evidence>& evidence, std::string* out);
void AppendEvidenceRecordsJson(const std::vector<Evidence>& evidence, std::string* out);

// Sets the field `name` from its lexical form. Returns false, leaving `data`
// unchanged, when `name` is no field of the model (uid, article_ids of a node,
// evidence and evidence_meta are the caller's) or when the value does not parse
// as the field's type: the caller keeps it as a foreign attribute.
bool ApplyNodeField(std::string_view name, std::string_view value, NodeData* data);
bool ApplyEdgeField(std::string_view name, std::string_view value, EdgeData* data);

// Parsers of the JSON literals above; errors say what is wrong, without a place.
Result<std::vector<std::string>> ParseJsonStringArray(std::string_view json);
Result<std::map<std::string, ArticleInfo>> ParseArticlesJson(std::string_view json);
// Evidence from GraphML: the sentences and, if `meta` is non-empty, their records.
Result<std::vector<Evidence>> ParseEvidenceJson(std::string_view sentences, std::string_view meta);
// Evidence from the JSON format: an array of whole records.
Result<std::vector<Evidence>> ParseEvidenceRecordsJson(std::string_view records);

}  // namespace newsgraph

#endif  // NEWSGRAPH_IO_GRAPH_FIELDS_H_
