// Extractor throughput on real news text, in MB/s per core (bytes_per_second, one thread):
//   BM_Extract/quantities        ExtractQuantities over every sentence (text pre-segmented)
//   BM_Extract/may_hold          MayHoldQuantity, the prefilter every sentence passes
//   BM_Extract/quantities_cmd    the `quantities` command's path: normalise, segment, extract
//   BM_Extract/timex             ExtractTimexes over every sentence
//   BM_Extract/article           the whole extract stage (quantities, concepts, sources,
//                                time, entities, quotes) as `analyze` runs it
//   BM_Extract/one_document/N    quantities_cmd on ONE document of N bytes (64 KB .. 1 MB):
//                                MB/s that stays flat as N grows shows linear cost
// The corpus is the Wikinews clusters' source articles (../shared/data/wikinews) when
// present, the bundled example story otherwise; the benchmark prints which in its context.
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "corroborate/clean/clean.h"
#include "corroborate/extract/extractor.h"
#include "corroborate/extract/quantities.h"
#include "corroborate/extract/timex.h"
#include "corroborate/text/document.h"
#include "corroborate/text/normalize.h"
#include "corroborate/text/segment.h"
#include "story_generator.h"

namespace corroborate::bench {
namespace {

struct Corpus {
  std::vector<std::string> texts;
  size_t bytes = 0;
  std::string name;
};

const Corpus& NewsCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    std::string path = std::string(CORROBORATE_SHARED_DIR) + "/data/wikinews/wikinews_clusters_dev.jsonl";
    std::ifstream in(path);
    std::string line;
    while (in && std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("articles")) continue;
      for (const auto& a : j["articles"]) {
        if (a.contains("text") && a["text"].is_string()) c->texts.push_back(a["text"].get<std::string>());
      }
    }
    c->name = "wikinews source articles";
    if (c->texts.empty()) {
      for (const auto& a : LoadArticles(std::string(CORROBORATE_SOURCE_DIR) + "/examples/harbour-fire")) {
        c->texts.push_back(a.text);
      }
      c->name = "examples/harbour-fire (../shared/data/wikinews absent)";
    }
    for (const auto& t : c->texts) c->bytes += t.size();
    return c;
  }();
  return *corpus;
}

struct Segmented {
  std::vector<text::NormalizedText> norm;
  std::vector<std::vector<Span>> sentences;
};

const Segmented& Segments() {
  static const Segmented* s = [] {
    auto* seg = new Segmented;
    for (const auto& t : NewsCorpus().texts) {
      seg->norm.push_back(text::Normalize(t));
      const std::string& n = seg->norm.back().text;
      seg->sentences.push_back(text::SplitSentences(n, Span{0, static_cast<uint32_t>(n.size())}));
    }
    return seg;
  }();
  return *s;
}

void Report(benchmark::State& state, size_t bytes, size_t docs) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs));
  state.SetLabel(NewsCorpus().name);
}

size_t QuantitiesOfText(const std::string& t) {
  text::NormalizedText norm = text::Normalize(t);
  size_t n = 0;
  for (Span s : text::SplitSentences(norm.text, Span{0, static_cast<uint32_t>(norm.text.size())})) {
    n += extract::ExtractQuantities(norm.text, s).size();
  }
  return n;
}

void BM_Quantities(benchmark::State& state) {
  const Segmented& seg = Segments();
  size_t found = 0;
  for (auto _ : state) {
    for (size_t d = 0; d < seg.norm.size(); ++d) {
      for (Span s : seg.sentences[d]) found += extract::ExtractQuantities(seg.norm[d].text, s).size();
    }
  }
  benchmark::DoNotOptimize(found);
  Report(state, NewsCorpus().bytes, NewsCorpus().texts.size());
}
BENCHMARK(BM_Quantities)->Name("BM_Extract/quantities")->Unit(benchmark::kMillisecond);

void BM_MayHold(benchmark::State& state) {
  const Segmented& seg = Segments();
  size_t found = 0;
  for (auto _ : state) {
    for (size_t d = 0; d < seg.norm.size(); ++d) {
      for (Span s : seg.sentences[d]) found += extract::MayHoldQuantity(s.Of(seg.norm[d].text));
    }
  }
  benchmark::DoNotOptimize(found);
  state.counters["holding"] = static_cast<double>(found) / static_cast<double>(state.iterations());
  Report(state, NewsCorpus().bytes, NewsCorpus().texts.size());
}
BENCHMARK(BM_MayHold)->Name("BM_Extract/may_hold")->Unit(benchmark::kMillisecond);

void BM_QuantitiesCommand(benchmark::State& state) {
  size_t found = 0;
  for (auto _ : state) {
    for (const auto& t : NewsCorpus().texts) found += QuantitiesOfText(t);
  }
  benchmark::DoNotOptimize(found);
  Report(state, NewsCorpus().bytes, NewsCorpus().texts.size());
}
BENCHMARK(BM_QuantitiesCommand)->Name("BM_Extract/quantities_cmd")->Unit(benchmark::kMillisecond);

void BM_Timex(benchmark::State& state) {
  const Segmented& seg = Segments();
  size_t found = 0;
  for (auto _ : state) {
    for (size_t d = 0; d < seg.norm.size(); ++d) {
      for (Span s : seg.sentences[d]) found += extract::ExtractTimexes(seg.norm[d].text, s, Date{2025, 3, 14}).size();
    }
  }
  benchmark::DoNotOptimize(found);
  Report(state, NewsCorpus().bytes, NewsCorpus().texts.size());
}
BENCHMARK(BM_Timex)->Name("BM_Extract/timex")->Unit(benchmark::kMillisecond);

void BM_Article(benchmark::State& state) {
  static const auto* prepared = [] {
    auto* p = new std::pair<std::vector<text::Document>, std::vector<std::vector<clean::Block>>>;
    for (const auto& t : NewsCorpus().texts) {
      ingest::Article a;
      a.text = t;
      p->first.push_back(text::MakeDocument(t));
      p->second.push_back(clean::Clean(a, p->first.back()));
    }
    return p;
  }();
  for (auto _ : state) {
    for (size_t d = 0; d < prepared->first.size(); ++d) {
      benchmark::DoNotOptimize(extract::ExtractArticle(prepared->first[d], prepared->second[d], Date{2025, 3, 14}));
    }
  }
  Report(state, NewsCorpus().bytes, NewsCorpus().texts.size());
}
BENCHMARK(BM_Article)->Name("BM_Extract/article")->Unit(benchmark::kMillisecond);

// One document of about `state.range(0)` bytes, built from the corpus's articles end to end.
void BM_OneDocument(benchmark::State& state) {
  size_t target = static_cast<size_t>(state.range(0));
  std::string doc;
  for (size_t k = 0; doc.size() < target; ++k) {
    doc += NewsCorpus().texts[k % NewsCorpus().texts.size()];
    doc += "\n\n";
  }
  size_t found = 0;
  for (auto _ : state) found += QuantitiesOfText(doc);
  benchmark::DoNotOptimize(found);
  Report(state, doc.size(), 1);
}
BENCHMARK(BM_OneDocument)->Name("BM_Extract/one_document")->Arg(64 << 10)->Arg(256 << 10)->Arg(1 << 20)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace corroborate::bench

BENCHMARK_MAIN();
