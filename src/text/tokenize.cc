#include "corroborate/text/tokenize.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "corroborate/base/strings.h"
#include "corroborate/base/utf8.h"

namespace corroborate::text {
namespace {

bool IsSymbol(char32_t c) {
  switch (c) {
    case '$': case '%': case '&': case '#': case '@': case '+': case '=': case '<': case '>':
    case '~': case '*': case '^': case '|': case '\\': case '/':
    case 0xB0:    // °
    case 0x20AC:  // €
    case 0xA3:    // £
    case 0xA5:    // ¥
    case 0x20B9:  // ₹
    case 0x20BD:  // ₽
    case 0x20A9:  // ₩
    case 0x20BA:  // ₺
    case 0x20B4:  // ₴
    case 0xA2:    // ¢
    case 0x2030:  // ‰
      return true;
    default:
      return false;
  }
}

// Decodes the code point at text[i] without advancing.
char32_t PeekCp(std::string_view text, size_t i, size_t* len) {
  size_t j = i;
  char32_t c = utf8::Decode(text, &j);
  *len = j - i;
  return c;
}

bool IsLetterAt(std::string_view text, size_t i, size_t end, size_t* len) {
  if (i >= end) return false;
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *len = 1;
    return IsAsciiAlpha(static_cast<char>(c));
  }
  return IsLetter(PeekCp(text, i, len));
}

bool IsDigitAt(std::string_view text, size_t i, size_t end) {
  return i < end && IsAsciiDigit(text[i]);
}

}  // namespace

bool IsLetter(char32_t c) {
  if (c < 0x80) return IsAsciiAlpha(static_cast<char>(c));
  return u_isalpha(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) != 0;
}

std::string Lower(std::string_view word) {
  bool ascii = true;
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return AsciiLowerCopy(word);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string Fold(std::string_view word) {
  std::string lower = Lower(word);
  bool ascii = true;
  for (char c : lower) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return lower;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  if (U_FAILURE(err)) return lower;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(lower.data(), static_cast<int32_t>(lower.size())));
  icu::UnicodeString decomposed = nfd->normalize(u, err);
  if (U_FAILURE(err)) return lower;
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    if (u_getCombiningClass(c) == 0) stripped.append(c);
    i += U16_LENGTH(c);
  }
  std::string out;
  stripped.toUTF8String(out);
  return out;
}

std::vector<Token> Tokenize(std::string_view text, Span range) {
  std::vector<Token> out;
  out.reserve(range.size() / 5 + 4);
  size_t i = range.begin;
  const size_t end = std::min<size_t>(range.end, text.size());
  bool space_before = true;
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && IsAsciiSpace(static_cast<char>(c))) {
      space_before = true;
      ++i;
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    if (!space_before) t.flags |= kAttached;
    size_t len = 1;
    // ".5" starts a number when what follows the period is a digit and no word precedes.
    bool leading_point = c == '.' && space_before && IsDigitAt(text, i + 1, end);
    if (IsAsciiDigit(static_cast<char>(c)) || leading_point) {
      t.kind = TokenKind::kNumber;
      size_t j = leading_point ? i + 1 : i;
      while (j < end) {
        if (IsAsciiDigit(text[j])) {
          ++j;
        } else if ((text[j] == ',' || text[j] == '.') && IsDigitAt(text, j + 1, end)) {
          j += 1;
        } else {
          break;
        }
      }
      i = j;
    } else if (IsLetterAt(text, i, end, &len)) {
      t.kind = TokenKind::kWord;
      size_t j = i;
      int letters = 0, uppers = 0;
      bool first_upper = false;
      bool dotted = false;
      while (j < end) {
        size_t l = 1;
        unsigned char d = static_cast<unsigned char>(text[j]);
        if (d < 0x80) {
          char ch = static_cast<char>(d);
          if (IsAsciiAlpha(ch)) {
            if (letters == 0) first_upper = IsAsciiUpper(ch);
            ++letters;
            if (IsAsciiUpper(ch)) ++uppers;
            ++j;
            continue;
          }
          if (IsAsciiDigit(ch)) {
            // A currency code or symbol written against its figure ("RM23.50", "USD10m",
            // "$US160") ends before the digits; other letter-digit words stay whole ("G7s").
            if (letters >= 2 && letters <= 3 && uppers == letters && !(t.flags & kHasDigit)) break;
            t.flags |= kHasDigit;
            ++j;
            continue;
          }
          if (ch == '\'' && j + 1 < end) {
            // Possessive "'s" is its own token; other inner apostrophes stay ("don't").
            size_t l2 = 1;
            bool letter_after = IsLetterAt(text, j + 1, end, &l2);
            if (!letter_after) break;
            bool possessive = (text[j + 1] == 's' || text[j + 1] == 'S') &&
                              !IsLetterAt(text, j + 2, end, &l2);
            if (possessive) break;
            ++j;
            continue;
          }
          if (ch == '.' && j + 1 < end) {
            // Dotted abbreviations: "U.S.", "a.m.", "e.g." (segments of one or two letters).
            size_t seg_start = j;
            while (seg_start > i && IsAsciiAlpha(text[seg_start - 1])) --seg_start;
            size_t l2 = 1;
            if (j - seg_start <= 2 && IsLetterAt(text, j + 1, end, &l2) &&
                (j + 2 >= end || text[j + 2] == '.' ||
                 (j + 3 < end && text[j + 3] == '.' && IsAsciiAlpha(text[j + 2])))) {
              dotted = true;
              ++j;
              continue;
            }
            if (dotted) ++j;  // the final period of "U.S."
            break;
          }
          break;
        }
        char32_t cp = PeekCp(text, j, &l);
        if (IsLetter(cp)) {
          if (letters == 0) first_upper = u_isupper(static_cast<UChar32>(cp));
          ++letters;
          if (u_isupper(static_cast<UChar32>(cp))) ++uppers;
          j += l;
          continue;
        }
        break;
      }
      if (dotted && j == end && text[j - 1] != '.' && j > i) {
        // Text ended inside an abbreviation; nothing to add.
      }
      if (first_upper) t.flags |= kCapitalized;
      if (letters >= 2 && uppers == letters) t.flags |= kAllCaps;
      if (dotted) t.flags |= kDotted;
      i = j;
    } else if (c == '\'' && i + 2 <= end && (text[i + 1] == 's' || text[i + 1] == 'S') &&
               (i + 2 == end || !IsLetterAt(text, i + 2, end, &len)) && !space_before) {
      t.kind = TokenKind::kWord;  // possessive clitic
      i += 2;
    } else {
      char32_t cp = c < 0x80 ? c : PeekCp(text, i, &len);
      t.kind = IsSymbol(cp) ? TokenKind::kSymbol : TokenKind::kPunct;
      i += c < 0x80 ? 1 : len;
      // Keep runs of the same ASCII punctuation together ("...", "--").
      if (c < 0x80 && (c == '.' || c == '-')) {
        while (i < end && static_cast<unsigned char>(text[i]) == c) ++i;
      }
    }
    t.end = static_cast<uint32_t>(i);
    out.push_back(t);
    space_before = false;
  }
  return out;
}

}  // namespace corroborate::text
