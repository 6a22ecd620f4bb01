// Paragraph-level copy detection; see include/corroborate/cluster/paragraphs.h.
#include "corroborate/cluster/paragraphs.h"

#include <algorithm>

#include "corroborate/base/sorted.h"
#include "corroborate/cluster/minhash.h"

namespace corroborate::cluster {

ParagraphPrint MakeParagraphPrint(std::string_view text, const ParagraphOptions& options) {
  ParagraphPrint p;
  size_t words = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    bool w = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    words += w && !in_word;
    in_word = w;
  }
  if (words < options.min_words) return p;
  MinHashOptions m;
  m.shingle_words = options.shingle_words;
  m.permutations = 1;  // only the shingle set is wanted
  p.shingles = MakeFingerprint(text, m).shingles;
  for (uint32_t h : p.shingles) {
    // Shingle hashes are uniform; a multiplicative remix keeps the sample independent of
    // the order they are stored in.
    if ((h * 0x9E3779B1u) % std::max<uint32_t>(1, options.sample) == 0) p.anchors.push_back(h);
  }
  if (!p.shingles.empty() && (p.anchors.empty() || p.anchors[0] != p.shingles[0])) {
    p.anchors.insert(p.anchors.begin(), p.shingles[0]);  // the smallest: every paragraph has one
  }
  return p;
}

ParagraphIndex::Match ParagraphIndex::Find(const ParagraphPrint& p) const {
  Match best;
  if (p.shingles.empty()) return best;
  std::unordered_map<uint32_t, uint32_t> shared;
  for (uint32_t a : p.anchors) {
    auto it = postings_.find(a);
    if (it == postings_.end()) continue;
    for (uint32_t id : it->second) ++shared[id];
  }
  // Verify the candidates sharing the most anchors (a paste shares most of them).
  std::vector<std::pair<uint32_t, uint32_t>> ranked(shared.begin(), shared.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  });
  if (ranked.size() > 16) ranked.resize(16);
  for (const auto& [id, count] : ranked) {
    double j = SortedJaccard(p.shingles, prints_.at(id).shingles);
    if (j >= options_.threshold && (j > best.jaccard || (j == best.jaccard && id < best.id))) {
      best.id = id;
      best.jaccard = j;
    }
  }
  return best;
}

uint32_t ParagraphIndex::Add(ParagraphPrint p) {
  uint32_t id = next_id_++;
  if (p.shingles.empty()) return id;
  for (uint32_t a : p.anchors) {
    std::vector<uint32_t>& list = postings_[a];
    if (list.size() < options_.max_postings) list.push_back(id);
  }
  prints_.emplace(id, std::move(p));
  return id;
}

void ParagraphIndex::Forget(uint32_t id) {
  auto found = prints_.find(id);
  if (found == prints_.end()) return;
  const ParagraphPrint& p = found->second;
  for (uint32_t a : p.anchors) {
    auto it = postings_.find(a);
    if (it == postings_.end()) continue;
    std::vector<uint32_t>& list = it->second;
    list.erase(std::remove(list.begin(), list.end(), id), list.end());
    if (list.empty()) postings_.erase(it);
  }
  prints_.erase(found);
}

}  // namespace corroborate::cluster
