#include "corroborate/pipeline/analyze.h"

#include <algorithm>
#include <map>

#include "corroborate/base/strings.h"
#include "corroborate/compare/features.h"
#include "corroborate/extract/timex.h"
#include "pipeline/parallel.h"

namespace corroborate::pipeline {
namespace {

// The latest calendar date (month precision or finer) that any article states outright:
// a lower bound for when the story was written, used only when nothing is dated.
std::optional<Date> LatestMentionedDate(const std::vector<std::unique_ptr<ArticleAnalysis>>& arts) {
  std::optional<Date> best;
  for (const auto& a : arts) {
    for (const clean::Block& b : a->blocks) {
      if (!b.kept()) continue;
      const text::Paragraph& p = a->doc.seg.paragraphs[b.paragraph];
      for (uint32_t s = p.first_sentence; s < p.first_sentence + p.sentence_count; ++s) {
        for (const extract::Timex& t : extract::ExtractTimexes(a->doc.text(), a->doc.seg.sentences[s], std::nullopt)) {
          if (t.type != extract::TimexType::kDate || !t.date || t.date->month == 0 || t.relative) continue;
          if (!best || *best < *t.date) best = t.date;
        }
      }
    }
  }
  return best;
}

// The headline most like the others ("the story's title"), or the lead summary sentence.
std::string StoryTitle(const std::vector<std::unique_ptr<ArticleAnalysis>>& arts, const StoryResult& story) {
  compare::Vocabulary vocab;
  std::vector<std::pair<std::string, std::vector<uint32_t>>> titles;
  for (size_t i : story.articles) {
    const ingest::Article& a = arts[i]->article;
    if (!a.title || a.title->empty()) continue;
    titles.emplace_back(*a.title, compare::ContentStems(*a.title, Span{0, static_cast<uint32_t>(a.title->size())}, &vocab));
  }
  if (!titles.empty()) {
    size_t best = 0;
    double best_score = -1;
    for (size_t i = 0; i < titles.size(); ++i) {
      double score = 0;
      for (size_t j = 0; j < titles.size(); ++j) {
        if (i != j) score += compare::Jaccard(titles[i].second, titles[j].second);
      }
      if (score > best_score + 1e-9 || (std::abs(score - best_score) < 1e-9 && titles[i].first.size() < titles[best].first.size())) {
        best = i;
        best_score = score;
      }
    }
    return titles[best].first;
  }
  if (!story.summary.empty()) {
    std::string lead = story.summary[0].text;
    auto words = SplitWhitespace(lead);
    if (words.size() > 14) {
      std::string t;
      for (size_t k = 0; k < 14; ++k) t += (k ? " " : "") + std::string(words[k]);
      return t + "\xE2\x80\xA6";
    }
    return lead;
  }
  return "Untitled story";
}

RunResult Run(std::vector<ingest::Article> input, const AnalyzeOptions& options, RunResult result) {
  const size_t n = input.size();
  result.articles.resize(n);
  for (size_t i = 0; i < n; ++i) {
    result.articles[i] = std::make_unique<ArticleAnalysis>();
    result.articles[i]->article = std::move(input[i]);
  }
  // 1. Normalise and segment.
  ParallelFor(n, options.threads, [&](size_t i) {
    ArticleAnalysis& a = *result.articles[i];
    a.doc = text::MakeDocument(a.article.text, options.normalize, options.segment);
  });
  // 2. Clean, with the cross-article repeated-line signal.
  clean::RepeatedLines repeated(options.clean);
  for (const auto& a : result.articles) repeated.Add(a->doc);
  ParallelFor(n, options.threads, [&](size_t i) {
    ArticleAnalysis& a = *result.articles[i];
    a.blocks = clean::Clean(a.article, a.doc, options.clean, &repeated);
  });
  // 3. Dates: the story's latest publication date resolves undated articles' relative
  //    expressions; without any, the latest stated date stands in for "now".
  std::optional<Date> story_date;
  for (const auto& a : result.articles) {
    if (a->article.published_date && (!story_date || *story_date < *a->article.published_date)) {
      story_date = a->article.published_date;
    }
  }
  std::optional<Date> now = story_date ? story_date : LatestMentionedDate(result.articles);
  for (const auto& a : result.articles) {
    a->reference = a->article.published_date ? a->article.published_date : story_date;
    a->now = a->article.published_date ? a->article.published_date : now;
  }
  // 4. Extract.
  ParallelFor(n, options.threads, [&](size_t i) {
    ArticleAnalysis& a = *result.articles[i];
    a.extraction = extract::ExtractArticle(a.doc, a.blocks, a.reference, options.extract);
  });
  if (n == 0) return result;
  // 5. Compare and summarise: all articles form one story here.
  StoryResult story;
  story.id = "s1";
  std::vector<compare::StoryArticle> view;
  for (size_t i = 0; i < n; ++i) {
    story.articles.push_back(i);
    const ArticleAnalysis& a = *result.articles[i];
    view.push_back(compare::StoryArticle{&a.article, &a.doc, &a.blocks, &a.extraction, a.now});
  }
  story.analysis = compare::Compare(view, options.compare);
  story.summary = summarize::Summarize(view, story.analysis, options.summary);
  story.title = StoryTitle(result.articles, story);
  result.stories.push_back(std::move(story));
  return result;
}

}  // namespace

int RunResult::ExitStatus() const {
  if (articles.empty()) return 2;
  return skipped.empty() ? 0 : 1;
}

report::RunView RunResult::View() const {
  report::RunView v;
  v.generator = std::string("corroborate ") + kVersion;
  v.skipped = skipped;
  v.warnings = warnings;
  for (const StoryResult& s : stories) {
    report::StoryView sv;
    sv.id = s.id;
    sv.title = s.title;
    sv.analysis = &s.analysis;
    sv.summary = &s.summary;
    for (size_t i : s.articles) {
      const ArticleAnalysis& a = *articles[i];
      sv.articles.push_back(compare::StoryArticle{&a.article, &a.doc, &a.blocks, &a.extraction, a.now});
    }
    v.stories.push_back(std::move(sv));
  }
  return v;
}

RunResult Analyze(const std::vector<std::string>& paths, const AnalyzeOptions& options,
                  const std::function<void(const ingest::Skipped&)>& on_skip) {
  RunResult result;
  std::vector<ingest::Article> articles;
  ingest::Sink sink;
  sink.article = [&](ingest::Article&& a) { articles.push_back(std::move(a)); };
  sink.skipped = [&](ingest::Skipped&& s) {
    if (on_skip) on_skip(s);
    result.skipped.push_back(std::move(s));
  };
  sink.warning = [&](ingest::Warning&& w) { result.warnings.push_back(std::move(w)); };
  result.read = ingest::ReadPaths(paths, options.ingest, sink);
  return Run(std::move(articles), options, std::move(result));
}

RunResult AnalyzeArticles(std::vector<ingest::Article> articles, const AnalyzeOptions& options) {
  for (size_t i = 0; i < articles.size(); ++i) articles[i].sequence = i;
  return Run(std::move(articles), options, RunResult());
}

}  // namespace corroborate::pipeline
