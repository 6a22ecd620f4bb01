// Small ASCII string helpers shared by every stage.
#ifndef CORROBORATE_BASE_STRINGS_H_
#define CORROBORATE_BASE_STRINGS_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace corroborate {

// Hash maps and sets keyed by std::string that are looked up with a string_view, without
// building a temporary string (the lexicons are probed for every token).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
inline bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
inline char AsciiLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c + 32) : c; }

std::string_view Trim(std::string_view s);
std::string AsciiLowerCopy(std::string_view s);
// Splits on `sep`; keeps empty fields.
std::vector<std::string_view> Split(std::string_view s, char sep);
// Splits on runs of ASCII whitespace; drops empty fields.
std::vector<std::string_view> SplitWhitespace(std::string_view s);
std::string Join(const std::vector<std::string>& parts, std::string_view sep);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// Non-empty and ASCII digits only: "2013", not "", "20a3" or "2,013".
inline bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!IsAsciiDigit(c)) return false;
  }
  return !s.empty();
}
// Replaces runs of whitespace by one space and trims.
std::string CollapseWhitespace(std::string_view s);
// `s` when it has at most `n` whitespace-separated words; otherwise its first `n` words,
// one space apart, and "…" (a headline or a table cell cut short).
std::string FirstWords(std::string_view s, size_t n);
// Formats a double the way people write figures: no trailing zeros, no exponent for
// values people write out ("55000", "1.2", "0.25", "1200000").
std::string FormatNumber(double v);

}  // namespace corroborate

#endif  // CORROBORATE_BASE_STRINGS_H_
