#include "corroborate/extract/timex.h"

#include <gtest/gtest.h>

namespace corroborate::extract {
namespace {

std::vector<std::string> Values(const std::string& s, std::optional<Date> ref = Date{2026, 2, 5}) {
  std::vector<std::string> out;
  for (const Timex& t : ExtractTimexes(s, Span{0, static_cast<uint32_t>(s.size())}, ref)) {
    out.push_back(std::string(TimexTypeName(t.type)) + " " + t.value + (t.mod.empty() ? "" : " " + t.mod));
  }
  return out;
}

TEST(TimexTest, Table) {  // reference date: Thursday 2026-02-05
  struct Case {
    std::string text;
    std::vector<std::string> values;
  };
  const Case cases[] = {
      {"He spoke on February 5, 2026.", {"DATE 2026-02-05"}},
      {"In February 2025 he said so.", {"DATE 2025-02"}},
      {"A mid-2025 assessment.", {"DATE 2025 MID"}},
      {"Early 2024 was calm.", {"DATE 2024 START"}},
      {"A report released last month.", {"DATE 2026-01"}},
      {"As of six months ago.", {"DATE 2025-08"}},
      {"He reported in January.", {"DATE 2026-01"}},
      {"Talks resumed on Wednesday.", {"DATE 2026-02-04"}},
      {"Talks will resume on Monday.", {"DATE 2026-02-09"}},
      {"The market burned on Tuesday night.", {"TIME 2026-02-03TNI"}},
      {"It lasted four years.", {"DURATION P4Y"}},
      {"He waited 24 hours.", {"DURATION PT24H"}},
      {"A decade of war.", {"DURATION P10Y"}},
      {"Inspections happen every week.", {"SET P1W"}},
      {"It is currently unclear.", {"DATE PRESENT_REF"}},
      {"In the 1990s it grew.", {"DATE 199"}},
      {"Profit in the first quarter of 2025.", {"DATE 2025-Q1"}},
      {"Last week was busy.", {"DATE 2026-W05"}},
      {"Yesterday it rained.", {"DATE 2026-02-04"}},
      {"Prices rose in recent weeks.", {"DURATION PXW"}},
      {"They fought for years.", {"DURATION PXY"}},
      {"It was built in the 20th century.", {"DATE 19"}},
      {"He runs every morning.", {"SET XXXX-XX-XXTMO"}},
      {"Between February 2022 and December 2025.", {"DATE 2022-02", "DATE 2025-12"}},
      {"The war began on 22 February 2022.", {"DATE 2022-02-22"}},
      {"It closed at 10:30 pm.", {"TIME 2026-02-05T22:30"}},
      {"Earlier this year it fell.", {"DATE 2026"}},
      {"They held a second day of talks.", {}},
      {"The 33-year-old spoke.", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Values(c.text), c.values) << c.text;
}

TEST(TimexTest, WithoutAReferenceRelativeTimesStayUnresolved) {
  EXPECT_EQ(Values("It happened last month.", std::nullopt), (std::vector<std::string>{"DATE XXXX-XX"}));
  EXPECT_EQ(Values("In February 2025 too.", std::nullopt), (std::vector<std::string>{"DATE 2025-02"}));
}

TEST(TimexTest, ContextFlags) {
  std::string s = "Killed since Russia launched its invasion in 2022, the 2024 election and a January report.";
  auto ts = ExtractTimexes(s, Span{0, static_cast<uint32_t>(s.size())}, Date{2026, 2, 5});
  ASSERT_EQ(ts.size(), 3u);
  EXPECT_TRUE(ts[0].since);         // 2022 opens a period
  EXPECT_TRUE(ts[1].premodifier);   // the 2024 election
  EXPECT_TRUE(ts[2].premodifier);   // a January report
  std::string r = "between February 2022 and December 2025";
  auto rs = ExtractTimexes(r, Span{0, static_cast<uint32_t>(r.size())}, std::nullopt);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_TRUE(rs[1].range_end);
}

TEST(TimexTest, IsoWeeks) {
  EXPECT_EQ(IsoWeek(Date{2026, 1, 1}), "2026-W01");
  EXPECT_EQ(IsoWeek(Date{2021, 1, 3}), "2020-W53");
}

}  // namespace
}  // namespace corroborate::extract
