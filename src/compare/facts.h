// Facts: figures from different articles grouped when they state the same measure, from
// the same source, for the same time; then given a status. Also the measure-level views
// built on facts: timelines and differing estimates.
#ifndef CORROBORATE_SRC_COMPARE_FACTS_H_
#define CORROBORATE_SRC_COMPARE_FACTS_H_

#include <vector>

#include "corroborate/compare/features.h"
#include "corroborate/compare/story.h"
#include "corroborate/extract/entities.h"

namespace corroborate::compare {

// The interval of values a mention is consistent with, once rounding and its qualifier are
// taken into account: "55,000" -> [54,500, 55,500), "nearly 400,000" -> [375,000, 405,000),
// "more than 2,500" -> [2,450, inf). Exposed for tests.
struct ValueInterval {
  double lo = 0;
  double hi = 0;
};
ValueInterval Widen(const extract::Quantity& q, double approx_tolerance);
bool Overlap(const ValueInterval& a, const ValueInterval& b);

// True when two counted concepts can name the same measure: no conflicting place, event or
// counted class ("soldiers" and "people" are compatible, "killed" and "wounded" are not).
bool ConceptsCompatible(const extract::Concept& a, const extract::Concept& b);
// 0..1: how much of what the two concepts say agrees.
double ConceptSimilarity(const extract::Concept& a, const extract::Concept& b);

// Groups mentions into facts and computes their status and consolidated values.
std::vector<Fact> BuildFacts(const std::vector<StoryArticle>& articles,
                             const std::vector<SentenceFeatures>& sentences,
                             const extract::EntityResolver& entities, Vocabulary* vocab,
                             const CompareOptions& options);

std::vector<Timeline> BuildTimelines(const std::vector<StoryArticle>& articles,
                                     const std::vector<Fact>& facts);
std::vector<Estimates> BuildEstimates(const std::vector<StoryArticle>& articles,
                                      const std::vector<Fact>& facts);

}  // namespace corroborate::compare

#endif  // CORROBORATE_SRC_COMPARE_FACTS_H_
