// Main-content extraction from a web page (Gumbo): the article's text without navigation,
// menus, share bars, related links, comments, captions and footers, plus its metadata.
//
//   metadata  <title>, <meta> (OpenGraph og:*, article:*, name=author/date/...),
//             <link rel=canonical>, JSON-LD (headline, datePublished, author, publisher),
//             <time datetime>, <html lang>; the first source that has a field wins, in
//             that order of trust: JSON-LD, OpenGraph/meta, then the page's own elements
//   content   text blocks (paragraphs, headings, list items, quotes) are scored as
//             readability does: a container earns points from the paragraphs it holds
//             (length, commas), loses them for link-heavy text, and gains or loses by its
//             class and id ("article-body" +, "comment", "sidebar", "share" -). The best
//             container and its sibling blocks that score well form the main text; so
//             does the standfirst before it that the page's own description repeats. A
//             page rendered by script, whose JSON-LD articleBody holds half as many words
//             again as that text (and at least 80), is read from the articleBody instead.
//
// Every block left out is listed with why (`removed`), so nothing disappears silently.
#ifndef CORROBORATE_INGEST_HTML_H_
#define CORROBORATE_INGEST_HTML_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corroborate/base/status.h"
#include "corroborate/ingest/article.h"

namespace corroborate::ingest {

struct HtmlPage {
  std::string text;  // main content: one paragraph per block, separated by blank lines
  std::optional<std::string> title;
  std::optional<std::string> published;  // as found (ISO 8601 when the page gives it so)
  std::optional<std::string> source;     // site or publisher name
  std::optional<std::string> byline;     // author(s)
  std::optional<std::string> url;        // canonical or og:url
  std::optional<std::string> language;
  std::vector<RemovedBlock> removed;
};

// Never fails: malformed HTML is parsed the way browsers do (Gumbo implements the HTML5
// parsing algorithm); a page with no main content gives an empty `text`.
HtmlPage ExtractHtml(std::string_view html);

// Page bytes as UTF-8: UTF-8 pages pass through; others are converted (ICU) from the
// charset the page declares (<meta charset>, http-equiv), or from windows-1252 when it
// declares none.
std::string HtmlToUtf8(std::string_view bytes);

// Fills the metadata `a` leaves empty (title, source, url, byline, publication date) from
// the page, and moves the page's removed blocks into it. Used for .html files and for
// JSONL records with "html", whose own fields win.
void AddPageMetadata(HtmlPage* page, Article* a);

// An article from a web page's bytes: converts the encoding, extracts the main text and
// metadata. Fails (for the report's `skipped`) when the page is too large, binary, or has
// no main content.
struct IngestOptions;
Result<Article> ParseHtmlFile(std::string_view bytes, const std::string& name, const IngestOptions& options);

}  // namespace corroborate::ingest

#endif  // CORROBORATE_INGEST_HTML_H_
