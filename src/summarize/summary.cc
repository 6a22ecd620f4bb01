#include "corroborate/summarize/summary.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "corroborate/base/strings.h"
#include "corroborate/clean/clean.h"
#include "corroborate/compare/features.h"

namespace corroborate::summarize {
namespace {

using compare::SentenceFeatures;

struct Candidate {
  uint32_t feature = 0;  // index into features
  std::set<uint32_t> support;  // articles
  size_t outlets = 0;           // distinct outlets among them
  std::vector<uint32_t> facts;
  double score = 0;
  bool has_top_fact = false;
  bool terminal = false;  // ends as a sentence does, not as a headline or a menu
};

// A full stop, question or exclamation mark at the end, perhaps inside closing quotes or
// brackets (the text is normalised: curly quotes are already straight). Unlike the clean
// stage's paragraph test, a colon or semicolon does not end a sentence here.
bool EndsLikeASentence(std::string_view text) {
  text = Trim(text);
  while (!text.empty() && (text.back() == '"' || text.back() == '\'' || text.back() == ')' || text.back() == ']')) {
    text.remove_suffix(1);
  }
  return !text.empty() && (text.back() == '.' || text.back() == '?' || text.back() == '!');
}

}  // namespace

std::vector<SummarySentence> Summarize(const std::vector<compare::StoryArticle>& articles,
                                       const compare::StoryAnalysis& analysis,
                                       const SummaryOptions& options,
                                       const std::vector<SentenceFeatures>* sentences) {
  std::vector<SentenceFeatures> built;
  if (!sentences) {
    compare::Vocabulary vocab;
    built = compare::BuildFeatures(articles, &vocab);
    sentences = &built;
  }
  const std::vector<SentenceFeatures>& features = *sentences;

  // Facts per sentence.
  std::map<std::pair<uint32_t, uint32_t>, std::vector<uint32_t>> facts_of;
  for (uint32_t f = 0; f < analysis.facts.size(); ++f) {
    for (const compare::MentionRef& r : analysis.facts[f].mentions) {
      uint32_t s = articles[r.article].extraction->mentions[r.mention].sentence;
      auto& v = facts_of[{r.article, s}];
      if (std::find(v.begin(), v.end(), f) == v.end()) v.push_back(f);
    }
  }
  // Opinion passages are not summary material.
  auto in_opinion = [&](const SentenceFeatures& s) {
    for (const compare::SingleSourceSpan& o : analysis.single_source) {
      if (o.kind == compare::ClaimKind::kOpinion && o.article == s.article && o.span.Overlaps(s.span)) return true;
    }
    return false;
  };

  std::unordered_map<uint32_t, std::vector<uint32_t>> postings;
  for (uint32_t i = 0; i < features.size(); ++i) {
    if (!features[i].body) continue;
    for (uint32_t stem : features[i].stems) postings[stem].push_back(i);
  }

  // Support is counted in outlets: two articles of one outlet corroborate nothing.
  const std::vector<uint32_t> outlet = compare::Outlets(articles);
  std::vector<Candidate> candidates;
  std::unordered_map<uint32_t, uint32_t> shared;
  for (uint32_t i = 0; i < features.size(); ++i) {
    const SentenceFeatures& s = features[i];
    if (!s.body || s.words < options.min_words || s.words > options.max_sentence_words) continue;
    std::string_view text = s.span.Of(articles[s.article].doc->text());
    if (!text.empty() && (text.back() == ':' || text.front() == '-')) continue;
    if (clean::IsFurnitureSentence(text)) continue;
    if (in_opinion(s)) continue;
    Candidate c;
    c.feature = i;
    c.terminal = EndsLikeASentence(text);
    c.support.insert(s.article);
    shared.clear();
    for (uint32_t stem : s.stems) {
      for (uint32_t j : postings[stem]) {
        if (features[j].article != s.article) ++shared[j];
      }
    }
    for (const auto& [j, n] : shared) {
      if (n >= 3 && compare::Support(s, features[j]) >= options.support) c.support.insert(features[j].article);
    }
    auto it = facts_of.find({s.article, s.sentence});
    if (it != facts_of.end()) {
      c.facts = it->second;
      for (uint32_t f : c.facts) {
        const compare::Fact& fact = analysis.facts[f];
        bool dissent = std::find(fact.dissenting.begin(), fact.dissenting.end(), s.article) != fact.dissenting.end();
        if (dissent) continue;  // this sentence's figure is the odd one out
        for (uint32_t a : fact.articles) {
          if (std::find(fact.dissenting.begin(), fact.dissenting.end(), a) == fact.dissenting.end()) {
            c.support.insert(a);
          }
        }
        if (f == 0) c.has_top_fact = true;
      }
    }
    // Corroboration first; then figures; earlier sentences of an article lead it.
    double position = 1.0 / (1.0 + s.sentence);
    c.outlets = compare::DistinctOutlets(outlet, c.support);
    c.score = static_cast<double>(c.outlets) + 0.3 * static_cast<double>(c.facts.size() > 0) +
              0.5 * position - 0.01 * s.words;
    candidates.push_back(std::move(c));
  }
  if (candidates.empty()) return {};

  std::vector<uint32_t> order(candidates.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return candidates[a].score > candidates[b].score;
  });
  // Lead: the best sentence stating the most corroborated fact.
  int lead = -1;
  if (!analysis.facts.empty() && analysis.facts[0].outlets >= 2) {
    for (uint32_t k : order) {
      if (candidates[k].has_top_fact) {
        lead = static_cast<int>(k);
        break;
      }
    }
  }
  std::vector<uint32_t> chosen;
  size_t words = 0;
  std::set<uint32_t> covered_facts;
  // With several outlets, only sentences another outlet supports are summary material.
  const size_t min_support = std::set<uint32_t>(outlet.begin(), outlet.end()).size() > 1 ? 2 : 1;
  // Headlines and menus run on without a full stop ("Four Corners Inside Business
  // Landline"): they are taken only when no sentence would be.
  bool sentences_only = true;
  auto try_add = [&](uint32_t k) {
    const Candidate& c = candidates[k];
    const SentenceFeatures& s = features[c.feature];
    if (c.outlets < min_support) return;
    if (sentences_only && !c.terminal) return;
    if (words + s.words > options.max_words) return;
    for (uint32_t other : chosen) {
      const SentenceFeatures& o = features[candidates[other].feature];
      if (compare::Support(s, o) >= options.redundancy || compare::Support(o, s) >= options.redundancy) return;
    }
    if (!c.facts.empty()) {
      bool news = false;
      for (uint32_t f : c.facts) news = news || !covered_facts.count(f);
      if (!news) return;  // its figures are already in the summary
    }
    chosen.push_back(k);
    words += s.words;
    covered_facts.insert(c.facts.begin(), c.facts.end());
  };
  for (bool only : {true, false}) {
    sentences_only = only;
    if (lead >= 0) try_add(static_cast<uint32_t>(lead));
    for (uint32_t k : order) {
      if (std::find(chosen.begin(), chosen.end(), k) == chosen.end()) try_add(k);
    }
    if (!chosen.empty()) break;
  }

  std::vector<SummarySentence> out;
  for (uint32_t k : chosen) {
    const Candidate& c = candidates[k];
    const SentenceFeatures& s = features[c.feature];
    const text::Document& doc = *articles[s.article].doc;
    SummarySentence ss;
    ss.article = s.article;
    ss.span = s.span;
    ss.text = CollapseWhitespace(s.span.Of(doc.text()));
    ss.citations.assign(c.support.begin(), c.support.end());
    ss.facts = c.facts;
    std::sort(ss.facts.begin(), ss.facts.end());
    out.push_back(std::move(ss));
  }
  return out;
}

}  // namespace corroborate::summarize
