// An extractive, cited summary of one story: at most `max_words` words of sentences taken
// from the articles, each citing every article that supports it, leading with the most
// corroborated fact.
#ifndef CORROBORATE_SUMMARIZE_SUMMARY_H_
#define CORROBORATE_SUMMARIZE_SUMMARY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "corroborate/compare/story.h"

namespace corroborate::summarize {

struct SummarySentence {
  std::string text;                 // the sentence as written (whitespace collapsed)
  uint32_t article = 0;             // where it was taken from
  Span span;                        // in that article's normalised text
  std::vector<uint32_t> citations;  // every supporting article, ascending
  std::vector<uint32_t> facts;      // facts the sentence states (indices)
};

struct SummaryOptions {
  size_t max_words = 150;
  // A sentence is skipped when this much of it is already said by a chosen one.
  double redundancy = 0.5;
  // Another article supports a sentence when it has a sentence with this much of its
  // content (see compare::Support).
  double support = 0.45;
  size_t min_words = 6;
  size_t max_sentence_words = 45;
};

// `sentences`: the features compare::Compare built for these articles (built here when null).
std::vector<SummarySentence> Summarize(const std::vector<compare::StoryArticle>& articles,
                                       const compare::StoryAnalysis& analysis,
                                       const SummaryOptions& options = {},
                                       const std::vector<compare::SentenceFeatures>* sentences = nullptr);

}  // namespace corroborate::summarize

#endif  // CORROBORATE_SUMMARIZE_SUMMARY_H_
