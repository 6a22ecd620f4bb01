// Time expressions, normalised TIMEX3-style against a reference date (the article's
// publication date when known):
//
//   "February 5, 2026" -> DATE 2026-02-05      "last month" (ref 2026-02-05) -> DATE 2026-01
//   "mid-2025"         -> DATE 2025 (mod MID)   "six months ago"              -> DATE 2025-08
//   "Wednesday"        -> DATE 2026-02-04        "four years"                  -> DURATION P4Y
//   "every week"       -> SET P1W                "Tuesday night"               -> TIME 2026-02-03TNI
//   "now", "currently" -> DATE PRESENT_REF       "the 1990s"                   -> DATE 199
//
// Without a reference date, relative expressions keep X placeholders ("XXXX-XX").
#ifndef CORROBORATE_EXTRACT_TIMEX_H_
#define CORROBORATE_EXTRACT_TIMEX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corroborate/base/date.h"
#include "corroborate/base/span.h"

namespace corroborate::extract {

enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };
const char* TimexTypeName(TimexType t);  // "DATE", "TIME", "DURATION", "SET"

struct Timex {
  Span span;  // normalised text
  TimexType type = TimexType::kDate;
  std::string value;         // TIMEX3 value: "2025-02", "P4Y", "PRESENT_REF", "2013-W11"
  std::string mod;           // TIMEX3 mod: "START", "MID", "END", "APPROX", ... or empty
  std::optional<Date> date;  // calendar date of a DATE/TIME at the value's precision
  bool relative = false;     // resolved against the reference date
  bool since = false;        // opens a period ("since 2022"): not a point in time
  bool premodifier = false;  // modifies the next noun ("the 2022 invasion")
  bool range_end = false;    // the end of "between X and Y" / "from X to Y"
  uint32_t token_begin = 0;  // token indices within the sentence
  uint32_t token_end = 0;
};

// Time expressions in text[sentence], left to right. Thread-safe.
std::vector<Timex> ExtractTimexes(std::string_view text, Span sentence,
                                  std::optional<Date> reference);

// ISO 8601 week "2013-W11" of a full date.
std::string IsoWeek(const Date& d);

}  // namespace corroborate::extract

#endif  // CORROBORATE_EXTRACT_TIMEX_H_
