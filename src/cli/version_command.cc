#include <cstdio>

#include "cli/commands.h"
#include "corroborate/pipeline/analyze.h"

namespace corroborate::cli {

std::function<int()> SetupVersion(CLI::App*) {
  return [] {
    std::printf("corroborate %s\n", pipeline::kVersion);
    return 0;
  };
}

}  // namespace corroborate::cli
