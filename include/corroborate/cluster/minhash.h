// Near-duplicate detection: exact content hashes, MinHash signatures with LSH banding over
// word shingles, and exact Jaccard verification of every candidate pair.
//
// Signatures use one-permutation hashing with optimal densification (Li et al. 2012;
// Shrivastava 2017): each shingle is hashed once and falls into one of `permutations`
// bins, each bin keeps its minimum, and empty bins borrow from a pseudo-randomly chosen
// full one. Two signatures agree in a bin with probability equal to the documents'
// Jaccard similarity, as with classic MinHash, at the cost of one hash per shingle instead
// of one per shingle and permutation.
//
// LSH: the signature is cut into `bands` bands of `rows` bins; two documents become a
// candidate pair when all rows of at least one band agree, which for Jaccard similarity s
// happens with probability 1 - (1 - s^rows)^bands (the S-curve; CandidateProbability).
// Defaults: 5-word shingles, 128 bins, 32 bands x 4 rows (the curve's midpoint is near
// s = 0.42; s = 0.8 is a candidate with probability 0.99997), and pairs whose exact
// shingle Jaccard reaches 0.8 are near-duplicates.
#ifndef CORROBORATE_CLUSTER_MINHASH_H_
#define CORROBORATE_CLUSTER_MINHASH_H_

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace corroborate::cluster {

struct MinHashOptions {
  int shingle_words = 5;  // words per shingle
  int permutations = 128; // signature length (bins); must equal bands * rows
  int bands = 32;
  int rows = 4;
  double threshold = 0.8;  // exact Jaccard at or above which two documents are near-duplicates
  // Documents with fewer shingles (a caption, an empty page) are too short to call copies.
  size_t min_shingles = 8;
};

struct Fingerprint {
  uint64_t exact = 0;               // hash of the normalised word sequence: equal text, equal hash
  std::vector<uint32_t> shingles;   // sorted unique 32-bit shingle hashes, for exact Jaccard
  std::vector<uint32_t> signature;  // `permutations` MinHash values
};

// Words are maximal runs of letters and digits (ASCII case-folded; other UTF-8 bytes are
// kept as part of words). A text shorter than one shingle is one shingle.
Fingerprint MakeFingerprint(std::string_view text, const MinHashOptions& options = {});

// The probability that two documents with Jaccard similarity `s` become an LSH candidate.
double CandidateProbability(double s, int bands, int rows);

// Fraction of equal bins: an unbiased estimate of the Jaccard similarity.
double EstimatedJaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

// Exact Jaccard similarity of two sorted unique sets.
double ExactJaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

// An LSH index over signatures, filled in arrival order. Deterministic.
class LshIndex {
 public:
  explicit LshIndex(const MinHashOptions& options = {});
  // Documents added so far that share a band with `signature`, in increasing id order.
  std::vector<uint32_t> Candidates(const std::vector<uint32_t>& signature) const;
  void Add(uint32_t id, const std::vector<uint32_t>& signature);
  size_t size() const { return count_; }

 private:
  uint64_t BandKey(const std::vector<uint32_t>& signature, int band) const;

  // Per band, an open-addressing table from band key to the newest document with that
  // key; `next_` chains each document to the previous one with the same key. About 28
  // bytes per document and band, a third of a map of vectors.
  struct Table {
    std::vector<uint64_t> keys;  // 0 = empty slot (a zero key is stored as 1)
    std::vector<uint32_t> heads;
    size_t used = 0;
  };
  uint32_t* Find(Table* t, uint64_t key) const;
  const uint32_t* Find(const Table& t, uint64_t key) const;

  MinHashOptions options_;
  std::vector<Table> bands_;
  std::vector<std::vector<uint32_t>> next_;  // per band, per document: previous with the key
  size_t count_ = 0;
};

// Online near-duplicate detection: documents arrive in order; each is compared with the
// earlier ones (exact hash first, then LSH candidates verified by exact Jaccard).
class DuplicateFinder {
 public:
  explicit DuplicateFinder(const MinHashOptions& options = {});

  struct Match {
    int64_t original = -1;  // the earliest document it duplicates that is not forgotten, or -1
    double jaccard = 0;     // exact shingle Jaccard with it (1 for an exact copy)
    bool exact = false;
    size_t candidates = 0;  // LSH candidates examined
  };
  // Adds document `id` (ids must be 0, 1, 2, ... in arrival order) and returns what it
  // duplicates among the documents added before it.
  Match Add(Fingerprint fingerprint);

  // Document `id` can no longer be anyone's original (its story is finished): its
  // shingles are freed and later documents never match it.
  void Forget(uint32_t id);

  // A document added before: its exact hash and shingles (the signature is dropped once
  // indexed, to save memory).
  const Fingerprint& fingerprint(uint32_t id) const { return docs_[id]; }

 private:
  int64_t RootOf(uint32_t matched) const;

  MinHashOptions options_;
  LshIndex index_;
  std::unordered_map<uint64_t, uint32_t> exact_;
  std::vector<Fingerprint> docs_;
  std::vector<int64_t> original_;  // per document: the group's earliest member
};

}  // namespace corroborate::cluster

#endif  // CORROBORATE_CLUSTER_MINHASH_H_
