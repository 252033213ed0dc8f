#include "newsgraph/graph/name_key.h"

#include <catch2/catch.hpp>

namespace newsgraph {
namespace {

TEST_CASE("NameKey folds case, accents, apostrophes and leading articles", "[graph][merge]") {
  struct Case {
    const char* name;
    const char* key;
  };
  const Case kCases[] = {
      {"Inde", "inde"},
      {"l\u2019Inde", "inde"},
      {"L'INDE", "inde"},
      {"l\u02BCInde", "inde"},
      {"Les \u00C9mirats arabes unis", "emirats arabes unis"},
      {"C\u00F4te d\u2019Ivoire", "cote d ivoire"},
      {"Cote d'Ivoire", "cote d ivoire"},
      {"The Hague", "hague"},
      {"La Paz", "paz"},
      {"Le", "le"},  // an article alone is the name
      {"India\u2013Central Asia Dialogue", "india central asia dialogue"},
      {"India-Central  Asia, Dialogue.", "india central asia dialogue"},
      {"\u0152uvre \u00E9conomique", "oeuvre economique"},
      {"Stra\u00DFe", "strasse"},
      {"\u0141\u00F3d\u017A", "lodz"},
      {"Rom\u00E2nia \u0218i \u021Aara", "romania si tara"},
      {"Vi\u1EC7t Nam", "viet nam"},
      {"Kazakh\u00ADstan", "kazakhstan"},    // soft hyphen dropped
      {"Ouzbe\u0301kistan", "ouzbekistan"},  // combining acute dropped
      {"\u00A0 New\u00A0Delhi \u00BB", "new delhi"},
      {"\u041C\u043E\u0441\u043A\u0432\u0430", "\u043C\u043E\u0441\u043A\u0432\u0430"},
      {"...", ""},
      {"", ""},
  };
  for (const Case& c : kCases) {
    INFO(c.name);
    CHECK(NameKey(c.name) == c.key);
  }
}

TEST_CASE("NameKey takes its leading articles from the options", "[graph][merge]") {
  NameKeyOptions options;
  options.leading_articles = {"der"};
  CHECK(NameKey("Der Spiegel", options) == "spiegel");
  CHECK(NameKey("The Hague", options) == "the hague");
}

}  // namespace
}  // namespace newsgraph
