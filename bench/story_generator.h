// Builds a synthetic story of N articles from real article texts: each article is one of
// the source texts with its paragraphs reordered, some figures nudged, and page furniture
// added, so cleaning, extraction and comparison all do realistic work. Deterministic for a
// given seed.
#ifndef CORROBORATE_BENCH_STORY_GENERATOR_H_
#define CORROBORATE_BENCH_STORY_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "corroborate/ingest/article.h"

namespace corroborate::bench {

// Articles read from a folder (the example story by default).
std::vector<ingest::Article> LoadArticles(const std::string& path);

std::vector<ingest::Article> GenerateStory(const std::vector<ingest::Article>& sources, size_t n,
                                           uint32_t seed = 42);

size_t TotalBytes(const std::vector<ingest::Article>& articles);

}  // namespace corroborate::bench

#endif  // CORROBORATE_BENCH_STORY_GENERATOR_H_
