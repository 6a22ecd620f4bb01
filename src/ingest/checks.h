// Checks every document's bytes pass before it becomes an Article.
#ifndef CORROBORATE_SRC_INGEST_CHECKS_H_
#define CORROBORATE_SRC_INGEST_CHECKS_H_

#include <string>
#include <string_view>

#include "corroborate/base/status.h"
#include "corroborate/ingest/reader.h"

namespace corroborate::ingest {

// OK, or why these bytes cannot be an article's text: too large, UTF-16, binary, invalid
// UTF-8 (with the byte offset), or empty.
Status CheckDocumentBytes(std::string_view bytes, const IngestOptions& options);

// Plain text's first lines: a headline (sets `title_span`, and `title` when unset) and,
// when the article has no date, a dateline (sets `dateline_span` and the date).
// A leading URL line is read too (sets `url_span`, and `url` when unset).
void ReadHeadAndDateline(Article* article);

// What an article's URL tells when nothing else did: an article without a source takes
// the URL's host ("www.bbc.co.uk/news/..." -> "bbc.co.uk"), and an undated one the date
// its path carries ("/2013/05/02/slug"), the fallback after the page's metadata and a
// dateline, and before a crawl date.
void FromUrl(Article* article);

// "bbc.co.uk" for "https://www.bbc.co.uk/news/x": the host, lower-case, without "www.".
std::string HostOf(std::string_view url);

}  // namespace corroborate::ingest

#endif  // CORROBORATE_SRC_INGEST_CHECKS_H_
