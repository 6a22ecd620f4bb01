#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace corroborate::cli {

Progress::Progress(const std::vector<std::string>& paths) : start_(std::chrono::steady_clock::now()), last_(start_) {
  enabled_ = isatty(STDERR_FILENO) == 1;
  if (!enabled_) return;
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const std::string& p : paths) {
    if (p == "-") {
      total_ = 0;
      return;
    }
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (it->is_regular_file(ec)) total_ += it->file_size(ec);
      }
    } else {
      total_ += fs::file_size(p, ec);
    }
  }
}

Progress::~Progress() {
  if (drawn_) std::fputc('\n', stderr);
}

std::function<void(const char*, size_t, uint64_t)> Progress::Callback() {
  if (!enabled_) return {};
  return [this](const char* phase, size_t articles, uint64_t bytes) {
    auto now = std::chrono::steady_clock::now();
    if (phase_ != phase) {
      phase_ = phase;
      start_ = now;
    } else if (now - last_ < std::chrono::milliseconds(200)) {
      return;
    }
    last_ = now;
    Draw(phase, articles, bytes);
  };
}

void Progress::Draw(const char* phase, size_t articles, uint64_t bytes) {
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double rate = secs > 0 ? static_cast<double>(bytes) / 1e6 / secs : 0;
  char line[160];
  if (total_ > 0 && bytes <= total_ && rate > 0) {
    // Article text is a little smaller than the files (markup, JSON), so this errs early.
    double share = static_cast<double>(bytes) / static_cast<double>(total_);
    double eta = (static_cast<double>(total_ - bytes) / 1e6) / rate;
    int width = 30, filled = static_cast<int>(share * width);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.resize(static_cast<size_t>(width), '.');
    std::snprintf(line, sizeof line, "\r%-8s [%s] %3.0f%%  %zu articles  %.1f MB  %.1f MB/s  ETA %.0f s   ", phase, bar.c_str(),
                  share * 100, articles, static_cast<double>(bytes) / 1e6, rate, eta);
  } else {
    std::snprintf(line, sizeof line, "\r%-8s %zu articles  %.1f MB  %.1f MB/s   ", phase, articles,
                  static_cast<double>(bytes) / 1e6, rate);
  }
  std::fputs(line, stderr);
  std::fputs("\033[K", stderr);  // clear what a longer earlier line left
  drawn_ = true;
}

}  // namespace corroborate::cli
