// WARC files (ISO 28500), plain or gzip-compressed (one gzip member per record, as Common
// Crawl ships them, or one stream for the whole file): every `response` record whose
// payload is an HTML page becomes an article (main text and metadata as for .html files);
// the record's WARC-Target-URI is the article's url, its WARC-Date the fallback
// publication date.
//
// Bad input is normal: a corrupt or truncated record is skipped with its byte offset (in
// the decompressed WARC stream) and reading resumes at the next record; records that are
// not HTML responses (requests, metadata, images, errors) are counted, and non-HTML or
// failed responses are listed as skipped with why. A gzip bomb is stopped: decompression
// ends with an error once the output passes `max_decompressed_bytes` or grows more than
// `max_expansion` times the compressed input (past the first 64 MiB).
#ifndef CORROBORATE_INGEST_WARC_H_
#define CORROBORATE_INGEST_WARC_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corroborate/ingest/article.h"

namespace corroborate::ingest {

struct IngestOptions;
struct Sink;
struct ReadStats;

struct WarcStats {
  size_t records = 0;     // WARC records read, of every type
  size_t responses = 0;   // response records
  size_t pages = 0;       // articles produced
};

// Reads the WARC at `path` (".gz" means gzip) and delivers its articles and problems to
// `sink`; `ids` gets each article's id in order. Never fails as a whole.
WarcStats ReadWarcFile(const std::string& path, const IngestOptions& options, const Sink& sink,
                       ReadStats* stats);

// Parses WARC records from an in-memory, already decompressed stream (for tests and for
// callers with their own I/O); same delivery as ReadWarcFile.
WarcStats ReadWarcBytes(std::string_view bytes, const std::string& input, const IngestOptions& options,
                        const Sink& sink, ReadStats* stats);

// Writes one WARC/1.0 response record for an HTML page (used by the benchmark corpus
// generator and the tests): HTTP/1.1 200 headers, then `html`.
std::string WarcResponseRecord(const std::string& uri, const std::string& warc_date, const std::string& html,
                               const std::string& record_id);

// Compresses `data` as one gzip member (so records written one member each concatenate
// into a valid multi-member .warc.gz).
std::string GzipMember(std::string_view data);

}  // namespace corroborate::ingest

#endif  // CORROBORATE_INGEST_WARC_H_
