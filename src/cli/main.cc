// corroborate: the command-line shell over the pipeline libraries.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"corroborate: what news outlets agree on, where their figures differ, who copied whom"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "corroborate 0.1.0");
  std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
  for (const corroborate::cli::Command& c : corroborate::cli::Commands()) {
    CLI::App* sub = app.add_subcommand(c.name, c.help);
    runners.emplace_back(sub, c.setup(sub));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return corroborate::cli::kExitUsage;
  }
  for (auto& [sub, run] : runners) {
    if (sub->parsed()) return run();
  }
  return corroborate::cli::kExitUsage;
}
