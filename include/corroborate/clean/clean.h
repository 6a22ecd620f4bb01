// Cleaning: decides, paragraph by paragraph, what is story prose and what is not, and
// keeps every removal visible with its reason.
//
//   duplicate    a paragraph repeated within the article, exactly or nearly (a body
//                printed twice); the first occurrence stays
//   boilerplate  page furniture: "Featured image", "Advertisement", share and subscribe
//                prompts (data/clean/boilerplate.tsv), and short non-sentence lines that
//                recur across many articles of the run
//   caption      photo captions and credits: one-sentence lines without final punctuation
//                that carry a caption cue (data/clean/caption_cues.tsv), repeat, or end in
//                a time phrase, scored as described at CaptionScore()
//
// Titles and datelines read by ingest are kept but marked with their role, as are
// sub-headings and list items, so later stages can treat them differently.
#ifndef CORROBORATE_CLEAN_CLEAN_H_
#define CORROBORATE_CLEAN_CLEAN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corroborate/base/span.h"
#include "corroborate/ingest/article.h"
#include "corroborate/text/document.h"

namespace corroborate::clean {

enum class Removal : uint8_t { kNone, kDuplicate, kBoilerplate, kCaption };
enum class Role : uint8_t { kBody, kTitle, kDateline, kUrl, kHeading, kListItem };

// A dateline or a URL line: metadata printed in the text, never story prose.
inline bool IsMetadataLine(Role r) { return r == Role::kDateline || r == Role::kUrl; }

const char* RemovalName(Removal r);  // "duplicate", "boilerplate", "caption", "kept"
const char* RoleName(Role r);        // "body", "title", "dateline", "url", "heading", "list_item"

struct Block {
  uint32_t paragraph = 0;  // index into Document::seg.paragraphs
  Span span;               // normalised text
  Role role = Role::kBody;
  Removal removal = Removal::kNone;
  std::string detail;      // why: the pattern name, "repeats paragraph 3", caption cues

  bool kept() const { return removal == Removal::kNone; }
};

struct CleanOptions {
  // Two paragraphs of at least `duplicate_min_words` words are near-duplicates when the
  // Jaccard similarity of their word-bigram sets reaches this.
  double near_duplicate_jaccard = 0.8;
  size_t duplicate_min_words = 3;
  // Near-duplicate search is quadratic in paragraphs; above this many paragraphs only
  // exact repeats are removed.
  size_t near_duplicate_max_paragraphs = 400;
  // Caption score threshold (see CaptionScore()).
  int caption_threshold = 4;
  // A short line without final punctuation that appears in at least this many articles of
  // the run is boilerplate (0 disables the cross-article signal).
  uint32_t repeated_line_min_articles = 3;
  size_t repeated_line_max_words = 12;
};

// Counts, for short lines, in how many articles of a run they appear: the cross-article
// boilerplate signal. Add every article before cleaning any of them. Not thread-safe for
// Add; Count is safe once adding is done.
class RepeatedLines {
 public:
  explicit RepeatedLines(const CleanOptions& options = {}) : max_words_(options.repeated_line_max_words) {}
  void Add(const text::Document& doc);
  uint32_t Count(std::string_view paragraph) const;

 private:
  size_t max_words_;
  std::unordered_map<uint64_t, uint32_t> counts_;
};

// Word fingerprint of a paragraph: lower-cased letters and digits only, so punctuation and
// spacing differences do not matter.
uint64_t Fingerprint(std::string_view paragraph);

// Whether `text` (a paragraph or a sentence, trimmed) is page furniture by one of the
// boilerplate patterns (data/clean/boilerplate.tsv): "All rights reserved.", "Read more: ...".
bool IsBoilerplate(std::string_view text);

// Whether a sentence is furniture that cleaning left inside a paragraph of scraped text:
// a boilerplate pattern, a phrase that speaks to the page's reader ("click here",
// data/clean/reader_prompts.txt), or a run of capitalised words (a site's menu, "Home News
// Business Sport Markets Technology Opinion").
bool IsFurnitureSentence(std::string_view sentence);

// One block per paragraph of `doc`, in order. `repeated` may be null.
std::vector<Block> Clean(const ingest::Article& article, const text::Document& doc,
                         const CleanOptions& options = {},
                         const RepeatedLines* repeated = nullptr);

// The caption score of a one-sentence paragraph (higher is more caption-like):
//   +3 a caption cue ("in an image provided by", "(AP Photo/...)", "pictured")
//   +2 a second, different caption cue ("Photo: ... in an image provided by Reuters.")
//   +1 no final punctuation, -2 ends with a full stop
//   +1 eight words or more, -2 five words or fewer
//   +2 the same line appears again in the article
//   +1 sentence case, -1 title case (a sub-heading)
//   +1 ends in a time phrase ("on Wednesday", "on Tuesday night", "in March")
//   -3 starts with a quotation mark or a list bullet
// `cues` receives the names of the matching cues.
int CaptionScore(std::string_view paragraph, bool repeated, std::vector<std::string>* cues);

}  // namespace corroborate::clean

#endif  // CORROBORATE_CLEAN_CLEAN_H_
