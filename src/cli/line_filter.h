// The shared loop of the CLI's JSON Lines filters (`quantities`, `timex`): one input line
// in, one JSON line out, bad lines reported and the rest still processed.
#ifndef CORROBORATE_SRC_CLI_LINE_FILTER_H_
#define CORROBORATE_SRC_CLI_LINE_FILTER_H_

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace corroborate::cli {

using OrderedJson = nlohmann::ordered_json;

// Reads `input` ("-" is standard input) line by line. A line starting with "{" is JSON and
// must carry a string "text"; any other line is the text itself. `process` gets the text
// and the parsed object (null for a plain line) and returns the output object. A line that
// is not valid UTF-8, not valid JSON or has no "text" gives {"line": n, "error": ...} and a
// message on stderr naming the input and line. Returns 0 when every line was processed,
// 1 when some were not, 2 when none was (or the input cannot be opened).
int RunLineFilter(const std::string& input,
                  const std::function<OrderedJson(const std::string& text, const OrderedJson& line)>& process);

}  // namespace corroborate::cli

#endif  // CORROBORATE_SRC_CLI_LINE_FILTER_H_
