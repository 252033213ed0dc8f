#include "newsgraph/graph/edge_store.h"

#include <catch2/catch.hpp>
#include <string>
#include <utility>

namespace newsgraph {
namespace {

EdgeData Data(size_t i) {
  EdgeData d;
  d.id = "edge_" + std::to_string(i) + "_with_a_name_too_long_for_the_small_string_buffer";
  d.relation = "supports";
  d.evidence.resize(1 + i % 3);
  d.evidence[0].sentence = "sentence " + std::to_string(i);
  return d;
}

TEST_CASE("EdgeStore numbers records as appended, across chunks", "[graph]") {
  EdgeStore store;
  CHECK(store.size() == 0);
  const size_t n = 3 * EdgeStore::kChunk + 5;
  store.Reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (i % 2 == 0) {
      EdgeData d = Data(i);
      EdgeData& in = store.Append(std::move(d));
      CHECK(in.id == Data(i).id);
    } else {
      store.Append().id = Data(i).id;
    }
  }
  REQUIRE(store.size() == n);
  for (size_t i = 0; i < n; ++i) {
    const EdgeData& d = store[static_cast<EdgeId>(i)];
    CHECK(d.id == Data(i).id);
    CHECK(d.evidence.size() == (i % 2 == 0 ? 1 + i % 3 : 0));
  }
}

TEST_CASE("EdgeStore records never move while more are appended", "[graph]") {
  EdgeStore store;
  EdgeData& first = store.Append(Data(0));
  const EdgeData* address = &first;
  for (size_t i = 1; i < 4 * EdgeStore::kChunk; ++i) store.Append(Data(i));
  CHECK(&store[0] == address);
  CHECK(store[0].id == Data(0).id);
}

TEST_CASE("EdgeStore copies deeply and moves by ownership", "[graph]") {
  EdgeStore store;
  for (size_t i = 0; i < EdgeStore::kChunk + 1; ++i) store.Append(Data(i));
  EdgeStore copy(store);
  copy[0].id = "changed";
  CHECK(store[0].id == Data(0).id);
  REQUIRE(copy.size() == store.size());
  CHECK(copy[EdgeStore::kChunk].id == Data(EdgeStore::kChunk).id);

  EdgeStore assigned;
  assigned.Append(Data(99));
  assigned = store;
  CHECK(assigned.size() == store.size());
  CHECK(assigned[1].id == Data(1).id);

  const EdgeData* address = &store[1];
  EdgeStore moved(std::move(store));
  CHECK(&moved[1] == address);
  CHECK(moved.size() == EdgeStore::kChunk + 1);
  EdgeStore target;
  target = std::move(moved);
  CHECK(&target[1] == address);
  CHECK(target.size() == EdgeStore::kChunk + 1);
  // The moved-from stores are empty and usable.
  CHECK(store.size() == 0);  // NOLINT(bugprone-use-after-move)
  store.Append(Data(7));
  CHECK(store[0].id == Data(7).id);
}

}  // namespace
}  // namespace newsgraph
