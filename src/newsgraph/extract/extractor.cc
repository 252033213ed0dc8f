#include "newsgraph/extract/extractor.h"

#include "newsgraph/extract/coreference.h"
#include "newsgraph/extract/lexicon_index.h"
#include "newsgraph/extract/mentions.h"
#include "newsgraph/extract/relations.h"
#include "newsgraph/schema/extraction_lexicon.h"
#include "newsgraph/schema/gazetteer.h"
#include "newsgraph/schema/ontology.h"
#include "newsgraph/schema/text_lexicons.h"
#include "newsgraph/text/dates.h"
#include "newsgraph/text/language.h"
#include "newsgraph/text/normalizer.h"
#include "newsgraph/text/sentence_splitter.h"

namespace newsgraph {
namespace {

// Bytes besides the date on a dateline ("Le ", "Publié le ").
constexpr size_t kDatelineSlack = 16;

// `s` without the blanks around it.
std::string_view Trimmed(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") + 1 - b);
}

// Where the article's first paragraph ends in `text` (normalized): its
// first non-blank line, past the title's line when the text opens with the
// title (as a .txt article does).
size_t LeadEnd(std::string_view text, std::string_view title) {
  const std::string_view title_line = Trimmed(title);
  bool title_passed = title_line.empty();
  size_t b = 0;
  while (true) {
    b = text.find_first_not_of(" \t\r\n", b);
    if (b == std::string_view::npos) return text.size();
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    if (title_passed || Trimmed(text.substr(b, e - b)) != title_line) return e;
    title_passed = true;
    b = e;
  }
}

// Whether text[begin, end) holds only white space and control characters
// (what Tokenize skips between tokens).
bool OnlyWhiteSpace(std::string_view text, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if (static_cast<unsigned char>(text[i]) > ' ') return false;
  }
  return true;
}

}  // namespace

struct Extractor::State {
  Ontology ontology;
  Gazetteer gazetteer;
  ExtractionLexicon lexicon;
  TextLexicons text;
  LexiconIndex index;
  SentenceSplitter splitter;
  DateFinder dates;
  LanguageDetector detector;

  State(Ontology o, Gazetteer g, ExtractionLexicon l, TextLexicons t, LexiconIndex i)
      : ontology(std::move(o)),
        gazetteer(std::move(g)),
        lexicon(std::move(l)),
        text(std::move(t)),
        index(std::move(i)),
        splitter(text.abbreviations),
        dates(text.dates),
        detector(text.stopwords) {}
};

Result<Extractor> Extractor::Create(const std::string& schema_dir) {
  Result<Ontology> ontology = Ontology::Load(schema_dir);
  if (!ontology.ok()) return ontology.status();
  Result<Gazetteer> gazetteer = Gazetteer::Load(schema_dir);
  if (!gazetteer.ok()) return gazetteer.status();
  Result<TextLexicons> text = LoadTextLexicons(schema_dir);
  if (!text.ok()) return text.status();
  // The lexicon lives behind a pointer so the index's pointers into it stay valid.
  auto lexicon = std::make_unique<ExtractionLexicon>();
  {
    Result<ExtractionLexicon> lex = LoadExtractionLexicon(schema_dir);
    if (!lex.ok()) return lex.status();
    *lexicon = std::move(*lex);
  }
  // Build the index against the final resting place of the data: construct
  // the state first with an empty index, then compile in place.
  auto state = std::make_shared<State>(std::move(*ontology), std::move(*gazetteer),
                                       std::move(*lexicon), std::move(*text), LexiconIndex());
  Result<LexiconIndex> index =
      LexiconIndex::Build(state->lexicon, state->gazetteer, state->ontology);
  if (!index.ok()) return index.status();
  state->index = std::move(*index);
  state->index.UseDateFinder(&state->dates);
  return Extractor(std::move(state));
}

const Ontology& Extractor::ontology() const { return state_->ontology; }
const Gazetteer& Extractor::gazetteer() const { return state_->gazetteer; }

Result<Extraction> Extractor::Extract(const Article& article) const {
  const State& st = *state_;
  const std::string where = !article.source.empty() ? article.source : article.id;
  Lang lang = Lang::kUnknown;
  if (!article.lang.empty()) {
    lang = ParseLang(article.lang);
    if (lang == Lang::kUnknown) {
      return Status::InputError(where + ": unsupported language '" + article.lang +
                                "' (newsgraph extracts french and english)");
    }
  } else {
    lang = st.detector.Detect(article.text);
    if (lang == Lang::kUnknown) {
      return Status::InputError(where + ": cannot tell the language of article '" + article.id +
                                "' (neither french nor english)");
    }
  }
  Extraction x;
  x.article_id = article.id;
  x.lang = std::string(LangCode(lang));
  const MappedText norm = Normalize(article.text);
  // The sentences and their tokens, first: each sentence is tokenised onto
  // the end of one stream of the article's tokens, which the sentence's keys
  // are then looked up from, and which the date finder reads (with the date
  // keys the token cache keeps) instead of scanning and tokenising the text
  // again. Buffers kept
  // per thread: their capacity outlives the article, so they stop growing
  // (and allocating) after the first few. Each pass clears or overwrites
  // what it fills; nothing read depends on what an earlier article left.
  thread_local std::vector<Span> sentences;
  thread_local std::vector<SentenceTokens> sentence_tokens;
  thread_local std::vector<Token> stream_tokens;
  thread_local std::vector<DateFinder::TokenKey> stream_keys;
  thread_local std::vector<uint32_t> sentence_first;  // index of each sentence's first token
  sentences.clear();
  st.splitter.Split(norm.text, lang, &sentences);
  if (sentence_tokens.size() < sentences.size()) sentence_tokens.resize(sentences.size());
  stream_tokens.clear();
  sentence_first.clear();
  // The stream is the text's tokens when the sentences cover its tokens
  // and tokenising each on its own gives them (white space between two
  // sentences, and nothing but white space outside them); else the date
  // finder reads the text.
  bool stream_whole = true;
  size_t covered = 0;
  for (size_t k = 0; k < sentences.size(); ++k) {
    const Span sentence = sentences[k];
    sentence_first.push_back(static_cast<uint32_t>(stream_tokens.size()));
    Tokenize(norm.text, sentence, &stream_tokens);
    stream_whole = stream_whole && (k == 0 || sentence.begin > covered) &&
                   OnlyWhiteSpace(norm.text, covered, sentence.begin);
    covered = sentence.end;
  }
  stream_whole = stream_whole && OnlyWhiteSpace(norm.text, covered, norm.text.size());
  sentence_first.push_back(static_cast<uint32_t>(stream_tokens.size()));
  stream_keys.resize(stream_tokens.size());
  for (size_t k = 0; k < sentences.size(); ++k) {
    const uint32_t first = sentence_first[k];
    st.index.TokenizeSentence(
        lang, norm.text, sentences[k],
        std::span<const Token>(stream_tokens.data() + first, sentence_first[k + 1] - first),
        &sentence_tokens[k], stream_keys.data() + first);
  }
  const DateFinder::TokenStream stream{stream_tokens, stream_keys};
  const auto find_dates = [&](std::string_view article_date, DateFinder::Anchor anchor,
                              size_t anchor_at) {
    return stream_whole ? st.dates.Find(norm.text, stream, lang, article_date, anchor, anchor_at)
                        : st.dates.Find(norm.text, lang, article_date, anchor, anchor_at);
  };
  // Whether x.date is the day of publication, or only a day the text names.
  DateFinder::Anchor anchor = DateFinder::Anchor::kPublished;
  size_t anchor_at = 0;
  if (IsIsoDate(article.date)) {
    x.date = article.date;
  } else {
    // A dateline (a full date alone on its line, "Le 06/07/2025") wins over
    // the first full date of the text.
    std::string first;
    size_t first_at = 0;
    for (const DateMention& d : find_dates("", DateFinder::Anchor::kPublished, 0)) {
      if (d.precision != DatePrecision::kDay) continue;
      if (first.empty()) {
        first = d.iso;
        first_at = d.begin;
      }
      size_t line_begin = norm.text.rfind('\n', d.begin);
      line_begin = line_begin == std::string::npos ? 0 : line_begin + 1;
      size_t line_end = norm.text.find('\n', d.end);
      if (line_end == std::string::npos) line_end = norm.text.size();
      if (line_end - line_begin <= (d.end - d.begin) + kDatelineSlack) {
        x.date = d.iso;
        break;
      }
    }
    if (x.date.empty() && !first.empty()) {
      x.date = first;
      anchor = first_at < LeadEnd(norm.text, Normalize(article.title).text)
                   ? DateFinder::Anchor::kLead
                   : DateFinder::Anchor::kMentioned;
      anchor_at = first_at;
      // A bare day before the lead's date ("se sont joints jeudi à Maurice
      // pour condamner l'attaque ... de samedi 17 octobre 2026") is the
      // day of the news; the date is an earlier event's, told about after.
      if (anchor == DateFinder::Anchor::kLead) {
        // (Only the text before the date is read; spans count from its start.)
        const std::string_view before = std::string_view(norm.text).substr(0, first_at);
        for (const DateMention& d : st.dates.Find(before, lang, first)) {
          if (d.relative && d.precision == DatePrecision::kDay) {
            anchor = DateFinder::Anchor::kMentioned;
            break;
          }
        }
      }
    }
  }
  const std::vector<DateMention> dates = find_dates(x.date, anchor, anchor_at);
  thread_local SentenceMentions mentions;
  thread_local SentenceArgs args;

  EntityTable table(&st.gazetteer);
  Discourse discourse;
  ArticleRelationState rel_state;
  MentionContext mctx{&st.index, lang, norm.text, article.text, &norm};
  RelationContext rctx{&st.index, &st.ontology, lang, norm.text, article.text, &norm};
  const LanguageIndex& li = st.index.ForLang(lang);
  for (size_t k = 0; k < sentences.size(); ++k) {
    const SentenceTokens& tokens = sentence_tokens[k];
    FindMentions(mctx, tokens, dates, &table, &mentions);
    ResolveSentence(li, norm.text, tokens, mentions, &table, discourse, &args);
    FindRelations(rctx, tokens, mentions, args, discourse, &table, &rel_state, &x.relations);
    UpdateDiscourse(mentions, args, table, &discourse);
  }
  table.FoldUndatedEvents(&x.relations);
  table.NameEditionsByForum(&x.relations);
  table.DropUnrelated(x.relations);
  x.entities = table.Finish();
  return x;
}

}  // namespace newsgraph
