// Shared helpers for tests: paths, temporary folders, running the CLI, building articles.
#ifndef CORROBORATE_TESTS_SUPPORT_TEST_SUPPORT_H_
#define CORROBORATE_TESTS_SUPPORT_TEST_SUPPORT_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "corroborate/ingest/article.h"

namespace corroborate::testing {

std::filesystem::path SourceDir();
// ../shared next to the repository, or $CORROBORATE_SHARED_DIR when set.
std::filesystem::path SharedDir();
std::filesystem::path ExampleDir();  // examples/harbour-fire

// A fresh empty directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path Write(const std::string& name, const std::string& bytes) const;

 private:
  std::filesystem::path path_;
};

std::string ReadFile(const std::filesystem::path& p);

struct CommandResult {
  int exit_status = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs build/corroborate with `args` (each shell-quoted), optionally feeding `stdin_text`.
CommandResult RunCli(const std::vector<std::string>& args, const std::optional<std::string>& stdin_text = {});

ingest::Article MakeArticle(const std::string& id, const std::string& text,
                            const std::optional<std::string>& published = {});

}  // namespace corroborate::testing

#endif  // CORROBORATE_TESTS_SUPPORT_TEST_SUPPORT_H_
