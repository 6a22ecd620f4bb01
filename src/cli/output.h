// Report outputs (a file or standard output, "-") and the skipped-input and warning messages.
#ifndef CORROBORATE_SRC_CLI_OUTPUT_H_
#define CORROBORATE_SRC_CLI_OUTPUT_H_

#include <fstream>
#include <ostream>
#include <string>

#include "corroborate/ingest/article.h"

namespace corroborate::cli {

// "corroborate: skipped INPUT line N: REASON" on stderr.
void PrintSkipped(const ingest::Skipped& s);
// "corroborate: warning: INPUT line N: MESSAGE" on stderr.
void PrintWarning(const ingest::Warning& w);

// An output opened before a long run, so that a path that cannot be written fails at
// once rather than after the work, and closed after it.
class OutputFile {
 public:
  // "-" is standard output. On failure prints a message naming the path.
  bool Open(const std::string& path);
  std::ostream& stream();
  // Flushes and closes; false (with a message) when writing failed.
  bool Close();

 private:
  std::string path_;
  std::ofstream file_;
};

}  // namespace corroborate::cli

#endif  // CORROBORATE_SRC_CLI_OUTPUT_H_
