// Sentence features shared by the comparisons: content-word stems (for paraphrase) and
// word 3-shingles (for verbatim copying), interned to integers and kept sorted so set
// operations are linear merges.
#ifndef CORROBORATE_COMPARE_FEATURES_H_
#define CORROBORATE_COMPARE_FEATURES_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "corroborate/compare/story.h"

namespace corroborate::compare {

struct SentenceFeatures {
  uint32_t article = 0;
  uint32_t sentence = 0;   // index into the article's document sentences
  uint32_t paragraph = 0;
  Span span;
  bool body = false;       // kept story prose (not a title, heading or dateline)
  bool title = false;
  std::vector<uint32_t> stems;     // sorted unique content stems
  std::vector<uint64_t> shingles;  // sorted unique word 3-gram hashes
  uint32_t words = 0;
};

class Vocabulary {
 public:
  uint32_t Id(const std::string& stem);
  size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

// Features of every kept sentence of every article, in article then sentence order.
std::vector<SentenceFeatures> BuildFeatures(const std::vector<StoryArticle>& articles, Vocabulary* vocab);

// Content stems of a piece of text ("Ukrainian soldiers were killed" -> ukrainian, soldier,
// kill); numbers become their digits without separators.
std::vector<uint32_t> ContentStems(std::string_view text, Span range, Vocabulary* vocab);

bool IsStopword(const std::string& lower);

double Jaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);
double Jaccard64(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);
size_t Intersection(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);
// |a ∩ b| / |a|: how much of a is found in b.
double Containment(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

// Story-level stem weights, log(1 + N / df) over the story's N articles: words every outlet
// uses ("Ukraine", the headline figure) weigh little when telling who copied whom.
class StemWeights {
 public:
  StemWeights(const std::vector<SentenceFeatures>& sentences, size_t articles);
  double operator()(uint32_t stem) const { return stem < w_.size() ? w_[stem] : 0; }
  double Sum(const std::vector<uint32_t>& stems) const;

 private:
  std::vector<double> w_;
};

// Copy similarity of two sentences: the weighted overlap coefficient of their stems
// (shared weight over the smaller sentence's weight), or their shingle Jaccard when that
// is higher. Paraphrases that keep the distinctive words score high; two sentences that
// only share the story's common words do not. 0 when fewer than 4 stems are shared.
double CopySimilarity(const SentenceFeatures& a, const SentenceFeatures& b, const StemWeights& w);

// How far sentence a is supported by sentence b: the share of a's content stems found in
// b, or the shingle Jaccard when higher. Unweighted, because the story's common words are
// exactly what a corroborating sentence shares.
double Support(const SentenceFeatures& a, const SentenceFeatures& b);

// Symmetric similarity for ranking: the larger of stem Jaccard and shingle Jaccard.
double SentenceSimilarity(const SentenceFeatures& a, const SentenceFeatures& b);

}  // namespace corroborate::compare

#endif  // CORROBORATE_COMPARE_FEATURES_H_
