#include "newsgraph/graph/layout.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>
#include <cmath>
#include <unordered_map>
#include <vector>

#include "newsgraph/graph/boost_graph.h"
#include "newsgraph/graph/ranked_view.h"

namespace newsgraph {
namespace {

constexpr double kGoldenAngle = 2.399963229728653;  // pi * (3 - sqrt(5))
constexpr double kPi = 3.141592653589793;
// Up to this many nodes every pair of nodes repels (the best drawings);
// above, only pairs closer than twice the edge length.
constexpr size_t kAllPairsNodes = 200;

struct Point {
  double x = 0;
  double y = 0;
};

double NodeSize(const NodeData& node, size_t degree, const LayoutOptions& o) {
  double m = node.mention_count > 0 ? static_cast<double>(node.mention_count)
                                    : static_cast<double>(degree);
  return std::min(o.max_size, o.min_size + o.size_per_sqrt * std::sqrt(m));
}

// Fruchterman and Reingold's grid variant: repulsion only between nodes
// closer than 2k, found through a grid of 2k cells (Boost's own
// grid_force_pairs sizes its cells from the area, not from k, and ends up
// comparing all pairs). Buckets are visited in a fixed order.
template <typename PositionMap>
class GridForcePairs {
 public:
  GridForcePairs(PositionMap position, double two_k) : position_(position), two_k_(two_k) {}

  template <typename Graph, typename ApplyForce>
  void operator()(const Graph& g, ApplyForce apply_force) const {
    const size_t n = boost::num_vertices(g);
    std::vector<std::pair<uint64_t, uint32_t>> cells(n);  // (cell key, vertex)
    auto cell_of = [this](double v) { return static_cast<int64_t>(std::floor(v / two_k_)); };
    auto pack = [](int64_t cx, int64_t cy) {
      return (static_cast<uint64_t>(cx + (int64_t{1} << 31)) << 32) |
             static_cast<uint64_t>((cy + (int64_t{1} << 31)) & 0xffffffff);
    };
    for (uint32_t v = 0; v < n; ++v) {
      const auto& p = get(position_, v);
      cells[v] = {pack(cell_of(p[0]), cell_of(p[1])), v};
    }
    std::sort(cells.begin(), cells.end());
    auto bucket = [&cells](uint64_t key) {
      auto lo = std::lower_bound(cells.begin(), cells.end(), std::pair<uint64_t, uint32_t>(key, 0));
      auto hi = lo;
      while (hi != cells.end() && hi->first == key) ++hi;
      return std::pair(lo, hi);
    };
    for (uint32_t v = 0; v < n; ++v) {
      const auto& p = get(position_, v);
      const int64_t cx = cell_of(p[0]), cy = cell_of(p[1]);
      for (int64_t cdx = -1; cdx <= 1; ++cdx) {
        for (int64_t cdy = -1; cdy <= 1; ++cdy) {
          auto [lo, hi] = bucket(pack(cx + cdx, cy + cdy));
          for (auto it = lo; it != hi; ++it) {
            const uint32_t u = it->second;
            if (u == v) continue;
            const auto& q = get(position_, u);
            const double dx = p[0] - q[0], dy = p[1] - q[1];
            if (dx * dx + dy * dy < two_k_ * two_k_) apply_force(u, v);
          }
        }
      }
    }
  }

 private:
  PositionMap position_;
  double two_k_;
};

// Fruchterman-Reingold on one component (local indices 0..n-1 in rank order).
std::vector<Point> ForceLayout(const RankedView& view, const std::vector<uint32_t>& members,
                               double edge_length, const LayoutOptions& o) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  using Topology = boost::square_topology<boost::minstd_rand>;
  using BoostUndirectedEdge = boost::graph_traits<Graph>::edge_descriptor;
  const size_t n = members.size();
  std::unordered_map<uint32_t, uint32_t> local;
  local.reserve(n);
  for (uint32_t i = 0; i < n; ++i) local.emplace(members[i], i);
  Graph g(n);
  for (uint32_t i = 0; i < n; ++i) {
    for (uint32_t s : view.Neighbors(members[i])) {
      uint32_t j = local.at(s);
      if (i < j) boost::add_edge(i, j, g);
    }
  }

  // Boost derives its ideal distance k from the topology's area; the forces
  // below use `edge_length` instead, so that the bounding square can be large
  // enough never to flatten the drawing against its sides.
  const double side = edge_length * std::sqrt(static_cast<double>(n));
  boost::minstd_rand gen(o.seed);
  Topology topology(gen, 4 * side);
  std::vector<Topology::point_type> pos(n);
  auto pos_map = boost::make_iterator_property_map(pos.begin(), boost::get(boost::vertex_index, g));
  boost::random_graph_layout(g, pos_map, topology);  // in [0, 4 side)^2
  for (auto& p : pos) {
    p[0] = p[0] / 4 - side / 2;
    p[1] = p[1] / 4 - side / 2;
  }
  const double k = edge_length;
  auto attractive = [k](BoostUndirectedEdge, double, double d, const Graph&) { return d * d / k; };
  auto repulsive = [k](size_t, size_t, double, double d, const Graph&) { return k * k / d; };
  const auto cooling =
      boost::linear_cooling<double>(static_cast<size_t>(std::max(1, o.iterations)), side / 8);
  if (n <= kAllPairsNodes) {
    boost::fruchterman_reingold_force_directed_layout(g, pos_map, topology,
                                                      boost::attractive_force(attractive)
                                                          .repulsive_force(repulsive)
                                                          .force_pairs(boost::all_force_pairs())
                                                          .cooling(cooling));
  } else {
    boost::fruchterman_reingold_force_directed_layout(
        g, pos_map, topology,
        boost::attractive_force(attractive)
            .repulsive_force(repulsive)
            .force_pairs(GridForcePairs<decltype(pos_map)>(pos_map, 2 * k))
            .cooling(cooling));
  }
  std::vector<Point> out(n);
  for (size_t i = 0; i < n; ++i) out[i] = {pos[i][0], pos[i][1]};
  return out;
}

// A sunflower spiral: nodes by decreasing size (then rank) outwards, each at
// the radius that encloses the discs placed before it.
std::vector<Point> SpiralLayout(const std::vector<double>& radius, double gap) {
  const size_t n = radius.size();
  std::vector<uint32_t> order(n);
  for (uint32_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return radius[a] > radius[b]; });
  std::vector<Point> out(n);
  double area = 0;
  for (size_t k = 0; k < n; ++k) {
    const uint32_t i = order[k];
    const double r = std::sqrt(area / kPi) * 1.5;
    const double angle = static_cast<double>(k) * kGoldenAngle;
    out[i] = {r * std::cos(angle), r * std::sin(angle)};
    const double d = 2 * radius[i] + gap;
    area += d * d;
  }
  return out;
}

// Pushes overlapping discs apart along the line joining their centres until no
// two discs (plus `gap`) overlap or `max_passes` is reached. A hash grid keeps
// each pass linear in the number of nodes for bounded sizes.
void RemoveOverlaps(std::vector<Point>* pos, const std::vector<double>& radius, double gap,
                    int max_passes) {
  const size_t n = pos->size();
  if (n < 2) return;
  const double max_r = *std::max_element(radius.begin(), radius.end());
  const double cell = 2 * max_r + gap;
  auto key = [cell](const Point& p) {
    int64_t cx = static_cast<int64_t>(std::floor(p.x / cell));
    int64_t cy = static_cast<int64_t>(std::floor(p.y / cell));
    return std::pair<int64_t, int64_t>(cx, cy);
  };
  auto pack = [](int64_t cx, int64_t cy) {
    return (static_cast<uint64_t>(cx) << 32) ^ static_cast<uint64_t>(cy & 0xffffffff);
  };
  std::unordered_map<uint64_t, std::vector<uint32_t>> grid;
  for (int pass = 0; pass < max_passes; ++pass) {
    grid.clear();
    for (uint32_t i = 0; i < n; ++i) {
      auto [cx, cy] = key((*pos)[i]);
      grid[pack(cx, cy)].push_back(i);
    }
    bool moved = false;
    for (uint32_t i = 0; i < n; ++i) {
      auto [cx, cy] = key((*pos)[i]);
      for (int64_t dx = -1; dx <= 1; ++dx) {
        for (int64_t dy = -1; dy <= 1; ++dy) {
          auto it = grid.find(pack(cx + dx, cy + dy));
          if (it == grid.end()) continue;
          for (uint32_t j : it->second) {
            if (j <= i) continue;
            Point& a = (*pos)[i];
            Point& b = (*pos)[j];
            const double want = radius[i] + radius[j] + gap;
            double vx = b.x - a.x;
            double vy = b.y - a.y;
            double d = std::sqrt(vx * vx + vy * vy);
            if (d >= want) continue;
            if (d < 1e-9) {  // coincident: a fixed direction per pair
              const double angle = static_cast<double>(i + 7 * j) * kGoldenAngle;
              vx = std::cos(angle);
              vy = std::sin(angle);
              d = 1;
            } else {
              vx /= d;
              vy /= d;
            }
            const double push = (want - d) * 0.5 + 1e-6 * want;
            a.x -= vx * push;
            a.y -= vy * push;
            b.x += vx * push;
            b.y += vy * push;
            moved = true;
          }
        }
      }
    }
    if (!moved) return;
  }
}

struct Box {
  double min_x, min_y, max_x, max_y;
};

Box BoundingBox(const std::vector<Point>& pos, const std::vector<double>& radius) {
  Box b{pos[0].x - radius[0], pos[0].y - radius[0], pos[0].x + radius[0], pos[0].y + radius[0]};
  for (size_t i = 1; i < pos.size(); ++i) {
    b.min_x = std::min(b.min_x, pos[i].x - radius[i]);
    b.min_y = std::min(b.min_y, pos[i].y - radius[i]);
    b.max_x = std::max(b.max_x, pos[i].x + radius[i]);
    b.max_y = std::max(b.max_y, pos[i].y + radius[i]);
  }
  return b;
}

}  // namespace

void ApplyLayout(KnowledgeGraph* graph, const LayoutOptions& options) {
  const RankedView view = MakeRankedView(*graph);
  const size_t n = view.size();
  if (n == 0) return;

  std::vector<double> size(n);
  for (uint32_t r = 0; r < n; ++r) {
    const NodeId node = view.nodes[r];
    const NodeData& data = graph->node(node);
    if (options.set_sizes) {
      const BoostGraph& g = graph->impl().g;
      const size_t degree = boost::out_degree(node, g) + boost::in_degree(node, g);
      size[r] = NodeSize(data, degree, options);
    } else {
      size[r] = data.size > 0 ? data.size : options.min_size;
    }
  }

  // Lay out each component around its own origin.
  const std::vector<std::vector<uint32_t>> components = Components(view);
  std::vector<std::vector<Point>> placed(components.size());
  std::vector<Box> boxes(components.size());
  for (size_t c = 0; c < components.size(); ++c) {
    const std::vector<uint32_t>& members = components[c];
    std::vector<double> radius(members.size());
    double mean = 0;
    for (size_t i = 0; i < members.size(); ++i) mean += (radius[i] = size[members[i]]);
    mean /= static_cast<double>(members.size());
    std::vector<Point> pos;
    if (members.size() == 1) {
      pos.assign(1, Point{});
    } else if (members.size() <= options.max_force_nodes) {
      pos = ForceLayout(view, members, options.edge_length_factor * 2 * mean + options.node_gap,
                        options);
    } else {
      pos = SpiralLayout(radius, options.node_gap);
    }
    RemoveOverlaps(&pos, radius, options.node_gap, options.max_overlap_passes);
    boxes[c] = BoundingBox(pos, radius);
    placed[c] = std::move(pos);
  }

  // Shelf packing: rows of components, largest first, in a roughly square area.
  const double gap = options.component_gap;
  double area = 0;
  double widest = 0;
  for (const Box& b : boxes) {
    area += (b.max_x - b.min_x + gap) * (b.max_y - b.min_y + gap);
    widest = std::max(widest, b.max_x - b.min_x + gap);
  }
  const double row_width = std::max(widest, std::sqrt(area) * 1.2);
  std::vector<Point> offset(components.size());
  double x = 0, y = 0, row_height = 0, total_width = 0;
  for (size_t c = 0; c < components.size(); ++c) {
    const double w = boxes[c].max_x - boxes[c].min_x + gap;
    const double h = boxes[c].max_y - boxes[c].min_y + gap;
    if (x > 0 && x + w > row_width) {
      y += row_height;
      x = 0;
      row_height = 0;
    }
    offset[c] = {x - boxes[c].min_x, y - boxes[c].min_y};
    x += w;
    total_width = std::max(total_width, x);
    row_height = std::max(row_height, h);
  }
  const double total_height = y + row_height;
  // Centre the drawing on the origin; Gephi's y axis points up, so rows go down.
  for (size_t c = 0; c < components.size(); ++c) {
    for (size_t i = 0; i < components[c].size(); ++i) {
      const uint32_t r = components[c][i];
      NodeData& data = graph->node(view.nodes[r]);
      data.x = placed[c][i].x + offset[c].x - (total_width - gap) / 2;
      data.y = -(placed[c][i].y + offset[c].y - (total_height - gap) / 2);
      data.size = size[r];
    }
  }
}

}  // namespace newsgraph
