#include "story_generator.h"

#include <random>

#include "corroborate/base/strings.h"
#include "corroborate/ingest/reader.h"

namespace corroborate::bench {

std::vector<ingest::Article> LoadArticles(const std::string& path) {
  std::vector<ingest::Article> out;
  ingest::Sink sink;
  sink.article = [&](ingest::Article&& a) { out.push_back(std::move(a)); };
  sink.skipped = [](ingest::Skipped&&) {};
  sink.warning = [](ingest::Warning&&) {};
  ingest::ReadPaths({path}, {}, sink);
  return out;
}

std::vector<ingest::Article> GenerateStory(const std::vector<ingest::Article>& sources, size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  static const char* kFurniture[] = {"Advertisement", "Featured image", "Share this article",
                                     "Sign up for our daily newsletter", "Read more: Local news roundup"};
  std::vector<ingest::Article> out;
  for (size_t i = 0; i < n && !sources.empty(); ++i) {
    const ingest::Article& src = sources[i % sources.size()];
    std::vector<std::string> paras;
    for (std::string_view p : Split(src.text, '\n')) {
      if (!Trim(p).empty()) paras.emplace_back(p);
    }
    // Keep the first paragraph (often the headline) in place; shuffle the body.
    if (paras.size() > 2) std::shuffle(paras.begin() + 1, paras.end(), rng);
    std::string text;
    for (size_t k = 0; k < paras.size(); ++k) {
      std::string p = paras[k];
      // Nudge one figure in a tenth of the paragraphs: the comparison must find conflicts.
      if (rng() % 10 == 0) {
        for (size_t c = 0; c < p.size(); ++c) {
          if (p[c] >= '1' && p[c] <= '8') {
            p[c] = static_cast<char>(p[c] + 1);
            break;
          }
        }
      }
      text += p + "\n\n";
      if (rng() % 6 == 0) text += std::string(kFurniture[rng() % 5]) + "\n\n";
    }
    ingest::Article a;
    a.id = src.id + "-" + std::to_string(i);
    a.text = std::move(text);
    a.title = src.title;
    a.published = src.published;
    a.published_date = src.published_date;
    a.sequence = i;
    out.push_back(std::move(a));
  }
  return out;
}

size_t TotalBytes(const std::vector<ingest::Article>& articles) {
  size_t n = 0;
  for (const auto& a : articles) n += a.text.size();
  return n;
}

}  // namespace corroborate::bench
