// Online story clustering: articles arrive in publication order and each joins the most
// similar open story or starts a new one; existing stories are never rebuilt, so the
// result is deterministic for a given order and costs O(terms) per article through an
// inverted index from terms to stories.
//
// An article is a weighted bag of terms: content-word stems weighted by log tf x idf (idf
// from the articles seen so far), with names (capitalised words inside sentences, and
// capitalised pairs as one term) and title words counting double, and figures and
// years as their own terms. A story is the sum of its members' vectors, pruned to its
// strongest terms. An article joins the story with the highest score (a mix of the cosine
// over all terms and over names alone; 0 when both hold names and share none) when it
// reaches `threshold`; a story whose last article is more than `window_days` older than
// the new one (an undated one counts as arriving at the latest date added) is closed:
// CloseStale() closes it explicitly (and says which closed, so a streaming caller can
// finish them), and Add() never joins a stale story in any case, so results do not depend
// on when CloseStale() is called.
// Near-duplicates join their original's story while it is open; a copy of an article in a
// closed story is clustered like any other article. When an article joins a story, the
// open stories whose centroids now score `merge_threshold` against that story's become
// one with it, under the earlier id (an outlet that wrote the story differently started
// its own): open stories may merge, closed ones are never touched.
//
// Late articles: an undated article arrives after the dated ones, when the stories of
// earlier weeks are stale. A caller that expects such articles calls HoldClosed(true):
// stories that close keep their centroids (and stay closed: no dated article joins them,
// nothing merges into them), and an undated article joins one when it scores
// `late_threshold` against it, higher than `threshold` because time no longer tells two
// events of a kind apart. Release() frees a held story for good.
//
// Threads: a story that closes with a date follows the earlier closed, dated story whose
// names it shares most (the cosine of the two stories' strongest name terms), when that
// reaches `thread_threshold`, and belongs to that story's thread: the trial months after a
// shooting, the verdict after the trial. Stories are not changed by it; a thread is a label
// over finished stories.
#ifndef CORROBORATE_CLUSTER_STORIES_H_
#define CORROBORATE_CLUSTER_STORIES_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corroborate/base/date.h"

namespace corroborate::cluster {

struct StoryOptions {
  double threshold = 0.12;      // cosine similarity needed to join a story
  int window_days = 7;          // a story closes after this many days without articles
  size_t terms_per_article = 150;
  size_t terms_per_story = 300;
  double name_weight = 2.0;     // capitalised names and title words
  double name_share = 0.8;      // weight of the names-only cosine in the score
  // Two open stories whose centroids reach this score (the same mix of all terms and
  // names) after an article joins one of them are one story: the later merges into the
  // earlier. 0 turns merging off.
  double merge_threshold = 0.16;
  // Names-only cosine at which a closing story follows an earlier one (0: no threads).
  double thread_threshold = 0.2;
  // Score at which an undated article joins a story closed but held (see HoldClosed);
  // 0: never.
  double late_threshold = 0.5;
};

// A document's weighted terms before idf, in first-occurrence order.
struct TermCounts {
  std::vector<std::pair<std::string, double>> terms;
};

struct StoryDoc {
  std::string_view text;   // the article's kept text
  std::string_view title;  // may be empty
  std::optional<Date> date;
  int64_t duplicate_of = -1;  // an earlier document (by arrival index) it is a copy of
};

// Paragraphs a document took from another outlet's article (found by the caller's
// paragraph index): the open stories they came from, and the document's terms without them.
struct PastedFrom {
  std::vector<uint32_t> stories;
  TermCounts own;  // the document's terms without the pasted paragraphs (CountTermsWithout)
};

class StoryClusterer {
 public:
  explicit StoryClusterer(const StoryOptions& options = {});

  struct Assignment {
    uint32_t story = 0;
    double similarity = 0;  // with the story it joined (0 for a new story, 1 for a duplicate)
    // Open stories merged into `story` by this article, ascending: their articles are
    // `story`'s now, and they never take another.
    std::vector<uint32_t> merged;
  };
  // The terms Add() weighs for `doc`. Uses no state that Add() changes, so callers can
  // count many documents in parallel and pass the counts to Add() in order.
  TermCounts CountTerms(const StoryDoc& doc) const;
  // CountTerms(doc) (given as `all`) less the words inside `spans` (ascending, disjoint
  // byte ranges of doc.text, such as pasted paragraphs), counting only those words.
  TermCounts CountTermsWithout(const StoryDoc& doc, const TermCounts& all,
                               const std::vector<std::pair<size_t, size_t>>& spans) const;

  // Adds the next document (arrival index = number of documents added before); `counts`
  // is CountTerms(doc), computed here when null. With `pasted`, a story the document
  // pasted from is scored against its own terms, and a story it joins otherwise (or
  // starts) takes its own terms only: a pasted paragraph neither draws an article into
  // the story it came from nor carries that story's words into another.
  Assignment Add(const StoryDoc& doc, const TermCounts* counts = nullptr, const PastedFrom* pasted = nullptr);

  // Closes every open story whose last article is more than `window_days` older than
  // `now`, frees its centroid and returns the ids closed by this call, ascending.
  std::vector<uint32_t> CloseStale(const Date& now);
  // Closes every story still open (the end of a run); returns their ids, ascending.
  std::vector<uint32_t> CloseAll();
  // While on, stories that close are held: their centroids stay, for undated articles
  // (see the top of this file).
  void HoldClosed(bool on) { hold_closed_ = on; }
  // Frees a held story's centroid; no article joins it after this.
  void Release(uint32_t story);

  struct Thread {
    uint32_t root = 0;              // the thread's first story (the story itself when it follows none)
    uint32_t follows = UINT32_MAX;  // the earlier story it continues
    double score = 0;               // the names cosine with `follows`
  };
  // Decided when the story closes; before that, the story alone.
  Thread ThreadOf(uint32_t story) const;
  bool closed(uint32_t story) const { return stories_[story].closed; }
  // The story a story was merged into, or itself.
  uint32_t Survivor(uint32_t story) const;

  size_t stories() const { return stories_.size(); }
  size_t documents() const { return doc_story_.size(); }

 private:
  struct Story {
    std::unordered_map<uint32_t, double> centroid;  // term -> summed weight
    double norm = 0;
    double name_norm = 0;  // norm over name terms only
    std::optional<Date> last;
    uint32_t size = 0;
    bool closed = false;  // idle past the window, or merged: centroid freed unless held
    bool held = false;    // closed, centroid kept for undated articles
    uint32_t merged_into = UINT32_MAX;
    Thread thread;
  };
  // CountTerms over the words inside `only` (byte ranges of doc.text; the headline left
  // out), or over the whole document when null.
  TermCounts Count(const StoryDoc& doc, const std::vector<std::pair<size_t, size_t>>* only) const;
  bool Stale(const Story& s, const std::optional<Date>& date) const;
  double Score(const std::vector<std::pair<uint32_t, double>>& v, double v_names, const Story& st) const;
  void MergeOpenStories(uint32_t story, const std::vector<std::pair<uint32_t, double>>& candidates,
                        const std::optional<Date>& date, Assignment* a);
  template <typename Terms>
  void AddToCentroid(uint32_t id, const Terms& terms);
  void Normalise(Story* s) const;
  static void FreeCentroid(Story* s);  // drops its terms and norms
  void SetLast(uint32_t id, const Date& date);
  void CompactPostings();
  void Close(uint32_t id);
  void LinkThread(uint32_t id);
  // Registers the document's terms and document frequencies, then Weigh()s them.
  std::vector<std::pair<uint32_t, double>> Vector(const TermCounts& counts);
  // Term frequencies (by term id) as the unit vector of their strongest log-tf x idf terms.
  std::vector<std::pair<uint32_t, double>> Weigh(const std::unordered_map<uint32_t, double>& tf) const;
  double NameNorm(const std::vector<std::pair<uint32_t, double>>& v) const;
  void Join(uint32_t story, const std::vector<std::pair<uint32_t, double>>& v, const StoryDoc& doc);
  uint32_t TermId(const std::string& term);

  // Bounds that keep the cost per article constant as stories accumulate.
  static constexpr size_t kCandidateTerms = 40;    // the article's strongest terms look for stories
  static constexpr size_t kPostingsPerTerm = 256;  // most recent stories per term
  static constexpr size_t kCandidates = 64;        // stories scored exactly
  static constexpr size_t kMergeCandidates = 8;    // open stories tried for a merge per article
  static constexpr size_t kThreadNames = 24;       // name terms kept of a closed story
  static constexpr size_t kThreadPostings = 64;    // most recent closed stories per name term

  StoryOptions options_;
  std::unordered_map<std::string, uint32_t> terms_;
  std::vector<uint32_t> df_;  // documents containing each term
  std::vector<bool> entity_;  // the term is a name ("!chavez") or a name pair ("@hugo chavez")
  size_t docs_ = 0;
  std::vector<Story> stories_;
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings_;  // term -> stories holding it
  std::vector<uint32_t> doc_story_;
  std::set<std::pair<int64_t, uint32_t>> open_by_last_;  // (last day, story) of open dated stories
  std::optional<Date> latest_;                           // the latest date added
  size_t closed_since_compaction_ = 0;
  bool hold_closed_ = false;
  // Closed, dated stories' strongest name terms (normalised), and name term -> those stories.
  std::unordered_map<uint32_t, std::vector<std::pair<uint32_t, double>>> thread_names_;
  std::unordered_map<uint32_t, std::vector<uint32_t>> thread_postings_;
};

}  // namespace corroborate::cluster

#endif  // CORROBORATE_CLUSTER_STORIES_H_
