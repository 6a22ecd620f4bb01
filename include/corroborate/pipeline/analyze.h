// The main job: read articles, clean and analyse each, find near-duplicates, cluster them
// into stories, compare each story's articles and summarise it. What `corroborate analyze`
// and every other host run.
//
// It streams: articles are processed in publication order in batches, and a story is
// finished (compared, summarised, handed to the caller and freed) as soon as it closes,
// i.e. when an article arrives more than `stories.window_days` after the story's last one.
// Memory therefore holds the open stories, not the run. To see articles in publication
// order without holding them, files are read twice: once for dates only, then for
// everything, releasing each article when its turn comes (input already in date order
// needs almost no buffer). Standard input cannot be read twice and is held whole.
#ifndef CORROBORATE_PIPELINE_ANALYZE_H_
#define CORROBORATE_PIPELINE_ANALYZE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corroborate/clean/clean.h"
#include "corroborate/cluster/minhash.h"
#include "corroborate/cluster/paragraphs.h"
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
  cluster::ParagraphOptions paragraphs;  // paragraph-level copy detection (analyze only)
  bool one_story = false;            // treat all articles as one story (no clustering)
  // false: read, clean, deduplicate and cluster only; no extraction, comparison or
  // summary, and article texts are dropped once fingerprinted (`corroborate cluster`).
  bool analyze = true;
  // When the input mixes dated and undated articles, the undated come last; stories that
  // close before them are held unfinished (at most this many articles in all, the first
  // closed finished first) so that an undated article can still join one (see
  // cluster::StoryOptions::late_threshold). 0: never held.
  size_t hold_articles = 20000;
  size_t batch = 1024;  // articles prepared together (in parallel) between story decisions
  size_t threads = 0;  // worker threads for per-article work; 0 = one per core
  // Called after each article is read, with the phase ("ordering" for the dates-only pass,
  // "reading") and the counts so far in that phase (for a progress display).
  std::function<void(const char* phase, size_t articles, uint64_t bytes)> progress;
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
  // Near-duplicate detection: the id of the earliest article this one copies (empty when
  // it is no copy), with the exact shingle Jaccard similarity.
  std::string duplicate_of;
  double duplicate_jaccard = 0;
  // Paragraphs pasted from earlier articles of other outlets (not reported for an article
  // that is a near-duplicate as a whole).
  std::vector<compare::PastedParagraph> pasted;
  uint32_t story = 0;  // the story's number (its id is "s" + story + 1)
  double story_similarity = 0;  // cosine with the story when it joined (0: it started it)
};

struct StoryResult {
  uint32_t number = 0;  // stories are numbered in order of their first article
  std::string id;       // "s" + number + 1
  std::string title;
  // The thread: its first story's id (this story's own when it follows none), and the
  // earlier story this one follows with their names' similarity (see cluster/stories.h).
  std::string thread;
  std::string follows;
  double follows_score = 0;
  std::vector<size_t> articles;  // indices into the owner's articles, in publication order
  compare::StoryAnalysis analysis;
  std::vector<summarize::SummarySentence> summary;
};

// A finished story with its articles, as AnalyzeStream hands it over.
struct FinishedStory {
  StoryResult story;  // story.articles index `articles`
  std::vector<std::unique_ptr<ArticleAnalysis>> articles;
  // A view for the report writers; valid while this lives.
  report::StoryView View() const;
};

// What a run read and skipped, beyond its stories.
struct RunInfo {
  std::vector<ingest::Skipped> skipped;
  std::vector<ingest::Warning> warnings;
  std::vector<std::pair<std::string, std::string>> merged;  // (story merged away, story it joined)
  ingest::ReadStats read;
  size_t articles = 0;
  size_t stories = 0;

  // 0: every input was read; 1: some inputs were skipped (listed in the report);
  // 2: nothing usable was read.
  int ExitStatus() const;
  // generator, skipped and warnings for the report writers; valid while this lives.
  report::RunView View() const;
};

// Reads `paths` (files, directories, "-" for JSONL on stdin), finds near-duplicates,
// clusters the articles into stories in publication order and calls `on_story` for each
// story as it is finished: in the order stories close (stories closing together in number
// order, those still open at the end in number order). `on_skip` (may be empty) is
// called as each input is skipped, for live messages.
RunInfo AnalyzeStream(const std::vector<std::string>& paths, const AnalyzeOptions& options,
                      const std::function<void(FinishedStory&&)>& on_story,
                      const std::function<void(const ingest::Skipped&)>& on_skip = {});

// A whole run held in memory: for tests, bindings and small inputs.
struct RunResult {
  // unique_ptr keeps addresses stable: stories point into these.
  std::vector<std::unique_ptr<ArticleAnalysis>> articles;
  std::vector<StoryResult> stories;  // by number: stories[k].id == "s" + (k + 1)
  RunInfo info;

  int ExitStatus() const { return info.ExitStatus(); }
  // A view for the report writers; valid while this result lives.
  report::RunView View() const;
};

// AnalyzeStream, collecting every story.
RunResult Analyze(const std::vector<std::string>& paths, const AnalyzeOptions& options,
                  const std::function<void(const ingest::Skipped&)>& on_skip = {});

// The same as Analyze for articles already in memory (taken in publication order).
RunResult AnalyzeArticles(std::vector<ingest::Article> articles, const AnalyzeOptions& options);

}  // namespace corroborate::pipeline

#endif  // CORROBORATE_PIPELINE_ANALYZE_H_
