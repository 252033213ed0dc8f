// make_corpus: writes a large, deterministic, bilingual news-like corpus as
// JSON Lines, for the extraction benchmark.
//
//   make_corpus --articles 20000 --seed 1 > corpus.jsonl
//
// Articles mix French and English paragraphs built from sentence patterns of
// the kinds the extractor looks for (cooperation, dependence, condemnation,
// summits with dates and places) and filler prose, with typographic
// apostrophes, no-break spaces and dashes, so the text layer does real work.
// Same arguments, same bytes.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

// A small deterministic generator (splitmix64): the corpus must not depend on
// the C library's rand().
struct Random {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }
};

struct Country {
  const char* fr;  // with its article, as a subject: "l’Inde"
  const char* en;
  const char* capital;
};

const std::vector<Country> kCountries = {
    {"l’Inde", "India", "New Delhi"},
    {"la Chine", "China", "Pékin"},
    {"le Kazakhstan", "Kazakhstan", "Astana"},
    {"l’Ouzbékistan", "Uzbekistan", "Tachkent"},
    {"le Kirghizistan", "Kyrgyzstan", "Bichkek"},
    {"le Tadjikistan", "Tajikistan", "Douchanbé"},
    {"le Turkménistan", "Turkmenistan", "Achgabat"},
    {"la Russie", "Russia", "Moscou"},
    {"la France", "France", "Paris"},
    {"l’Allemagne", "Germany", "Berlin"},
    {"le Japon", "Japan", "Tokyo"},
    {"le Pakistan", "Pakistan", "Islamabad"},
    {"l’Iran", "Iran", "Téhéran"},
    {"la Turquie", "Turkey", "Ankara"},
    {"le Brésil", "Brazil", "Brasilia"},
};

const std::vector<const char*> kMonthsFr = {"janvier",   "février", "mars",     "avril",
                                            "mai",       "juin",    "juillet",  "août",
                                            "septembre", "octobre", "novembre", "décembre"};
const std::vector<const char*> kMonthsEn = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
const std::vector<const char*> kResourcesFr = {"terres rares", "minéraux critiques", "uranium",
                                               "gaz naturel", "lithium"};
const std::vector<const char*> kResourcesEn = {"rare earths", "critical minerals", "uranium",
                                               "natural gas", "lithium"};
const std::vector<const char*> kFillerFr = {
    "Les analystes soulignent que les marchés restent prudents face à l’évolution des prix.",
    "Selon plusieurs observateurs, les discussions ont duré plus longtemps que prévu.",
    "La presse locale a largement commenté l’événement, évoquant « un tournant » pour la région.",
    "Des représentants du secteur privé étaient également présents lors des échanges.",
    "Les chiffres publiés mardi montrent une hausse de 3,5 % des échanges sur un an."};
const std::vector<const char*> kFillerEn = {
    "Analysts said markets remained cautious as prices moved sharply during the week.",
    "Several observers noted that the talks lasted longer than expected.",
    "Local media covered the event widely, calling it “a turning point” for the region.",
    "Representatives of the private sector also attended part of the discussions.",
    "Figures released on Tuesday showed trade up 3.5 percent over a year."};

std::string FrenchSentence(Random& r) {
  const Country& a = r.Pick(kCountries);
  const Country& b = r.Pick(kCountries);
  char buf[512];
  switch (r.Below(7)) {
    case 0:
      std::snprintf(buf, sizeof buf,
                    "%s et %s renforcent leur coopération dans le domaine de l’énergie.", a.fr,
                    b.fr);
      buf[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(buf[0])));
      break;
    case 1:
      std::snprintf(buf, sizeof buf, "Le %zu %s 2025, à %s, s’est tenu le sommet entre %s et %s.",
                    1 + r.Below(28), r.Pick(kMonthsFr), a.capital, a.fr, b.fr);
      break;
    case 2:
      std::snprintf(buf, sizeof buf,
                    "%s a condamné fermement l’attaque survenue à %s le %zu %s 2025.", a.capital,
                    b.capital, 1 + r.Below(28), r.Pick(kMonthsFr));
      break;
    case 3:
      std::snprintf(buf, sizeof buf,
                    "Le pays cherche à réduire sa dépendance à l’égard de %s pour les %s.", b.fr,
                    r.Pick(kResourcesFr));
      break;
    case 4:
      std::snprintf(buf, sizeof buf,
                    "Les ministres ont exprimé leur soutien au développement de %s.", b.fr);
      break;
    default:
      return r.Pick(kFillerFr);
  }
  return buf;
}

std::string EnglishSentence(Random& r) {
  const Country& a = r.Pick(kCountries);
  const Country& b = r.Pick(kCountries);
  char buf[512];
  switch (r.Below(7)) {
    case 0:
      std::snprintf(buf, sizeof buf, "%s and %s agreed to deepen their cooperation on %s.", a.en,
                    b.en, r.Pick(kResourcesEn));
      break;
    case 1:
      std::snprintf(buf, sizeof buf, "On %s %zu, 2025, ministers from %s and %s met in %s.",
                    r.Pick(kMonthsEn), 1 + r.Below(28), a.en, b.en, a.capital);
      break;
    case 2:
      std::snprintf(buf, sizeof buf, "%s condemned the attack and said it would support %s.", a.en,
                    b.en);
      break;
    case 3:
      std::snprintf(buf, sizeof buf, "%s still relies on %s for most of its %s.", a.en, b.en,
                    r.Pick(kResourcesEn));
      break;
    case 4:
      std::snprintf(buf, sizeof buf, "%s imposed export controls on %s in %s 2025.", a.en,
                    r.Pick(kResourcesEn), r.Pick(kMonthsEn));
      break;
    default:
      return r.Pick(kFillerEn);
  }
  return buf;
}

void AppendJsonString(const std::string& s, std::string* out) {
  out->push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(c);
    } else if (c == '\n') {
      out->append("\\n");
    } else {
      out->push_back(c);
    }
  }
  out->push_back('"');
}

}  // namespace

int main(int argc, char** argv) {
  size_t articles = 10000;
  uint64_t seed = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--articles") == 0)
      articles = std::strtoull(argv[i + 1], nullptr, 10);
    else if (std::strcmp(argv[i], "--seed") == 0)
      seed = std::strtoull(argv[i + 1], nullptr, 10);
    else {
      std::fprintf(stderr, "usage: make_corpus [--articles N] [--seed S] > corpus.jsonl\n");
      return 2;
    }
  }
  Random r{seed};
  std::string line;
  for (size_t a = 0; a < articles; ++a) {
    const bool french = r.Below(2) == 0;
    std::string text;
    const size_t paragraphs = 3 + r.Below(5);
    for (size_t p = 0; p < paragraphs; ++p) {
      const size_t sentences = 2 + r.Below(4);
      for (size_t s = 0; s < sentences; ++s) {
        if (s) text.push_back(' ');
        text += french ? FrenchSentence(r) : EnglishSentence(r);
      }
      text += "\n\n";
    }
    line.clear();
    line += "{\"id\":\"bench-" + std::to_string(a) + "\",\"lang\":\"" + (french ? "fr" : "en") +
            "\",\"date\":\"2025-0" + std::to_string(1 + r.Below(9)) + "-1" +
            std::to_string(r.Below(10)) + "\",\"title\":";
    AppendJsonString(french ? "Dépêche de synthèse" : "News digest", &line);
    line += ",\"text\":";
    AppendJsonString(text, &line);
    line += "}\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  return 0;
}
