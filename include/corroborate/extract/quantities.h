// Quantity extraction from one sentence: figures in digits and words with their scale,
// unit or currency, qualifier (exact, approx, at_least, at_most, range), change (up, down)
// and the counted concept. Rules and lexicons live in data/extract/.
//
//   "more than 2,500 civilian deaths"  -> low 2500, high open, at_least, concept "civilian deaths"
//   "between $5 and $10bn"             -> low 5e9, high 1e10, range, dollar
//   "temperatures of nearly -20°C"     -> -20, approx (lean below), celsius
//
// Not quantities: years ("in 2022"), days of the month, ordinals ("second day"), times of
// day, codes and names ("F-16", "France 2", "No. 10").
#ifndef CORROBORATE_EXTRACT_QUANTITIES_H_
#define CORROBORATE_EXTRACT_QUANTITIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "corroborate/base/span.h"
#include "corroborate/extract/quantity.h"

namespace corroborate::extract {

// Quantities in text[sentence], left to right. Spans are offsets into `text`. Cost is
// linear in the sentence length. Thread-safe.
std::vector<Quantity> ExtractQuantities(std::string_view text, Span sentence);

// False when `text` certainly holds no quantity: no digit and no number word. A cheap byte
// scan that callers may use to skip segmenting text with no figures.
bool MayHoldQuantity(std::string_view text);

// A count noun phrase as a unit name: lower case, the last word in the singular
// ("European countries" -> "european country", "people" -> "people").
std::string CountUnitName(std::string_view noun_phrase);

}  // namespace corroborate::extract

#endif  // CORROBORATE_EXTRACT_QUANTITIES_H_
