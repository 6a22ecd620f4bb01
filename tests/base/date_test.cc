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

TEST(DateTest, FindsNumericDates) {
  // Month first with slashes unless the first number cannot be a month; day first with dots.
  EXPECT_EQ(FindWrittenDate("Posted: 05/02/2013 11:10 AM")->ToIso(), "2013-05-02");
  EXPECT_EQ(FindWrittenDate("8 / 2 / 13 at 1: 30 PM")->ToIso(), "2013-08-02");
  EXPECT_EQ(FindWrittenDate("25/12/2024")->ToIso(), "2024-12-25");
  EXPECT_EQ(FindWrittenDate("26.09.2013, 14:00")->ToIso(), "2013-09-26");
  EXPECT_EQ(FindWrittenDate("2013 - 09 - 26")->ToIso(), "2013-09-26");
  EXPECT_EQ(FindWrittenDate("Updated 2013/09/26")->ToIso(), "2013-09-26");
  // Not dates: a score, a version, a fraction, an impossible day, a decimal.
  EXPECT_FALSE(FindWrittenDate("Colts beat Chiefs 20 - 13"));
  EXPECT_FALSE(FindWrittenDate("version 1.2.3.4"));
  EXPECT_FALSE(FindWrittenDate("rose 1/2 point"));
  EXPECT_FALSE(FindWrittenDate("02/30/2013"));
  EXPECT_FALSE(FindWrittenDate("3.5/10/2013"));
}

TEST(DateTest, DatesInUrls) {
  EXPECT_EQ(DateInUrl("http://ktla.com/2013/05/03/lohan-may-miss-rehab/")->ToIso(), "2013-05-03");
  EXPECT_EQ(DateInUrl("http://www.theguardian.com/film/2013/aug/02/ellen")->ToIso(), "2013-08-02");
  EXPECT_EQ(DateInUrl("https://example.com/news/2024-11-05-election-night.html")->ToIso(), "2024-11-05");
  EXPECT_EQ(DateInUrl("http://www.vulture.com/2013/08/5-thoughts.html")->ToIso(), "2013-08");
  EXPECT_EQ(DateInUrl("http://omaha.com/article/20130308/BLUEJAYS/703089893")->ToIso(), "2013-03-08");
  EXPECT_EQ(DateInUrl("http://example.com/news/gary-ross-20120411")->ToIso(), "2012-04-11");
  EXPECT_EQ(DateInUrl("http://example.com/stories/2013/38/hit_web_2013_09_14_q.html")->ToIso(), "2013-09-14");
  EXPECT_FALSE(DateInUrl("http://example.com/id/20697025/story"));  // an id: month 70
  EXPECT_FALSE(DateInUrl("http://example.com/a/x20130308/"));       // glued to letters
  EXPECT_FALSE(DateInUrl("http://www.people.com/people/article/0,,20697025,00.html"));
  EXPECT_FALSE(DateInUrl("http://example.com/2013/13/01/bad-month"));
  EXPECT_FALSE(DateInUrl("http://example.com/2013"));           // a year alone is not a date
  EXPECT_FALSE(DateInUrl("http://example.com/page?d=2013/05/02"));  // not in the path
  EXPECT_FALSE(DateInUrl("https://2013.example.com/05/02/"));       // not in the path either
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
