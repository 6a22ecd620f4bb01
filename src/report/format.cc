#include "report/format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "corroborate/base/strings.h"
#include "corroborate/extract/entities.h"

namespace corroborate::report {

std::string GroupDigits(double v) {
  std::string s = FormatNumber(v);
  bool neg = !s.empty() && s[0] == '-';
  if (neg) s.erase(0, 1);
  size_t dot = s.find('.');
  std::string integer = s.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : s.substr(dot);
  std::string out;
  for (size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(integer[i]);
  }
  return (neg ? "-" : "") + out + frac;
}

namespace {

// Large round figures read better in words: 1200000 -> "1.2 million".
std::string Figure(double v) {
  double a = std::fabs(v);
  struct Scale {
    double value;
    const char* name;
  };
  static const Scale kScales[] = {{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}};
  for (const Scale& s : kScales) {
    if (a >= s.value) {
      double x = v / s.value;
      double r = std::round(x * 100) / 100;
      if (std::fabs(r - x) < 1e-9) return FormatNumber(r) + " " + s.name;
    }
  }
  // A figure read from a fraction ("a third" is 33.333...%) is shown as a writer would
  // round it: articles do not print more than four decimals.
  double four = std::round(v * 1e4) / 1e4;
  if (std::fabs(four - v) > 1e-9 * std::max(1.0, a)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3g", v);
    return GroupDigits(std::atof(buf));
  }
  return GroupDigits(v);
}

std::string WithUnit(const std::string& figure, const std::string& unit) {
  if (unit.empty()) return figure;
  if (unit == "count") return figure + " times";  // "more than 3,200 times", "sixfold"
  if (unit == "percentage") return figure + "%";
  if (unit == "percentage point") return figure + " pp";
  if (unit == "celsius") return figure + " \xC2\xB0" "C";
  if (unit == "fahrenheit") return figure + " \xC2\xB0" "F";
  if (unit == "dollar") return "$" + figure;
  if (unit == "euro") return "\xE2\x82\xAC" + figure;
  if (unit == "pound sterling") return "\xC2\xA3" + figure;
  // Countable units read in the plural: "2.4 million tonnes", "35 miles".
  static const char* kPlural[] = {"tonne", "ton", "kilometre", "metre", "mile", "kilogram", "gram",
                                  "litre", "barrel", "hectare", "acre", "foot", "inch", "yard",
                                  "square kilometre", "square mile", "gallon", "point", "basis point",
                                  "megawatt", "gigawatt", "kilowatt", "vote", "seat", "kilobyte", "megabyte",
                                  "gigabyte", "terabyte", "byte", "hour", "day", "week", "month", "year",
                                  "minute", "second"};
  // "megabyte per day": the counted unit before "per" takes the plural.
  size_t per = unit.find(" per ");
  std::string head = per == std::string::npos ? unit : unit.substr(0, per);
  std::string tail = per == std::string::npos ? std::string() : unit.substr(per);
  for (const char* p : kPlural) {
    if (head == p && figure != "1") {
      return figure + " " + (head == "foot" ? std::string("feet") : head == "inch" ? std::string("inches") : head + "s") + tail;
    }
  }
  return figure + " " + unit;
}

// Units written before the figure repeat on both ends of a range ("$3–$4"); the others
// are written once after it ("3–4 megabytes per day", "10–20%").
bool PrefixUnit(const std::string& unit) { return unit == "dollar" || unit == "euro" || unit == "pound sterling"; }

}  // namespace

std::string FormatValue(double low, double high, const std::string& unit) {
  bool has_low = !std::isnan(low), has_high = !std::isnan(high);
  if (has_low && has_high) {
    if (low == high) return WithUnit(Figure(low), unit);
    if (!PrefixUnit(unit)) return WithUnit(Figure(low) + "\xE2\x80\x93" + Figure(high), unit);
    return WithUnit(Figure(low), unit) + "\xE2\x80\x93" + WithUnit(Figure(high), unit);
  }
  if (has_low) return "\xE2\x89\xA5 " + WithUnit(Figure(low), unit);
  if (has_high) return "\xE2\x89\xA4 " + WithUnit(Figure(high), unit);
  return "?";
}

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string AsOfLabel(const std::optional<Date>& as_of, const std::optional<Date>& reference) {
  if (as_of) return as_of->ToIso();
  if (reference) return reference->ToIso();
  return "present";
}

SourceNames::SourceNames(const compare::StoryAnalysis& analysis) {
  for (const extract::Entity& e : analysis.entities) {
    by_key_[extract::NameKey(e.name)] = e.name;
    for (const std::string& a : e.aliases) by_key_.emplace(extract::NameKey(a), e.name);
  }
}

std::string SourceNames::Canonical(const std::string& as_written) const {
  if (as_written.empty()) return as_written;
  auto it = by_key_.find(extract::NameKey(as_written));
  return it == by_key_.end() ? as_written : it->second;
}

std::string_view OriginalText(const compare::StoryArticle& a, Span normalized) {
  Span o = a.doc->ToOriginal(normalized);
  return o.Of(a.article->text);
}

void WriteAll(ReportWriter* w, const RunView& run) {
  for (const StoryView& s : run.stories) w->AddStory(s);
  w->Finish(run);
}

std::unique_ptr<ReportWriter> MakeWriter(Format format, std::ostream& out) {
  switch (format) {
    case Format::kJson: return MakeJsonWriter(out);
    case Format::kMarkdown: return MakeMarkdownWriter(out);
    case Format::kHtml: return MakeHtmlWriter(out);
  }
  return nullptr;
}

}  // namespace corroborate::report
