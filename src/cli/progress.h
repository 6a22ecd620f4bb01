// A one-line progress display on a terminal: the phase, articles read, MB, rate and, when
// the total input size is known, percent and ETA. Silent when stderr is not a terminal.
#ifndef CORROBORATE_SRC_CLI_PROGRESS_H_
#define CORROBORATE_SRC_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace corroborate::cli {

class Progress {
 public:
  // `paths`: the inputs, whose sizes on disk make the total (stdin counts as unknown).
  explicit Progress(const std::vector<std::string>& paths);
  ~Progress();  // ends the line
  // The callback for pipeline::AnalyzeOptions::progress; redraws at most 5 times a second
  // and at each new phase (the rate and ETA are per phase).
  std::function<void(const char*, size_t, uint64_t)> Callback();

 private:
  void Draw(const char* phase, size_t articles, uint64_t bytes);

  bool enabled_ = false;
  bool drawn_ = false;
  uint64_t total_ = 0;  // input bytes on disk, 0 when unknown
  std::chrono::steady_clock::time_point start_, last_;
  std::string phase_;
};

}  // namespace corroborate::cli

#endif  // CORROBORATE_SRC_CLI_PROGRESS_H_
