// Calendar dates with optional precision: "2025", "2025-02" and "2025-02-05" are all
// Dates. Used for publication dates and for the `as_of` of facts.
#ifndef CORROBORATE_BASE_DATE_H_
#define CORROBORATE_BASE_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace corroborate {

struct Date {
  int year = 0;   // 0 = no date
  int month = 0;  // 1-12, 0 = unknown
  int day = 0;    // 1-31, 0 = unknown

  bool valid() const { return year != 0; }
  bool has_day() const { return day != 0; }
  // ISO 8601 at the date's own precision: "2025", "2025-02", "2025-02-05".
  std::string ToIso() const;
  // Accepts "2025", "2025-02", "2025-02-05", and date-times such as
  // "2025-02-05T10:00:00Z" (the time part is ignored). Rejects impossible dates.
  static std::optional<Date> FromIso(std::string_view s);

  // Days since 1970-01-01 of the first day the date covers.
  int64_t FirstDay() const;
  // Days since 1970-01-01 of the last day the date covers.
  int64_t LastDay() const;
  static Date FromDays(int64_t days);
  // 0 = Monday ... 6 = Sunday; only for dates with a day.
  int Weekday() const;

  // True when every day of `other` lies within this date ("2025" contains "2025-02-05").
  bool Contains(const Date& other) const;

  friend bool operator==(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
  // Orders by first day, then by precision (coarser first).
  friend bool operator<(const Date& a, const Date& b);
};

int DaysInMonth(int year, int month);
int64_t DaysFromCivil(int year, int month, int day);

// Month number for an English month name or abbreviation ("February", "Feb", "feb.",
// "Sept"), 0 when it is not one.
int MonthFromName(std::string_view word);
// 0 = Monday ... 6 = Sunday for "Wednesday", "Wed", "Weds."; -1 when it is not one.
int WeekdayFromName(std::string_view word);

// Finds the first written-out calendar date in `text`, such as "February 5, 2026",
// "5 February 2026", "Feb. 5, 2026" or "2026-02-05", else an all-numeric one ("05/02/2013"
// is May 2 in the US order, "26.09.2013" day first); used for datelines.
std::optional<Date> FindWrittenDate(std::string_view text);

// The date a news URL's path carries: "/2013/05/02/slug", "/2013/may/03/slug",
// "/news/2013-05-02-slug", "/article/20130308/", "slug_2013_09_14.html", or a month alone
// ("/2013/08/slug"); years 1990-2099.
std::optional<Date> DateInUrl(std::string_view url);

}  // namespace corroborate

#endif  // CORROBORATE_BASE_DATE_H_
