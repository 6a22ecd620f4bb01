// make_corpus: a stream of N news articles with known ground truth, for the clustering,
// near-duplicate and scale benchmarks.
//
//   build/bench/make_corpus --articles N --out corpus.jsonl|corpus.warc.gz
//                           [--truth truth.jsonl] [--seed S] [--story-size K]
//
// Pool: the Wikinews clusters' source articles and the ECB+ stories (../shared/data/),
// grouped into pool stories; without ../shared, the bundled example story. Texts under 400
// bytes are left out, and so are Wikinews sources that do not report their cluster's event
// (error pages, site indexes, background pages: see ReportsOfTheEvent). A generated story
// takes a pool story and gives it its own names and figures (every capitalised word of the
// pool story, and a sentence's first word that it uses as a name elsewhere, maps to a
// synthetic name unique in the corpus; every figure is scaled), so two generated stories
// from one pool story are different events of the same kind, as in ECB+, and start at
// least 10 days apart where the pool allows (see PickPoolStory). Its articles, spread over
// a few days from the story's start, are:
//   original   a pool article of the story, renamed
//   rewrite    paragraphs reordered, a third of the sentences dropped (paraphrase level)
//   copy       an earlier article of the story syndicated with light edits (a word or two
//              changed, a line of boilerplate or a caption added): ground-truth duplicate
// Boilerplate ("Advertisement", share prompts) and photo captions are mixed into all
// articles, and a figure is changed in some. One article in 20 also gets a paragraph
// pasted from a recent article of another story by another outlet (truth: pasted_from).
// Stories start at random times over the corpus's span and the stream is written in
// publication order, so stories interleave. Truth lines: {"id", "story", "duplicate_of",
// "kind", "pool", "pool_set", "pasted_from"}. Deterministic for a seed.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "corroborate/base/date.h"
#include "corroborate/base/strings.h"
#include "corroborate/cluster/minhash.h"
#include "corroborate/compare/features.h"
#include "corroborate/ingest/warc.h"
#include "story_generator.h"

namespace corroborate::bench {
namespace {

using Json = nlohmann::json;

struct PoolStory {
  std::vector<std::string> texts;
  std::string set;  // where its texts come from: "wikinews", "ecbplus" or "example"
};

// Wiki markup reduced to its text: "{{w|Target|label}}" and "[[Target|label]]" keep the
// label, other "{{...}}" templates go.
std::string WikiText(const std::string& wiki) {
  std::string out;
  for (size_t i = 0; i < wiki.size();) {
    bool braces = wiki.compare(i, 2, "{{") == 0, brackets = wiki.compare(i, 2, "[[") == 0;
    if (!braces && !brackets) {
      out += wiki[i++];
      continue;
    }
    size_t end = wiki.find(braces ? "}}" : "]]", i + 2);
    if (end == std::string::npos) {  // unclosed (the data cuts some templates short): text
      out.append(wiki, i, std::string::npos);
      break;
    }
    std::string inner = wiki.substr(i + 2, end - i - 2);
    if (brackets || inner.rfind("w|", 0) == 0) out += inner.substr(inner.rfind('|') + 1);
    i = end + 2;
  }
  return out;
}

// Lower-cased content words (three letters or more, no function words) and their counts.
std::map<std::string, double> ContentWords(const std::string& text) {
  std::map<std::string, double> bag;
  for (size_t i = 0; i < text.size();) {
    if (!IsAsciiAlpha(text[i])) {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < text.size() && IsAsciiAlpha(text[e])) ++e;
    std::string w = AsciiLowerCopy(text.substr(i, e - i));
    if (w.size() > 2 && !compare::IsStopword(w)) bag[w] += 1;
    i = e;
  }
  return bag;
}

double Cosine(const std::map<std::string, double>& a, const std::map<std::string, double>& b) {
  double dot = 0, na = 0, nb = 0;
  for (const auto& [w, x] : a) {
    na += x * x;
    if (auto it = b.find(w); it != b.end()) dot += x * it->second;
  }
  for (const auto& [w, y] : b) nb += y * y;
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0.0;
}

// Shorter pool texts (teasers, one-line items) go: with so few words, two stories' renamed
// versions of one are still near-copies of each other, which truth would call two events.
constexpr size_t kMinPoolText = 400;

// A Wikinews cluster's sources are the pages its report cited, as scraped: besides the
// reports of the event they hold error pages, site indexes, blog archives and background
// pages on something else, which no truth can put in the event's story (see HACKING.md,
// "Generated corpora"). A source stays when its content words reach kReportsTheEvent
// cosine with the Wikinews report's (title and text) and it is linked to the source that
// matches the report best through sources that each reach kSameStory with the next: a
// story's articles must be recognisably one story, even to a reader.
constexpr double kReportsTheEvent = 0.1;
constexpr double kSameStory = 0.2;

std::vector<std::string> ReportsOfTheEvent(const Json& cluster, size_t* off_topic) {
  std::string report = cluster.value("title", "") + "\n";
  for (const auto& p : cluster["wikinews_text"]) {
    if (p.is_string()) report += WikiText(p.get<std::string>()) + "\n";
  }
  const auto report_words = ContentWords(report);
  std::vector<std::string> texts;
  std::vector<std::map<std::string, double>> words;
  size_t best = 0;
  double best_score = -1;
  for (const auto& a : cluster["articles"]) {
    std::string t = a.value("text", "");
    if (t.size() < kMinPoolText) continue;
    auto w = ContentWords(t);
    double score = Cosine(w, report_words);
    if (score < kReportsTheEvent) {
      ++*off_topic;
      continue;
    }
    if (score > best_score) best = texts.size(), best_score = score;
    texts.push_back(std::move(t));
    words.push_back(std::move(w));
  }
  std::vector<bool> kept(texts.size(), false);
  std::vector<size_t> frontier;
  if (!texts.empty()) kept[best] = true, frontier.push_back(best);
  while (!frontier.empty()) {
    size_t k = frontier.back();
    frontier.pop_back();
    for (size_t o = 0; o < texts.size(); ++o) {
      if (!kept[o] && Cosine(words[k], words[o]) >= kSameStory) kept[o] = true, frontier.push_back(o);
    }
  }
  std::vector<std::string> out;
  for (size_t k = 0; k < texts.size(); ++k) {
    if (kept[k]) out.push_back(std::move(texts[k]));
    else ++*off_topic;
  }
  return out;
}

std::vector<PoolStory> LoadPool(size_t* off_topic) {
  std::vector<PoolStory> pool;
  std::string shared = CORROBORATE_SHARED_DIR;
  std::ifstream wn(shared + "/data/wikinews/wikinews_clusters_dev.jsonl");
  std::string line;
  while (wn && std::getline(wn, line)) {
    Json j = Json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    PoolStory s;
    s.set = "wikinews";
    s.texts = ReportsOfTheEvent(j, off_topic);
    if (!s.texts.empty()) pool.push_back(std::move(s));
  }
  std::ifstream ecb(shared + "/data/ecbplus/ecbplus_topics_1-35.jsonl");
  std::map<std::string, PoolStory> by_story;
  while (ecb && std::getline(ecb, line)) {
    Json j = Json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    std::string t = j.value("text", "");
    if (t.size() >= kMinPoolText) by_story[j.value("story", "")].texts.push_back(std::move(t));
  }
  for (auto& [id, s] : by_story) {
    s.set = "ecbplus";
    pool.push_back(std::move(s));
  }
  if (pool.empty()) {
    PoolStory s;
    s.set = "example";
    for (const auto& a : LoadArticles(std::string(CORROBORATE_SOURCE_DIR) + "/examples/harbour-fire")) {
      s.texts.push_back(a.text);
    }
    pool.push_back(std::move(s));
  }
  return pool;
}

const char* kSyllables[] = {"ka", "lo", "ven", "mar", "ri", "sa", "to", "bel", "dor", "an", "ix", "mu",
                            "ta", "gor", "el", "qui", "ne", "pa", "rus", "il", "ost", "var", "den", "ly"};

// A name no other story of the corpus uses: two generated stories share no name by
// chance, so stories made from one pool story are told apart by their names alone.
std::string SyntheticName(std::mt19937* rng) {
  static std::set<std::string> used;
  for (int parts = 2;; ++parts) {
    for (int attempt = 0; attempt < 8; ++attempt) {
      std::string n;
      int len = parts + static_cast<int>((*rng)() % 2);
      for (int k = 0; k < len; ++k) n += kSyllables[(*rng)() % std::size(kSyllables)];
      n[0] = static_cast<char>(n[0] - 32);
      if (used.insert(n).second) return n;
    }
  }
}

// The pool story's names: capitalised words (longer than two letters) seen inside a
// sentence in any of its texts, except function words ("The Greatest Showman").
std::set<std::string> NamesIn(const std::vector<std::string>& texts) {
  std::set<std::string> out;
  for (const std::string& text : texts) {
    bool sentence_start = true;
    for (size_t i = 0; i < text.size();) {
      char c = text[i];
      if (IsAsciiAlpha(c)) {
        size_t e = i;
        while (e < text.size() && IsAsciiAlpha(text[e])) ++e;
        std::string w = text.substr(i, e - i);
        if (IsAsciiUpper(c) && !sentence_start && w.size() > 2 && !compare::IsStopword(AsciiLowerCopy(w))) {
          out.insert(w);
        }
        sentence_start = false;
        i = e;
        continue;
      }
      if (c == '.' || c == '!' || c == '?' || c == '\n') sentence_start = true;
      else if (!IsAsciiSpace(c) && c != '"' && c != '\'') sentence_start = false;
      ++i;
    }
  }
  return out;
}

// Rewrites capitalised words through the story's name map and scales figures. A word
// opening a sentence is renamed when the story uses it as a name elsewhere (`known`):
// "Bratton said" as well as "chief Bratton".
std::string Rename(const std::string& text, const std::set<std::string>& known,
                   std::map<std::string, std::string>* names, double scale, std::mt19937* rng) {
  std::string out;
  out.reserve(text.size() + 64);
  size_t i = 0;
  bool sentence_start = true;
  while (i < text.size()) {
    char c = text[i];
    if (IsAsciiUpper(c)) {
      size_t e = i;
      while (e < text.size() && IsAsciiAlpha(text[e])) ++e;
      std::string w = text.substr(i, e - i);
      if ((!sentence_start && w.size() > 2) || known.count(w)) {
        auto it = names->find(w);
        if (it == names->end()) it = names->emplace(w, SyntheticName(rng)).first;
        out += it->second;
      } else {
        out += w;
      }
      i = e;
      sentence_start = false;
      continue;
    }
    if (IsAsciiDigit(c)) {
      size_t e = i;
      while (e < text.size() && (IsAsciiDigit(text[e]) || text[e] == ',')) ++e;
      std::string digits;
      for (size_t k = i; k < e; ++k) {
        if (IsAsciiDigit(text[k])) digits += text[k];
      }
      long long v = std::atoll(digits.c_str());
      bool year = digits.size() == 4 && v >= 1900 && v <= 2100;
      out += year || digits.size() > 12 ? text.substr(i, e - i) : std::to_string(static_cast<long long>(v * scale + 0.5));
      i = e;
      sentence_start = false;
      continue;
    }
    if (c == '.' || c == '!' || c == '?' || c == '\n') sentence_start = true;
    else if (!IsAsciiSpace(c) && c != '"' && c != '\'') sentence_start = false;
    out += c;
    ++i;
  }
  return out;
}

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  for (std::string_view p : Split(text, '\n')) {
    if (!Trim(p).empty()) out.emplace_back(Trim(p));
  }
  return out;
}

std::string Join(const std::vector<std::string>& paras) {
  std::string t;
  for (const auto& p : paras) t += p + "\n\n";
  return t;
}

const char* kFurniture[] = {"Advertisement", "Share this article", "Sign up for our daily newsletter",
                            "Read more: Local news roundup", "Featured image", "Follow us on Twitter"};

std::string Caption(std::mt19937* rng, const std::map<std::string, std::string>& names) {
  std::string who = names.empty() ? "the scene" : std::next(names.begin(), (*rng)() % names.size())->second;
  return "Photo: " + who + " in an image provided by Reuters.";
}

// An article as the engine reads it, near enough: its paragraphs without the furniture
// and captions Furnish adds, which the cleaner removes before near-duplicate detection.
std::string WithoutFurniture(const std::string& text) {
  std::vector<std::string> kept;
  for (std::string& p : Paragraphs(text)) {
    bool caption = p.rfind("Photo: ", 0) == 0 && p.find("provided by Reuters.") != std::string::npos;
    if (!caption && std::find(std::begin(kFurniture), std::end(kFurniture), p) == std::end(kFurniture)) {
      kept.push_back(std::move(p));
    }
  }
  return Join(kept);
}

std::string Furnish(std::vector<std::string> paras, std::mt19937* rng, const std::map<std::string, std::string>& names) {
  std::vector<std::string> out;
  for (size_t k = 0; k < paras.size(); ++k) {
    out.push_back(paras[k]);
    if ((*rng)() % 7 == 0) out.push_back(kFurniture[(*rng)() % std::size(kFurniture)]);
    if (k == 0 && (*rng)() % 3 == 0) out.push_back(Caption(rng, names));
  }
  return Join(out);
}

// A figure changed: the first digit 1-8 of a random paragraph goes up by one.
void ChangeFigure(std::vector<std::string>* paras, std::mt19937* rng) {
  if (paras->empty()) return;
  std::string& p = (*paras)[(*rng)() % paras->size()];
  for (char& c : p) {
    if (c >= '1' && c <= '8') {
      ++c;
      return;
    }
  }
}

// Two stories made from one pool story are two events of one kind told in the same
// words, apart from names and figures; in the news (and in ECB+) such events are months
// or years apart, and while both run a near-duplicate detector rightly calls their
// name-poor articles copies. So a story takes, of a few random pool stories, one no other
// story used within kApartMinutes of its start (its days of articles and a clusterer's
// window), or else the one whose nearest use is farthest.
constexpr int64_t kApartMinutes = 60 * 24 * 10;

size_t PickPoolStory(const std::vector<std::multiset<int64_t>>& pool_starts, int64_t start, std::mt19937* rng) {
  size_t best = 0;
  int64_t best_gap = -1;
  for (int attempt = 0; attempt < 8; ++attempt) {
    size_t candidate = (*rng)() % pool_starts.size();
    int64_t gap = INT64_MAX;
    const std::multiset<int64_t>& starts = pool_starts[candidate];
    auto after = starts.lower_bound(start);  // the nearest uses, after and before
    if (after != starts.end()) gap = *after - start;
    if (after != starts.begin()) gap = std::min(gap, start - *std::prev(after));
    if (gap > best_gap) best = candidate, best_gap = gap;
    if (gap >= kApartMinutes) break;
  }
  return best;
}

struct Generated {
  std::string id, story, text, kind;
  size_t pool = 0;  // the pool story it was made from (stories from one pool story share text)
  int64_t duplicate_of = -1;  // index into the output
  int64_t minute = 0;          // publication time, minutes from the corpus start
  int64_t pasted_from = -1;    // index of the article a paragraph was pasted from
};

int Main(int argc, char** argv) {
  size_t n = 1000, story_size = 12;
  uint32_t seed = 1;
  std::string out_path = "corpus.jsonl", truth_path;
  for (int k = 1; k + 1 < argc; k += 2) {
    std::string a = argv[k], v = argv[k + 1];
    if (a == "--articles") n = std::stoul(v);
    else if (a == "--out") out_path = v;
    else if (a == "--truth") truth_path = v;
    else if (a == "--seed") seed = static_cast<uint32_t>(std::stoul(v));
    else if (a == "--story-size") story_size = std::stoul(v);
    else {
      std::fprintf(stderr, "make_corpus: unknown option %s\n", a.c_str());
      return 64;
    }
  }
  size_t off_topic = 0;
  std::vector<PoolStory> pool = LoadPool(&off_topic);
  if (off_topic) {
    std::fprintf(stderr, "make_corpus: %zu Wikinews sources left out of the pool: they do not report their cluster's event\n",
                 off_topic);
  }
  std::mt19937 rng(seed);
  // Names come from their own random stream, so the corpus's stories, copies and times
  // do not depend on how many names the pool texts hold.
  std::mt19937 name_rng(seed * 104729u + 3u);
  const int64_t span_minutes = std::max<int64_t>(60 * 24 * 30, static_cast<int64_t>(n) * 4);  // >= 30 days
  std::vector<Generated> all;
  all.reserve(n);
  size_t story_no = 0;
  // Starts of the stories made from each pool story so far.
  std::vector<std::multiset<int64_t>> pool_starts(pool.size());
  std::vector<std::optional<std::set<std::string>>> pool_names(pool.size());  // NamesIn, once per pool story
  while (all.size() < n) {
    int64_t start = static_cast<int64_t>(rng() % static_cast<uint64_t>(span_minutes));
    const size_t pool_index = PickPoolStory(pool_starts, start, &rng);
    pool_starts[pool_index].insert(start);
    const PoolStory& ps = pool[pool_index];
    std::map<std::string, std::string> names;
    double scale = 0.5 + (rng() % 1000) / 500.0;
    std::string story_id = "g" + std::to_string(++story_no);
    size_t size = 1 + rng() % (2 * story_size);
    size_t first = all.size();
    std::vector<std::string> renamed;
    std::set<size_t> used_texts;
    // Shingle sets of this story's articles so far (aligned with all[first..]), for the
    // label check below; computed once per article.
    std::vector<std::vector<uint32_t>> story_shingles;
    if (!pool_names[pool_index]) pool_names[pool_index] = NamesIn(ps.texts);
    const std::set<std::string>& known = *pool_names[pool_index];
    for (const std::string& t : ps.texts) renamed.push_back(Rename(t, known, &names, scale, &name_rng));
    for (size_t k = 0; k < size && all.size() < n; ++k) {
      Generated g;
      g.story = story_id;
      g.pool = pool_index;
      g.id = story_id + "-" + std::to_string(k + 1);
      g.minute = start + static_cast<int64_t>(rng() % (60 * 24 * 3));
      uint32_t roll = rng() % 10;
      if (k > 0 && roll < 3) {
        // Syndicated copy of an earlier article of this story, lightly edited.
        size_t src = first + rng() % (all.size() - first);
        std::vector<std::string> paras = Paragraphs(all[src].text);
        if (!paras.empty()) {
          std::string& p = paras[rng() % paras.size()];
          size_t sp = p.find(' ', p.size() / 2);
          if (sp != std::string::npos) p.insert(sp, " reportedly");
        }
        g.text = Join(paras) + (rng() % 2 ? std::string(kFurniture[rng() % std::size(kFurniture)]) + "\n" : "");
        g.kind = "copy";
        g.duplicate_of = static_cast<int64_t>(src);
        g.minute = std::max(g.minute, all[src].minute + 1);
      } else {
        size_t pick = rng() % renamed.size();
        std::vector<std::string> paras = Paragraphs(renamed[pick]);
        g.kind = "original";
        // A pool text is published as written once per story; every other use of it is a
        // rewrite (two verbatim uses would be unlabelled duplicates).
        bool used = !used_texts.insert(pick).second;
        if (k > 0 && (roll < 7 || used)) {
          // Paraphrase level: reorder the body's paragraphs, drop a third of the sentences
          // and reorder those left in each paragraph.
          if (paras.size() > 2) std::shuffle(paras.begin() + 1, paras.end(), rng);
          std::vector<std::string> kept;
          for (const std::string& para : paras) {
            std::vector<std::string> sentences;
            size_t b = 0;
            for (size_t e = para.find(". "); e != std::string::npos; e = para.find(". ", b)) {
              sentences.push_back(para.substr(b, e + 1 - b));
              b = e + 2;
            }
            sentences.push_back(para.substr(b));
            std::vector<std::string> left;
            for (const std::string& x : sentences) {
              if (rng() % 3 != 0 || sentences.size() == 1) left.push_back(x);
            }
            if (left.size() > 1) std::shuffle(left.begin(), left.end(), rng);
            std::string p;
            for (const std::string& x : left) p += (p.empty() ? "" : " ") + x;
            if (!p.empty()) kept.push_back(p);
          }
          if (kept.empty() && !paras.empty()) kept.push_back(paras[0]);  // never an empty article
          paras = std::move(kept);
          g.kind = "rewrite";
        }
        if (rng() % 5 == 0) ChangeFigure(&paras, &rng);
        g.text = Furnish(paras, &rng, names);
        // Keep the labels honest: an article that is not labelled a copy must not be a
        // near-copy of an earlier one. Thin it until its shingle Jaccard with every earlier
        // article of the story (furniture aside) is below 0.5; one that stays at 0.8 or
        // more is a copy.
        for (int tries = 0; tries < 4; ++tries) {
          cluster::Fingerprint mine = cluster::MakeFingerprint(WithoutFurniture(g.text));
          double best = 0;
          size_t best_src = 0;
          for (size_t e = first; e < all.size(); ++e) {
            double j = cluster::ExactJaccard(mine.shingles, story_shingles[e - first]);
            if (j > best) {
              best = j;
              best_src = e;
            }
          }
          if (best < 0.5) break;
          if (tries == 3 || paras.size() <= 1) {
            if (best >= 0.8) {
              g.kind = "copy";
              g.duplicate_of = static_cast<int64_t>(best_src);
              g.minute = std::max(g.minute, all[best_src].minute + 1);
            }
            break;
          }
          paras.erase(paras.begin() + static_cast<std::ptrdiff_t>(1 + rng() % (paras.size() - 1)));
          g.text = Furnish(paras, &rng, names);
        }
      }
      story_shingles.push_back(cluster::MakeFingerprint(WithoutFurniture(g.text)).shingles);
      all.push_back(std::move(g));
    }
  }
  // Publication order; copies keep pointing at their sources through the permutation.
  std::vector<size_t> order(all.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return all[a].minute < all[b].minute; });

  // Pastes: one article in 20 (not a copy, and not copied by one) gets a body paragraph
  // of an article of another story by another outlet, published up to two days before,
  // no longer than half its own text.
  // A separate random stream, so the rest of the corpus is the same as without pastes.
  {
    std::mt19937 paste_rng(seed * 7919u + 17u);
    std::vector<bool> copied(all.size(), false);
    for (const Generated& g : all) {
      if (g.duplicate_of >= 0) copied[static_cast<size_t>(g.duplicate_of)] = true;
    }
    for (size_t k = 1; k < order.size(); ++k) {
      Generated& g = all[order[k]];
      if (paste_rng() % 20 != 0 || g.kind == "copy" || copied[order[k]]) continue;
      // A paragraph dropped into a story, not a story wrapped round a paragraph: the
      // article's own words are at least twice the paragraph's.
      const std::string own = WithoutFurniture(g.text);
      const auto own_spaces = std::count(own.begin(), own.end(), ' ');
      for (int tries = 0; tries < 8; ++tries) {
        size_t back = 1 + paste_rng() % std::min<size_t>(k, 400);
        const Generated& src = all[order[k - back]];
        if (src.story == g.story || src.kind == "copy" || g.minute - src.minute > 60 * 24 * 2 ||
            order[k - back] % 40 == order[k] % 40) continue;  // another outlet (see "source" below)
        std::vector<std::string> paras = Paragraphs(src.text);
        std::vector<std::string> long_ones;
        for (const std::string& p : paras) {
          if (std::count(p.begin(), p.end(), ' ') >= 25 && p.find("Photo") == std::string::npos) long_ones.push_back(p);
        }
        if (long_ones.empty()) continue;
        const std::string& pasted = long_ones[paste_rng() % long_ones.size()];
        if (2 * std::count(pasted.begin(), pasted.end(), ' ') > own_spaces) continue;
        std::vector<std::string> mine = Paragraphs(g.text);
        size_t at = mine.empty() ? 0 : 1 + paste_rng() % mine.size();
        mine.insert(mine.begin() + static_cast<std::ptrdiff_t>(std::min(at, mine.size())), pasted);
        g.text = Join(mine);
        g.pasted_from = static_cast<int64_t>(order[k - back]);
        break;
      }
    }
  }

  bool warc = EndsWith(out_path, ".warc.gz") || EndsWith(out_path, ".warc");
  bool gz = EndsWith(out_path, ".gz");
  std::ofstream out(out_path, std::ios::binary);
  std::ofstream truth;
  if (!truth_path.empty()) truth.open(truth_path);
  Date epoch{2025, 1, 1};
  size_t bytes = 0;
  for (size_t k = 0; k < order.size(); ++k) {
    const Generated& g = all[order[k]];
    int64_t day = epoch.FirstDay() + g.minute / (60 * 24);
    int minute_of_day = static_cast<int>(g.minute % (60 * 24));
    char when[32];
    Date d = Date::FromDays(day);
    std::snprintf(when, sizeof when, "%04d-%02d-%02dT%02d:%02d:00Z", d.year, d.month, d.day, minute_of_day / 60,
                  minute_of_day % 60);
    bytes += g.text.size();
    std::string outlet = "outlet" + std::to_string(order[k] % 40);
    if (warc) {
      // The page's outlet is its host, as a crawl's would be; no <title>, as the JSON Lines
      // records have none (an id is not a headline).
      std::string html = std::string("<html><head><meta property=\"article:published_time\" content=\"") + when +
                         "\"></head><body><article>";
      for (const std::string& p : Paragraphs(g.text)) {
        std::string esc;
        for (char c : p) esc += c == '<' ? "&lt;" : c == '&' ? "&amp;" : std::string(1, c);
        html += "<p>" + esc + "</p>";
      }
      html += "</article></body></html>";
      std::string rec = ingest::WarcResponseRecord("https://" + outlet + ".example/" + g.id, when, html, g.id);
      out << (gz ? ingest::GzipMember(rec) : rec);
    } else {
      Json j;
      j["id"] = g.id;
      j["published"] = when;
      j["source"] = outlet;
      j["text"] = g.text;
      out << j.dump() << '\n';
    }
    if (truth) {
      Json t;
      t["id"] = g.id;
      t["story"] = g.story;
      t["kind"] = g.kind;
      t["pool"] = g.pool;
      t["pool_set"] = pool[g.pool].set;
      t["duplicate_of"] = g.duplicate_of >= 0 ? Json(all[static_cast<size_t>(g.duplicate_of)].id) : Json(nullptr);
      t["pasted_from"] = g.pasted_from >= 0 ? Json(all[static_cast<size_t>(g.pasted_from)].id) : Json(nullptr);
      truth << t.dump() << '\n';
    }
  }
  std::fprintf(stderr, "make_corpus: %zu articles, %zu stories, %.1f MB of text -> %s\n", all.size(), story_no,
               static_cast<double>(bytes) / 1e6, out_path.c_str());
  return 0;
}

}  // namespace
}  // namespace corroborate::bench

int main(int argc, char** argv) { return corroborate::bench::Main(argc, argv); }
