// A write-once buffer for report sections produced before the report's header can be
// written: kept in memory up to a limit, then in an anonymous temporary file, so a
// million-article report does not sit in memory.
#ifndef CORROBORATE_SRC_REPORT_SPOOL_H_
#define CORROBORATE_SRC_REPORT_SPOOL_H_

#include <cstdio>
#include <ostream>
#include <string>
#include <string_view>

namespace corroborate::report {

class Spool {
 public:
  explicit Spool(size_t memory_limit = size_t{8} << 20) : limit_(memory_limit) {}
  ~Spool();
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;

  void Append(std::string_view s);
  bool empty() const { return size_ == 0; }
  // Writes everything appended so far to `out`.
  void CopyTo(std::ostream& out);

 private:
  size_t limit_;
  size_t size_ = 0;
  std::string memory_;
  std::FILE* file_ = nullptr;  // once memory_ passed the limit (if tmpfile() works)
};

}  // namespace corroborate::report

#endif  // CORROBORATE_SRC_REPORT_SPOOL_H_
