// Rule-based time expression recognition and normalisation (TIMEX3 values). Rules are
// tried in order at each token; the first that matches consumes its tokens.
#include "corroborate/extract/timex.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "corroborate/base/strings.h"
#include "extract/lexicon.h"
#include "extract/token_view.h"

namespace corroborate::extract {

const char* TimexTypeName(TimexType t) {
  switch (t) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

std::string IsoWeek(const Date& d) {
  int64_t day = DaysFromCivil(d.year, d.month, d.day);
  int wd = d.Weekday();  // Monday = 0
  int64_t thursday = day - wd + 3;
  Date th = Date::FromDays(thursday);
  int64_t jan1 = DaysFromCivil(th.year, 1, 1);
  int week = static_cast<int>((thursday - jan1) / 7 + 1);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", th.year, week);
  return buf;
}

namespace {

enum class Unit { kNone, kSecond, kMinute, kHour, kDay, kWeek, kWeekend, kMonth, kQuarter, kYear,
                  kDecade, kCentury };

Unit UnitFromWord(std::string_view w) {
  if (!w.empty() && w.back() == 's' && w != "years" && w.size() > 3) w.remove_suffix(1);
  if (w == "second" || w == "sec") return Unit::kSecond;
  if (w == "minute" || w == "min") return Unit::kMinute;
  if (w == "hour" || w == "hr") return Unit::kHour;
  if (w == "day") return Unit::kDay;
  if (w == "week") return Unit::kWeek;
  if (w == "weekend") return Unit::kWeekend;
  if (w == "month") return Unit::kMonth;
  if (w == "quarter") return Unit::kQuarter;
  if (w == "year" || w == "years" || w == "yr") return Unit::kYear;
  if (w == "decade") return Unit::kDecade;
  if (w == "century" || w == "centurie") return Unit::kCentury;
  return Unit::kNone;
}

std::string DurationValue(Unit u, const std::string& n) {
  switch (u) {
    case Unit::kSecond: return "PT" + n + "S";
    case Unit::kMinute: return "PT" + n + "M";
    case Unit::kHour: return "PT" + n + "H";
    case Unit::kDay: return "P" + n + "D";
    case Unit::kWeek: return "P" + n + "W";
    case Unit::kWeekend: return "P" + n + "WE";
    case Unit::kMonth: return "P" + n + "M";
    case Unit::kQuarter: return "P" + n + "Q";
    case Unit::kYear: return "P" + n + "Y";
    case Unit::kDecade: return n == "X" ? "P" + n + "DE" : "P" + std::to_string(std::atoi(n.c_str()) * 10) + "Y";
    case Unit::kCentury: return n == "X" ? "P" + n + "CE" : "P" + std::to_string(std::atoi(n.c_str()) * 100) + "Y";
    default: return "";
  }
}

Date AddMonths(Date d, int n) {
  int total = d.year * 12 + (d.month ? d.month : 1) - 1 + n;
  Date out{total / 12, total % 12 + 1, 0};
  if (d.day) out.day = std::min(d.day, DaysInMonth(out.year, out.month));
  return out;
}

Date AddDays(const Date& d, int64_t n) { return Date::FromDays(DaysFromCivil(d.year, d.month, d.day) + n); }

std::string Two(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

class TimexReader {
 public:
  TimexReader(const TokenView& tv, std::optional<Date> ref)
      : tv_(tv), lex_(Lexicon::Get()), ref_(ref && ref->has_day() ? ref : std::nullopt) {
    future_ = DetectFuture();
  }

  std::vector<Timex> Run() {
    std::vector<Timex> out;
    size_t i = 0;
    while (i < tv_.size()) {
      Timex t;
      size_t end = Match(i, &t);
      if (end > i) {
        t.token_begin = static_cast<uint32_t>(i);
        t.token_end = static_cast<uint32_t>(end);
        // Leading "the" is not part of the expression ("the past year" keeps "past year").
        t.span = tv_.SpanOf(i, end);
        Context(&t, out);
        if (t.date && t.date->has_day()) anchor_ = t.date;
        out.push_back(std::move(t));
        i = end;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  bool DetectFuture() const {
    for (size_t i = 0; i < tv_.size(); ++i) {
      std::string_view w = tv_.Low(i);
      if (w == "will" || w == "'ll" || w == "upcoming" || w == "scheduled" || w == "next" ||
          w == "coming") {
        return true;
      }
      // "is set to", "are expected to", "plans to"
      if ((w == "set" || w == "expected" || w == "plans" || w == "planned" || w == "going") &&
          tv_.Is(i + 1, "to") && i > 0 && lex_.ClassOf(tv_.Low(i - 1)) == WordClass::kAux) {
        return true;
      }
    }
    return false;
  }

  int MonthAt(size_t i, size_t* next) const {
    // Month names must be capitalised (checked first: it is cheaper than the name);
    // "May" and "March" also need a date-like context.
    if (!tv_.IsWord(i) || !tv_.Capitalized(i)) return 0;
    int m = MonthFromName(tv_.Raw(i));
    if (!m) return 0;
    std::string_view raw = tv_.Raw(i);
    size_t j = i + 1;
    if (tv_.IsPunct(j, '.') && tv_.Attached(j) && raw.size() <= 4) ++j;
    if ((m == 5 || m == 3) && raw.size() >= 4) {
      bool ctx = (j < tv_.size() && (tv_.IsNumber(j))) ||
                 (i > 0 && (tv_.Is(i - 1, "in") || tv_.Is(i - 1, "since") || tv_.Is(i - 1, "by") ||
                            tv_.Is(i - 1, "until") || tv_.Is(i - 1, "early") || tv_.Is(i - 1, "late") ||
                            tv_.Is(i - 1, "mid") || tv_.Is(i - 1, "last") || tv_.Is(i - 1, "next") ||
                            tv_.Is(i - 1, "this") || tv_.Is(i - 1, "of") || tv_.Is(i - 1, "-") ||
                            tv_.Is(i - 1, "from") || tv_.Is(i - 1, "to") || tv_.Is(i - 1, "and") ||
                            tv_.Is(i - 1, "on") || tv_.IsNumber(i - 1)));
      if (!ctx) return 0;
    }
    *next = j;
    return m;
  }

  bool YearAt(size_t i, int* year) const {
    if (!tv_.IsNumber(i)) return false;
    std::string_view r = tv_.Raw(i);
    if (r.size() != 4 || !AllDigits(r)) return false;
    int y = std::atoi(std::string(r).c_str());
    if (y < 1000 || y > 2100) return false;
    // "2000 people" is a count, not a year.
    if (tv_.Attached(i + 1) && tv_.IsWord(i + 1) && !tv_.Is(i + 1, "s")) return false;
    *year = y;
    return true;
  }

  bool DayAt(size_t i, int* day, size_t* next) const {
    if (!tv_.IsNumber(i)) return false;
    std::string_view r = tv_.Raw(i);
    if (r.size() > 2 || !AllDigits(r)) return false;
    int d = std::atoi(std::string(r).c_str());
    if (d < 1 || d > 31) return false;
    size_t j = i + 1;
    if (tv_.IsWord(j) && tv_.Attached(j)) {
      std::string_view s = tv_.Low(j);
      if (s == "st" || s == "nd" || s == "rd" || s == "th") {
        ++j;
      } else {
        return false;
      }
    }
    *day = d;
    *next = j;
    return true;
  }

  // Counts written in words or digits for "six months ago", "two years".
  bool CountAt(size_t i, std::string* n, size_t* next) const {
    if (tv_.IsNumber(i)) {
      std::string_view r = tv_.Raw(i);
      for (char c : r) {
        if (!IsAsciiDigit(c) && c != '.') return false;
      }
      *n = std::string(r);
      *next = i + 1;
      return true;
    }
    if (!tv_.IsWord(i)) return false;
    std::string_view w = tv_.Low(i);
    if (w == "a" || w == "an" || w == "one") {
      *n = "1";
      *next = i + 1;
      return true;
    }
    if (w == "several" || w == "few" || w == "many" || w == "some" || w == "couple") {
      *n = "X";
      *next = i + 1;
      if (w == "couple" && tv_.Is(i + 1, "of")) ++*next;
      return true;
    }
    const NumberWord* nw = lex_.NumberWordFor(w);
    if (!nw) return false;
    if (nw->kind == NumberWordKind::kDigit || nw->kind == NumberWordKind::kTeen ||
        nw->kind == NumberWordKind::kTens) {
      double v = nw->value;
      size_t j = i + 1;
      // "twenty-four"
      if (nw->kind == NumberWordKind::kTens && tv_.IsPunct(j, '-') && tv_.IsWord(j + 1)) {
        const NumberWord* u = lex_.NumberWordFor(tv_.Low(j + 1));
        if (u && u->kind == NumberWordKind::kDigit) {
          v += u->value;
          j += 2;
        }
      }
      *n = std::to_string(static_cast<int>(v));
      *next = j;
      return true;
    }
    if (nw->kind == NumberWordKind::kCount && w == "dozen") {
      *n = "12";
      *next = i + 1;
      return true;
    }
    return false;
  }

  void SetDate(Timex* t, Date d, bool relative) {
    t->type = TimexType::kDate;
    t->date = d;
    t->value = d.ToIso();
    t->relative = relative;
  }

  // Year for a month/day with no year: the closest one before the reference in past-tense
  // prose, after it in future-tense prose.
  std::optional<int> InferYear(int month, int day) const {
    if (!ref_) return std::nullopt;
    int y = ref_->year;
    Date cand{y, month, day ? std::min(day, DaysInMonth(y, month)) : 0};
    bool after = cand.FirstDay() > ref_->LastDay();
    bool before = cand.LastDay() < ref_->FirstDay();
    if (!future_ && after) return y - 1;
    if (future_ && before && (ref_->FirstDay() - cand.LastDay()) > 31) return y + 1;
    return y;
  }

  size_t Match(size_t i, Timex* t) {
    size_t e;
    if ((e = FullDate(i, t))) return e;
    if ((e = IsoDate(i, t))) return e;
    if ((e = ModifiedPeriod(i, t))) return e;
    if ((e = MonthYear(i, t))) return e;
    if ((e = Quarter(i, t))) return e;
    if ((e = Decade(i, t))) return e;
    if ((e = Ago(i, t))) return e;
    if ((e = AnchoredDay(i, t))) return e;
    if ((e = Relative(i, t))) return e;
    if ((e = Weekday(i, t))) return e;
    if ((e = MonthAlone(i, t))) return e;
    if ((e = YearAlone(i, t))) return e;
    if ((e = ClockTime(i, t))) return e;
    if ((e = Set(i, t))) return e;
    if ((e = Century(i, t))) return e;
    if ((e = Duration(i, t))) return e;
    if ((e = VagueDuration(i, t))) return e;
    if ((e = Vague(i, t))) return e;
    return i;
  }

  // "February 5, 2026", "Feb. 5", "5 February 2026", "Thursday, February 5, 2026"
  size_t FullDate(size_t i, Timex* t) {
    size_t j = i;
    if (tv_.IsWord(j) && WeekdayFromName(tv_.Raw(j)) >= 0 && tv_.Capitalized(j)) {
      size_t k = j + 1;
      if (tv_.IsPunct(k, '.')) ++k;
      if (tv_.IsPunct(k, ',')) ++k;
      size_t m_next;
      if (MonthAt(k, &m_next) || tv_.IsNumber(k)) j = k;
    }
    size_t next = 0;
    int month = MonthAt(j, &next), day = 0, year = 0;
    size_t end = 0;
    if (month) {
      size_t d_next;
      if (DayAt(next, &day, &d_next) && !(tv_.IsPunct(d_next, ':'))) {
        end = d_next;
        size_t k = d_next;
        if (tv_.IsPunct(k, ',')) ++k;
        if (YearAt(k, &year)) end = k + 1;
      } else {
        return 0;
      }
    } else {
      size_t d_next;
      if (!DayAt(j, &day, &d_next)) return 0;
      size_t k = d_next;
      if (tv_.Is(k, "of")) ++k;
      month = MonthAt(k, &next);
      if (!month) return 0;
      end = next;
      size_t y = next;
      if (tv_.IsPunct(y, ',')) ++y;
      if (YearAt(y, &year)) end = y + 1;
    }
    if (day > 31) return 0;
    bool relative = false;
    if (!year) {
      auto y = InferYear(month, day);
      if (!y) {
        t->type = TimexType::kDate;
        t->value = "XXXX-" + Two(month) + "-" + Two(day);
        return end;
      }
      year = *y;
      relative = true;
    }
    if (day > DaysInMonth(year, month)) return 0;
    SetDate(t, Date{year, month, day}, relative);
    return end;
  }

  // "2026-02-05"
  size_t IsoDate(size_t i, Timex* t) {
    int year;
    if (!YearAt(i, &year) && !(tv_.IsNumber(i) && tv_.Raw(i).size() == 4)) return 0;
    if (!(tv_.IsPunct(i + 1, '-') && tv_.Attached(i + 1) && tv_.IsNumber(i + 2) && tv_.Attached(i + 2) &&
          tv_.IsPunct(i + 3, '-') && tv_.Attached(i + 3) && tv_.IsNumber(i + 4) && tv_.Attached(i + 4))) {
      return 0;
    }
    auto d = Date::FromIso(tv_.TextOf(i, i + 5));
    if (!d || !d->has_day()) return 0;
    SetDate(t, *d, false);
    return i + 5;
  }

  // "mid-2025", "early 2024", "late February", "the end of 2023", "the start of the year"
  size_t ModifiedPeriod(size_t i, Timex* t) {
    if (!tv_.IsWord(i)) return 0;
    std::string_view w = tv_.Low(i);
    std::string mod;
    size_t j = i + 1;
    if (w == "mid" || w == "middle") {
      mod = "MID";
    } else if (w == "early" || w == "beginning" || w == "start") {
      mod = "START";
    } else if (w == "late" || w == "end") {
      mod = "END";
    } else {
      return 0;
    }
    if (tv_.IsPunct(j, '-') && tv_.Attached(j)) ++j;
    if (tv_.Is(j, "of")) ++j;
    if (tv_.Is(j, "the") && tv_.Is(j + 1, "year")) {
      if (!ref_) return 0;
      SetDate(t, Date{ref_->year, 0, 0}, true);
      t->mod = mod;
      return j + 2;
    }
    if (tv_.Is(j, "this") && (tv_.Is(j + 1, "year") || tv_.Is(j + 1, "month"))) {
      if (!ref_) return 0;
      SetDate(t, tv_.Is(j + 1, "year") ? Date{ref_->year, 0, 0} : Date{ref_->year, ref_->month, 0},
              true);
      t->mod = mod;
      return j + 2;
    }
    int year;
    if (YearAt(j, &year)) {
      SetDate(t, Date{year, 0, 0}, false);
      t->mod = mod;
      return j + 1;
    }
    size_t next;
    int month = MonthAt(j, &next);
    if (month) {
      size_t k = next;
      if (tv_.IsPunct(k, ',')) ++k;
      if (YearAt(k, &year)) {
        next = k + 1;
      } else {
        auto y = InferYear(month, 0);
        if (!y) return 0;
        year = *y;
      }
      SetDate(t, Date{year, month, 0}, false);
      t->mod = mod;
      return next;
    }
    return 0;
  }

  // "February 2025", "Feb 2025", "February of 2025"
  size_t MonthYear(size_t i, Timex* t) {
    size_t next;
    int month = MonthAt(i, &next);
    if (!month) return 0;
    size_t k = next;
    if (tv_.IsPunct(k, ',') || tv_.Is(k, "of")) ++k;
    int year;
    if (!YearAt(k, &year)) return 0;
    SetDate(t, Date{year, month, 0}, false);
    return k + 1;
  }

  // "the first quarter of 2025", "Q3 2024", "spring 2024"
  size_t Quarter(size_t i, Timex* t) {
    size_t j = i;
    int q = 0;
    if (tv_.IsWord(j)) {
      std::string w(tv_.Low(j));
      if (w.size() == 2 && (w[0] == 'q') && w[1] >= '1' && w[1] <= '4') {
        q = w[1] - '0';
        ++j;
      } else {
        static const char* kOrd[] = {"first", "second", "third", "fourth"};
        for (int k = 0; k < 4; ++k) {
          if (w == kOrd[k] && tv_.Is(j + 1, "quarter")) {
            q = k + 1;
            j += 2;
          }
        }
        static const struct { const char* w; const char* code; } kSeasons[] = {
            {"spring", "SP"}, {"summer", "SU"}, {"autumn", "FA"}, {"fall", "FA"}, {"winter", "WI"}};
        for (const auto& s : kSeasons) {
          if (w == s.w) {
            size_t k = j + 1;
            if (tv_.Is(k, "of")) ++k;
            int year;
            if (YearAt(k, &year)) {
              t->type = TimexType::kDate;
              t->value = std::to_string(year) + "-" + s.code;
              t->date = Date{year, 0, 0};
              return k + 1;
            }
            if (i > 0 && (tv_.Is(i - 1, "this") || tv_.Is(i - 1, "last") || tv_.Is(i - 1, "next")) && ref_) {
              int y = ref_->year + (tv_.Is(i - 1, "next") ? 1 : tv_.Is(i - 1, "last") ? -1 : 0);
              t->type = TimexType::kDate;
              t->value = std::to_string(y) + "-" + s.code;
              t->date = Date{y, 0, 0};
              t->relative = true;
              return j + 1;
            }
            return 0;
          }
        }
      }
    }
    if (!q) return 0;
    if (tv_.Is(j, "of")) ++j;
    int year;
    if (YearAt(j, &year)) {
      t->type = TimexType::kDate;
      t->value = std::to_string(year) + "-Q" + std::to_string(q);
      t->date = Date{year, 0, 0};
      return j + 1;
    }
    if (ref_ && (tv_.Is(j, "this") || tv_.Is(j, "last")) && tv_.Is(j + 1, "year")) {
      int y = ref_->year - (tv_.Is(j, "last") ? 1 : 0);
      t->type = TimexType::kDate;
      t->value = std::to_string(y) + "-Q" + std::to_string(q);
      t->date = Date{y, 0, 0};
      t->relative = true;
      return j + 2;
    }
    return 0;
  }

  // "the 1990s" -> 199, "the 2010s" -> 201
  size_t Decade(size_t i, Timex* t) {
    if (!tv_.IsNumber(i) || tv_.Raw(i).size() != 4) return 0;
    if (!(tv_.IsWord(i + 1) && tv_.Attached(i + 1) && tv_.Low(i + 1) == "s")) return 0;
    std::string_view r = tv_.Raw(i);
    if (r[3] != '0') return 0;
    t->type = TimexType::kDate;
    t->value = std::string(r.substr(0, 3));
    return i + 2;
  }

  // "six months ago", "a year ago", "two weeks earlier" (earlier/later need an anchor: skip)
  size_t Ago(size_t i, Timex* t) {
    std::string n;
    size_t j;
    if (!CountAt(i, &n, &j)) return 0;
    if (!tv_.IsWord(j)) return 0;
    Unit u = UnitFromWord(tv_.Low(j));
    if (u == Unit::kNone || !tv_.Is(j + 1, "ago")) return 0;
    size_t end = j + 2;
    t->type = TimexType::kDate;
    if (n == "X" || !ref_) {
      t->value = n == "X" ? "PAST_REF" : "XXXX";
      return end;
    }
    int k = std::atoi(n.c_str());
    t->relative = true;
    switch (u) {
      case Unit::kDay: SetDate(t, AddDays(*ref_, -k), true); break;
      case Unit::kWeek: {
        Date d = AddDays(*ref_, -7 * k);
        t->value = IsoWeek(d);
        t->date = d;
        break;
      }
      case Unit::kMonth: SetDate(t, AddMonths(Date{ref_->year, ref_->month, 0}, -k), true); break;
      case Unit::kYear: SetDate(t, Date{ref_->year - k, 0, 0}, true); break;
      case Unit::kDecade: t->value = std::to_string((ref_->year - 10 * k) / 10); break;
      case Unit::kHour: case Unit::kMinute: case Unit::kSecond: {
        t->type = TimexType::kTime;
        t->value = ref_->ToIso();
        t->date = *ref_;
        break;
      }
      default: t->value = "PAST_REF"; break;
    }
    return end;
  }

  // "the day before", "the previous day", "a day earlier", "the next day": one day from the
  // date named earlier in the sentence (the anchor), which may itself be unresolved.
  size_t AnchoredDay(size_t i, Timex* t) {
    if (!(tv_.Is(i, "the") || tv_.Is(i, "a"))) return 0;
    int delta = 0;
    size_t end = 0;
    if (tv_.Is(i + 1, "day") && (tv_.Is(i + 2, "before") || tv_.Is(i + 2, "earlier"))) {
      delta = -1;
      end = i + 3;
    } else if (tv_.Is(i + 1, "previous") && tv_.Is(i + 2, "day")) {
      delta = -1;
      end = i + 3;
    } else if (tv_.Is(i + 1, "day") && (tv_.Is(i + 2, "after") || tv_.Is(i + 2, "later"))) {
      delta = 1;
      end = i + 3;
    } else if ((tv_.Is(i + 1, "next") || tv_.Is(i + 1, "following")) && tv_.Is(i + 2, "day")) {
      delta = 1;
      end = i + 3;
    } else {
      return 0;
    }
    t->type = TimexType::kDate;
    t->value = "XXXX-XX-XX";
    if (anchor_ && anchor_->has_day()) SetDate(t, AddDays(*anchor_, delta), true);
    return end;
  }

  size_t Relative(size_t i, Timex* t) {
    if (!tv_.IsWord(i)) return 0;
    std::string_view w = tv_.Low(i);
    auto shift_day = [&](int k) {
      if (ref_) {
        SetDate(t, AddDays(*ref_, k), true);
      } else {
        t->type = TimexType::kDate;
        t->value = "XXXX-XX-XX";
      }
    };
    if (w == "today") {
      shift_day(0);
      return i + 1;
    }
    if (w == "yesterday") {
      shift_day(-1);
      if (PartOfDay(i + 1)) return MakeTime(t, i + 2, tv_.Low(i + 1));
      return i + 1;
    }
    if (w == "tomorrow") {
      shift_day(1);
      if (PartOfDay(i + 1)) return MakeTime(t, i + 2, tv_.Low(i + 1));
      return i + 1;
    }
    if (w == "tonight") {
      shift_day(0);
      return MakeTime(t, i + 1, "night");
    }
    // "earlier this year", "later this month"
    size_t j = i;
    if ((w == "earlier" || w == "later") && tv_.Is(i + 1, "this")) j = i + 1;
    std::string_view d = tv_.Low(j);
    if (d == "this" || d == "last" || d == "next" || d == "past" || d == "previous" ||
        d == "coming" || d == "current") {
      if (d == "this" && PartOfDay(j + 1)) {
        shift_day(0);
        return MakeTime(t, j + 2, tv_.Low(j + 1));
      }
      if (!tv_.IsWord(j + 1)) return 0;
      // "the past two years", "the past few months": durations
      std::string n;
      size_t k;
      if ((d == "past" || d == "last" || d == "next" || d == "coming") && CountAt(j + 1, &n, &k) &&
          tv_.IsWord(k) && UnitFromWord(tv_.Low(k)) != Unit::kNone && n != "1") {
        t->type = TimexType::kDuration;
        t->value = DurationValue(UnitFromWord(tv_.Low(k)), n);
        return k + 1;
      }
      int wd = WeekdayFromName(tv_.Raw(j + 1));
      if (wd >= 0 && tv_.Capitalized(j + 1) && (d == "last" || d == "next" || d == "this")) {
        if (!ref_) {
          t->type = TimexType::kDate;
          t->value = "XXXX-XX-XX";
          return j + 2;
        }
        int rw = ref_->Weekday();
        int diff = wd - rw;
        if (d == "last") {
          if (diff >= 0) diff -= 7;
        } else if (d == "next") {
          if (diff <= 0) diff += 7;
        }
        SetDate(t, AddDays(*ref_, diff), true);
        return j + 2;
      }
      size_t mnext;
      int month = MonthAt(j + 1, &mnext);
      if (month && ref_) {
        int y = ref_->year;
        if (d == "last" && month >= ref_->month) --y;
        if (d == "next" && month <= ref_->month) ++y;
        SetDate(t, Date{y, month, 0}, true);
        return mnext;
      }
      Unit u = UnitFromWord(tv_.Low(j + 1));
      if (u == Unit::kNone) return 0;
      if (d == "past" || (d == "last" && i > 0 && tv_.Is(i - 1, "the")) ||
          (d == "next" && i > 0 && tv_.Is(i - 1, "the")) || (d == "coming")) {
        t->type = TimexType::kDuration;
        t->value = DurationValue(u, "1");
        return j + 2;
      }
      int delta = d == "last" || d == "previous" ? -1 : d == "next" ? 1 : 0;
      if (!ref_) {
        t->type = TimexType::kDate;
        t->value = u == Unit::kYear ? "XXXX" : u == Unit::kMonth ? "XXXX-XX" : "XXXX-XX-XX";
        return j + 2;
      }
      t->relative = true;
      t->type = TimexType::kDate;
      switch (u) {
        case Unit::kDay: SetDate(t, AddDays(*ref_, delta), true); break;
        case Unit::kWeek: {
          Date dd = AddDays(*ref_, 7 * delta);
          t->value = IsoWeek(dd);
          t->date = Date{dd.year, dd.month, 0};
          break;
        }
        case Unit::kWeekend: {
          Date dd = AddDays(*ref_, 7 * delta);
          t->value = IsoWeek(dd) + "-WE";
          t->date = Date{dd.year, dd.month, 0};
          break;
        }
        case Unit::kMonth: SetDate(t, AddMonths(Date{ref_->year, ref_->month, 0}, delta), true); break;
        case Unit::kQuarter: {
          int q = (ref_->month - 1) / 3 + 1 + delta;
          int y = ref_->year;
          if (q < 1) {
            q = 4;
            --y;
          } else if (q > 4) {
            q = 1;
            ++y;
          }
          t->value = std::to_string(y) + "-Q" + std::to_string(q);
          t->date = Date{y, 0, 0};
          break;
        }
        case Unit::kYear: SetDate(t, Date{ref_->year + delta, 0, 0}, true); break;
        case Unit::kDecade: t->value = std::to_string(ref_->year / 10 + delta); break;
        case Unit::kCentury: t->value = std::to_string(ref_->year / 100 + delta); break;
        default: return 0;
      }
      return j + 2;
    }
    return 0;
  }

  bool PartOfDay(size_t i) const {
    if (!tv_.IsWord(i)) return false;
    std::string_view w = tv_.Low(i);
    return w == "morning" || w == "afternoon" || w == "evening" || w == "night";
  }

  static std::string PartCode(std::string_view part) {
    return part == "morning" ? "MO" : part == "afternoon" ? "AF" : part == "evening" ? "EV" : "NI";
  }

  size_t MakeTime(Timex* t, size_t end, std::string_view part) {
    std::string code = PartCode(part);
    t->type = TimexType::kTime;
    t->value += "T" + code;
    return end;
  }

  // "Wednesday", "on Tuesday night"
  size_t Weekday(size_t i, Timex* t) {
    if (!tv_.IsWord(i) || !tv_.Capitalized(i)) return 0;
    int wd = WeekdayFromName(tv_.Raw(i));
    if (wd < 0 || tv_.Raw(i).size() < 3) return 0;
    size_t end = i + 1;
    if (!ref_) {
      t->type = TimexType::kDate;
      t->value = "XXXX-XX-XX";
    } else {
      int diff = wd - ref_->Weekday();
      if (future_) {
        if (diff < 0) diff += 7;
      } else if (diff > 0) {
        diff -= 7;
      }
      SetDate(t, AddDays(*ref_, diff), true);
    }
    if (PartOfDay(end)) return MakeTime(t, end + 1, tv_.Low(end));
    return end;
  }

  // "in January", "January" (capitalised) with the year inferred
  size_t MonthAlone(size_t i, Timex* t) {
    size_t next;
    int month = MonthAt(i, &next);
    if (!month) return 0;
    // A month name alone at the start of a title-case phrase is still a month.
    auto y = InferYear(month, 0);
    if (!y) {
      t->type = TimexType::kDate;
      t->value = "XXXX-" + Two(month);
      return next;
    }
    SetDate(t, Date{*y, month, 0}, true);
    return next;
  }

  size_t YearAlone(size_t i, Timex* t) {
    int year;
    if (!YearAt(i, &year)) return 0;
    bool ctx = false;
    if (i > 0) {
      std::string_view p = tv_.Low(i - 1);
      static const char* kCtx[] = {"in", "since", "by", "of", "from", "until", "till", "before",
                                   "after", "during", "the", "'s", "year", "through", "between",
                                   "and", "to", "-", "circa", "around", "early", "late", "mid",
                                   "its", "this", "that", "fiscal", "for", "as", "within", "throughout",
                                   "a", "an", "than", "or"};
      for (const char* c : kCtx) {
        if (p == c) ctx = true;
      }
      if (tv_.IsPunct(i - 1, ',') || tv_.IsPunct(i - 1, '(')) ctx = true;
    } else {
      ctx = true;
    }
    // A figure such as "2000 troops" is counted by the quantity extractor instead.
    if (!ctx && tv_.IsWord(i + 1) && !tv_.Capitalized(i + 1)) {
      std::string_view n = tv_.Low(i + 1);
      if (n.size() > 3 && n.back() == 's') return 0;
    }
    if (!ctx && tv_.IsWord(i + 1) && lex_.ConceptFor(tv_.Low(i + 1))) return 0;
    SetDate(t, Date{year, 0, 0}, false);
    return i + 1;
  }

  // "10:30", "10:30 pm", "3 p.m.", "noon", "midnight"
  size_t ClockTime(size_t i, Timex* t) {
    int hour = -1, minute = 0;
    size_t end = i;
    if (tv_.IsWord(i) && (tv_.Low(i) == "noon" || tv_.Low(i) == "midday")) {
      hour = 12;
      end = i + 1;
    } else if (tv_.IsWord(i) && tv_.Low(i) == "midnight") {
      hour = 24;
      end = i + 1;
    } else if (tv_.IsNumber(i) && tv_.Raw(i).size() <= 2) {
      hour = std::atoi(std::string(tv_.Raw(i)).c_str());
      end = i + 1;
      bool colon = false;
      if (tv_.IsPunct(i + 1, ':') && tv_.IsNumber(i + 2) && tv_.Raw(i + 2).size() == 2) {
        minute = std::atoi(std::string(tv_.Raw(i + 2)).c_str());
        end = i + 3;
        colon = true;
      }
      bool mer = false;
      if (tv_.IsWord(end)) {
        std::string m(tv_.Low(end));
        if (m == "pm" || m == "p.m." || m == "am" || m == "a.m.") {
          if ((m[0] == 'p') && hour < 12) hour += 12;
          if (m[0] == 'a' && hour == 12) hour = 0;
          ++end;
          mer = true;
        }
      }
      if (!colon && !mer) return 0;
      if (hour > 24 || minute > 59) return 0;
    } else {
      return 0;
    }
    t->type = TimexType::kTime;
    std::string hm = "T" + Two(hour) + ":" + Two(minute);
    t->value = ref_ ? ref_->ToIso() + hm : "XXXX-XX-XX" + hm;
    if (ref_) t->date = *ref_;
    t->relative = ref_.has_value();
    return end;
  }

  // "every week", "each year", "weekly", "annually", "a year" after a figure
  size_t Set(size_t i, Timex* t) {
    if (!tv_.IsWord(i)) return 0;
    std::string_view w = tv_.Low(i);
    static const struct { const char* w; const char* v; } kAdverbs[] = {
        {"daily", "P1D"}, {"weekly", "P1W"}, {"monthly", "P1M"}, {"annually", "P1Y"},
        {"yearly", "P1Y"}, {"hourly", "PT1H"}, {"nightly", "P1D"}, {"quarterly", "P1Q"}};
    for (const auto& a : kAdverbs) {
      if (w == a.w) {
        t->type = TimexType::kSet;
        t->value = a.v;
        return i + 1;
      }
    }
    // "every morning", "each night": a part of the day, every day.
    if ((w == "every" || w == "each") && PartOfDay(i + 1)) {
      t->type = TimexType::kSet;
      t->value = "XXXX-XX-XXT" + PartCode(tv_.Low(i + 1));
      return i + 2;
    }
    if (w == "every" || w == "each" || w == "per") {
      size_t j = i + 1;
      std::string n = "1";
      size_t k;
      if (CountAt(j, &n, &k) && n != "X") j = k;
      if (!tv_.IsWord(j)) return 0;
      Unit u = UnitFromWord(tv_.Low(j));
      if (u == Unit::kNone) {
        int wd = WeekdayFromName(tv_.Raw(j));
        if (wd >= 0 && tv_.Capitalized(j)) {
          t->type = TimexType::kSet;
          t->value = "XXXX-WXX-" + std::to_string(wd + 1);
          return j + 1;
        }
        return 0;
      }
      t->type = TimexType::kSet;
      t->value = DurationValue(u, n);
      return j + 1;
    }
    return 0;
  }

  // "four years", "24 hours", "a decade", "several months", "a four-year war"
  size_t Duration(size_t i, Timex* t) {
    std::string n;
    size_t j;
    if (!CountAt(i, &n, &j)) return 0;
    if (tv_.IsPunct(j, '-') && tv_.Attached(j)) ++j;  // "a four-year war"
    if (!tv_.IsWord(j)) return 0;
    Unit u = UnitFromWord(tv_.Low(j));
    if (u == Unit::kNone) return 0;
    // "a second day" is an ordinal, not a duration of one second.
    if ((u == Unit::kSecond || u == Unit::kMinute) && tv_.IsWord(j + 1) &&
        lex_.ClassOf(tv_.Low(j + 1)) == WordClass::kNone) {
      return 0;
    }
    // "33-year-old" is an age; "two years ago" was taken by Ago().
    if (tv_.IsPunct(j + 1, '-') && tv_.Is(j + 2, "old")) return 0;
    if (tv_.Is(j + 1, "old")) return 0;
    // "a year" after money is a rate (SET): "$20bn a year".
    if ((tv_.Is(i, "a") || tv_.Is(i, "an")) && i > 0 &&
        (tv_.IsNumber(i - 1) || (tv_.IsWord(i - 1) && IsFigureWord(i - 1)))) {
      t->type = TimexType::kSet;
      t->value = DurationValue(u, "1");
      return j + 1;
    }
    t->type = TimexType::kDuration;
    t->value = DurationValue(u, n);
    return j + 1;
  }

  // "recent weeks", "for years", "in recent decades": a plural unit with no count is a
  // duration of unspecified length (PXW, PXY).
  size_t VagueDuration(size_t i, Timex* t) {
    size_t j = i;
    if (tv_.Is(j, "recent") || tv_.Is(j, "several") || tv_.Is(j, "many") || tv_.Is(j, "few")) ++j;
    if (!tv_.IsWord(j)) return 0;
    std::string_view w = tv_.Low(j);
    if (w.size() < 4 || w.back() != 's') return 0;
    Unit u = UnitFromWord(w);
    if (u == Unit::kNone || u == Unit::kSecond || u == Unit::kQuarter || u == Unit::kWeekend) return 0;
    // "years of war" is still vague; "the years 2020 and 2021", "years-long" are not.
    if (tv_.IsNumber(j + 1) || (tv_.IsPunct(j + 1, '-') && tv_.Attached(j + 1))) return 0;
    if (j > 0 && (tv_.IsNumber(j - 1) || (tv_.IsWord(j - 1) && lex_.NumberWordFor(tv_.Low(j - 1))))) return 0;
    if (j > 0 && (tv_.Is(j - 1, "the") || tv_.Is(j - 1, "those") || tv_.Is(j - 1, "these"))) return 0;
    t->type = TimexType::kDuration;
    t->value = DurationValue(u, "X");
    return j + 1;
  }

  // "the 20th century" -> 19, "the twenty-first century" -> 20
  size_t Century(size_t i, Timex* t) {
    size_t j = i;
    int n = 0;
    if (tv_.IsNumber(j) && tv_.IsWord(j + 1) && tv_.Attached(j + 1)) {
      n = std::atoi(std::string(tv_.Raw(j)).c_str());
      j += 2;
    } else if (tv_.IsWord(j)) {
      static const char* kOrd[] = {"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                                   "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
                                   "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                                   "nineteenth", "twentieth"};
      size_t k = j;
      if (tv_.Is(k, "twenty") && tv_.IsPunct(k + 1, '-') && tv_.IsWord(k + 2)) {
        if (tv_.Is(k + 2, "first")) n = 21, j = k + 3;
        if (tv_.Is(k + 2, "second")) n = 22, j = k + 3;
      }
      for (int o = 1; o <= 20 && n == 0; ++o) {
        if (tv_.Is(k, kOrd[o])) n = o, j = k + 1;
      }
    }
    if (n < 1 || n > 22 || !tv_.Is(j, "century")) return 0;
    t->type = TimexType::kDate;
    t->value = Two(n - 1);
    return j + 1;
  }

  bool IsFigureWord(size_t i) const {
    std::string_view w = tv_.Low(i);
    return lex_.NumberWordFor(w) || w == "bn" || w == "m" || w == "dollars" || w == "euros" ||
           w == "pounds" || w == "percent";
  }

  // "now", "currently", "recently", "in the future"
  size_t Vague(size_t i, Timex* t) {
    if (!tv_.IsWord(i)) return 0;
    std::string_view w = tv_.Low(i);
    if (w == "now" || w == "currently" || w == "presently" || w == "nowadays") {
      t->type = TimexType::kDate;
      t->value = "PRESENT_REF";
      if (ref_) t->date = *ref_;
      return i + 1;
    }
    if (w == "recently" || w == "lately" || w == "formerly" || w == "previously") {
      t->type = TimexType::kDate;
      t->value = "PAST_REF";
      return i + 1;
    }
    if (w == "at" && tv_.Is(i + 1, "present")) {
      t->type = TimexType::kDate;
      t->value = "PRESENT_REF";
      if (ref_) t->date = *ref_;
      return i + 2;
    }
    if (w == "the" && tv_.Is(i + 1, "future")) {
      t->type = TimexType::kDate;
      t->value = "FUTURE_REF";
      return i + 2;
    }
    if (w == "the" && tv_.Is(i + 1, "past") && !tv_.IsWord(i + 2)) {
      t->type = TimexType::kDate;
      t->value = "PAST_REF";
      return i + 2;
    }
    return 0;
  }

  // Flags that depend on the words around the expression.
  void Context(Timex* t, const std::vector<Timex>& earlier) {
    size_t b = t->token_begin;
    // "since 2022", "since Russia launched its full-scale invasion in 2022"
    for (size_t k = b; k-- > 0 && b - k <= 14;) {
      if (tv_.Is(k, "since")) {
        t->since = true;
        break;
      }
      if (tv_.IsPunct(k, ',') || tv_.IsPunct(k, ';') || tv_.Is(k, "that")) break;
    }
    // "the 2022 invasion", "a January analysis": a date that modifies the next noun.
    size_t e = t->token_end;
    // Only after a determiner or a possessive, and only for calendar values.
    bool det_before = b == 0 || tv_.Is(b - 1, "the") || tv_.Is(b - 1, "a") || tv_.Is(b - 1, "an") ||
                      tv_.Is(b - 1, "'s") || tv_.Is(b - 1, "its") || tv_.Is(b - 1, "his") ||
                      tv_.Is(b - 1, "her") || tv_.Is(b - 1, "their");
    if (t->type == TimexType::kDate && !t->value.empty() && IsAsciiDigit(t->value[0]) && det_before &&
        tv_.IsWord(e) && !tv_.Capitalized(e) && lex_.ClassOf(tv_.Low(e)) == WordClass::kNone &&
        tv_.Low(e) != "ago" && tv_.Low(e) != "alone") {
      t->premodifier = true;
    }
    // "between February 2022 and December 2025", "from 2019 to 2021"
    if (!earlier.empty() && b >= 1 && (tv_.Is(b - 1, "and") || tv_.Is(b - 1, "to") || tv_.IsPunct(b - 1, '-'))) {
      const Timex& prev = earlier.back();
      if (prev.token_end + 1 == b) t->range_end = true;
    }
  }

  const TokenView& tv_;
  const Lexicon& lex_;
  std::optional<Date> ref_;
  std::optional<Date> anchor_;  // the last full date seen in the sentence
  bool future_ = false;
};

}  // namespace

std::vector<Timex> ExtractTimexes(std::string_view text, Span sentence, std::optional<Date> reference) {
  TokenView tv(text, sentence);
  return TimexReader(tv, reference).Run();
}

}  // namespace corroborate::extract
