// Access to the lexicons and rule tables under data/, compiled into the binary at build
// time so every host (CLI, tests, benchmarks) sees the same rules.
//
// Table format (all files under data/ that end in .tsv): UTF-8, one record per line,
// fields separated by tabs, `#` starts a comment line, blank lines are ignored.
#ifndef CORROBORATE_BASE_DATA_H_
#define CORROBORATE_BASE_DATA_H_

#include <string>
#include <string_view>
#include <vector>

namespace corroborate::data {

// The bytes of data/<name>; aborts with a message when the file is not embedded, because
// a missing lexicon is a build error, not a user error.
std::string_view Get(std::string_view name);

// Names of all embedded files (for `corroborate data` and tests).
std::vector<std::string_view> Names();

struct Row {
  int line = 0;  // 1-based line number in the data file, for error messages
  std::vector<std::string_view> fields;
};

// Parsed records of a .tsv table; each field is trimmed of surrounding spaces.
std::vector<Row> Table(std::string_view name);

// One record per non-comment line, trimmed: for plain word lists.
std::vector<std::string_view> Lines(std::string_view name);

}  // namespace corroborate::data

#endif  // CORROBORATE_BASE_DATA_H_
