#include "cli/output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>

namespace corroborate::cli {

void PrintSkipped(const ingest::Skipped& s) {
  std::fprintf(stderr, "corroborate: skipped %s%s: %s\n", s.input.c_str(),
               s.line ? (" line " + std::to_string(*s.line)).c_str() : "", s.reason.c_str());
}

bool WriteOutput(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(std::cout);
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    std::fprintf(stderr, "corroborate: cannot write %s: %s\n", path.c_str(), std::strerror(errno));
    return false;
  }
  write(out);
  out.close();
  if (!out) {
    std::fprintf(stderr, "corroborate: error writing %s\n", path.c_str());
    return false;
  }
  return true;
}

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
