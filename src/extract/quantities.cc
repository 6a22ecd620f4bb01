// Assembles figures into quantities: currency and units, ranges, qualifiers and changes,
// and drops what is not a quantity (years, days of the month, ordinals, codes).
#include <algorithm>
#include <cmath>

#include "corroborate/base/date.h"
#include "corroborate/base/strings.h"
#include "corroborate/extract/quantities.h"
#include "extract/lexicon.h"
#include "extract/numbers.h"
#include "extract/quantity_match.h"

namespace corroborate::extract {

const char* QualifierName(Qualifier q) {
  switch (q) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kApprox: return "approx";
    case Qualifier::kAtLeast: return "at_least";
    case Qualifier::kAtMost: return "at_most";
    case Qualifier::kRange: return "range";
  }
  return "exact";
}

const char* ChangeSymbol(Qualifier q, Change c) {
  // One symbol carries both readings; as in NewsQuant, a bound or approximation wins over
  // the direction ("climbed more than 3%" is ">"), and a range is "=".
  switch (q) {
    case Qualifier::kApprox: return "~";
    case Qualifier::kAtLeast: return ">";
    case Qualifier::kAtMost: return "<";
    case Qualifier::kRange: return "=";
    case Qualifier::kExact: break;
  }
  if (c == Change::kUp) return "up";
  if (c == Change::kDown) return "down";
  return "=";
}

const char* KindName(QuantityKind k) {
  switch (k) {
    case QuantityKind::kCount: return "count";
    case QuantityKind::kMoney: return "money";
    case QuantityKind::kPercent: return "percent";
    case QuantityKind::kTemperature: return "temperature";
    case QuantityKind::kMeasure: return "measure";
    case QuantityKind::kDuration: return "duration";
    case QuantityKind::kAge: return "age";
    case QuantityKind::kMultiplier: return "multiplier";
  }
  return "count";
}

double Quantity::Value() const {
  if (!IsOpen(low) && !IsOpen(high)) return (low + high) / 2;
  return IsOpen(low) ? high : low;
}

namespace {

// Lower-case ASCII letters only ("cent", "yen"; not "USD", "Euro").
bool AllLower(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

QuantityKind KindForDimension(const std::string& d) {
  if (d == "currency") return QuantityKind::kMoney;
  if (d == "percent" || d == "percent_point") return QuantityKind::kPercent;
  if (d == "temperature") return QuantityKind::kTemperature;
  if (d == "duration") return QuantityKind::kDuration;
  if (d == "age") return QuantityKind::kAge;
  if (d == "multiplier") return QuantityKind::kMultiplier;
  return QuantityKind::kMeasure;
}

// Words after which a four-digit figure is a year: "in 2022", "since 2014", "the 2022
// invasion", "mid-2025", "February 2025".
bool YearContextBefore(const TokenView& tv, size_t i) {
  if (i == 0) return false;
  std::string_view p = tv.Low(i - 1);
  static const char* kWords[] = {"in",    "since", "by",     "of",   "from", "until", "till",
                                 "before", "after", "during", "early", "late", "mid",  "the",
                                 "'s",    "spring", "summer", "autumn", "fall", "winter", "year",
                                 "through", "between", "and", "to", "-", "circa", "around",
                                 "season", "fiscal", "class", "election", "its", "this", "that"};
  for (const char* w : kWords) {
    if (p == w) return true;
  }
  // "30% lower than 1997": a comparative's "than" compares with a year's level.
  if (p == "than" && i >= 2 && tv.IsWord(i - 2)) {
    std::string_view c = tv.Low(i - 2);
    if (c.size() > 3 && EndsWith(c, "er") && c != "more" && c != "fewer" && c != "over" && c != "under" &&
        c != "greater") {
      return true;
    }
  }
  return MonthFromName(p) != 0 || tv.IsPunct(i - 1, ',') || tv.IsPunct(i - 1, '(');
}

class Assembler {
 public:
  explicit Assembler(const TokenView& tv) : tv_(tv), lex_(Lexicon::Get()) {}

  std::vector<QuantityMatch> Run() {
    atoms_ = FindNumbers(tv_);
    std::vector<QuantityMatch> out;
    std::vector<bool> consumed(atoms_.size(), false);
    for (size_t k = 0; k < atoms_.size(); ++k) {
      if (consumed[k] || atoms_[k].skip()) continue;
      // A figure inside the previous quantity's unit ("parts per million") is not another.
      if (!out.empty() && atoms_[k].begin < out.back().end) continue;
      QuantityMatch m;
      if (!Build(k, &m, &consumed)) continue;
      // "more than 100 and less than 300", "above 1000 but below 1500": one range.
      if (!out.empty() && MergesBounds(out.back(), m)) {
        QuantityMatch& p = out.back();
        bool lower_first = p.q.qualifier == Qualifier::kAtLeast;
        double lo = lower_first ? p.q.low : m.q.low, hi = lower_first ? m.q.high : p.q.high;
        p.q.qualifier = Qualifier::kRange;
        p.q.low = lo;
        p.q.high = hi;
        if (p.q.normalized_unit.empty()) {
          p.q.unit = m.q.unit;
          p.q.normalized_unit = m.q.normalized_unit;
          p.q.kind = m.q.kind;
        }
        p.end = m.end;
        p.value_end = m.value_end;
        p.q.span = tv_.SpanOf(p.begin, p.end);
        p.q.value_span = tv_.SpanOf(p.value_begin, p.value_end);
        continue;
      }
      // "lost 190 points, or 0.6%": the same change restated in another unit.
      if (!out.empty() && m.q.change == Change::kNone && m.begin >= 1 && tv_.Is(m.begin - 1, "or") &&
          m.begin <= out.back().end + 2 && out.back().q.change != Change::kNone) {
        m.q.change = out.back().q.change;
        m.q.change_named = out.back().q.change_named;
      }
      // "Ross was down 2.3%, Burlington by 2.6%": the verb left out of the next clause.
      if (!out.empty() && m.q.change == Change::kNone && m.begin >= 2 && tv_.Is(m.begin - 1, "by") &&
          m.begin <= out.back().end + 4 && out.back().q.change != Change::kNone && !out.back().q.change_named &&
          tv_.IsPunct(out.back().end, ',')) {
        bool verb = false;
        for (size_t t = out.back().end; t + 1 < m.begin; ++t) verb |= tv_.IsWord(t) && lex_.IsVerbForm(tv_.Low(t));
        if (!verb) {
          m.q.change = out.back().q.change;
          m.by_change = true;
        }
      }
      // "The S&P 500 rose 64.06 points to 4,577.10": an index level written bare after an
      // earlier figure in points is in points too.
      if (m.q.unit.empty() && m.q.normalized_unit.empty() && m.q.kind == QuantityKind::kCount && m.value_begin >= 1 &&
          (tv_.Is(m.value_begin - 1, "to") || tv_.Is(m.value_begin - 1, "at") || tv_.Is(m.value_begin - 1, "of")) &&
          tv_.Raw(m.value_begin).find_first_of(",.") != std::string_view::npos) {
        for (const QuantityMatch& earlier : out) {
          // A level above the move, or beside another index level.
          if (earlier.q.normalized_unit == "point" && (m.q.low > earlier.q.high || earlier.q.low >= 100)) {
            m.q.normalized_unit = earlier.q.normalized_unit;
            m.q.kind = earlier.q.kind;
            break;
          }
        }
      }
      // "more than 100 kilometers (60 miles)", "just under 296 hp (224 kW)": a conversion in
      // brackets is bounded as the figure it converts.
      if (!out.empty() && BracketedAfter(tv_, out.back(), m) &&
          m.q.qualifier == Qualifier::kExact && !m.q.unit.empty() && !out.back().q.unit.empty()) {
        const Quantity& prev = out.back().q;
        if (prev.qualifier == Qualifier::kApprox || prev.qualifier == Qualifier::kAtLeast ||
            prev.qualifier == Qualifier::kAtMost) {
          Bound(prev.qualifier, prev.lean, &m.q);
        }
        if (m.q.change == Change::kNone) m.q.change = prev.change;
      }
      out.push_back(std::move(m));
    }
    // "5, 10 and 15 percent", "rose to 5.5% from 4.2": a unit written once serves the
    // figures listed or compared with it. A figure with a noun after it counts that noun,
    // so only a figure followed by a function word, punctuation or nothing takes one.
    ShareElidedUnits(
        tv_, &out, [](const QuantityMatch& m) { return !m.q.normalized_unit.empty() && !m.q.fraction; },
        [&](const QuantityMatch& m) {
          return m.q.unit.empty() && m.q.normalized_unit.empty() && m.q.kind == QuantityKind::kCount &&
                 !m.q.fraction && !m.q.anaphoric && NothingNamedAfter(tv_, m.end);
        },
        [](const QuantityMatch& from, QuantityMatch* to) {
          to->q.unit = from.q.unit;
          to->q.normalized_unit = from.q.normalized_unit;
          to->q.kind = from.q.kind;
        });
    return out;
  }

 private:
  struct Side {
    NumberAtom atom;
    size_t begin = 0;  // including a currency prefix
    size_t end = 0;    // including a unit
    const UnitEntry* prefix_unit = nullptr;
    const UnitEntry* suffix_unit = nullptr;
    std::string unit_text;
  };

  // The longest unit of up to three tokens ending right before token b that `accept`
  // takes, as written before (`prefix`) or after a figure; sets its first token.
  template <typename Accept>
  const UnitEntry* UnitEndingAt(size_t b, bool prefix, Accept accept, size_t* start) const {
    for (size_t len = std::min<size_t>(3, b); len >= 1; --len) {
      size_t s = b - len;
      size_t n = 0;
      const UnitEntry* u = lex_.MatchUnit(tv_, s, prefix, &n);
      if (u && s + n == b && accept(*u)) {
        *start = s;
        return u;
      }
    }
    return nullptr;
  }

  // Currency or other prefix unit ending right before token b ("$", "US$", "Rs.").
  // Longest first: "HK $5" is Hong Kong dollars, not "$".
  const UnitEntry* PrefixUnit(size_t b, size_t* start) const {
    return UnitEndingAt(b, /*prefix=*/true, [](const UnitEntry&) { return true; }, start);
  }

  // "the temperature is 24 degrees", "30 degrees outside": the nearest cue word within six
  // words says whether bare degrees are a temperature or an angle (data/extract/degree_cues.tsv).
  bool TemperatureNear(size_t begin, size_t end) const {
    for (size_t d = 1; d <= 6; ++d) {
      int before = begin >= d && tv_.IsWord(begin - d) ? lex_.DegreeCue(tv_.Low(begin - d)) : 0;
      int after = end + d - 1 < tv_.size() && tv_.IsWord(end + d - 1) ? lex_.DegreeCue(tv_.Low(end + d - 1)) : 0;
      if (before < 0 || after < 0) return false;
      if (before > 0 || after > 0) return true;
    }
    return false;
  }

  // A currency named in words before a figure that has no unit of its own: "Rupees 500
  // crore", "at dollar 22.5 million". Not after a figure ("5 dollars 10"), an article or
  // a determiner or "per" ("the dollar 110 yen"), not a word that is also a verb ("who
  // won two"), a capitalised word inside a sentence ("Euro 96") or before a year ("Euro 2020").
  const UnitEntry* CurrencyWordBefore(const NumberAtom& a, size_t* start) const {
    if (a.plain_integer && a.int_digits == 4) return nullptr;
    size_t s = 0;
    const UnitEntry* u = UnitEndingAt(
        a.begin, /*prefix=*/false, [](const UnitEntry& e) { return e.dimension == "currency" && !e.case_sensitive; },
        &s);
    if (!u) return nullptr;
    for (size_t k = s; k < a.begin; ++k) {
      if (!tv_.IsWord(k) || !(AllLower(tv_.Raw(k)) || k == 0) || tv_.Raw(k).size() < 3 || lex_.IsVerbForm(tv_.Low(k))) {
        return nullptr;
      }
    }
    if (s >= 1 && (tv_.IsNumber(s - 1) || lex_.ClassOf(tv_.Low(s - 1)) == WordClass::kDet || tv_.Is(s - 1, "per"))) {
      return nullptr;
    }
    *start = s;
    return u;
  }

  // Unit after the figure; ambiguous units ("m", "in", "C") only when attached.
  const UnitEntry* SuffixUnit(size_t e, size_t* len) const {
    const UnitEntry* u = lex_.MatchUnit(tv_, e, /*prefix=*/false, len);
    // "a 10-mile stretch", "five-year plan": the unit glued on with a hyphen.
    if (!u && tv_.IsPunct(e, '-') && tv_.Raw(e).size() == 1 && tv_.Attached(e) && tv_.Attached(e + 1) &&
        tv_.IsWord(e + 1)) {
      u = lex_.MatchUnit(tv_, e + 1, /*prefix=*/false, len);
      // "a 12-cent dividend", "a one-yen bid": a currency named in lower-case words; not a
      // code or a capitalised word ("the 2-Euro Plaza").
      if (u && u->dimension == "currency" && !AllLower(tv_.Raw(e + 1))) u = nullptr;
      if (u) {
        ++*len;
        return u;
      }
    }
    // "20 (kg)", "20 [kg]", "20 <kg>": a unit symbol alone in brackets right after the figure.
    if (!u && e + 2 < tv_.size() &&
        (tv_.IsPunct(e, '(') || tv_.IsPunct(e, '[') || tv_.IsPunct(e, '{') || tv_.IsPunct(e, '<'))) {
      size_t n = 0;
      const UnitEntry* inner = lex_.MatchUnit(tv_, e + 1, /*prefix=*/false, &n);
      if (inner && inner->dimension != "currency" && e + 1 + n < tv_.size() && !tv_.IsWord(e + 1 + n) &&
          (tv_.IsPunct(e + 1 + n, ')') || tv_.IsPunct(e + 1 + n, ']') || tv_.IsPunct(e + 1 + n, '}') ||
           tv_.IsPunct(e + 1 + n, '>'))) {
        *len = n + 2;
        return inner;
      }
    }
    if (!u) return nullptr;
    // "1 $10 bill", "3 USD50 cards": a sign written against the next figure is its prefix;
    // so is a spaced one when that figure names the currency again in words ("1 $ 10
    // dollars bill"), but not when the same sign follows it ("10 $ 30 $").
    if (u->prefix && !tv_.Attached(e) && e + *len < tv_.size() && tv_.IsNumber(e + *len)) {
      size_t n = 0;
      const UnitEntry* again = lex_.MatchUnit(tv_, e + *len + 1, /*prefix=*/false, &n);
      if (tv_.Attached(e + *len) || (again && !again->prefix && again->canonical == u->canonical)) return nullptr;
    }
    if (u->ambiguous && !tv_.Attached(e) && !InDimensions(e, *len, u)) return nullptr;
    // A currency word after the figure must not be the start of a name ("5 Euro Plaza").
    return u;
  }

  // A spaced ambiguous symbol ("m", "in", "C") at token e, `len` tokens long, is a unit
  // only where the figures around it are measures of one kind: "2 m x 3 m", "1 m by 1 m",
  // "12 m 2 dm" (a compound length).
  bool InDimensions(size_t e, size_t len, const UnitEntry* u) const {
    auto unit_at = [&](size_t t) -> const UnitEntry* {
      size_t n = 0;
      return t < tv_.size() ? lex_.MatchUnit(tv_, t, /*prefix=*/false, &n) : nullptr;
    };
    auto times = [&](size_t t) { return tv_.IsTimesSign(t) || tv_.Is(t, "by"); };
    size_t next = e + len;
    if (times(next) && tv_.IsNumber(next + 1)) {
      const UnitEntry* v = unit_at(next + 2);
      return v && v->dimension == u->dimension;
    }
    if (tv_.IsNumber(next)) {
      const UnitEntry* v = unit_at(next + 1);
      if (v && v->dimension == u->dimension && !v->ambiguous && v->canonical != u->canonical) return true;
    }
    // The second side of "1 m x 1 m": the same symbol before the sign.
    size_t b = e;
    while (b > 0 && tv_.IsNumber(b - 1)) --b;
    if (b >= 2 && b < e && times(b - 1)) {
      const UnitEntry* v = unit_at(b - 2);
      return v && v->canonical == u->canonical && tv_.Raw(b - 2) == tv_.Raw(e);
    }
    return false;
  }

  Side MakeSide(const NumberAtom& a) const {
    Side s;
    s.atom = a;
    s.begin = a.begin;
    s.end = a.end;
    size_t start = 0;
    // "10 rmb 20 usd": a unit that can follow a figure belongs to the figure before it.
    size_t len = 0;
    const UnitEntry* suffix = SuffixUnit(a.end, &len);
    if (const UnitEntry* u = PrefixUnit(a.begin, &start);
        u && !(suffix && u->suffix && start >= 1 && tv_.IsNumber(start - 1))) {
      s.prefix_unit = u;
      s.begin = start;
      s.unit_text = std::string(tv_.TextOf(start, a.begin));
      if (u->multiplier != 1 && !s.atom.scaled) Scale(&s.atom, u->multiplier);  // "MAUD 60"
    } else if (const UnitEntry* w = suffix ? nullptr : CurrencyWordBefore(a, &start)) {
      s.prefix_unit = w;
      s.begin = start;
      s.unit_text = std::string(tv_.TextOf(start, a.begin));
    }
    if (const UnitEntry* u = suffix) {
      // A scale word may follow a currency code: "USD 5 million" is handled by the atom;
      // "5 million dollars" here.
      s.suffix_unit = u;
      s.end = a.end + len;
      if (s.unit_text.empty()) s.unit_text = std::string(tv_.TextOf(a.end, a.end + len));
      // "30 MUSD", "120 MEUR": a code that carries its own scale.
      if (u->multiplier != 1 && !s.atom.scaled) Scale(&s.atom, u->multiplier);
      // "75 USD million": the scale word after the code.
      const NumberWord* w = tv_.IsWord(s.end) ? lex_.NumberWordFor(tv_.Low(s.end)) : nullptr;
      if (u->dimension == "currency" && !s.atom.scaled && w && w->kind == NumberWordKind::kScale) {
        Scale(&s.atom, w->value);
        ++s.end;
      }
    }
    return s;
  }

  static void Scale(NumberAtom* a, double m) {
    a->value *= m;
    a->granularity *= m;
    a->scaled = true;
    a->plain_integer = false;
  }

  const UnitEntry* UnitOf(const Side& s) const {
    // A currency before the figure wins over a word after it ("$5 million pounds" is odd).
    if (s.prefix_unit) return s.prefix_unit;
    return s.suffix_unit;
  }

  // Index of the atom that starts at token t, directly or after a prefix unit ("to $10").
  int AtomAt(size_t t) const {
    size_t n = 0;
    const UnitEntry* u = lex_.MatchUnit(tv_, t, /*prefix=*/true, &n);
    for (size_t k = 0; k < atoms_.size(); ++k) {
      if (atoms_[k].skip()) continue;
      if (atoms_[k].begin == t || (u && atoms_[k].begin == t + n)) return static_cast<int>(k);
    }
    return -1;
  }

  // "combined", "digital", "physical", "rising": a word whose ending marks an adjective or
  // a participle, which may stand between a figure and the noun it counts.
  static bool LooksAdjectival(std::string_view w) {
    for (std::string_view end : {"ed", "ing", "al", "ic", "ive", "ous", "ful", "ble", "ary", "ant", "ent"}) {
      if (w.size() > end.size() + 2 && EndsWith(w, end)) return true;
    }
    return false;
  }

  // "puts the number of people in need at 1.8m", "paid 2.5m for the house": the clause
  // counts or pays, so a glued "m" is millions; "1.8m high" and "a 1.8m wall" stay metres.
  bool MillionContext(size_t b, size_t e) const {
    static const char* const kMeasure[] = {"high", "tall", "long", "deep", "wide", "away", "above", "below",
                                           "thick", "across"};
    if (tv_.IsWord(e)) {
      for (const char* w : kMeasure) {
        if (tv_.Is(e, w)) return false;
      }
    }
    static const char* const kPaid[] = {"paid", "pay", "pays", "cost", "costs", "raised", "raise", "spent",
                                        "spend", "earned", "earns", "worth", "fined", "valued", "budget"};
    for (size_t k = b; k-- > 0 && b - k <= 3;) {
      for (const char* w : kPaid) {
        if (tv_.Is(k, w)) return true;
      }
    }
    static const char* const kCount[] = {"number", "total", "toll", "population", "tally"};
    static const char* const kLength[] = {"height", "length", "depth", "width", "distance", "altitude",
                                          "elevation", "diameter", "radius", "jump", "throw", "tall"};
    bool count = false;
    for (size_t k = b; k-- > 0 && b - k <= 12;) {
      if (tv_.IsPunct(k, ';') || tv_.IsPunct(k, '.')) break;
      for (const char* w : kLength) {
        if (tv_.Is(k, w)) return false;
      }
      for (const char* w : kCount) {
        if (tv_.Is(k, w)) count = true;
      }
    }
    return count;
  }

  // Nothing after the figure at token e that could be its unit or counted noun: the end,
  // punctuation, "and", or a preposition ("died at 82 in Los Angeles").
  bool AloneInClause(size_t e) const {
    if (e >= tv_.size() || tv_.IsPunct(e, ',') || tv_.IsPunct(e, '.') || tv_.IsPunct(e, ';')) return true;
    if (!tv_.IsWord(e)) return false;
    // ("5 of 10", "5 for 10", "2 to 1", "3 out of 4" count something.)
    for (const char* w : {"of", "for", "per", "out", "to", "from", "by", "than"}) {
      if (tv_.Is(e, w)) return false;
    }
    return tv_.Is(e, "and") || lex_.ClassOf(tv_.Low(e)) == WordClass::kPrep;
  }

  bool IsYear(const Side& s) const {
    const NumberAtom& a = s.atom;
    if (!a.plain_integer || a.int_digits != 4 || a.negative) return false;
    if (a.value < 1000 || a.value > 2200) return false;
    if (s.prefix_unit || s.suffix_unit) return false;
    // "2000 people", "1500 troops": a plural noun after a figure makes it a count; within
    // the years people write about (1900-2100), only a word the lexicon knows does, since
    // "2018 sales" and "the 2020 elections" are years.
    bool recent = a.value >= 1900 && a.value <= 2100;
    size_t j = a.end;
    while (j < tv_.size() && tv_.IsWord(j) && !tv_.Capitalized(j) &&
           lex_.ClassOf(tv_.Low(j)) == WordClass::kNone && j < a.end + 3) {
      std::string_view w = tv_.Low(j);
      bool after_verb = a.begin >= 1 && tv_.IsWord(a.begin - 1) && lex_.IsVerbForm(tv_.Low(a.begin - 1));
      // (Only a plural counts: "the 1970 merger" and "a 2008 deal" are years.)
      bool plural = w.back() == 's' || IrregularPlural(w) || w == "police" || w == "personnel" || w == "staff" ||
                    w == "cattle" || w == "sheep";
      if ((lex_.ConceptFor(w) && plural) || ((!recent || after_verb) && w.size() > 3 && w.back() == 's')) {
        return YearContextBefore(tv_, a.begin) && (tv_.Is(a.begin - 1, "in") || tv_.Is(a.begin - 1, "since"));
      }
      ++j;
    }
    if (YearContextBefore(tv_, a.begin)) return true;
    // "about 1000 come from Asia": out of the usual range and after a qualifier, a count.
    size_t qlen = 0;
    if (lex_.MatchQualifierBefore(tv_, a.begin, &qlen)) return false;
    return a.value >= 1800 && a.value <= 2100;
  }

  bool IsDayOfMonth(const Side& s) const {
    const NumberAtom& a = s.atom;
    if (!a.plain_integer || a.value < 1 || a.value > 31 || s.prefix_unit || s.suffix_unit) {
      return false;
    }
    size_t b = a.begin;
    if (b >= 1 && MonthFromName(tv_.Raw(b - 1)) && tv_.Capitalized(b - 1)) return true;
    if (b >= 2 && tv_.IsPunct(b - 1, '.') && MonthFromName(tv_.Raw(b - 2)) && tv_.Capitalized(b - 2)) {
      return true;
    }
    if (tv_.IsWord(a.end) && tv_.Capitalized(a.end) && MonthFromName(tv_.Raw(a.end))) return true;
    if (tv_.Is(a.end, "of") && tv_.IsWord(a.end + 1) && MonthFromName(tv_.Raw(a.end + 1))) return true;
    return false;
  }

  // "15 USD 50", "five dollars 99": two digits after a whole amount and its currency are
  // the minor units (15.50 dollars) when nothing is counted by them ("15 USD 50 more").
  void MinorUnits(size_t k, Side* s, std::vector<bool>* consumed) const {
    if (!s->suffix_unit || s->prefix_unit || s->suffix_unit->dimension != "currency" || k + 1 >= atoms_.size() ||
        (*consumed)[k + 1] || s->atom.scaled || s->atom.fraction || s->atom.value != std::floor(s->atom.value)) {
      return;
    }
    const NumberAtom& cents = atoms_[k + 1];
    size_t t = s->end;
    if (cents.begin != t || cents.end != t + 1 || tv_.Raw(t).size() != 2 || !AllDigits(tv_.Raw(t)) ||
        tv_.Attached(t) || cents.skip()) {
      return;
    }
    size_t n = 0;
    bool counts = tv_.IsNumber(t + 1) || lex_.MatchUnit(tv_, t + 1, /*prefix=*/false, &n) ||
                  (tv_.IsWord(t + 1) && lex_.ClassOf(tv_.Low(t + 1)) == WordClass::kNone);
    if (counts) return;
    s->atom.value += (s->atom.value < 0 ? -1 : 1) * cents.value / 100;
    s->atom.granularity = 0.01;
    s->atom.plain_integer = false;
    s->end = cents.end;
    (*consumed)[k + 1] = true;
  }

  bool Build(size_t k, QuantityMatch* m, std::vector<bool>* consumed) {
    // "10 1/2 miles": a whole number and a fraction written after it are one figure.
    if (atoms_[k].plain_integer && k + 1 < atoms_.size() && atoms_[k + 1].fraction && !atoms_[k + 1].words &&
        atoms_[k + 1].begin == atoms_[k].end && !(*consumed)[k + 1]) {
      // "-1 4/5" is minus one and four fifths.
      atoms_[k].value += (atoms_[k].negative ? -1 : 1) * atoms_[k + 1].value;
      atoms_[k].end = atoms_[k + 1].end;
      atoms_[k].plain_integer = false;
      atoms_[k].granularity = 0.01;
      (*consumed)[k + 1] = true;
    }
    // "- 10 k", "Change: - 1 4/5": a spaced minus before a figure that stands alone (at the
    // sentence start or after a colon, nothing but punctuation after it) is its sign; a
    // bullet has words after it ("- 10 people died").
    if (NumberAtom& a = atoms_[k]; !a.negative && a.begin >= 1 && tv_.IsPunct(a.begin - 1, '-') &&
                                   tv_.Raw(a.begin - 1).size() == 1 && !tv_.Attached(a.begin) &&
                                   (a.begin == 1 || tv_.IsPunct(a.begin - 2, ':'))) {
      bool alone = true;
      for (size_t t = a.end; t < tv_.size() && alone; ++t) alone = !tv_.IsWord(t) && !tv_.IsNumber(t);
      if (alone) {
        a.value = -a.value;
        a.negative = true;
        a.begin -= 1;
      }
    }
    // "one in five adults", "2 out of 5": a ratio, read as the fraction it states.
    if (k + 1 < atoms_.size() && !(*consumed)[k + 1] && !atoms_[k + 1].skip() && !atoms_[k].fraction &&
        atoms_[k].value >= 1 && atoms_[k].value <= 100 && atoms_[k].value == std::floor(atoms_[k].value)) {
      size_t j = atoms_[k].end;
      size_t joint = tv_.Is(j, "in") ? 1 : (tv_.Is(j, "out") && tv_.Is(j + 1, "of")) ? 2 : 0;
      const NumberAtom& d = atoms_[k + 1];
      if (joint && d.begin == j + joint && d.value > atoms_[k].value && d.value <= 1000 &&
          !(d.plain_integer && d.int_digits == 4) && !lex_.MatchUnit(tv_, d.end, false, &joint)) {
        atoms_[k].value /= d.value;
        atoms_[k].fraction = true;
        atoms_[k].plain_integer = false;
        atoms_[k].end = d.end;
        (*consumed)[k + 1] = true;
      }
    }
    Side left = MakeSide(atoms_[k]);
    MinorUnits(k, &left, consumed);
    if (IsYear(left)) {
      // "1981-85", "the 2019-20 season", "between 2001 and 2005 prices rose": the year a
      // span of years ends in is a year too.
      size_t after = left.end;
      bool joins = (tv_.IsPunct(after, '-') && tv_.Raw(after).size() == 1) || tv_.Is(after, "to") ||
                   tv_.Is(after, "and") || tv_.Is(after, "through") || tv_.Raw(after) == "\xE2\x80\x94";
      if (joins && k + 1 < atoms_.size() && atoms_[k + 1].begin == after + 1 && atoms_[k + 1].plain_integer &&
          !atoms_[k + 1].words) {
        const NumberAtom& r = atoms_[k + 1];
        bool short_year = r.int_digits == 2 && tv_.IsPunct(after, '-') && tv_.Attached(after) && tv_.Attached(after + 1);
        bool full_year = r.int_digits == 4 && r.value >= left.atom.value && r.value <= 2100;
        if (short_year || full_year) (*consumed)[k + 1] = true;
      }
      return false;
    }
    if (IsDayOfMonth(left)) return false;
    Side right;
    bool range = false;
    size_t expr_begin = left.begin;
    size_t expr_end = left.end;

    // "between X and Y", "from X to Y", "X to Y", "X-Y", "two or three".
    size_t after = left.end;
    bool between = left.begin >= 1 && tv_.Is(left.begin - 1, "between");
    bool from = left.begin >= 1 && tv_.Is(left.begin - 1, "from");
    // "1,000 – 5,000": a spaced en dash, which normalisation makes an em dash, joins like "-".
    const bool dash = tv_.Raw(after) == "\xE2\x80\x94" && !tv_.Attached(after);
    bool joiner = (between && (tv_.Is(after, "and") || tv_.Is(after, "to"))) ||
                  (!between && (tv_.Is(after, "to") || tv_.Is(after, "and") || tv_.Is(after, "through"))) ||
                  (tv_.IsPunct(after, '-') && tv_.Raw(after).size() == 1) ||
                  dash ||
                  (tv_.IsPunct(after, '~') && tv_.Attached(after)) ||
                  (left.atom.words && tv_.Is(after, "or"));
    if (tv_.Is(after, "and") && !between) joiner = false;
    if (joiner && k + 1 < atoms_.size() && !atoms_[k + 1].skip()) {
      int r = AtomAt(after + 1);
      if (r == static_cast<int>(k + 1)) {
        right = MakeSide(atoms_[k + 1]);
        bool hyphen = tv_.IsPunct(after, '-') || dash;
        bool years = left.atom.plain_integer && right.atom.plain_integer &&
                     left.atom.int_digits == 4 && left.atom.value >= 1000 && left.atom.value <= 2100 &&
                     right.atom.value <= 2100 && !left.suffix_unit && !right.suffix_unit &&
                     !left.prefix_unit && !right.prefix_unit;
        bool ok = !years && !right.atom.negative;
        // "X-Y" needs the hyphen glued between the figures, or spaced on both sides with Y
        // above X ("1,000 - 5,000"); "2 -1" is a sign.
        bool glued = tv_.Attached(after) && tv_.Attached(after + 1);
        bool spaced = !tv_.Attached(after) && !tv_.Attached(after + 1) && right.atom.value > left.atom.value;
        if (hyphen && !glued && !spaced) ok = false;
        if (tv_.Is(after, "through") && right.atom.value <= left.atom.value) ok = false;
        // "rose 5% to 10%", "fell 74.69 points or 1.3% to 5620.98": a change verb before X
        // makes "to Y" the new level, not a range.
        if (ok && tv_.Is(after, "to") && !from && (CoordinatedChange(left.begin) ||
                                                   (left.begin >= 1 && lex_.ChangeFor(tv_.Low(left.begin - 1))))) {
          ok = false;
        }
        // "increased by $43.6 billion to $419.2 billion": the change, then the new level.
        if (ok && tv_.Is(after, "to") && left.begin >= 2 && tv_.Is(left.begin - 1, "by")) ok = false;
        if (ok && tv_.Is(after, "to") && !from && !between) {
          // "X to Y" without "from" needs compatible sides: both with the same unit or
          // neither, and Y above X ("2 to 1" votes are not ranges of interest).
          const UnitEntry* lu = UnitOf(left);
          const UnitEntry* ru = UnitOf(right);
          // Falling ranges are written with units on both sides ("1.3 A/cm2 to 0.03 A/cm2").
          bool same_units = lu && ru && lu->canonical == ru->canonical && right.suffix_unit;
          if ((lu && ru && lu->canonical != ru->canonical) ||
              (right.atom.value <= left.atom.value && !same_units)) {
            ok = false;
          }
        }
        if (ok) {
          range = true;
          (*consumed)[k + 1] = true;
          expr_end = right.end;
          if (between || from) expr_begin = left.begin - 1;
        }
      }
    }

    const UnitEntry* unit = range ? (UnitOf(right) ? UnitOf(right) : UnitOf(left)) : UnitOf(left);
    if (!unit && left.atom.fold) {
      unit = lex_.UnitNamed("count");
      left.unit_text = std::string(tv_.Raw(left.atom.begin));
    }
    // "361 million pounds", "a two million pound deal" are money: weights are not counted in
    // millions in the news.
    auto millions = [](const Side& s) { return s.atom.scaled || s.atom.value >= 1e6; };
    if (unit && unit->canonical == "pound-mass" && (millions(left) || (range && millions(right)))) {
      unit = lex_.UnitNamed("pound sterling");
    }
    if (range && !UnitOf(right) && UnitOf(left)) right.unit_text = left.unit_text;
    if (range) {
      // Scale sharing: "between 1 and 2 million", "$5-10bn".
      double mult = right.atom.scale;
      if (!left.atom.scaled && right.atom.scaled && left.atom.value * mult <= right.atom.value) {
        left.atom.value *= mult;
        left.atom.granularity *= mult;
      }
    }

    // "3 dollars 50 cents", "thirteen dollars and forty-five cents": one sum.
    if (unit && unit->dimension == "currency" && !range && unit->canonical != "cent" &&
        unit->canonical != "pence") {
      size_t j = expr_end;
      if (tv_.Is(j, "and")) ++j;
      int r = AtomAt(j);
      if (r > static_cast<int>(k) && !(*consumed)[r] && atoms_[r].value > 0 && atoms_[r].value < 100 &&
          atoms_[r].plain_integer == !atoms_[r].words) {
        size_t after = atoms_[r].end;
        bool minor = tv_.Is(after, "cents") || tv_.Is(after, "cent") || tv_.Is(after, "pence") || tv_.Is(after, "p");
        // "15 dollars 50", "17 USD 25", "thirteen dollars forty five": the minor unit left
        // unsaid after a currency written after its figure, when nothing that the amount
        // could count follows it.
        bool ends = after >= tv_.size() || tv_.IsPunct(after, '.') || tv_.IsPunct(after, ',') ||
                    tv_.IsPunct(after, ';') || tv_.IsPunct(after, ')') || tv_.IsPunct(after, '!') ||
                    tv_.IsPunct(after, '?');
        bool said = left.suffix_unit && !left.prefix_unit && !left.atom.scaled &&
                    (atoms_[r].words || atoms_[r].int_digits == 2) && ends;
        if (minor || said) {
          left.atom.value += atoms_[r].value / 100;
          left.atom.granularity = 0.01;
          (*consumed)[r] = true;
          expr_end = minor ? after + 1 : after;
        }
      }
    }
    // "5 feet 2 inches", "5 ft 2 in", "6 lb 4 oz": one length or weight.
    if (unit && !range && (unit->canonical == "foot" || unit->canonical == "pound-mass")) {
      size_t j = expr_end;
      if (tv_.Is(j, "and")) ++j;
      int r = AtomAt(j);
      if (r > static_cast<int>(k) && !(*consumed)[r] && atoms_[r].value >= 0) {
        size_t len = 0;
        const UnitEntry* small = lex_.MatchUnit(tv_, atoms_[r].end, /*prefix=*/false, &len);
        double per = !small ? 0 : unit->canonical == "foot" && small->canonical == "inch" ? 12
                               : unit->canonical == "pound-mass" && small->canonical == "ounce" ? 16 : 0;
        if (per > 0 && atoms_[r].value < per) {
          left.atom.value += atoms_[r].value / per;
          left.atom.granularity = 1 / per;
          (*consumed)[r] = true;
          expr_end = atoms_[r].end + len;
        }
      }
    }
    // 'm' or 'b' glued to a figure is a scale only for money or before a counted noun,
    // past any adjectives: a plural ("5m people", "2.7m combined digital and physical
    // sales") or a word the concept lexicon knows ("a 1m budget"); otherwise "5m" is five
    // metres ("a 2m wall", "the 100m freestyle"). Before a unit it is a scale ("2m barrels").
    if (left.atom.scale_needs_money && !unit) {
      bool noun_follows = false;
      for (size_t k = expr_end; k < expr_end + 5 && tv_.IsWord(k); ++k) {
        std::string_view w = tv_.Low(k);
        if (w == "and") continue;
        if (lex_.ClassOf(w) != WordClass::kNone) break;
        if (IrregularPlural(w) || PluralInS(w) || lex_.ConceptFor(w) != nullptr) {
          noun_follows = true;
          break;
        }
        if (!LooksAdjectival(w)) break;
      }
      if (!noun_follows && !MillionContext(left.begin, expr_end)) {
        std::string_view abbrev = tv_.Raw(left.atom.end - 1);
        if (abbrev == "m") {
          size_t n = 0;
          unit = lex_.MatchUnit(tv_, left.atom.end - 1, false, &n);
          double mult = 1e6;
          left.atom.value /= mult;
          left.atom.granularity /= mult;
          left.unit_text = std::string(abbrev);
        } else if ((abbrev == "b" || abbrev == "B") && std::fmod(left.atom.value / 1e9, 1.0) == 0) {
          return false;  // "Section 303b of the Penal Code", "230b": a section or model, not billions
        }
      }
    }

    Quantity& q = m->q;
    double lv = left.atom.value, rv = range ? right.atom.value : lv;
    // A fraction alone is a share ("a third" = 33.3 percent); with a unit it is an amount
    // ("1/4 mile").
    if (left.atom.fraction && !unit) {
      lv *= 100;
      rv *= 100;
    }
    if (!range && left.atom.vague_high > 0) {
      range = true;
      rv = left.atom.vague_high;
      q.vague = true;
    }
    if (range) {
      q.low = std::min(lv, rv);
      q.high = std::max(lv, rv);
      q.qualifier = Qualifier::kRange;
      q.granularity = left.atom.vague_high > 0 ? left.atom.granularity
                                               : std::min(left.atom.granularity, right.atom.granularity);
    } else {
      q.low = q.high = lv;
      q.granularity = left.atom.fraction ? 1 : left.atom.granularity;
    }
    if (unit) {
      q.unit = left.unit_text.empty() ? right.unit_text : left.unit_text;
      q.normalized_unit = unit->canonical;
      q.kind = KindForDimension(unit->dimension);
      if (unit->canonical == "degree" && TemperatureNear(expr_begin, expr_end)) q.kind = QuantityKind::kTemperature;
    } else if (left.atom.fraction) {
      q.kind = QuantityKind::kPercent;
      q.normalized_unit = "percentage";
      q.fraction = true;
      m->fraction = true;
    }
    // Rates: "$58.24 per barrel", "$3,500 a month", "40 hours per week".
    if (unit) PerUnit(expr_end, &q, &expr_end);
    // Ages: "Nick Hague, 44, has spent" (a bare figure set off after a name); "33-year-old",
    // "aged 33", "at the age of 95"; "died at 82", "dead at 95"; "he was 95 and lived in
    // Santa Rosa" (a person's pronoun, the figure alone in its clause).
    bool bare = !unit && !range && left.atom.plain_integer && !left.atom.words && lv >= 1 && lv <= 120 &&
                left.begin >= 2;
    bool appositive = bare && tv_.IsPunct(left.begin - 1, ',') && tv_.Capitalized(left.begin - 2) &&
                      tv_.IsWord(left.begin - 2) &&
                      (tv_.IsPunct(expr_end, ',') || expr_end >= tv_.size() || tv_.IsPunct(expr_end, '.'));
    bool aged = !unit && left.begin >= 1 &&
                (tv_.Is(left.begin - 1, "aged") || tv_.Is(left.begin - 1, "age") ||
                 (left.begin >= 2 && tv_.Is(left.begin - 1, "of") && tv_.Is(left.begin - 2, "age")));
    bool alone = bare && AloneInClause(expr_end);
    bool died_at = alone && tv_.Is(left.begin - 1, "at") &&
                   (tv_.Is(left.begin - 2, "died") || tv_.Is(left.begin - 2, "dies") || tv_.Is(left.begin - 2, "dead"));
    bool person_is = alone && (tv_.Is(left.begin - 1, "was") || tv_.Is(left.begin - 1, "is")) &&
                     (tv_.Is(left.begin - 2, "he") || tv_.Is(left.begin - 2, "she"));
    if (appositive || aged || died_at || person_is) {
      q.kind = QuantityKind::kAge;
      q.normalized_unit = "year of age";
    }

    // "40 people a day", "300 cars per day", "thousands ... die each week", "$5 million in
    // aid every year": a rate said after what is counted, later in the clause.
    if (q.kind != QuantityKind::kDuration && q.kind != QuantityKind::kAge &&
        q.normalized_unit.find(" per ") == std::string::npos && q.normalized_unit.rfind("per ", 0) != 0) {
      std::string per = RateLater(expr_end);
      if (!per.empty()) q.normalized_unit += (q.normalized_unit.empty() ? "per " : " per ") + per;
    }

    if (left.atom.sub && !range) {
      q.qualifier = Qualifier::kAtMost;
      q.low = kOpen;
    }
    m->value_begin = left.begin;
    m->value_end = expr_end;

    // Qualifiers before ("more than", "up to") and after ("or more", "-plus").
    bool bounded_before = false;
    if (!range || from || between) {
      size_t qlen = 0;
      const QualifierEntry* qe = lex_.MatchQualifierBefore(tv_, expr_begin, &qlen);
      // "<>30" is "not 30", and "=>" or "=<" no operator: a sign glued after "<", ">" or
      // "=" bounds nothing.
      if (qe && !tv_.IsWord(expr_begin - qlen) && expr_begin - qlen >= 1 && tv_.Attached(expr_begin - qlen) &&
          (tv_.IsPunct(expr_begin - qlen - 1, '<') || tv_.IsPunct(expr_begin - qlen - 1, '>') ||
           tv_.IsPunct(expr_begin - qlen - 1, '='))) {
        qe = nullptr;
      }
      if (qe) {
        ApplyQualifier(*qe, &q, range);
        expr_begin -= qlen;
        bounded_before = qe->qualifier == Qualifier::kAtLeast || qe->qualifier == Qualifier::kAtMost;
      }
    }
    // "larger than twenty and less or equal than thirty five": a figure bounded before takes
    // no second bound after; "and less" there starts the next bound.
    if (!range && !bounded_before) {
      size_t qlen = 0;
      size_t at = expr_end;
      if (const QualifierEntry* qe = lex_.MatchQualifierAfter(tv_, at, &qlen)) {
        bool glued = qe->tokens[0] == "+" || qe->tokens[0] == "-";
        if (!glued || tv_.Attached(at)) {
          // "or more" must not be "or more than" (which starts the next figure), nor "or
          // greater than" when a figure follows ("200 or greater than 190" bounds 190).
          bool more_than = (qlen >= 2 && tv_.Is(at + qlen, "than")) ||
                           (qe->tokens.back() == "than" && AtomAt(at + qlen) >= 0);
          if (!more_than) {
            ApplyQualifier(*qe, &q, false);
            expr_end += qlen;
          }
        }
      }
    }

    // Changes: "rose 5%", "rose by 5%", "up 19 cents", "a 5% rise", "an increase of 5%".
    // "dropping as low as -20°C" names a level, not a change.
    // "rose from 3% to 5%" states both levels: a range, not a change.
    if (!(expr_begin < m->value_begin && tv_.Is(expr_begin, "as")) && !(range && from)) {
      DetectChange(expr_begin, expr_end, m);
      if (q.change == Change::kNone) DetectTrend(expr_begin, &q);
    }

    // "one of the spam sites" picks one out of a group: not a figure either.
    if (left.atom.words && !range && q.low == 1 && tv_.Is(expr_end, "of")) q.anaphoric = true;
    if (left.atom.words && !range && q.low <= 12 && expr_begin == m->value_begin && expr_begin >= 1) {
      std::string_view d = tv_.Low(expr_begin - 1);
      q.anaphoric = q.anaphoric || d == "the" || d == "these" || d == "those" || d == "its" || d == "their" ||
                    d == "his" || d == "her" || d == "our" || d == "both";
    }
    q.span = tv_.SpanOf(expr_begin, expr_end);
    q.value_span = tv_.SpanOf(m->value_begin, m->value_end);
    m->begin = expr_begin;
    m->end = expr_end;
    return true;
  }

  // Two bounds in opposite directions joined by "and", "but" or a comma, the lower below
  // the upper, with the same unit: "more than 100 and less than 300".
  bool MergesBounds(const QuantityMatch& a, const QuantityMatch& b) const {
    bool ab = a.q.qualifier == Qualifier::kAtLeast && b.q.qualifier == Qualifier::kAtMost;
    bool ba = a.q.qualifier == Qualifier::kAtMost && b.q.qualifier == Qualifier::kAtLeast;
    if (!ab && !ba) return false;
    // "more than 100 and less than 300 dollars": the unit written once, at the end.
    if ((a.q.normalized_unit != b.q.normalized_unit && !a.q.normalized_unit.empty()) ||
        (a.q.change != b.q.change && b.q.change != Change::kNone)) {
      return false;
    }
    size_t gap = b.begin - a.end;
    bool joined = (gap == 1 && (tv_.Is(a.end, "and") || tv_.Is(a.end, "but") || tv_.IsPunct(a.end, ','))) ||
                  (gap == 2 && tv_.IsPunct(a.end, ',') && (tv_.Is(a.end + 1, "and") || tv_.Is(a.end + 1, "but")));
    if (!joined) return false;
    double lo = ab ? a.q.low : b.q.low, hi = ab ? b.q.high : a.q.high;
    return lo < hi;
  }

  // Token i makes the "a day" before it a point in time, not a rate: "a year ago", "a
  // day earlier".
  bool PointInTime(size_t i) const {
    for (std::string_view w : {"earlier", "ago", "before", "later", "after", "prior", "previously", "back"}) {
      if (tv_.Is(i, w)) return true;
    }
    return false;
  }

  // The time unit of a rate within the next words of the clause: "a day", "per week",
  // "each year", "every month" (not "in a day", "a year ago", "every two weeks").
  std::string RateLater(size_t e) const {
    for (size_t j = e; j < tv_.size() && j < e + 10; ++j) {
      if (!tv_.IsWord(j)) {
        if (tv_.IsPunct(j, '-') && tv_.Attached(j)) continue;
        return {};
      }
      bool each = tv_.Is(j, "each") || tv_.Is(j, "every") || tv_.Is(j, "per");
      bool article = tv_.Is(j, "a") || tv_.Is(j, "an");
      if (!each && !article) continue;
      // "in a day", "half a century" measure a time; "a second" is more often an ordinal.
      if (article && j > 0 && tv_.IsWord(j - 1) &&
          (lex_.ClassOf(tv_.Low(j - 1)) == WordClass::kPrep || lex_.NumberWordFor(tv_.Low(j - 1)))) {
        continue;
      }
      size_t len = 0;
      const UnitEntry* u = tv_.IsWord(j + 1) ? lex_.MatchUnit(tv_, j + 1, /*prefix=*/false, &len) : nullptr;
      if (!u || u->dimension != "duration" || len != 1 || tv_.Low(j + 1).back() == 's' || tv_.Is(j + 1, "second")) {
        continue;
      }
      // Nor "a day old", "a week long", "a day or two", "a week and a half".
      if (PointInTime(j + 2) || tv_.Is(j + 2, "old") || tv_.Is(j + 2, "long") || tv_.Is(j + 2, "or") ||
          tv_.Is(j + 2, "and")) {
        return {};
      }
      return u->canonical;
    }
    return {};
  }

  // "per barrel", "per share", "a month", "an hour" after a unit: the unit becomes a rate.
  void PerUnit(size_t e, Quantity* q, size_t* end) const {
    // "a 52,000 barrel-a-day refinery", "$5-a-gallon gas": the rate glued on with hyphens.
    if (tv_.IsPunct(e, '-') && tv_.Attached(e) && (tv_.Is(e + 1, "a") || tv_.Is(e + 1, "per")) &&
        tv_.Attached(e + 1) && tv_.IsPunct(e + 2, '-') && tv_.Attached(e + 2) && tv_.IsWord(e + 3) &&
        tv_.Attached(e + 3)) {
      size_t len = 0;
      const UnitEntry* u = lex_.MatchUnit(tv_, e + 3, /*prefix=*/false, &len);
      std::string name = u && u->dimension != "currency" ? u->canonical
                         : !u && lex_.ClassOf(tv_.Low(e + 3)) == WordClass::kNone ? CountUnitName(tv_.Low(e + 3))
                                                                                    : std::string();
      if (name.empty()) return;
      if (!u) len = 1;
      q->normalized_unit += " per " + name;
      q->unit += std::string(tv_.TextOf(e, e + 3 + len));
      *end = e + 3 + len;
      return;
    }
    if (e + 1 >= tv_.size() || !tv_.IsWord(e + 1)) return;
    // "kV/cm", "$/barrel"
    bool slash = tv_.IsPunct(e, '/') && tv_.Attached(e) && tv_.Attached(e + 1);
    bool per = tv_.Is(e, "per") || slash;
    bool article = tv_.Is(e, "a") || tv_.Is(e, "an");
    if (!per && !article) return;
    size_t len = 0;
    const UnitEntry* u = lex_.MatchUnit(tv_, e + 1, /*prefix=*/false, &len);
    std::string name;
    if (u && u->dimension != "currency") {
      name = u->canonical;
    } else if (per && !u && lex_.ClassOf(tv_.Low(e + 1)) == WordClass::kNone &&
               !tv_.Capitalized(e + 1)) {
      name = CountUnitName(tv_.Low(e + 1));  // "per share", "per gallon"
      len = 1;
    }
    if (name.empty()) return;
    // "a month" only for time: "$5 a share" is rare, "5 miles a day" is a rate; "a year
    // earlier" is a time, not a rate.
    if (article && !(u && u->dimension == "duration")) return;
    if (article && PointInTime(e + 1 + len)) return;
    q->normalized_unit += " per " + name;
    q->unit += " " + std::string(tv_.TextOf(e, e + 1 + len));
    *end = e + 1 + len;
  }

  void ApplyQualifier(const QualifierEntry& qe, Quantity* q, bool range) {
    if (range) return;  // "between" already bounds both sides
    Bound(qe.qualifier, qe.lean, q);
  }

  // Approximates or bounds `q`, opening the end a bound leaves free.
  static void Bound(Qualifier qualifier, int8_t lean, Quantity* q) {
    q->lean = lean;
    switch (qualifier) {
      case Qualifier::kApprox:
        q->qualifier = Qualifier::kApprox;
        break;
      case Qualifier::kAtLeast:
        q->qualifier = Qualifier::kAtLeast;
        q->high = kOpen;
        break;
      case Qualifier::kAtMost:
        q->qualifier = Qualifier::kAtMost;
        q->low = kOpen;
        break;
      default:
        break;
    }
  }

  // "rose to 42", "fell 3% to $5.20", "increased by $43.6 billion to $419.2 billion": the
  // level a change verb reached. Not a change amount; Quantity::trend records the direction.
  void DetectTrend(size_t b, Quantity* q) const {
    if (b < 2 || !tv_.Is(b - 1, "to")) return;
    size_t limit = b >= 10 ? b - 10 : 0;
    for (size_t k = b - 1; k-- > limit;) {
      if (tv_.IsPunct(k, ',') || tv_.IsPunct(k, ';') || tv_.Is(k, "from")) return;
      const ChangeWord* cw = tv_.IsWord(k) ? lex_.ChangeFor(tv_.Low(k)) : nullptr;
      if (cw && (cw->verb || cw->adverb)) {
        q->trend = cw->direction;
        return;
      }
    }
  }

  // The change verb that governs a figure restating the one before it: "fell 74.69 points,
  // or 1.3%," and "rose 5 points and 2%". Null when the figure at `b` is not such a
  // restatement.
  const ChangeWord* CoordinatedChange(size_t b) const {
    if (b < 3) return nullptr;
    size_t k = b - 1;
    if (!tv_.Is(k, "or")) return nullptr;
    if (k >= 1 && tv_.IsPunct(k - 1, ',')) --k;
    bool figure = false;
    for (size_t steps = 0; k-- > 0 && steps < 6; ++steps) {
      if (tv_.IsNumber(k)) {
        figure = true;
        continue;
      }
      if (!tv_.IsWord(k)) {
        if (tv_.IsPunct(k, '%') || tv_.IsPunct(k, '$') || tv_.IsPunct(k, '.')) continue;
        return nullptr;
      }
      const ChangeWord* cw = lex_.ChangeFor(tv_.Low(k));
      if (cw && (cw->verb || cw->adverb)) return figure ? cw : nullptr;
      if (lex_.ClassOf(tv_.Low(k)) != WordClass::kNone) return nullptr;  // "by", "and", "the"...
    }
    return nullptr;
  }

  void DetectChange(size_t b, size_t e, QuantityMatch* m) {
    Quantity& q = m->q;
    bool measure = q.kind != QuantityKind::kCount;
    const ChangeWord* cw = nullptr;
    if (measure && (cw = CoordinatedChange(b))) {
      q.change = cw->direction;  // "fell 74.69 points, or 1.3%"
      return;
    }
    if (b >= 2 && tv_.Is(b - 1, "by") && (cw = lex_.ChangeFor(tv_.Low(b - 2))) && cw->verb) {
      q.change = cw->direction;
      m->by_change = true;
      return;
    }
    // "cut the number of people smoking by 2 million": a change verb earlier in the clause.
    if (b >= 1 && tv_.Is(b - 1, "by")) {
      for (size_t k = b - 1; k-- > 0 && b - k <= 10;) {
        if (tv_.IsPunct(k, ',') || tv_.IsPunct(k, ';')) break;
        if ((cw = lex_.ChangeFor(tv_.Low(k))) && cw->verb) {
          q.change = cw->direction;
          m->by_change = true;
          return;
        }
      }
    }
    if (b >= 1 && (cw = lex_.ChangeFor(tv_.Low(b - 1)))) {
      if (cw->adverb && measure) {
        q.change = cw->direction;  // "up 19 cents", "down 3%"
        return;
      }
      if (cw->verb && measure && !tv_.Is(b, "to")) {
        q.change = cw->direction;  // "rose 5%"
        return;
      }
    }
    // "an increase of 5%", "a drop of $3"
    if (b >= 2 && tv_.Is(b - 1, "of") && (cw = lex_.ChangeFor(tv_.Low(b - 2))) && cw->noun) {
      q.change = cw->direction;
      q.change_named = true;
      return;
    }
    // "a 5% rise", "a $2bn cut"
    if (e < tv_.size() && (cw = lex_.ChangeFor(tv_.Low(e))) && cw->noun && measure) {
      q.change = cw->direction;
      q.change_named = true;
      return;
    }
  }

  const TokenView& tv_;
  const Lexicon& lex_;
  std::vector<NumberAtom> atoms_;
};

}  // namespace

namespace {

// A superlative's positive form, as a lemmatiser gives it: "best" -> "good", "hottest" ->
// "hot", "proudest" -> "proud", "largest" -> "large"; other words unchanged.
std::string Positive(const std::string& w) {
  if (w == "best") return "good";
  if (w == "worst") return "bad";
  if (w.size() < 6 || w.compare(w.size() - 3, 3, "est") != 0) return w;
  static const char* const kNotSuperlative[] = {
      "interest", "forest", "protest", "request", "contest", "harvest", "honest", "modest", "arrest",
      "digest", "manifest", "conquest", "suggest", "inquest", "unrest", "earnest", "midwest", "tempest"};
  for (const char* x : kNotSuperlative) {
    if (w == x) return w;
  }
  std::string stem = w.substr(0, w.size() - 3);
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  size_t n = stem.size();
  if (stem.back() == 'i') return stem.substr(0, n - 1) + "y";  // happiest
  if (n >= 2 && stem[n - 1] == stem[n - 2] && !vowel(stem[n - 1]) && stem[n - 1] != 'l' && stem[n - 1] != 's') {
    return stem.substr(0, n - 1);  // hottest, biggest
  }
  // "latest", "finest", "closest": a single vowel before one final consonant had an "e".
  bool silent_e = n >= 3 && !vowel(stem[n - 1]) && stem[n - 1] != 'w' && stem[n - 1] != 'x' && stem[n - 1] != 'y' &&
                  vowel(stem[n - 2]) && !vowel(stem[n - 3]);
  if (silent_e || stem.compare(n - 2, 2, "rg") == 0) return stem + "e";  // "largest"
  return stem;
}

}  // namespace

std::string CountUnitName(std::string_view noun_phrase) {
  // "categories of products": both nouns named, "of" left out, as NewsQuant has it.
  if (size_t of = noun_phrase.find(" of "); of != std::string_view::npos) {
    return CountUnitName(noun_phrase.substr(0, of)) + " " + CountUnitName(noun_phrase.substr(of + 4));
  }
  std::string s = AsciiLowerCopy(noun_phrase);
  // A capitalised plural names a people ("Americans"): kept as written, lower-cased.
  size_t raw_last = noun_phrase.rfind(' ');
  raw_last = raw_last == std::string_view::npos ? 0 : raw_last + 1;
  const bool people = raw_last < noun_phrase.size() && IsAsciiUpper(noun_phrase[raw_last]);
  // "Kia and Hyundai vehicles": NewsQuant's names leave out the "and"; "best wireless
  // speakers": a superlative in front is named by its positive form.
  {
    std::vector<std::string_view> words = SplitWhitespace(s);
    std::string joined;
    for (size_t k = 0; k < words.size(); ++k) {
      if (words[k] == "and" || words[k] == "&") continue;
      std::string w(words[k]);
      if (k + 1 < words.size()) w = Positive(w);  // a modifier, not the head
      joined += (joined.empty() ? "" : " ") + w;
    }
    s = joined;
  }
  size_t space = s.rfind(' ');
  if (people) return s;
  std::string last = s.substr(space == std::string::npos ? 0 : space + 1);
  std::string head = s.substr(0, space == std::string::npos ? 0 : space + 1);
  auto ends = [&](std::string_view suf) {
    return last.size() > suf.size() + 1 && last.compare(last.size() - suf.size(), suf.size(), suf) == 0;
  };
  static const std::pair<const char*, const char*> kIrregular[] = {
      {"men", "man"}, {"women", "woman"}, {"children", "child"}, {"feet", "foot"},
      {"teeth", "tooth"}, {"mice", "mouse"}, {"geese", "goose"}, {"lives", "life"},
      {"wives", "wife"}, {"knives", "knife"}, {"halves", "half"}, {"leaves", "leaf"},
      {"thieves", "thief"}, {"wolves", "wolf"}, {"shelves", "shelf"}, {"indices", "index"},
      {"analyses", "analysis"}, {"crises", "crisis"}, {"criteria", "criterion"},
      {"phenomena", "phenomenon"}, {"media", "media"}, {"data", "data"}};
  for (const auto& [plural, singular] : kIrregular) {
    if (last == plural) return head + singular;
  }
  if (ends("men") && last.size() > 4) {
    last[last.size() - 2] = 'a';  // "fishermen", "servicemen"
  } else if (ends("ies")) {
    last = last.substr(0, last.size() - 3) + "y";
  } else if (ends("sses") || ends("shes") || ends("ches") || ends("xes") || ends("zes")) {
    last.resize(last.size() - 2);
  } else if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) {
    last.pop_back();
  }
  return head + last;
}

bool ListedBefore(const TokenView& tv, const QuantityMatch& m, const QuantityMatch& next, bool* comma_only) {
  // Only joiners between the two: ",", "and", "or", ", and", ", or".
  if (next.begin <= m.end) return false;
  size_t gap = next.begin - m.end;
  bool word = tv.Is(m.end + gap - 1, "and") || tv.Is(m.end + gap - 1, "or");
  bool comma = tv.IsPunct(m.end, ',');
  *comma_only = gap == 1 && comma;
  return (gap == 1 && (comma || word)) || (gap == 2 && comma && word);
}

bool ComparedAfter(const TokenView& tv, const QuantityMatch& prev, const QuantityMatch& m) {
  if (m.begin < 2 || m.begin <= prev.end) return false;
  size_t b = m.begin;
  // "compared with an average of 20 per week": a statistic's name between the comparison
  // and the figure.
  if (b >= 4 && tv.Is(b - 1, "of") &&
      (tv.Is(b - 2, "average") || tv.Is(b - 2, "total") || tv.Is(b - 2, "mean") || tv.Is(b - 2, "median")) &&
      (tv.Is(b - 3, "an") || tv.Is(b - 3, "a") || tv.Is(b - 3, "the"))) {
    b -= 3;
  }
  size_t link = b;  // first token of the connecting words
  // "about 460 vehicles have been stolen so far this year compared with 63": an explicit
  // comparison may sit a clause away from its level; "from" must follow it closely.
  size_t reach = 12;
  if (tv.Is(b - 1, "versus") || tv.Is(b - 1, "vs") || tv.Is(b - 1, "against")) {
    link = b - 1;
  } else if (tv.Is(b - 1, "vs.") || (tv.IsPunct(b - 1, '.') && tv.Is(b - 2, "vs"))) {
    link = tv.IsPunct(b - 1, '.') ? b - 2 : b - 1;
  } else if ((tv.Is(b - 1, "with") || tv.Is(b - 1, "to")) &&
             (tv.Is(b - 2, "compared") || tv.Is(b - 2, "comparison") || tv.Is(b - 2, "compares"))) {
    link = b - 2;
  } else if (tv.Is(b - 1, "from") && prev.q.change == Change::kNone && !prev.by_change) {
    // "rose to 5.5% from 4.2", "3.9 million headsets, up from 2.4 million": the earlier level
    // of a level; after a change amount ("rose 5% from 120") "from" names another thing.
    link = b - 1;
    reach = 3;
  } else {
    return false;
  }
  if (link < prev.end || link - prev.end > reach) return false;
  for (size_t t = prev.end; t < link; ++t) {
    if (tv.IsNumber(t) || (!tv.IsWord(t) && !tv.IsPunct(t, ','))) return false;
  }
  // Nothing that could name another thing after it: "from 3 - point range" is not.
  return NothingNamedAfter(tv, m.end) && !tv.IsPunct(m.end, '-');
}

bool NothingNamedAfter(const TokenView& tv, size_t e) {
  if (e >= tv.size() || !tv.IsWord(e)) return true;
  std::string_view w = tv.Low(e);
  // "63 last year", "25 million a year earlier": time words name no counted thing.
  for (std::string_view t : {"last", "next", "earlier", "ago", "later", "previously", "before"}) {
    if (w == t) return true;
  }
  return Lexicon::Get().ClassOf(w) != WordClass::kNone;
}

std::vector<QuantityMatch> MatchQuantities(const TokenView& tv) { return Assembler(tv).Run(); }

namespace {

// A digit, or the lead byte of a character NFKC turns into digits: fullwidth forms (EF BC
// 90..), superscripts and vulgar fractions (C2 B2 "²", C2 BD "½"), number forms (E2 85 "⅓").
bool FigureByteAt(std::string_view s, size_t i) {
  char c = s[i];
  if (IsAsciiDigit(c)) return true;
  char next = i + 1 < s.size() ? s[i + 1] : '\0';
  return c == '\xEF' || (c == '\xC2' && static_cast<unsigned char>(next) >= 0xB2) ||
         (c == '\xE2' && (next == '\x81' || next == '\x82' || next == '\x85'));
}

// Whether FigureByteAt holds anywhere. Blocks of 32 bytes are tested without branches (the
// compiler vectorises the inner loop); only a block with a candidate byte is looked at byte
// by byte.
bool HasFigureByte(std::string_view s) {
  constexpr size_t kBlock = 32;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0;
  for (; i < s.size(); i += kBlock) {
    size_t end = std::min(s.size(), i + kBlock);
    if (end - i == kBlock) {
      unsigned candidate = 0;
      for (size_t k = 0; k < kBlock; ++k) {
        unsigned char c = p[i + k];
        candidate |= static_cast<unsigned>(static_cast<unsigned char>(c - '0') < 10) |
                     static_cast<unsigned>(c == 0xEF) | static_cast<unsigned>(c == 0xC2) |
                     static_cast<unsigned>(c == 0xE2);
      }
      if (candidate == 0) continue;
    }
    for (size_t k = i; k < end; ++k) {
      if (FigureByteAt(s, k)) return true;
    }
  }
  return false;
}

}  // namespace

// True when the text may hold a figure: it has a digit, or a word that the number
// lexicon knows ("two", "half", "dozens", "sixfold"). Most sentences of news prose have
// neither, and these byte scans are far cheaper than tokenising them.
bool MayHoldQuantity(std::string_view s) {
  if (HasFigureByte(s)) return true;
  const Lexicon& lex = Lexicon::Get();
  constexpr size_t kLongest = 24;  // longer runs of letters are no number word
  char word[kLongest];
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsAsciiAlpha(s[i])) ++i;
    size_t begin = i;
    while (i < s.size() && IsAsciiAlpha(s[i])) ++i;
    size_t len = i - begin;
    if (len == 0 || len > kLongest) continue;
    std::string_view raw = s.substr(begin, len);
    bool fold = len > 4 && EqualsIgnoreCase(raw.substr(len - 4), "fold");
    if (!lex.MayBeNumberWord(raw) && !(fold && lex.MayBeNumberWord(raw.substr(0, len - 4)))) continue;
    for (size_t k = 0; k < len; ++k) word[k] = AsciiLower(raw[k]);
    std::string_view w(word, len);
    if (lex.NumberWordFor(w)) return true;
    if (fold && lex.NumberWordFor(w.substr(0, len - 4))) return true;
  }
  return false;
}

std::vector<Quantity> ExtractQuantities(std::string_view text, Span sentence) {
  if (!MayHoldQuantity(sentence.Of(text))) return {};
  TokenView tv(text, sentence);
  std::vector<QuantityMatch> matches = MatchQuantities(tv);
  AttachConcepts(tv, &matches);
  std::vector<Quantity> out;
  out.reserve(matches.size());
  for (QuantityMatch& m : matches) out.push_back(std::move(m.q));
  return out;
}

}  // namespace corroborate::extract
