// Command-line options for near-duplicate detection and story clustering, shared by
// `analyze` and `cluster`; defaults are the library's (shown by --help).
#ifndef CORROBORATE_SRC_CLI_CLUSTER_OPTIONS_H_
#define CORROBORATE_SRC_CLI_CLUSTER_OPTIONS_H_

#include <CLI/CLI.hpp>

#include "corroborate/pipeline/analyze.h"

namespace corroborate::cli {

inline void AddClusterOptions(CLI::App* app, pipeline::AnalyzeOptions* o) {
  auto* g = app->add_option_group("Stories and near-duplicates");
  g->add_flag("--one-story", o->one_story, "Treat all articles as one story (no clustering)");
  g->add_option("--story-threshold", o->stories.threshold, "Cosine similarity an article needs to join a story")
      ->capture_default_str();
  g->add_option("--name-weight", o->stories.name_weight, "Weight of names and title words against other words")
      ->capture_default_str();
  g->add_option("--name-share", o->stories.name_share, "Share of the names-only similarity in the score")
      ->capture_default_str();
  g->add_option("--story-merge", o->stories.merge_threshold,
                "Score at which two open stories become one (0: never)")
      ->capture_default_str();
  g->add_option("--window-days", o->stories.window_days, "A story closes after this many days without articles")
      ->capture_default_str();
  g->add_option("--thread-threshold", o->stories.thread_threshold,
                "Names similarity at which a closing story follows an earlier one in a thread (0: no threads)")
      ->capture_default_str();
  g->add_option("--late-threshold", o->stories.late_threshold,
                "Score at which an undated article joins a story already closed (0: never)")
      ->capture_default_str();
  g->add_option("--hold-articles", o->hold_articles,
                "Articles of closed stories kept unfinished for undated articles, which come last")
      ->capture_default_str();
  g->add_option("--shingle", o->dedup.shingle_words, "Words per shingle for near-duplicate detection")
      ->capture_default_str();
  g->add_option("--bands", o->dedup.bands, "LSH bands")->capture_default_str();
  g->add_option("--rows", o->dedup.rows, "LSH rows per band (bands x rows = MinHash permutations)")
      ->capture_default_str();
  g->add_option("--dup-threshold", o->dedup.threshold, "Exact shingle Jaccard at which articles are near-duplicates")
      ->capture_default_str();
  app->callback([o] { o->dedup.permutations = o->dedup.bands * o->dedup.rows; });
}

}  // namespace corroborate::cli

#endif  // CORROBORATE_SRC_CLI_CLUSTER_OPTIONS_H_
