#include "corroborate/text/tokenize.h"

#include <gtest/gtest.h>

#include "corroborate/text/stem.h"

namespace corroborate::text {
namespace {

std::vector<std::string> Toks(const std::string& t) {
  std::vector<std::string> out;
  for (const Token& k : Tokenize(t)) out.emplace_back(k.Of(t));
  return out;
}

TEST(TokenizeTest, Table) {
  struct Case {
    std::string in;
    std::vector<std::string> out;
  };
  const Case cases[] = {
      {"U.S. troops' 55,000 deaths", {"U.S.", "troops", "'", "55,000", "deaths"}},
      {"Zelensky's $20bn", {"Zelensky", "'s", "$", "20", "bn"}},
      {"one-fifth of 1.2 million", {"one", "-", "fifth", "of", "1.2", "million"}},
      {"-20°C", {"-", "20", "°", "C"}},
      {"don't stop", {"don't", "stop"}},
      {"the 3rd day...", {"the", "3", "rd", "day", "..."}},
      {"São Paulo", {"São", "Paulo"}},
      {".5 percent", {".5", "percent"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Toks(c.in), c.out) << c.in;
}

TEST(TokenizeTest, Flags) {
  std::string t = "NATO said 20bn";
  auto toks = Tokenize(t);
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_TRUE(toks[0].is(kAllCaps));
  EXPECT_TRUE(toks[0].is(kCapitalized));
  EXPECT_FALSE(toks[1].is(kCapitalized));
  EXPECT_TRUE(toks[2].number());
  EXPECT_TRUE(toks[3].is(kAttached));
}

TEST(TokenizeTest, LowerFoldStem) {
  EXPECT_EQ(Lower("ÉCOLE"), "école");
  EXPECT_EQ(Fold("São"), "sao");
  EXPECT_EQ(Stem("killed"), Stem("killing"));
  EXPECT_EQ(Stem("estimates"), Stem("estimated"));
}

}  // namespace
}  // namespace corroborate::text
