// libFuzzer target: any bytes as a web page go through encoding conversion, Gumbo and
// main-content extraction (ParseHtmlFile, as for an .html input). Checks what must hold
// for every input: no crash, no sanitizer report, and text, metadata and removed blocks
// that are valid UTF-8. Build and run with scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "corroborate/base/utf8.h"
#include "corroborate/ingest/html.h"
#include "corroborate/ingest/reader.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckText(const std::string& s) { Check(!corroborate::utf8::FindInvalid(s)); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corroborate;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::string utf8 = ingest::HtmlToUtf8(bytes);
  CheckText(utf8);
  ingest::HtmlPage page = ingest::ExtractHtml(utf8);
  CheckText(page.text);
  for (const auto* field : {&page.title, &page.published, &page.source, &page.byline, &page.url}) {
    if (*field) CheckText(**field);
  }
  for (const ingest::RemovedBlock& r : page.removed) CheckText(r.text);
  ingest::IngestOptions options;
  auto article = ingest::ParseHtmlFile(bytes, "fuzz.html", options);
  if (article.ok()) CheckText(article.value().text);
  return 0;
}
