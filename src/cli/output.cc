#include "cli/output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>

namespace corroborate::cli {

namespace {

// "corroborate: WHAT INPUT[ line N]: WHY" on stderr.
void PrintNote(const char* what, const std::string& input, const std::optional<int64_t>& line, const std::string& why) {
  std::fprintf(stderr, "corroborate: %s %s%s: %s\n", what, input.c_str(),
               line ? (" line " + std::to_string(*line)).c_str() : "", why.c_str());
}

}  // namespace

void PrintSkipped(const ingest::Skipped& s) { PrintNote("skipped", s.input, s.line, s.reason); }

void PrintWarning(const ingest::Warning& w) { PrintNote("warning:", w.input, w.line, w.message); }

bool OutputFile::Open(const std::string& path) {
  path_ = path;
  if (path == "-") return true;
  file_.open(path, std::ios::binary);
  if (!file_) {
    std::fprintf(stderr, "corroborate: cannot write %s: %s\n", path.c_str(), std::strerror(errno));
    return false;
  }
  return true;
}

std::ostream& OutputFile::stream() { return path_ == "-" ? std::cout : file_; }

bool OutputFile::Close() {
  if (path_ == "-") {
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  file_.close();
  if (!file_) {
    std::fprintf(stderr, "corroborate: error writing %s\n", path_.c_str());
    return false;
  }
  return true;
}

}  // namespace corroborate::cli
