#include "newsgraph/io/json_graph.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cctype>
#include <set>
#include <unordered_map>

#include "newsgraph/base/file.h"
#include "newsgraph/base/text_position.h"
#include "newsgraph/io/attribute_plan.h"
#include "newsgraph/io/graph_fields.h"
#include "newsgraph/io/output_sink.h"
#include "newsgraph/io/text_escape.h"
#include "newsgraph/io/value_format.h"

namespace newsgraph {
namespace {

using rapidjson::Value;

// ---------------------------------------------------------------- writing

void AppendMember(std::string_view name, FieldKind kind, std::string_view lexical,
                  std::string* out) {
  out->push_back(',');
  AppendJsonString(name, out);
  out->push_back(':');
  if (kind == FieldKind::kString) {
    AppendJsonString(lexical, out);
  } else {
    out->append(lexical);
  }
}

FieldKind KindOfType(std::string_view type) {
  if (type == "boolean") return FieldKind::kBool;
  if (type == "int" || type == "long") return FieldKind::kLong;
  if (type == "float" || type == "double") return FieldKind::kDouble;
  return FieldKind::kString;
}

template <typename Data>
void AppendMembers(const std::vector<Field<Data>>& fields, const Data& d, const AttributePlan& plan,
                   std::string* scratch, std::string* out) {
  for (const Field<Data>& f : fields) {
    if (!(f.formats & kInJson) || !f.present(d)) continue;
    scratch->clear();
    f.append(d, scratch);
    AppendMember(f.name, f.kind, *scratch, out);
  }
  if (d.extra.empty()) return;
  for (const auto& [original, column] : plan.ordered()) {
    auto it = d.extra.find(original);
    if (it != d.extra.end())
      AppendMember(column.name, KindOfType(column.type), it->second.value, out);
  }
}

// {"founded":"int"} for the columns whose JSON value does not tell the type.
void AppendTypes(std::string_view cls, const AttributePlan& plan, bool* first, std::string* out) {
  bool open = false;
  for (const auto& [original, column] : plan.ordered()) {
    if (column.type != "int" && column.type != "float") continue;
    if (!open) {
      if (!*first) out->push_back(',');
      *first = false;
      AppendJsonString(cls, out);
      out->append(":{");
    } else {
      out->push_back(',');
    }
    open = true;
    AppendJsonString(column.name, out);
    out->push_back(':');
    AppendJsonString(column.type, out);
  }
  if (open) out->push_back('}');
}

void WriteJson(const KnowledgeGraph& g, OutputSink* sink) {
  const std::vector<NodeId> nodes = g.SortedNodes();
  const std::vector<EdgeId> edges = g.SortedEdges();
  const GraphData& data = g.data();
  AttributePlan graph_plan(ReservedGraphNames());
  AttributePlan node_plan(ReservedNodeNames());
  AttributePlan edge_plan(ReservedEdgeNames());
  graph_plan.Add(data.extra);
  for (NodeId n : nodes) node_plan.Add(g.node(n).extra);
  for (EdgeId e : edges) edge_plan.Add(g.edge(e).extra);
  graph_plan.Assign();
  node_plan.Assign();
  edge_plan.Assign();

  std::string* out = sink->out();
  out->append("{\"directed\":true,\"multigraph\":true,\"graph\":{\"profile\":");
  AppendJsonString(kJsonProfile, out);
  if (!data.title.empty()) AppendMember("title", FieldKind::kString, data.title, out);
  std::string scratch;
  if (!data.articles.empty()) {
    AppendArticlesJson(data, &scratch);
    AppendMember("articles", FieldKind::kJson, scratch, out);
  }
  std::string types;
  bool first = true;
  AppendTypes("graph", graph_plan, &first, &types);
  AppendTypes("node", node_plan, &first, &types);
  AppendTypes("edge", edge_plan, &first, &types);
  if (!types.empty()) AppendMember("extra_types", FieldKind::kJson, "{" + types + "}", out);
  for (const auto& [original, column] : graph_plan.ordered()) {
    AppendMember(column.name, KindOfType(column.type), data.extra.at(original).value, out);
  }
  out->append("},\n\"nodes\":[");
  for (size_t i = 0; i < nodes.size(); ++i) {
    const NodeData& d = g.node(nodes[i]);
    out->append(i ? ",\n{\"id\":" : "\n{\"id\":");
    AppendJsonString(d.id, out);
    AppendMembers(NodeFields(), d, node_plan, &scratch, out);
    out->push_back('}');
    sink->MaybeFlush();
  }
  out->append("\n],\n\"links\":[");
  for (size_t i = 0; i < edges.size(); ++i) {
    const EdgeId e = edges[i];
    const EdgeData& d = g.edge(e);
    out->append(i ? ",\n{\"source\":" : "\n{\"source\":");
    AppendJsonString(g.node(g.source(e)).id, out);
    out->append(",\"target\":");
    AppendJsonString(g.node(g.target(e)).id, out);
    out->append(",\"key\":");
    AppendJsonString(d.id.empty() ? "e" + std::to_string(e) : d.id, out);
    AppendMembers(EdgeFields(), d, edge_plan, &scratch, out);
    out->push_back('}');
    sink->MaybeFlush();
  }
  out->append("\n]}\n");
}

// ---------------------------------------------------------------- reading

std::string Compact(const Value& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  v.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

// The lexical form of a JSON value and the attribute type it implies.
std::pair<std::string, std::string> Lexical(const Value& v) {
  if (v.IsString()) return {std::string(v.GetString(), v.GetStringLength()), "string"};
  if (v.IsBool()) return {v.GetBool() ? "true" : "false", "boolean"};
  if (v.IsInt64()) {
    std::string s;
    AppendInt(v.GetInt64(), &s);
    return {s, "long"};
  }
  if (v.IsNumber()) return {FormatDouble(v.GetDouble()), "double"};
  return {Compact(v), "string"};
}

std::string IdOf(const Value& v) {
  if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
  if (v.IsNumber() || v.IsBool()) return Lexical(v).first;
  return "";
}

class JsonReader {
 public:
  JsonReader(std::string_view text, const std::string& name) : text_(text), name_(name) {}
  Result<KnowledgeGraph> Read();

 private:
  Status Error(const std::string& where, const std::string& message) const {
    return Status::InputError(name_ + ": " + where + ": " + message);
  }
  Attribute Extra(std::string_view cls, const std::string& member, const Value& v) const {
    auto [lexical, type] = Lexical(v);
    auto t = types_.find({std::string(cls), member});
    return CanonicalAttribute(t != types_.end() ? t->second : type, lexical);
  }
  Status ReadGraph(const Value& graph);
  Status ReadNodes(const Value& nodes);
  Status ReadLinks(const Value& links, bool directed);

  std::string_view text_;
  const std::string& name_;
  KnowledgeGraph graph_;
  bool ours_ = false;
  std::map<std::pair<std::string, std::string>, std::string> types_;  // (class, name) -> type
  std::unordered_map<std::string, NodeId> by_json_id_;
};

Status JsonReader::ReadGraph(const Value& graph) {
  if (!graph.IsObject()) return Error("graph", "expected an object");
  if (auto t = graph.FindMember("extra_types"); t != graph.MemberEnd() && t->value.IsObject()) {
    for (auto c = t->value.MemberBegin(); c != t->value.MemberEnd(); ++c) {
      if (!c->value.IsObject()) return Error("graph.extra_types", "expected objects");
      for (auto m = c->value.MemberBegin(); m != c->value.MemberEnd(); ++m) {
        if (!m->value.IsString()) return Error("graph.extra_types", "types must be strings");
        types_[{c->name.GetString(), m->name.GetString()}] = m->value.GetString();
      }
    }
  }
  GraphData& data = graph_.data();
  for (auto m = graph.MemberBegin(); m != graph.MemberEnd(); ++m) {
    std::string member(m->name.GetString(), m->name.GetStringLength());
    if (m->value.IsNull() || member == "extra_types") continue;
    if (member == "profile") {
      ours_ = m->value.IsString() && std::string_view(m->value.GetString()) == kJsonProfile;
    } else if (member == "title" && m->value.IsString()) {
      data.title = m->value.GetString();
    } else if (member == "articles" && m->value.IsArray()) {
      Result<std::map<std::string, ArticleInfo>> articles = ParseArticlesJson(Compact(m->value));
      if (!articles.ok()) return Error("graph.articles", articles.status().message());
      data.articles = std::move(*articles);
    } else {
      data.extra[member] = Extra("graph", member, m->value);
    }
  }
  return Status::Ok();
}

Status JsonReader::ReadNodes(const Value& nodes) {
  for (rapidjson::SizeType i = 0; i < nodes.Size(); ++i) {
    const std::string where = "nodes[" + std::to_string(i) + "]";
    const Value& n = nodes[i];
    if (!n.IsObject()) return Error(where, "expected an object");
    auto id_member = n.FindMember("id");
    std::string json_id = id_member == n.MemberEnd() ? "" : IdOf(id_member->value);
    if (json_id.empty()) return Error(where, "node without an 'id'");
    if (by_json_id_.count(json_id)) return Error(where, "duplicate node id '" + json_id + "'");
    NodeData node;
    node.id = IsAsciiNmtoken(json_id) ? json_id : SafeAttributeName(json_id);
    for (int k = 2; graph_.FindNode(node.id); ++k)
      node.id = SafeAttributeName(json_id) + "_" + std::to_string(k);
    for (auto m = n.MemberBegin(); m != n.MemberEnd(); ++m) {
      std::string member(m->name.GetString(), m->name.GetStringLength());
      if (member == "id" || m->value.IsNull()) continue;
      if (!ApplyNodeField(member, Lexical(m->value).first, &node)) {
        node.extra[member] = Extra("node", member, m->value);
      }
    }
    if (!node.article_mentions.empty()) node.extra.erase("article_ids");
    by_json_id_[json_id] = graph_.AddNode(std::move(node));
  }
  return Status::Ok();
}

Status JsonReader::ReadLinks(const Value& links, bool directed) {
  std::set<std::string> ids;
  for (rapidjson::SizeType i = 0; i < links.Size(); ++i) {
    const std::string where = "links[" + std::to_string(i) + "]";
    const Value& l = links[i];
    if (!l.IsObject()) return Error(where, "expected an object");
    NodeId ends[2];
    const char* roles[2] = {"source", "target"};
    for (int r = 0; r < 2; ++r) {
      auto m = l.FindMember(roles[r]);
      if (m == l.MemberEnd()) return Error(where, std::string("link without a '") + roles[r] + "'");
      auto it = by_json_id_.find(IdOf(m->value));
      if (it == by_json_id_.end()) {
        return Error(where, std::string("unknown ") + roles[r] + " node '" + IdOf(m->value) + "'");
      }
      ends[r] = it->second;
    }
    EdgeData edge;
    auto key = l.FindMember("key");
    if (key == l.MemberEnd()) key = l.FindMember("id");
    edge.id = key != l.MemberEnd() ? IdOf(key->value) : "";
    if (edge.id.empty()) edge.id = "e" + std::to_string(i);
    if (!IsAsciiNmtoken(edge.id)) edge.id = SafeAttributeName(edge.id);
    // (One key between different nodes is two edges: a merge of two files
    // that both number their edges from "e0" keeps both.)
    const std::string& s_id = graph_.node(ends[0]).id;
    const std::string& t_id = graph_.node(ends[1]).id;
    if (!ids.insert(edge.id + '\x1f' + s_id + '\x1f' + t_id).second) {
      return Error(where,
                   "duplicate link key '" + edge.id + "' from '" + s_id + "' to '" + t_id + "'");
    }
    edge.symmetric = !directed;
    for (auto m = l.MemberBegin(); m != l.MemberEnd(); ++m) {
      std::string member(m->name.GetString(), m->name.GetStringLength());
      if (member == "source" || member == "target" || m->value.IsNull()) continue;
      if ((member == "key" || member == "id") && IdOf(m->value) == edge.id) continue;
      if (member == "evidence" && m->value.IsArray()) {
        Result<std::vector<Evidence>> ev = ParseEvidenceRecordsJson(Compact(m->value));
        if (!ev.ok()) return Error(where, "evidence: " + ev.status().message());
        edge.evidence = std::move(*ev);
      } else if (!ApplyEdgeField(member, Lexical(m->value).first, &edge)) {
        edge.extra[member] = Extra("edge", member, m->value);
      }
    }
    const std::string& s = graph_.node(ends[0]).id;
    const std::string& t = graph_.node(ends[1]).id;
    if (ours_ && !edge.relation.empty() && edge.id == RelationEdgeId(s, edge.relation, t) &&
        (!edge.symmetric || s <= t)) {
      EdgeId e = graph_.AddEdge(ends[0], edge.relation, ends[1], edge.symmetric);
      graph_.edge(e) = std::move(edge);
    } else {
      graph_.AddRawEdge(ends[0], ends[1], std::move(edge));
    }
  }
  return Status::Ok();
}

Result<KnowledgeGraph> JsonReader::Read() {
  NEWSGRAPH_RETURN_IF_ERROR(CheckText(text_, name_));
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseFullPrecisionFlag>(text_.data(), text_.size());
  if (doc.HasParseError()) {
    std::string what = rapidjson::GetParseError_En(doc.GetParseError());
    if (!what.empty())
      what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    if (!what.empty() && what.back() == '.') what.pop_back();
    size_t offset = std::min(doc.GetErrorOffset(), text_.size());
    return Status::InputError(Where(name_, text_, offset) + ": invalid JSON: " + what);
  }
  if (!doc.IsObject())
    return Status::InputError(name_ + ": expected a JSON object with nodes and links");
  bool directed = true;
  if (auto d = doc.FindMember("directed"); d != doc.MemberEnd() && d->value.IsBool()) {
    directed = d->value.GetBool();
  }
  if (auto g = doc.FindMember("graph"); g != doc.MemberEnd()) {
    NEWSGRAPH_RETURN_IF_ERROR(ReadGraph(g->value));
  }
  auto nodes = doc.FindMember("nodes");
  if (nodes == doc.MemberEnd() || !nodes->value.IsArray()) {
    return Status::InputError(name_ + ": expected a \"nodes\" array");
  }
  NEWSGRAPH_RETURN_IF_ERROR(ReadNodes(nodes->value));
  auto links = doc.FindMember("links");
  if (links == doc.MemberEnd()) links = doc.FindMember("edges");
  if (links == doc.MemberEnd() || !links->value.IsArray()) {
    return Status::InputError(name_ + ": expected a \"links\" array");
  }
  NEWSGRAPH_RETURN_IF_ERROR(ReadLinks(links->value, directed));
  return std::move(graph_);
}

}  // namespace

std::string JsonGraphToString(const KnowledgeGraph& graph) {
  OutputSink sink;
  WriteJson(graph, &sink);
  return sink.Finish();
}

Status WriteJsonGraphFile(const KnowledgeGraph& graph, const std::string& path) {
  AtomicFile file;
  NEWSGRAPH_RETURN_IF_ERROR(file.Open(path));
  OutputSink sink(&file);
  WriteJson(graph, &sink);
  sink.Finish();
  return file.Commit();
}

Result<KnowledgeGraph> ReadJsonGraph(std::string_view text, const std::string& name) {
  JsonReader reader(text, name);
  return reader.Read();
}

}  // namespace newsgraph
