// What a figure in the text says: its value or bounds, how it is qualified, its unit, and
// what it counts.
#ifndef CORROBORATE_EXTRACT_QUANTITY_H_
#define CORROBORATE_EXTRACT_QUANTITY_H_

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "corroborate/base/span.h"

namespace corroborate::extract {

inline constexpr double kOpen = std::numeric_limits<double>::quiet_NaN();
inline bool IsOpen(double v) { return std::isnan(v); }

// How the figure is bounded. Semantics of low/high per qualifier:
//   kExact    low == high == the figure                     "2,514"
//   kApprox   low == high == the figure, rounded            "about 20 percent", "nearly 400,000"
//   kAtLeast  low == the figure, high open                   "more than 2,500"
//   kAtMost   low open, high == the figure                   "up to 140,000"
//   kRange    low and high are both ends                     "between 500,000 and 600,000"
enum class Qualifier : uint8_t { kExact, kApprox, kAtLeast, kAtMost, kRange };

// Whether the figure is a level or a change of one ("rose by 5%").
enum class Change : uint8_t { kNone, kUp, kDown };

// Broad kinds, which decide what counts as a comparable fact.
enum class QuantityKind : uint8_t {
  kCount,        // people, things: "55,000 soldiers"
  kMoney,        // "$20bn"
  kPercent,      // "20 percent", "one-fifth" (fractions are stated as percentages)
  kTemperature,  // "-20°C"
  kMeasure,      // any other unit: "35 miles", "7.8 magnitude"
  kDuration,     // "four years", "six months": not a counted fact
  kAge,          // "33-year-old"
  kMultiplier,   // "three times", "sixfold"
};

const char* QualifierName(Qualifier q);   // "exact", "approx", "at_least", "at_most", "range"
const char* ChangeSymbol(Qualifier q, Change c);  // NewsQuant: "=", "~", ">", "<", "up", "down"
const char* KindName(QuantityKind k);

// What is counted, as found around the figure: "55,000 Ukrainian soldiers killed" counts
// soldiers (class soldier), the event is killed (class death), the place is Ukraine.
struct Concept {
  std::string text;          // words as written, "Ukrainian soldiers killed"
  std::string head;          // lower-case head noun, "soldiers"
  std::string head_class;    // class from data/extract/concepts.tsv or the head's stem
  std::string event_class;   // "death", "injury", "casualty", ... or empty
  std::string place;         // canonical place from a demonym or name, "Ukraine"
  std::vector<std::string> modifiers;  // other narrowing words, stemmed ("civilian")
  bool inherited = false;    // filled from an enclosing figure ("including 325,000 deaths")

  bool empty() const { return head.empty() && event_class.empty() && place.empty(); }
};

struct Quantity {
  Span span;         // the whole expression in the normalised text: "more than 2,500"
  Span value_span;   // the figure itself: "2,500"
  double low = kOpen;
  double high = kOpen;
  // The step implied by how the figure is written: 1000 for "55,000", 100000 for "1.2
  // million", 1 for "2,514". Compare uses it to tell rounding from disagreement.
  double granularity = 1;
  Qualifier qualifier = Qualifier::kExact;
  // Finer reading of an approx qualifier: -1 for "nearly"/"almost" (at or a little below),
  // +1 for "just over", 0 otherwise.
  int8_t lean = 0;
  Change change = Change::kNone;
  // The change is named by a noun ("a 5% drop", "an increase of 5%") rather than stated by
  // a verb or adverb ("rose 5%", "up 5%"): NewsQuant marks only the latter as a change.
  bool change_named = false;
  // The figure is a level that a change reached ("the toll rose to 42", "fell 3% to $5.20"):
  // still a level for comparison, with the direction it moved in. Never set with change.
  Change trend = Change::kNone;
  QuantityKind kind = QuantityKind::kCount;
  // "the two countries", "their three children": a small spelled-out number after a
  // determiner refers back to things already named; it is not a figure to compare.
  bool anaphoric = false;
  // "hundreds of thousands", "dozens", "millions": an order of magnitude, low to ten times
  // low, not a figure anyone counted.
  bool vague = false;
  std::string unit;             // as written: "percent", "$", "km"; empty for bare counts
  std::string normalized_unit;  // canonical: "percentage", "dollar", "kilometre"
  // Written as a fraction ("one-fifth", "a third", "half"): low/high hold the percentage
  // (20, 33.3, 50) so that it compares with "20 percent"; divide by 100 for the fraction.
  bool fraction = false;
  Concept counted;  // what the figure counts
  // For a bare count, the noun phrase right after the figure that names the things counted,
  // as written: "European countries" in "seven European countries"; "Americans" in
  // "millions of Americans". Empty otherwise. NewsQuant treats it as the count's unit.
  std::string count_noun;
  // What the figure is said of: the subject of its clause, as written ("Ford" in "Ford,
  // which has 13,000 workers", "US trade deficit" in "the US trade deficit rose by $43.6
  // billion"). Empty when the clause has no subject before the figure.
  std::string subject;
  // The nearest noun phrase before the figure in its clause, past the verb and preposition
  // that govern it: "driving range" in "boost the driving range by 35 miles", "Chris Wood"
  // in "Chris Wood has scored 22 goals". Empty when none.
  std::string topic;

  // A representative value: the figure, or the middle of a range.
  double Value() const;
};

}  // namespace corroborate::extract

#endif  // CORROBORATE_EXTRACT_QUANTITY_H_
