#include "report/spool.h"

#include <vector>

namespace corroborate::report {

Spool::~Spool() {
  if (file_) std::fclose(file_);
}

void Spool::Append(std::string_view s) {
  size_ += s.size();
  if (file_) {
    std::fwrite(s.data(), 1, s.size(), file_);
    return;
  }
  memory_.append(s);
  if (memory_.size() <= limit_) return;
  file_ = std::tmpfile();
  if (!file_) return;  // no temporary directory: stay in memory
  std::fwrite(memory_.data(), 1, memory_.size(), file_);
  std::string().swap(memory_);
}

void Spool::CopyTo(std::ostream& out) {
  if (!file_) {
    out << memory_;
    return;
  }
  std::fflush(file_);
  std::rewind(file_);
  std::vector<char> buf(1 << 20);
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), file_)) > 0) out.write(buf.data(), static_cast<std::streamsize>(n));
  std::fseek(file_, 0, SEEK_END);
}

}  // namespace corroborate::report
