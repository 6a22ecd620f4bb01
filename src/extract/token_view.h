// Tokens of one sentence with their lower-cased forms, the common input of every
// extraction rule.
#ifndef CORROBORATE_SRC_EXTRACT_TOKEN_VIEW_H_
#define CORROBORATE_SRC_EXTRACT_TOKEN_VIEW_H_

#include <string>
#include <string_view>
#include <vector>

#include "corroborate/text/tokenize.h"

namespace corroborate::extract {

struct TokenView {
  std::string_view text;  // the whole normalised text the tokens point into
  std::vector<text::Token> toks;
  std::vector<std::string> lower;

  TokenView(std::string_view t, Span range);

  size_t size() const { return toks.size(); }
  std::string_view Raw(size_t i) const { return i < toks.size() ? toks[i].Of(text) : std::string_view(); }
  // A view, so that comparisons with literals check the length before the bytes.
  std::string_view Low(size_t i) const { return lower[i]; }
  bool IsWord(size_t i) const { return i < toks.size() && toks[i].kind == text::TokenKind::kWord; }
  bool IsNumber(size_t i) const {
    return i < toks.size() && toks[i].kind == text::TokenKind::kNumber;
  }
  bool Is(size_t i, std::string_view lower_word) const {
    return i < toks.size() && lower[i] == lower_word;
  }
  bool IsPunct(size_t i, char c) const {
    return i < toks.size() && toks[i].kind != text::TokenKind::kWord &&
           toks[i].kind != text::TokenKind::kNumber && toks[i].end - toks[i].begin >= 1 &&
           text[toks[i].begin] == c;
  }
  // The fraction slash U+2044, as in "1⁄6" (what "⅙" normalises to).
  bool IsFractionSlash(size_t i) const { return Raw(i) == "\xE2\x81\x84"; }
  // "x" or "×" between two figures: "1.3x10^6", "2 m x 3 m".
  bool IsTimesSign(size_t i) const { return Is(i, "x") || Raw(i) == "\xC3\x97"; }
  bool Attached(size_t i) const { return i < toks.size() && toks[i].is(text::kAttached); }
  bool Capitalized(size_t i) const { return i < toks.size() && toks[i].is(text::kCapitalized); }
  Span SpanOf(size_t b, size_t e) const { return Span{toks[b].begin, toks[e - 1].end}; }
  std::string_view TextOf(size_t b, size_t e) const {
    return b < e ? SpanOf(b, e).Of(text) : std::string_view();
  }
};

}  // namespace corroborate::extract

#endif  // CORROBORATE_SRC_EXTRACT_TOKEN_VIEW_H_
