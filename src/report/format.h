// Helpers shared by the report writers.
#ifndef CORROBORATE_SRC_REPORT_FORMAT_H_
#define CORROBORATE_SRC_REPORT_FORMAT_H_

#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "corroborate/base/date.h"
#include "corroborate/report/report.h"
#include "report/spool.h"

namespace corroborate::report {

// "55000" -> "55,000"; "1234.5" -> "1,234.5".
std::string GroupDigits(double v);

// The time label of a fact or timeline point: its date, or the story's reference date
// marked as the time of the reports, or "present".
std::string AsOfLabel(const std::optional<Date>& as_of, const std::optional<Date>& reference);

// Maps a source name as written ("Zelensky") to the story's canonical entity name.
class SourceNames {
 public:
  explicit SourceNames(const compare::StoryAnalysis& analysis);
  std::string Canonical(const std::string& as_written) const;

 private:
  std::map<std::string, std::string> by_key_;
};

// The original text of a mention, sentence or span of an article.
std::string_view OriginalText(const compare::StoryArticle& a, Span normalized);

// A writer whose stories are sections, spooled in order until Finish() writes the header
// (which needs the totals), the sections and the footer. Markdown and HTML.
class SectionWriter : public ReportWriter {
 public:
  void AddStory(const StoryView& s) override {
    std::ostringstream section;
    Section(s, section);
    body_.Append(section.str());
    articles_ += s.articles.size();
    if (++stories_ == 1) first_title_ = s.title;
  }

 protected:
  virtual void Section(const StoryView& s, std::ostream& out) = 0;
  Spool body_;
  size_t articles_ = 0, stories_ = 0;
  std::string first_title_;  // the title of the first story
};

// Feeds every story of `run` to `w`, then finishes it.
void WriteAll(ReportWriter* w, const RunView& run);

// The writers behind MakeWriter().
std::unique_ptr<ReportWriter> MakeJsonWriter(std::ostream& out);
std::unique_ptr<ReportWriter> MakeMarkdownWriter(std::ostream& out);
std::unique_ptr<ReportWriter> MakeHtmlWriter(std::ostream& out);

}  // namespace corroborate::report

#endif  // CORROBORATE_SRC_REPORT_FORMAT_H_
