#include "corroborate/text/segment.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "corroborate/base/data.h"
#include "corroborate/base/strings.h"

namespace corroborate::text {
namespace {

enum class AbbrevRule { kAlways, kNumber, kName, kLower };

struct AbbrevTables {
  std::unordered_map<std::string, AbbrevRule> rules;
  std::unordered_set<std::string> starters;

  AbbrevTables() {
    for (const auto& row : data::Table("text/abbreviations.tsv")) {
      if (row.fields.size() < 2) continue;
      std::string_view r = row.fields[1];
      AbbrevRule rule = r == "always" ? AbbrevRule::kAlways
                        : r == "number" ? AbbrevRule::kNumber
                        : r == "name"   ? AbbrevRule::kName
                                        : AbbrevRule::kLower;
      rules.emplace(std::string(row.fields[0]), rule);
    }
    for (std::string_view w : data::Lines("text/sentence_starters.txt")) starters.emplace(w);
  }
};

const AbbrevTables& Tables() {
  static const AbbrevTables* tables = new AbbrevTables();
  return *tables;
}

// One break iterator per thread: ICU iterators are not thread-safe, cloning is cheap.
icu::BreakIterator* ThreadIterator() {
  static const icu::BreakIterator* prototype = [] {
    UErrorCode err = U_ZERO_ERROR;
    icu::BreakIterator* bi = icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), err);
    return U_FAILURE(err) ? nullptr : bi;
  }();
  thread_local std::unique_ptr<icu::BreakIterator> iter(prototype ? prototype->clone() : nullptr);
  return iter.get();
}

Span TrimSpan(std::string_view text, Span s) {
  while (s.begin < s.end && IsAsciiSpace(text[s.begin])) ++s.begin;
  while (s.end > s.begin && IsAsciiSpace(text[s.end - 1])) --s.end;
  return s;
}

// The whitespace-delimited word that ends at `end` (after trimming closing quotes is not
// wanted here: "Mr." never carries a quote).
std::string_view LastWord(std::string_view text, Span s) {
  uint32_t b = s.end;
  while (b > s.begin && !IsAsciiSpace(text[b - 1]) && text[b - 1] != '(' && text[b - 1] != '"') --b;
  return text.substr(b, s.end - b);
}

std::string_view FirstWord(std::string_view text, Span s) {
  uint32_t e = s.begin;
  while (e < s.end && !IsAsciiSpace(text[e])) ++e;
  std::string_view w = text.substr(s.begin, e - s.begin);
  while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ':' || w.back() == ';')) {
    w.remove_suffix(1);
  }
  return w;
}

// True when the break between `prev` and `next` is a false break after an abbreviation or
// initial.
bool ShouldJoin(std::string_view text, Span prev, Span next) {
  std::string_view last = LastWord(text, prev);
  // A break inside a web address ("https://x.com/search?q=30"): no space at the break.
  if (next.begin == prev.end && (last.find("://") != std::string_view::npos || last.rfind("www.", 0) == 0)) {
    return true;
  }
  if (last.empty() || last.back() != '.') return false;
  std::string_view first = FirstWord(text, next);
  if (first.empty()) return false;
  unsigned char f = static_cast<unsigned char>(first[0]);
  if (IsAsciiLower(static_cast<char>(f))) return true;  // "... approx. two ..." style
  const AbbrevTables& t = Tables();
  auto it = t.rules.find(std::string(last));
  bool next_digit = IsAsciiDigit(static_cast<char>(f));
  bool next_starter = t.starters.count(std::string(first)) > 0;
  if (it != t.rules.end()) {
    switch (it->second) {
      case AbbrevRule::kAlways: return true;
      case AbbrevRule::kNumber: return next_digit;
      // "Kmart Holding Corp. (KMRT.O) said": a bracket after a company's abbreviation goes on.
      case AbbrevRule::kName:
        return !next_starter && (next_digit || IsAsciiUpper(static_cast<char>(f)) || f == '(');
      case AbbrevRule::kLower: return false;
    }
  }
  // A single capital initial: "Donald J. Trump", "J. K. Rowling".
  if (last.size() == 2 && IsAsciiUpper(last[0]) && IsAsciiUpper(static_cast<char>(f)) &&
      !next_starter) {
    return true;
  }
  return false;
}

void CutLongSentence(std::string_view text, Span s, size_t max_bytes, std::vector<Span>* out) {
  while (s.size() > max_bytes) {
    uint32_t cut = s.begin + static_cast<uint32_t>(max_bytes);
    // Stay on a code point boundary and prefer the last space before the limit.
    uint32_t space = cut;
    while (space > s.begin + max_bytes / 2 && !IsAsciiSpace(text[space])) --space;
    if (IsAsciiSpace(text[space])) {
      cut = space;
    } else {
      while (cut > s.begin && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    Span head = TrimSpan(text, Span{s.begin, cut});
    if (!head.empty()) out->push_back(head);
    s = TrimSpan(text, Span{cut, s.end});
  }
  if (!s.empty()) out->push_back(s);
}

}  // namespace

std::vector<Span> SplitParagraphs(std::string_view text) {
  // Collect lines.
  std::vector<Span> lines;
  uint32_t start = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      lines.push_back(Span{start, i});
      start = i + 1;
    }
  }
  // Hard-wrapped text: blocks separated by blank lines whose inner lines are long and do
  // not end a sentence. Decide once for the whole text.
  size_t inner_lines = 0, wrapped_inner = 0;
  bool has_blank = false;
  for (size_t k = 0; k + 1 < lines.size(); ++k) {
    Span a = TrimSpan(text, lines[k]);
    Span b = TrimSpan(text, lines[k + 1]);
    if (a.empty()) {
      has_blank = true;
      continue;
    }
    if (b.empty()) continue;
    ++inner_lines;
    char last = text[a.end - 1];
    bool ends_sentence = last == '.' || last == '!' || last == '?' || last == '"' || last == ':';
    if (a.size() >= 40 && a.size() <= 100 && !ends_sentence) ++wrapped_inner;
  }
  bool wrapped = has_blank && inner_lines >= 2 && wrapped_inner * 2 >= inner_lines;

  std::vector<Span> out;
  if (!wrapped) {
    for (Span l : lines) {
      Span t = TrimSpan(text, l);
      if (!t.empty()) out.push_back(t);
    }
    return out;
  }
  Span cur{0, 0};
  bool open = false;
  for (Span l : lines) {
    Span t = TrimSpan(text, l);
    if (t.empty()) {
      if (open) out.push_back(cur);
      open = false;
      continue;
    }
    if (!open) {
      cur = t;
      open = true;
    } else {
      cur.end = t.end;
    }
  }
  if (open) out.push_back(cur);
  return out;
}

std::vector<Span> SplitSentences(std::string_view text, Span range, const SegmentOptions& options) {
  std::vector<Span> raw;
  icu::BreakIterator* bi = ThreadIterator();
  std::string_view part = range.Of(text);
  if (bi == nullptr) {
    raw.push_back(range);
  } else {
    UErrorCode err = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, part.data(), static_cast<int64_t>(part.size()), &err);
    if (U_FAILURE(err)) {
      raw.push_back(range);
    } else {
      bi->setText(ut, err);
      int32_t prev = bi->first();
      for (int32_t pos = bi->next(); pos != icu::BreakIterator::DONE; pos = bi->next()) {
        raw.push_back(Span{range.begin + static_cast<uint32_t>(prev),
                           range.begin + static_cast<uint32_t>(pos)});
        prev = pos;
      }
      // Detach the iterator from the UText before closing it.
      bi->setText(icu::UnicodeString());
      utext_close(ut);
    }
  }
  std::vector<Span> joined;
  for (Span s : raw) {
    Span t = TrimSpan(text, s);
    if (t.empty()) continue;
    if (!joined.empty() && ShouldJoin(text, joined.back(), t)) {
      joined.back().end = t.end;
    } else {
      joined.push_back(t);
    }
  }
  std::vector<Span> out;
  out.reserve(joined.size());
  for (Span s : joined) CutLongSentence(text, s, options.max_sentence_bytes, &out);
  return out;
}

Segmentation Segment(std::string_view text, const SegmentOptions& options) {
  Segmentation seg;
  for (Span p : SplitParagraphs(text)) {
    Paragraph para;
    para.span = p;
    para.first_sentence = static_cast<uint32_t>(seg.sentences.size());
    for (Span s : SplitSentences(text, p, options)) {
      seg.sentences.push_back(s);
      seg.sentence_paragraph.push_back(static_cast<uint32_t>(seg.paragraphs.size()));
    }
    para.sentence_count = static_cast<uint32_t>(seg.sentences.size()) - para.first_sentence;
    seg.paragraphs.push_back(para);
  }
  return seg;
}

}  // namespace corroborate::text
