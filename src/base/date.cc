#include "corroborate/base/date.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "corroborate/base/strings.h"

namespace corroborate {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Parses exactly `n` digits at s[*i].
bool Digits(std::string_view s, size_t* i, int n, int* out) {
  if (*i + n > s.size()) return false;
  int v = 0;
  for (int k = 0; k < n; ++k) {
    char c = s[*i + k];
    if (!IsAsciiDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *i += n;
  *out = v;
  return true;
}

// `s` whole, when it is one to `max_digits` ASCII digits: "05", "2013".
bool DigitsOnly(std::string_view s, size_t max_digits, int* out) {
  size_t at = 0;
  return !s.empty() && s.size() <= max_digits && Digits(s, &at, static_cast<int>(s.size()), out);
}

struct Name {
  std::string_view text;
  int value;
};

// Month and weekday names are closed, language-defining sets, kept here rather than in
// data/ because dates must parse before any lexicon is loaded.
constexpr Name kMonths[] = {
    {"january", 1},  {"jan", 1},       {"february", 2}, {"feb", 2},  {"march", 3},
    {"mar", 3},      {"april", 4},     {"apr", 4},      {"may", 5},  {"june", 6},
    {"jun", 6},      {"july", 7},      {"jul", 7},      {"august", 8}, {"aug", 8},
    {"september", 9}, {"sept", 9},     {"sep", 9},      {"october", 10}, {"oct", 10},
    {"november", 11}, {"nov", 11},     {"december", 12}, {"dec", 12},
};
constexpr Name kWeekdays[] = {
    {"monday", 0},   {"mon", 0},    {"tuesday", 1}, {"tue", 1},     {"tues", 1},
    {"wednesday", 2}, {"wed", 2},   {"weds", 2},    {"thursday", 3}, {"thu", 3},
    {"thur", 3},     {"thurs", 3},  {"friday", 4},  {"fri", 4},     {"saturday", 5},
    {"sat", 5},      {"sunday", 6}, {"sun", 6},
};

// The value of `word` (any case, an abbreviation may end in ".") in `table`, or `none`.
// Called for every word of every sentence by the time-expression reader, so it neither
// allocates nor compares against names of another length.
template <size_t N>
int LookupName(std::string_view word, const Name (&table)[N], int none) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3 || word.size() > 9) return none;
  char low[9];
  for (size_t i = 0; i < word.size(); ++i) low[i] = AsciiLower(word[i]);
  std::string_view w(low, word.size());
  for (const Name& n : table) {
    if (n.text == w) return n.value;
  }
  return none;
}

}  // namespace

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil.
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

Date Date::FromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

std::string Date::ToIso() const {
  if (!valid()) return "";
  char buf[32];
  if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

std::optional<Date> Date::FromIso(std::string_view s) {
  s = Trim(s);
  size_t i = 0;
  Date d;
  if (!Digits(s, &i, 4, &d.year) || d.year == 0) return std::nullopt;
  if (i < s.size() && s[i] == '-') {
    ++i;
    if (!Digits(s, &i, 2, &d.month) || d.month < 1 || d.month > 12) return std::nullopt;
    if (i < s.size() && s[i] == '-') {
      ++i;
      if (!Digits(s, &i, 2, &d.day) || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) {
        return std::nullopt;
      }
    }
  }
  if (i < s.size()) {
    // A time part may follow a full date: "T10:00:00Z" or " 10:00".
    if (d.day == 0 || (s[i] != 'T' && s[i] != 't' && s[i] != ' ')) return std::nullopt;
  }
  return d;
}

int64_t Date::FirstDay() const {
  return DaysFromCivil(year, month ? month : 1, day ? day : 1);
}

int64_t Date::LastDay() const {
  if (month == 0) return DaysFromCivil(year, 12, 31);
  if (day == 0) return DaysFromCivil(year, month, DaysInMonth(year, month));
  return DaysFromCivil(year, month, day);
}

int Date::Weekday() const {
  int64_t z = DaysFromCivil(year, month, day);
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  int64_t w = (z + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w);
}

bool Date::Contains(const Date& other) const {
  if (!valid() || !other.valid()) return false;
  return FirstDay() <= other.FirstDay() && other.LastDay() <= LastDay();
}

bool operator<(const Date& a, const Date& b) {
  int64_t fa = a.FirstDay(), fb = b.FirstDay();
  if (fa != fb) return fa < fb;
  int pa = (a.month ? 1 : 0) + (a.day ? 1 : 0);
  int pb = (b.month ? 1 : 0) + (b.day ? 1 : 0);
  return pa < pb;
}

int MonthFromName(std::string_view word) { return LookupName(word, kMonths, 0); }

int WeekdayFromName(std::string_view word) { return LookupName(word, kWeekdays, -1); }

namespace {

// Two-digit years: "13" is 2013, "98" is 1998.
int FullYear(int y, size_t digits) {
  if (digits == 4) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

// A run of 1-4 digits at text[*i], not inside a longer number or a decimal.
bool NumberAt(std::string_view text, size_t* i, int* value, size_t* digits) {
  size_t b = *i, e = b;
  while (e < text.size() && IsAsciiDigit(text[e]) && e - b < 5) ++e;
  if (e == b || e - b > 4 || (e < text.size() && IsAsciiDigit(text[e]))) return false;
  *digits = e - b;
  return Digits(text, i, static_cast<int>(e - b), value);
}

// A date separator with optional spaces around it ("/", " / ", "-", "."); `*sep` is set
// by the first and must match after.
bool SeparatorAt(std::string_view text, size_t* i, char* sep) {
  size_t k = *i;
  while (k < text.size() && text[k] == ' ') ++k;
  if (k >= text.size()) return false;
  char c = text[k];
  if (c != '/' && c != '-' && c != '.') return false;
  if (*sep && c != *sep) return false;
  *sep = c;
  ++k;
  while (k < text.size() && text[k] == ' ') ++k;
  *i = k;
  return true;
}

// All-numeric dates: "2013-09-26", "2013 / 09 / 26", "05/02/2013", "8 / 2 / 13", "26.09.2013".
// With slashes or hyphens the month comes first unless the first number cannot be a month
// (the US order, the most common in English-language pages); with dots the day comes first.
std::optional<Date> FindNumericDate(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsAsciiDigit(text[i]) || (i > 0 && (IsAsciiDigit(text[i - 1]) || text[i - 1] == '.' ||
                                              text[i - 1] == ',' || text[i - 1] == '/'))) {
      continue;
    }
    size_t k = i, n1, n2, n3;
    int a, b, c;
    char sep = 0;
    if (!NumberAt(text, &k, &a, &n1) || !SeparatorAt(text, &k, &sep) || !NumberAt(text, &k, &b, &n2) ||
        !SeparatorAt(text, &k, &sep) || !NumberAt(text, &k, &c, &n3)) {
      continue;
    }
    if (k < text.size() && (text[k] == sep || text[k] == '/') && k + 1 < text.size() && IsAsciiDigit(text[k + 1])) {
      continue;  // a fourth part: a version or a code, not a date
    }
    if (n2 > 2) continue;
    Date d;
    if (n1 == 4 && n3 <= 2) {
      d = Date{a, b, c};
    } else if (n1 <= 2 && (n3 == 4 || n3 == 2)) {
      bool day_first = sep == '.' ? b <= 12 : a > 12;
      d = day_first ? Date{FullYear(c, n3), b, a} : Date{FullYear(c, n3), a, b};
    } else {
      continue;
    }
    if (d.year < 1000 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) continue;
    return d;
  }
  return std::nullopt;
}

// A path segment naming a month: "05", "5", "may", "sep".
int UrlMonth(std::string_view seg) {
  int m = 0;
  if (DigitsOnly(seg, 2, &m)) {
    return m >= 1 && m <= 12 ? m : 0;
  }
  for (char c : seg) {
    if (!IsAsciiAlpha(c)) return 0;
  }
  return MonthFromName(seg);
}

}  // namespace

std::optional<Date> DateInUrl(std::string_view url) {
  size_t scheme = url.find("://");
  size_t b = scheme == std::string_view::npos ? 0 : scheme + 3;
  size_t path = url.find('/', b);
  if (path == std::string_view::npos) return std::nullopt;
  std::string_view p = url.substr(path);
  p = p.substr(0, std::min(p.find('?'), p.find('#')));
  std::vector<std::string_view> segs;
  for (size_t i = 0; i < p.size();) {
    size_t j = p.find('/', i);
    if (j == std::string_view::npos) j = p.size();
    segs.push_back(p.substr(i, j - i));
    i = j + 1;
  }
  // "/2013/05/02/slug", "/2013/may/03/slug", "/2013/08/slug" (month precision).
  for (size_t k = 0; k + 1 < segs.size(); ++k) {
    int year = 0;
    if (segs[k].size() != 4 || !DigitsOnly(segs[k], 4, &year)) continue;
    int month = UrlMonth(segs[k + 1]);
    if (year < 1990 || year > 2099 || month == 0) continue;
    int day = 0;
    if (k + 2 < segs.size() && DigitsOnly(segs[k + 2], 2, &day)) {
      if (day >= 1 && day <= DaysInMonth(year, month)) return Date{year, month, day};
      continue;
    }
    return Date{year, month, 0};  // no day segment: the month alone
  }
  // Inside a segment, a digit run not glued to letters or digits: "2013-05-02-slug",
  // "slug_2013_05_02.html", "/20130308/", "slug-20120411".
  for (std::string_view seg : segs) {
    for (size_t i = 0; i < seg.size(); ++i) {
      if (!IsAsciiDigit(seg[i]) || (i > 0 && IsAsciiAlnum(seg[i - 1]))) continue;
      size_t e = i;
      while (e < seg.size() && IsAsciiDigit(seg[e])) ++e;
      size_t k = i;
      Date d;
      bool found = false;
      if (e - i == 8) {  // YYYYMMDD
        found = Digits(seg, &k, 4, &d.year) && Digits(seg, &k, 2, &d.month) && Digits(seg, &k, 2, &d.day);
      } else if (e - i == 4 && e + 6 <= seg.size() && (seg[e] == '-' || seg[e] == '_') && seg[e + 3] == seg[e]) {
        found = Digits(seg, &k, 4, &d.year) && (++k, Digits(seg, &k, 2, &d.month)) && (++k, Digits(seg, &k, 2, &d.day));
      }
      if (found && (k == seg.size() || !IsAsciiAlnum(seg[k])) && d.year >= 1990 && d.year <= 2099 &&
          d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= DaysInMonth(d.year, d.month)) {
        return d;
      }
      i = e;
    }
  }
  return std::nullopt;
}

std::optional<Date> FindWrittenDate(std::string_view text) {
  // Tokenise into words and numbers; look for Month Day[,] Year or Day Month Year.
  struct Tok {
    std::string_view s;
    bool number;
  };
  std::vector<Tok> toks;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (IsAsciiAlpha(c)) {
      size_t b = i;
      while (i < text.size() && IsAsciiAlpha(text[i])) ++i;
      if (i < text.size() && text[i] == '.') ++i;
      toks.push_back({text.substr(b, i - b), false});
    } else if (IsAsciiDigit(c)) {
      size_t b = i;
      while (i < text.size() && (IsAsciiDigit(text[i]) || text[i] == '-')) ++i;
      std::string_view num = text.substr(b, i - b);
      // "5th" ordinal suffix.
      size_t j = i;
      while (j < text.size() && IsAsciiAlpha(text[j]) && j - i < 2) ++j;
      std::string_view suf = text.substr(i, j - i);
      if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") i = j;
      toks.push_back({num, true});
    } else {
      ++i;
    }
  }
  for (size_t k = 0; k < toks.size(); ++k) {
    if (toks[k].number && toks[k].s.size() == 10) {
      if (auto d = Date::FromIso(toks[k].s); d && d->has_day()) return d;
    }
    if (k + 2 >= toks.size()) continue;
    int day = 0, year = 0, month = 0;
    if (!toks[k].number && (month = MonthFromName(toks[k].s)) != 0 && toks[k + 1].number &&
        toks[k + 2].number && DigitsOnly(toks[k + 1].s, 4, &day) && DigitsOnly(toks[k + 2].s, 4, &year)) {
      // Month Day Year
    } else if (toks[k].number && !toks[k + 1].number &&
               (month = MonthFromName(toks[k + 1].s)) != 0 && toks[k + 2].number &&
               DigitsOnly(toks[k].s, 4, &day) && DigitsOnly(toks[k + 2].s, 4, &year)) {
      // Day Month Year
    } else {
      continue;
    }
    if (year < 1000 || day < 1 || day > DaysInMonth(year, month)) continue;
    return Date{year, month, day};
  }
  return FindNumericDate(text);
}

}  // namespace corroborate
