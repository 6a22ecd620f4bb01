// A normalised, segmented article text: what every later stage reads.
#ifndef CORROBORATE_TEXT_DOCUMENT_H_
#define CORROBORATE_TEXT_DOCUMENT_H_

#include <string_view>

#include "corroborate/text/normalize.h"
#include "corroborate/text/segment.h"

namespace corroborate::text {

struct Document {
  NormalizedText norm;
  Segmentation seg;

  std::string_view text() const { return norm.text; }
  // A span of the normalised text as a span of the original bytes.
  Span ToOriginal(Span s) const { return norm.map.ToOriginal(s); }
};

Document MakeDocument(std::string_view original, const NormalizeOptions& normalize = {},
                      const SegmentOptions& segment = {});

}  // namespace corroborate::text

#endif  // CORROBORATE_TEXT_DOCUMENT_H_
