// The Markdown report: the same findings as the JSON, for people reading in a terminal,
// an issue tracker or a wiki.
#include <sstream>

#include "corroborate/base/strings.h"
#include "corroborate/report/report.h"
#include "report/format.h"

namespace corroborate::report {
namespace {

// Table cells must not contain pipes or newlines.
std::string Cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string Citations(const StoryView& s, const std::vector<uint32_t>& ids) {
  std::string out;
  for (uint32_t a : ids) out += "[" + s.articles[a].article->id + "]";
  return out;
}

const char* Badge(compare::FactStatus st) {
  switch (st) {
    case compare::FactStatus::kAgreed: return "agreed";
    case compare::FactStatus::kCompatible: return "compatible";
    case compare::FactStatus::kConflict: return "**CONFLICT**";
    case compare::FactStatus::kSingleSource: return "single source";
  }
  return "";
}

void WriteStory(const StoryView& s, std::ostream& out) {
  const compare::StoryAnalysis& an = *s.analysis;
  SourceNames names(an);
  out << "## " << s.title << "\n\n";
  out << s.articles.size() << " articles";
  if (an.reference_date) out << ", latest published " << an.reference_date->ToIso();
  out << ".";
  if (!s.follows.empty()) out << " Follows story " << s.follows << " (thread " << s.thread << ").";
  out << "\n\n";

  out << "### Summary\n\n";
  if (s.summary->empty()) out << "_No sentence is supported well enough to summarise._\n";
  for (const summarize::SummarySentence& ss : *s.summary) {
    out << "- " << ss.text << " " << Citations(s, ss.citations) << "\n";
  }
  out << "\n### Facts\n\n";
  if (an.facts.empty()) {
    out << "_No figures found._\n\n";
  } else {
    out << "| id | status | what | value | source | as of | articles |\n";
    out << "|---|---|---|---|---|---|---|\n";
    for (const compare::Fact& f : an.facts) {
      out << "| " << f.id << " | " << Badge(f.status) << " | " << Cell(f.label) << " | "
          << Cell(FormatValue(f.low, f.high, f.unit)) << " | " << Cell(f.attributed_to.empty() ? "-" : f.attributed_to)
          << " | " << (f.as_of ? f.as_of->ToIso() : "-") << " | " << Citations(s, f.articles) << " |\n";
    }
    out << "\n";
  }
  bool any_conflict = false;
  for (const compare::Fact& f : an.facts) {
    if (f.status != compare::FactStatus::kConflict) continue;
    if (!any_conflict) out << "### Conflicts\n\n";
    any_conflict = true;
    out << "**" << f.id << " " << f.label << "**";
    if (!f.attributed_to.empty()) out << " (" << f.attributed_to << ")";
    out << ": dissenting " << Citations(s, f.dissenting) << "\n\n";
    for (const compare::MentionRef& r : f.mentions) {
      const compare::StoryArticle& a = s.articles[r.article];
      const extract::Mention& m = a.extraction->mentions[r.mention];
      out << "- [" << a.article->id << "] \"" << Cell(OriginalText(a, m.quantity.span)) << "\" in: "
          << Cell(CollapseWhitespace(OriginalText(a, a.doc->seg.sentences[m.sentence]))) << "\n";
    }
    out << "\n";
  }
  if (!an.timelines.empty()) {
    out << "### Timelines\n\n";
    for (const compare::Timeline& t : an.timelines) {
      out << "- **" << t.label << "**";
      if (!t.attributed_to.empty()) out << " (" << t.attributed_to << ")";
      out << ": ";
      for (size_t k = 0; k < t.points.size(); ++k) {
        const compare::Fact& f = an.facts[t.points[k].fact];
        if (k) out << " \xE2\x86\x92 ";
        out << FormatValue(f.low, f.high, f.unit) << " (" << AsOfLabel(t.points[k].as_of, an.reference_date)
            << (t.points[k].as_of ? "" : ", latest") << ")";
      }
      out << "\n";
    }
    out << "\n";
  }
  if (!an.estimates.empty()) {
    out << "### Estimates that differ by source\n\n";
    for (const compare::Estimates& e : an.estimates) {
      out << "- **" << e.label << "**: ";
      for (size_t k = 0; k < e.facts.size(); ++k) {
        const compare::Fact& f = an.facts[e.facts[k]];
        if (k) out << "; ";
        out << f.attributed_to << " " << FormatValue(f.low, f.high, f.unit);
      }
      out << "\n";
    }
    out << "\n";
  }
  out << "### Who copied whom\n\n";
  if (an.copies.empty()) {
    out << "_No shared sentences between articles._\n\n";
  } else {
    out << "| articles | similarity | shared sentences | direction |\n|---|---|---|---|\n";
    for (const compare::CopyRelation& c : an.copies) {
      out << "| " << s.articles[c.a].article->id << " / " << s.articles[c.b].article->id << " | "
          << FormatNumber(c.similarity) << " | " << c.shared_sentences << " | ";
      if (c.source) {
        uint32_t copy = *c.source == c.a ? c.b : c.a;
        out << s.articles[*c.source].article->id << " \xE2\x86\x92 " << s.articles[copy].article->id << " ("
            << c.basis << ")";
      } else {
        out << "-";
      }
      out << " |\n";
    }
    out << "\n";
  }
  bool any_paste = false;
  for (size_t k = 0; k < s.pasted.size(); ++k) {
    for (const compare::PastedParagraph& p : s.pasted[k]) {
      if (!any_paste) out << "### Pasted paragraphs\n\n| article | paragraph | pasted from | similarity |\n|---|---|---|---|\n";
      any_paste = true;
      std::string lead = FirstWords(CollapseWhitespace(p.span.Of(s.articles[k].article->text)), 10);
      out << "| " << s.articles[k].article->id << " | " << Cell(lead) << " | " << p.from
          << (p.from_story != s.id ? " (story " + p.from_story + ")" : std::string()) << " | " << FormatNumber(p.jaccard)
          << " |\n";
    }
  }
  if (any_paste) out << "\n";
  out << "### Said by one outlet only\n\n";
  if (an.single_source.empty()) out << "_Every sentence is supported by another outlet._\n\n";
  for (const compare::SingleSourceSpan& ss : an.single_source) {
    const compare::StoryArticle& a = s.articles[ss.article];
    out << "- [" << a.article->id << "] "
        << (ss.kind == compare::ClaimKind::kOpinion ? "**opinion**: " : "claim: ")
        << Cell(CollapseWhitespace(OriginalText(a, ss.span)));
    if (!ss.cues.empty()) out << " _(cues: " << Join(ss.cues, ", ") << ")_";
    out << "\n";
  }
  out << "\n### Coverage\n\n| fact |";
  for (const auto& a : s.articles) out << " " << Cell(a.article->id) << " |";
  out << "\n|---|";
  for (size_t i = 0; i < s.articles.size(); ++i) out << "---|";
  out << "\n";
  for (size_t f = 0; f < an.facts.size(); ++f) {
    out << "| " << an.facts[f].id << " |";
    for (size_t a = 0; a < s.articles.size(); ++a) out << (an.coverage[f][a] ? " x |" : "   |");
    out << "\n";
  }
  out << "\n### Cleaning\n\n";
  for (const compare::StoryArticle& a : s.articles) {
    for (const clean::Block& b : *a.blocks) {
      if (b.kept()) continue;
      std::string text = CollapseWhitespace(OriginalText(a, b.span));
      if (text.size() > 100) text = text.substr(0, text.find(' ', 90)) + "...";
      out << "- [" << a.article->id << "] " << clean::RemovalName(b.removal) << " (" << b.detail << "): ~~"
          << Cell(text) << "~~\n";
    }
  }
  out << "\n";
}

class MarkdownWriter : public SectionWriter {
 public:
  explicit MarkdownWriter(std::ostream& out) : out_(out) {}

  void Finish(const RunView& run) override {
    out_ << "# corroborate report\n\n";
    out_ << articles_ << " articles in " << stories_ << (stories_ == 1 ? " story" : " stories") << "; "
         << run.skipped.size() << " inputs skipped. Generated by " << run.generator << ".\n\n";
    body_.CopyTo(out_);
    // Skipped inputs and warnings: where (input, line) and why.
    auto notes = [&](const char* heading, const auto& items, auto why) {
      if (items.empty()) return;
      out_ << "## " << heading << "\n\n";
      for (const auto& item : items) {
        out_ << "- " << Cell(item.input);
        if (item.line) out_ << " line " << *item.line;
        out_ << ": " << Cell(why(item)) << "\n";
      }
      out_ << "\n";
    };
    notes("Skipped inputs", run.skipped, [](const ingest::Skipped& x) { return x.reason; });
    notes("Warnings", run.warnings, [](const ingest::Warning& x) { return x.message; });
    if (!run.merged.empty()) {
      out_ << "## Stories merged into others\n\n";
      for (const auto& [id, into] : run.merged) out_ << "- " << id << " is part of " << into << "\n";
      out_ << "\n";
    }
  }

 private:
  void Section(const StoryView& s, std::ostream& out) override { WriteStory(s, out); }

  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ReportWriter> MakeMarkdownWriter(std::ostream& out) { return std::make_unique<MarkdownWriter>(out); }

void WriteMarkdown(const RunView& run, std::ostream& out) {
  MarkdownWriter w(out);
  WriteAll(&w, run);
}

}  // namespace corroborate::report
