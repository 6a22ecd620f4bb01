// Plain-text articles: the id is the file name, the first line may be a headline, and a
// dateline near the top may give the publication date.
#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "corroborate/base/date.h"
#include "corroborate/base/strings.h"
#include "corroborate/ingest/reader.h"
#include "ingest/checks.h"

namespace corroborate::ingest {
namespace {

struct Line {
  Span span;  // trimmed
};

std::vector<Line> NonEmptyLines(std::string_view text, size_t max_lines) {
  std::vector<Line> out;
  uint32_t start = 0;
  for (uint32_t i = 0; i <= text.size() && out.size() < max_lines; ++i) {
    if (i == text.size() || text[i] == '\n') {
      uint32_t b = start, e = i;
      while (b < e && IsAsciiSpace(text[b])) ++b;
      while (e > b && IsAsciiSpace(text[e - 1])) --e;
      if (e > b) out.push_back(Line{Span{b, e}});
      start = i + 1;
    }
  }
  return out;
}

size_t WordCount(std::string_view s) { return SplitWhitespace(s).size(); }

// "Zelenskyy reveals 55,000 soldiers killed | World News" is a headline; a first paragraph
// ending in a full stop is not.
bool LooksLikeHeadline(std::string_view line) {
  if (line.size() > 300) return false;
  size_t words = WordCount(line);
  if (words < 2 || words > 30) return false;
  char last = line.back();
  if (last == '.' || last == ',' || last == ';' || last == ':') return false;
  if ((last == '"' || last == '\'') && line.size() > 1) {
    char before = line[line.size() - 2];
    if (before == '.' || before == ',') return false;
  }
  return true;
}

// "Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 27, 2005 8:10 PM ET": a line that
// opens with a publication cue may run longer than other datelines.
bool OpensWithPublicationCue(std::string_view line) {
  for (std::string_view cue : {"posted", "published", "updated", "last updated", "first posted", "first published"}) {
    if (line.size() > cue.size() && EqualsIgnoreCase(line.substr(0, cue.size()), cue) &&
        !IsAsciiAlpha(line[cue.size()])) {
      return true;
    }
  }
  return false;
}

// The words of a line that are not a date's or a time's: "on Tuesday, 16 December 2008
// 13: 45." has none, "on April 30, 2008 at 4: 31 AM, updated April 30, 2008 at 8: 33 AM"
// none, "Kyiv, Feb. 5, 2026" one, a sentence many.
size_t WordsBesideTheDate(std::string_view line) {
  static const std::unordered_set<std::string> kFurniture = {
      "on", "at", "updated", "posted", "published", "modified", "last", "first", "am", "pm", "a.m", "p.m",
      "gmt", "utc", "bst", "cet", "cest", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt"};
  size_t n = 0;
  for (std::string_view w : SplitWhitespace(line)) {
    size_t b = 0, e = w.size();
    while (b < e && !IsAsciiAlnum(w[b])) ++b;
    while (e > b && !IsAsciiAlnum(w[e - 1])) --e;
    w = w.substr(b, e - b);
    if (w.empty() || std::all_of(w.begin(), w.end(), [](char c) { return IsAsciiDigit(c); })) continue;
    if (MonthFromName(w) > 0 || WeekdayFromName(w) >= 0) continue;
    if (!kFurniture.count(AsciiLowerCopy(w))) ++n;
  }
  return n;
}

// "Kyiv, Ukraine — February 5, 2026", "Published: 5 February 2026", "Feb. 5, 2026"; a line
// of a date and times alone may run longer.
std::optional<Date> DatelineDate(std::string_view line) {
  bool cue = OpensWithPublicationCue(line);
  if (line.size() > (cue ? 200u : 120u)) return std::nullopt;
  if (WordCount(line) > (cue ? 30u : 14u) && WordsBesideTheDate(line) > 0) return std::nullopt;
  return FindWrittenDate(line);
}

// A page's address printed as the first line: "https://example.com/2013/05/02/slug", also
// as a tokeniser leaves it ("http: / / example. com / 2013 / 05 / 02 / slug"), where every
// space touches URL punctuation. Returns the address without the spaces, or "".
std::string UrlLine(std::string_view line) {
  std::string compact;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c != ' ') {
      compact.push_back(c);
      continue;
    }
    size_t b = i, e = i;
    while (e < line.size() && line[e] == ' ') ++e;
    auto punct = [](char p) { return std::string_view("/.-_:?=&#,%+~!").find(p) != std::string_view::npos; };
    if (b == 0 || e == line.size() || !(punct(line[b - 1]) || punct(line[e]))) return "";
    i = e - 1;
  }
  std::string_view c = compact;
  if (c.rfind("http://", 0) != 0 && c.rfind("https://", 0) != 0) return "";
  if (c.size() < 12 || c.find('.') == std::string_view::npos) return "";
  return compact;
}

// Strips site suffixes: "Headline | Section News" -> "Headline".
std::string CleanTitle(std::string_view line) {
  std::string_view best = line;
  size_t pos = line.find(" | ");
  if (pos != std::string_view::npos) {
    std::string_view head = Trim(line.substr(0, pos));
    if (WordCount(head) >= 3) best = head;
  }
  return CollapseWhitespace(best);
}

}  // namespace

void ReadHeadAndDateline(Article* article) {
  Article& a = *article;
  std::vector<Line> lines = NonEmptyLines(a.text, 7);
  size_t next = 0;
  if (!lines.empty()) {
    if (std::string url = UrlLine(lines[0].span.Of(a.text)); !url.empty()) {
      a.url_span = lines[0].span;
      if (!a.url) a.url = std::move(url);
      next = 1;
    }
  }
  // A headline needs a body after it, unless the text is that one short line: a page
  // reduced to its title ("Barghouti to Run for Palestinian Leader").
  size_t left = lines.size() - next;
  bool alone = left == 1 && WordCount(lines[next].span.Of(a.text)) <= 15;
  if ((left >= 2 || alone) && LooksLikeHeadline(lines[next].span.Of(a.text)) &&
      !DatelineDate(lines[next].span.Of(a.text))) {
    a.title_span = lines[next].span;
    if (!a.title) a.title = CleanTitle(lines[next].span.Of(a.text));
    ++next;
  }
  if (a.published_date) return;
  for (size_t k = next; k < lines.size() && k < next + 3; ++k) {
    if (auto d = DatelineDate(lines[k].span.Of(a.text))) {
      // A dateline line stands alone: it is short and is not a sentence of the story
      // ("On Tuesday, Oct. 10, 1972, Washington awoke to this startling news:").
      std::string_view l = lines[k].span.Of(a.text);
      if (std::string_view(".:!?").find(l.back()) != std::string_view::npos && WordCount(l) > 6 &&
          WordsBesideTheDate(l) > 0) {
        continue;
      }
      a.dateline_span = lines[k].span;
      a.published_date = *d;
      a.published = d->ToIso();
      break;
    }
  }
}

Result<Article> ParseTextFile(std::string_view bytes, const std::string& name,
                              const IngestOptions& options) {
  Status check = CheckDocumentBytes(bytes, options);
  if (!check.ok()) return check;
  Article a;
  a.id = name;
  a.text = std::string(bytes);
  ReadHeadAndDateline(&a);
  FromUrl(&a);
  return a;
}

}  // namespace corroborate::ingest
