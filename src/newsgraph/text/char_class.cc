#include "newsgraph/text/char_class.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>
#include <string>

namespace newsgraph {
namespace {

uint8_t ComputeClass(UChar32 c, const icu::Normalizer2* nfc) {
  uint8_t f = 0;
  const int8_t type = u_charType(c);
  const bool mark =
      type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
  if (u_isalpha(c) || mark) f |= kCharLetter;
  if (mark) f |= kCharMark;
  if (u_isupper(c) || u_istitle(c)) f |= kCharUpper;
  if (type == U_DECIMAL_DIGIT_NUMBER) f |= kCharDigit;
  if (u_isUWhiteSpace(c)) f |= kCharSpace;
  if (nfc != nullptr) {
    const bool qc_yes = u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
    if (qc_yes && u_getCombiningClass(c) == 0) f |= kCharNfcSimple;
    if (nfc->hasBoundaryBefore(c)) f |= kCharNfcBoundary;
  }
  return f;
}

const icu::Normalizer2* NfcInstance() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  return U_SUCCESS(status) ? nfc : nullptr;
}

struct FoldEntry {
  uint8_t size = 0;
  bool changed = false;
  char bytes[6] = {};
};

// Ranges the fold table covers: Latin-1 to Armenian, Latin Extended
// Additional and Greek Extended, Latin ligatures.
constexpr char32_t kFoldRanges[][2] = {{0x80, 0x600}, {0x1E00, 0x2000}, {0xFB00, 0xFB07}};

struct Tables {
  std::array<uint8_t, 0x10000> classes{};
  std::array<FoldEntry, 0x600 - 0x80> fold_a{};
  std::array<FoldEntry, 0x2000 - 0x1E00> fold_b{};
  std::array<FoldEntry, 0xFB07 - 0xFB00> fold_c{};

  FoldEntry* Fold(char32_t c) {
    if (c >= 0x80 && c < 0x600) return &fold_a[c - 0x80];
    if (c >= 0x1E00 && c < 0x2000) return &fold_b[c - 0x1E00];
    if (c >= 0xFB00 && c < 0xFB07) return &fold_c[c - 0xFB00];
    return nullptr;
  }
};

std::unique_ptr<Tables> BuildTables() {
  auto t = std::make_unique<Tables>();
  const icu::Normalizer2* nfc = NfcInstance();
  for (UChar32 c = 0; c < 0x10000; ++c) t->classes[c] = ComputeClass(c, nfc);
  // NFD, drop marks, Latin-ASCII (œ, ø, ł, ß ...), lower-case.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> fold(icu::Transliterator::createInstance(
      "NFD; [:Mn:] Remove; Latin-ASCII; Lower", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) fold.reset();
  for (const auto& range : kFoldRanges) {
    for (char32_t c = range[0]; c < range[1]; ++c) {
      const uint8_t cls = t->classes[c];
      if (!(cls & kCharLetter)) continue;
      FoldEntry* e = t->Fold(c);
      std::string out;
      if (cls & kCharMark) {
        out.clear();  // a combining mark left after NFC: stripped
      } else {
        icu::UnicodeString s(static_cast<UChar32>(c));
        if (fold) {
          fold->transliterate(s);
        } else {
          s.toLower();
        }
        s.toUTF8String(out);
      }
      icu::UnicodeString self(static_cast<UChar32>(c));
      std::string self_utf8;
      self.toUTF8String(self_utf8);
      if (out == self_utf8 || out.size() > sizeof(e->bytes)) continue;
      e->changed = true;
      e->size = static_cast<uint8_t>(out.size());
      out.copy(e->bytes, out.size());
    }
  }
  return t;
}

Tables& GetTables() {
  static Tables* tables = BuildTables().release();  // built once, never freed
  return *tables;
}

}  // namespace

uint8_t CharClassOf(char32_t c) {
  if (c < 0x10000) return GetTables().classes[c];
  if (c > 0x10FFFF) return 0;
  static const icu::Normalizer2* nfc = NfcInstance();
  return ComputeClass(static_cast<UChar32>(c), nfc);
}

std::string_view FoldedChar(char32_t c) {
  const FoldEntry* e = GetTables().Fold(c);
  if (e == nullptr || !e->changed) return {};
  return std::string_view(e->bytes, e->size);
}

}  // namespace newsgraph
