// Set operations on sorted vectors of unique values: linear merges, used wherever
// documents are compared as sets of hashed words or shingles.
#ifndef CORROBORATE_BASE_SORTED_H_
#define CORROBORATE_BASE_SORTED_H_

#include <cstddef>
#include <vector>

namespace corroborate {

// |a ∩ b| for sorted unique a and b.
template <class T>
size_t SortedIntersection(const std::vector<T>& a, const std::vector<T>& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n;
      ++i;
      ++j;
    }
  }
  return n;
}

// |a ∩ b| / |a ∪ b|; `empty` when both are empty.
template <class T>
double SortedJaccard(const std::vector<T>& a, const std::vector<T>& b, double empty = 0) {
  if (a.empty() && b.empty()) return empty;
  size_t n = SortedIntersection(a, b);
  return static_cast<double>(n) / static_cast<double>(a.size() + b.size() - n);
}

}  // namespace corroborate

#endif  // CORROBORATE_BASE_SORTED_H_
