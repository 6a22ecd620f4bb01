#include "corroborate/text/document.h"

namespace corroborate::text {

Document MakeDocument(std::string_view original, const NormalizeOptions& normalize,
                      const SegmentOptions& segment) {
  Document d;
  d.norm = Normalize(original, normalize);
  d.seg = Segment(d.norm.text, segment);
  return d;
}

}  // namespace corroborate::text
