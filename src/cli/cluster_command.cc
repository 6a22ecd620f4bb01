// corroborate cluster: near-duplicates and stories only, one JSON line per article,
// written story by story as stories close (stories are numbered s1, s2, ... in order of
// their first article), each story's articles in publication order: {"id", "input",
// "published", "story", "thread", "duplicate_of", "jaccard", "similarity"}. Reads what
// `analyze` reads; skipped inputs go to stderr.
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

#include "cli/cluster_options.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/progress.h"

namespace corroborate::cli {
namespace {

struct ClusterArgs {
  std::vector<std::string> paths;
  pipeline::AnalyzeOptions options;
};

int RunCluster(const ClusterArgs& args) {
  auto on_skip = [](const ingest::Skipped& s) { PrintSkipped(s); };
  using Json = nlohmann::ordered_json;
  auto on_story = [](pipeline::FinishedStory&& f) {
    for (const auto& a : f.articles) {
      Json j;
      j["id"] = a->article.id;
      j["input"] = a->article.input;
      j["published"] = a->article.published ? Json(*a->article.published) : Json(nullptr);
      j["story"] = f.story.id;
      j["thread"] = f.story.thread;
      j["duplicate_of"] = a->duplicate_of.empty() ? Json(nullptr) : Json(a->duplicate_of);
      j["jaccard"] = a->duplicate_of.empty() ? Json(nullptr) : Json(a->duplicate_jaccard);
      j["similarity"] = a->story_similarity;
      std::cout << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
    }
  };
  pipeline::RunInfo info;
  {
    Progress progress(args.paths);
    pipeline::AnalyzeOptions options = args.options;
    options.analyze = false;
    options.progress = progress.Callback();
    info = pipeline::AnalyzeStream(args.paths, options, on_story, on_skip);
  }
  std::cout.flush();
  return info.ExitStatus();
}

}  // namespace

std::function<int()> SetupCluster(CLI::App* app) {
  auto args = std::make_shared<ClusterArgs>();
  app->add_option("paths", args->paths, "Files or directories; '-' reads JSONL from stdin")->required();
  app->add_option("--threads", args->options.threads, "Worker threads (0 = one per core)");
  AddClusterOptions(app, &args->options);
  return [args] { return RunCluster(*args); };
}

}  // namespace corroborate::cli
