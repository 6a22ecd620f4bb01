#include <algorithm>
#include <numeric>
#include <string>
#include <unordered_map>

#include "compare/copies.h"
#include "compare/facts.h"
#include "corroborate/base/strings.h"
#include "corroborate/compare/features.h"
#include "corroborate/compare/story.h"

namespace corroborate::compare {

const char* FactStatusName(FactStatus s) {
  switch (s) {
    case FactStatus::kAgreed: return "agreed";
    case FactStatus::kCompatible: return "compatible";
    case FactStatus::kConflict: return "conflict";
    case FactStatus::kSingleSource: return "single_source";
  }
  return "single_source";
}

std::vector<uint32_t> Outlets(const std::vector<StoryArticle>& articles) {
  std::vector<uint32_t> out(articles.size());
  std::unordered_map<std::string, uint32_t> first;
  for (uint32_t i = 0; i < articles.size(); ++i) {
    out[i] = i;
    const std::optional<std::string>& source = articles[i].article->source;
    if (!source || Trim(*source).empty()) continue;
    out[i] = first.emplace(AsciiLowerCopy(Trim(*source)), i).first->second;
  }
  return out;
}

StoryAnalysis Compare(const std::vector<StoryArticle>& articles, const CompareOptions& options,
                      std::vector<SentenceFeatures>* sentences_out) {
  StoryAnalysis out;
  for (const StoryArticle& a : articles) {
    if (a.article->published_date &&
        (!out.reference_date || *out.reference_date < *a.article->published_date)) {
      out.reference_date = a.article->published_date;
    }
  }
  extract::EntityResolver resolver;
  for (const StoryArticle& a : articles) {
    for (const extract::SentenceEntity& e : a.extraction->entities) resolver.Add(e.mention);
  }
  resolver.Resolve();

  Vocabulary vocab;
  std::vector<SentenceFeatures> sentences = BuildFeatures(articles, &vocab);
  std::vector<Fact> facts = BuildFacts(articles, sentences, resolver, &vocab, options);

  // Report order: most corroborated (outlets, then articles) first, then where they first
  // appear.
  std::sort(facts.begin(), facts.end(), [](const Fact& a, const Fact& b) {
    if (a.outlets != b.outlets) return a.outlets > b.outlets;
    if (a.articles.size() != b.articles.size()) return a.articles.size() > b.articles.size();
    const MentionRef& ma = a.mentions.front();
    const MentionRef& mb = b.mentions.front();
    if (ma.article != mb.article) return ma.article < mb.article;
    return ma.mention < mb.mention;
  });
  for (size_t i = 0; i < facts.size(); ++i) facts[i].id = "f" + std::to_string(i + 1);

  out.timelines = BuildTimelines(articles, facts);
  out.estimates = BuildEstimates(articles, facts);
  out.copies = BuildCopies(articles, sentences, options);
  out.single_source = BuildSingleSource(articles, sentences, out.copies, facts, options);

  out.coverage.assign(facts.size(), std::vector<uint8_t>(articles.size(), 0));
  for (size_t f = 0; f < facts.size(); ++f) {
    for (uint32_t a : facts[f].articles) out.coverage[f][a] = 1;
  }
  out.facts = std::move(facts);

  for (const extract::Entity& e : resolver.entities()) {
    if (e.type != extract::EntityType::kOther) out.entities.push_back(e);
  }
  std::stable_sort(out.entities.begin(), out.entities.end(),
                   [](const extract::Entity& a, const extract::Entity& b) { return a.mentions > b.mentions; });
  if (sentences_out) *sentences_out = std::move(sentences);
  return out;
}

}  // namespace corroborate::compare
