#include "ingest/checks.h"

#include "corroborate/base/date.h"
#include "corroborate/base/strings.h"
#include "corroborate/base/utf8.h"

namespace corroborate::ingest {

Status CheckDocumentBytes(std::string_view bytes, const IngestOptions& options) {
  if (bytes.size() > options.max_document_bytes) {
    return Status(StatusCode::kLimitExceeded,
                  "too large: " + std::to_string(bytes.size()) + " bytes, limit " +
                      std::to_string(options.max_document_bytes));
  }
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return Status(StatusCode::kUnsupported, "UTF-16 text; convert it to UTF-8", 0);
  }
  if (utf8::LooksBinary(bytes)) {
    return Status(StatusCode::kBinary, "binary data, not text");
  }
  if (auto bad = utf8::FindInvalid(bytes)) {
    return Status(StatusCode::kInvalidUtf8, "invalid UTF-8", static_cast<int64_t>(*bad));
  }
  if (Trim(bytes).empty()) {
    return Status(StatusCode::kEmpty, "no text");
  }
  return Status::Ok();
}

std::string HostOf(std::string_view url) {
  size_t s = url.find("://");
  size_t b = s == std::string_view::npos ? 0 : s + 3;
  size_t e = url.find_first_of("/:?#", b);
  std::string host = AsciiLowerCopy(url.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

void FromUrl(Article* article) {
  Article& a = *article;
  if (!a.url) return;
  if (!a.source) {
    std::string host = HostOf(*a.url);
    if (!host.empty()) a.source = std::move(host);
  }
  if (!a.published_date) {
    if (auto d = DateInUrl(*a.url)) {
      a.published_date = *d;
      a.published = d->ToIso();
    }
  }
}

}  // namespace corroborate::ingest
