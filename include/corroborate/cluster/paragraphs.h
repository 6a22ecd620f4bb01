// Paragraph-level copy detection: finds a paragraph pasted from one article into another
// (a wire paragraph dropped into a local story, a background paragraph reused across
// stories), which whole-article near-duplicate detection misses when the rest differs.
//
// A paragraph is its set of hashed `shingle_words`-word shingles. Only a content-defined
// sample of them is indexed (the "anchors": shingles whose hash is 0 modulo `sample`, plus
// the smallest), as in winnowing (Schleimer et al., SIGMOD 2003): the same text gives the
// same anchors wherever it appears, so two paragraphs with a high Jaccard similarity
// share anchors almost surely, and the index holds a quarter of the shingles. Candidates
// found through anchors are verified by exact shingle Jaccard, so every match reported
// reaches `threshold`. Anchors held by more than `max_postings` live paragraphs (stock
// phrases) stop taking new ones. Paragraphs can be forgotten (their story is finished),
// so the index holds the open stories only.
#ifndef CORROBORATE_CLUSTER_PARAGRAPHS_H_
#define CORROBORATE_CLUSTER_PARAGRAPHS_H_

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace corroborate::cluster {

struct ParagraphOptions {
  int shingle_words = 4;
  size_t min_words = 15;     // shorter paragraphs (datelines, captions, quotes) are not indexed
  double threshold = 0.7;    // exact shingle Jaccard for a paste
  uint32_t sample = 4;       // anchors: shingles whose hash is 0 mod this
  size_t max_postings = 64;  // an anchor held by more live paragraphs than this is a stock phrase
};

struct ParagraphPrint {
  std::vector<uint32_t> shingles;  // sorted unique shingle hashes; empty when too short
  std::vector<uint32_t> anchors;   // the indexed sample of them
};

ParagraphPrint MakeParagraphPrint(std::string_view text, const ParagraphOptions& options = {});

class ParagraphIndex {
 public:
  explicit ParagraphIndex(const ParagraphOptions& options = {}) : options_(options) {}

  struct Match {
    int64_t id = -1;     // the earliest live paragraph at the best similarity, or -1
    double jaccard = 0;
  };
  // The best match among live paragraphs added before.
  Match Find(const ParagraphPrint& p) const;
  // Adds a paragraph (ids are 0, 1, 2, ... in order); a too-short one is counted, never found.
  uint32_t Add(ParagraphPrint p);
  // Paragraph `id` is no longer a source: it leaves the index and its shingles are freed.
  void Forget(uint32_t id);
  size_t live() const { return prints_.size(); }

 private:
  ParagraphOptions options_;
  uint32_t next_id_ = 0;
  std::unordered_map<uint32_t, ParagraphPrint> prints_;            // live paragraphs by id
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings_;  // anchor -> live paragraph ids
};

}  // namespace corroborate::cluster

#endif  // CORROBORATE_CLUSTER_PARAGRAPHS_H_
