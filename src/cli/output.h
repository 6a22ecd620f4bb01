// Writing a report to a file or to standard output ("-").
#ifndef CORROBORATE_SRC_CLI_OUTPUT_H_
#define CORROBORATE_SRC_CLI_OUTPUT_H_

#include <functional>
#include <ostream>
#include <string>

#include "corroborate/ingest/article.h"

namespace corroborate::cli {

// Writes through `write` to `path` ("-" is standard output). On failure prints a message
// naming the path and returns false.
// "corroborate: skipped INPUT line N: REASON" on stderr.
void PrintSkipped(const ingest::Skipped& s);

bool WriteOutput(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace corroborate::cli

#endif  // CORROBORATE_SRC_CLI_OUTPUT_H_
