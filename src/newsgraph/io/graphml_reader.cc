#include "newsgraph/io/graphml_reader.h"

#include <cctype>
#include <cstring>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "newsgraph/base/edit_distance.h"
#include "newsgraph/base/file.h"
#include "newsgraph/base/text_position.h"
#include "newsgraph/io/attribute_plan.h"
#include "newsgraph/io/graph_fields.h"
#include "newsgraph/io/value_format.h"

namespace newsgraph {
namespace {

std::string_view LocalName(const pugi::xml_node& n) {
  std::string_view name = n.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Runs of ASCII whitespace in an attribute name become one '_'.
std::string NormalizeAttributeName(std::string_view name) {
  std::string out;
  bool space = false;
  for (char c : TrimXmlSpace(name)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space) out.push_back('_');
    space = false;
    out.push_back(c);
  }
  return out;
}

struct Key {
  std::string id;
  std::string domain;  // node edge graph all (or another GraphML domain)
  std::string name;    // attr.name, normalised
  std::string type;    // attr.type as written ("string" when absent)
  std::optional<std::string> default_value;
  std::string yfiles_type;
};

// One attribute value of an element, as read.
struct Value {
  const Key* key;
  std::string text;
};

// The <data> of one element: plain values by attribute name, and what yEd's
// nested graphics say about label, position and colour.
struct ElementData {
  std::map<std::string, Value> values;
  std::string yed_label;
  std::optional<double> yed_x, yed_y;
  std::string yed_color;
};

class Reader {
 public:
  Reader(std::string_view text, const std::string& name) : text_(text), name_(name) {}

  Result<KnowledgeGraph> Read();

 private:
  std::string At(const pugi::xml_node& n) const {
    ptrdiff_t offset = n.offset_debug();
    if (offset > 0 && static_cast<size_t>(offset) <= text_.size() && text_[offset - 1] == '<') {
      --offset;  // offset_debug points at the name, after '<'
    }
    if (offset < 0) offset = 0;
    return Where(name_, text_, std::min(static_cast<size_t>(offset), text_.size()));
  }
  Status Error(const pugi::xml_node& n, const std::string& message) const {
    return Status::InputError(At(n) + ": " + message);
  }

  void ReadKey(const pugi::xml_node& k);
  const Key* FindKey(std::string_view domain, std::string_view id) const;
  Result<ElementData> ReadData(const pugi::xml_node& element, std::string_view domain) const;
  Status ReadGraphData(const pugi::xml_node& graph);
  Status ReadNodes(const pugi::xml_node& graph);
  Status ReadEdges(const pugi::xml_node& graph, bool undirected);
  std::string UniqueNodeId(const std::string& candidate) const;

  std::string_view text_;
  const std::string& name_;
  // Fast lookups for one domain, built by Index() once every key is read:
  // key id -> key (the domain's own, else "all"), and the keys with defaults.
  struct DomainKeys {
    std::unordered_map<std::string, const Key*> by_id;
    std::vector<const Key*> defaults;
  };
  void Index();
  const DomainKeys& KeysFor(std::string_view domain) const;

  std::map<std::pair<std::string, std::string>, Key> keys_;  // (domain, id)
  std::map<std::string, DomainKeys, std::less<>> domains_;
  DomainKeys no_keys_;
  KnowledgeGraph graph_;
  bool ours_ = false;
  std::unordered_map<std::string, NodeId> by_xml_id_;
  std::unordered_set<std::string> edge_ids_;
};

void Reader::ReadKey(const pugi::xml_node& k) {
  Key key;
  key.id = k.attribute("id").value();
  key.domain = k.attribute("for") ? k.attribute("for").value() : "all";
  key.name =
      k.attribute("attr.name") ? NormalizeAttributeName(k.attribute("attr.name").value()) : key.id;
  key.type = k.attribute("attr.type") ? k.attribute("attr.type").value() : "string";
  key.yfiles_type = k.attribute("yfiles.type").value();
  for (pugi::xml_node c : k.children()) {
    if (c.type() == pugi::node_element && LocalName(c) == "default") {
      key.default_value = c.text().get();
    }
  }
  keys_.try_emplace({key.domain, key.id}, std::move(key));
}

void Reader::Index() {
  domains_.clear();
  for (std::string_view domain : {"graph", "node", "edge"}) {
    DomainKeys& d = domains_[std::string(domain)];
    for (const auto& [dk, key] : keys_) {
      if (dk.first != domain && dk.first != "all") continue;
      if (key.default_value) d.defaults.push_back(&key);
      // The domain's own key wins over an "all" key of the same id.
      if (dk.first == domain || !d.by_id.count(dk.second)) d.by_id[dk.second] = &key;
    }
  }
}

const Reader::DomainKeys& Reader::KeysFor(std::string_view domain) const {
  auto it = domains_.find(domain);
  return it == domains_.end() ? no_keys_ : it->second;
}

const Key* Reader::FindKey(std::string_view domain, std::string_view id) const {
  const DomainKeys& d = KeysFor(domain);
  auto it = d.by_id.find(std::string(id));
  return it == d.by_id.end() ? nullptr : it->second;
}

// Concatenated text of a <data>; nullopt when it holds elements (yEd graphics).
std::optional<std::string> DataText(const pugi::xml_node& data) {
  std::string text;
  for (pugi::xml_node c : data.children()) {
    if (c.type() == pugi::node_element) return std::nullopt;
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) text += c.value();
  }
  return text;
}

void ReadYedGraphics(const pugi::xml_node& data, ElementData* out) {
  for (pugi::xml_node n = data.first_child(); n;) {
    if (n.type() == pugi::node_element) {
      std::string_view local = LocalName(n);
      if ((local == "NodeLabel" || local == "EdgeLabel") && out->yed_label.empty()) {
        out->yed_label = std::string(TrimXmlSpace(n.text().get()));
      } else if (local == "Geometry" && !out->yed_x) {
        out->yed_x = ParseDouble(n.attribute("x").value());
        out->yed_y = ParseDouble(n.attribute("y").value());
        if (!out->yed_x || !out->yed_y) out->yed_x = out->yed_y = std::nullopt;
      } else if (local == "Fill" && out->yed_color.empty() &&
                 IsHexColor(n.attribute("color").value())) {
        out->yed_color = n.attribute("color").value();
      }
    }
    // Depth-first walk inside `data`.
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && n != data && !n.next_sibling()) n = n.parent();
    if (!n || n == data) break;
    n = n.next_sibling();
  }
}

Result<ElementData> Reader::ReadData(const pugi::xml_node& element, std::string_view domain) const {
  ElementData out;
  std::set<std::string> seen_keys;
  for (pugi::xml_node d : element.children()) {
    if (d.type() != pugi::node_element || LocalName(d) != "data") continue;
    std::string id = d.attribute("key").value();
    const Key* key = FindKey(domain, id);
    if (key == nullptr) {
      std::vector<std::string> candidates;
      std::string other_domain;
      for (const auto& [dk, k] : keys_) {
        if (dk.first == domain || dk.first == "all") candidates.push_back(k.id);
        if (dk.second == id) other_domain = dk.first;
      }
      if (!other_domain.empty()) {
        return Error(d, "key '" + id + "' is declared for " + other_domain + ", not for " +
                            std::string(domain));
      }
      std::string message = "undeclared key '" + id + "' in " + std::string(domain);
      auto close = ClosestMatches(id, candidates, std::max<size_t>(2, id.size() / 3));
      if (!close.empty()) message += ", did you mean '" + close.front() + "'?";
      return Error(d, message);
    }
    if (!seen_keys.insert(id).second) {
      return Error(d, "key '" + id + "' is given twice in one " + std::string(domain) +
                          " (GraphML allows one value per key)");
    }
    std::optional<std::string> text = DataText(d);
    if (!text) {
      if (key->yfiles_type == "nodegraphics" || key->yfiles_type == "edgegraphics") {
        ReadYedGraphics(d, &out);
      }
      continue;
    }
    out.values[key->name] = Value{key, std::move(*text)};
  }
  for (const Key* key : KeysFor(domain).defaults) {
    if (!out.values.count(key->name)) out.values[key->name] = Value{key, *key->default_value};
  }
  return out;
}

// A foreign id made an ASCII NMTOKEN that the profile accepts.
std::string SafeId(std::string_view id) { return SafeAttributeName(id); }

std::string Reader::UniqueNodeId(const std::string& candidate) const {
  std::string id = candidate;
  for (int n = 2; graph_.FindNode(id); ++n) id = candidate + "_" + std::to_string(n);
  return id;
}

Status Reader::ReadGraphData(const pugi::xml_node& graph) {
  Result<ElementData> data = ReadData(graph, "graph");
  if (!data.ok()) return data.status();
  auto profile = data->values.find("profile");
  ours_ = profile != data->values.end() && profile->second.text == kGraphmlProfile;
  GraphData& g = graph_.data();
  for (auto& [name, value] : data->values) {
    if (name == "profile") continue;  // describes the file, not the graph
    if (name == "title") {
      g.title = value.text;
    } else if (name == "articles" && ParseArticlesJson(value.text).ok()) {
      g.articles = *ParseArticlesJson(value.text);
    } else {
      g.extra[name] = CanonicalAttribute(value.key->type, value.text);
    }
  }
  return Status::Ok();
}

Status Reader::ReadNodes(const pugi::xml_node& graph) {
  std::unordered_map<std::string, pugi::xml_node> first_seen;
  first_seen.reserve(by_xml_id_.bucket_count());
  for (pugi::xml_node n : graph.children()) {
    if (n.type() != pugi::node_element || LocalName(n) != "node") continue;
    if (!n.attribute("id")) return Error(n, "node without an id");
    std::string xml_id = n.attribute("id").value();
    auto [it, fresh] = first_seen.emplace(xml_id, n);
    if (!fresh) {
      return Error(n, "duplicate node id '" + xml_id + "' (first at " + At(it->second) + ")");
    }
    Result<ElementData> data = ReadData(n, "node");
    if (!data.ok()) return data.status();
    auto& values = data->values;

    // The node's id: uid, else an `id` attribute, else the XML id (made safe).
    std::string id;
    for (const char* source : {"uid", "id"}) {
      auto v = values.find(source);
      if (id.empty() && v != values.end() && IsAsciiNmtoken(v->second.text) &&
          !graph_.FindNode(v->second.text)) {
        id = v->second.text;
      }
    }
    if (id.empty()) id = UniqueNodeId(IsAsciiNmtoken(xml_id) ? xml_id : SafeId(xml_id));
    for (const char* source : {"uid", "id"}) {
      auto v = values.find(source);
      if (v != values.end() && (v->second.text == id || v->second.text == xml_id)) values.erase(v);
    }

    NodeData node;
    node.id = id;
    for (const auto& [name, value] : values) {
      if (!ApplyNodeField(name, value.text, &node)) {
        node.extra[name] = CanonicalAttribute(value.key->type, value.text);
      }
    }
    // A node's article_ids are derived from article_mentions when it has them.
    if (!node.article_mentions.empty()) node.extra.erase("article_ids");
    if (node.label.empty()) node.label = data->yed_label;
    if (!values.count("x") && !values.count("y") && data->yed_x) {
      node.x = *data->yed_x;
      node.y = *data->yed_y;
    }
    if (node.color.empty()) node.color = data->yed_color;
    by_xml_id_[xml_id] = graph_.AddNode(std::move(node));
  }
  return Status::Ok();
}

Status Reader::ReadEdges(const pugi::xml_node& graph, bool undirected) {
  size_t index = 0;
  for (pugi::xml_node e : graph.children()) {
    if (e.type() != pugi::node_element || LocalName(e) != "edge") continue;
    const size_t position = index++;
    std::string xml_id = e.attribute("id").value();
    NodeId ends[2];
    const char* roles[2] = {"source", "target"};
    for (int i = 0; i < 2; ++i) {
      if (!e.attribute(roles[i])) return Error(e, std::string("edge without a ") + roles[i]);
      std::string ref = e.attribute(roles[i]).value();
      auto it = by_xml_id_.find(ref);
      if (it == by_xml_id_.end()) {
        std::string what = xml_id.empty() ? "an edge" : "edge '" + xml_id + "'";
        return Error(e, what + ": unknown " + roles[i] + " node '" + ref + "'");
      }
      ends[i] = it->second;
    }
    Result<ElementData> data = ReadData(e, "edge");
    if (!data.ok()) return data.status();
    auto& values = data->values;

    std::string id = xml_id;
    if (id.empty()) {
      auto v = values.find("id");
      id = v != values.end() && !v->second.text.empty() ? v->second.text
                                                        : "e" + std::to_string(position);
    }
    if (!IsAsciiNmtoken(id)) id = SafeId(id);
    if (auto v = values.find("id");
        v != values.end() && (v->second.text == id || v->second.text == xml_id)) {
      values.erase(v);
    }
    if (!edge_ids_.insert(id).second) return Error(e, "duplicate edge id '" + id + "'");

    EdgeData edge;
    edge.id = id;
    std::string_view directed = e.attribute("directed").value();
    edge.symmetric = directed == "false" || (undirected && directed != "true");
    std::string evidence, meta;
    bool has_evidence = false;
    for (auto& [name, value] : values) {
      if (name == "evidence") {
        evidence = value.text;
        has_evidence = true;
      } else if (name == "evidence_meta" && values.count("evidence")) {
        meta = value.text;
      } else if (!ApplyEdgeField(name, value.text, &edge)) {
        edge.extra[name] = CanonicalAttribute(value.key->type, value.text);
      }
    }
    if (has_evidence) {
      Result<std::vector<Evidence>> ev = ParseEvidenceJson(evidence, meta);
      if (!ev.ok()) return Error(e, "edge '" + id + "': " + ev.status().message());
      edge.evidence = std::move(*ev);
    }
    if (edge.label.empty() && e.attribute("label")) edge.label = e.attribute("label").value();
    if (edge.label.empty()) edge.label = data->yed_label;

    const std::string& source_id = graph_.node(ends[0]).id;
    const std::string& target_id = graph_.node(ends[1]).id;
    if (ours_ && !edge.relation.empty() &&
        edge.id == RelationEdgeId(source_id, edge.relation, target_id) &&
        (!edge.symmetric || source_id <= target_id)) {
      size_t before = graph_.num_edges();
      EdgeId added = graph_.AddEdge(ends[0], edge.relation, ends[1], edge.symmetric);
      if (graph_.num_edges() == before) return Error(e, "duplicate edge '" + id + "'");
      graph_.edge(added) = std::move(edge);
    } else {
      graph_.AddRawEdge(ends[0], ends[1], std::move(edge));
    }
  }
  return Status::Ok();
}

// pugixml keeps a bare '&' as text; XML requires a reference. Checks every '&'
// outside comments, CDATA sections and processing instructions.
Status CheckAmpersands(std::string_view text, const std::string& name) {
  static constexpr std::string_view kNamed[] = {"amp;", "lt;", "gt;", "quot;", "apos;"};
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (c != '<' && c != '&') continue;
    if (c == '<') {
      if (i + 1 >= n || (text[i + 1] != '!' && text[i + 1] != '?')) continue;
      std::string_view end;
      if (text.substr(i, 4) == "<!--")
        end = "-->";
      else if (text.substr(i, 9) == "<![CDATA[")
        end = "]]>";
      else if (text[i + 1] == '?')
        end = "?>";
      if (end.empty()) continue;
      size_t close = text.find(end, i + 2);
      if (close == std::string_view::npos) break;
      i = close + end.size() - 1;
      continue;
    }
    std::string_view rest = text.substr(i + 1, 12);
    bool ok = false;
    for (std::string_view named : kNamed) ok |= rest.substr(0, named.size()) == named;
    if (!ok && !rest.empty() && rest[0] == '#') {
      size_t j = 1;
      bool hex = rest.size() > 1 && rest[1] == 'x';
      if (hex) ++j;
      size_t digits = 0;
      while (j < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[j])) ||
                                 (hex && std::isxdigit(static_cast<unsigned char>(rest[j]))))) {
        ++j;
        ++digits;
      }
      ok = digits > 0 && j < rest.size() && rest[j] == ';';
    }
    if (!ok) {
      return Status::InputError(Where(name, text, i) +
                                ": not well-formed XML: '&' must start a reference such as "
                                "&amp; (write '&amp;' for a literal '&')");
    }
  }
  return Status::Ok();
}

Result<KnowledgeGraph> Reader::Read() {
  NEWSGRAPH_RETURN_IF_ERROR(CheckText(text_, name_));
  NEWSGRAPH_RETURN_IF_ERROR(RefuseDoctype(text_, name_));
  NEWSGRAPH_RETURN_IF_ERROR(CheckAmpersands(text_, name_));
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(text_.data(), text_.size(),
                      pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_utf8);
  if (!parsed) {
    size_t offset =
        std::min(static_cast<size_t>(std::max<ptrdiff_t>(parsed.offset, 0)), text_.size());
    std::string what = parsed.description();
    if (!what.empty())
      what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    return Status::InputError(Where(name_, text_, offset) + ": not well-formed XML: " + what);
  }
  pugi::xml_node root = doc.document_element();
  if (LocalName(root) != "graphml") {
    return Error(root,
                 "expected a <graphml> root element, found <" + std::string(root.name()) + ">");
  }
  std::vector<pugi::xml_node> graphs;
  for (pugi::xml_node c : root.children()) {
    if (c.type() != pugi::node_element) continue;
    if (LocalName(c) == "key") ReadKey(c);
    if (LocalName(c) == "graph") graphs.push_back(c);
  }
  if (graphs.size() != 1) {
    return Error(graphs.empty() ? root : graphs[1],
                 "expected exactly one <graph>, found " + std::to_string(graphs.size()));
  }
  const pugi::xml_node graph = graphs[0];
  for (pugi::xml_node c : graph.children()) {
    if (c.type() == pugi::node_element && LocalName(c) == "key")
      ReadKey(c);  // Gephi puts keys here
  }
  std::string_view edgedefault = graph.attribute("edgedefault").value();
  Index();
  size_t nodes = 0, edges = 0;
  for (pugi::xml_node c : graph.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view local = LocalName(c);
    nodes += local == "node";
    edges += local == "edge";
  }
  graph_.Reserve(nodes, edges);
  by_xml_id_.reserve(nodes);
  edge_ids_.reserve(edges);
  NEWSGRAPH_RETURN_IF_ERROR(ReadGraphData(graph));
  NEWSGRAPH_RETURN_IF_ERROR(ReadNodes(graph));
  NEWSGRAPH_RETURN_IF_ERROR(ReadEdges(graph, edgedefault == "undirected"));
  return std::move(graph_);
}

}  // namespace

Status RefuseDoctype(std::string_view text, const std::string& name) {
  for (size_t at = text.find("<!"); at != std::string_view::npos; at = text.find("<!", at + 2)) {
    for (std::string_view keyword : {"DOCTYPE", "ENTITY"}) {
      if (text.substr(at + 2, keyword.size()) == keyword) {
        return Status::InputError(Where(name, text, at) + ": " + std::string(keyword) +
                                  " declarations are refused (DTDs and entities are never "
                                  "expanded or fetched); remove it");
      }
    }
  }
  return Status::Ok();
}

Result<KnowledgeGraph> ReadGraphml(std::string_view text, const std::string& name) {
  Reader reader(text, name);
  return reader.Read();
}

}  // namespace newsgraph
