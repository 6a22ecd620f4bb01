#include "corroborate/text/normalize.h"

#include <gtest/gtest.h>

#include <random>

namespace corroborate::text {
namespace {

TEST(NormalizeTest, FoldsTypography) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"\xE2\x80\x9Cquoted\xE2\x80\x9D and \xE2\x80\x98single\xE2\x80\x99", "\"quoted\" and 'single'"},
      {"Ukraine\xE2\x80\x99s", "Ukraine's"},
      {"lows of \xE2\x80\x93" "20\xC2\xB0" "C", "lows of -20\xC2\xB0" "C"},          // en dash before a number: minus
      {"2020\xE2\x80\x93" "2025", "2020-2025"},                                   // en dash in a range
      {"war \xE2\x80\x93 and peace", "war \xE2\x80\x94 and peace"},                // spaced en dash: a dash
      {"\xE2\x88\x92" "5", "-5"},                                                  // minus sign
      {"full\xE2\x80\x91scale", "full-scale"},                                     // non-breaking hyphen
      {"55\xC2\xA0" "000", "55 000"},                                              // no-break space
      {"soft\xC2\xADhyphen", "softhyphen"},
      {"zero\xE2\x80\x8Bwidth", "zerowidth"},
      {"\xEF\xAC\x81nance", "finance"},                                            // ligature (NFKC)
      {"caf\x65\xCC\x81", "caf\xC3\xA9"},                                          // e + combining acute -> é
      {"line\r\nbreak\rhere", "line\nbreak\nhere"},
      {"tab\there", "tab here"},
      {"\xE2\x84\x83", "\xC2\xB0" "C"},                                            // ℃ -> °C
      {"1\xE2\x81\x84" "2", "1\xE2\x81\x84" "2"},                                    // fraction slash kept
      {"\xC2\xBD", "1\xE2\x81\x84" "2"},                                             // ½ (NFKC)
      {"2\xC2\xBE", "2 3\xE2\x81\x84" "4"},                                          // 2¾: 2 and 3/4, not 23/4
      {"\xE2\x85\x99", "1\xE2\x81\x84" "6"},                                         // ⅙
  };
  for (const Case& c : cases) EXPECT_EQ(Normalize(c.in).text, c.out) << c.in;
}

// Every normalised word maps back to the exact original bytes it came from.
TEST(NormalizeTest, OffsetMapIsExact) {
  const std::string original =
      "\xE2\x80\x9CWe recognise 55,000,\xE2\x80\x9D he said \xE2\x80\x93 about \xE2\x80\x93" "20\xC2\xB0" "C.\r\n"
      "Caf\x65\xCC\x81 \xEF\xAC\x81nal\xC2\xA0price\xC2\xAD: \xC2\xBD.";
  NormalizedText n = Normalize(original);
  ASSERT_EQ(n.map.normalized_size(), n.text.size());
  ASSERT_EQ(n.map.original_size(), original.size());
  auto orig = [&](std::string_view word) {
    size_t at = n.text.find(word);
    EXPECT_NE(at, std::string::npos) << word;
    Span o = n.map.ToOriginal(Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size())});
    return std::string(o.Of(original));
  };
  EXPECT_EQ(orig("\"We"), "\xE2\x80\x9CWe");
  EXPECT_EQ(orig("55,000,\""), "55,000,\xE2\x80\x9D");
  EXPECT_EQ(orig("-20\xC2\xB0" "C"), "\xE2\x80\x93" "20\xC2\xB0" "C");
  EXPECT_EQ(orig("\xE2\x80\x94 about"), "\xE2\x80\x93 about");
  EXPECT_EQ(orig("Caf\xC3\xA9"), "Caf\x65\xCC\x81");
  EXPECT_EQ(orig("final price"), "\xEF\xAC\x81nal\xC2\xA0price");
  EXPECT_EQ(orig("price:"), "price\xC2\xAD:");
  EXPECT_EQ(orig("1\xE2\x81\x84" "2."), "\xC2\xBD.");
  EXPECT_EQ(orig("C.\nCaf"), "C.\r\nCaf");
}

TEST(NormalizeTest, RandomTextMapsMonotonically) {
  std::mt19937 rng(7);
  const char* pieces[] = {"a", "Z", " ", "\n", "\xE2\x80\x9C", "\xE2\x80\x93", "5", "\xC2\xA0", "\xEF\xAC\x81",
                          "e\xCC\x81", "\xE2\x80\x8B", "\r\n", "\xC2\xBD", "\xF0\x9F\x98\x80"};
  for (int round = 0; round < 200; ++round) {
    std::string s;
    for (int k = 0; k < 40; ++k) s += pieces[rng() % (sizeof pieces / sizeof *pieces)];
    NormalizedText n = Normalize(s);
    uint32_t prev = 0;
    for (uint32_t p = 0; p <= n.text.size(); ++p) {
      uint32_t o = n.map.ToOriginalBegin(p);
      ASSERT_GE(o, prev);
      ASSERT_LE(o, s.size());
      prev = o;
    }
    Span all = n.map.ToOriginal(Span{0, static_cast<uint32_t>(n.text.size())});
    EXPECT_LE(all.end, s.size());
  }
}

}  // namespace
}  // namespace corroborate::text
