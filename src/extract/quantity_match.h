// A quantity together with the tokens it was read from; the form the sentence-level rules
// (concepts, attribution, time) work on.
#ifndef CORROBORATE_SRC_EXTRACT_QUANTITY_MATCH_H_
#define CORROBORATE_SRC_EXTRACT_QUANTITY_MATCH_H_

#include <vector>

#include "corroborate/extract/quantity.h"
#include "extract/token_view.h"

namespace corroborate::extract {

struct QuantityMatch {
  Quantity q;
  size_t begin = 0;        // tokens of the whole expression
  size_t end = 0;
  size_t value_begin = 0;  // tokens of the figure(s) and unit
  size_t value_end = 0;
  bool fraction = false;   // written as a fraction ("one-fifth")
  bool by_change = false;  // "rose by 5%": the figure follows a change verb and "by"
};

// `m` stands alone in brackets right after `prev`: "seven miles (11 km)", "$3.7 billion (US
// $473 million)" - a conversion or restatement of the same figure.
inline bool BracketedAfter(const TokenView& tv, const QuantityMatch& prev, const QuantityMatch& m) {
  return m.begin > 0 && tv.IsPunct(m.begin - 1, '(') && prev.end + 1 == m.begin;
}

// Quantities of one sentence, without concepts.
std::vector<QuantityMatch> MatchQuantities(const TokenView& tv);

// Fills the concept of every match from the words around it (concept.cc).
void AttachConcepts(const TokenView& tv, std::vector<QuantityMatch>* matches);

}  // namespace corroborate::extract

#endif  // CORROBORATE_SRC_EXTRACT_QUANTITY_MATCH_H_
