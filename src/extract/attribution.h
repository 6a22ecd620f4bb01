// Who a figure or a quote is attributed to, within one article. Sentences are fed in
// order; the attributor remembers the last named person and source so "he said" and "the
// same study" resolve.
#ifndef CORROBORATE_SRC_EXTRACT_ATTRIBUTION_H_
#define CORROBORATE_SRC_EXTRACT_ATTRIBUTION_H_

#include <string>
#include <vector>

#include "corroborate/extract/entities.h"
#include "corroborate/extract/extractor.h"
#include "extract/token_view.h"

namespace corroborate::extract {

struct Attribution {
  std::string source;
  SourceCue cue = SourceCue::kNone;
  // A named source (an entity, or words with a capital not at the sentence start) rather
  // than a description ("the city fire department", "officials").
  bool named = true;
};

class Attributor {
 public:
  // Starts a sentence. The pointers must outlive the calls up to End().
  void Begin(const TokenView* tv, const std::vector<EntityMention>* entities);
  // The source of a figure at tokens [b, e).
  Attribution ForFigure(size_t b, size_t e) const;
  // The speaker of a quote whose marks are at tokens open and close (close may be the
  // sentence end for a quote that continues).
  Attribution ForQuote(size_t open, size_t close) const;
  // Records the sentence's named people and sources for later pronouns.
  void End(const std::vector<Attribution>& found);

 private:
  const EntityMention* EntityEndingBefore(size_t k, size_t floor) const;
  const EntityMention* EntityStartingAt(size_t k) const;
  Attribution SubjectOf(size_t verb, size_t floor) const;
  Attribution AfterPrep(size_t k) const;
  Attribution Pronoun(size_t k) const;
  size_t ClauseStart(size_t k) const;
  // The subject noun phrase ending right before `verb` (auxiliaries skipped), from `floor`.
  Attribution SubjectPhrase(size_t verb, size_t floor, const EntityMention* entity) const;
  bool IsVerbAt(size_t k) const;
  bool Adverb(size_t k) const;

  const TokenView* tv_ = nullptr;
  const std::vector<EntityMention>* entities_ = nullptr;
  std::string last_person_;
  std::string last_source_;
};

}  // namespace corroborate::extract

#endif  // CORROBORATE_SRC_EXTRACT_ATTRIBUTION_H_
