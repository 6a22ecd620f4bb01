// The HTML report: one self-contained page (inline CSS and SVG, no scripts, no external
// resources). Every piece of article text goes through EscapeHtml, so an article that
// contains markup stays inert.
#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "corroborate/base/strings.h"
#include "corroborate/report/report.h"
#include "report/format.h"

namespace corroborate::report {
namespace {

constexpr const char* kCss = R"CSS(
:root{--ink:#1d2430;--muted:#5b6576;--line:#dde2ea;--bg:#f6f7f9;--card:#fff;
--agreed:#1f8a4c;--compatible:#2563b8;--conflict:#c62828;--single:#7a8494;--opinion:#b35c00}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header{background:#18202c;color:#fff;padding:22px 32px}
header h1{margin:0;font-size:22px;font-weight:600}
header p{margin:4px 0 0;color:#b9c2d0;font-size:13px}
main{max-width:1180px;margin:0 auto;padding:20px 24px 60px}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 22px;margin:18px 0}
h2{font-size:21px;margin:8px 0 4px}
h3{font-size:16px;margin:0 0 12px;color:#30394a}
.stats{display:flex;gap:10px;flex-wrap:wrap;margin:10px 0 0}
.stat{background:#eef1f5;border-radius:8px;padding:6px 12px;font-size:13px}
.stat b{font-size:17px;margin-right:4px}
table{border-collapse:collapse;width:100%;font-size:14px}
th{text-align:left;font-weight:600;color:var(--muted);border-bottom:2px solid var(--line);padding:6px 8px}
td{border-bottom:1px solid var(--line);padding:7px 8px;vertical-align:top}
.badge{display:inline-block;border-radius:999px;padding:1px 9px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
.agreed{background:var(--agreed)}.compatible{background:var(--compatible)}
.conflict{background:var(--conflict)}.single_source{background:var(--single)}
.value{font-variant-numeric:tabular-nums;font-weight:600;white-space:nowrap}
.chip{display:inline-block;background:#eef1f5;border-radius:5px;padding:0 6px;margin:1px 2px;font-size:12px;color:#30394a;text-decoration:none}
.chip.dissent{background:#fde3e3;color:var(--conflict);font-weight:600}
details>summary{cursor:pointer;color:var(--muted);font-size:13px}
.mention{margin:4px 0 4px 6px;font-size:13px;color:#3b4455}
.summary li{margin:6px 0}
.quote{color:var(--muted)}
.single-item{margin:8px 0;padding-left:10px;border-left:3px solid var(--single)}
.single-item.opinion{border-color:var(--opinion)}
.tag{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;margin-right:6px}
.tag.opinion{color:var(--opinion)}.tag.claim{color:var(--single)}
.cues{color:var(--muted);font-size:12px}
.article{border-top:1px solid var(--line);padding:10px 0}
.article .meta{color:var(--muted);font-size:13px}
.text{white-space:pre-wrap;font-size:14px;line-height:1.6;background:#fbfbfc;border:1px solid var(--line);border-radius:8px;padding:12px 14px;margin-top:8px}
.text del{color:#9aa3b1;text-decoration-color:#c62828}
.text .role{font-weight:600}
.text mark{background:#eceff4;border-radius:3px;padding:0 1px}
.text mark.opinion{background:#fde9d2}
.text .fig{border-bottom:2px solid var(--compatible);font-weight:600}
.text .fig.conflict{border-color:var(--conflict)}.text .fig.agreed{border-color:var(--agreed)}
.text .fig.single_source{border-color:var(--single)}
.legend{font-size:12px;color:var(--muted)}
.bar{display:inline-block;height:8px;background:var(--compatible);border-radius:4px;vertical-align:middle}
svg text{font-family:system-ui,sans-serif}
.small{font-size:12px;color:var(--muted)}
)CSS";

std::string StatusClass(compare::FactStatus s) { return compare::FactStatusName(s); }

std::string Chip(const std::string& id, bool dissent = false) {
  return std::string("<a class=\"chip") + (dissent ? " dissent" : "") + "\" href=\"#art-" + EscapeHtml(id) +
         "\">" + EscapeHtml(id) + "</a>";
}

std::string Truncate(std::string s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "\xE2\x80\xA6";
}

// Facts x articles, each covered cell coloured by the fact's status; dissenting articles
// get a ring.
void CoverageSvg(const StoryView& s, std::ostream& out) {
  const compare::StoryAnalysis& an = *s.analysis;
  const int cell = 22, label_w = 260, top = 90;
  int w = label_w + cell * static_cast<int>(s.articles.size()) + 20;
  int h = top + cell * static_cast<int>(an.facts.size()) + 10;
  out << "<svg role=\"img\" aria-label=\"coverage matrix\" width=\"" << w << "\" height=\"" << h
      << "\" viewBox=\"0 0 " << w << " " << h << "\">";
  for (size_t a = 0; a < s.articles.size(); ++a) {
    int x = label_w + static_cast<int>(a) * cell + cell / 2;
    out << "<text transform=\"translate(" << x << "," << (top - 6) << ") rotate(-55)\" font-size=\"11\" fill=\"#5b6576\">"
        << EscapeHtml(Truncate(s.articles[a].article->id, 18)) << "</text>";
  }
  static const std::map<std::string, std::string> kColor = {
      {"agreed", "#1f8a4c"}, {"compatible", "#2563b8"}, {"conflict", "#c62828"}, {"single_source", "#7a8494"}};
  for (size_t f = 0; f < an.facts.size(); ++f) {
    const compare::Fact& fact = an.facts[f];
    int y = top + static_cast<int>(f) * cell;
    out << "<text x=\"" << (label_w - 8) << "\" y=\"" << (y + 15) << "\" font-size=\"12\" text-anchor=\"end\" fill=\"#1d2430\">"
        << EscapeHtml(fact.id + " " + Truncate(fact.label, 30)) << "</text>";
    for (size_t a = 0; a < s.articles.size(); ++a) {
      int x = label_w + static_cast<int>(a) * cell;
      out << "<rect x=\"" << x + 1 << "\" y=\"" << y + 1 << "\" width=\"" << cell - 2 << "\" height=\"" << cell - 2
          << "\" rx=\"4\" fill=\"#f1f3f6\"/>";
      if (!an.coverage[f][a]) continue;
      bool dissent = std::find(fact.dissenting.begin(), fact.dissenting.end(), a) != fact.dissenting.end();
      out << "<circle cx=\"" << x + cell / 2 << "\" cy=\"" << y + cell / 2 << "\" r=\"7\" fill=\""
          << kColor.at(StatusClass(fact.status)) << "\"" << (dissent ? " stroke=\"#000\" stroke-width=\"2\"" : "")
          << "><title>" << EscapeHtml(fact.id + " in " + s.articles[a].article->id) << "</title></circle>";
    }
  }
  out << "</svg>";
}

// One line chart per timeline: x by date, y by value; ranges drawn as bars.
void TimelineSvg(const StoryView& s, const compare::Timeline& t, std::ostream& out) {
  const compare::StoryAnalysis& an = *s.analysis;
  const int w = 640, h = 230, left = 70, right = 30, top = 30, bottom = 50;
  std::vector<double> xs;
  double vmax = 0, vmin = 0;
  for (const compare::TimelinePoint& p : t.points) {
    std::optional<Date> d = p.as_of ? p.as_of : an.reference_date;
    xs.push_back(d ? static_cast<double>(d->FirstDay()) : NAN);
    const compare::Fact& f = an.facts[p.fact];
    for (double v : {f.low, f.high}) {
      if (!std::isnan(v)) {
        vmax = std::max(vmax, v);
        vmin = std::min(vmin, v);
      }
    }
  }
  // Points without a date are spaced evenly after the dated ones.
  double x0 = NAN, x1 = NAN;
  for (double x : xs) {
    if (std::isnan(x)) continue;
    x0 = std::isnan(x0) ? x : std::min(x0, x);
    x1 = std::isnan(x1) ? x : std::max(x1, x);
  }
  size_t n = t.points.size();
  auto px = [&](size_t k) {
    if (std::isnan(x0) || x1 <= x0 || std::isnan(xs[k])) {
      return left + (n > 1 ? static_cast<double>(k) * (w - left - right) / static_cast<double>(n - 1) : 0.0);
    }
    return left + (xs[k] - x0) / (x1 - x0) * (w - left - right);
  };
  if (vmax <= vmin) vmax = vmin + 1;
  double span = vmax - vmin;
  vmax += span * 0.12;
  auto py = [&](double v) { return top + (vmax - v) / (vmax - vmin) * (h - top - bottom); };
  out << "<svg role=\"img\" aria-label=\"timeline " << EscapeHtml(t.label) << "\" width=\"" << w << "\" height=\"" << h
      << "\" viewBox=\"0 0 " << w << " " << h << "\">";
  out << "<line x1=\"" << left << "\" y1=\"" << h - bottom << "\" x2=\"" << w - right << "\" y2=\"" << h - bottom
      << "\" stroke=\"#c9cfd9\"/>";
  out << "<line x1=\"" << left << "\" y1=\"" << top << "\" x2=\"" << left << "\" y2=\"" << h - bottom
      << "\" stroke=\"#c9cfd9\"/>";
  for (int k = 0; k <= 4; ++k) {
    double v = vmin + (vmax - vmin) * k / 4;
    out << "<text x=\"" << left - 6 << "\" y=\"" << py(v) + 4 << "\" font-size=\"10\" text-anchor=\"end\" fill=\"#7a8494\">"
        << EscapeHtml(FormatValue(std::round(v), std::round(v), "")) << "</text>";
  }
  std::string path;
  for (size_t k = 0; k < n; ++k) {
    const compare::Fact& f = an.facts[t.points[k].fact];
    double mid = std::isnan(f.low) ? f.high : std::isnan(f.high) ? f.low : (f.low + f.high) / 2;
    path += (k ? " L" : "M") + FormatNumber(std::round(px(k))) + " " + FormatNumber(std::round(py(mid)));
  }
  out << "<path d=\"" << path << "\" fill=\"none\" stroke=\"#2563b8\" stroke-width=\"2\"/>";
  for (size_t k = 0; k < n; ++k) {
    const compare::TimelinePoint& p = t.points[k];
    const compare::Fact& f = an.facts[p.fact];
    double x = px(k);
    if (!std::isnan(f.low) && !std::isnan(f.high) && f.low != f.high) {
      out << "<rect x=\"" << x - 4 << "\" y=\"" << py(f.high) << "\" width=\"8\" height=\"" << py(f.low) - py(f.high)
          << "\" rx=\"3\" fill=\"#2563b8\" opacity=\".35\"/>";
    }
    double mid = std::isnan(f.low) ? f.high : std::isnan(f.high) ? f.low : (f.low + f.high) / 2;
    out << "<circle cx=\"" << x << "\" cy=\"" << py(mid) << "\" r=\"5\" fill=\"#2563b8\"><title>"
        << EscapeHtml(f.id + ": " + FormatValue(f.low, f.high, f.unit)) << "</title></circle>";
    out << "<text x=\"" << x << "\" y=\"" << py(mid) - 10 << "\" font-size=\"12\" font-weight=\"600\" text-anchor=\"middle\">"
        << EscapeHtml(FormatValue(f.low, f.high, f.unit)) << "</text>";
    out << "<text x=\"" << x << "\" y=\"" << h - bottom + 18 << "\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6576\">"
        << EscapeHtml(p.as_of ? p.as_of->ToIso() : "latest") << "</text>";
  }
  out << "</svg>";
}

struct Mark {
  uint32_t start, end;
  std::string open, close;
};

// Renders an article's original text with its cleaning, single-source spans and figures.
void ArticleText(const StoryView& s, uint32_t ai, std::ostream& out) {
  const compare::StoryArticle& a = s.articles[ai];
  const compare::StoryAnalysis& an = *s.analysis;
  const std::string& text = a.article->text;
  std::vector<Mark> marks;
  for (const clean::Block& b : *a.blocks) {
    Span o = a.doc->ToOriginal(b.span);
    if (!b.kept()) {
      marks.push_back({o.begin, o.end,
                       "<del class=\"removed\" title=\"" + EscapeHtml(std::string(clean::RemovalName(b.removal)) + ": " + b.detail) + "\">",
                       "</del>"});
    } else if (b.role != clean::Role::kBody && b.role != clean::Role::kListItem) {
      marks.push_back({o.begin, o.end, std::string("<span class=\"role\" title=\"") + clean::RoleName(b.role) + "\">", "</span>"});
    }
  }
  for (const compare::SingleSourceSpan& ss : an.single_source) {
    if (ss.article != ai) continue;
    Span o = a.doc->ToOriginal(ss.span);
    bool op = ss.kind == compare::ClaimKind::kOpinion;
    marks.push_back({o.begin, o.end,
                     std::string("<mark class=\"") + (op ? "opinion" : "claim") + "\" title=\"" +
                         (op ? "opinion, only in this outlet" : "claim only this outlet makes") + "\">",
                     "</mark>"});
  }
  for (const compare::Fact& f : an.facts) {
    for (const compare::MentionRef& r : f.mentions) {
      if (r.article != ai) continue;
      Span o = a.doc->ToOriginal(a.extraction->mentions[r.mention].quantity.span);
      marks.push_back({o.begin, o.end,
                       "<span class=\"fig " + StatusClass(f.status) + "\" title=\"" +
                           EscapeHtml(f.id + " " + f.label + " (" + compare::FactStatusName(f.status) + ")") + "\">",
                       "</span>"});
    }
  }
  std::sort(marks.begin(), marks.end(), [](const Mark& x, const Mark& y) {
    return x.start != y.start ? x.start < y.start : x.end > y.end;
  });
  out << "<div class=\"text\">";
  std::vector<const Mark*> stack;
  std::vector<uint32_t> ends;
  uint32_t pos = 0;
  auto emit_to = [&](uint32_t to) {
    if (to > pos) out << EscapeHtml(std::string_view(text).substr(pos, to - pos));
    pos = std::max(pos, to);
  };
  for (const Mark& m : marks) {
    while (!stack.empty() && ends.back() <= m.start) {
      emit_to(ends.back());
      out << stack.back()->close;
      stack.pop_back();
      ends.pop_back();
    }
    if (m.start < pos) continue;  // overlaps what is already written; skip rather than cross
    emit_to(m.start);
    out << m.open;
    stack.push_back(&m);
    ends.push_back(stack.size() > 1 ? std::min(m.end, ends.back()) : m.end);
  }
  while (!stack.empty()) {
    emit_to(ends.back());
    out << stack.back()->close;
    stack.pop_back();
    ends.pop_back();
  }
  emit_to(static_cast<uint32_t>(text.size()));
  out << "</div>";
}

void WriteStory(const StoryView& s, std::ostream& out) {
  const compare::StoryAnalysis& an = *s.analysis;
  size_t agreed = 0, conflicts = 0, singles = 0, opinions = 0;
  for (const compare::Fact& f : an.facts) {
    if (f.status == compare::FactStatus::kAgreed || f.status == compare::FactStatus::kCompatible) ++agreed;
    if (f.status == compare::FactStatus::kConflict) ++conflicts;
  }
  for (const compare::SingleSourceSpan& ss : an.single_source) {
    (ss.kind == compare::ClaimKind::kOpinion ? opinions : singles) += 1;
  }
  out << "<h2 id=\"" << EscapeHtml(s.id) << "\">" << EscapeHtml(s.title) << "</h2>";
  out << "<div class=\"stats\"><span class=\"stat\"><b>" << s.articles.size() << "</b>articles</span>"
      << "<span class=\"stat\"><b>" << an.facts.size() << "</b>facts</span>"
      << "<span class=\"stat\"><b>" << agreed << "</b>corroborated</span>"
      << "<span class=\"stat\"><b>" << conflicts << "</b>conflicts</span>"
      << "<span class=\"stat\"><b>" << an.timelines.size() << "</b>timelines</span>"
      << "<span class=\"stat\"><b>" << singles << "</b>single-source claims</span>"
      << "<span class=\"stat\"><b>" << opinions << "</b>opinion passages</span></div>";
  if (!s.follows.empty()) {
    out << "<p class=\"small\">Follows <a href=\"#" << EscapeHtml(s.follows) << "\">" << EscapeHtml(s.follows)
        << "</a> (thread " << EscapeHtml(s.thread) << ")</p>";
  }

  out << "<section class=\"summary\"><h3>Summary</h3><ul>";
  for (const summarize::SummarySentence& ss : *s.summary) {
    out << "<li>" << EscapeHtml(ss.text) << " ";
    for (uint32_t c : ss.citations) out << Chip(s.articles[c].article->id);
    out << "</li>";
  }
  if (s.summary->empty()) out << "<li class=\"small\">No sentence is supported well enough to summarise.</li>";
  out << "</ul></section>";

  out << "<section><h3>Facts</h3>";
  if (an.facts.empty()) out << "<p class=\"small\">No figures found.</p>";
  else {
    out << "<table><tr><th>id</th><th>status</th><th>what</th><th>value</th><th>source</th><th>as of</th><th>articles</th></tr>";
    for (const compare::Fact& f : an.facts) {
      out << "<tr><td>" << EscapeHtml(f.id) << "</td><td><span class=\"badge " << StatusClass(f.status) << "\">"
          << EscapeHtml(compare::FactStatusName(f.status)) << "</span></td><td>" << EscapeHtml(f.label)
          << "<details><summary>" << f.mentions.size() << " mentions</summary>";
      for (const compare::MentionRef& r : f.mentions) {
        const compare::StoryArticle& a = s.articles[r.article];
        const extract::Mention& m = a.extraction->mentions[r.mention];
        out << "<div class=\"mention\">" << Chip(a.article->id) << " <b>" << EscapeHtml(OriginalText(a, m.quantity.span))
            << "</b> <span class=\"quote\">" << EscapeHtml(CollapseWhitespace(OriginalText(a, a.doc->seg.sentences[m.sentence])))
            << "</span></div>";
      }
      out << "</details></td><td class=\"value\">" << EscapeHtml(FormatValue(f.low, f.high, f.unit)) << "</td><td>"
          << EscapeHtml(f.attributed_to.empty() ? "\xE2\x80\x94" : f.attributed_to) << "</td><td>"
          << EscapeHtml(f.as_of ? f.as_of->ToIso() : "\xE2\x80\x94") << "</td><td>";
      for (uint32_t a : f.articles) {
        bool dissent = std::find(f.dissenting.begin(), f.dissenting.end(), a) != f.dissenting.end();
        out << Chip(s.articles[a].article->id, dissent);
      }
      out << "</td></tr>";
    }
    out << "</table>";
  }
  out << "</section>";

  if (!an.timelines.empty()) {
    out << "<section><h3>How figures changed over time</h3>";
    for (const compare::Timeline& t : an.timelines) {
      out << "<p><b>" << EscapeHtml(t.label) << "</b>";
      if (!t.attributed_to.empty()) out << " <span class=\"small\">according to " << EscapeHtml(t.attributed_to) << "</span>";
      out << "</p>";
      TimelineSvg(s, t, out);
    }
    out << "</section>";
  }
  if (!an.estimates.empty()) {
    out << "<section><h3>Estimates that differ by source</h3><ul>";
    for (const compare::Estimates& e : an.estimates) {
      out << "<li><b>" << EscapeHtml(e.label) << "</b>: ";
      for (size_t k = 0; k < e.facts.size(); ++k) {
        const compare::Fact& f = an.facts[e.facts[k]];
        if (k) out << "; ";
        out << EscapeHtml(f.attributed_to) << " <span class=\"value\">" << EscapeHtml(FormatValue(f.low, f.high, f.unit)) << "</span>";
      }
      out << "</li>";
    }
    out << "</ul></section>";
  }

  out << "<section><h3>Coverage: which article states which fact</h3>";
  if (an.facts.empty()) out << "<p class=\"small\">No facts.</p>";
  else CoverageSvg(s, out);
  out << "<p class=\"legend\">Colour: fact status. A black ring marks an article whose figure disagrees with the others.</p></section>";

  out << "<section><h3>Who copied whom</h3>";
  if (an.copies.empty()) out << "<p class=\"small\">No shared sentences between articles.</p>";
  else {
    out << "<table><tr><th>articles</th><th>similarity</th><th>shared sentences</th><th>direction</th></tr>";
    for (const compare::CopyRelation& c : an.copies) {
      out << "<tr><td>" << Chip(s.articles[c.a].article->id) << Chip(s.articles[c.b].article->id) << "</td><td><span class=\"bar\" style=\"width:"
          << static_cast<int>(std::round(c.similarity * 120)) << "px\"></span> " << FormatNumber(c.similarity) << "</td><td>"
          << c.shared_sentences << "</td><td>";
      if (c.source) {
        uint32_t copy = *c.source == c.a ? c.b : c.a;
        out << Chip(s.articles[*c.source].article->id) << " \xE2\x86\x92 " << Chip(s.articles[copy].article->id)
            << " <span class=\"small\">(" << EscapeHtml(c.basis) << ")</span>";
      } else {
        out << "<span class=\"small\">unknown</span>";
      }
      out << "</td></tr>";
    }
    out << "</table>";
  }
  bool any_paste = false;
  for (size_t k = 0; k < s.pasted.size(); ++k) {
    for (const compare::PastedParagraph& p : s.pasted[k]) {
      if (!any_paste) {
        out << "<h3 style=\"margin-top:16px\">Pasted paragraphs</h3><table><tr><th>article</th><th>paragraph</th>"
               "<th>pasted from</th><th>similarity</th></tr>";
      }
      any_paste = true;
      std::string text(p.span.Of(s.articles[k].article->text));
      out << "<tr><td>" << Chip(s.articles[k].article->id) << "</td><td>" << EscapeHtml(Truncate(text, 140)) << "</td><td>"
          << Chip(p.from) << (p.from_story != s.id ? " <span class=\"small\">story " + EscapeHtml(p.from_story) + "</span>" : "")
          << "</td><td>" << FormatNumber(p.jaccard) << "</td></tr>";
    }
  }
  if (any_paste) out << "</table>";
  out << "</section>";

  out << "<section><h3>Said by one outlet only</h3>";
  if (an.single_source.empty()) out << "<p class=\"small\">Every sentence is supported by another outlet.</p>";
  for (const compare::SingleSourceSpan& ss : an.single_source) {
    const compare::StoryArticle& a = s.articles[ss.article];
    bool op = ss.kind == compare::ClaimKind::kOpinion;
    out << "<div class=\"single-item" << (op ? " opinion" : "") << "\"><span class=\"tag " << (op ? "opinion" : "claim")
        << "\">" << (op ? "opinion" : "claim") << "</span>" << Chip(a.article->id) << " "
        << EscapeHtml(CollapseWhitespace(OriginalText(a, ss.span)));
    if (!ss.cues.empty()) out << " <span class=\"cues\">cues: " << EscapeHtml(Join(ss.cues, ", ")) << "</span>";
    out << "</div>";
  }
  out << "</section>";

  out << "<section><h3>Articles</h3><p class=\"legend\">Struck through: removed by cleaning (hover for why). "
         "Shaded: said by this outlet only (orange: opinion). Underlined: figures, coloured by fact status.</p>";
  for (uint32_t ai = 0; ai < s.articles.size(); ++ai) {
    const ingest::Article& art = *s.articles[ai].article;
    out << "<div class=\"article\" id=\"art-" << EscapeHtml(art.id) << "\"><details><summary><b>" << EscapeHtml(art.id)
        << "</b> " << EscapeHtml(art.title ? *art.title : "") << "</summary><div class=\"meta\">";
    if (art.source) out << EscapeHtml(*art.source) << " \xC2\xB7 ";
    if (art.published) out << EscapeHtml(*art.published) << " \xC2\xB7 ";
    if (art.url) out << EscapeHtml(*art.url) << " \xC2\xB7 ";
    out << EscapeHtml(art.input) << "</div>";
    ArticleText(s, ai, out);
    out << "</details></div>";
  }
  out << "</section>";
}

class HtmlWriter : public SectionWriter {
 public:
  explicit HtmlWriter(std::ostream& out) : out_(out) {}

  void Finish(const RunView& run) override {
    std::string title = stories_ == 1 ? first_title_ : "corroborate report";
    out_ << "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            "<title>" << EscapeHtml(title) << " \xE2\x80\x94 corroborate</title><style>" << kCss << "</style></head><body>";
    out_ << "<header><h1>corroborate</h1><p>" << articles_ << " articles \xC2\xB7 " << stories_
         << (stories_ == 1 ? " story" : " stories") << " \xC2\xB7 " << run.skipped.size() << " inputs skipped \xC2\xB7 "
         << EscapeHtml(run.generator) << "</p></header><main>";
    body_.CopyTo(out_);
    if (!run.skipped.empty() || !run.warnings.empty()) {
      out_ << "<section><h3>Skipped inputs and warnings</h3><table><tr><th>input</th><th>line</th><th>why</th></tr>";
      auto row = [&](const auto& item, const char* what, const std::string& why) {
        out_ << "<tr><td>" << EscapeHtml(item.input) << "</td><td>" << (item.line ? std::to_string(*item.line) : "")
             << "</td><td>" << what << EscapeHtml(why) << "</td></tr>";
      };
      for (const ingest::Skipped& sk : run.skipped) row(sk, "skipped: ", sk.reason);
      for (const ingest::Warning& w : run.warnings) row(w, "warning: ", w.message);
      out_ << "</table></section>";
    }
    if (!run.merged.empty()) {
      out_ << "<section><h3>Stories merged into others</h3><ul>";
      for (const auto& [id, into] : run.merged) {
        out_ << "<li>" << EscapeHtml(id) << " is part of " << EscapeHtml(into) << "</li>";
      }
      out_ << "</ul></section>";
    }
    out_ << "</main></body></html>\n";
  }

 private:
  void Section(const StoryView& s, std::ostream& out) override { WriteStory(s, out); }

  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ReportWriter> MakeHtmlWriter(std::ostream& out) { return std::make_unique<HtmlWriter>(out); }

void WriteHtml(const RunView& run, std::ostream& out) {
  HtmlWriter w(out);
  WriteAll(&w, run);
}

}  // namespace corroborate::report
