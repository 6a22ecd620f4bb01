#include "extract/numbers.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "corroborate/base/date.h"
#include "corroborate/base/strings.h"
#include "extract/lexicon.h"

namespace corroborate::extract {
namespace {

double Pow10(int e) { return std::pow(10.0, e); }

// The rounding step a written integer implies. Small figures are taken as exact ("20
// people"); large round figures as rounded to their last non-zero digit, but never coarser
// than the second significant digit ("400,000" means 400,000 give or take 5,000).
double IntegerGranularity(double v) {
  v = std::fabs(v);
  if (v < 1000) return 1;
  int digits = static_cast<int>(std::floor(std::log10(v))) + 1;
  int zeros = 0;
  double x = std::round(v);
  while (zeros < digits - 1 && std::fmod(x, 10.0) == 0) {
    x /= 10;
    ++zeros;
  }
  return Pow10(std::min(zeros, digits - 2));
}

// Words that may be glued to a figure without making it a code: "minus5" is rare, but
// "sub-7" and "minus-1.4" arrive here with the hyphen split off.
bool IsSignWord(std::string_view lower) { return lower == "minus" || lower == "plus"; }

// A word with a capital letter inside ("iPhone", "eBay"): a product or brand name.
bool MixedCase(std::string_view raw) {
  for (size_t k = 1; k < raw.size(); ++k) {
    if (IsAsciiUpper(raw[k])) return IsAsciiLower(raw[0]) || IsAsciiLower(raw[k - 1]);
  }
  return false;
}

bool IsMeridiem(std::string_view lower) {
  return lower == "am" || lower == "pm" || lower == "a.m." || lower == "p.m." || lower == "a.m" ||
         lower == "p.m";
}

// Words after which a capitalised word + number is a figure, not a name ("In 2020").
bool CanPrecedeFigure(const Lexicon& lex, const TokenView& tv, size_t i) {
  std::string_view w = tv.Low(i);
  if (lex.ClassOf(w) != WordClass::kNone) return true;
  if (MonthFromName(w) || WeekdayFromName(w) >= 0) return true;
  if (lex.NumberWordFor(w)) return true;
  size_t len = 0;
  if (lex.MatchUnit(tv, i, /*prefix=*/true, &len)) return true;
  if (lex.MatchQualifierBefore(tv, i + 1, &len)) return true;
  return false;
}

// Share of capitalised words: headlines in title case disable the name rule.
bool TitleCase(const TokenView& tv) {
  size_t words = 0, caps = 0;
  for (size_t i = 0; i < tv.size(); ++i) {
    if (!tv.IsWord(i) || tv.Raw(i).size() <= 3) continue;
    ++words;
    if (tv.Capitalized(i)) ++caps;
  }
  return words >= 3 && caps * 10 >= words * 7;
}

class NumberFinder {
 public:
  explicit NumberFinder(const TokenView& tv) : tv_(tv), lex_(Lexicon::Get()), title_case_(TitleCase(tv)) {}

  std::vector<NumberAtom> Run() {
    std::vector<NumberAtom> out;
    size_t i = 0;
    while (i < tv_.size()) {
      // Web addresses and e-mail-like strings: "https://x.com/a?id=30%25" holds no figures.
      if (size_t e = AddressEnd(i); e > i) {
        i = e;
        continue;
      }
      NumberAtom a;
      bool found = tv_.IsNumber(i) ? Digits(i, &a) : tv_.IsWord(i) && Words(i, &a);
      if (found && a.end > i) {
        // "one over three", "1 over 20": a fraction read aloud.
        if (!out.empty() && Over(out.back(), a)) {
          NumberAtom& n = out.back();
          n.value /= a.value;
          n.fraction = true;
          n.granularity = 0.01;
          n.end = a.end;
          n.words = n.words || a.words;
          n.plain_integer = false;
        } else if (!out.empty() && Restates(out.back(), a)) {
          // "twenty (20) days", "five (5)": one figure written twice, as legal and official
          // texts do; the unit after the brackets is the figure's.
          out.back().end = a.end + 1;
        } else {
          out.push_back(a);
        }
        i = a.end;
      } else {
        ++i;
      }
    }
    MarkEnumerations(&out);
    return out;
  }

 private:
  // "1 Matthew Hayden, 2 Justin Langer, 3 Ricky Ponting": three or more small whole
  // numbers counting up by one, each before a name, number a list; they are labels.
  void MarkEnumerations(std::vector<NumberAtom>* atoms) const {
    auto label = [&](const NumberAtom& a) {
      return !a.skip() && a.plain_integer && !a.words && a.value >= 1 && a.value <= 99 && a.end < tv_.size() &&
             tv_.IsWord(a.end) && tv_.Capitalized(a.end) && !lex_.NumberWordFor(tv_.Low(a.end));
    };
    size_t k = 0;
    while (k < atoms->size()) {
      size_t e = k;
      while (e < atoms->size() && label((*atoms)[e]) &&
             (e == k || (*atoms)[e].value == (*atoms)[e - 1].value + 1)) {
        ++e;
      }
      if (e - k >= 3) {
        for (size_t j = k; j < e; ++j) (*atoms)[j].code = true;
        k = e;
      } else {
        ++k;
      }
    }
  }

  // `b` alone in brackets right after `a`, with the same value.
  bool Restates(const NumberAtom& a, const NumberAtom& b) const {
    return !a.skip() && !b.skip() && b.begin >= 1 && a.end + 1 == b.begin && tv_.IsPunct(a.end, '(') &&
           tv_.IsPunct(b.end, ')') && a.value == b.value && a.words != b.words;
  }

  // `num` "over" `den`, both whole figures, "over" between them and nothing after the
  // denominator that makes "over" a bound ("over 3 years", "over 20 people").
  bool Over(const NumberAtom& num, const NumberAtom& den) const {
    if (num.skip() || den.skip() || num.fraction || den.fraction || den.value == 0) return false;
    if (num.end + 1 != den.begin || !tv_.Is(num.end, "over")) return false;
    if (num.value != std::floor(num.value) || den.value != std::floor(den.value)) return false;
    if (den.end < tv_.size() && tv_.IsWord(den.end)) return false;  // a noun or unit follows
    if (den.end < tv_.size() && !tv_.IsPunct(den.end, '.') && !tv_.IsPunct(den.end, ',') &&
        !tv_.IsPunct(den.end, '?') && !tv_.IsPunct(den.end, ';')) {
      return false;
    }
    return true;
  }

  // Token i is a group of exactly three digits, optionally with decimals ("567.89"), and
  // is not itself followed by a unit-less year-like figure.
  bool IsThousandsGroup(size_t i) const {
    if (!tv_.IsNumber(i)) return false;
    std::string_view r = tv_.Raw(i);
    size_t dot = r.find('.');
    std::string_view head = r.substr(0, dot);
    if (head.size() != 3 || !AllDigits(head)) return false;
    return dot == std::string_view::npos || dot + 1 < r.size();
  }

  // End of a web address starting at token i ("http://", "https://", "www."), or i.
  size_t AddressEnd(size_t i) const {
    if (!tv_.IsWord(i)) return i;
    std::string_view w = tv_.Low(i);
    bool scheme = (w == "http" || w == "https" || w == "ftp") && tv_.IsPunct(i + 1, ':') && tv_.Attached(i + 1);
    bool www = w == "www" && tv_.IsPunct(i + 1, '.') && tv_.Attached(i + 1);
    if (!scheme && !www) return i;
    size_t j = i + 1;
    while (j < tv_.size() && tv_.Attached(j)) ++j;
    return j;
  }

  bool Digits(size_t i, NumberAtom* a) {
    a->begin = i;
    a->end = i + 1;
    std::string_view raw = tv_.Raw(i);
    if (!ParseDigits(raw, &a->value, &a->granularity, &a->int_digits, &a->plain_integer)) {
      a->code = true;
      return true;
    }
    // "10:30", "10:30pm", "09:44 GMT" (before the leading-zero rule, which would leave "44")
    if (tv_.IsPunct(i + 1, ':') && tv_.Attached(i + 1) && tv_.IsNumber(i + 2) && tv_.Attached(i + 2)) {
      a->time_of_day = true;
      a->end = i + 3;
      if (tv_.IsWord(a->end) && IsMeridiem(tv_.Low(a->end))) ++a->end;
      return true;
    }
    // "0401 GMT", "007", "05": amounts are not written with a leading zero; times and codes are.
    if (raw.size() >= 2 && raw[0] == '0' && IsAsciiDigit(raw[1])) {
      a->code = true;
      // "Type 09-1", "0800-123": the code goes on through hyphens.
      while (tv_.IsPunct(a->end, '-') && tv_.Attached(a->end) && tv_.IsNumber(a->end + 1) && tv_.Attached(a->end + 1)) {
        a->end += 2;
      }
      return true;
    }
    // "the 1990s", "2018s best performing sector": a decade, or a year's possessive.
    if (a->plain_integer && a->int_digits == 4 && a->value >= 1000 && a->value <= 2100 && tv_.Is(i + 1, "s") &&
        tv_.Attached(i + 1)) {
      a->code = true;
      a->end = i + 2;
      return true;
    }
    // "1/2", "3/4" (but not "9/11" or "24/7"); "1⁄6", what "⅙" becomes, with the
    // fraction slash.
    bool fraction_slash = tv_.IsFractionSlash(i + 1);
    if ((tv_.IsPunct(i + 1, '/') || fraction_slash) && tv_.Attached(i + 1) && tv_.IsNumber(i + 2) &&
        tv_.Attached(i + 2)) {
      double num = a->value, den = std::atof(std::string(tv_.Raw(i + 2)).c_str());
      // Only the denominators people write fractions with; "22/23" and "8/9" are dates,
      // scores or seasons. The fraction slash is never a date.
      bool common = den == 2 || den == 3 || den == 4 || den == 5 || den == 8 || den == 10 || den == 100 ||
                    (fraction_slash && den > 0 && den <= 1000);
      if (a->plain_integer && common && num < den) {
        a->value = num / den;
        a->fraction = true;
        a->granularity = 0.01;
        a->end = i + 3;
        if (GluedMinus(i)) Negate(i, a);  // "-4/5"
        return true;
      }
      a->code = true;  // a date or a code
      a->end = i + 3;
      return true;
    }
    if (Power(i, a)) return true;
    if (tv_.IsWord(i + 1)) {
      std::string_view next = tv_.Low(i + 1);
      if (IsMeridiem(next)) {
        a->time_of_day = true;
        a->end = i + 2;
        return true;
      }
      if (tv_.Attached(i + 1)) {
        // Scientific notation: "1e10", "12.32e+14", "-12e-1".
        int exponent = 0;
        size_t after = 0;
        if (next.size() >= 2 && next[0] == 'e' && AllDigits(next.substr(1)) && next.size() <= 4) {
          exponent = std::atoi(std::string(next.substr(1)).c_str());
          after = i + 2;
        } else if (next == "e" && (tv_.IsPunct(i + 2, '+') || tv_.IsPunct(i + 2, '-')) && tv_.Attached(i + 2) &&
                   tv_.IsNumber(i + 3) && tv_.Attached(i + 3) && AllDigits(tv_.Raw(i + 3)) && tv_.Raw(i + 3).size() <= 3) {
          exponent = std::atoi(std::string(tv_.Raw(i + 3)).c_str()) * (tv_.IsPunct(i + 2, '-') ? -1 : 1);
          after = i + 4;
        }
        if (after) {
          // Divide for a negative exponent: 12 / 10 is exactly 1.2, 12 * 0.1 is not.
          double p10 = std::pow(10.0, std::abs(exponent));
          a->value = exponent < 0 ? a->value / p10 : a->value * p10;
          a->granularity = exponent < 0 ? a->granularity / p10 : a->granularity * p10;
          a->plain_integer = false;
          a->end = after;
          if (GluedMinus(i)) Negate(i, a);  // "-12e-1"
          return true;
        }
        if (IsOrdinalSuffix(next)) {
          a->ordinal = true;
          a->end = i + 2;
          return true;
        }
        if (const ScaleAbbrev* s = lex_.ScaleFor(tv_.Raw(i + 1)); s && s->when != ScaleWhen::kSpaced) {
          ApplyScale(a, s->multiplier);
          a->scale_needs_money = s->when == ScaleWhen::kMoney;
          a->end = i + 2;
        } else {
          size_t len = 0;
          if (!lex_.MatchUnit(tv_, i + 1, /*prefix=*/false, &len) &&
              !lex_.NumberWordFor(next)) {
            a->code = true;  // "1A", "5G"
            a->end = i + 2;
            return true;
          }
        }
      }
    }
    // Scale words: "1.2 million", "1.2-million", "55 thousand".
    if (!a->scaled) {
      size_t j = i + 1;
      if (tv_.IsPunct(j, '-') && tv_.Attached(j)) ++j;
      if (tv_.IsWord(j)) {
        const NumberWord* w = lex_.NumberWordFor(tv_.Low(j));
        // "3 dozen", "3 dozens": a count word multiplies the figure.
        bool dozen = j == i + 1 && a->plain_integer && IsDozen(w);
        if (w && (w->kind == NumberWordKind::kScale || w->kind == NumberWordKind::kHundred || dozen)) {
          ApplyScale(a, w->value);
          a->end = j + 1;
          // "2 lakh crore", "5 thousand crore": a larger scale word multiplies again.
          if (const NumberWord* w2 = tv_.IsWord(j + 1) ? lex_.NumberWordFor(tv_.Low(j + 1)) : nullptr;
              w2 && w->kind == NumberWordKind::kScale && w2->kind == NumberWordKind::kScale && w2->value > w->value) {
            ApplyScale(a, w2->value);
            a->end = j + 2;
          }
          if (!dozen) AddLowerOrders(a, w->value);
          // "3 million and a half": half of the scale more.
          if (tv_.Is(a->end, "and") && (tv_.Is(a->end + 1, "a") || tv_.Is(a->end + 1, "one")) &&
              (tv_.Is(a->end + 2, "half") || tv_.Is(a->end + 2, "quarter") || tv_.Is(a->end + 2, "third"))) {
            double d = tv_.Is(a->end + 2, "half") ? 2 : tv_.Is(a->end + 2, "quarter") ? 4 : 3;
            a->value += w->value / d;
            a->end += 3;
          }
          // "1.5 million" may be followed by a further scale only in odd prose; stop here.
        } else if (const ScaleAbbrev* s = lex_.ScaleFor(tv_.Raw(j)); s && j == i + 1) {
          // "20 bn", "3 mln"; a spaced letter only when it ends the phrase ("2.33 k",
          // "$5 M."), not before a word ("5 K Street") or an abbreviation ("5 M.D.").
          bool letter = (tv_.Raw(j) == "k" || tv_.Raw(j) == "K" || tv_.Raw(j) == "M" ||
                         (s->when == ScaleWhen::kSpaced && !a->plain_integer)) &&
                        !tv_.IsWord(j + 1) &&
                        !tv_.IsNumber(j + 1) &&
                        !(tv_.IsPunct(j + 1, '.') && tv_.Attached(j + 1) && tv_.IsWord(j + 2) && tv_.Attached(j + 2));
          if ((s->when == ScaleWhen::kAlways && tv_.Low(j).size() > 1) || letter) {
            ApplyScale(a, s->multiplier);
            a->scale_needs_money = s->when == ScaleWhen::kMoney;
            a->end = j + 1;
          }
        }
      }
    }
    // Codes and names: "F-16", "COVID-19", "France 2", "No. 10".
    // "minus-1.4 degrees", "sub-7 nanometre": a sign or bound glued on with a hyphen.
    if (i >= 2 && tv_.IsPunct(i - 1, '-') && tv_.Attached(i - 1) && tv_.Attached(i) &&
        (tv_.Is(i - 2, "minus") || tv_.Is(i - 2, "sub"))) {
      if (tv_.Is(i - 2, "minus")) {
        a->value = -a->value;
        a->negative = true;
      } else {
        a->sub = true;
      }
      a->begin = i - 2;
      return true;
    }
    if (i >= 2 && tv_.IsPunct(i - 1, '-') && tv_.Attached(i - 1) && tv_.Attached(i) &&
        tv_.IsWord(i - 2)) {
      std::string_view w = tv_.Low(i - 2);
      // "5k-20k", "$2m-3m": a scale abbreviation glued to a figure before the hyphen.
      const ScaleAbbrev* glued = i >= 3 && tv_.IsNumber(i - 3) && tv_.Attached(i - 2) ? lex_.ScaleFor(tv_.Raw(i - 2)) : nullptr;
      bool scaled_figure = glued && glued->when != ScaleWhen::kSpaced;
      if (w != "mid" && w != "pre" && w != "post" && w != "early" && w != "late" &&
          !lex_.NumberWordFor(w) && !scaled_figure) {
        a->code = true;
        return true;
      }
    }
    if (i >= 1 && tv_.IsWord(i - 1) &&
        (tv_.Low(i - 1) == "no" || tv_.Low(i - 1) == "nos" || tv_.Low(i - 1) == "number") &&
        (tv_.IsPunct(i, '.') || tv_.Capitalized(i - 1) || tv_.Raw(i - 1) == "no")) {
      if (tv_.Capitalized(i - 1)) {
        a->code = true;  // "No 10", "Number 10"
        return true;
      }
    }
    if (i >= 2 && tv_.IsPunct(i - 1, '.') && tv_.Attached(i - 1) &&
        (tv_.Low(i - 2) == "no" || tv_.Low(i - 2) == "nos") && tv_.Capitalized(i - 2)) {
      a->code = true;  // "No. 10"
      return true;
    }
    // "MH17", "COVID19", "ID.3": digits glued to a word (other than a currency) or to a
    // word and a period name a thing.
    if (i >= 1 && tv_.Attached(i) && tv_.IsWord(i - 1)) {
      bool currency = false;
      for (size_t k = i >= 3 ? i - 3 : 0; k < i && !currency; ++k) {
        size_t len = 0;
        currency = lex_.MatchUnit(tv_, k, /*prefix=*/true, &len) && k + len == i;
      }
      if (!currency && !IsSignWord(tv_.Low(i - 1))) {
        a->code = true;
        return true;
      }
    }
    if (i >= 2 && tv_.Attached(i) && tv_.IsPunct(i - 1, '.') && tv_.Attached(i - 1) && tv_.IsWord(i - 2) &&
        tv_.Low(i - 2) != "no" && tv_.Low(i - 2) != "nos") {
      a->code = true;
      return true;
    }
    // "+1-222-2222": a telephone number.
    if (i >= 1 && tv_.IsPunct(i - 1, '+') && tv_.Attached(i) && tv_.IsPunct(i + 1, '-') && tv_.Attached(i + 1) &&
        tv_.IsNumber(i + 2) && tv_.Attached(i + 2)) {
      a->code = true;
      a->end = i + 3;
      while (a->end + 1 < tv_.size() && (tv_.IsPunct(a->end, '-') || tv_.IsPunct(a->end, '/')) &&
             tv_.Attached(a->end) && tv_.IsNumber(a->end + 1) && tv_.Attached(a->end + 1)) {
        a->end += 2;
      }
      return true;
    }
    // "508-999-7988", "020-7946-0958": groups of digits joined by hyphens, a telephone
    // number (three groups, the last of four).
    if (tv_.IsPunct(i + 1, '-') && tv_.Attached(i + 1) && tv_.IsNumber(i + 2) && tv_.Attached(i + 2) &&
        tv_.IsPunct(i + 3, '-') && tv_.Attached(i + 3) && tv_.IsNumber(i + 4) && tv_.Attached(i + 4) &&
        AllDigits(tv_.Raw(i)) && AllDigits(tv_.Raw(i + 2)) && AllDigits(tv_.Raw(i + 4)) &&
        tv_.Raw(i + 4).size() == 4 && tv_.Raw(i).size() >= 2 && tv_.Raw(i + 2).size() >= 3) {
      a->code = true;
      a->end = i + 5;
      return true;
    }
    if (i >= 1 && tv_.IsPunct(i - 1, '#') && tv_.Attached(i)) {
      a->code = true;
      return true;
    }
    // "in the last 16", "reached the final four": a stage of a competition, when nothing
    // counted follows ("the last 16 years" is a duration).
    if (i >= 2 && tv_.Is(i - 2, "the") && (tv_.Is(i - 1, "last") || tv_.Is(i - 1, "final")) &&
        (i + 1 >= tv_.size() || (tv_.IsWord(i + 1) && tv_.Capitalized(i + 1)) || tv_.IsPunct(i + 1, ',') ||
         tv_.IsPunct(i + 1, '.') || tv_.IsPunct(i + 1, ';') || tv_.IsPunct(i + 1, ':'))) {
      a->code = true;
      return true;
    }
    // "version 1.0", "v2": a version number names a release.
    if (i >= 1 && tv_.IsWord(i - 1) && (tv_.Low(i - 1) == "version" || tv_.Low(i - 1) == "v" || tv_.Low(i - 1) == "ver")) {
      a->code = true;
      return true;
    }
    // "Firefox 1.0", "Python 3.12": a short decimal after a name is a version, like "Windows 7".
    std::string_view digits_raw = tv_.Raw(i);
    size_t dot = digits_raw.find('.');
    bool version_like = dot != std::string_view::npos && dot >= 1 && dot <= 2 && digits_raw.size() - dot - 1 >= 1 &&
                        digits_raw.size() - dot - 1 <= 2 && digits_raw.find(',') == std::string_view::npos;
    // "a 1.0 version", "the upcoming 2.0 release".
    if (version_like && tv_.IsWord(i + 1)) {
      std::string_view next = tv_.Low(i + 1);
      if (next == "version" || next == "release" || next == "beta" || next == "edition" || next == "build") {
        a->code = true;
        return true;
      }
    }
    if (!title_case_ && i >= 1 && tv_.IsWord(i - 1) && (tv_.Capitalized(i - 1) || MixedCase(tv_.Raw(i - 1))) &&
        (a->plain_integer || version_like) &&
        a->int_digits <= 4 && !a->scaled && !CanPrecedeFigure(lex_, tv_, i - 1) &&
        !tv_.Attached(i)) {
      size_t len = 0;
      const UnitEntry* after = lex_.MatchUnit(tv_, a->end, /*prefix=*/false, &len);
      // ("Firefox 1.0 in November": a spaced "in" is no inch.)
      bool unit_follows = after && !(after->ambiguous && !tv_.Attached(a->end));
      bool counted_follows = tv_.IsWord(a->end) && !tv_.Capitalized(a->end) &&
                             lex_.ConceptFor(tv_.Low(a->end)) != nullptr;
      if (!unit_follows && !counted_follows) {
        a->code = true;
        // "beat Charlton 2-1": the score after a name is one code.
        while (tv_.IsPunct(a->end, '-') && tv_.Raw(a->end).size() == 1 && tv_.Attached(a->end) &&
               tv_.IsNumber(a->end + 1) && tv_.Attached(a->end + 1)) {
          a->end += 2;
        }
        return true;
      }
    }
    // "COVID -19 tests": a minus glued to a plain figure after an acronym is a hyphen
    // written with a space, and the whole a name.
    if (GluedMinus(i) && i >= 2 && a->plain_integer && tv_.IsWord(i - 2) && tv_.Raw(i - 2).size() >= 2 &&
        std::all_of(tv_.Raw(i - 2).begin(), tv_.Raw(i - 2).end(), [](char c) { return IsAsciiUpper(c); })) {
      size_t len = 0;
      if (!lex_.MatchUnit(tv_, a->end, /*prefix=*/false, &len)) {
        a->code = true;
        return true;
      }
    }
    // Sign: "-20" with a space before the minus, or "minus 20".
    if (GluedMinus(i)) {
      a->negative = true;
      a->begin = i - 1;
    } else if (i >= 1 && tv_.Is(i - 1, "minus")) {
      a->negative = true;
      a->begin = i - 1;
    }
    if (a->negative) a->value = -a->value;
    // "40 000", "1 234 567.89": thousands separated by spaces (a narrow no-break space
    // becomes a space when normalised). Only three-digit groups after a short first group.
    if (a->plain_integer && a->end == i + 1 && a->int_digits <= 3 && !tv_.Attached(i + 1) &&
        IsThousandsGroup(i + 1)) {
      std::string joined(raw);
      size_t j = i + 1;
      while (IsThousandsGroup(j) && !tv_.Attached(j)) {
        joined += tv_.Raw(j);
        ++j;
      }
      double v = 0, g = 1;
      int digits = 0;
      bool plain = false;
      if (ParseDigits(joined, &v, &g, &digits, &plain)) {
        a->value = a->negative ? -v : v;
        a->granularity = g;
        a->int_digits = digits;
        a->plain_integer = false;
        a->end = j;
      }
    }
    return true;
  }

  // A signed exponent of at most three digits after a glued "^" at token j: "^23", "^-1",
  // "^+23". Returns the token after it, or 0.
  size_t Exponent(size_t j, int* e) const {
    if (!tv_.IsPunct(j, '^') || !tv_.Attached(j)) return 0;
    int sign = 1;
    size_t k = j + 1;
    if ((tv_.IsPunct(k, '-') || tv_.IsPunct(k, '+')) && tv_.Attached(k) && tv_.Raw(k).size() == 1) {
      sign = tv_.IsPunct(k, '-') ? -1 : 1;
      ++k;
    }
    if (!tv_.IsNumber(k) || !tv_.Attached(k) || !AllDigits(tv_.Raw(k)) || tv_.Raw(k).size() > 3) return 0;
    *e = sign * std::atoi(std::string(tv_.Raw(k)).c_str());
    return k + 1;
  }

  // Powers: "1.1^23", "2.5^-1", and scientific notation written with a times sign:
  // "1.3x10^6", "6.23 × 10^-4".
  bool Power(size_t i, NumberAtom* a) {
    int e = 0;
    size_t after = Exponent(i + 1, &e);
    double v = std::fabs(a->value);
    if (after) {
      v = std::pow(v, e);
    } else {
      size_t j = i + 1;
      bool times = tv_.IsTimesSign(j);
      if (tv_.Is(j, "x10") && tv_.Attached(j)) {
        after = Exponent(j + 1, &e);  // "1.3x10^6" is one word after the figure
      } else if (times && tv_.IsNumber(j + 1) && tv_.Raw(j + 1) == "10") {
        after = Exponent(j + 2, &e);
      }
      if (!after) return false;
      double p10 = std::pow(10.0, std::abs(e));
      v = e < 0 ? v / p10 : v * p10;
    }
    if (!std::isfinite(v)) return false;
    a->value = v;
    a->granularity = 0;
    a->plain_integer = false;
    a->end = after;
    if (GluedMinus(i)) Negate(i, a);
    return true;
  }

  // A minus sign glued to the figure at token i, with a space before it: "-20", not "2-1".
  bool GluedMinus(size_t i) const {
    if (i < 1 || !tv_.IsPunct(i - 1, '-') || tv_.Raw(i - 1).size() != 1 || !tv_.Attached(i)) return false;
    if (!tv_.Attached(i - 1)) return true;
    // "<-30", "(-4)", "=-5": a sign after a bracket or a comparison sign.
    return i >= 2 && (tv_.IsPunct(i - 2, '<') || tv_.IsPunct(i - 2, '>') || tv_.IsPunct(i - 2, '=') ||
                      tv_.IsPunct(i - 2, '(') || tv_.IsPunct(i - 2, '~'));
  }

  // The figure starting at token i takes the minus before it.
  static void Negate(size_t i, NumberAtom* a) {
    a->value = -a->value;
    a->negative = true;
    a->begin = i - 1;
  }

  // After "4 thousand": "3 hundred and 21" more, written in digits and scale words.
  // "and" joins only after "hundred" ("5 million and 3 children" are two figures).
  void AddLowerOrders(NumberAtom* a, double last_scale) {
    size_t k = a->end;
    while (true) {
      bool and_ = tv_.Is(k, "and");
      size_t m = and_ ? k + 1 : k;
      // After "and" digits join only "hundred" ("3 hundred and 21"); words also join a
      // larger scale, as they do in a figure written all in words ("6 crore and two
      // hundred", "1 million and fifty").
      if (and_ && last_scale != 100 && !tv_.IsWord(m)) return;
      double v = 0;
      size_t after = m;
      if (tv_.IsNumber(m) && AllDigits(tv_.Raw(m)) && tv_.Raw(m).size() <= 3) {
        v = std::atof(std::string(tv_.Raw(m)).c_str());
        after = m + 1;
      } else if (and_ && tv_.IsWord(m)) {
        if (!SmallWords(m, last_scale > 100, &v, &after)) return;
      } else {
        return;
      }
      const NumberWord* sc = tv_.IsWord(after) ? lex_.NumberWordFor(tv_.Low(after)) : nullptr;
      bool scale_after = sc && (sc->kind == NumberWordKind::kScale || sc->kind == NumberWordKind::kHundred) &&
                         sc->value < last_scale && !and_;
      if (scale_after) {
        a->value += (a->value < 0 ? -1 : 1) * v * sc->value;
        last_scale = sc->value;
        a->end = after + 1;
        k = a->end;
        continue;
      }
      // "3 hundred and 2 hundred" are two figures; "and 0" adds nothing, so it is one too.
      if (and_ && v < last_scale && v > 0 && !sc) {
        a->value += (a->value < 0 ? -1 : 1) * v;  // "3 hundred and 21"
        a->end = after;
        a->granularity = 1;
      }
      return;
    }
  }

  void ApplyScale(NumberAtom* a, double m) {
    a->value *= m;
    a->granularity *= m;
    // A scaled figure is as precise as its written digits: "2 million" -> 1 million step
    // is too coarse to be useful; keep at most a tenth of the value.
    if (a->granularity > std::fabs(a->value) / 10 && a->value != 0) {
      a->granularity = Pow10(static_cast<int>(std::floor(std::log10(std::fabs(a->value)))) - 1);
    }
    a->scaled = true;
    a->scale = m;
    a->plain_integer = false;
  }

  // Decimals read aloud after "and" at token k: a numerator below a hundred in words
  // ("fifty-four", "seven") and a plural power-of-ten denominator ("hundredths",
  // "tenths", "thousandths"). Sets the value and the token after it.
  bool DecimalAfterAnd(size_t k, double* value, size_t* after) const {
    double num = 0;
    const NumberWord* n = tv_.IsWord(k) ? lex_.NumberWordFor(tv_.Low(k)) : nullptr;
    if (!BelowHundred(n)) return false;
    num = n->value;
    ++k;
    if (n->kind == NumberWordKind::kTens) {
      size_t u = tv_.IsPunct(k, '-') && tv_.Attached(k) ? k + 1 : k;
      const NumberWord* d = tv_.IsWord(u) ? lex_.NumberWordFor(tv_.Low(u)) : nullptr;
      if (d && d->kind == NumberWordKind::kDigit) {
        num += d->value;
        k = u + 1;
      }
    }
    const NumberWord* den = tv_.IsWord(k) ? lex_.NumberWordFor(tv_.Low(k)) : nullptr;
    if (!den || den->kind != NumberWordKind::kFraction || tv_.Low(k).back() != 's' ||
        !(den->value == 10 || den->value == 100 || den->value == 1000) || num >= den->value || num == 1) {
      return false;
    }
    if (value) *value = num / den->value;
    if (after) *after = k + 1;
    return true;
  }

  // A number below a thousand in words at token m: "twenty-one", "fifty five", and with
  // `hundreds` also "two hundred", "two hundred and six". Sets the value and the token after.
  bool SmallWords(size_t m, bool hundreds, double* v, size_t* after) const {
    auto below_hundred = [&](size_t t, double* out, size_t* next) {
      const NumberWord* n = tv_.IsWord(t) ? lex_.NumberWordFor(tv_.Low(t)) : nullptr;
      if (!BelowHundred(n)) return false;
      *out = n->value;
      *next = t + 1;
      if (n->kind == NumberWordKind::kTens) {
        size_t u = tv_.IsPunct(t + 1, '-') && tv_.Attached(t + 1) && tv_.Attached(t + 2) ? t + 2 : t + 1;
        const NumberWord* d = tv_.IsWord(u) ? lex_.NumberWordFor(tv_.Low(u)) : nullptr;
        if (d && d->kind == NumberWordKind::kDigit && d->value > 0) {
          *out += d->value;
          *next = u + 1;
        }
      }
      return true;
    };
    if (!below_hundred(m, v, after)) return false;
    if (hundreds && *v < 10 && tv_.Is(*after, "hundred")) {
      *v *= 100;
      ++*after;
      double rest = 0;
      size_t next = 0;
      if (tv_.Is(*after, "and") && below_hundred(*after + 1, &rest, &next)) {
        *v += rest;
        *after = next;
      }
    }
    return true;
  }

  // A word for a number from one to ninety-nine on its own: "seven", "fifteen", "fifty".
  static bool BelowHundred(const NumberWord* n) {
    return n && (n->kind == NumberWordKind::kDigit || n->kind == NumberWordKind::kTeen ||
                 n->kind == NumberWordKind::kTens);
  }

  // "dozen", "dozens" and their abbreviations ("doz", "dzs") in the number lexicon.
  static bool IsDozen(const NumberWord* w) {
    return w && w->value == 12 && (w->kind == NumberWordKind::kCount || w->kind == NumberWordKind::kVague);
  }

  // Token i is a hyphen with spaces on both sides, followed by a number word of `kind`.
  bool SpacedHyphenBefore(size_t i, NumberWordKind kind) const {
    if (!tv_.IsPunct(i, '-') || tv_.Raw(i).size() != 1 || tv_.Attached(i) || tv_.Attached(i + 1) || !tv_.IsWord(i + 1)) {
      return false;
    }
    const NumberWord* n = lex_.NumberWordFor(tv_.Low(i + 1));
    return n && n->kind == kind;
  }

  // Token i is an ordinal or fraction word from "first" to "ninth" (not "second", a unit
  // of time, nor "half" or "quarter", which are not ordinals).
  bool UnitOrdinal(size_t i) const {
    if (!tv_.IsWord(i)) return false;
    std::string_view w = tv_.Low(i);
    const NumberWord* n = lex_.NumberWordFor(w);
    return n && (n->kind == NumberWordKind::kOrdinal || n->kind == NumberWordKind::kFraction) && n->value >= 1 &&
           n->value <= 9 && w != "second" && w != "seconds" && w != "half" && w != "halves" && w != "quarter" &&
           w != "quarters";
  }

  // Token i is a noun that an ordinal ranks ("a twentieth anniversary", "a twelfth
  // straight win"): the ordinal is then a rank, not a denominator.
  bool OrdinalNoun(size_t i) const {
    for (std::string_view w : {"century", "anniversary", "birthday", "time", "consecutive", "straight", "successive",
                               "season", "round", "minute", "day", "year", "place", "term", "title", "goal"}) {
      if (tv_.Is(i, w)) return true;
    }
    return false;
  }

  // The ordinal at token i agrees in number with the numerator: "one fifth", "two fifths".
  bool Denominates(double num, size_t i) const {
    bool plural = tv_.Low(i).back() == 's';
    return num == 1 ? !plural : plural;
  }

  static bool SetFraction(NumberAtom* a, double num, double den, size_t end) {
    a->value = (a->negative ? -num : num) / den;
    a->fraction = true;
    a->granularity = 0.01;
    a->end = end;
    return true;
  }

  // Spelled-out numbers, fractions and ordinals starting at word token i.
  bool Words(size_t i, NumberAtom* a) {
    std::string_view w0 = tv_.Low(i);
    const NumberWord* first = lex_.NumberWordFor(w0);
    bool article = (w0 == "a" || w0 == "an");
    // "sixfold", "tenfold": a multiplier written as one word.
    if (!first && w0.size() > 4 && EndsWith(w0, "fold")) {
      const NumberWord* n = lex_.NumberWordFor(std::string_view(w0).substr(0, w0.size() - 4));
      if (n && (n->kind == NumberWordKind::kDigit || n->kind == NumberWordKind::kTeen ||
                n->kind == NumberWordKind::kTens || n->kind == NumberWordKind::kHundred)) {
        a->begin = i;
        a->end = i + 1;
        a->words = true;
        a->value = n->value;
        a->fold = true;
        return true;
      }
    }
    // "multi-billion dollar deals", "a multi million pound contract": more than one of the
    // scale, vague as "billions" is ("multibillion" is that word in the lexicon).
    if (!first && w0 == "multi") {
      size_t k = tv_.IsPunct(i + 1, '-') && tv_.Attached(i + 1) && tv_.Attached(i + 2) ? i + 2 : i + 1;
      const NumberWord* scale = tv_.IsWord(k) ? lex_.NumberWordFor(tv_.Low(k)) : nullptr;
      if (scale && scale->kind == NumberWordKind::kScale) {
        a->begin = i;
        a->end = k + 1;
        a->words = true;
        a->value = scale->value;
        a->vague_high = scale->value * 10;
        a->granularity = scale->value;
        return true;
      }
    }
    if (!first && !article && w0 != "half") return false;
    // "at half time", "half-term", "his half-brother": names, not a share.
    if (w0 == "half") {
      size_t n = tv_.IsPunct(i + 1, '-') && tv_.Attached(i + 1) ? i + 2 : i + 1;
      for (std::string_view w : {"time", "term", "brother", "sister", "brothers", "sisters"}) {
        if (tv_.Is(n, w)) return false;
      }
    }
    // "BBC One", "Formula One", "Kick Six": a capitalised number word after a capitalised
    // word is part of a name.
    if (first && i >= 1 && tv_.Capitalized(i) && tv_.IsWord(i - 1) && tv_.Capitalized(i - 1) &&
        !title_case_ && !CanPrecedeFigure(lex_, tv_, i - 1)) {
      a->begin = i;
      a->end = i + 1;
      a->code = true;
      return true;
    }
    // "the same one", "get their hands on one": the pronoun, not the number.
    if (w0 == "one" && i >= 1 && tv_.IsWord(i - 1)) {
      static const char* kPronounBefore[] = {"same", "the", "this", "that", "any", "every", "each",
                                             "which", "on", "another", "new", "right", "wrong", "no"};
      for (const char* w : kPronounBefore) {
        if (tv_.Low(i - 1) == w && !(tv_.IsWord(i + 1) && lex_.ClassOf(tv_.Low(i + 1)) == WordClass::kNone &&
                                     !tv_.Is(i + 1, "of"))) {
          return false;
        }
      }
    }
    // "thousands of people", "tens of thousands", "hundreds of millions of dollars".
    if (first && first->kind == NumberWordKind::kVague) {
      double low = first->value;
      size_t end = i + 1;
      if (tv_.Is(end, "of") && tv_.IsWord(end + 1)) {
        const NumberWord* more = lex_.NumberWordFor(tv_.Low(end + 1));
        if (more && more->kind == NumberWordKind::kVague && more->value > low) {
          low *= more->value;
          end += 2;
        }
      }
      // "tens" alone is not a figure ("tens of people" is rare; "the tens" is a digit).
      if (low == 10 && end == i + 1) return false;
      a->begin = i;
      a->end = end;
      a->words = true;
      a->value = low;
      a->vague_high = low * 10;
      a->granularity = low;
      return true;
    }
    a->begin = i;
    a->words = true;

    // Fractions: "one-fifth", "two thirds", "a third", "a quarter", "half".
    {
      size_t j = i;
      double num = 1;
      bool have_num = false;
      if (article) {
        j = i + 1;
        have_num = true;
      } else if (BelowHundred(first)) {
        num = first->value;
        j = i + 1;
        have_num = true;
      }
      // "one - fourth", "three - fifths": a transcript's spaced hyphen (not "five - second").
      bool spaced = SpacedHyphenBefore(j, NumberWordKind::kFraction) ||
                    (SpacedHyphenBefore(j, NumberWordKind::kOrdinal) && lex_.NumberWordFor(tv_.Low(j + 1))->value >= 3);
      bool hyphen = have_num && tv_.IsPunct(j, '-') && (tv_.Attached(j) || spaced);
      if (hyphen) ++j;
      if (tv_.IsWord(j)) {
        const NumberWord* d = lex_.NumberWordFor(tv_.Low(j));
        // "one fourth of", "one sixth of": an ordinal after a spelled-out numerator and
        // before "of" is a denominator.
        bool ordinal_denominator = d && d->kind == NumberWordKind::kOrdinal && have_num && !article &&
                                   d->value >= 3 && d->value <= 10 && (tv_.Is(j + 1, "of") || (hyphen && spaced));
        // "a twentieth of", "a thirtieth": an ordinal above ten after "a" (not "a
        // twentieth-century house").
        if (d && d->kind == NumberWordKind::kOrdinal && article && d->value > 10 && tv_.Low(j).back() != 's' &&
            !(tv_.IsPunct(j + 1, '-') && tv_.Attached(j + 1)) && !OrdinalNoun(j + 1)) {
          return SetFraction(a, 1, d->value, j + 1);
        }
        // "half million", "quarter million": a bare fraction word before a scale word.
        bool before_scale = false;
        if (tv_.IsWord(j + 1)) {
          const NumberWord* sc = lex_.NumberWordFor(tv_.Low(j + 1));
          before_scale = sc && sc->kind == NumberWordKind::kScale;
        }
        if (d && (d->kind == NumberWordKind::kFraction || ordinal_denominator) &&
            (have_num || tv_.Low(j) == "half" || (tv_.Low(j) == "quarter" && before_scale))) {
          bool plural = !tv_.Low(j).empty() && tv_.Low(j).back() == 's';
          // "a fifth", "one fifth" but not "the fifth" (ordinal, no numerator) and not
          // "two fifth" (must be plural when the numerator is above one).
          if (num == 1 || plural) {
            a->value = num / d->value;
            a->fraction = true;
            a->granularity = 0.01;
            a->end = j + 1;
            // "half a million", "a quarter of a million"
            // The fraction of a scale word: a whole amount, no longer a share.
            auto of_scale = [&](const NumberWord* sc, size_t end) {
              a->value *= sc->value;
              a->fraction = false;
              a->scaled = true;
              a->granularity = sc->value / 10;
              a->end = end;
            };
            size_t k = a->end;
            if (before_scale && !tv_.Is(k, "of")) {
              of_scale(lex_.NumberWordFor(tv_.Low(k)), k + 1);  // "half million"
              return true;
            }
            if (tv_.Is(k, "of")) ++k;
            if (tv_.Is(k, "a") || tv_.Is(k, "an")) {
              const NumberWord* s = tv_.IsWord(k + 1) ? lex_.NumberWordFor(tv_.Low(k + 1)) : nullptr;
              if (s && (s->kind == NumberWordKind::kScale || tv_.Low(k + 1) == "dozen")) of_scale(s, k + 2);
            }
            return true;
          }
        }
      }
    }
    if (article) {
      // "a million", "a hundred", "a dozen"; otherwise "a" is just an article.
      const NumberWord* n = tv_.IsWord(i + 1) ? lex_.NumberWordFor(tv_.Low(i + 1)) : nullptr;
      // "a twenty-fifth of the vote" is one twenty-fifth; "a twenty-first birthday" and
      // "a twenty-first-century problem" are ordinals.
      if (n && n->kind == NumberWordKind::kTens) {
        size_t u = i + 2;
        if (tv_.IsPunct(u, '-') && tv_.Attached(u) && tv_.Attached(u + 1)) ++u;
        if (UnitOrdinal(u) && Denominates(1, u) && !OrdinalNoun(u + 1) &&
            !(tv_.IsPunct(u + 1, '-') && tv_.Attached(u + 1))) {
          a->begin = i;
          a->words = true;
          return SetFraction(a, 1, n->value + lex_.NumberWordFor(tv_.Low(u))->value, u + 1);
        }
      }
      if (!n || !(n->kind == NumberWordKind::kScale || n->kind == NumberWordKind::kHundred ||
                  n->kind == NumberWordKind::kCount)) {
        return false;
      }
    } else if (!first) {
      return false;
    }
    if (first && first->kind == NumberWordKind::kOrdinal) {
      if (w0 == "last") return false;
      a->ordinal = true;
      a->end = i + 1;
      return true;
    }
    if (first && first->kind == NumberWordKind::kFraction) {
      // "third", "fifth" without a numerator are ordinals ("the third day").
      if (w0 == "half" || w0 == "quarter" || w0 == "quarters" || w0 == "halves") return false;
      a->ordinal = true;
      a->end = i + 1;
      return true;
    }

    // "the score was 2-1": "score" is twenty only as "a score of", "three score".
    if (w0 == "score" && !article && !tv_.Is(i + 1, "of")) return false;

    // "minus five", "negative ten": the sign in words.
    if (i >= 1 && (tv_.Is(i - 1, "minus") || tv_.Is(i - 1, "negative"))) {
      a->negative = true;
      a->begin = i - 1;
    }
    // Cardinal numbers: "forty-six thousand", "one hundred and five", "two million".
    double total = 0, cur = 0, last_scale = 1;
    NumberWordKind last = NumberWordKind::kOrdinal;  // "nothing yet"
    size_t j = i;
    size_t end = i;
    if (article) {
      cur = 1;
      j = i + 1;
    }
    bool any = false;
    // The last tens word read, for denominators such as "thirty-fifths".
    size_t tens_tok = tv_.size();
    double tens_val = 0;
    bool tens_after_and = false;
    while (j < tv_.size()) {
      if (tv_.IsPunct(j, '-') && tv_.Attached(j) && any && tv_.IsWord(j + 1) && tv_.Attached(j + 1)) {
        ++j;
        continue;
      }
      // "fifty - two", as transcripts space it.
      if (last == NumberWordKind::kTens && SpacedHyphenBefore(j, NumberWordKind::kDigit)) {
        ++j;
        continue;
      }
      if (tv_.Is(j, "and") && any &&
          (last == NumberWordKind::kHundred || last == NumberWordKind::kScale) && tv_.IsWord(j + 1)) {
        const NumberWord* n = lex_.NumberWordFor(tv_.Low(j + 1));
        // "six million and two thirds": the words after "and" are a fraction of the
        // whole, read below, not more units.
        const NumberWord* after = tv_.IsWord(j + 2) ? lex_.NumberWordFor(tv_.Low(j + 2)) : nullptr;
        bool fraction_follows = (n && n->kind == NumberWordKind::kDigit && after &&
                                 (after->kind == NumberWordKind::kFraction ||
                                  (after->kind == NumberWordKind::kOrdinal && tv_.Low(j + 2).back() == 's'))) ||
                                DecimalAfterAnd(j + 1, nullptr, nullptr);
        if (!fraction_follows && BelowHundred(n)) {
          ++j;
          continue;
        }
        break;
      }
      if (!tv_.IsWord(j)) break;
      const NumberWord* n = lex_.NumberWordFor(tv_.Low(j));
      if (!n) break;
      if (any && IsDozen(n) && tv_.Low(j).back() == 's') {
        // "three dozens": a count, not "dozens of"; "three hundred and two dozens" is 300
        // and two dozen.
        double below = std::fmod(cur, 100);
        cur = cur == 0 ? n->value : below > 0 ? cur - below + below * n->value : cur * n->value;
        last = NumberWordKind::kCount;
        end = ++j;
        break;
      }
      bool small_last = last == NumberWordKind::kDigit || last == NumberWordKind::kTeen;
      // "five hundreds", "two millions": after a cardinal a plural scale multiplies it as
      // the singular does ("hundreds" alone is vague). "The nineteen hundreds" is a century.
      NumberWord as_scale;
      if (any && n->kind == NumberWordKind::kVague && n->value >= 100 && j == end &&
          (small_last || last == NumberWordKind::kTens) && !(i >= 1 && tv_.Is(i - 1, "the")) &&
          !StartsWith(tv_.Low(j), "multi")) {
        as_scale.value = n->value;
        as_scale.kind = n->value == 100 ? NumberWordKind::kHundred : NumberWordKind::kScale;
        n = &as_scale;
      }
      if (n->kind == NumberWordKind::kDigit || n->kind == NumberWordKind::kTeen) {
        if (any && (small_last || (last == NumberWordKind::kTens && n->kind == NumberWordKind::kTeen))) break;
        cur += n->value;
      } else if (n->kind == NumberWordKind::kTens) {
        if (any && (small_last || last == NumberWordKind::kTens)) break;
        cur += n->value;
        tens_tok = j;
        tens_val = n->value;
        tens_after_and = j >= 1 && tv_.Is(j - 1, "and");
      } else if (n->kind == NumberWordKind::kHundred) {
        if (last == NumberWordKind::kHundred) break;
        cur = (cur == 0 ? 1 : cur) * n->value;
      } else if (n->kind == NumberWordKind::kScale) {
        if (last == NumberWordKind::kScale && n->value > last_scale) {
          total = (total + cur) * n->value;  // "three lakh crore": three lakh crores
        } else {
          total += (cur == 0 ? 1 : cur) * n->value;
        }
        cur = 0;
        last_scale = n->value;
      } else if (n->kind == NumberWordKind::kCount) {
        if (tv_.Low(j).back() == 's') break;  // "dozens" is vague
        cur = (cur == 0 ? 1 : cur) * n->value;
      } else {
        if (last == NumberWordKind::kTens && j >= 1 && tv_.IsPunct(j - 1, '-') && tv_.Attached(j) &&
            (n->kind == NumberWordKind::kOrdinal || n->kind == NumberWordKind::kFraction)) {
          // "one hundred thirty-fifths": the numerator before the tens word, over 35.
          double num = total + cur - tens_val;
          if (num > 0 && UnitOrdinal(j) && Denominates(num, j)) {
            return SetFraction(a, num, tens_val + n->value, j + 1);
          }
          a->ordinal = true;  // "twenty-third", "twenty-fifth"
          a->end = j + 1;
          return true;
        }
        break;  // ordinal or fraction after a cardinal: stop before it
      }
      last = n->kind;
      any = true;
      ++j;
      end = j;
    }
    if (!any) return false;
    a->value = (total + cur) * (a->negative ? -1 : 1);
    a->end = end;
    // A denominator after a spelled-out numerator (smaller ones are read by the fraction
    // rule above): "twenty-three fifths", "a hundred trillionths", "one twenty-fifth",
    // "three twenty firsts". A tens word just before a unit ordinal belongs to the
    // denominator ("one hundred thirty fifths" is 100/35) unless "and" ties it to the
    // numerator ("one hundred and thirty fifths" is 130/5).
    // Ordinals end in -th, -st, -nd, -rd (and -s), tens words in -y: most words after a
    // figure need no look-up.
    std::string_view next = tv_.IsWord(end) ? tv_.Low(end) : std::string_view();
    char tail = next.empty() ? 0 : next.back();
    if (tail == 'h' || tail == 's' || tail == 't' || tail == 'd' || tail == 'y') {
      double num = total + cur;
      const NumberWord* d = lex_.NumberWordFor(next);
      if (d && d->kind == NumberWordKind::kTens) {
        size_t u = end + 1;
        if (tv_.IsPunct(u, '-') && tv_.Attached(u)) ++u;
        if (UnitOrdinal(u) && Denominates(num, u) && !OrdinalNoun(u + 1)) {
          return SetFraction(a, num, d->value + lex_.NumberWordFor(tv_.Low(u))->value, u + 1);
        }
      } else if (d && (d->kind == NumberWordKind::kFraction || d->kind == NumberWordKind::kOrdinal) &&
                 d->value >= 3 && Denominates(num, end) && (num > 1 || d->value > 10) && !OrdinalNoun(end + 1)) {
        double den = d->value;
        if (UnitOrdinal(end) && last == NumberWordKind::kTens && tens_tok + 1 == end && !tens_after_and &&
            num - tens_val > 0 && Denominates(num - tens_val, end)) {
          num -= tens_val;
          den += tens_val;
        }
        return SetFraction(a, num, den, end + 1);
      }
    }
    // "two and a half million", "one and a half", "forty two and a third", "three and one
    // fourth", "3 million and a half" (a half of the last scale word).
    // "two and fifty-four hundredths": decimals read aloud after "and".
    double decimals = 0;
    if (size_t after = 0; tv_.Is(a->end, "and") && DecimalAfterAnd(a->end + 1, &decimals, &after)) {
      a->value += a->negative ? -decimals : decimals;
      a->granularity = 0.01;
      a->end = after;
    } else if (tv_.Is(a->end, "and") && tv_.IsWord(a->end + 1)) {
      size_t k = a->end + 1;
      double num = 0;
      if (tv_.Is(k, "a") || tv_.Is(k, "an")) {
        num = 1;
      } else if (const NumberWord* n = lex_.NumberWordFor(tv_.Low(k)); n && n->kind == NumberWordKind::kDigit) {
        num = n->value;
      }
      const NumberWord* d = num > 0 && tv_.IsWord(k + 1) ? lex_.NumberWordFor(tv_.Low(k + 1)) : nullptr;
      bool plural = d && tv_.Low(k + 1).back() == 's';
      bool denominator = d && (d->kind == NumberWordKind::kFraction ||
                               (d->kind == NumberWordKind::kOrdinal && d->value >= 3)) &&
                         (num == 1 ? !plural : plural) && num < d->value;
      if (denominator) {
        double frac = num / d->value;
        double whole = a->value * (a->negative ? -1 : 1);
        double unit = last == NumberWordKind::kScale ? last_scale : 1;
        double v = whole + frac * unit;
        k += 2;
        const NumberWord* s = tv_.IsWord(k) ? lex_.NumberWordFor(tv_.Low(k)) : nullptr;
        if (unit == 1 && s && s->kind == NumberWordKind::kScale && whole < 1000) {
          v *= s->value;
          ++k;
        } else if (unit > 1 && s && s->kind == NumberWordKind::kScale && s->value < unit) {
          v = whole + frac * s->value;  // "one billion and a half million"
          ++k;
        }
        a->value = a->negative ? -v : v;
        a->end = k;
      }
    }
    // "five point five", "nine point nought four": decimals spelled out digit by digit.
    if (tv_.Is(a->end, "point") && last != NumberWordKind::kScale) {
      size_t k = a->end + 1;
      std::string digits;
      while (tv_.IsWord(k)) {
        const NumberWord* n = lex_.NumberWordFor(tv_.Low(k));
        if (!n) break;
        if (digits.empty() && (n->kind == NumberWordKind::kTens || n->kind == NumberWordKind::kTeen)) {
          // "point seventy-one", "point fifteen": the decimals read as one number.
          int v = static_cast<int>(n->value);
          ++k;
          if (n->kind == NumberWordKind::kTens) {
            size_t m = k;
            if (tv_.IsPunct(m, '-') && tv_.Attached(m)) ++m;
            const NumberWord* u = tv_.IsWord(m) ? lex_.NumberWordFor(tv_.Low(m)) : nullptr;
            if (u && u->kind == NumberWordKind::kDigit && u->value > 0) {
              v += static_cast<int>(u->value);
              k = m + 1;
            }
          }
          digits = std::to_string(v);
          break;
        }
        if (n->kind != NumberWordKind::kDigit) break;
        digits += static_cast<char>('0' + static_cast<int>(n->value));
        ++k;
      }
      if (!digits.empty()) {
        double frac = std::strtod(("0." + digits).c_str(), nullptr);
        a->value += a->value < 0 ? -frac : frac;
        a->end = k;
        a->granularity = Pow10(-static_cast<int>(digits.size()));
        a->int_digits = 0;
        return true;
      }
    }
    a->granularity = IntegerGranularity(a->value);
    a->int_digits = 0;
    return true;
  }

  const TokenView& tv_;
  const Lexicon& lex_;
  bool title_case_;
};

}  // namespace

bool IsOrdinalSuffix(std::string_view lower) {
  return lower == "st" || lower == "nd" || lower == "rd" || lower == "th";
}

bool ParseDigits(std::string_view s, double* value, double* granularity, int* int_digits,
                 bool* plain_integer) {
  std::vector<std::string_view> groups;
  std::string seps;
  size_t start = 0;
  for (size_t k = 0; k < s.size(); ++k) {
    if (s[k] == ',' || s[k] == '.') {
      groups.push_back(s.substr(start, k - start));
      seps.push_back(s[k]);
      start = k + 1;
    }
  }
  groups.push_back(s.substr(start));
  for (size_t k = 0; k < groups.size(); ++k) {
    // Only the integer part may be empty, as in ".08".
    if (!AllDigits(groups[k]) && !(k == 0 && groups[k].empty() && groups.size() > 1)) return false;
  }
  std::string digits;   // integer part without separators
  std::string decimals;
  if (seps.empty()) {
    digits = std::string(s);
  } else {
    size_t commas = std::count(seps.begin(), seps.end(), ','),
           dots = std::count(seps.begin(), seps.end(), '.');
    auto thousands_ok = [&](size_t upto) {  // groups[1..upto) have three digits
      if (groups[0].empty() || groups[0].size() > 3) return false;
      if (groups[0].size() > 1 && groups[0][0] == '0') return false;
      bool western = true;
      for (size_t k = 1; k < upto; ++k) western = western && groups[k].size() == 3;
      if (western) return true;
      // Indian grouping: "12,34,567", "1,00,000" (lakh), "6,50,00,000" (crore).
      if (upto < 3 || groups[0].size() > 2 || groups[upto - 1].size() != 3) return false;
      for (size_t k = 1; k + 1 < upto; ++k) {
        if (groups[k].size() != 2) return false;
      }
      return true;
    };
    if (commas && dots) {
      char dec = seps.back();
      char thou = dec == '.' ? ',' : '.';
      for (size_t k = 0; k + 1 < seps.size(); ++k) {
        if (seps[k] != thou) return false;
      }
      if (!thousands_ok(groups.size() - 1)) return false;
      for (size_t k = 0; k + 1 < groups.size(); ++k) digits += groups[k];
      decimals = std::string(groups.back());
    } else if (commas) {
      if (commas == 1 && groups[1].size() != 3) {
        digits = std::string(groups[0]);  // decimal comma: "3,5"
        decimals = std::string(groups[1]);
      } else if (thousands_ok(groups.size())) {
        for (std::string_view g : groups) digits += g;
      } else {
        return false;
      }
    } else {
      if (dots == 1) {
        digits = std::string(groups[0]);
        decimals = std::string(groups[1]);
      } else if (thousands_ok(groups.size())) {
        for (std::string_view g : groups) digits += g;
      } else {
        return false;
      }
    }
  }
  if (digits.empty()) digits = "0";
  std::string full = digits + (decimals.empty() ? "" : "." + decimals);
  *value = std::strtod(full.c_str(), nullptr);
  size_t lead = 0;
  while (lead + 1 < digits.size() && digits[lead] == '0') ++lead;
  *int_digits = static_cast<int>(digits.size() - lead);
  *plain_integer = seps.empty();
  *granularity = decimals.empty() ? IntegerGranularity(*value)
                                  : Pow10(-static_cast<int>(decimals.size()));
  return true;
}

std::vector<NumberAtom> FindNumbers(const TokenView& tv) { return NumberFinder(tv).Run(); }

}  // namespace corroborate::extract
