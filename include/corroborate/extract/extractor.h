// Extraction for a whole article: every quantity in the kept text with what it counts, who
// it is attributed to and the time it refers to; named entities; direct quotes with their
// speakers.
#ifndef CORROBORATE_EXTRACT_EXTRACTOR_H_
#define CORROBORATE_EXTRACT_EXTRACTOR_H_

#include <optional>
#include <string>
#include <vector>

#include "corroborate/base/date.h"
#include "corroborate/clean/clean.h"
#include "corroborate/extract/entities.h"
#include "corroborate/extract/quantity.h"
#include "corroborate/extract/timex.h"
#include "corroborate/text/document.h"

namespace corroborate::extract {

// How a figure's source was found.
enum class SourceCue : uint8_t {
  kNone,
  kReportingVerb,  // "X said", "X estimated that"
  kAccordingTo,    // "according to X"
  kStatement,      // "a report by X", "X's estimate"
  kQuote,          // inside a direct quote of X
  kPronoun,        // "he said": the last named speaker
  kAnaphora,       // "the same study": the last named source
};
const char* SourceCueName(SourceCue c);

struct Mention {
  Quantity quantity;        // spans in the normalised text
  uint32_t sentence = 0;    // index into the document's sentences
  std::string source;       // who it is attributed to, as named in the article; empty if nobody
  SourceCue source_cue = SourceCue::kNone;
  // The source is a name (an entity, "Port Alder fire department") rather than a
  // description ("the city fire department"); only names can tell facts apart.
  bool source_named = false;
  std::optional<Date> as_of;  // the time the figure refers to, when the text says
  std::string as_of_text;     // the time expression as written
  bool in_title = false;      // from the headline
  bool in_quote = false;      // inside a direct quote
};

struct Quote {
  Span span;             // the quoted words, without the quotation marks
  std::string speaker;   // as named, or empty
  uint32_t sentence = 0;
};

struct SentenceEntity {
  EntityMention mention;
  uint32_t sentence = 0;
};

struct ArticleExtraction {
  std::vector<Mention> mentions;
  std::vector<SentenceEntity> entities;
  std::vector<Quote> quotes;
  std::vector<std::vector<Timex>> timexes;  // per sentence
};

struct ExtractOptions {
  // Budget: at most this many mentions per article; further ones are dropped and counted
  // in ArticleExtraction (an article of figures only, like a table, must not dominate).
  size_t max_mentions = 2000;
};

// `blocks` says which paragraphs are kept (see clean::Clean); `reference` is the date
// relative expressions resolve against (the publication date, or the story's date).
ArticleExtraction ExtractArticle(const text::Document& doc, const std::vector<clean::Block>& blocks,
                                 std::optional<Date> reference, const ExtractOptions& options = {});

}  // namespace corroborate::extract

#endif  // CORROBORATE_EXTRACT_EXTRACTOR_H_
