// libFuzzer target: any bytes as an article go through the text-file reader (url line,
// headline, dateline), normalisation, segmentation, cleaning and the whole extract stage,
// and through the `quantities` and `timex` paths.
// Checks what must hold for every input: no crash, no sanitizer report, every span inside
// the text it points into, and every normalised span mapping back inside the original.
// Build and run with scripts/fuzz.sh (clang, -fsanitize=fuzzer,address,undefined).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "corroborate/base/date.h"
#include "corroborate/base/utf8.h"
#include "corroborate/clean/clean.h"
#include "corroborate/extract/extractor.h"
#include "corroborate/extract/quantities.h"
#include "corroborate/extract/timex.h"
#include "corroborate/ingest/article.h"
#include "corroborate/ingest/reader.h"
#include "corroborate/text/document.h"
#include "corroborate/text/normalize.h"
#include "corroborate/text/segment.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corroborate;
  std::string input(reinterpret_cast<const char*>(data), size);
  // The readers reject invalid UTF-8 before the pipeline sees it; do the same.
  if (utf8::FindInvalid(input)) return 0;

  text::NormalizedText norm = text::Normalize(input);
  Span all{0, static_cast<uint32_t>(norm.text.size())};
  for (Span s : text::SplitSentences(norm.text, all)) {
    Check(s.begin <= s.end && s.end <= norm.text.size());
    for (const extract::Quantity& q : extract::ExtractQuantities(norm.text, s)) {
      Check(q.span.begin >= s.begin && q.span.end <= s.end);
      Span o = norm.map.ToOriginal(q.span);
      Check(o.begin <= o.end && o.end <= input.size());
    }
    for (const extract::Timex& t : extract::ExtractTimexes(norm.text, s, Date{2025, 3, 14})) {
      Check(t.span.end <= norm.text.size());
    }
  }

  // As a text file: url line, headline and dateline reading, every span inside the text.
  Result<ingest::Article> parsed = ingest::ParseTextFile(input, "fuzz", {});
  if (!parsed.ok()) return 0;
  ingest::Article article = std::move(parsed).value();
  for (const auto& span : {article.title_span, article.dateline_span, article.url_span}) {
    Check(!span || (span->begin <= span->end && span->end <= article.text.size()));
  }
  if (article.published_date) Check(Date::FromIso(article.published_date->ToIso()).has_value());
  if (auto d = DateInUrl(input)) Check(Date::FromIso(d->ToIso()).has_value());
  text::Document doc = text::MakeDocument(article.text);
  std::vector<clean::Block> blocks = clean::Clean(article, doc);
  extract::ArticleExtraction x = extract::ExtractArticle(doc, blocks, Date{2025, 3, 14});
  for (const extract::Mention& m : x.mentions) Check(m.quantity.span.end <= doc.norm.text.size());
  return 0;
}
