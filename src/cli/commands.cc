#include "cli/commands.h"

namespace corroborate::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"analyze", "Compare articles about one story: facts, conflicts, timelines, copies, summary",
       SetupAnalyze},
      {"body", "Print the cleaned main text of inputs (web pages, text, JSON Lines), as analyze keeps it",
       SetupBody},
      {"cluster", "Find near-duplicates and group articles into stories (one JSON line per article)",
       SetupCluster},
      {"quantities", "Extract quantities from JSON Lines ({\"text\": ...}) or plain text lines",
       SetupQuantities},
      {"timex", "Extract time expressions (TIMEX3 values) from JSON Lines ({\"text\", \"dct\"}) or text lines",
       SetupTimex},
      {"version", "Print the version", SetupVersion},
  };
  return kCommands;
}

}  // namespace corroborate::cli
