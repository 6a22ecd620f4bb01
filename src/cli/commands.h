// The CLI's subcommands. Each command is one entry of the table in commands.cc: name,
// one-line help, a function that declares its options, and a function that runs it. Help
// and dispatch come from the same table, so they cannot drift apart.
#ifndef CORROBORATE_SRC_CLI_COMMANDS_H_
#define CORROBORATE_SRC_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <vector>

namespace corroborate::cli {

// Exit statuses beyond the analysis ones (0, 1, 2; see pipeline::RunResult::ExitStatus).
inline constexpr int kExitUsage = 64;
inline constexpr int kExitOutput = 3;

struct Command {
  const char* name;
  const char* help;
  // Declares the command's options on `app`; returns the function that runs it after
  // parsing (options are bound to state the setup function owns).
  std::function<std::function<int()>(CLI::App* app)> setup;
};

const std::vector<Command>& Commands();

// Individual commands (defined in <name>_command.cc).
std::function<int()> SetupAnalyze(CLI::App* app);
std::function<int()> SetupBody(CLI::App* app);
std::function<int()> SetupCluster(CLI::App* app);
std::function<int()> SetupQuantities(CLI::App* app);
std::function<int()> SetupTimex(CLI::App* app);
std::function<int()> SetupVersion(CLI::App* app);

}  // namespace corroborate::cli

#endif  // CORROBORATE_SRC_CLI_COMMANDS_H_
