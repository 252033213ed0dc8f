// LexiconIndex::TokenizeSentence: the keys and trie nodes of each token, as
// the per-thread token cache gives them back.
#include "newsgraph/extract/lexicon_index.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "newsgraph/text/normalizer.h"

namespace newsgraph {
namespace {

struct LoadedIndex {
  Ontology ontology;
  Gazetteer gazetteer;
  ExtractionLexicon lexicon;
  LexiconIndex index;
};

// Built once, in place (the index points into the lexicon and gazetteer).
const LoadedIndex& Loaded() {
  static const LoadedIndex* loaded = [] {
    auto* l = new LoadedIndex;
    Result<Ontology> o = Ontology::Load(NEWSGRAPH_SCHEMA_DIR);
    Result<Gazetteer> g = Gazetteer::Load(NEWSGRAPH_SCHEMA_DIR);
    Result<ExtractionLexicon> x = LoadExtractionLexicon(NEWSGRAPH_SCHEMA_DIR);
    REQUIRE(o.ok());
    REQUIRE(g.ok());
    REQUIRE(x.ok());
    l->ontology = std::move(*o);
    l->gazetteer = std::move(*g);
    l->lexicon = std::move(*x);
    Result<LexiconIndex> i = LexiconIndex::Build(l->lexicon, l->gazetteer, l->ontology);
    REQUIRE(i.ok());
    l->index = std::move(*i);
    return l;
  }();
  return *loaded;
}

std::vector<TokenInfo> Tokens(Lang lang, const std::string& text) {
  const MappedText norm = Normalize(text);
  SentenceTokens s;
  Loaded().index.TokenizeSentence(lang, norm.text, {0, static_cast<uint32_t>(norm.text.size())},
                                  &s);
  return s.tokens;
}

TEST_CASE("TokenizeSentence gives each token its keys and first trie nodes",
          "[extract][lexicon_index]") {
  const LanguageIndex& li = Loaded().index.ForLang(Lang::kEn);
  const std::vector<TokenInfo> tokens =
      Tokens(Lang::kEn, "China condemned the attack and signed an agreement with India.");
  REQUIRE(tokens.size() == 11);
  bool some_stem_node = false, some_gazetteer_node = false;
  for (const TokenInfo& t : tokens) {
    CHECK(t.stem_node == (t.stem == kNoKey ? 0 : li.stems.Child(0, t.stem)));
    CHECK(t.phrase_node == (t.lower == kNoKey ? 0 : li.phrases.Child(0, t.lower)));
    CHECK(t.gazetteer_node == (t.fold == kNoKey ? 0 : Loaded().index.gazetteer().Child(0, t.fold)));
    some_stem_node = some_stem_node || t.stem_node != 0;
    some_gazetteer_node = some_gazetteer_node || t.gazetteer_node != 0;
  }
  CHECK(some_stem_node);       // "condemned", "signed"
  CHECK(some_gazetteer_node);  // "China", "India"
}

TEST_CASE("TokenizeSentence gives the same keys once the token cache has grown",
          "[extract][lexicon_index]") {
  const std::string sentence =
      "Le Kazakhstan et l'Ouzbékistan ont signé un accord de coopération énergétique.";
  const std::vector<TokenInfo> before = Tokens(Lang::kFr, sentence);
  // Thousands of new words of every length up to 12 bytes: the cache
  // doubles its table several times, placing every entry again.
  std::string filler;
  for (int k = 0; k < 6000; ++k) {
    filler += "w" + std::to_string(k) + std::string(static_cast<size_t>(k % 7), 'x') + " ";
  }
  REQUIRE(Tokens(Lang::kFr, filler).size() == 6000);
  const std::vector<TokenInfo> after = Tokens(Lang::kFr, sentence);
  REQUIRE(after.size() == before.size());
  for (size_t i = 0; i < before.size(); ++i) {
    CHECK(after[i].lower == before[i].lower);
    CHECK(after[i].fold == before[i].fold);
    CHECK(after[i].stem == before[i].stem);
    CHECK(after[i].cues == before[i].cues);
    CHECK(after[i].first_cues == before[i].first_cues);
    CHECK(after[i].gazetteer_node == before[i].gazetteer_node);
    CHECK(after[i].phrase_node == before[i].phrase_node);
    CHECK(after[i].stem_node == before[i].stem_node);
  }
}

}  // namespace
}  // namespace newsgraph
