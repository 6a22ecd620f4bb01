// Copy relations and single-source content: both rest on aligning sentences across
// articles.
#ifndef CORROBORATE_SRC_COMPARE_COPIES_H_
#define CORROBORATE_SRC_COMPARE_COPIES_H_

#include <vector>

#include "corroborate/compare/features.h"
#include "corroborate/compare/story.h"

namespace corroborate::compare {

// For every pair of articles that share sentences (verbatim or paraphrased): a similarity
// (0..1, word-weighted share of aligned sentences), the number of shared sentences, and a
// direction when publication times or containment show one.
std::vector<CopyRelation> BuildCopies(const std::vector<StoryArticle>& articles,
                                      const std::vector<SentenceFeatures>& sentences,
                                      const CompareOptions& options);

// Sentences that no other outlet supports, marked as opinion when they editorialise.
// Articles that are near-copies of each other count as one outlet.
std::vector<SingleSourceSpan> BuildSingleSource(const std::vector<StoryArticle>& articles,
                                                const std::vector<SentenceFeatures>& sentences,
                                                const std::vector<CopyRelation>& copies,
                                                const std::vector<Fact>& facts,
                                                const CompareOptions& options);

// The opinion score of a sentence (see data/compare/opinion.tsv); `cues` gets the cues.
double OpinionScore(std::string_view text, Span sentence, std::vector<std::string>* cues);

}  // namespace corroborate::compare

#endif  // CORROBORATE_SRC_COMPARE_COPIES_H_
