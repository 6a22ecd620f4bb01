#include "corroborate/base/date.h"

#include <gtest/gtest.h>

namespace corroborate {
namespace {

TEST(DateTest, ParsesIsoAtItsPrecision) {
  EXPECT_EQ(Date::FromIso("2025")->ToIso(), "2025");
  EXPECT_EQ(Date::FromIso("2025-02")->ToIso(), "2025-02");
  EXPECT_EQ(Date::FromIso("2025-02-05")->ToIso(), "2025-02-05");
  EXPECT_EQ(Date::FromIso("2025-02-05T10:30:00Z")->ToIso(), "2025-02-05");
  EXPECT_FALSE(Date::FromIso("2025-02-30"));
  EXPECT_FALSE(Date::FromIso("2025-13"));
  EXPECT_FALSE(Date::FromIso("yesterday"));
  EXPECT_FALSE(Date::FromIso("2025-02T10:00"));  // a time needs a full date
}

TEST(DateTest, DayArithmeticAndWeekdays) {
  Date d{2026, 2, 5};
  EXPECT_EQ(d.Weekday(), 3);  // Thursday
  EXPECT_EQ(Date::FromDays(d.FirstDay() - 1).ToIso(), "2026-02-04");
  EXPECT_EQ(Date::FromDays(DaysFromCivil(2024, 2, 28) + 1).ToIso(), "2024-02-29");
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
}

TEST(DateTest, ContainmentAndOrder) {
  Date year{2025, 0, 0}, month{2025, 2, 0}, day{2025, 2, 5};
  EXPECT_TRUE(year.Contains(month));
  EXPECT_TRUE(month.Contains(day));
  EXPECT_FALSE(day.Contains(month));
  EXPECT_TRUE(year < month);  // same first day: coarser first
  EXPECT_TRUE(month < Date({2025, 3, 0}));
}

TEST(DateTest, FindsWrittenDates) {
  EXPECT_EQ(FindWrittenDate("Kyiv, Ukraine — February 5, 2026")->ToIso(), "2026-02-05");
  EXPECT_EQ(FindWrittenDate("Published 5 February 2026, 10:00")->ToIso(), "2026-02-05");
  EXPECT_EQ(FindWrittenDate("Thursday, Feb. 5th, 2026")->ToIso(), "2026-02-05");
  EXPECT_EQ(FindWrittenDate("2026-02-05")->ToIso(), "2026-02-05");
  EXPECT_FALSE(FindWrittenDate("He may 5 times say 2026"));
  EXPECT_FALSE(FindWrittenDate("February 30, 2026"));
}

TEST(DateTest, MonthAndWeekdayNames) {
  EXPECT_EQ(MonthFromName("Sept."), 9);
  EXPECT_EQ(MonthFromName("december"), 12);
  EXPECT_EQ(MonthFromName("Monday"), 0);
  EXPECT_EQ(WeekdayFromName("Weds"), 2);
  EXPECT_EQ(WeekdayFromName("week"), -1);
}

}  // namespace
}  // namespace corroborate
