// The main job: read articles, clean and analyse each, find near-duplicates, cluster them
// into stories, compare each story's articles and summarise it. What `corroborate analyze` and every other host run.
#ifndef CORROBORATE_PIPELINE_ANALYZE_H_
#define CORROBORATE_PIPELINE_ANALYZE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corroborate/clean/clean.h"
#include "corroborate/cluster/minhash.h"
#include "corroborate/cluster/stories.h"
#include "corroborate/compare/story.h"
#include "corroborate/extract/extractor.h"
#include "corroborate/ingest/reader.h"
#include "corroborate/report/report.h"
#include "corroborate/summarize/summary.h"
#include "corroborate/text/document.h"

namespace corroborate::pipeline {

inline constexpr const char* kVersion = "0.1.0";

struct AnalyzeOptions {
  ingest::IngestOptions ingest;
  text::NormalizeOptions normalize;
  text::SegmentOptions segment;
  clean::CleanOptions clean;
  extract::ExtractOptions extract;
  compare::CompareOptions compare;
  summarize::SummaryOptions summary;
  cluster::MinHashOptions dedup;     // near-duplicate detection
  cluster::StoryOptions stories;     // story clustering
  bool one_story = false;            // treat all articles as one story (no clustering)
  size_t threads = 0;  // worker threads for per-article work; 0 = one per core
  // Called after each article is read, with the counts so far (for a progress display).
  std::function<void(size_t articles, uint64_t bytes)> progress;
};

// Everything known about one article after analysis.
struct ArticleAnalysis {
  ingest::Article article;
  text::Document doc;
  std::vector<clean::Block> blocks;
  extract::ArticleExtraction extraction;
  // The date relative expressions were resolved against: the publication date, or the
  // story's latest publication date.
  std::optional<Date> reference;
  // The date undated figures are taken to be "as of": `reference`, or when nothing in the
  // story is dated, the latest date any article mentions (a lower bound).
  std::optional<Date> now;
  // Near-duplicate detection: the earliest article (index into RunResult::articles) this
  // one copies, with the exact shingle Jaccard similarity; -1 when it is no copy.
  int64_t duplicate_of = -1;
  double duplicate_jaccard = 0;
  uint32_t story = 0;  // index into RunResult::stories
  double story_similarity = 0;  // cosine with the story when it joined (0: it started it)
};

struct StoryResult {
  std::string id;
  std::string title;
  std::vector<size_t> articles;  // indices into RunResult::articles
  compare::StoryAnalysis analysis;
  std::vector<summarize::SummarySentence> summary;
};

struct RunResult {
  // unique_ptr keeps addresses stable: stories point into these.
  std::vector<std::unique_ptr<ArticleAnalysis>> articles;
  std::vector<StoryResult> stories;
  std::vector<ingest::Skipped> skipped;
  std::vector<ingest::Warning> warnings;
  ingest::ReadStats read;

  // 0: every input was read; 1: some inputs were skipped (listed in the report);
  // 2: nothing usable was read.
  int ExitStatus() const;
  // A view for the report writers; valid while this result lives.
  report::RunView View() const;
};

// Reads `paths` (files, directories, "-" for JSONL on stdin), finds near-duplicates,
// clusters the articles into stories (in publication order) and analyses each story.
// `on_skip` (may be empty) is called as each input is skipped, for live messages.
RunResult Analyze(const std::vector<std::string>& paths, const AnalyzeOptions& options,
                  const std::function<void(const ingest::Skipped&)>& on_skip = {});

// Reads, cleans, deduplicates and clusters only: stories hold their article indices and
// ids, without extraction, comparison or summaries (for `corroborate cluster`).
RunResult ClusterOnly(const std::vector<std::string>& paths, const AnalyzeOptions& options,
                      const std::function<void(const ingest::Skipped&)>& on_skip = {});

// The same as Analyze for articles already in memory.
RunResult AnalyzeArticles(std::vector<ingest::Article> articles, const AnalyzeOptions& options);

}  // namespace corroborate::pipeline

#endif  // CORROBORATE_PIPELINE_ANALYZE_H_
