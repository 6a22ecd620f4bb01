// corroborate cluster: near-duplicates and stories only, one JSON line per article,
// grouped by story (s1, s2, ... in order of their first article), each story's articles
// in arrival (publication) order: {"id", "input", "story", "duplicate_of", "jaccard",
// "similarity"}. Reads what `analyze` reads; skipped inputs go to stderr.
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
  pipeline::RunResult r;
  {
    Progress progress(args.paths);
    pipeline::AnalyzeOptions options = args.options;
    options.progress = progress.Callback();
    r = pipeline::ClusterOnly(args.paths, options, on_skip);
  }
  using Json = nlohmann::ordered_json;
  std::vector<size_t> order;
  for (const pipeline::StoryResult& s : r.stories) order.insert(order.end(), s.articles.begin(), s.articles.end());
  for (size_t i : order) {
    const pipeline::ArticleAnalysis& a = *r.articles[i];
    Json j;
    j["id"] = a.article.id;
    j["input"] = a.article.input;
    j["story"] = r.stories[a.story].id;
    j["duplicate_of"] = a.duplicate_of >= 0 ? Json(r.articles[static_cast<size_t>(a.duplicate_of)]->article.id)
                                            : Json(nullptr);
    j["jaccard"] = a.duplicate_of >= 0 ? Json(a.duplicate_jaccard) : Json(nullptr);
    j["similarity"] = a.story_similarity;
    std::cout << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
  }
  std::cout.flush();
  return r.ExitStatus();
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
