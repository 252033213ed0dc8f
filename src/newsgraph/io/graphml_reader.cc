#include "newsgraph/io/graphml_reader.h"

#include <sys/stat.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <unordered_map>
#include <unordered_set>

#include "newsgraph/base/edit_distance.h"
#include "newsgraph/base/file.h"
#include "newsgraph/base/text_position.h"
#include "newsgraph/base/utf8.h"
#include "newsgraph/io/attribute_plan.h"
#include "newsgraph/io/graph_fields.h"
#include "newsgraph/io/value_format.h"
#include "newsgraph/io/xml_scanner.h"

namespace newsgraph {
namespace {

// Elements of <graph> are parsed in runs of about this many bytes.
constexpr size_t kRunBytes = 4 << 20;
// A file is read in blocks of this size.
constexpr size_t kBlockBytes = 4 << 20;

std::string_view LocalName(std::string_view name) {
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}
std::string_view LocalName(const pugi::xml_node& n) { return LocalName(n.name()); }

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

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
template <typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

struct Key {
  std::string id;
  std::string domain;  // node edge graph all (or another GraphML domain)
  std::string name;    // attr.name, normalised
  std::string type;    // attr.type as written ("string" when absent)
  std::optional<std::string> default_value;
  std::string yfiles_type;
  int name_id = -1;  // equal for keys of equal names (set by Index())
};

// One attribute value of an element, as read. `text` points into the parsed
// run or into ElementData::owned.
struct Value {
  const Key* key;
  std::string_view text;
};

// The <data> of one element: values by attribute name (a later key of the same
// name replaces an earlier one), and what yEd's nested graphics say about
// label, position and colour. Reused from element to element.
struct ElementData {
  std::vector<Value> values;
  std::vector<const Key*> seen;  // keys given, to refuse one twice
  std::vector<std::unique_ptr<std::string>> owned;
  std::string yed_label;
  std::optional<double> yed_x, yed_y;
  std::string yed_color;

  void Clear() {
    values.clear();
    seen.clear();
    owned.clear();
    yed_label.clear();
    yed_x = yed_y = std::nullopt;
    yed_color.clear();
  }
  Value* Find(std::string_view name) {
    for (Value& v : values) {
      if (v.key->name == name) return &v;
    }
    return nullptr;
  }
  bool Has(std::string_view name) const {
    for (const Value& v : values) {
      if (v.key->name == name) return true;
    }
    return false;
  }
  bool HasNameOf(const Key* key) const {
    for (const Value& v : values) {
      if (v.key->name_id == key->name_id) return true;
    }
    return false;
  }
  void Set(const Key* key, std::string_view text) {
    for (Value& v : values) {
      if (v.key->name_id == key->name_id) {
        v = Value{key, text};
        return;
      }
    }
    values.push_back(Value{key, text});
  }
  void Erase(Value* v) { values.erase(values.begin() + (v - values.data())); }
};

// The first NUL byte or invalid UTF-8 sequence of `bytes` (*nul says which),
// or npos: CheckText's test, eight ASCII bytes at a time.
size_t FindNotText(std::string_view bytes, bool* nul) {
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  const char* data = bytes.data();
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, data + i, 8);
      if (((word | ((word - kOnes) & ~word)) & kHigh) == 0) {  // ASCII, no NUL
        i += 8;
        continue;
      }
    }
    const unsigned char c = static_cast<unsigned char>(data[i]);
    if (c == 0) {
      *nul = true;
      return i;
    }
    if (c < 0x80) {
      ++i;
      continue;
    }
    // A run of non-ASCII bytes: sequences never contain an ASCII byte.
    size_t j = i + 1;
    while (j < n && static_cast<unsigned char>(data[j]) >= 0x80) ++j;
    const size_t bad = FindInvalidUtf8(bytes.substr(i, j - i));
    if (bad != kValidUtf8) {
      *nul = false;
      return i + bad;
    }
    i = j;
  }
  return std::string_view::npos;
}

// CheckText's message (after the place) for the byte bytes[local], byte `at`
// of the file, found by FindNotText.
std::string NotTextMessage(std::string_view bytes, size_t local, size_t at, bool nul) {
  if (nul) {
    return ": binary data (NUL byte at byte " + std::to_string(at) + "), expected UTF-8 text";
  }
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[local]));
  return ": invalid UTF-8 (byte " + std::to_string(at) + " is " + hex + ")";
}

// Where the bytes come from: a whole text, or a file read block by block.
// window() holds the bytes from offset base() on; More() drops the bytes
// before `keep` and appends the next block.
class Source {
 public:
  virtual ~Source() = default;
  std::string_view window() const { return window_; }
  size_t base() const { return base_; }
  bool final() const { return final_; }
  virtual Status More(size_t keep) = 0;
  // "name:line:col" of the byte at `offset`.
  virtual std::string Where(size_t offset) const = 0;

 protected:
  std::string_view window_;
  size_t base_ = 0;
  bool final_ = true;
};

class TextSource : public Source {
 public:
  TextSource(std::string_view text, const std::string& name) : name_(name) { window_ = text; }
  Status More(size_t) override { return Status::Ok(); }
  std::string Where(size_t offset) const override {
    return newsgraph::Where(name_, window_, std::min(offset, window_.size()));
  }

 private:
  const std::string& name_;
};

class FileSource : public Source {
 public:
  FileSource(std::FILE* file, const std::string& path) : file_(file), path_(path) {
    final_ = false;
  }
  ~FileSource() override { std::fclose(file_); }

  Status More(size_t keep) override {
    if (final_) return Status::Ok();
    const size_t drop = std::min(keep, base_ + buffer_.size()) - base_;
    if (drop > 0) {
      buffer_.erase(0, drop);
      base_ += drop;
    }
    const size_t old_size = buffer_.size();
    buffer_.resize(old_size + kBlockBytes);
    const size_t got = std::fread(buffer_.data() + old_size, 1, kBlockBytes, file_);
    buffer_.resize(old_size + got);
    if (got < kBlockBytes) {
      if (std::ferror(file_)) return Status::InputError(path_ + ": read error");
      final_ = true;
    }
    window_ = buffer_;
    if (final_ && base_ + buffer_.size() == 0) return Status::InputError(path_ + ": empty file");
    // Check the new bytes up to the last ASCII byte (a character is never cut).
    size_t check_end = buffer_.size();
    if (!final_) {
      while (check_end > 0 && static_cast<unsigned char>(buffer_[check_end - 1]) >= 0x80) {
        --check_end;
      }
    }
    const size_t check_begin = checked_ - base_;
    if (check_end > check_begin) {
      std::string_view part =
          std::string_view(buffer_).substr(check_begin, check_end - check_begin);
      bool nul = false;
      const size_t bad = FindNotText(part, &nul);
      if (bad != std::string_view::npos) {
        const size_t at = checked_ + bad;
        return Status::InputError(Where(at) + NotTextMessage(part, bad, at, nul));
      }
      checked_ += check_end - check_begin;
    }
    return Status::Ok();
  }

  // Counts lines and columns from the start of the file (errors only).
  std::string Where(size_t offset) const override {
    std::FILE* f = std::fopen(path_.c_str(), "rb");
    if (f == nullptr) return path_;
    LineColumn at;
    std::string block(1 << 20, '\0');
    size_t done = 0;
    while (done < offset) {
      const size_t want = std::min(block.size(), offset - done);
      const size_t got = std::fread(block.data(), 1, want, f);
      if (got == 0) break;
      for (size_t i = 0; i < got; ++i) {
        const unsigned char c = static_cast<unsigned char>(block[i]);
        if (c == '\n') {
          ++at.line;
          at.column = 1;
        } else if ((c & 0xC0) != 0x80) {
          ++at.column;
        }
      }
      done += got;
    }
    std::fclose(f);
    return path_ + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
  }

 private:
  std::FILE* file_;
  const std::string& path_;
  std::string buffer_;
  size_t checked_ = 0;  // bytes checked as UTF-8 text
};

// An edge that names a node not read yet: kept until the end of the graph.
struct PendingEdge {
  pugi::xml_node element;
  size_t offset;
  size_t run_offset;
  size_t position;
};

class Reader {
 public:
  Reader(Source* source, const std::string& name) : source_(source), name_(name) {}

  Result<KnowledgeGraph> Read();

 private:
  std::string At(size_t offset) const { return source_->Where(offset); }
  Status ErrorAt(size_t offset, const std::string& message) const {
    return Status::InputError(At(offset) + ": " + message);
  }
  // The offset of element `n` of the run that starts at `run_offset`.
  static size_t OffsetOf(const pugi::xml_node& n, size_t run_offset) {
    ptrdiff_t offset = n.offset_debug();
    if (offset > 0) --offset;  // offset_debug points at the name, after '<'
    return run_offset + static_cast<size_t>(std::max<ptrdiff_t>(offset, 0));
  }

  // The next tag from global offset *pos; reads more input as needed, keeping
  // the bytes from `keep` on. False at the end of the input.
  Result<bool> NextTag(size_t* pos, size_t keep, XmlTag* tag);
  Status NotWellFormed(size_t offset, const std::string& what) const {
    return ErrorAt(offset, "not well-formed XML: " + what);
  }
  Status ParseError(const pugi::xml_parse_result& parsed, size_t run_offset, size_t run_size) const;
  // Parses the elements of <graph> in [begin, end) and reads them. Tentative:
  // when the bytes are not a run of whole elements, *read is false and
  // nothing was read.
  Status ReadRun(size_t begin, size_t end, bool tentative = false, bool* read = nullptr);
  Result<size_t> LikelyCut(size_t run_begin);
  Status ReadTail(size_t begin, const std::string& root_name);

  void ReadKey(const pugi::xml_node& k);
  const Key* FindKey(std::string_view domain, std::string_view id) const;
  Status ReadData(const pugi::xml_node& element, std::string_view domain, size_t run_offset,
                  ElementData* out) const;
  Status ReadDataElement(const pugi::xml_node& d, std::string_view domain, size_t run_offset,
                         ElementData* out) const;
  void AddDefaults(std::string_view domain, ElementData* out) const;
  Status ReadGraphData(const pugi::xml_node& d, size_t run_offset);
  void FinishGraphData();
  Status ReadNode(const pugi::xml_node& n, size_t offset, size_t run_offset);
  Status ReadEdge(const pugi::xml_node& e, size_t offset, size_t run_offset, size_t position);
  std::string UniqueNodeId(const std::string& candidate) const;

  Source* source_;
  const std::string& name_;
  // Lookups for one domain, rebuilt by Index() when a key is read: key id ->
  // key (the domain's own, else "all"), and the keys with defaults.
  struct DomainKeys {
    StringMap<const Key*> by_id;
    std::vector<const Key*> defaults;
  };
  void Index();
  const DomainKeys& KeysFor(std::string_view domain) const;

  std::map<std::pair<std::string, std::string>, Key> keys_;  // (domain, id)
  DomainKeys graph_keys_, node_keys_, edge_keys_, no_keys_;
  KnowledgeGraph graph_;
  bool undirected_ = false;
  bool ours_ = false;
  StringMap<NodeId> by_xml_id_;
  std::vector<size_t> node_offsets_;          // by NodeId
  std::unordered_set<std::string> edge_ids_;  // id '\x1f' source '\x1f' target
  size_t edges_seen_ = 0;
  ElementData data_;  // scratch
  // Graph <data>, in order, with their texts (runs are freed).
  std::vector<std::pair<const Key*, std::string>> graph_values_;
  std::vector<const Key*> graph_seen_;
  // Edges after the first that names a node not read yet, and their elements.
  std::vector<PendingEdge> pending_;
  std::vector<std::unique_ptr<pugi::xml_document>> pending_runs_;
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
  std::map<std::string_view, int> name_ids;
  for (auto& [dk, key] : keys_) {
    key.name_id = name_ids.emplace(key.name, static_cast<int>(name_ids.size())).first->second;
  }
  for (std::string_view domain : {"graph", "node", "edge"}) {
    DomainKeys& d = domain == "graph" ? graph_keys_ : domain == "node" ? node_keys_ : edge_keys_;
    d = DomainKeys();
    for (const auto& [dk, key] : keys_) {
      if (dk.first != domain && dk.first != "all") continue;
      if (key.default_value) d.defaults.push_back(&key);
      // The domain's own key wins over an "all" key of the same id.
      if (dk.first == domain || !d.by_id.count(dk.second)) d.by_id[dk.second] = &key;
    }
  }
}

const Reader::DomainKeys& Reader::KeysFor(std::string_view domain) const {
  if (domain == "node") return node_keys_;
  if (domain == "edge") return edge_keys_;
  if (domain == "graph") return graph_keys_;
  return no_keys_;
}

const Key* Reader::FindKey(std::string_view domain, std::string_view id) const {
  const DomainKeys& d = KeysFor(domain);
  auto it = d.by_id.find(id);
  return it == d.by_id.end() ? nullptr : it->second;
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

Status Reader::ReadDataElement(const pugi::xml_node& d, std::string_view domain, size_t run_offset,
                               ElementData* out) const {
  std::string_view id = d.attribute("key").value();
  const Key* key = FindKey(domain, id);
  if (key == nullptr) {
    std::vector<std::string> candidates;
    std::string other_domain;
    for (const auto& [dk, k] : keys_) {
      if (dk.first == domain || dk.first == "all") candidates.push_back(k.id);
      if (dk.second == id) other_domain = dk.first;
    }
    if (!other_domain.empty()) {
      return ErrorAt(OffsetOf(d, run_offset), "key '" + std::string(id) + "' is declared for " +
                                                  other_domain + ", not for " +
                                                  std::string(domain));
    }
    std::string message = "undeclared key '" + std::string(id) + "' in " + std::string(domain);
    auto close = ClosestMatches(std::string(id), candidates, std::max<size_t>(2, id.size() / 3));
    if (!close.empty()) message += ", did you mean '" + close.front() + "'?";
    return ErrorAt(OffsetOf(d, run_offset), message);
  }
  for (const Key* seen : out->seen) {
    if (seen == key) {
      return ErrorAt(OffsetOf(d, run_offset), "key '" + std::string(id) +
                                                  "' is given twice in one " + std::string(domain) +
                                                  " (GraphML allows one value per key)");
    }
  }
  out->seen.push_back(key);
  // The text of the <data>; yEd's graphics when it holds elements.
  pugi::xml_node first = d.first_child();
  if (first && !first.next_sibling() &&
      (first.type() == pugi::node_pcdata || first.type() == pugi::node_cdata)) {
    out->Set(key, first.value());
    return Status::Ok();
  }
  std::string text;
  for (pugi::xml_node c : d.children()) {
    if (c.type() == pugi::node_element) {
      if (key->yfiles_type == "nodegraphics" || key->yfiles_type == "edgegraphics") {
        ReadYedGraphics(d, out);
      }
      return Status::Ok();
    }
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) text += c.value();
  }
  out->owned.push_back(std::make_unique<std::string>(std::move(text)));
  out->Set(key, *out->owned.back());
  return Status::Ok();
}

void Reader::AddDefaults(std::string_view domain, ElementData* out) const {
  for (const Key* key : KeysFor(domain).defaults) {
    if (!out->HasNameOf(key)) out->values.push_back(Value{key, *key->default_value});
  }
}

Status Reader::ReadData(const pugi::xml_node& element, std::string_view domain, size_t run_offset,
                        ElementData* out) const {
  out->Clear();
  for (pugi::xml_node d = element.first_child(); d; d = d.next_sibling()) {
    if (d.type() != pugi::node_element || LocalName(d) != "data") continue;
    NEWSGRAPH_RETURN_IF_ERROR(ReadDataElement(d, domain, run_offset, out));
  }
  AddDefaults(domain, out);
  return Status::Ok();
}

// One <data> of the graph: kept (with its text) until the graph ends.
Status Reader::ReadGraphData(const pugi::xml_node& d, size_t run_offset) {
  data_.Clear();
  data_.seen = graph_seen_;
  NEWSGRAPH_RETURN_IF_ERROR(ReadDataElement(d, "graph", run_offset, &data_));
  graph_seen_ = data_.seen;
  for (const Value& v : data_.values) {
    bool replaced = false;
    for (auto& [key, text] : graph_values_) {
      if (key->name == v.key->name) {
        key = v.key;
        text = std::string(v.text);
        replaced = true;
      }
    }
    if (!replaced) graph_values_.emplace_back(v.key, std::string(v.text));
    if (v.key->name == "profile") ours_ = v.text == kGraphmlProfile;
  }
  return Status::Ok();
}

void Reader::FinishGraphData() {
  std::map<std::string, std::pair<const Key*, std::string>> values;
  for (auto& [key, text] : graph_values_) values[key->name] = {key, std::move(text)};
  for (const Key* key : graph_keys_.defaults) {
    if (!values.count(key->name)) values[key->name] = {key, *key->default_value};
  }
  GraphData& g = graph_.data();
  for (auto& [name, value] : values) {
    if (name == "profile") continue;  // describes the file, not the graph
    if (name == "title") {
      g.title = value.second;
      continue;
    }
    if (name == "articles") {
      Result<std::map<std::string, ArticleInfo>> articles = ParseArticlesJson(value.second);
      if (articles.ok()) {
        g.articles = std::move(*articles);
        continue;
      }
    }
    g.extra[name] = CanonicalAttribute(value.first->type, value.second);
  }
}

// A foreign id made an ASCII NMTOKEN that the profile accepts.
std::string SafeId(std::string_view id) { return SafeAttributeName(id); }

std::string Reader::UniqueNodeId(const std::string& candidate) const {
  std::string id = candidate;
  for (int n = 2; graph_.FindNode(id); ++n) id = candidate + "_" + std::to_string(n);
  return id;
}

Status Reader::ReadNode(const pugi::xml_node& n, size_t offset, size_t run_offset) {
  pugi::xml_attribute id_attribute = n.attribute("id");
  if (!id_attribute) return ErrorAt(offset, "node without an id");
  std::string xml_id = id_attribute.value();
  auto [it, fresh] = by_xml_id_.try_emplace(xml_id, NodeId{});
  if (!fresh) {
    return ErrorAt(offset, "duplicate node id '" + xml_id + "' (first at " +
                               At(node_offsets_[it->second]) + ")");
  }
  ElementData& data = data_;
  Status read = ReadData(n, "node", run_offset, &data);
  if (!read.ok()) {
    by_xml_id_.erase(it);
    return read;
  }

  // The node's id: uid, else an `id` attribute, else the XML id (made safe).
  std::string id;
  for (std::string_view source : {"uid", "id"}) {
    Value* v = data.Find(source);
    if (id.empty() && v != nullptr && IsAsciiNmtoken(v->text) && !graph_.FindNode(v->text)) {
      id = std::string(v->text);
    }
  }
  if (id.empty()) id = UniqueNodeId(IsAsciiNmtoken(xml_id) ? xml_id : SafeId(xml_id));
  for (std::string_view source : {"uid", "id"}) {
    Value* v = data.Find(source);
    if (v != nullptr && (v->text == id || v->text == xml_id)) data.Erase(v);
  }

  NodeData node;
  node.id = std::move(id);
  bool has_position = false;
  for (const Value& value : data.values) {
    if (value.key->name == "x" || value.key->name == "y") has_position = true;
    if (!ApplyNodeField(value.key->name, value.text, &node)) {
      node.extra[value.key->name] = CanonicalAttribute(value.key->type, value.text);
    }
  }
  // A node's article_ids are derived from article_mentions when it has them.
  if (!node.article_mentions.empty()) node.extra.erase("article_ids");
  if (node.label.empty()) node.label = data.yed_label;
  if (!has_position && data.yed_x) {
    node.x = *data.yed_x;
    node.y = *data.yed_y;
  }
  if (node.color.empty()) node.color = data.yed_color;
  const NodeId added = graph_.AddNode(std::move(node));
  it->second = added;
  if (node_offsets_.size() <= added) node_offsets_.resize(added + 1);
  node_offsets_[added] = offset;
  return Status::Ok();
}

Status Reader::ReadEdge(const pugi::xml_node& e, size_t offset, size_t run_offset,
                        size_t position) {
  std::string_view xml_id = e.attribute("id").value();
  NodeId ends[2];
  const char* roles[2] = {"source", "target"};
  for (int i = 0; i < 2; ++i) {
    pugi::xml_attribute end = e.attribute(roles[i]);
    if (!end) return ErrorAt(offset, std::string("edge without a ") + roles[i]);
    std::string_view ref = end.value();
    auto it = by_xml_id_.find(ref);
    if (it == by_xml_id_.end()) {
      std::string what = xml_id.empty() ? "an edge" : "edge '" + std::string(xml_id) + "'";
      return ErrorAt(offset, what + ": unknown " + roles[i] + " node '" + std::string(ref) + "'");
    }
    ends[i] = it->second;
  }
  ElementData& data = data_;
  NEWSGRAPH_RETURN_IF_ERROR(ReadData(e, "edge", run_offset, &data));

  std::string id(xml_id);
  if (id.empty()) {
    Value* v = data.Find("id");
    id = v != nullptr && !v->text.empty() ? std::string(v->text) : "e" + std::to_string(position);
  }
  if (!IsAsciiNmtoken(id)) id = SafeId(id);
  if (Value* v = data.Find("id"); v != nullptr && (v->text == id || v->text == xml_id)) {
    data.Erase(v);
  }
  // The model's id of an edge the file holds under another (newsgraph's own
  // files: two edges of one id between different nodes).
  if (Value* v = ours_ ? data.Find(kOriginalEdgeId) : nullptr; v != nullptr && !v->text.empty()) {
    id = IsAsciiNmtoken(v->text) ? std::string(v->text) : SafeId(v->text);
    data.Erase(v);
  }
  // One id between different nodes is two edges, as in the JSON reader:
  // networkx writes a multigraph's edge keys, numbered per node pair, as
  // ids ("0" on a->b and on b->c). The same id twice between the same nodes
  // is an error.
  {
    const std::string& s = graph_.node(ends[0]).id;
    const std::string& t = graph_.node(ends[1]).id;
    std::string key;
    key.reserve(id.size() + s.size() + t.size() + 2);
    key.append(id).append(1, '\x1f').append(s).append(1, '\x1f').append(t);
    if (!edge_ids_.insert(std::move(key)).second) {
      return ErrorAt(offset, "duplicate edge id '" + id + "' from '" + s + "' to '" + t + "'");
    }
  }

  EdgeData edge;
  std::string_view directed = e.attribute("directed").value();
  edge.symmetric = directed == "false" || (undirected_ && directed != "true");
  std::string_view evidence, meta;
  bool has_evidence = data.Has("evidence");
  for (const Value& value : data.values) {
    const std::string& name = value.key->name;
    if (name == "evidence") {
      evidence = value.text;
    } else if (name == "evidence_meta" && has_evidence) {
      meta = value.text;
    } else if (!ApplyEdgeField(name, value.text, &edge)) {
      edge.extra[name] = CanonicalAttribute(value.key->type, value.text);
    }
  }
  if (has_evidence) {
    Result<std::vector<Evidence>> ev = ParseEvidenceJson(evidence, meta);
    if (!ev.ok()) return ErrorAt(offset, "edge '" + id + "': " + ev.status().message());
    edge.evidence = std::move(*ev);
  }
  edge.id = std::move(id);
  if (edge.label.empty() && e.attribute("label")) edge.label = e.attribute("label").value();
  if (edge.label.empty()) edge.label = data.yed_label;

  const std::string& source_id = graph_.node(ends[0]).id;
  const std::string& target_id = graph_.node(ends[1]).id;
  if (ours_ && !edge.relation.empty() &&
      edge.id == RelationEdgeId(source_id, edge.relation, target_id) &&
      (!edge.symmetric || source_id <= target_id)) {
    size_t before = graph_.num_edges();
    EdgeId added = graph_.AddEdge(ends[0], edge.relation, ends[1], edge.symmetric);
    if (graph_.num_edges() == before) return ErrorAt(offset, "duplicate edge '" + edge.id + "'");
    graph_.edge(added) = std::move(edge);
  } else {
    graph_.AddRawEdge(ends[0], ends[1], std::move(edge));
  }
  return Status::Ok();
}

// Where a run from `run_begin` most likely ends: after the first </edge> or
// </node> past kRunBytes. npos when there is none near (the end of the graph).
Result<size_t> Reader::LikelyCut(size_t run_begin) {
  constexpr size_t kSearch = 1 << 20;
  const size_t target = run_begin + kRunBytes;
  while (!source_->final() && source_->base() + source_->window().size() < target + kSearch) {
    NEWSGRAPH_RETURN_IF_ERROR(source_->More(run_begin));
  }
  const std::string_view w = source_->window();
  const size_t base = source_->base();
  if (base + w.size() <= target) return std::string_view::npos;
  const size_t limit = std::min(w.size(), target - base + kSearch);
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  for (size_t at = target - base; at + 1 < limit; ++at) {
    const void* lt = std::memchr(w.data() + at, '<', limit - at);
    if (lt == nullptr) break;
    at = static_cast<size_t>(static_cast<const char*>(lt) - w.data());
    if (at + 1 >= limit || w[at + 1] != '/') continue;
    size_t name_end = at + 2;
    while (name_end < limit && w[name_end] != '>' && !space(w[name_end])) ++name_end;
    const std::string_view local = LocalName(w.substr(at + 2, name_end - at - 2));
    size_t close = name_end;
    while (close < limit && space(w[close])) ++close;
    if ((local == "edge" || local == "node") && close < limit && w[close] == '>') {
      return base + close + 1;
    }
  }
  return std::string_view::npos;
}

Result<bool> Reader::NextTag(size_t* pos, size_t keep, XmlTag* tag) {
  while (true) {
    const size_t base = source_->base();
    XmlScanResult r = ScanXmlTag(source_->window(), *pos - base, source_->final());
    switch (r.status) {
      case XmlScan::kTag:
        *tag = r.tag;
        tag->begin += base;
        tag->end += base;
        *pos = r.resume + base;
        return true;
      case XmlScan::kEnd:
        *pos = r.resume + base;
        return false;
      case XmlScan::kNeedMore:
        *pos = r.resume + base;
        NEWSGRAPH_RETURN_IF_ERROR(source_->More(std::min(keep, *pos)));
        break;
      case XmlScan::kError:
        return ErrorAt(r.error_offset + base, r.error);
    }
  }
}

Status Reader::ParseError(const pugi::xml_parse_result& parsed, size_t run_offset,
                          size_t run_size) const {
  size_t offset = static_cast<size_t>(std::max<ptrdiff_t>(parsed.offset, 0));
  offset = run_offset + std::min(offset, run_size > 0 ? run_size - 1 : 0);
  std::string what = parsed.description();
  if (!what.empty()) what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
  return NotWellFormed(offset, what);
}

constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;

// Parses the elements of <graph> in window bytes [begin, end) and reads them.
Status Reader::ReadRun(size_t begin, size_t end, bool tentative, bool* read) {
  if (read != nullptr) *read = true;
  if (begin == end) return Status::Ok();
  auto doc = std::make_unique<pugi::xml_document>();
  const char* bytes = source_->window().data() + (begin - source_->base());
  if (tentative &&
      FindBadReference(std::string_view(bytes, end - begin)) != std::string_view::npos) {
    *read = false;  // perhaps in a comment: the tags will tell
    return Status::Ok();
  }
  pugi::xml_parse_result parsed = doc->load_buffer(
      bytes, end - begin, kParseOptions | pugi::parse_fragment, pugi::encoding_utf8);
  if (!parsed && tentative) {
    *read = false;
    return Status::Ok();
  }
  if (!parsed) return ParseError(parsed, begin, end - begin);
  bool keep_doc = false;
  for (pugi::xml_node c = doc->first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view local = LocalName(c);
    if (local == "node") {
      NEWSGRAPH_RETURN_IF_ERROR(ReadNode(c, OffsetOf(c, begin), begin));
    } else if (local == "edge") {
      const size_t position = edges_seen_++;
      const size_t offset = OffsetOf(c, begin);
      bool known = pending_.empty();
      for (const char* role : {"source", "target"}) {
        known = known && by_xml_id_.count(std::string_view(c.attribute(role).value()));
      }
      if (known || (pending_.empty() && (!c.attribute("source") || !c.attribute("target")))) {
        NEWSGRAPH_RETURN_IF_ERROR(ReadEdge(c, offset, begin, position));
        continue;
      }
      // Names a node not read yet: read after the whole graph, in order.
      pending_.push_back(PendingEdge{c, offset, begin, position});
      keep_doc = true;
    } else if (local == "data") {
      NEWSGRAPH_RETURN_IF_ERROR(ReadGraphData(c, begin));
    } else if (local == "key") {
      ReadKey(c);  // Gephi puts keys here
      Index();
    }
  }
  // Pending edges point into the run: keep it (and its offsets) alive.
  if (keep_doc) pending_runs_.push_back(std::move(doc));
  return Status::Ok();
}

Result<KnowledgeGraph> Reader::Read() {
  size_t pos = 0;
  XmlTag tag;
  auto last_byte = [this] {
    const size_t end = source_->base() + source_->window().size();
    return end > 0 ? end - 1 : 0;
  };

  // The root element; the prolog before it is checked with the header below.
  Result<bool> found = NextTag(&pos, 0, &tag);
  if (!found.ok()) return found.status();
  if (!*found) return NotWellFormed(last_byte(), "no root element");
  if (tag.kind == XmlTagKind::kEnd) return NotWellFormed(tag.begin, "end tag without a start tag");
  const std::string root_name(tag.name);
  const size_t root_begin = tag.begin;
  if (LocalName(root_name) != "graphml") {
    return ErrorAt(root_begin, "expected a <graphml> root element, found <" + root_name + ">");
  }

  // The children of the root up to the first <graph>: the header, parsed
  // whole with the graph's start tag (and closing tags added).
  std::string graph_name;
  bool graph_empty = false;
  size_t header_end = tag.end;
  if (tag.kind == XmlTagKind::kStart) {
    int depth = 1;
    while (true) {
      found = NextTag(&pos, 0, &tag);
      if (!found.ok()) return found.status();
      if (!*found) {
        return NotWellFormed(last_byte(), "unexpected end of data, <" + root_name + "> not closed");
      }
      header_end = tag.end;
      if (depth == 1 && tag.kind != XmlTagKind::kEnd && LocalName(tag.name) == "graph") {
        graph_name = std::string(tag.name);
        graph_empty = tag.kind == XmlTagKind::kEmpty;
        break;
      }
      if (tag.kind == XmlTagKind::kStart) ++depth;
      if (tag.kind == XmlTagKind::kEnd && --depth == 0) break;
    }
  }
  pugi::xml_node graph_element;
  {
    std::string header(source_->window().substr(0, header_end - source_->base()));
    if (!graph_name.empty()) {
      if (!graph_empty) header += "</" + graph_name + ">";
      header += "</" + root_name + ">";
    }
    pugi::xml_document doc;
    pugi::xml_parse_result parsed =
        doc.load_buffer(header.data(), header.size(), kParseOptions, pugi::encoding_utf8);
    if (!parsed) return ParseError(parsed, 0, header_end);
    pugi::xml_node root = doc.document_element();
    for (pugi::xml_node c : root.children()) {
      if (c.type() != pugi::node_element) continue;
      if (LocalName(c) == "key") ReadKey(c);
      if (LocalName(c) == "graph") graph_element = c;
    }
    if (graph_name.empty()) return ErrorAt(root_begin, "expected exactly one <graph>, found 0");
    undirected_ = std::string_view(graph_element.attribute("edgedefault").value()) == "undirected";
  }
  Index();
  for (const Key* key : graph_keys_.defaults) {
    if (key->name == "profile") ours_ = *key->default_value == kGraphmlProfile;
  }

  // The elements of the graph, run by run: cut where a run most likely ends
  // (the DOM parser of the run proves it), else where the tags say.
  if (!graph_empty) {
    size_t run_begin = header_end;
    bool closed = false;
    while (!closed) {
      Result<size_t> cut = LikelyCut(run_begin);
      if (!cut.ok()) return cut.status();
      if (*cut != std::string_view::npos) {
        bool read = false;
        NEWSGRAPH_RETURN_IF_ERROR(ReadRun(run_begin, *cut, /*tentative=*/true, &read));
        if (read) {
          run_begin = *cut;
          continue;
        }
      }
      pos = run_begin;
      int depth = 0;
      while (true) {
        found = NextTag(&pos, run_begin, &tag);
        if (!found.ok()) return found.status();
        if (!*found) {
          return NotWellFormed(last_byte(),
                               "unexpected end of data, <" + graph_name + "> not closed");
        }
        if (tag.kind == XmlTagKind::kStart) {
          ++depth;
          continue;
        }
        if (tag.kind == XmlTagKind::kEnd && depth == 0) {
          if (tag.name != graph_name) {
            return NotWellFormed(tag.begin, "start-end tags mismatch (</" + std::string(tag.name) +
                                                "> closes <" + graph_name + ">)");
          }
          NEWSGRAPH_RETURN_IF_ERROR(ReadRun(run_begin, tag.begin));
          closed = true;
          break;
        }
        if (tag.kind == XmlTagKind::kEnd) --depth;
        if (depth == 0 && tag.end - run_begin >= kRunBytes) {
          NEWSGRAPH_RETURN_IF_ERROR(ReadRun(run_begin, tag.end));
          run_begin = tag.end;
          break;
        }
      }
    }
  }
  for (const PendingEdge& p : pending_) {
    NEWSGRAPH_RETURN_IF_ERROR(ReadEdge(p.element, p.offset, p.run_offset, p.position));
  }
  pending_.clear();
  pending_runs_.clear();
  FinishGraphData();
  NEWSGRAPH_RETURN_IF_ERROR(ReadTail(pos, root_name));
  return std::move(graph_);
}

// What follows </graph>: more children of the root (another <graph> is an
// error), the root's end tag, then only comments and processing instructions.
Status Reader::ReadTail(size_t pos, const std::string& root_name) {
  const size_t tail_begin = pos;
  size_t graphs = 1;
  size_t second_graph = 0;
  int depth = 1;
  XmlTag tag;
  while (true) {
    Result<bool> found = NextTag(&pos, tail_begin, &tag);
    if (!found.ok()) return found.status();
    if (!*found) {
      const size_t end = source_->base() + source_->window().size();
      return NotWellFormed(end > 0 ? end - 1 : 0,
                           "unexpected end of data, <" + root_name + "> not closed");
    }
    if (depth == 1 && tag.kind != XmlTagKind::kEnd && LocalName(tag.name) == "graph") {
      if (++graphs == 2) second_graph = tag.begin;
    }
    if (tag.kind == XmlTagKind::kStart) ++depth;
    if (tag.kind == XmlTagKind::kEnd && --depth == 0) break;
  }
  if (tag.name != root_name) {
    return NotWellFormed(tag.begin, "start-end tags mismatch (</" + std::string(tag.name) +
                                        "> closes <" + root_name + ">)");
  }
  if (tag.begin > tail_begin) {
    pugi::xml_document doc;
    const char* bytes = source_->window().data() + (tail_begin - source_->base());
    pugi::xml_parse_result parsed = doc.load_buffer(
        bytes, tag.begin - tail_begin, kParseOptions | pugi::parse_fragment, pugi::encoding_utf8);
    if (!parsed) return ParseError(parsed, tail_begin, tag.begin - tail_begin);
  }
  if (graphs > 1) {
    return ErrorAt(second_graph, "expected exactly one <graph>, found " + std::to_string(graphs));
  }
  // After the root element.
  while (!source_->final()) NEWSGRAPH_RETURN_IF_ERROR(source_->More(pos));
  std::string_view rest = source_->window().substr(pos - source_->base());
  for (size_t i = 0; i < rest.size();) {
    const char c = rest[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    std::string_view close = rest.substr(i, 4) == "<!--" ? "-->"
                             : rest.substr(i, 2) == "<?" ? "?>"
                                                         : "";
    size_t end = close.empty() ? std::string_view::npos : rest.find(close, i + 2);
    if (end == std::string_view::npos) {
      return NotWellFormed(pos + i, "content after the root element");
    }
    i = end + close.size();
  }
  return Status::Ok();
}

}  // namespace

Status RefuseDoctype(std::string_view text, const std::string& name) {
  for (size_t at = text.find("<!"); at != std::string_view::npos; at = text.find("<!", at + 2)) {
    for (std::string_view keyword : {"DOCTYPE", "ENTITY"}) {
      if (text.substr(at + 2, keyword.size()) == keyword) {
        return Status::InputError(Where(name, text, at) + ": " +
                                  RefusedDeclarationMessage(keyword));
      }
    }
  }
  return Status::Ok();
}

Result<KnowledgeGraph> ReadGraphml(std::string_view text, const std::string& name) {
  if (text.empty()) return Status::InputError(name + ": empty file");
  bool nul = false;
  if (size_t bad = FindNotText(text, &nul); bad != std::string_view::npos) {
    return Status::InputError(Where(name, text, bad) + NotTextMessage(text, bad, bad, nul));
  }
  TextSource source(text, name);
  Reader reader(&source, name);
  return reader.Read();
}

Result<KnowledgeGraph> ReadGraphmlFile(const std::string& path) {
  if (path == "-") {
    Result<std::string> text = ReadFile(path);
    if (!text.ok()) return text.status();
    return ReadGraphml(*text, "<stdin>");
  }
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::InputError(path + ": no such file");
    return Status::InputError(path + ": " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::InputError(path + ": is a directory, expected a file");
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::InputError(path + ": cannot open: " + std::strerror(errno));
  FileSource source(f, path);
  NEWSGRAPH_RETURN_IF_ERROR(source.More(0));
  Reader reader(&source, path);
  return reader.Read();
}

}  // namespace newsgraph
