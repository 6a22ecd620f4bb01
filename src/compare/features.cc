#include "corroborate/base/sorted.h"
#include "corroborate/compare/features.h"

#include <xxhash.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>

#include "corroborate/base/data.h"
#include "corroborate/text/stem.h"
#include "corroborate/text/tokenize.h"

namespace corroborate::compare {
namespace {

const std::unordered_set<std::string>& Stopwords() {
  static const auto* words = [] {
    auto* s = new std::unordered_set<std::string>();
    for (std::string_view w : data::Lines("compare/stopwords.txt")) s->emplace(w);
    return s;
  }();
  return *words;
}

template <typename T>
void SortUnique(std::vector<T>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

std::string NumberKey(std::string_view raw) {
  std::string out;
  for (char c : raw) {
    if (c != ',') out.push_back(c);
  }
  return out;
}

}  // namespace

uint32_t Vocabulary::Id(const std::string& stem) {
  auto [it, inserted] = ids_.emplace(stem, static_cast<uint32_t>(ids_.size()));
  return it->second;
}

bool IsStopword(const std::string& lower) { return Stopwords().count(lower) > 0; }

std::vector<uint32_t> ContentStems(std::string_view text, Span range, Vocabulary* vocab) {
  std::vector<uint32_t> out;
  for (const text::Token& t : text::Tokenize(text, range)) {
    if (t.kind == text::TokenKind::kNumber) {
      out.push_back(vocab->Id("#" + NumberKey(t.Of(text))));
      continue;
    }
    if (t.kind != text::TokenKind::kWord) continue;
    std::string w = text::Fold(t.Of(text));
    if (w.size() < 2 || IsStopword(w)) continue;
    out.push_back(vocab->Id(text::Stem(w)));
  }
  SortUnique(&out);
  return out;
}

std::vector<SentenceFeatures> BuildFeatures(const std::vector<StoryArticle>& articles, Vocabulary* vocab) {
  std::vector<SentenceFeatures> out;
  for (uint32_t a = 0; a < articles.size(); ++a) {
    const text::Document& doc = *articles[a].doc;
    for (const clean::Block& b : *articles[a].blocks) {
      if (!b.kept() || clean::IsMetadataLine(b.role)) continue;
      const text::Paragraph& p = doc.seg.paragraphs[b.paragraph];
      for (uint32_t s = p.first_sentence; s < p.first_sentence + p.sentence_count; ++s) {
        SentenceFeatures f;
        f.article = a;
        f.sentence = s;
        f.paragraph = b.paragraph;
        f.span = doc.seg.sentences[s];
        f.body = b.role == clean::Role::kBody || b.role == clean::Role::kListItem;
        f.title = b.role == clean::Role::kTitle;
        f.stems = ContentStems(doc.text(), f.span, vocab);
        std::vector<std::string> words;
        for (const text::Token& t : text::Tokenize(doc.text(), f.span)) {
          if (t.kind == text::TokenKind::kWord || t.kind == text::TokenKind::kNumber) {
            words.push_back(text::Fold(t.Of(doc.text())));
          }
        }
        f.words = static_cast<uint32_t>(words.size());
        for (size_t i = 0; i + 2 < words.size(); ++i) {
          std::string g = words[i] + ' ' + words[i + 1] + ' ' + words[i + 2];
          f.shingles.push_back(XXH3_64bits(g.data(), g.size()));
        }
        SortUnique(&f.shingles);
        out.push_back(std::move(f));
      }
    }
  }
  return out;
}

size_t Intersection(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) { return SortedIntersection(a, b); }

double Jaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  return a.empty() || b.empty() ? 0 : SortedJaccard(a, b);
}

double Jaccard64(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  return a.empty() || b.empty() ? 0 : SortedJaccard(a, b);
}

double Containment(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty()) return 0;
  return static_cast<double>(Intersection(a, b)) / static_cast<double>(a.size());
}

StemWeights::StemWeights(const std::vector<SentenceFeatures>& sentences, size_t articles) {
  std::vector<uint32_t> df;
  std::vector<uint32_t> last_article;
  for (const SentenceFeatures& f : sentences) {
    for (uint32_t s : f.stems) {
      if (s >= df.size()) {
        df.resize(s + 1, 0);
        last_article.resize(s + 1, UINT32_MAX);
      }
      if (last_article[s] != f.article) {
        last_article[s] = f.article;
        ++df[s];
      }
    }
  }
  w_.resize(df.size());
  for (size_t s = 0; s < df.size(); ++s) {
    w_[s] = df[s] ? std::log(1.0 + static_cast<double>(articles) / df[s]) : 0;
  }
}

double StemWeights::Sum(const std::vector<uint32_t>& stems) const {
  double sum = 0;
  for (uint32_t s : stems) sum += (*this)(s);
  return sum;
}

double CopySimilarity(const SentenceFeatures& a, const SentenceFeatures& b, const StemWeights& w) {
  double shared = 0;
  size_t n = 0;
  size_t i = 0, j = 0;
  while (i < a.stems.size() && j < b.stems.size()) {
    if (a.stems[i] < b.stems[j]) {
      ++i;
    } else if (b.stems[j] < a.stems[i]) {
      ++j;
    } else {
      shared += w(a.stems[i]);
      ++n;
      ++i;
      ++j;
    }
  }
  double shingles = Jaccard64(a.shingles, b.shingles);
  if (n < 4) return shingles;
  double denom = std::min(w.Sum(a.stems), w.Sum(b.stems));
  return std::max(denom > 0 ? shared / denom : 0, shingles);
}

double Support(const SentenceFeatures& a, const SentenceFeatures& b) {
  if (Intersection(a.stems, b.stems) < 3) return Jaccard64(a.shingles, b.shingles);
  return std::max(Containment(a.stems, b.stems), Jaccard64(a.shingles, b.shingles));
}

double SentenceSimilarity(const SentenceFeatures& a, const SentenceFeatures& b) {
  return std::max(Jaccard(a.stems, b.stems), Jaccard64(a.shingles, b.shingles));
}

}  // namespace corroborate::compare
