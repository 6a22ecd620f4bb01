// Near-duplicate detection: fingerprints, the LSH S-curve, and LSH + verification against
// brute force on small corpora.
#include "corroborate/cluster/minhash.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace corroborate::cluster {
namespace {

// A document of `words` words drawn from a vocabulary of `vocab` words.
std::string RandomDoc(std::mt19937* rng, size_t words, size_t vocab) {
  std::uniform_int_distribution<size_t> pick(0, vocab - 1);
  std::string s;
  for (size_t i = 0; i < words; ++i) s += "w" + std::to_string(pick(*rng)) + (i % 17 == 16 ? ". " : " ");
  return s;
}

// `doc` with a share `p` of its words replaced by fresh ones.
std::string Mutate(const std::string& doc, double p, std::mt19937* rng) {
  std::uniform_real_distribution<double> u(0, 1);
  std::string out, word;
  size_t fresh = 0;
  for (char c : doc + " ") {
    if (c == ' ') {
      if (!word.empty()) out += (u(*rng) < p ? "z" + std::to_string((*rng)() % 100000) + "_" + std::to_string(fresh++) : word) + " ";
      word.clear();
    } else {
      word += c;
    }
  }
  return out;
}

TEST(MinHashTest, ExactHashIgnoresCaseAndPunctuation) {
  Fingerprint a = MakeFingerprint("The fire, at the harbour, burned all night.");
  Fingerprint b = MakeFingerprint("the FIRE at the harbour burned all night");
  Fingerprint c = MakeFingerprint("The fire at the harbour burned all day.");
  EXPECT_EQ(a.exact, b.exact);
  EXPECT_NE(a.exact, c.exact);
  EXPECT_EQ(a.signature.size(), 128u);
  EXPECT_DOUBLE_EQ(ExactJaccard(a.shingles, b.shingles), 1.0);
  EXPECT_FALSE(MakeFingerprint("").signature.empty());
  EXPECT_EQ(MakeFingerprint("two words").shingles.size(), 1u);  // shorter than a shingle
}

TEST(MinHashTest, SignaturesEstimateJaccard) {
  std::mt19937 rng(7);
  double worst = 0;
  for (int k = 0; k < 40; ++k) {
    std::string a = RandomDoc(&rng, 600, 5000);
    std::string b = Mutate(a, 0.02 * k, &rng);
    Fingerprint fa = MakeFingerprint(a), fb = MakeFingerprint(b);
    worst = std::max(worst, std::abs(EstimatedJaccard(fa.signature, fb.signature) - ExactJaccard(fa.shingles, fb.shingles)));
  }
  EXPECT_LT(worst, 0.15);  // 128 bins: standard error at most 0.044
}

TEST(MinHashTest, SCurve) {
  EXPECT_NEAR(CandidateProbability(0.8, 32, 4), 0.99997, 1e-4);
  EXPECT_NEAR(CandidateProbability(0.2, 32, 4), 1 - std::pow(1 - 0.0016, 32), 1e-12);
  EXPECT_LT(CandidateProbability(0.1, 32, 4), 0.01);
}

// LSH candidates follow the S-curve: over many pairs, the number that became candidates
// matches the sum of their theoretical probabilities within 2% of the pairs.
TEST(MinHashTest, CandidateRateFollowsTheSCurve) {
  std::mt19937 rng(11);
  MinHashOptions o;
  double expected = 0, observed = 0;
  const int kPairs = 1500;
  for (int k = 0; k < kPairs; ++k) {
    std::string a = RandomDoc(&rng, 300, 20000);
    std::string b = Mutate(a, 0.02 + 0.12 * (k % 10) / 10.0, &rng);
    Fingerprint fa = MakeFingerprint(a, o), fb = MakeFingerprint(b, o);
    LshIndex index(o);
    index.Add(0, fa.signature);
    observed += index.Candidates(fb.signature).empty() ? 0 : 1;
    expected += CandidateProbability(ExactJaccard(fa.shingles, fb.shingles), o.bands, o.rows);
  }
  EXPECT_NEAR(observed / kPairs, expected / kPairs, 0.02);
}

// LSH with verification finds exactly the brute-force near-duplicates (earliest original
// with Jaccard >= threshold), never a false one.
TEST(MinHashTest, LshMatchesBruteForce) {
  std::mt19937 rng(3);
  std::vector<std::string> docs;
  for (int k = 0; k < 60; ++k) docs.push_back(RandomDoc(&rng, 250, 3000));
  for (int k = 0; k < 120; ++k) docs.push_back(Mutate(docs[rng() % docs.size()], 0.01 * (rng() % 12), &rng));
  docs.push_back(docs[5]);  // an exact copy
  MinHashOptions o;
  DuplicateFinder finder(o);
  std::vector<Fingerprint> all;
  size_t found = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    Fingerprint f = MakeFingerprint(docs[i], o);
    all.push_back(f);
    DuplicateFinder::Match m = finder.Add(std::move(f));
    // Brute force: is there an earlier document at or above the threshold?
    double best = 0;
    for (size_t j = 0; j < i; ++j) best = std::max(best, ExactJaccard(all[i].shingles, all[j].shingles));
    bool brute = best >= o.threshold;
    EXPECT_EQ(m.original >= 0, brute) << "document " << i << " best " << best;
    if (m.original >= 0) {
      ++found;
      EXPECT_GE(m.jaccard, o.threshold);  // verified: precision 1
    }
  }
  EXPECT_GT(found, 20u);
}

TEST(MinHashTest, ForgottenDocumentsAreNoOnesOriginal) {
  std::mt19937 rng(5);
  std::string a = RandomDoc(&rng, 200, 3000), b = RandomDoc(&rng, 200, 3000);
  DuplicateFinder finder;
  finder.Add(MakeFingerprint(a));
  finder.Add(MakeFingerprint(b));
  finder.Forget(0);
  EXPECT_TRUE(finder.fingerprint(0).shingles.empty());
  // Neither an exact nor a near copy of the forgotten document matches it...
  EXPECT_EQ(finder.Add(MakeFingerprint(a)).original, -1);
  EXPECT_EQ(finder.Add(MakeFingerprint(Mutate(a, 0.005, &rng))).original, 2);  // ...but the new copy does
  // while the document that was not forgotten still does.
  EXPECT_EQ(finder.Add(MakeFingerprint(b)).original, 1);
}

}  // namespace
}  // namespace corroborate::cluster
