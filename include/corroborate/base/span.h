// Byte ranges. Every stage keeps text positions as half-open byte spans; the stage that
// owns a text says which text (original input or normalised) a span refers to.
#ifndef CORROBORATE_BASE_SPAN_H_
#define CORROBORATE_BASE_SPAN_H_

#include <cstdint>
#include <string_view>

namespace corroborate {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  bool Overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
  std::string_view Of(std::string_view text) const { return text.substr(begin, end - begin); }

  friend bool operator==(const Span& a, const Span& b) {
    return a.begin == b.begin && a.end == b.end;
  }
  friend bool operator<(const Span& a, const Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  }
};

}  // namespace corroborate

#endif  // CORROBORATE_BASE_SPAN_H_
