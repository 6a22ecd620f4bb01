// Checks every document's bytes pass before it becomes an Article.
#ifndef CORROBORATE_SRC_INGEST_CHECKS_H_
#define CORROBORATE_SRC_INGEST_CHECKS_H_

#include <string_view>

#include "corroborate/base/status.h"
#include "corroborate/ingest/reader.h"

namespace corroborate::ingest {

// OK, or why these bytes cannot be an article's text: too large, UTF-16, binary, invalid
// UTF-8 (with the byte offset), or empty.
Status CheckDocumentBytes(std::string_view bytes, const IngestOptions& options);

// Plain text's first lines: a headline (sets `title_span`, and `title` when unset) and,
// when the article has no date, a dateline (sets `dateline_span` and the date).
// A leading URL line is read too (sets `url_span`, and `url` when unset); an article still
// undated then takes the date its URL carries.
void ReadHeadAndDateline(Article* article);

// An undated article with a URL whose path carries a date ("/2013/05/02/slug") takes that
// date as `published`: the fallback after the page's metadata and a dateline, and before a
// crawl date.
void DateFromUrl(Article* article);

}  // namespace corroborate::ingest

#endif  // CORROBORATE_SRC_INGEST_CHECKS_H_
