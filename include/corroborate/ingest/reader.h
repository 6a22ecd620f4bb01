// Reading articles from paths: files, directories (walked recursively, in sorted order)
// and "-" for JSON Lines on standard input.
//
//   .txt .text       plain text: first line is the headline when it looks like one; a
//                    dateline such as "Kyiv, Ukraine — February 5, 2026" gives the date
//   .jsonl .ndjson   one article per line: id (required), text (required unless html),
//                    html, source, url, title, published (ISO date or date-time)
//   .html .htm       a web page: main content and metadata (ingest/html.h)
//   .warc .warc.gz   web crawls: every HTML response record (ingest/warc.h)
//
// Bad input is normal: each problem is reported through the sink with the file, the line
// and the byte offset where there is one, and reading goes on.
#ifndef CORROBORATE_INGEST_READER_H_
#define CORROBORATE_INGEST_READER_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "corroborate/base/status.h"
#include "corroborate/ingest/article.h"

namespace corroborate::ingest {

struct IngestOptions {
  // Budget per document: a .txt file, or one JSONL line. Larger inputs are skipped with
  // reason "too large".
  size_t max_document_bytes = 20u << 20;  // 20 MiB
  // Compressed inputs (.warc.gz): stop decompressing past this many bytes, or when the
  // output grows more than `max_expansion` times the input read (a gzip bomb).
  uint64_t max_decompressed_bytes = uint64_t{256} << 30;  // 256 GiB
  uint64_t max_expansion = 100;
  // Stop after this many articles (0 = no limit); the rest are not read.
  size_t max_articles = 0;
};

// Receives what a reader finds. Called from the reading thread, in input order.
struct Sink {
  std::function<void(Article&&)> article;
  std::function<void(Skipped&&)> skipped;
  std::function<void(Warning&&)> warning;
};

// Counts of what a read produced, for the exit status and the report.
struct ReadStats {
  size_t articles = 0;
  size_t skipped = 0;
  size_t warnings = 0;
  size_t bytes = 0;  // bytes of article text delivered
};

// Reads every path in order. Never fails as a whole: problems go to the sink.
ReadStats ReadPaths(const std::vector<std::string>& paths, const IngestOptions& options,
                    const Sink& sink);

// Reads JSON Lines from an open stream (used for "-" and for .jsonl files); `input` names
// the stream in messages.
void ReadJsonLines(std::FILE* stream, const std::string& input, const IngestOptions& options,
                   const Sink& sink, ReadStats* stats);

// Parses one JSONL record; exposed for tests and for the HTTP server's bodies. A field
// problem that does not stop the record (a bad date) is described in *warning.
Result<Article> ParseJsonLine(std::string_view line, std::string* warning = nullptr);

// Builds an article from the bytes of a plain-text file (`name` gives the id).
Result<Article> ParseTextFile(std::string_view bytes, const std::string& name,
                              const IngestOptions& options);

}  // namespace corroborate::ingest

#endif  // CORROBORATE_INGEST_READER_H_
