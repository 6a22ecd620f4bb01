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
void ReadHeadAndDateline(Article* article);

}  // namespace corroborate::ingest

#endif  // CORROBORATE_SRC_INGEST_CHECKS_H_
