// corroborate body: the cleaned main text of any input, as `analyze` keeps it: web pages
// reduced to their main content (navigation, share bars, comments, captions left out),
// then every article's paragraphs cleaned (repeats, boilerplate, captions removed).
//   corroborate body FILE... [--json]
// Plain output: each article's kept text; articles separated by a form feed line.
// --json: one object per article: input, id, title, published, source, byline, url,
// text, and removed blocks (from the page and from cleaning) with their reasons.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/line_filter.h"
#include "corroborate/clean/clean.h"
#include "corroborate/ingest/reader.h"
#include "corroborate/text/document.h"

namespace corroborate::cli {
namespace {

struct BodyArgs {
  std::vector<std::string> paths;
  bool json = false;
};

OrderedJson Opt(const std::optional<std::string>& s) { return s ? OrderedJson(*s) : OrderedJson(nullptr); }

int RunBody(const BodyArgs& args) {
  size_t articles = 0, skipped = 0;
  bool first = true;
  ingest::Sink sink;
  sink.skipped = [&](ingest::Skipped&& s) {
    ++skipped;
    PrintSkipped(s);
    if (args.json) {
      OrderedJson j;
      j["input"] = s.input;
      j["line"] = s.line ? OrderedJson(*s.line) : OrderedJson(nullptr);
      j["skipped"] = s.reason;
      std::cout << j.dump(-1, ' ', false, OrderedJson::error_handler_t::replace) << '\n';
    }
  };
  sink.warning = [&](ingest::Warning&& w) {
    std::fprintf(stderr, "corroborate: warning %s: %s\n", w.input.c_str(), w.message.c_str());
  };
  sink.article = [&](ingest::Article&& a) {
    ++articles;
    text::Document doc = text::MakeDocument(a.text);
    std::vector<clean::Block> blocks = clean::Clean(a, doc);
    std::string kept;
    OrderedJson removed = OrderedJson::array();
    for (const ingest::RemovedBlock& r : a.page_removed) {
      removed.push_back(OrderedJson{{"text", r.text}, {"reason", r.reason}, {"stage", "page"}});
    }
    for (const clean::Block& b : blocks) {
      Span o = doc.ToOriginal(b.span);
      std::string_view t = o.Of(a.text);
      if (b.kept()) {
        if (!kept.empty()) kept += "\n\n";
        kept += t;
      } else {
        removed.push_back(OrderedJson{{"text", std::string(t)}, {"reason", clean::RemovalName(b.removal)},
                                      {"stage", "clean"}});
      }
    }
    if (args.json) {
      OrderedJson j;
      j["input"] = a.input;
      j["id"] = a.id;
      j["title"] = Opt(a.title);
      j["published"] = Opt(a.published);
      j["source"] = Opt(a.source);
      j["byline"] = Opt(a.byline);
      j["url"] = Opt(a.url);
      j["text"] = kept;
      j["removed"] = std::move(removed);
      std::cout << j.dump(-1, ' ', false, OrderedJson::error_handler_t::replace) << '\n';
    } else {
      if (!first) std::cout << "\n\f\n";
      std::cout << kept << '\n';
    }
    first = false;
  };
  ingest::ReadPaths(args.paths, ingest::IngestOptions{}, sink);
  std::cout.flush();
  if (articles == 0) return 2;
  return skipped ? 1 : 0;
}

}  // namespace

std::function<int()> SetupBody(CLI::App* app) {
  auto args = std::make_shared<BodyArgs>();
  app->add_option("paths", args->paths, "Files or folders (.html, .txt, .jsonl), '-' for JSON Lines on stdin")
      ->required();
  app->add_flag("--json", args->json, "One JSON object per article with metadata and removed blocks");
  return [args] { return RunBody(*args); };
}

}  // namespace corroborate::cli
