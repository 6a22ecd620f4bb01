// Whole-pipeline and per-stage throughput, in MB/s (bytes_per_second) and articles/s
// (items_per_second):
//   BM_Pipeline/story100    a generated 100-article story (from examples/harbour-fire)
//   BM_Pipeline/seeds       the five seed articles (../shared/seeds), when present
//   BM_Stage/...            one stage at a time on the 100-article story
// Stage timings are the baseline for the pipeline figure: the pipeline's time should be
// close to their sum (threads = 1), and the comparison stages should not dominate.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "corroborate/clean/clean.h"
#include "corroborate/compare/story.h"
#include "corroborate/extract/extractor.h"
#include "corroborate/pipeline/analyze.h"
#include "story_generator.h"

namespace corroborate::bench {
namespace {

const std::vector<ingest::Article>& Story100() {
  static const auto* story = new std::vector<ingest::Article>(
      GenerateStory(LoadArticles(std::string(CORROBORATE_SOURCE_DIR) + "/examples/harbour-fire"), 100));
  return *story;
}

void RunPipeline(benchmark::State& state, const std::vector<ingest::Article>& articles, size_t threads) {
  pipeline::AnalyzeOptions o;
  o.threads = threads;
  for (auto _ : state) {
    auto run = pipeline::AnalyzeArticles(articles, o);
    benchmark::DoNotOptimize(run.stories);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(articles)));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * articles.size()));
  state.counters["articles"] = static_cast<double>(articles.size());
}

void BM_PipelineStory100(benchmark::State& state) {
  RunPipeline(state, Story100(), static_cast<size_t>(state.range(0)));
}
BENCHMARK(BM_PipelineStory100)->Name("BM_Pipeline/story100/threads")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

void BM_PipelineSeeds(benchmark::State& state) {
  std::string dir = std::string(CORROBORATE_SHARED_DIR) + "/seeds";
  if (!std::filesystem::is_directory(dir)) {
    state.SkipWithError("../shared/seeds not present");
    return;
  }
  static const auto* seeds = new std::vector<ingest::Article>(LoadArticles(dir));
  RunPipeline(state, *seeds, 1);
}
BENCHMARK(BM_PipelineSeeds)->Name("BM_Pipeline/seeds")->Unit(benchmark::kMillisecond);

// Per-stage, single thread, on the 100-article story.
struct Prepared {
  std::vector<ingest::Article> articles = Story100();
  std::vector<text::Document> docs;
  std::vector<std::vector<clean::Block>> blocks;
  std::vector<extract::ArticleExtraction> x;
  Prepared() {
    for (const auto& a : articles) docs.push_back(text::MakeDocument(a.text));
    for (size_t i = 0; i < articles.size(); ++i) blocks.push_back(clean::Clean(articles[i], docs[i]));
    for (size_t i = 0; i < articles.size(); ++i) x.push_back(extract::ExtractArticle(docs[i], blocks[i], Date{2025, 3, 14}));
  }
  std::vector<compare::StoryArticle> View() const {
    std::vector<compare::StoryArticle> v;
    for (size_t i = 0; i < articles.size(); ++i) v.push_back({&articles[i], &docs[i], &blocks[i], &x[i], Date{2025, 3, 14}});
    return v;
  }
};

const Prepared& P() {
  static const auto* p = new Prepared();
  return *p;
}

void Finish(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(P().articles)));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * P().articles.size()));
}

void BM_StageNormalizeSegment(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& a : P().articles) benchmark::DoNotOptimize(text::MakeDocument(a.text));
  }
  Finish(state);
}
BENCHMARK(BM_StageNormalizeSegment)->Name("BM_Stage/1_normalize_segment")->Unit(benchmark::kMillisecond);

void BM_StageClean(benchmark::State& state) {
  for (auto _ : state) {
    for (size_t i = 0; i < P().articles.size(); ++i) benchmark::DoNotOptimize(clean::Clean(P().articles[i], P().docs[i]));
  }
  Finish(state);
}
BENCHMARK(BM_StageClean)->Name("BM_Stage/2_clean")->Unit(benchmark::kMillisecond);

void BM_StageExtract(benchmark::State& state) {
  for (auto _ : state) {
    for (size_t i = 0; i < P().articles.size(); ++i) {
      benchmark::DoNotOptimize(extract::ExtractArticle(P().docs[i], P().blocks[i], Date{2025, 3, 14}));
    }
  }
  Finish(state);
}
BENCHMARK(BM_StageExtract)->Name("BM_Stage/3_extract")->Unit(benchmark::kMillisecond);

void BM_StageCompare(benchmark::State& state) {
  auto view = P().View();
  for (auto _ : state) benchmark::DoNotOptimize(compare::Compare(view));
  Finish(state);
}
BENCHMARK(BM_StageCompare)->Name("BM_Stage/4_compare")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace corroborate::bench

BENCHMARK_MAIN();
