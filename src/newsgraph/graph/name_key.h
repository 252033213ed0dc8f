// Name keys: the exact, normalised form under which merge unifies two nodes
// that have no Wikidata or ISO id ("l’Inde", "L'INDE" and "Inde" -> "inde").
//
//   std::string key = NameKey("Les Émirats arabes unis");   // "emirats arabes unis"
//   NameKey("Côte d’Ivoire") == NameKey("Cote d'Ivoire");    // "cote d ivoire"
//
// Folding, in order: Latin letters lose case and diacritics through a fixed
// table (U+00C0-U+024F, U+1E00-U+1EFF; œ -> oe, ß -> ss, ł -> l, ø -> o);
// combining marks, soft hyphens and zero-width characters are dropped; Greek
// and basic Cyrillic capitals are lower-cased; apostrophes (' ’ ‘ ʼ), dashes,
// other ASCII and Unicode punctuation, symbols and spaces separate words; one
// leading article (options.leading_articles, matched after folding, so "l’"
// is "l") is dropped when another word follows. Words are joined by one
// space. Other characters pass through unchanged. Deliberately no stemming
// and no fuzzy matching: two names are the same only if their keys are equal.
//
// Pure function, thread-safe; no ICU (graph/ does not link it).
#ifndef NEWSGRAPH_GRAPH_NAME_KEY_H_
#define NEWSGRAPH_GRAPH_NAME_KEY_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

struct NameKeyOptions {
  // Folded leading words dropped from a name of two words or more.
  std::vector<std::string> leading_articles = {"the", "le", "la", "les", "l"};
};

// The name key of `name` (UTF-8; invalid bytes fold to U+FFFD). Empty when
// the name holds no letter or digit.
std::string NameKey(std::string_view name, const NameKeyOptions& options = {});

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_NAME_KEY_H_
