// Paragraph and sentence segmentation of normalised text.
//
// Paragraphs: one per line, unless the text is hard-wrapped (blank lines between blocks of
// long lines without final punctuation), in which case blank lines separate paragraphs.
// Sentences: ICU's sentence break iterator (UAX #29, which handles quotes and closing
// brackets), then a data-driven abbreviation filter (data/text/abbreviations.tsv):
// "U.S. President", "Mr. Hu", "Jan. 5" and "No. 10" do not end sentences.
#ifndef CORROBORATE_TEXT_SEGMENT_H_
#define CORROBORATE_TEXT_SEGMENT_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "corroborate/base/span.h"

namespace corroborate::text {

struct SegmentOptions {
  // Budget: a "sentence" longer than this (a table or a list flattened into one line) is
  // cut at the last space before the limit so later stages stay linear.
  size_t max_sentence_bytes = 3000;
};

struct Paragraph {
  Span span;                    // trimmed, in the normalised text
  uint32_t first_sentence = 0;  // index into Segmentation::sentences
  uint32_t sentence_count = 0;
};

struct Segmentation {
  std::vector<Paragraph> paragraphs;
  std::vector<Span> sentences;  // trimmed, in document order
  std::vector<uint32_t> sentence_paragraph;  // paragraph index of each sentence
};

// Paragraph spans (trimmed, non-empty) of `text`.
std::vector<Span> SplitParagraphs(std::string_view text);

// Sentence spans (trimmed, non-empty) inside `range` of `text`. Thread-safe.
std::vector<Span> SplitSentences(std::string_view text, Span range,
                                 const SegmentOptions& options = {});

Segmentation Segment(std::string_view text, const SegmentOptions& options = {});

}  // namespace corroborate::text

#endif  // CORROBORATE_TEXT_SEGMENT_H_
