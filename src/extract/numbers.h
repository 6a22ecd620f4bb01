// Figures written in digits or words, before units and qualifiers are attached.
//
//   "55,000" -> 55000 (granularity 1000)     "1.2 million" -> 1200000 (granularity 100000)
//   "forty-six thousand" -> 46000            "one-fifth" -> 0.2 (fraction)
//   "-20" (sign) -> -20                      "3rd", "second" -> ordinal
//   "F-16", "France 2", "No. 10", "10:30", "3 pm" -> not quantities (code, name, time)
#ifndef CORROBORATE_SRC_EXTRACT_NUMBERS_H_
#define CORROBORATE_SRC_EXTRACT_NUMBERS_H_

#include <string_view>
#include <vector>

#include "extract/token_view.h"

namespace corroborate::extract {

struct NumberAtom {
  size_t begin = 0;  // token range of the figure, including a sign and a scale word
  size_t end = 0;
  double value = 0;
  double granularity = 1;
  int int_digits = 0;        // digits before the decimal point, for year detection
  bool plain_integer = false;  // digits only: no separator, decimal or scale ("2022")
  bool words = false;        // spelled out
  bool fraction = false;     // "one-fifth", "1/2": value is the fraction
  bool scaled = false;       // a scale word or abbreviation was applied
  double scale = 1;          // its multiplier
  bool scale_needs_money = false;  // scaled by "m"/"b", which is only a scale for money
  bool negative = false;
  // A vague plural ("thousands", "tens of thousands") bounds a range: value is its low
  // end, vague_high its high end; 0 otherwise.
  double vague_high = 0;
  bool fold = false;  // "sixfold": a multiplier
  bool sub = false;   // "sub-7": below the figure
  // Not a quantity at all; kept so later rules can skip the tokens.
  bool ordinal = false;
  bool time_of_day = false;
  bool code = false;  // part of a name or code: "F-16", "France 2", "COVID-19"
  bool skip() const { return ordinal || time_of_day || code; }
};

// Parses digits with separators: "55,000", "1,234.5", "1.234.567", "3,5". Returns false for
// digit strings that are not one number ("192.168.1.2", "1,2,3").
bool ParseDigits(std::string_view s, double* value, double* granularity, int* int_digits,
                 bool* plain_integer);

// All figures in the sentence, left to right, non-overlapping.
std::vector<NumberAtom> FindNumbers(const TokenView& tv);

// "st", "nd", "rd", "th": the suffix glued to a digit ordinal ("9th" is the tokens "9" "th").
bool IsOrdinalSuffix(std::string_view lower);

}  // namespace corroborate::extract

#endif  // CORROBORATE_SRC_EXTRACT_NUMBERS_H_
