// The main job: read articles, clean and analyse each, compare them as one story, and
// summarise. What `corroborate analyze` and every other host run.
#ifndef CORROBORATE_PIPELINE_ANALYZE_H_
#define CORROBORATE_PIPELINE_ANALYZE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corroborate/clean/clean.h"
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
  size_t threads = 0;  // worker threads for per-article work; 0 = one per core
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

// Reads `paths` (files, directories, "-" for JSONL on stdin) and analyses them as one story.
// `on_skip` (may be empty) is called as each input is skipped, for live messages.
RunResult Analyze(const std::vector<std::string>& paths, const AnalyzeOptions& options,
                  const std::function<void(const ingest::Skipped&)>& on_skip = {});

// Analyses articles already in memory as one story.
RunResult AnalyzeArticles(std::vector<ingest::Article> articles, const AnalyzeOptions& options);

}  // namespace corroborate::pipeline

#endif  // CORROBORATE_PIPELINE_ANALYZE_H_
