#include "newsgraph/io/value_format.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

namespace newsgraph {
namespace {

TEST_CASE("FormatDouble writes the shortest round-trip form with a dot", "[io][format]") {
  CHECK(FormatDouble(2) == "2.0");
  CHECK(FormatDouble(0.1) == "0.1");
  CHECK(FormatDouble(-120.5) == "-120.5");
  CHECK(FormatDouble(1e21) == "1.0e+21");
  CHECK(FormatDouble(-3e-7) == "-3.0e-07");
  CHECK(FormatDouble(1.0 / 3) == "0.3333333333333333");
  CHECK(FormatDouble(-0.0) == "-0.0");
  for (double v : {0.1 + 0.2, 1e-300, 123456789.125, 5e-324, 1.7976931348623157e308}) {
    CHECK(ParseDouble(FormatDouble(v)) == v);
  }
}

TEST_CASE("ParseDouble refuses NaN, infinities and trailing junk", "[io][format]") {
  CHECK_FALSE(ParseDouble("nan"));
  CHECK_FALSE(ParseDouble("inf"));
  CHECK_FALSE(ParseDouble("1.5x"));
  CHECK_FALSE(ParseDouble(""));
  CHECK(ParseDouble(" 1.5\n") == 1.5);
  CHECK(ParseDouble("+2") == 2.0);
}

TEST_CASE("ParseBool and ParseIntegral accept what other tools write", "[io][format]") {
  CHECK(ParseBool("True") == true);
  CHECK(ParseBool("0") == false);
  CHECK_FALSE(ParseBool("yes"));
  CHECK(ParseIntegral("3") == 3);
  CHECK(ParseIntegral("3.0") == 3);
  CHECK_FALSE(ParseIntegral("3.5"));
}

TEST_CASE("CanonicalAttribute normalises types and values", "[io][format]") {
  CHECK(CanonicalAttribute("integer", " 7 ") == Attribute{"int", "7"});
  CHECK(CanonicalAttribute("liststring", "[\"a\"]") == Attribute{"string", "[\"a\"]"});
  CHECK(CanonicalAttribute("boolean", "False") == Attribute{"boolean", "false"});
  CHECK(CanonicalAttribute("double", "20") == Attribute{"double", "20.0"});
  CHECK(CanonicalAttribute("int", "many") == Attribute{"string", "many"});
  CHECK(CanonicalAttribute("float", "NaN") == Attribute{"string", "NaN"});
}

}  // namespace
}  // namespace newsgraph
