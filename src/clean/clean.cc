#include "corroborate/clean/clean.h"

#include <xxhash.h>

#include <algorithm>
#include <unordered_set>

#include "clean/patterns.h"
#include "corroborate/base/data.h"
#include "corroborate/base/strings.h"
#include "corroborate/text/tokenize.h"

namespace corroborate::clean {
namespace {

// Lower-cased word tokens (letters and digits only).
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  for (const text::Token& t : text::Tokenize(s)) {
    if (t.kind == text::TokenKind::kWord || t.kind == text::TokenKind::kNumber) {
      out.push_back(text::Lower(t.Of(s)));
    }
  }
  return out;
}

std::unordered_set<uint64_t> Bigrams(const std::vector<std::string>& words) {
  std::unordered_set<uint64_t> out;
  if (words.size() == 1) out.insert(XXH3_64bits(words[0].data(), words[0].size()));
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    std::string pair = words[i] + ' ' + words[i + 1];
    out.insert(XXH3_64bits(pair.data(), pair.size()));
  }
  return out;
}

double Jaccard(const std::unordered_set<uint64_t>& a, const std::unordered_set<uint64_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  const auto& small = a.size() < b.size() ? a : b;
  const auto& large = a.size() < b.size() ? b : a;
  size_t inter = 0;
  for (uint64_t x : small) inter += large.count(x);
  return static_cast<double>(inter) / static_cast<double>(a.size() + b.size() - inter);
}

bool EndsSentence(std::string_view s) {
  s = Trim(s);
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')')) s.remove_suffix(1);
  if (s.empty()) return false;
  char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

// Share of capitalised words among words longer than three letters (so "of", "the" and
// "and" do not count against title case).
double CapitalShare(std::string_view s) {
  size_t words = 0, caps = 0;
  for (const text::Token& t : text::Tokenize(s)) {
    if (t.kind != text::TokenKind::kWord || t.size() <= 3) continue;
    ++words;
    if (t.is(text::kCapitalized)) ++caps;
  }
  return words ? static_cast<double>(caps) / static_cast<double>(words) : 0.0;
}

bool StartsWithBullet(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return false;
  if (s[0] == '-' || s[0] == '*' || StartsWith(s, "\xE2\x80\xA2") || StartsWith(s, "\xC2\xB7")) {
    return s.size() > 1 && s[1] == ' ';
  }
  // "1) ..." or "2. ..." numbered items
  size_t i = 0;
  while (i < s.size() && i < 3 && IsAsciiDigit(s[i])) ++i;
  return i > 0 && i + 1 < s.size() && (s[i] == ')' || s[i] == '.') && s[i + 1] == ' ';
}

bool MostlySymbols(std::string_view s) {
  size_t letters = 0, total = 0;
  for (char c : s) {
    if (IsAsciiSpace(c)) continue;
    ++total;
    if (IsAsciiAlnum(c) || static_cast<unsigned char>(c) >= 0x80) ++letters;
  }
  return total > 0 && letters * 4 < total;
}

bool Overlaps(const std::optional<Span>& a, Span b) { return a && a->Overlaps(b); }

}  // namespace

const char* RemovalName(Removal r) {
  switch (r) {
    case Removal::kNone: return "kept";
    case Removal::kDuplicate: return "duplicate";
    case Removal::kBoilerplate: return "boilerplate";
    case Removal::kCaption: return "caption";
  }
  return "kept";
}

const char* RoleName(Role r) {
  switch (r) {
    case Role::kBody: return "body";
    case Role::kTitle: return "title";
    case Role::kDateline: return "dateline";
    case Role::kUrl: return "url";
    case Role::kHeading: return "heading";
    case Role::kListItem: return "list_item";
  }
  return "body";
}

bool IsBoilerplate(std::string_view text) {
  text = Trim(text);
  return Patterns::Get().boilerplate_set->Match(re2::StringPiece(text.data(), text.size()), nullptr);
}

bool IsFurnitureSentence(std::string_view sentence) {
  // A menu: capitalised words with hardly a lower-case word between them ("The others were
  // Agriculture Secretary Ann Veneman, Education Secretary Rod Paige" has three). Counted
  // in place: this runs on every sentence of every story.
  size_t words = 0, capitalised = 0, lower_words = 0;
  for (size_t i = 0; i < sentence.size();) {
    while (i < sentence.size() && IsAsciiSpace(sentence[i])) ++i;
    size_t b = i;
    while (i < sentence.size() && !IsAsciiSpace(sentence[i])) ++i;
    if (b == i || !IsAsciiAlpha(sentence[b])) continue;
    ++words;
    if (IsAsciiUpper(sentence[b])) ++capitalised;
    else if (i - b >= 2) ++lower_words;
  }
  if (words >= 6 && capitalised * 5 >= words * 4 && lower_words <= 1) return true;
  static const std::vector<std::string>* prompts = [] {
    auto* v = new std::vector<std::string>();
    for (std::string_view line : data::Lines("clean/reader_prompts.txt")) v->push_back(AsciiLowerCopy(line));
    return v;
  }();
  auto same = [](char a, char b) { return AsciiLower(a) == b; };
  for (const std::string& p : *prompts) {
    if (std::search(sentence.begin(), sentence.end(), p.begin(), p.end(), same) != sentence.end()) return true;
  }
  return IsBoilerplate(sentence);
}

uint64_t Fingerprint(std::string_view paragraph) {
  std::string key;
  for (const std::string& w : Words(paragraph)) {
    key += w;
    key += ' ';
  }
  return XXH3_64bits(key.data(), key.size());
}

void RepeatedLines::Add(const text::Document& doc) {
  std::unordered_set<uint64_t> seen;  // count each line once per article
  for (const text::Paragraph& p : doc.seg.paragraphs) {
    std::string_view s = p.span.Of(doc.text());
    if (SplitWhitespace(s).size() > max_words_) continue;
    uint64_t fp = Fingerprint(s);
    if (seen.insert(fp).second) ++counts_[fp];
  }
}

uint32_t RepeatedLines::Count(std::string_view paragraph) const {
  auto it = counts_.find(Fingerprint(paragraph));
  return it == counts_.end() ? 0 : it->second;
}

int CaptionScore(std::string_view paragraph, bool repeated, std::vector<std::string>* cues) {
  std::string_view s = Trim(paragraph);
  // One strong cue is enough; a second, different one is independent evidence ("Photo:
  // ... in an image provided by Reuters."); weak cues (a time phrase at the end) add their
  // weight.
  int strong = 0, weak = 0, strong_cues = 0;
  re2::StringPiece sp(s.data(), s.size());
  for (const NamedPattern& p : Patterns::Get().caption) {
    if (RE2::PartialMatch(sp, *p.re)) {
      if (p.weight >= 3) {
        strong = std::max(strong, p.weight);
        ++strong_cues;
      } else {
        weak += p.weight;
      }
      if (cues) cues->push_back(p.name);
    }
  }
  int score = strong + weak + (strong_cues >= 2 ? 2 : 0);
  std::string_view last = s;
  while (!last.empty() && (last.back() == ' ')) last.remove_suffix(1);
  bool full_stop = !last.empty() && last.back() == '.';
  if (!EndsSentence(s)) {
    score += 1;
  } else if (full_stop) {
    score -= 2;
  }
  size_t words = SplitWhitespace(s).size();
  if (words >= 8) score += 1;
  if (words <= 5) score -= 2;
  if (repeated) score += 2;
  double caps = CapitalShare(s);
  if (caps < 0.6) score += 1;
  if (caps >= 0.8 && words <= 14) score -= 1;
  if (!s.empty() && (s[0] == '"' || s[0] == '\'' || StartsWithBullet(s))) score -= 3;
  return score;
}

std::vector<Block> Clean(const ingest::Article& article, const text::Document& doc,
                         const CleanOptions& options, const RepeatedLines* repeated) {
  const Patterns& patterns = Patterns::Get();
  std::string_view text = doc.text();
  const auto& paras = doc.seg.paragraphs;
  std::vector<Block> blocks(paras.size());

  // Exact repeats within the article.
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_fp;
  std::vector<uint64_t> fps(paras.size());
  for (uint32_t i = 0; i < paras.size(); ++i) {
    fps[i] = Fingerprint(paras[i].span.Of(text));
    by_fp[fps[i]].push_back(i);
  }

  for (uint32_t i = 0; i < paras.size(); ++i) {
    Block& b = blocks[i];
    b.paragraph = i;
    b.span = paras[i].span;
    std::string_view s = b.span.Of(text);
    Span orig = doc.ToOriginal(b.span);
    if (Overlaps(article.title_span, orig)) {
      b.role = Role::kTitle;
      continue;
    }
    if (Overlaps(article.dateline_span, orig)) {
      b.role = Role::kDateline;
      continue;
    }
    if (Overlaps(article.url_span, orig)) {
      b.role = Role::kUrl;
      continue;
    }
    size_t words = SplitWhitespace(s).size();
    bool ends = EndsSentence(s);
    if (StartsWithBullet(s)) {
      b.role = Role::kListItem;
    } else if (!ends && words <= 14 && CapitalShare(s) >= 0.6) {
      b.role = Role::kHeading;
    }

    // Boilerplate: patterns on short paragraphs, symbol-only lines, cross-article repeats.
    if (words <= 40) {
      re2::StringPiece sp(s.data(), s.size());
      for (const NamedPattern& p : patterns.boilerplate) {
        if (RE2::FullMatch(sp, *p.re)) {
          b.removal = Removal::kBoilerplate;
          b.detail = "pattern " + p.name;
          break;
        }
      }
    }
    if (b.kept() && MostlySymbols(s)) {
      b.removal = Removal::kBoilerplate;
      b.detail = "no words";
    }
    bool repeated_here = by_fp[fps[i]].size() > 1;
    if (b.kept() && paras[i].sentence_count == 1 && words >= 3) {
      std::vector<std::string> cues;
      int score = CaptionScore(s, repeated_here, &cues);
      if (score >= options.caption_threshold) {
        b.removal = Removal::kCaption;
        b.detail = "caption score " + std::to_string(score);
        if (!cues.empty()) b.detail += " (" + Join(cues, ", ") + ")";
      }
    }
    if (b.kept() && repeated && options.repeated_line_min_articles > 0 && !ends &&
        words <= options.repeated_line_max_words) {
      uint32_t n = repeated->Count(s);
      if (n >= options.repeated_line_min_articles) {
        b.removal = Removal::kBoilerplate;
        b.detail = "line repeated in " + std::to_string(n) + " articles";
      }
    }
  }

  // Duplicates: a later paragraph equal or nearly equal to an earlier kept one. Captions
  // and boilerplate keep their own reason.
  std::vector<std::unordered_set<uint64_t>> grams;
  bool near = paras.size() <= options.near_duplicate_max_paragraphs;
  std::vector<size_t> word_counts(paras.size());
  if (near) grams.resize(paras.size());
  for (uint32_t i = 0; i < paras.size(); ++i) {
    std::vector<std::string> w = Words(paras[i].span.Of(text));
    word_counts[i] = w.size();
    if (near) grams[i] = Bigrams(w);
  }
  for (uint32_t i = 0; i < paras.size(); ++i) {
    Block& b = blocks[i];
    if (!b.kept() || b.role == Role::kTitle || IsMetadataLine(b.role)) continue;
    if (word_counts[i] < options.duplicate_min_words) continue;
    for (uint32_t j = 0; j < i; ++j) {
      const Block& earlier = blocks[j];
      if (earlier.removal == Removal::kDuplicate || word_counts[j] < options.duplicate_min_words) {
        continue;
      }
      bool dup = fps[j] == fps[i];
      double sim = 1.0;
      if (!dup && near) {
        size_t a = word_counts[i], c = word_counts[j];
        if (std::min(a, c) * 10 < std::max(a, c) * 7) continue;  // lengths too different
        sim = Jaccard(grams[i], grams[j]);
        dup = sim >= options.near_duplicate_jaccard;
      }
      if (dup) {
        b.removal = Removal::kDuplicate;
        b.detail = "repeats paragraph " + std::to_string(j + 1);
        if (sim < 1.0) b.detail += " (similarity " + FormatNumber(static_cast<int>(sim * 100) / 100.0) + ")";
        break;
      }
    }
  }
  return blocks;
}

}  // namespace corroborate::clean
