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
// $473 million)" - a conversion or restatement of the same figure; or follows such a
// conversion in the same brackets: "296 hp (224 kW / 300 PS)", "(60 miles or 97 km)".
inline bool BracketedAfter(const TokenView& tv, const QuantityMatch& prev, const QuantityMatch& m) {
  if (m.begin == 0 || prev.end + 1 != m.begin) return false;
  if (tv.IsPunct(m.begin - 1, '(')) return true;
  return (tv.IsPunct(m.begin - 1, '/') || tv.IsPunct(m.begin - 1, ',') || tv.Is(m.begin - 1, "or")) &&
         prev.begin > 0 && tv.IsPunct(prev.begin - 1, '(');
}

// A figure whose unit is left unsaid and the neighbour that says it:
//   listed:   "5, 10 and 15 percent", "8 or $9" - the figure before a listed one that has it;
//   compared: "20 million units, down from 25 million", "460 thefts compared with 63" -
//             the figure after a level it is compared with.
// ShareElidedUnits() walks the sentence's matches and calls copy(from, to) for each figure
// for which lacks(to) holds and has(from) holds for its neighbour: right to left for lists
// (a comma links a figure only to a list that ends in "and"/"or"), then left to right for
// comparisons. The rule itself does not know what a unit is: quantities.cc shares
// measured units with it, concept.cc counted nouns.
bool ListedBefore(const TokenView& tv, const QuantityMatch& m, const QuantityMatch& next, bool* comma_only);
bool ComparedAfter(const TokenView& tv, const QuantityMatch& prev, const QuantityMatch& m);
// No word that could name a counted thing at token e: punctuation, a closed-class word, a
// time word ("63 last year"), or the end.
bool NothingNamedAfter(const TokenView& tv, size_t e);

template <typename Has, typename Lacks, typename Copy>
void ShareElidedUnits(const TokenView& tv, std::vector<QuantityMatch>* ms, Has has, Lacks lacks, Copy copy) {
  std::vector<QuantityMatch>& v = *ms;
  if (v.size() < 2) return;
  std::vector<bool> listed(v.size(), false);  // took its unit from a list that ends in and/or
  for (size_t k = v.size() - 1; k-- > 0;) {
    bool comma_only = false;
    if (!lacks(v[k]) || !has(v[k + 1]) || !ListedBefore(tv, v[k], v[k + 1], &comma_only)) continue;
    if (comma_only && !listed[k + 1]) continue;
    copy(v[k + 1], &v[k]);
    listed[k] = true;
  }
  for (size_t k = 1; k < v.size(); ++k) {
    if (lacks(v[k]) && has(v[k - 1]) && ComparedAfter(tv, v[k - 1], v[k])) copy(v[k - 1], &v[k]);
  }
}

// Quantities of one sentence, without concepts.
std::vector<QuantityMatch> MatchQuantities(const TokenView& tv);

// Fills the concept of every match from the words around it (concept.cc).
void AttachConcepts(const TokenView& tv, std::vector<QuantityMatch>* matches);

}  // namespace corroborate::extract

#endif  // CORROBORATE_SRC_EXTRACT_QUANTITY_MATCH_H_
