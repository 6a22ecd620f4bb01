// Reports of a run: JSON (schema corroborate.report/1, the contract other tools read),
// Markdown, and a self-contained HTML page with SVG plots.
#ifndef CORROBORATE_REPORT_REPORT_H_
#define CORROBORATE_REPORT_REPORT_H_

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "corroborate/compare/story.h"
#include "corroborate/ingest/article.h"
#include "corroborate/summarize/summary.h"

namespace corroborate::report {

inline constexpr const char* kSchema = "corroborate.report/1";

struct StoryView {
  std::string id;     // "s1"
  std::string title;
  std::string thread;   // the id of the thread's first story ("s1" for a story that follows none)
  std::string follows;  // the earlier story of its thread it follows, or empty
  double follows_score = 0;
  std::vector<compare::StoryArticle> articles;
  // Per article (aligned with `articles`): the id of the earlier article it nearly
  // duplicates (empty when none) and their exact shingle Jaccard similarity.
  std::vector<std::string> duplicate_of;
  std::vector<double> duplicate_jaccard;
  // Per article: paragraphs pasted from earlier articles of other outlets.
  std::vector<std::vector<compare::PastedParagraph>> pasted;
  const compare::StoryAnalysis* analysis = nullptr;
  const std::vector<summarize::SummarySentence>* summary = nullptr;
};

struct RunView {
  std::string generator;  // "corroborate 0.1.0"
  std::vector<StoryView> stories;
  std::vector<ingest::Skipped> skipped;
  std::vector<ingest::Warning> warnings;
  // Open stories that became one with another (merged id, id it joined), in merge order: a
  // story written before the merge may still name the merged id (a paste's source).
  std::vector<std::pair<std::string, std::string>> merged;
};

enum class Format { kJson, kMarkdown, kHtml };

// Writes a report story by story while a run streams them. The header and totals are
// known only at the end, so stories are spooled (in memory, then in an anonymous
// temporary file past a few MB) and the whole report goes to `out` in Finish(). The
// result is the same as writing a RunView holding the same stories.
class ReportWriter {
 public:
  virtual ~ReportWriter() = default;
  virtual void AddStory(const StoryView& story) = 0;
  // `run` gives the generator, skipped inputs and warnings; its stories are ignored.
  virtual void Finish(const RunView& run) = 0;
};

std::unique_ptr<ReportWriter> MakeWriter(Format format, std::ostream& out);

// A whole run at once (AddStory for each story, then Finish).
void WriteJson(const RunView& run, std::ostream& out);
void WriteMarkdown(const RunView& run, std::ostream& out);
void WriteHtml(const RunView& run, std::ostream& out);

// "55,000", "≥ 2,500", "≤ 140,000", "100,000–140,000", "1.2 million", with the unit:
// "20%", "-20 °C", "$20 billion". Used by the Markdown and HTML reports.
std::string FormatValue(double low, double high, const std::string& unit);

// HTML-escapes text: & < > " '.
std::string EscapeHtml(std::string_view s);

}  // namespace corroborate::report

#endif  // CORROBORATE_REPORT_REPORT_H_
