// WARC reading; see include/corroborate/ingest/warc.h.
#include "corroborate/ingest/warc.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "corroborate/base/strings.h"
#include "corroborate/ingest/html.h"
#include "corroborate/ingest/reader.h"
#include "ingest/checks.h"

namespace corroborate::ingest {
namespace {

constexpr size_t kMaxLine = 64 << 10;  // a WARC or HTTP header line longer than this is corrupt

// Bytes of a WARC stream, from a plain file, a gzip file (members concatenated) or memory.
class Source {
 public:
  virtual ~Source() = default;
  // Appends up to `n` bytes to *out; returns how many (0 at the end or on error).
  virtual size_t Read(size_t n, std::string* out) = 0;
  // Why reading stopped early, or empty at a clean end.
  const std::string& error() const { return error_; }

 protected:
  std::string error_;
};

class MemorySource : public Source {
 public:
  explicit MemorySource(std::string_view b) : bytes_(b) {}
  size_t Read(size_t n, std::string* out) override {
    n = std::min(n, bytes_.size() - at_);
    out->append(bytes_.substr(at_, n));
    at_ += n;
    return n;
  }

 private:
  std::string_view bytes_;
  size_t at_ = 0;
};

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

class FileSource : public Source {
 public:
  explicit FileSource(std::FILE* f) : f_(f) {}
  size_t Read(size_t n, std::string* out) override {
    size_t old = out->size();
    out->resize(old + n);
    size_t got = std::fread(out->data() + old, 1, n, f_.get());
    out->resize(old + got);
    if (got == 0 && std::ferror(f_.get())) error_ = std::string("read error: ") + std::strerror(errno);
    return got;
  }

 private:
  std::unique_ptr<std::FILE, FileCloser> f_;
};

class GzipSource : public Source {
 public:
  GzipSource(std::FILE* f, const IngestOptions& o) : f_(f), options_(o) {
    std::memset(&z_, 0, sizeof z_);
    ok_ = inflateInit2(&z_, 16 + MAX_WBITS) == Z_OK;
    if (!ok_) error_ = "cannot start gzip decompression";
  }
  ~GzipSource() override { inflateEnd(&z_); }

  size_t Read(size_t n, std::string* out) override {
    size_t produced = 0;
    while (ok_ && produced < n) {
      if (z_.avail_in == 0) {
        size_t got = std::fread(in_, 1, sizeof in_, f_.get());
        if (got == 0) {
          if (std::ferror(f_.get())) error_ = std::string("read error: ") + std::strerror(errno);
          else if (in_member_) error_ = "truncated gzip data at compressed byte " + std::to_string(compressed_);
          ok_ = false;
          break;
        }
        compressed_ += got;
        z_.next_in = in_;
        z_.avail_in = static_cast<uInt>(got);
      }
      size_t old = out->size();
      size_t want = std::min<size_t>(n - produced, 1 << 16);
      out->resize(old + want);
      z_.next_out = reinterpret_cast<Bytef*>(out->data() + old);
      z_.avail_out = static_cast<uInt>(want);
      in_member_ = true;
      int rc = inflate(&z_, Z_NO_FLUSH);
      size_t got = want - z_.avail_out;
      out->resize(old + got);
      produced += got;
      total_ += got;
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&z_);  // the next gzip member, if any
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        error_ = std::string("corrupt gzip data (") + (z_.msg ? z_.msg : "inflate error") + ") at compressed byte " +
                 std::to_string(compressed_ - z_.avail_in);
        ok_ = false;
      }
      if (total_ > options_.max_decompressed_bytes ||
          (total_ > (64u << 20) && total_ > compressed_ * options_.max_expansion)) {
        error_ = "decompressed size passed the limit (" + std::to_string(total_) + " bytes from " +
                 std::to_string(compressed_) + " compressed): a gzip bomb? stopped";
        ok_ = false;
      }
    }
    return produced;
  }

 private:
  std::unique_ptr<std::FILE, FileCloser> f_;
  const IngestOptions& options_;
  z_stream z_;
  unsigned char in_[1 << 16];
  bool ok_ = false;
  bool in_member_ = false;
  uint64_t compressed_ = 0;
  uint64_t total_ = 0;
};

// Buffered line and block reads over a Source, tracking the stream offset.
class Stream {
 public:
  explicit Stream(Source* s) : src_(s) {}

  uint64_t offset() const { return consumed_; }
  bool eof() {
    Fill(1);
    return at_ >= buf_.size();
  }

  // One line without its CR LF; false at the end. A line over kMaxLine is cut there and
  // *too_long set.
  bool Line(std::string* line, bool* too_long) {
    line->clear();
    *too_long = false;
    while (true) {
      if (at_ >= buf_.size() && !Fill(1)) return !line->empty();
      size_t nl = buf_.find('\n', at_);
      size_t end = nl == std::string::npos ? buf_.size() : nl;
      size_t take = std::min(end - at_, kMaxLine - std::min(kMaxLine, line->size()));
      line->append(buf_, at_, take);
      if (nl != std::string::npos && take == end - at_) {
        Advance(end - at_ + 1);
        if (!line->empty() && line->back() == '\r') line->pop_back();
        return true;
      }
      Advance(end - at_);
      if (line->size() >= kMaxLine) {
        *too_long = true;
        return true;
      }
    }
  }

  // Exactly n bytes into *out; false (with what there was) when the stream ends first.
  bool Block(size_t n, std::string* out) {
    out->clear();
    while (out->size() < n) {
      if (at_ >= buf_.size() && !Fill(n - out->size())) return false;
      size_t take = std::min(n - out->size(), buf_.size() - at_);
      out->append(buf_, at_, take);
      Advance(take);
    }
    return true;
  }

  // Skips n bytes; false when the stream ends first.
  bool Skip(uint64_t n) {
    while (n > 0) {
      if (at_ >= buf_.size() && !Fill(1)) return false;
      size_t take = static_cast<size_t>(std::min<uint64_t>(n, buf_.size() - at_));
      Advance(take);
      n -= take;
    }
    return true;
  }

 private:
  bool Fill(size_t want) {
    if (at_ < buf_.size()) return true;
    buf_.clear();
    at_ = 0;
    src_->Read(std::max<size_t>(want, 1 << 16), &buf_);
    return !buf_.empty();
  }
  void Advance(size_t n) {
    at_ += n;
    consumed_ += n;
  }

  Source* src_;
  std::string buf_;
  size_t at_ = 0;
  uint64_t consumed_ = 0;
};

struct Headers {
  std::vector<std::pair<std::string, std::string>> fields;  // names lower-cased
  std::string Get(std::string_view name) const {
    for (const auto& [k, v] : fields) {
      if (k == name) return v;
    }
    return {};
  }
};

void AddHeader(std::string_view line, Headers* h) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  h->fields.emplace_back(AsciiLowerCopy(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
}

// HTTP message inside a response record: status, headers, body.
struct HttpResponse {
  int status = 0;
  Headers headers;
  std::string_view body;
};

bool ParseHttp(std::string_view block, HttpResponse* r) {
  size_t end = block.find("\r\n\r\n");
  size_t sep = 4;
  if (end == std::string_view::npos) {
    end = block.find("\n\n");
    sep = 2;
  }
  if (end == std::string_view::npos) return false;
  std::string_view head = block.substr(0, end);
  size_t nl = head.find('\n');
  std::string_view status_line = Trim(head.substr(0, nl));
  if (status_line.substr(0, 5) != "HTTP/") return false;
  size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos) return false;
  r->status = std::atoi(std::string(status_line.substr(sp + 1, 3)).c_str());
  while (nl != std::string_view::npos) {
    size_t next = head.find('\n', nl + 1);
    AddHeader(Trim(head.substr(nl + 1, next == std::string_view::npos ? std::string_view::npos : next - nl - 1)),
              &r->headers);
    nl = next;
  }
  r->body = block.substr(end + sep);
  return true;
}

// Undoes HTTP chunked transfer coding; false when the chunks are malformed.
bool Unchunk(std::string_view in, std::string* out) {
  size_t at = 0;
  while (at < in.size()) {
    size_t nl = in.find('\n', at);
    if (nl == std::string_view::npos) return false;
    size_t size = std::strtoul(std::string(in.substr(at, nl - at)).c_str(), nullptr, 16);
    at = nl + 1;
    if (size == 0) return true;
    if (at + size > in.size()) return false;
    out->append(in.substr(at, size));
    at += size;
    if (at < in.size() && in[at] == '\r') ++at;
    if (at < in.size() && in[at] == '\n') ++at;
  }
  return true;
}

// Inflates a gzip- or deflate-encoded HTTP body within `limit` bytes.
bool Inflate(std::string_view in, size_t limit, std::string* out) {
  z_stream z;
  std::memset(&z, 0, sizeof z);
  if (inflateInit2(&z, 32 + MAX_WBITS) != Z_OK) return false;  // gzip or zlib, detected
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  char buf[1 << 15];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out->append(buf, sizeof buf - z.avail_out);
    if (out->size() > limit) rc = Z_MEM_ERROR;
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
  }
  inflateEnd(&z);
  return rc == Z_STREAM_END || rc == Z_BUF_ERROR;
}

class WarcReader {
 public:
  WarcReader(Stream* in, const std::string& input, const IngestOptions& options, const Sink& sink, ReadStats* stats)
      : in_(in), input_(input), options_(options), sink_(sink), stats_(stats) {}

  WarcStats Run() {
    std::string line;
    bool too_long = false;
    while (!Full()) {
      uint64_t start = in_->offset();
      if (!in_->Line(&line, &too_long)) break;
      if (Trim(line).empty()) continue;
      if (too_long || line.rfind("WARC/", 0) != 0) {
        Skip(start, "not a WARC record header ('" + Shorten(line) + "'); skipped to the next record");
        if (!Resync()) break;
        continue;
      }
      Record(start);
    }
    return warc_;
  }

 private:
  bool Full() const { return options_.max_articles && stats_->articles >= options_.max_articles; }

  static std::string Shorten(const std::string& s) {
    std::string t;
    for (char c : s.substr(0, 40)) t += (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) ? '?' : c;
    return t;
  }

  void Skip(uint64_t offset, const std::string& why) {
    sink_.skipped(Skipped{input_, std::nullopt, why + " at byte " + std::to_string(offset)});
    ++stats_->skipped;
  }

  // Reads lines until the next one that starts a record ("WARC/1.0"); that line is left
  // for Run() by remembering it. Returns false at the end of the stream.
  bool Resync() {
    std::string line;
    bool too_long = false;
    while (true) {
      uint64_t start = in_->offset();
      if (!in_->Line(&line, &too_long)) return false;
      if (!too_long && line.rfind("WARC/", 0) == 0) {
        Record(start);
        return true;
      }
    }
  }

  void Record(uint64_t start) {
    ++warc_.records;
    Headers h;
    std::string line;
    bool too_long = false;
    while (true) {
      if (!in_->Line(&line, &too_long)) {
        Skip(start, "truncated WARC record (headers end early)");
        return;
      }
      if (too_long) {
        Skip(start, "corrupt WARC record (header line too long)");
        Resync();
        return;
      }
      if (line.empty()) break;
      AddHeader(line, &h);
    }
    std::string length = h.Get("content-length");
    char* end = nullptr;
    unsigned long long n = std::strtoull(length.c_str(), &end, 10);
    if (length.empty() || (end && *end != '\0')) {
      Skip(start, "corrupt WARC record (no valid Content-Length)");
      Resync();
      return;
    }
    std::string type = AsciiLowerCopy(h.Get("warc-type"));
    bool wanted = type == "response";
    if (!wanted || n > options_.max_document_bytes * 2) {
      if (wanted) Skip(start, "WARC response too large: " + std::to_string(n) + " bytes");
      if (!in_->Skip(n)) {
        Skip(start, "truncated WARC record (content ends early)");
      }
      return;
    }
    std::string block;
    if (!in_->Block(static_cast<size_t>(n), &block)) {
      Skip(start, "truncated WARC record (" + std::to_string(block.size()) + " of " + std::to_string(n) +
                      " content bytes)");
      return;
    }
    ++warc_.responses;
    Response(start, h, block);
  }

  void Response(uint64_t start, const Headers& h, const std::string& block) {
    std::string uri = h.Get("warc-target-uri");
    if (!uri.empty() && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
    HttpResponse http;
    if (!ParseHttp(block, &http)) {
      Skip(start, "WARC response for " + uri + " holds no HTTP message");
      return;
    }
    if (http.status < 200 || http.status >= 300) {
      Skip(start, "HTTP status " + std::to_string(http.status) + " for " + uri);
      return;
    }
    std::string ctype = AsciiLowerCopy(http.headers.Get("content-type"));
    if (!ctype.empty() && ctype.find("html") == std::string::npos) {
      Skip(start, "not a web page (" + ctype.substr(0, ctype.find(';')) + ") for " + uri);
      return;
    }
    std::string body(http.body);
    if (AsciiLowerCopy(http.headers.Get("transfer-encoding")).find("chunked") != std::string::npos) {
      std::string plain;
      if (Unchunk(body, &plain)) body = std::move(plain);
    }
    std::string enc = AsciiLowerCopy(http.headers.Get("content-encoding"));
    if (enc == "gzip" || enc == "deflate" || enc == "x-gzip") {
      std::string plain;
      if (!Inflate(body, options_.max_document_bytes, &plain)) {
        Skip(start, "cannot decompress the " + enc + " body of " + uri + " (corrupt, or over the size limit)");
        return;
      }
      body = std::move(plain);
    }
    std::string id = h.Get("warc-record-id");
    if (id.rfind("<urn:uuid:", 0) == 0 && id.back() == '>') id = id.substr(10, id.size() - 11);
    if (id.empty()) id = "warc-" + std::to_string(start);
    Result<Article> r = ParseHtmlFile(body, id, options_);
    if (!r.ok()) {
      Skip(start, r.status().message() + " (" + uri + ")");
      return;
    }
    Article a = std::move(r).value();
    a.input = input_;
    if (!uri.empty()) a.url = uri;
    FromUrl(&a);  // the page's own date first, then its address's, then the crawl's
    if (!a.published) {
      if (auto d = Date::FromIso(h.Get("warc-date"))) {
        a.published = h.Get("warc-date");
        a.published_date = *d;
      }
    }
    ++warc_.pages;
    ++stats_->articles;
    stats_->bytes += a.text.size();
    sink_.article(std::move(a));
  }

  Stream* in_;
  const std::string& input_;
  const IngestOptions& options_;
  const Sink& sink_;
  ReadStats* stats_;
  WarcStats warc_;
};

}  // namespace

WarcStats ReadWarcBytes(std::string_view bytes, const std::string& input, const IngestOptions& options,
                        const Sink& sink, ReadStats* stats) {
  MemorySource src(bytes);
  Stream in(&src);
  return WarcReader(&in, input, options, sink, stats).Run();
}

WarcStats ReadWarcFile(const std::string& path, const IngestOptions& options, const Sink& sink, ReadStats* stats) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    sink.skipped(Skipped{path, std::nullopt, std::string("cannot open: ") + std::strerror(errno)});
    ++stats->skipped;
    return {};
  }
  bool gz = AsciiLowerCopy(path).size() >= 3 && EndsWith(AsciiLowerCopy(path), ".gz");
  std::unique_ptr<Source> src;
  if (gz) {
    src = std::make_unique<GzipSource>(f, options);
  } else {
    src = std::make_unique<FileSource>(f);
  }
  Stream in(src.get());
  WarcStats w = WarcReader(&in, path, options, sink, stats).Run();
  if (!src->error().empty()) {
    sink.skipped(Skipped{path, std::nullopt, src->error() + "; the records before it were read"});
    ++stats->skipped;
  }
  return w;
}

std::string WarcResponseRecord(const std::string& uri, const std::string& warc_date, const std::string& html,
                               const std::string& record_id) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                     std::to_string(html.size()) + "\r\n\r\n" + html;
  std::string rec = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + "\r\nWARC-Date: " + warc_date +
                    "\r\nWARC-Record-ID: <urn:uuid:" + record_id +
                    ">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
                    std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
  return rec;
}

std::string GzipMember(std::string_view data) {
  z_stream z;
  std::memset(&z, 0, sizeof z);
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

}  // namespace corroborate::ingest
