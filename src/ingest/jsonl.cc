// JSON Lines articles. simdjson parses each line; when a line fails, nlohmann re-parses it
// only to find the byte where the error is, so messages can name it.
#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "corroborate/base/strings.h"
#include "corroborate/base/utf8.h"
#include "corroborate/ingest/html.h"
#include "corroborate/ingest/reader.h"
#include "ingest/checks.h"

namespace corroborate::ingest {
namespace {

// Byte offset of a JSON syntax error in `line`, when one can be found.
std::optional<int64_t> SyntaxErrorOffset(std::string_view line) {
  try {
    nlohmann::json parsed = nlohmann::json::parse(line.begin(), line.end());
    (void)parsed;
  } catch (const nlohmann::json::parse_error& e) {
    return e.byte > 0 ? static_cast<int64_t>(e.byte - 1) : 0;
  } catch (...) {
  }
  return std::nullopt;
}

// Optional string field: absent or null -> nullopt; other types are an error message.
std::optional<std::string> OptionalString(simdjson::dom::object obj, const char* key,
                                          std::string* problem) {
  simdjson::dom::element el;
  if (obj[key].get(el) != simdjson::SUCCESS || el.is_null()) return std::nullopt;
  std::string_view s;
  if (el.get_string().get(s) != simdjson::SUCCESS) {
    *problem = std::string("field '") + key + "' is not a string; ignored";
    return std::nullopt;
  }
  std::string_view t = Trim(s);
  if (t.empty()) return std::nullopt;
  return std::string(t);
}

}  // namespace

Result<Article> ParseJsonLine(std::string_view line, std::string* warning) {
  thread_local simdjson::dom::parser parser;
  if (auto bad = utf8::FindInvalid(line)) {
    return Status(StatusCode::kInvalidUtf8, "invalid UTF-8", static_cast<int64_t>(*bad));
  }
  simdjson::padded_string padded(line);
  simdjson::dom::element doc;
  if (auto err = parser.parse(padded).get(doc); err != simdjson::SUCCESS) {
    return Status(StatusCode::kInvalidArgument,
                  std::string("malformed JSON: ") + simdjson::error_message(err),
                  SyntaxErrorOffset(line));
  }
  simdjson::dom::object obj;
  if (doc.get_object().get(obj) != simdjson::SUCCESS) {
    return Status(StatusCode::kInvalidArgument, "a JSONL record must be a JSON object");
  }
  Article a;
  simdjson::dom::element id;
  if (obj["id"].get(id) != simdjson::SUCCESS || id.is_null()) {
    return Status(StatusCode::kInvalidArgument, "missing required field 'id'");
  }
  std::string_view sid;
  int64_t iid;
  uint64_t uid;
  if (id.get_string().get(sid) == simdjson::SUCCESS) {
    a.id = std::string(Trim(sid));
  } else if (id.get_int64().get(iid) == simdjson::SUCCESS) {
    a.id = std::to_string(iid);
  } else if (id.get_uint64().get(uid) == simdjson::SUCCESS) {
    a.id = std::to_string(uid);
  } else {
    return Status(StatusCode::kInvalidArgument, "field 'id' must be a string or an integer");
  }
  if (a.id.empty()) return Status(StatusCode::kInvalidArgument, "field 'id' is empty");

  simdjson::dom::element text;
  std::optional<HtmlPage> page;  // a record with "html" and no "text": a web page
  if (obj["text"].get(text) != simdjson::SUCCESS || text.is_null()) {
    simdjson::dom::element html;
    std::string_view shtml;
    if (obj["html"].get(html) != simdjson::SUCCESS || html.is_null()) {
      return Status(StatusCode::kInvalidArgument, "missing required field 'text' (or 'html')");
    }
    if (html.get_string().get(shtml) != simdjson::SUCCESS) {
      return Status(StatusCode::kInvalidArgument, "field 'html' must be a string");
    }
    page = ExtractHtml(shtml);
    if (Trim(page->text).empty()) return Status(StatusCode::kEmpty, "no main content found in field 'html'");
    a.text = std::move(page->text);
  } else {
    std::string_view stext;
    if (text.get_string().get(stext) != simdjson::SUCCESS) {
      return Status(StatusCode::kInvalidArgument, "field 'text' must be a string");
    }
    a.text = std::string(stext);
  }

  std::string problem;  // the first non-fatal field problem, reported by the caller
  a.source = OptionalString(obj, "source", &problem);
  a.url = OptionalString(obj, "url", &problem);
  a.title = OptionalString(obj, "title", &problem);
  if (auto published = OptionalString(obj, "published", &problem)) {
    if (auto d = Date::FromIso(*published); d && d->has_day()) {
      a.published = *published;
      a.published_date = *d;
    } else if (d) {
      a.published = d->ToIso();
      a.published_date = *d;
    } else {
      problem = "field 'published' is not an ISO date or date-time: '" + *published + "'; ignored";
    }
  }
  if (page) AddPageMetadata(&*page, &a);  // the record's own fields win
  // Plain text without a "title" field reads its headline (and, undated, its dateline)
  // from the first lines, as a text file does.
  if (!page && !a.title) ReadHeadAndDateline(&a);
  FromUrl(&a);
  if (warning) *warning = problem;
  return a;
}

namespace {

void HandleLine(std::string_view line, const std::string& input, int64_t line_no,
                const IngestOptions& options, const Sink& sink, ReadStats* stats) {
  std::string warning;
  Result<Article> r = ParseJsonLine(line, &warning);
  Status check = r.ok() ? CheckDocumentBytes(r->text, options) : r.status();
  if (!check.ok()) {
    std::string reason = check.message();
    if (check.offset()) {
      reason += r.ok() ? " in field 'text' at byte " : " at line byte ";
      reason += std::to_string(*check.offset());
    }
    sink.skipped(Skipped{input, line_no, reason});
    ++stats->skipped;
    return;
  }
  Article a = std::move(r).value();
  if (!warning.empty()) {
    sink.warning(Warning{input, line_no, warning});
    ++stats->warnings;
  }
  a.input = input;
  a.line = line_no;
  stats->bytes += a.text.size();
  ++stats->articles;
  sink.article(std::move(a));
}

}  // namespace

void ReadJsonLines(std::FILE* stream, const std::string& input, const IngestOptions& options,
                   const Sink& sink, ReadStats* stats) {
  // Reads line by line with a bounded buffer: a line longer than the document budget is
  // skipped without being held in memory. NUL bytes inside a line are kept (and rejected by
  // the checks), unlike with fgets.
  std::string line;
  int64_t line_no = 0;
  bool too_long = false;
  size_t long_size = 0;
  auto finish_line = [&]() {
    ++line_no;
    if (too_long) {
      sink.skipped(Skipped{input, line_no,
                           "too large: " + std::to_string(long_size) + " bytes, limit " +
                               std::to_string(options.max_document_bytes)});
      ++stats->skipped;
    } else {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!Trim(line).empty()) HandleLine(line, input, line_no, options, sink, stats);
    }
    line.clear();
    too_long = false;
    long_size = 0;
  };
  std::vector<char> buf(1 << 16);
  while (true) {
    if (options.max_articles && stats->articles >= options.max_articles) return;
    size_t got = std::fread(buf.data(), 1, buf.size(), stream);
    if (got == 0) break;
    size_t pos = 0;
    while (pos < got) {
      const char* nl = static_cast<const char*>(std::memchr(buf.data() + pos, '\n', got - pos));
      size_t content = nl ? static_cast<size_t>(nl - (buf.data() + pos)) : got - pos;
      if (too_long) {
        long_size += content;
      } else if (line.size() + content > options.max_document_bytes) {
        too_long = true;
        long_size = line.size() + content;
        line.clear();
        line.shrink_to_fit();
      } else {
        line.append(buf.data() + pos, content);
      }
      pos += content;
      if (nl) {
        ++pos;
        finish_line();
        if (options.max_articles && stats->articles >= options.max_articles) return;
      }
    }
  }
  if (!line.empty() || too_long) finish_line();
  if (std::ferror(stream)) {
    sink.skipped(Skipped{input, line_no + 1, "read error: " + std::string(std::strerror(errno))});
    ++stats->skipped;
  }
}

}  // namespace corroborate::ingest
