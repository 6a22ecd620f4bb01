// Cross-source comparison of one story's articles: facts and their status, timelines,
// copy relations, single-source and opinion content, and coverage.
#ifndef CORROBORATE_COMPARE_STORY_H_
#define CORROBORATE_COMPARE_STORY_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "corroborate/base/date.h"
#include "corroborate/clean/clean.h"
#include "corroborate/extract/entities.h"
#include "corroborate/extract/extractor.h"
#include "corroborate/ingest/article.h"
#include "corroborate/text/document.h"

namespace corroborate::compare {

// One article as the comparison sees it. The pointers must outlive the comparison.
struct StoryArticle {
  const ingest::Article* article = nullptr;
  const text::Document* doc = nullptr;
  const std::vector<clean::Block>* blocks = nullptr;
  const extract::ArticleExtraction* extraction = nullptr;
  // The date the article's undated figures refer to: its publication date, or the story's
  // (see pipeline). Empty when nothing dates the story.
  std::optional<Date> reference;
};

enum class FactStatus : uint8_t { kAgreed, kCompatible, kConflict, kSingleSource };
const char* FactStatusName(FactStatus s);  // "agreed", "compatible", "conflict", "single_source"

struct MentionRef {
  uint32_t article = 0;  // index into the story's articles
  uint32_t mention = 0;  // index into that article's extraction mentions
};

// A group of mentions that state the same measure, from the same source, for the same
// time.
struct Fact {
  std::string id;             // "f1", "f2", ... in report order
  std::string label;          // what is counted: "Ukrainian soldiers killed"
  std::string attributed_to;  // canonical source name, empty when nobody is named
  std::optional<Date> as_of;  // empty: the time of the reports
  FactStatus status = FactStatus::kSingleSource;
  double low = extract::kOpen;   // consolidated value
  double high = extract::kOpen;
  std::string unit;              // normalised unit, empty for counts
  extract::QuantityKind kind = extract::QuantityKind::kCount;
  std::vector<MentionRef> mentions;
  std::vector<uint32_t> articles;  // distinct articles, ascending
  uint32_t outlets = 0;            // distinct outlets among them (see Outlets)
  // For conflicts: the articles whose figures disagree with the majority.
  std::vector<uint32_t> dissenting;
};

struct TimelinePoint {
  std::optional<Date> as_of;  // empty: the time of the reports (the latest point)
  uint32_t fact = 0;          // index into StoryAnalysis::facts
};

// The same measure from the same source at different times: 43,000 (2024-12) -> 46,000
// (2025-02) -> 55,000 (now).
struct Timeline {
  std::string label;
  std::string attributed_to;
  std::vector<TimelinePoint> points;  // in time order
};

// Facts that count the same thing for the same time but come from different sources, with
// different figures ("Zelensky: 55,000; CSIS: 100,000-140,000").
struct Estimates {
  std::string label;
  std::vector<uint32_t> facts;
};

struct CopyRelation {
  uint32_t a = 0;  // article indices, a < b
  uint32_t b = 0;
  double similarity = 0;       // 0..1, share of aligned sentence content
  uint32_t shared_sentences = 0;
  // Direction when known: `source` was copied by the other. Basis: "published" (earlier
  // publication) or "containment" (one article's content is inside the other's).
  std::optional<uint32_t> source;
  std::string basis;
};

// A paragraph of an article pasted from an earlier article of another outlet, found by
// paragraph-level copy detection over the open stories (cluster/paragraphs.h); the
// earlier article may belong to another story.
struct PastedParagraph {
  Span span;               // this article's paragraph, original bytes
  std::string from;        // the earlier article's id
  std::string from_story;  // its story's id
  Span from_span;          // its paragraph, original bytes
  double jaccard = 0;      // shingle Jaccard similarity of the two paragraphs
};

enum class ClaimKind : uint8_t { kClaim, kOpinion };

struct SingleSourceSpan {
  uint32_t article = 0;
  Span span;  // normalised text of that article
  ClaimKind kind = ClaimKind::kClaim;
  std::vector<std::string> cues;  // opinion cues found: "critics argue", "alleged"
  double support = 0;             // best similarity found in another outlet
};

struct StoryAnalysis {
  std::vector<Fact> facts;
  std::vector<Timeline> timelines;
  std::vector<Estimates> estimates;
  std::vector<CopyRelation> copies;
  std::vector<SingleSourceSpan> single_source;
  std::vector<extract::Entity> entities;
  // coverage[f][a] == 1 when article a states fact f.
  std::vector<std::vector<uint8_t>> coverage;
  std::optional<Date> reference_date;  // the story's latest publication date, when known
};

struct CompareOptions {
  // Two mentions in different articles join one fact when their link score reaches this;
  // when their figures disagree the bar is higher, so conflicts need strong evidence
  // that the same thing is meant (see HACKING.md, "How facts are formed").
  double link_threshold = 0.5;
  double conflict_link_threshold = 0.6;
  // Relative slack for "about"/"around" figures, on top of the written rounding.
  double approx_tolerance = 0.05;
  // Sentences whose best support in another outlet (share of their content words found in
  // one sentence there) is below this are single-source.
  double support_threshold = 0.45;
  // Two sentences of different articles are shared (copied or paraphrased) at or above
  // this copy similarity (weighted overlap of distinctive words).
  double shared_sentence_threshold = 0.6;
  // Budget: at most this many candidate mention pairs are scored per story.
  size_t max_candidate_pairs = 2'000'000;
  // When set, every scored pair of figures and whether it linked is written here, to
  // explain why figures were or were not grouped (`corroborate analyze --explain`).
  std::ostream* explain = nullptr;
};

struct SentenceFeatures;  // compare/features.h

// The outlet of each article, as the index of the first article from that outlet:
// articles naming the same source (letter case aside) are one outlet, and an article
// without a source is an outlet of its own. Agreement counts outlets, not articles: two
// articles of one outlet corroborate nothing.
std::vector<uint32_t> Outlets(const std::vector<StoryArticle>& articles);

// How many outlets (`outlet`, from Outlets) the given article indices come from.
template <typename Articles>
size_t DistinctOutlets(const std::vector<uint32_t>& outlet, const Articles& articles) {
  std::set<uint32_t> seen;
  for (uint32_t a : articles) seen.insert(outlet[a]);
  return seen.size();
}

// `sentences`, when given, receives the sentence features the comparison built, so the
// summary can reuse them instead of building them again.
StoryAnalysis Compare(const std::vector<StoryArticle>& articles, const CompareOptions& options = {},
                      std::vector<SentenceFeatures>* sentences = nullptr);

}  // namespace corroborate::compare

#endif  // CORROBORATE_COMPARE_STORY_H_
