// UTF-8 helpers. All functions take byte strings and never throw; decoding errors are
// reported as offsets so callers can name the exact byte.
#ifndef CORROBORATE_BASE_UTF8_H_
#define CORROBORATE_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace corroborate::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Offset of the first byte that does not start a valid UTF-8 sequence (overlong forms,
// surrogates and values above U+10FFFF are invalid), or nullopt when `s` is valid.
std::optional<size_t> FindInvalid(std::string_view s);

// Decodes the code point at s[*i] and advances *i past it. Invalid bytes decode to
// U+FFFD and advance by one byte.
char32_t Decode(std::string_view s, size_t* i);

// Length in bytes of the sequence that starts with `lead`, 1 for invalid lead bytes.
inline size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

void Append(std::string* out, char32_t c);

// True when the share of control bytes (other than tab, newline, carriage return and form
// feed) or NUL bytes in the first `probe` bytes says the data is not text.
bool LooksBinary(std::string_view s, size_t probe = 8192);

// Copy of `s` with every invalid sequence replaced by U+FFFD.
std::string Sanitize(std::string_view s);

// Largest prefix length <= max_bytes that ends on a code point boundary.
size_t TruncateAtBoundary(std::string_view s, size_t max_bytes);

}  // namespace corroborate::utf8

#endif  // CORROBORATE_BASE_UTF8_H_
