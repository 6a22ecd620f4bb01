// Near-duplicate detection, measured:
//   BM_Dedup/fingerprint        tokenise + shingle + hash + MinHash signature, MB/s per core,
//                               on real news text (Wikinews sources, else the examples)
//   BM_Dedup/index              fingerprint + LSH lookup + verification + insert (online dedup)
//   BM_Dedup/scurve/<s x 100>   for pairs at exact shingle Jaccard near s: the share that
//                               became LSH candidates (observed) and the S-curve's value
//                               1 - (1 - s^r)^b (expected), and their difference
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <iterator>
#include <fstream>
#include <random>
#include <sstream>

#include "corroborate/cluster/minhash.h"
#include "story_generator.h"

namespace corroborate::bench {
namespace {

// The corpus: $CORROBORATE_BENCH_CORPUS (documents separated by NUL bytes, as
// bench/minhash_side_by_side.py writes it for both systems), else the Wikinews sources,
// else the bundled examples.
const std::vector<std::string>& Texts() {
  static const auto* texts = [] {
    auto* t = new std::vector<std::string>;
    if (const char* path = std::getenv("CORROBORATE_BENCH_CORPUS")) {
      std::ifstream f(path, std::ios::binary);
      std::string all((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
      size_t at = 0;
      while (at <= all.size()) {
        size_t z = all.find('\0', at);
        if (z == std::string::npos) z = all.size();
        t->push_back(all.substr(at, z - at));
        at = z + 1;
      }
      return t;
    }
    std::ifstream in(std::string(CORROBORATE_SHARED_DIR) + "/data/wikinews/wikinews_clusters_dev.jsonl");
    std::string line;
    while (in && std::getline(in, line)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded()) continue;
      for (const auto& a : j["articles"]) t->push_back(a["text"].get<std::string>());
    }
    if (t->empty()) {
      for (const auto& a : LoadArticles(std::string(CORROBORATE_SOURCE_DIR) + "/examples/harbour-fire")) t->push_back(a.text);
    }
    return t;
  }();
  return *texts;
}

size_t Bytes() {
  size_t b = 0;
  for (const auto& t : Texts()) b += t.size();
  return b;
}

void BM_Fingerprint(benchmark::State& state) {
  size_t n = 0;
  for (auto _ : state) {
    for (const auto& t : Texts()) n += cluster::MakeFingerprint(t).signature.size();
  }
  benchmark::DoNotOptimize(n);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * Texts().size()));
}
BENCHMARK(BM_Fingerprint)->Name("BM_Dedup/fingerprint")->Unit(benchmark::kMillisecond);

void BM_Index(benchmark::State& state) {
  for (auto _ : state) {
    cluster::DuplicateFinder f;
    for (const auto& t : Texts()) benchmark::DoNotOptimize(f.Add(cluster::MakeFingerprint(t)));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * Texts().size()));
}
BENCHMARK(BM_Index)->Name("BM_Dedup/index")->Unit(benchmark::kMillisecond);

std::string Words(std::mt19937* rng, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += "w" + std::to_string((*rng)() % 50000) + " ";
  return s;
}

// Pairs whose exact Jaccard lands within 0.025 of s, by replacing words of a document.
void BM_SCurve(benchmark::State& state) {
  double s = static_cast<double>(state.range(0)) / 100.0;
  cluster::MinHashOptions o;
  std::mt19937 rng(static_cast<uint32_t>(state.range(0)));
  double observed = 0, expected = 0, pairs = 0;
  for (auto _ : state) {
    for (int k = 0; k < 4000 && pairs < 2000; ++k) {
      std::string a = Words(&rng, 400);
      // Replacing a share p of words leaves roughly (1-p)^5 of 5-word shingles shared.
      double keep = std::pow(2 * s / (1 + s), 1.0 / o.shingle_words);
      std::string b;
      std::istringstream in(a);
      std::string w;
      std::uniform_real_distribution<double> u(0, 1);
      while (in >> w) b += (u(rng) < keep ? w : "x" + std::to_string(rng())) + " ";
      cluster::Fingerprint fa = cluster::MakeFingerprint(a, o), fb = cluster::MakeFingerprint(b, o);
      double j = cluster::ExactJaccard(fa.shingles, fb.shingles);
      if (std::abs(j - s) > 0.025) continue;
      cluster::LshIndex index(o);
      index.Add(0, fa.signature);
      observed += !index.Candidates(fb.signature).empty();
      expected += cluster::CandidateProbability(j, o.bands, o.rows);
      ++pairs;
    }
  }
  state.counters["pairs"] = pairs;
  state.counters["observed"] = pairs ? observed / pairs : 0;
  state.counters["expected"] = pairs ? expected / pairs : 0;
  state.counters["difference"] = pairs ? (observed - expected) / pairs : 0;
}
BENCHMARK(BM_SCurve)->Name("BM_Dedup/scurve")->DenseRange(20, 90, 10)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace corroborate::bench

BENCHMARK_MAIN();
