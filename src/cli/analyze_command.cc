#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/cluster_options.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "corroborate/pipeline/analyze.h"
#include "corroborate/report/report.h"

namespace corroborate::cli {
namespace {

struct AnalyzeArgs {
  std::vector<std::string> paths;
  std::string json, md, html;
  bool quiet = false;
  bool explain = false;
  pipeline::AnalyzeOptions options;
};

int RunAnalyze(const AnalyzeArgs& args) {
  auto on_skip = [&](const ingest::Skipped& s) {
    if (!args.quiet) PrintSkipped(s);
  };
  pipeline::AnalyzeOptions options = args.options;
  if (args.explain) options.compare.explain = &std::cerr;
  // Reports are opened first (a bad path fails before the work) and fed story by story.
  std::vector<std::pair<std::string, report::Format>> wanted;
  if (!args.json.empty()) wanted.emplace_back(args.json, report::Format::kJson);
  if (!args.md.empty()) wanted.emplace_back(args.md, report::Format::kMarkdown);
  if (!args.html.empty()) wanted.emplace_back(args.html, report::Format::kHtml);
  if (wanted.empty()) wanted.emplace_back("-", report::Format::kMarkdown);
  std::vector<std::unique_ptr<OutputFile>> files;
  std::vector<std::unique_ptr<report::ReportWriter>> writers;
  for (const auto& [path, format] : wanted) {
    files.push_back(std::make_unique<OutputFile>());
    if (!files.back()->Open(path)) return kExitOutput;
    writers.push_back(report::MakeWriter(format, files.back()->stream()));
  }
  pipeline::RunInfo info;
  {
    std::optional<Progress> progress;
    if (!args.quiet) {
      progress.emplace(args.paths);
      options.progress = progress->Callback();
    }
    auto on_story = [&](pipeline::FinishedStory&& story) {
      report::StoryView view = story.View();
      for (auto& w : writers) w->AddStory(view);
    };
    info = pipeline::AnalyzeStream(args.paths, options, on_story, on_skip);
  }
  if (!args.quiet) {
    for (const ingest::Warning& w : info.warnings) PrintWarning(w);
  }
  if (info.articles == 0) {
    std::fprintf(stderr, "corroborate: no usable articles in the inputs\n");
  }
  report::RunView run = info.View();
  bool ok = true;
  for (size_t k = 0; k < writers.size(); ++k) {
    writers[k]->Finish(run);
    ok &= files[k]->Close();
  }
  if (!ok) return kExitOutput;
  return info.ExitStatus();
}

}  // namespace

std::function<int()> SetupAnalyze(CLI::App* app) {
  auto args = std::make_shared<AnalyzeArgs>();
  app->add_option("paths", args->paths,
                  "Files or directories (walked recursively): .txt, .jsonl, .html, .warc(.gz); '-' reads JSONL from stdin")
      ->required();
  app->add_option("--json", args->json, "Write the JSON report here ('-' for stdout)");
  app->add_option("--md", args->md, "Write the Markdown report here ('-' for stdout)");
  app->add_option("--html", args->html, "Write the HTML report here ('-' for stdout)");
  app->add_option("--threads", args->options.threads, "Worker threads (0 = one per core)");
  app->add_option("--max-document-bytes", args->options.ingest.max_document_bytes,
                  "Skip a file or JSONL line larger than this")
      ->capture_default_str();
  app->add_flag("--quiet", args->quiet, "Do not print skipped inputs and warnings to stderr");
  AddClusterOptions(app, &args->options);
  app->add_flag("--explain", args->explain, "Print every scored pair of figures and whether it linked (stderr)");
  app->footer(
      "Without --json/--md/--html the Markdown report goes to stdout.\n"
      "Exit status: 0 all inputs read; 1 some inputs skipped (listed in the report);\n"
      "2 nothing usable; 3 a report could not be written; 64 usage error.");
  return [args] { return RunAnalyze(*args); };
}

}  // namespace corroborate::cli
