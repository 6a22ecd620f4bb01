// Word, number, punctuation and symbol tokens over normalised text.
//
//   "U.S. troops' 55,000 deaths—Zelensky's 20%"  ->
//   U.S. | troops | ' | 55,000 | deaths | — | Zelensky | 's | 20 | %
//
// Numbers keep their separators ("55,000", "1.2"); letters glued to a number become their
// own token marked kAttached ("20bn" -> 20 | bn, "3rd" -> 3 | rd). Hyphens are separate
// tokens so "one-fifth" is one | - | fifth. Possessive "'s" is split off.
#ifndef CORROBORATE_TEXT_TOKENIZE_H_
#define CORROBORATE_TEXT_TOKENIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corroborate/base/span.h"

namespace corroborate::text {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol };

enum TokenFlag : uint8_t {
  kCapitalized = 1,  // first letter upper case
  kAllCaps = 2,      // every letter upper case and at least two letters ("NATO", "U.S.")
  kAttached = 4,     // no whitespace before this token
  kHasDigit = 8,     // a word containing digits ("G7", "F-16" parts)
  kDotted = 16,      // a dotted abbreviation ("U.S.", "a.m.")
};

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  uint8_t flags = 0;

  Span span() const { return Span{begin, end}; }
  uint32_t size() const { return end - begin; }
  std::string_view Of(std::string_view text) const { return text.substr(begin, end - begin); }
  bool is(TokenFlag f) const { return (flags & f) != 0; }
  bool word() const { return kind == TokenKind::kWord; }
  bool number() const { return kind == TokenKind::kNumber; }
};

// Tokens of text[range]. Cost is linear in the range size.
std::vector<Token> Tokenize(std::string_view text, Span range);
inline std::vector<Token> Tokenize(std::string_view text) {
  return Tokenize(text, Span{0, static_cast<uint32_t>(text.size())});
}

// Lower-cased copy: ASCII fast path, ICU full case mapping otherwise.
std::string Lower(std::string_view word);

// Lower-cased and stripped of diacritics ("São Paulo" -> "sao paulo"), for comparing names
// across outlets that spell them with and without accents.
std::string Fold(std::string_view word);

// True for code points that are letters (ICU u_isalpha).
bool IsLetter(char32_t c);

}  // namespace corroborate::text

#endif  // CORROBORATE_TEXT_TOKENIZE_H_
