#include "newsgraph/base/file.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace newsgraph {
namespace {

namespace fs = std::filesystem;

fs::path TempDir() {
  fs::path dir = fs::temp_directory_path() / ("newsgraph_file_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

void Write(const fs::path& p, std::string_view bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

TEST_CASE("ReadTextFile names the file and the problem", "[base][file]") {
  fs::path dir = TempDir();
  SECTION("missing file") {
    auto r = ReadTextFile((dir / "nope.txt").string());
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message() == (dir / "nope.txt").string() + ": no such file");
    CHECK(r.status().code() == StatusCode::kInputError);
  }
  SECTION("a directory") {
    auto r = ReadTextFile(dir.string());
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::Contains("is a directory"));
  }
  SECTION("empty file") {
    Write(dir / "empty.txt", "");
    auto r = ReadTextFile((dir / "empty.txt").string());
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::EndsWith("empty.txt: empty file"));
  }
  SECTION("invalid UTF-8 with line, column and byte") {
    Write(dir / "bad.txt", "ab\ncd\xC3(x");
    auto r = ReadTextFile((dir / "bad.txt").string());
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(),
               Catch::EndsWith("bad.txt:2:3: invalid UTF-8 (byte 5 is 0xC3)"));
  }
  SECTION("binary data") {
    Write(dir / "bin.dat", std::string("PK\x03\x04\0\0", 6));
    auto r = ReadTextFile((dir / "bin.dat").string());
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::Contains("binary data (NUL byte at byte 4)"));
  }
  SECTION("valid text") {
    Write(dir / "ok.txt", "l\xE2\x80\x99Inde");
    auto r = ReadTextFile((dir / "ok.txt").string());
    REQUIRE(r.ok());
    CHECK(*r == "l\xE2\x80\x99Inde");
  }
  fs::remove_all(dir);
}

TEST_CASE("AtomicFile leaves no file behind unless committed", "[base][file]") {
  fs::path dir = TempDir();
  fs::path out = dir / "out.graphml";
  {
    AtomicFile f;
    REQUIRE(f.Open(out.string()).ok());
    f.Write("partial");
  }
  CHECK_FALSE(fs::exists(out));
  CHECK(fs::is_empty(dir));
  REQUIRE(WriteFileAtomic(out.string(), "complete").ok());
  std::ifstream in(out);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  CHECK(content == "complete");
  fs::remove_all(dir);
}

TEST_CASE("AtomicFile refuses a directory as output", "[base][file]") {
  fs::path dir = TempDir();
  AtomicFile f;
  Status s = f.Open(dir.string());
  CHECK_FALSE(s.ok());
  CHECK_THAT(s.message(), Catch::Contains("is a directory"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace newsgraph
