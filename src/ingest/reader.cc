// Walks paths, dispatches files by type, and keeps article ids unique.
#include "corroborate/ingest/reader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <unordered_set>

#include "corroborate/base/strings.h"
#include "corroborate/ingest/html.h"
#include "corroborate/ingest/warc.h"

namespace corroborate::ingest {
namespace {

namespace fs = std::filesystem;

enum class FileKind { kText, kJsonl, kHtml, kWarc, kUnknown };

FileKind KindFromExtension(const fs::path& p) {
  std::string name = AsciiLowerCopy(p.filename().string());
  if (EndsWith(name, ".warc") || EndsWith(name, ".warc.gz")) return FileKind::kWarc;
  std::string ext = AsciiLowerCopy(p.extension().string());
  if (ext == ".txt" || ext == ".text") return FileKind::kText;
  if (ext == ".jsonl" || ext == ".ndjson") return FileKind::kJsonl;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return FileKind::kHtml;
  return FileKind::kUnknown;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// Reads a whole file within the document budget. On failure *reason says why.
bool ReadWholeFile(const std::string& path, size_t limit, std::string* out, std::string* reason) {
  FilePtr f(std::fopen(path.c_str(), "rb"));
  if (!f) {
    *reason = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  std::error_code ec;
  uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > limit) {
    *reason = "too large: " + std::to_string(size) + " bytes, limit " + std::to_string(limit);
    return false;
  }
  out->clear();
  char buf[1 << 16];
  size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    if (out->size() + got > limit) {
      *reason = "too large: more than " + std::to_string(limit) + " bytes";
      return false;
    }
    out->append(buf, got);
  }
  if (std::ferror(f.get())) {
    *reason = std::string("read error: ") + std::strerror(errno);
    return false;
  }
  return true;
}

// Sniffs a file named without a known extension: JSON Lines when it starts with '{'.
FileKind Sniff(std::string_view head) {
  std::string_view t = Trim(head);
  if (t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF") t = Trim(t.substr(3));
  if (!t.empty() && t[0] == '{') return FileKind::kJsonl;
  std::string lower = AsciiLowerCopy(t.substr(0, 15));
  if (lower.rfind("<!doctype html", 0) == 0 || lower.rfind("<html", 0) == 0) return FileKind::kHtml;
  return FileKind::kText;
}

class Reader {
 public:
  Reader(const IngestOptions& options, const Sink& sink) : options_(options), outer_(sink) {
    inner_.article = [this](Article&& a) { Deliver(std::move(a)); };
    inner_.skipped = [this](Skipped&& s) { outer_.skipped(std::move(s)); };
    inner_.warning = [this](Warning&& w) { outer_.warning(std::move(w)); };
  }

  void ReadPath(const std::string& path) {
    if (Full()) return;
    if (path == "-") {
      ReadJsonLines(stdin, "-", options_, inner_, &stats_);
      return;
    }
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (!fs::exists(st) || (ec && ec.value() == ENOENT)) {
      Skip(path, "cannot read: no such file or directory");
      return;
    }
    if (ec) {
      Skip(path, "cannot read: " + ec.message());
      return;
    }
    if (fs::is_directory(st)) {
      ReadDirectory(path);
    } else {
      ReadFile(path, /*explicit_path=*/true);
    }
  }

  ReadStats stats() const { return stats_; }

 private:
  bool Full() const { return options_.max_articles && stats_.articles >= options_.max_articles; }

  void Skip(const std::string& input, std::string reason) {
    outer_.skipped(Skipped{input, std::nullopt, std::move(reason)});
    ++stats_.skipped;
  }

  void ReadDirectory(const std::string& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
    if (ec) {
      Skip(dir, "cannot read directory: " + ec.message());
      return;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        Skip(it->path().string(), "cannot read directory: " + ec.message());
        ec.clear();
        continue;
      }
      const fs::path& p = it->path();
      // Hidden files and folders (".git", ".DS_Store") are not inputs.
      if (!p.filename().empty() && p.filename().string()[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      if (Full()) return;
      ReadFile(p.string(), /*explicit_path=*/false);
    }
  }

  void ReadFile(const std::string& path, bool explicit_path) {
    FileKind kind = KindFromExtension(path);
    if (kind == FileKind::kWarc) {
      ReadWarcFile(path, options_, inner_, &stats_);
      return;
    }
    if (kind == FileKind::kJsonl) {
      FilePtr f(std::fopen(path.c_str(), "rb"));
      if (!f) {
        Skip(path, std::string("cannot open: ") + std::strerror(errno));
        return;
      }
      ReadJsonLines(f.get(), path, options_, inner_, &stats_);
      return;
    }
    if (kind == FileKind::kUnknown && !explicit_path) {
      std::string ext = fs::path(path).extension().string();
      Skip(path, ext.empty() ? "unsupported file type (no extension)"
                             : "unsupported file type '" + ext + "'");
      return;
    }
    std::string bytes, reason;
    if (!ReadWholeFile(path, options_.max_document_bytes, &bytes, &reason)) {
      Skip(path, reason);
      return;
    }
    if (kind == FileKind::kUnknown && Sniff(std::string_view(bytes).substr(0, 64)) == FileKind::kJsonl) {
      FilePtr f(std::fopen(path.c_str(), "rb"));
      if (f) ReadJsonLines(f.get(), path, options_, inner_, &stats_);
      return;
    }
    if (kind == FileKind::kUnknown) kind = Sniff(std::string_view(bytes).substr(0, 64));
    Result<Article> r = kind == FileKind::kHtml ? ParseHtmlFile(bytes, fs::path(path).stem().string(), options_)
                                                : ParseTextFile(bytes, fs::path(path).stem().string(), options_);
    if (!r.ok()) {
      std::string why = r.status().message();
      if (r.status().offset()) why += " at byte " + std::to_string(*r.status().offset());
      Skip(path, why);
      return;
    }
    Article a = std::move(r).value();
    a.input = path;
    stats_.bytes += a.text.size();
    ++stats_.articles;
    Deliver(std::move(a));
  }

  // Assigns the arrival sequence and makes ids unique ("a", then "a~2").
  void Deliver(Article&& a) {
    a.sequence = sequence_++;
    if (!ids_.insert(a.id).second) {
      std::string base = a.id;
      int k = 2;
      while (!ids_.insert(base + "~" + std::to_string(k)).second) ++k;
      a.id = base + "~" + std::to_string(k);
      outer_.warning(Warning{a.input, a.line, "duplicate id '" + base + "' renamed to '" + a.id + "'"});
      ++stats_.warnings;
    }
    outer_.article(std::move(a));
  }

  const IngestOptions& options_;
  const Sink& outer_;
  Sink inner_;
  ReadStats stats_;
  uint64_t sequence_ = 0;
  std::unordered_set<std::string> ids_;
};

}  // namespace

ReadStats ReadPaths(const std::vector<std::string>& paths, const IngestOptions& options,
                    const Sink& sink) {
  Reader reader(options, sink);
  for (const std::string& p : paths) reader.ReadPath(p);
  return reader.stats();
}

}  // namespace corroborate::ingest
