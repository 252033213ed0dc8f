#include "newsgraph/text/normalizer.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace newsgraph {
namespace {

bool IsCharStart(std::string_view s, size_t i) {
  return i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

// The invariants every MappedText must keep, against its original.
void CheckMap(const MappedText& m, std::string_view original) {
  REQUIRE(m.origin.size() == m.text.size() + 1);
  REQUIRE(m.origin.back() == original.size());
  for (size_t i = 0; i < m.origin.size(); ++i) {
    INFO("output byte " << i);
    REQUIRE(m.origin[i] <= original.size());
    REQUIRE(IsCharStart(original, m.origin[i]));
    if (i > 0) REQUIRE(m.origin[i - 1] <= m.origin[i]);
  }
}

}  // namespace

TEST_CASE("Normalize maps every output byte back to the original character", "[text][normalizer]") {
  // ’ « NBSP » NNBSP ; — and accents, as a French site writes them.
  const std::string original =
      "L\u2019Inde\u00A0: \u00AB\u00A0Une \u00E9tape\u00A0\u00BB\u202F; d\u00E9j\u00E0 \u2014 "
      "fin\u2026";
  const MappedText m = Normalize(original);
  CHECK(m.text == "L'Inde : \"Une \u00E9tape\" ; d\u00E9j\u00E0 \u2014 fin...");
  CheckMap(m, original);
  // Byte by byte: the source of each output byte.
  const auto src = [&](std::string_view needle, size_t nth = 0) {
    size_t at = original.find(needle);
    while (nth-- > 0) at = original.find(needle, at + 1);
    return static_cast<uint32_t>(at);
  };
  CHECK(m.origin[0] == 0);              // L
  CHECK(m.origin[1] == src("\u2019"));  // ' <- ’ (3 bytes)
  CHECK(m.origin[2] == src("Inde"));    // I
  CHECK(m.origin[6] == src("\u00A0"));  // ' ' <- NBSP
  CHECK(m.origin[7] == src(":"));
  CHECK(m.origin[9] == src("\u00AB"));  // " <- «, its NBSP dropped
  CHECK(m.origin[10] == src("Une"));
  CHECK(m.origin[14] == src("\u00E9tape"));  // é, both bytes
  CHECK(m.origin[15] == src("\u00E9tape"));
  CHECK(m.text.substr(16, 5) == "tape\"");
  CHECK(m.origin[20] == src("\u00BB"));  // " <- », the NBSP before it dropped
  CHECK(m.origin[21] == src("\u202F"));  // ' ' <- NNBSP
  const size_t dash = m.text.find("\u2014");
  CHECK(m.origin[dash] == src("\u2014"));
  const size_t dots = m.text.find("...");
  for (size_t k = 0; k < 3; ++k) CHECK(m.origin[dots + k] == src("\u2026"));
  // Spans map back: "Une étape" in the output is "Une étape" in the original.
  const Span word{10, 20};
  const Span tight = m.ToOriginalSpan(word, original);
  CHECK(original.substr(tight.begin, tight.size()) == "Une \u00E9tape");
  // Without the original, the dropped no-break space before » is included.
  const Span loose = m.ToOriginalSpan(word);
  CHECK(original.substr(loose.begin, loose.size()) == "Une \u00E9tape\u00A0");
}

TEST_CASE("Normalize applies the typographic table", "[text][normalizer]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"l\u2019Inde l\u2018Inde l\u02BCInde 5\u2032", "l'Inde l'Inde l'Inde 5'"},
      {"\u201CYes\u201D \u201EJa\u201C", "\"Yes\" \"Ja\""},
      {"\u00AB Oui \u00BB", "\"Oui\""},  // ordinary spaces too
      {"\u00AB\u202FOui\u202F\u00BB, dit-il", "\"Oui\", dit-il"},
      {"a\u00A0b\u202Fc\u2009d\u3000e\tf", "a b c d e f"},
      {"pr\u00E9\u00ADsi\u00ADdent", "pr\u00E9sident"},  // soft hyphens
      {"a\u200Bb\u200Dc\uFEFFd\u2060e", "abcde"},        // zero-width characters
      {"un \u2014 deux", "un \u2014 deux"},
      {"un \u2013 deux", "un \u2014 deux"},  // en dash as punctuation
      {"un\u2014deux", "un\u2014deux"},      // English em dash, unspaced
      {"1990\u20132000", "1990-2000"},       // en dash between digits
      {"Inde\u2013Asie", "Inde-Asie"},
      {"\u2212"
       "5 \u00B0C",
       "-5 \u00B0C"},  // minus sign
      {"non\u2011stop", "non-stop"},
      {"Et puis\u2026 rien", "Et puis... rien"},
      {"a\r\nb\rc\n", "a\nb\nc\n"},
      {"a\u2028b\u2029c", "a\nb\n\nc"},
      {"Ame\u0301lie", "Am\u00E9lie"},  // NFC composes
      {"", ""},
      {"plain ASCII stays", "plain ASCII stays"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    const MappedText m = Normalize(c.in);
    CHECK(m.text == c.out);
    CheckMap(m, c.in);
  }
}

TEST_CASE("Normalize composes only the spans that need NFC", "[text][normalizer]") {
  // "e" + combining acute becomes "é"; both its bytes map to the "e".
  const std::string original = "Caf\u00E9 et cafe\u0301, Ame\u0301lie";
  const MappedText m = Normalize(original);
  CHECK(m.text == "Caf\u00E9 et caf\u00E9, Am\u00E9lie");
  CheckMap(m, original);
  const size_t second = m.text.find("caf\u00E9") + 3;
  CHECK(m.origin[second] == original.find("e\u0301"));
  CHECK(m.origin[second + 1] == original.find("e\u0301"));
  CHECK(m.origin[second + 2] == original.find("e\u0301") + 3);  // ',' after the 3 source bytes
  // The whole word maps back to the decomposed original.
  const Span o =
      m.ToOriginalSpan({static_cast<uint32_t>(second - 3), static_cast<uint32_t>(second + 2)});
  CHECK(original.substr(o.begin, o.size()) == "cafe\u0301");
}

TEST_CASE("Normalize is the identity on clean text", "[text][normalizer]") {
  const std::string original =
      "Le 6 juin 2025, New Delhi a accueilli le dialogue.\n\u00C9t\u00E9 2024.";
  const MappedText m = Normalize(original);
  CHECK(m.text == original);
  // Each byte maps to the start of its character: é's two bytes to its first.
  for (size_t i = 0; i < m.origin.size(); ++i) {
    size_t start = i;
    while (!IsCharStart(original, start)) --start;
    CHECK(m.origin[i] == start);
  }
}

TEST_CASE("Normalize copies runs of accented letters, however long, byte for byte",
          "[text][normalizer]") {
  // The typographic pass copies ASCII and two-byte letters in runs; a run
  // keeps a bounded list of its letters, so long ones are cut and resumed.
  // An en dash after an accented letter still sees that letter before it.
  std::string accents;
  for (int k = 0; k < 100; ++k) accents += k % 3 == 0 ? "\u00E9" : (k % 3 == 1 ? "x" : "\u00E7");
  for (const std::string& lead : {std::string(), std::string("e\u0301 ")}) {  // and after NFC
    const std::string original = lead + accents + "\u00E9\u2013\u00E0 \u00E9\u00A0\u00BB\u00E0";
    const MappedText m = Normalize(original);
    const std::string nfc_lead = lead.empty() ? "" : "\u00E9 ";
    CHECK(m.text == nfc_lead + accents + "\u00E9-\u00E0 \u00E9\"\u00E0");
    CheckMap(m, original);
    // Past the lead, each byte maps to the first byte of its character, as
    // far as the dash (which is one byte shorter in the output).
    const size_t from = nfc_lead.size(), shift = lead.size() - nfc_lead.size();
    for (size_t i = from; i < from + accents.size() + 2; ++i) {
      size_t start = i;
      while (!IsCharStart(m.text, start)) --start;
      INFO("output byte " << i);
      CHECK(m.origin[i] == start + shift);
    }
  }
}

TEST_CASE("Normalize finds a special character at any place in an ASCII run",
          "[text][normalizer]") {
  // The passes look at eight bytes a step and jump to the first byte that
  // needs a look: try every lane of that step, before and after NFC.
  struct Special {
    std::string in, out;
  };
  const std::vector<Special> specials = {
      {"\n", "\n"},           // kept, inside a run
      {"\t", " "},            // a control byte: ends the run
      {"\u00E9", "\u00E9"},   // copied two-byte letter
      {"\u2019", "'"},        // rewritten
      {"e\u0301", "\u00E9"},  // composed by NFC
      {"\u00A0", " "},        // a two-byte character that is rewritten
  };
  const std::string ascii = "abcdefghijklmnopqrstuvwxyz0123456789ABCD";
  for (const Special& sp : specials) {
    for (size_t at = 0; at <= ascii.size(); ++at) {
      const std::string original = ascii.substr(0, at) + sp.in + ascii.substr(at);
      INFO("special " << sp.in << " at " << at);
      const MappedText m = Normalize(original);
      REQUIRE(m.text == ascii.substr(0, at) + sp.out + ascii.substr(at));
      CheckMap(m, original);
      for (size_t k = 0; k < m.text.size(); ++k) {
        const size_t expected = k < at                   ? k
                                : k < at + sp.out.size() ? at
                                                         : k - sp.out.size() + sp.in.size();
        CHECK(m.origin[k] == expected);
      }
    }
  }
}

TEST_CASE("Normalize replaces invalid bytes and keeps the map", "[text][normalizer]") {
  const std::string original =
      "a\xFF"
      "b";
  const MappedText m = Normalize(original);
  CHECK(m.text == "a\uFFFDb");
  CHECK(m.origin == std::vector<uint32_t>{0, 1, 1, 1, 2, 3});
}

TEST_CASE("Normalize keeps its invariants on random mixtures", "[text][normalizer]") {
  const std::vector<std::string> pieces = {
      "a",      "Z",       " ",      "\n",     "\r\n",   "\u2019", "\u00AB",
      "\u00BB", "\u00A0",  "\u202F", "\u00AD", "\u200B", "\u2013", "\u2014",
      "\u2026", "e\u0301", "\u00E9", "\u0301", "\u1E9E", "\u0153", "\U0001F600",
      "\uFFFD", "\xC3",    "'",      "\"",     "-",      "7",      "\u212B" /* Angstrom -> Å */};
  std::mt19937 rng(12345);
  for (int round = 0; round < 300; ++round) {
    std::string original;
    const int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) original += pieces[rng() % pieces.size()];
    INFO("round " << round);
    const MappedText m = Normalize(original);
    CheckMap(m, original);
    const MappedText f = Fold(m);
    CheckMap(f, original);
  }
}

TEST_CASE("Fold lower-cases and strips diacritics, mapping to the original", "[text][normalizer]") {
  const std::string original =
      "\u00C9lys\u00E9e \u0152uvre Stra\u00DFe \u0141\u00F3d\u017A \u00C6SOP \u00F8re "
      "GR\u00DC\u00DF";
  const MappedText n = Normalize(original);
  const MappedText f = Fold(n);
  CHECK(f.text == "elysee oeuvre strasse lodz aesop ore gruss");
  CheckMap(f, original);
  // "oe" both map to the two bytes of Œ; a span over "o" alone covers all of Œ.
  const size_t oe = f.text.find("oeuvre");
  CHECK(f.origin[oe] == original.find("\u0152"));
  CHECK(f.origin[oe + 1] == original.find("\u0152"));
  const Span o = f.ToOriginalSpan({static_cast<uint32_t>(oe), static_cast<uint32_t>(oe + 1)});
  CHECK(original.substr(o.begin, o.size()) == "\u0152");
  // A whole word maps back to the word as written.
  const Span w = f.ToOriginalSpan({static_cast<uint32_t>(oe), static_cast<uint32_t>(oe + 6)});
  CHECK(original.substr(w.begin, w.size()) == "\u0152uvre");
}

TEST_CASE("Fold handles Greek, Cyrillic, ligatures and leaves other scripts",
          "[text][normalizer]") {
  CHECK(FoldString("\u0391\u03B8\u03AE\u03BD\u03B1") == "\u03B1\u03B8\u03B7\u03BD\u03B1");  // Αθήνα
  CHECK(FoldString("\u041C\u043E\u0441\u043A\u0432\u0430") ==
        "\u043C\u043E\u0441\u043A\u0432\u0430");  // Москва
  CHECK(FoldString("\uFB01n") == "fin");
  CHECK(FoldString("\u5317\u4EAC 2025 l'Inde \u2014 \"x\"") ==
        "\u5317\u4EAC 2025 l'inde \u2014 \"x\"");
  CHECK(FoldString("aujourd'hui") == "aujourd'hui");
  std::string out = "k:";
  AppendFolded("Kirghizistan", &out);
  CHECK(out == "k:kirghizistan");
  // Fold of a plain string maps into that string.
  const MappedText f = Fold(std::string_view("\u00C0 B"));
  CHECK(f.text == "a b");
  CHECK(f.origin == std::vector<uint32_t>{0, 2, 3, 4});
}

}  // namespace newsgraph
