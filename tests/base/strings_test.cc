#include "corroborate/base/strings.h"

#include <gtest/gtest.h>

#include <cmath>

namespace corroborate {
namespace {

TEST(StringsTest, TrimSplitJoin) {
  EXPECT_EQ(Trim("  a b \n"), "a b");
  EXPECT_EQ(Split("a\t\tb", '\t').size(), 3u);
  EXPECT_EQ(SplitWhitespace("  a  b\nc ").size(), 3u);
  EXPECT_EQ(Join({"x", "y"}, ", "), "x, y");
  EXPECT_EQ(CollapseWhitespace("  a \n\n b  "), "a b");
}

TEST(StringsTest, FirstWordsCutsLongTextOnly) {
  EXPECT_EQ(FirstWords("Fire  destroys\nwarehouse", 3), "Fire  destroys\nwarehouse");  // short: as written
  EXPECT_EQ(FirstWords("one two  three four", 2), "one two\xE2\x80\xA6");
  EXPECT_EQ(FirstWords("", 2), "");
}

TEST(StringsTest, FormatsFiguresWithoutNoise) {
  EXPECT_EQ(FormatNumber(55000), "55000");
  EXPECT_EQ(FormatNumber(1.2), "1.2");
  EXPECT_EQ(FormatNumber(-20), "-20");
  EXPECT_EQ(FormatNumber(1200000), "1200000");
  EXPECT_EQ(FormatNumber(NAN), "nan");
}

}  // namespace
}  // namespace corroborate
