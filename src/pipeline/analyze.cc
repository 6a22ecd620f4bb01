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

// Steps 1-2: normalise, segment and clean every article.
void Prepare(std::vector<ingest::Article> input, const AnalyzeOptions& options, RunResult* result) {
  const size_t n = input.size();
  result->articles.resize(n);
  for (size_t i = 0; i < n; ++i) {
    result->articles[i] = std::make_unique<ArticleAnalysis>();
    result->articles[i]->article = std::move(input[i]);
  }
  ParallelFor(n, options.threads, [&](size_t i) {
    ArticleAnalysis& a = *result->articles[i];
    a.doc = text::MakeDocument(a.article.text, options.normalize, options.segment);
  });
  // Cleaning uses the cross-article repeated-line signal.
  clean::RepeatedLines repeated(options.clean);
  for (const auto& a : result->articles) repeated.Add(a->doc);
  ParallelFor(n, options.threads, [&](size_t i) {
    ArticleAnalysis& a = *result->articles[i];
    a.blocks = clean::Clean(a.article, a.doc, options.clean, &repeated);
  });
}

// Steps 3-4: reference dates, then extraction.
void Extract(const AnalyzeOptions& options, RunResult* result) {
  // The latest publication date resolves undated articles' relative expressions; without
  // any, the latest stated date stands in for "now".
  std::optional<Date> story_date;
  for (const auto& a : result->articles) {
    if (a->article.published_date && (!story_date || *story_date < *a->article.published_date)) {
      story_date = a->article.published_date;
    }
  }
  std::optional<Date> now = story_date ? story_date : LatestMentionedDate(result->articles);
  for (const auto& a : result->articles) {
    a->reference = a->article.published_date ? a->article.published_date : story_date;
    a->now = a->article.published_date ? a->article.published_date : now;
  }
  ParallelFor(result->articles.size(), options.threads, [&](size_t i) {
    ArticleAnalysis& a = *result->articles[i];
    a.extraction = extract::ExtractArticle(a.doc, a.blocks, a.reference, options.extract);
  });
}

// Step 5: near-duplicates and stories, in publication order (undated articles after the
// dated ones, each group in input order).
// The text an article contributes to fingerprints and story terms: its kept paragraphs.
std::string KeptText(const text::Document& doc, const std::vector<clean::Block>& blocks) {
  std::string kept;
  for (const clean::Block& b : blocks) {
    if (b.kept() && b.role != clean::Role::kTitle) kept.append(b.span.Of(doc.text())).append("\n");
  }
  return kept;
}

// Clusters articles whose kept text and fingerprints are given (by article index).
void GroupPrepared(const AnalyzeOptions& options, RunResult* result, std::vector<std::string> kept,
                   std::vector<cluster::Fingerprint> prints);

void Group(const AnalyzeOptions& options, RunResult* result) {
  const size_t n = result->articles.size();
  std::vector<std::string> kept(n);
  std::vector<cluster::Fingerprint> prints(n);
  ParallelFor(n, options.threads, [&](size_t i) {
    const ArticleAnalysis& a = *result->articles[i];
    kept[i] = KeptText(a.doc, a.blocks);
    prints[i] = cluster::MakeFingerprint(kept[i], options.dedup);
  });
  GroupPrepared(options, result, std::move(kept), std::move(prints));
}

void GroupPrepared(const AnalyzeOptions& options, RunResult* result, std::vector<std::string> kept,
                   std::vector<cluster::Fingerprint> prints) {
  const size_t n = result->articles.size();
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const auto& dx = result->articles[x]->article.published_date;
    const auto& dy = result->articles[y]->article.published_date;
    if (dx.has_value() != dy.has_value()) return dx.has_value();
    if (dx && dy && !(*dx == *dy)) return *dx < *dy;
    return result->articles[x]->article.sequence < result->articles[y]->article.sequence;
  });
  cluster::DuplicateFinder dedup(options.dedup);
  cluster::StoryClusterer clusterer(options.stories);
  for (size_t k = 0; k < n; ++k) {
    ArticleAnalysis& a = *result->articles[order[k]];
    cluster::DuplicateFinder::Match m = dedup.Add(std::move(prints[order[k]]));
    if (m.original >= 0) {
      a.duplicate_of = static_cast<int64_t>(order[static_cast<size_t>(m.original)]);
      a.duplicate_jaccard = m.jaccard;
    }
    std::string title = a.article.title.value_or("");
    cluster::StoryDoc doc{kept[order[k]], title, a.article.published_date, m.original};
    // The story terms are taken now; the text is not needed again.
    if (options.one_story) {
      a.story = 0;
    } else {
      cluster::StoryClusterer::Assignment s = clusterer.Add(doc);
      a.story = s.story;
      a.story_similarity = s.similarity;
    }
    std::string().swap(kept[order[k]]);
  }
  size_t story_count = 0;
  for (const auto& a : result->articles) story_count = std::max<size_t>(story_count, a->story + 1);
  result->stories.resize(story_count);
  for (size_t k = 0; k < n; ++k) result->stories[result->articles[order[k]]->story].articles.push_back(order[k]);
  for (size_t s = 0; s < story_count; ++s) result->stories[s].id = "s" + std::to_string(s + 1);
}

// Step 6: compare and summarise each story.
void CompareStories(const AnalyzeOptions& options, RunResult* result) {
  ParallelFor(result->stories.size(), options.threads, [&](size_t s) {
    StoryResult& story = result->stories[s];
    std::vector<compare::StoryArticle> view;
    for (size_t i : story.articles) {
      const ArticleAnalysis& a = *result->articles[i];
      view.push_back(compare::StoryArticle{&a.article, &a.doc, &a.blocks, &a.extraction, a.now});
    }
    story.analysis = compare::Compare(view, options.compare);
    story.summary = summarize::Summarize(view, story.analysis, options.summary);
    story.title = StoryTitle(result->articles, story);
  });
}

RunResult Run(std::vector<ingest::Article> input, const AnalyzeOptions& options, RunResult result) {
  Prepare(std::move(input), options, &result);
  Extract(options, &result);
  if (result.articles.empty()) return result;
  Group(options, &result);
  CompareStories(options, &result);
  return result;
}

RunResult Read(const std::vector<std::string>& paths, const AnalyzeOptions& options,
               const std::function<void(const ingest::Skipped&)>& on_skip, std::vector<ingest::Article>* articles) {
  RunResult result;
  ingest::Sink sink;
  uint64_t bytes = 0;
  sink.article = [&](ingest::Article&& a) {
    bytes += a.text.size();
    articles->push_back(std::move(a));
    if (options.progress) options.progress(articles->size(), bytes);
  };
  sink.skipped = [&](ingest::Skipped&& s) {
    if (on_skip) on_skip(s);
    result.skipped.push_back(std::move(s));
  };
  sink.warning = [&](ingest::Warning&& w) { result.warnings.push_back(std::move(w)); };
  result.read = ingest::ReadPaths(paths, options.ingest, sink);
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
      sv.duplicate_of.push_back(a.duplicate_of >= 0 ? articles[static_cast<size_t>(a.duplicate_of)]->article.id
                                                    : std::string());
      sv.duplicate_jaccard.push_back(a.duplicate_jaccard);
    }
    v.stories.push_back(std::move(sv));
  }
  return v;
}

RunResult Analyze(const std::vector<std::string>& paths, const AnalyzeOptions& options,
                  const std::function<void(const ingest::Skipped&)>& on_skip) {
  std::vector<ingest::Article> articles;
  RunResult result = Read(paths, options, on_skip, &articles);
  return Run(std::move(articles), options, std::move(result));
}

RunResult ClusterOnly(const std::vector<std::string>& paths, const AnalyzeOptions& options,
                      const std::function<void(const ingest::Skipped&)>& on_skip) {
  // Streams: articles are cleaned and fingerprinted in batches as they are read, and only
  // their metadata, kept text and fingerprint stay in memory (cleaning here goes without
  // the cross-article repeated-line signal, which needs every article at once).
  RunResult result;
  std::vector<std::string> kept;
  std::vector<cluster::Fingerprint> prints;
  std::vector<ingest::Article> batch;
  auto flush = [&] {
    size_t base = result.articles.size();
    result.articles.resize(base + batch.size());
    kept.resize(base + batch.size());
    prints.resize(base + batch.size());
    ParallelFor(batch.size(), options.threads, [&](size_t k) {
      auto a = std::make_unique<ArticleAnalysis>();
      text::Document doc = text::MakeDocument(batch[k].text, options.normalize, options.segment);
      std::vector<clean::Block> blocks = clean::Clean(batch[k], doc, options.clean, nullptr);
      kept[base + k] = KeptText(doc, blocks);
      prints[base + k] = cluster::MakeFingerprint(kept[base + k], options.dedup);
      a->article = std::move(batch[k]);
      std::string().swap(a->article.text);
      a->article.page_removed.clear();
      result.articles[base + k] = std::move(a);
    });
    batch.clear();
  };
  ingest::Sink sink;
  uint64_t bytes = 0;
  sink.article = [&](ingest::Article&& a) {
    bytes += a.text.size();
    batch.push_back(std::move(a));
    if (batch.size() >= 1024) flush();
    if (options.progress) options.progress(result.articles.size() + batch.size(), bytes);
  };
  sink.skipped = [&](ingest::Skipped&& s) {
    if (on_skip) on_skip(s);
    result.skipped.push_back(std::move(s));
  };
  sink.warning = [&](ingest::Warning&& w) { result.warnings.push_back(std::move(w)); };
  result.read = ingest::ReadPaths(paths, options.ingest, sink);
  flush();
  if (!result.articles.empty()) GroupPrepared(options, &result, std::move(kept), std::move(prints));
  return result;
}

RunResult AnalyzeArticles(std::vector<ingest::Article> articles, const AnalyzeOptions& options) {
  for (size_t i = 0; i < articles.size(); ++i) articles[i].sequence = i;
  return Run(std::move(articles), options, RunResult());
}

}  // namespace corroborate::pipeline
