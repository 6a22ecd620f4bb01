#include "compare/copies.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "corroborate/base/data.h"
#include "corroborate/base/strings.h"
#include "corroborate/clean/clean.h"
#include "corroborate/text/tokenize.h"

namespace corroborate::compare {
namespace {

// Best copy similarity of each sentence against each other article, and the sentence
// pairs above the shared-sentence threshold (best first).
struct Alignment {
  std::vector<std::unordered_map<uint32_t, double>> best;  // sentence -> article -> similarity
  struct Pair {
    uint32_t x, y;
    double sim;
  };
  std::vector<Pair> pairs;
};

bool Comparable(const SentenceFeatures& f) { return f.body && f.words >= 5; }

Alignment Align(const std::vector<SentenceFeatures>& s, const StemWeights& w, double threshold) {
  Alignment al;
  al.best.resize(s.size());
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings;
  for (uint32_t i = 0; i < s.size(); ++i) {
    if (!Comparable(s[i])) continue;
    for (uint32_t stem : s[i].stems) postings[stem].push_back(i);
  }
  std::unordered_map<uint32_t, uint32_t> shared;
  for (uint32_t i = 0; i < s.size(); ++i) {
    if (!Comparable(s[i])) continue;
    shared.clear();
    for (uint32_t stem : s[i].stems) {
      const auto& list = postings[stem];
      // Stems in very many sentences carry little signal and cost quadratic time.
      if (list.size() > 2000) continue;
      for (uint32_t j : list) {
        if (j > i && s[j].article != s[i].article) ++shared[j];
      }
    }
    for (const auto& [j, n] : shared) {
      if (n < 2) continue;
      double sim = CopySimilarity(s[i], s[j], w);
      double& bi = al.best[i][s[j].article];
      double& bj = al.best[j][s[i].article];
      bi = std::max(bi, sim);
      bj = std::max(bj, sim);
      if (sim >= threshold) al.pairs.push_back({i, j, sim});
    }
  }
  std::sort(al.pairs.begin(), al.pairs.end(), [](const Alignment::Pair& a, const Alignment::Pair& b) {
    if (a.sim != b.sim) return a.sim > b.sim;
    if (a.x != b.x) return a.x < b.x;
    return a.y < b.y;
  });
  return al;
}

// Publication order when both articles carry times that differ: -1 a first, 1 b first.
int PublishedOrder(const ingest::Article& a, const ingest::Article& b) {
  if (!a.published || !b.published) return 0;
  if (*a.published == *b.published) return 0;
  // Same day without times says nothing about order.
  if (a.published->size() <= 10 || b.published->size() <= 10) {
    if (a.published_date && b.published_date && *a.published_date != *b.published_date) {
      return *a.published_date < *b.published_date ? -1 : 1;
    }
    return 0;
  }
  return *a.published < *b.published ? -1 : 1;
}

struct OpinionCue {
  std::vector<std::string> tokens;
  double weight;
  std::string category;
  std::string phrase;
};

const std::vector<OpinionCue>& OpinionCues() {
  static const auto* cues = [] {
    auto* v = new std::vector<OpinionCue>();
    for (const auto& row : data::Table("compare/opinion.tsv")) {
      if (row.fields.size() < 3) continue;
      OpinionCue c;
      for (const text::Token& t : text::Tokenize(row.fields[0])) {
        c.tokens.push_back(text::Lower(t.Of(row.fields[0])));
      }
      c.weight = std::strtod(std::string(row.fields[1]).c_str(), nullptr);
      c.category = std::string(row.fields[2]);
      c.phrase = std::string(row.fields[0]);
      v->push_back(std::move(c));
    }
    return v;
  }();
  return *cues;
}

}  // namespace

std::vector<CopyRelation> BuildCopies(const std::vector<StoryArticle>& articles,
                                      const std::vector<SentenceFeatures>& sentences,
                                      const CompareOptions& options) {
  StemWeights weights(sentences, articles.size());
  Alignment al = Align(sentences, weights, options.shared_sentence_threshold);
  const size_t n = articles.size();
  std::vector<double> words(n, 0);
  for (const SentenceFeatures& f : sentences) {
    if (Comparable(f)) words[f.article] += f.words;
  }
  // Directional similarity: word-weighted mean best match of a's sentences in b.
  std::map<std::pair<uint32_t, uint32_t>, double> directed;
  for (uint32_t i = 0; i < sentences.size(); ++i) {
    if (!Comparable(sentences[i])) continue;
    for (const auto& [other, sim] : al.best[i]) {
      directed[{sentences[i].article, other}] += sim * sentences[i].words;
    }
  }
  // One-to-one alignment of shared sentences, best pairs first.
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> shared;
  std::set<std::pair<uint32_t, uint32_t>> taken;  // (sentence, other article)
  for (const auto& p : al.pairs) {
    const SentenceFeatures& x = sentences[p.x];
    const SentenceFeatures& y = sentences[p.y];
    if (taken.count({p.x, y.article}) || taken.count({p.y, x.article})) continue;
    taken.insert({p.x, y.article});
    taken.insert({p.y, x.article});
    ++shared[{std::min(x.article, y.article), std::max(x.article, y.article)}];
  }
  std::vector<CopyRelation> out;
  for (uint32_t a = 0; a < n; ++a) {
    for (uint32_t b = a + 1; b < n; ++b) {
      double a_in_b = words[a] > 0 ? directed[{a, b}] / words[a] : 0;
      double b_in_a = words[b] > 0 ? directed[{b, a}] / words[b] : 0;
      CopyRelation r;
      r.a = a;
      r.b = b;
      r.shared_sentences = shared.count({a, b}) ? shared[{a, b}] : 0;
      r.similarity = std::round((a_in_b + b_in_a) / 2 * 1000) / 1000;
      if (r.shared_sentences == 0) continue;
      int order = PublishedOrder(*articles[a].article, *articles[b].article);
      if (order != 0) {
        r.source = order < 0 ? a : b;
        r.basis = "published";
      } else if (std::max(a_in_b, b_in_a) >= 0.6 && std::fabs(a_in_b - b_in_a) >= 0.2) {
        // One article is mostly inside the other: taken as a cut-down copy of it, the way
        // syndicated and rewritten wire copy usually is (cf. the METER corpus). The
        // containing article is the source.
        r.source = a_in_b > b_in_a ? b : a;
        r.basis = "containment";
      }
      out.push_back(r);
    }
  }
  std::sort(out.begin(), out.end(), [](const CopyRelation& x, const CopyRelation& y) {
    if (x.similarity != y.similarity) return x.similarity > y.similarity;
    if (x.a != y.a) return x.a < y.a;
    return x.b < y.b;
  });
  return out;
}

double OpinionScore(std::string_view text, Span sentence, std::vector<std::string>* cues) {
  std::vector<text::Token> toks = text::Tokenize(text, sentence);
  std::vector<std::string> low;
  low.reserve(toks.size());
  for (const text::Token& t : toks) low.push_back(text::Lower(t.Of(text)));
  // A named source for the sentence ("Zelenskyy has accused Moscow ...") makes an
  // accusation a reported claim rather than the outlet's own.
  bool attributed = false;
  for (size_t i = 1; i < toks.size(); ++i) {
    const std::string& w = low[i];
    bool reporting = w == "said" || w == "says" || w == "accused" || w == "accuses" ||
                     w == "according" || w == "told" || w == "claimed" || w == "alleged";
    if (reporting && toks[i - 1].is(text::kCapitalized) && i > 1) attributed = true;
  }
  double score = 0;
  for (const OpinionCue& c : OpinionCues()) {
    for (size_t i = 0; i + c.tokens.size() <= low.size(); ++i) {
      bool match = true;
      for (size_t k = 0; k < c.tokens.size() && match; ++k) match = low[i + k] == c.tokens[k];
      if (!match) continue;
      double w = c.weight;
      if (c.category == "accusation" && attributed) w /= 2;
      score += w;
      if (cues) cues->push_back(c.phrase);
      break;  // each cue counts once per sentence
    }
  }
  return score;
}

std::vector<SingleSourceSpan> BuildSingleSource(const std::vector<StoryArticle>& articles,
                                                const std::vector<SentenceFeatures>& sentences,
                                                const std::vector<CopyRelation>& copies,
                                                const std::vector<Fact>& facts,
                                                const CompareOptions& options) {
  // Sentences that state a figure another outlet also states are corroborated.
  std::set<std::pair<uint32_t, uint32_t>> corroborated;
  for (const Fact& f : facts) {
    if (f.articles.size() < 2) continue;
    for (const MentionRef& r : f.mentions) {
      corroborated.insert({r.article, articles[r.article].extraction->mentions[r.mention].sentence});
    }
  }
  // Outlet groups: one outlet's articles, and near-copies, count as one outlet.
  std::vector<uint32_t> group = Outlets(articles);
  auto root = [&](uint32_t i) {
    while (group[i] != i) i = group[i] = group[group[i]];
    return i;
  };
  for (const CopyRelation& c : copies) {
    if (c.similarity >= 0.8) {
      uint32_t ra = root(c.a), rb = root(c.b);
      if (ra != rb) group[std::max(ra, rb)] = std::min(ra, rb);
    }
  }
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings;
  for (uint32_t i = 0; i < sentences.size(); ++i) {
    for (uint32_t stem : sentences[i].stems) postings[stem].push_back(i);
  }
  struct Candidate {
    uint32_t sentence;
    double support;
    double opinion;
    std::vector<std::string> cues;
  };
  std::vector<Candidate> singles;
  std::unordered_map<uint32_t, uint32_t> shared;
  for (uint32_t i = 0; i < sentences.size(); ++i) {
    const SentenceFeatures& s = sentences[i];
    if (!s.body || s.words < 8 || s.stems.size() < 5) continue;
    std::vector<std::string> cues;
    double opinion = OpinionScore(articles[s.article].doc->text(), s.span, &cues);
    // A corroborated figure makes a plain sentence supported; an editorialising one still
    // needs its words found elsewhere ("Zelensky's claim of 55,000 ... raises questions").
    if (opinion < 2 && corroborated.count({s.article, s.sentence})) continue;
    shared.clear();
    for (uint32_t stem : s.stems) {
      for (uint32_t j : postings[stem]) {
        if (root(sentences[j].article) != root(s.article)) ++shared[j];
      }
    }
    double support = 0;
    for (const auto& [j, n] : shared) {
      if (n < 2) continue;
      support = std::max(support, Support(s, sentences[j]));
    }
    if (support >= options.support_threshold) continue;
    if (clean::IsFurnitureSentence(s.span.Of(articles[s.article].doc->text()))) continue;  // a menu, a copyright line
    Candidate c;
    c.sentence = i;
    c.support = support;
    c.opinion = opinion;
    c.cues = std::move(cues);
    singles.push_back(std::move(c));
  }
  // Paragraph smoothing: in a paragraph where most single-source sentences editorialise,
  // the rest of its single-source sentences belong to the same editorial passage.
  std::map<std::pair<uint32_t, uint32_t>, std::pair<int, int>> para;  // (opinion, total)
  for (const Candidate& c : singles) {
    const SentenceFeatures& s = sentences[c.sentence];
    auto& p = para[{s.article, s.paragraph}];
    p.second += 1;
    if (c.opinion >= 2) p.first += 1;
  }
  std::vector<SingleSourceSpan> out;
  for (const Candidate& c : singles) {
    const SentenceFeatures& s = sentences[c.sentence];
    SingleSourceSpan span;
    span.article = s.article;
    span.span = s.span;
    span.support = std::round(c.support * 1000) / 1000;
    span.cues = c.cues;
    auto p = para[{s.article, s.paragraph}];
    bool opinion = c.opinion >= 2 || (p.first >= 2 && p.first * 2 >= p.second && c.opinion >= 1);
    span.kind = opinion ? ClaimKind::kOpinion : ClaimKind::kClaim;
    // Merge with the previous span when it is the same kind in the same paragraph.
    if (!out.empty() && c.sentence > 0) {
      SingleSourceSpan& last = out.back();
      const SentenceFeatures& prev = sentences[c.sentence - 1];
      bool adjacent = prev.article == s.article && prev.paragraph == s.paragraph &&
                      last.article == s.article && last.span.end == prev.span.end;
      if (adjacent && last.kind == span.kind) {
        last.span.end = s.span.end;
        last.support = std::max(last.support, span.support);
        for (const std::string& cue : span.cues) {
          if (std::find(last.cues.begin(), last.cues.end(), cue) == last.cues.end()) last.cues.push_back(cue);
        }
        continue;
      }
    }
    out.push_back(std::move(span));
  }
  return out;
}

}  // namespace corroborate::compare
