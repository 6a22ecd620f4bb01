#include "corroborate/base/utf8.h"

#include <gtest/gtest.h>

namespace corroborate::utf8 {
namespace {

TEST(Utf8Test, ValidTextHasNoInvalidByte) {
  EXPECT_EQ(FindInvalid("plain ascii text, long enough for the fast path"), std::nullopt);
  EXPECT_EQ(FindInvalid("Zelenskyy – “quoted” — 20°C ₴ 𝄞"), std::nullopt);
  EXPECT_EQ(FindInvalid(""), std::nullopt);
}

TEST(Utf8Test, ReportsTheFirstInvalidByteOffset) {
  struct Case {
    std::string bytes;
    size_t offset;
  };
  const Case cases[] = {
      {"abc\xFF", 3},                  // never valid
      {"abcdefgh\x80xyz", 8},          // lone continuation after the 8-byte fast path
      {"ok \xC3", 3},                  // truncated 2-byte sequence
      {"\xC0\xAF", 0},                 // overlong
      {"xx\xED\xA0\x80", 2},           // surrogate
      {"\xF4\x90\x80\x80", 0},         // above U+10FFFF
      {"\xE2\x82", 0},                 // truncated 3-byte sequence
  };
  for (const Case& c : cases) {
    auto bad = FindInvalid(c.bytes);
    ASSERT_TRUE(bad.has_value()) << c.bytes;
    EXPECT_EQ(*bad, c.offset) << c.bytes;
  }
}

TEST(Utf8Test, DecodeAndAppendRoundTrip) {
  std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // a é € 😀
  std::string out;
  for (size_t i = 0; i < s.size();) Append(&out, Decode(s, &i));
  EXPECT_EQ(out, s);
}

TEST(Utf8Test, SanitizeReplacesInvalidBytes) {
  EXPECT_EQ(Sanitize("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
}

TEST(Utf8Test, BinaryDetection) {
  EXPECT_TRUE(LooksBinary(std::string("PK\x03\x04\x00\x00", 6)));
  EXPECT_FALSE(LooksBinary("A normal paragraph.\n\nAnother one.\r\n"));
}

TEST(Utf8Test, TruncatesOnCodePointBoundary) {
  std::string s = "ab\xE2\x82\xAC";  // "ab€"
  EXPECT_EQ(TruncateAtBoundary(s, 3), 2u);
  EXPECT_EQ(TruncateAtBoundary(s, 5), 5u);
}

}  // namespace
}  // namespace corroborate::utf8
