// The unit every stage works on: one article's original text plus its metadata.
#ifndef CORROBORATE_INGEST_ARTICLE_H_
#define CORROBORATE_INGEST_ARTICLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corroborate/base/date.h"
#include "corroborate/base/span.h"

namespace corroborate::ingest {

// A block of a web page left out of the article's text, and why ("navigation", "links",
// "comments", "caption", "boilerplate", "outside main content").
struct RemovedBlock {
  std::string text;
  std::string reason;
};

struct Article {
  std::string id;    // unique within one run
  std::string text;  // the original text, valid UTF-8; every reported offset is into these bytes
  std::optional<std::string> source;     // outlet name ("BBC News") or host
  std::optional<std::string> url;
  std::optional<std::string> title;
  std::optional<std::string> published;  // as ISO 8601 (date or date-time)
  std::optional<Date> published_date;    // the date part of `published`
  std::optional<std::string> byline;     // author(s), from a web page's metadata

  // For web pages: `text` is the extracted main content; these are the blocks left out.
  std::vector<RemovedBlock> page_removed;

  // Where the title, a dateline or the page's address was read from the text itself
  // (.txt headlines, datelines and a leading URL line): metadata, not story prose.
  std::optional<Span> title_span;
  std::optional<Span> dateline_span;
  std::optional<Span> url_span;

  std::string input;                // file path, or "-" for standard input
  std::optional<int64_t> line;      // 1-based line in a JSONL input
  uint64_t sequence = 0;            // arrival order, assigned by the reader
};

// An input that could not be used, and why. Listed in the report's `skipped` array.
struct Skipped {
  std::string input;
  std::optional<int64_t> line;
  std::string reason;
};

// A problem that did not stop an article from being analysed (an unreadable date, a
// renamed duplicate id). Listed in the report's `warnings` array.
struct Warning {
  std::string input;
  std::optional<int64_t> line;
  std::string message;
};

}  // namespace corroborate::ingest

#endif  // CORROBORATE_INGEST_ARTICLE_H_
