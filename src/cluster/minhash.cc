// MinHash with one-permutation hashing and LSH; see include/corroborate/cluster/minhash.h.
#include "corroborate/cluster/minhash.h"

#include <xxhash.h>

#include "corroborate/base/sorted.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace corroborate::cluster {
namespace {

inline uint64_t Mix(uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline bool WordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// LSD radix sort of 32-bit keys, three passes of 11 bits: linear, and several times
// faster than std::sort for the few hundred shingles of an article.
void RadixSort(std::vector<uint32_t>* v) {
  std::vector<uint32_t> tmp(v->size());
  uint32_t* src = v->data();
  uint32_t* dst = tmp.data();
  const size_t n = v->size();
  for (int shift = 0; shift < 33; shift += 11) {
    size_t count[2049] = {0};
    for (size_t i = 0; i < n; ++i) ++count[((src[i] >> shift) & 2047) + 1];
    for (size_t b = 0; b < 2048; ++b) count[b + 1] += count[b];
    for (size_t i = 0; i < n; ++i) dst[count[(src[i] >> shift) & 2047]++] = src[i];
    std::swap(src, dst);
  }
  if (src != v->data()) std::copy(src, src + n, v->data());
}

}  // namespace

Fingerprint MakeFingerprint(std::string_view text, const MinHashOptions& options) {
  Fingerprint f;
  const int k = std::max(1, options.shingle_words);
  const uint32_t bins = static_cast<uint32_t>(std::max(1, options.permutations));
  std::vector<uint64_t> ring(static_cast<size_t>(k), 0);
  std::vector<uint64_t> hashes;  // one mixed 64-bit hash per shingle
  hashes.reserve(text.size() / 5 + 1);
  uint64_t exact = 0x9E3779B97F4A7C15ULL;
  size_t words = 0;
  char word[64];
  size_t i = 0;
  const size_t n = text.size();
  // Shingle hashes roll: h = sum of word_hash[i] * P^(k-1-i) over the last k words (mod
  // 2^64), updated in O(1) per word, then mixed once.
  constexpr uint64_t kP = 0x100000001B3ULL;
  uint64_t pk = 1;  // P^k
  for (int j = 0; j < k; ++j) pk *= kP;
  uint64_t rolling = 0;
  while (i < n) {
    while (i < n && !WordByte(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= n) break;
    size_t len = 0;
    uint64_t wh;
    size_t start = i;
    while (i < n && WordByte(static_cast<unsigned char>(text[i]))) {
      char c = text[i];
      if (len < sizeof word) word[len++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      ++i;
    }
    wh = (i - start) <= sizeof word ? XXH3_64bits(word, len) : XXH3_64bits(text.data() + start, i - start);
    exact = exact * kP + wh;
    uint64_t& slot = ring[words % static_cast<size_t>(k)];
    rolling = rolling * kP + wh - (words >= static_cast<size_t>(k) ? slot * pk : 0);
    slot = wh;
    ++words;
    if (words >= static_cast<size_t>(k)) hashes.push_back(Mix(rolling));
  }
  if (words > 0 && words < static_cast<size_t>(k)) hashes.push_back(Mix(rolling));
  f.exact = Mix(exact ^ words);
  // One-permutation hashing: bin by the shingle hash, keep the minimum of a second hash.
  const uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  f.signature.assign(bins, kEmpty);
  // The high half of a shingle's hash picks its bin and is its identity in the shingle
  // set; the low half is its value in the bin.
  std::vector<uint32_t> shingles(hashes.size());
  for (size_t j = 0; j < hashes.size(); ++j) {
    uint64_t h = hashes[j];
    uint32_t bin = static_cast<uint32_t>(((h >> 32) * bins) >> 32);
    uint32_t v = static_cast<uint32_t>(h);
    if (v < f.signature[bin]) f.signature[bin] = v;
    shingles[j] = static_cast<uint32_t>(h >> 32);
  }
  // Optimal densification: an empty bin copies the bin that a per-bin hash sequence
  // lands on first among the full ones (the same for every document).
  if (!shingles.empty()) {
    std::vector<uint32_t> filled = f.signature;
    for (uint32_t b = 0; b < bins; ++b) {
      if (filled[b] != kEmpty) continue;
      for (uint64_t attempt = 1;; ++attempt) {
        uint64_t h = Mix((static_cast<uint64_t>(b) << 32) ^ attempt);
        uint32_t from = static_cast<uint32_t>(((h >> 32) * bins) >> 32);
        if (filled[from] != kEmpty) {
          f.signature[b] = filled[from];
          break;
        }
      }
    }
  }
  if (shingles.size() > 64) {
    RadixSort(&shingles);
  } else {
    std::sort(shingles.begin(), shingles.end());
  }
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  f.shingles = std::move(shingles);
  return f;
}

double CandidateProbability(double s, int bands, int rows) {
  return 1.0 - std::pow(1.0 - std::pow(s, rows), bands);
}

double EstimatedJaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

double ExactJaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  return SortedJaccard(a, b, /*empty=*/1.0);
}

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

LshIndex::LshIndex(const MinHashOptions& options)
    : options_(options), bands_(static_cast<size_t>(options.bands)), next_(static_cast<size_t>(options.bands)) {}

uint64_t LshIndex::BandKey(const std::vector<uint32_t>& signature, int band) const {
  uint64_t k = XXH3_64bits_withSeed(signature.data() + static_cast<size_t>(band * options_.rows),
                                    static_cast<size_t>(options_.rows) * sizeof(uint32_t), static_cast<uint64_t>(band));
  return k == 0 ? 1 : k;
}

const uint32_t* LshIndex::Find(const Table& t, uint64_t key) const {
  if (t.keys.empty()) return nullptr;
  size_t mask = t.keys.size() - 1;
  for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
    if (t.keys[i] == key) return &t.heads[i];
    if (t.keys[i] == 0) return nullptr;
  }
}

uint32_t* LshIndex::Find(Table* t, uint64_t key) const {
  if (t->keys.empty() || (t->used + 1) * 2 > t->keys.size()) {
    // Grow to keep the load under one half.
    Table bigger;
    size_t size = std::max<size_t>(64, t->keys.size() * 2);
    bigger.keys.assign(size, 0);
    bigger.heads.assign(size, kNone);
    for (size_t i = 0; i < t->keys.size(); ++i) {
      if (t->keys[i] == 0) continue;
      for (size_t j = Mix(t->keys[i]) & (size - 1);; j = (j + 1) & (size - 1)) {
        if (bigger.keys[j] == 0) {
          bigger.keys[j] = t->keys[i];
          bigger.heads[j] = t->heads[i];
          break;
        }
      }
    }
    bigger.used = t->used;
    *t = std::move(bigger);
  }
  size_t mask = t->keys.size() - 1;
  for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
    if (t->keys[i] == key) return &t->heads[i];
    if (t->keys[i] == 0) {
      t->keys[i] = key;
      ++t->used;
      return &t->heads[i];
    }
  }
}

std::vector<uint32_t> LshIndex::Candidates(const std::vector<uint32_t>& signature) const {
  std::vector<uint32_t> out;
  if (signature.size() < static_cast<size_t>(options_.bands * options_.rows)) return out;
  for (int b = 0; b < options_.bands; ++b) {
    const uint32_t* head = Find(bands_[static_cast<size_t>(b)], BandKey(signature, b));
    for (uint32_t id = head ? *head : kNone; id != kNone; id = next_[static_cast<size_t>(b)][id]) out.push_back(id);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void LshIndex::Add(uint32_t id, const std::vector<uint32_t>& signature) {
  ++count_;
  bool indexed = signature.size() >= static_cast<size_t>(options_.bands * options_.rows);
  for (int b = 0; b < options_.bands; ++b) {
    std::vector<uint32_t>& next = next_[static_cast<size_t>(b)];
    if (next.size() <= id) next.resize(id + 1, kNone);
    if (!indexed) continue;
    uint32_t* head = Find(&bands_[static_cast<size_t>(b)], BandKey(signature, b));
    next[id] = *head;  // kNone when the key is new
    *head = id;
  }
}

DuplicateFinder::DuplicateFinder(const MinHashOptions& options) : options_(options), index_(options) {}

DuplicateFinder::Match DuplicateFinder::Add(Fingerprint f) {
  Match m;
  uint32_t id = static_cast<uint32_t>(docs_.size());
  if (f.shingles.size() < options_.min_shingles) {
    original_.push_back(id);
    docs_.push_back(std::move(f));
    index_.Add(id, {});  // counted, never a candidate
    return m;
  }
  auto ex = exact_.find(f.exact);
  if (ex != exact_.end()) {
    m.original = RootOf(ex->second);
    m.jaccard = 1;
    m.exact = true;
  } else {
    exact_.emplace(f.exact, id);
    std::vector<uint32_t> cands = index_.Candidates(f.signature);
    m.candidates = cands.size();
    double best = 0;
    int64_t best_id = -1;
    for (uint32_t c : cands) {
      if (docs_[c].shingles.empty()) continue;  // forgotten
      double j = ExactJaccard(f.shingles, docs_[c].shingles);
      if (j >= options_.threshold && j > best) {
        best = j;
        best_id = c;
      }
    }
    if (best_id >= 0) {
      m.original = RootOf(static_cast<uint32_t>(best_id));
      m.jaccard = best;
    }
  }
  index_.Add(id, f.signature);
  original_.push_back(m.original >= 0 ? m.original : id);
  std::vector<uint32_t>().swap(f.signature);  // indexed: only the shingles verify later pairs
  docs_.push_back(std::move(f));
  return m;
}

int64_t DuplicateFinder::RootOf(uint32_t matched) const {
  // The first copy's original when still known; once forgotten, the matched copy itself.
  uint32_t root = original_[matched];
  return docs_[root].shingles.empty() ? matched : root;
}

void DuplicateFinder::Forget(uint32_t id) {
  if (id >= docs_.size()) return;
  Fingerprint& f = docs_[id];
  auto ex = exact_.find(f.exact);
  if (ex != exact_.end() && ex->second == id) exact_.erase(ex);
  std::vector<uint32_t>().swap(f.shingles);
}

}  // namespace corroborate::cluster
