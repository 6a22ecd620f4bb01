// Online story clustering; see include/corroborate/cluster/stories.h.
#include "corroborate/cluster/stories.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "corroborate/base/data.h"
#include "corroborate/base/strings.h"
#include "corroborate/text/stem.h"

namespace corroborate::cluster {
namespace {

// (term or story, weight) pairs, heaviest first, ties by id: a deterministic order.
bool HeaviestFirst(const std::pair<uint32_t, double>& a, const std::pair<uint32_t, double>& b) {
  return a.second != b.second ? a.second > b.second : a.first < b.first;
}

const std::unordered_set<std::string>& Stopwords() {
  static const auto* words = [] {
    auto* s = new std::unordered_set<std::string>;
    for (std::string_view w : data::Lines("compare/stopwords.txt")) s->insert(std::string(w));
    for (const char* w : {"said", "says", "say", "told", "would", "could", "also", "one", "two", "new", "year",
                          "years", "last", "first", "time", "people", "including", "according", "news", "reuters",
                          "ap", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
      s->insert(w);
    }
    return s;
  }();
  return *words;
}

struct Token {
  std::string_view raw;
  bool capital = false;
  bool sentence_start = false;
  bool digits = false;
};

std::vector<Token> Tokens(std::string_view text) {
  std::vector<Token> out;
  bool start = true;
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool word = IsAsciiAlnum(static_cast<char>(c)) || c >= 0x80;
    if (!word) {
      if (c == '.' || c == '!' || c == '?' || c == '\n') start = true;
      ++i;
      continue;
    }
    size_t b = i;
    bool digits = true;
    while (i < text.size()) {
      unsigned char d = static_cast<unsigned char>(text[i]);
      if (IsAsciiAlnum(static_cast<char>(d)) || d >= 0x80) {
        digits &= IsAsciiDigit(static_cast<char>(d));
        ++i;
      } else if ((d == '\'' || d == '-' || d == ',' || d == '.') && i + 1 < text.size() &&
                 IsAsciiAlnum(text[i + 1]) && (d != ',' || digits) && (d != '.' || digits)) {
        ++i;  // "don't", "cease-fire", "55,000", "1.2"
      } else {
        break;
      }
    }
    Token t;
    t.raw = text.substr(b, i - b);
    t.capital = IsAsciiUpper(text[b]);
    t.sentence_start = start;
    t.digits = digits;
    out.push_back(t);
    start = false;
  }
  return out;
}

}  // namespace

StoryClusterer::StoryClusterer(const StoryOptions& options) : options_(options) {}

uint32_t StoryClusterer::TermId(const std::string& term) {
  auto [it, inserted] = terms_.emplace(term, static_cast<uint32_t>(terms_.size()));
  if (inserted) {
    df_.push_back(0);
    entity_.push_back(!term.empty() && (term[0] == '!' || term[0] == '@'));
  }
  return it->second;
}

TermCounts StoryClusterer::CountTerms(const StoryDoc& doc) const { return Count(doc, nullptr); }

// Subtracting the pasted paragraphs' terms (counted as in the whole text: the same names,
// the same sentence starts) gives exactly the whole text's counts of the other words, at
// the cost of the paragraphs alone.
TermCounts StoryClusterer::CountTermsWithout(const StoryDoc& doc, const TermCounts& all,
                                             const std::vector<std::pair<size_t, size_t>>& spans) const {
  TermCounts pasted = Count(doc, &spans);
  StringMap<double> minus;
  for (auto& [term, w] : pasted.terms) minus.emplace(std::move(term), w);
  TermCounts out;
  for (const auto& [term, w] : all.terms) {
    auto it = minus.find(term);
    double left = it == minus.end() ? w : w - it->second;
    if (left > 1e-9) out.terms.emplace_back(term, left);
  }
  return out;
}

TermCounts StoryClusterer::Count(const StoryDoc& doc, const std::vector<std::pair<size_t, size_t>>* only) const {
  const auto& stop = Stopwords();
  TermCounts out;
  StringMap<size_t> index;  // term -> position in out.terms (first-occurrence order)
  auto add = [&](std::string term, double w) {
    auto [it, inserted] = index.emplace(term, out.terms.size());
    if (inserted) {
      out.terms.emplace_back(std::move(term), w);
    } else {
      out.terms[it->second].second += w;
    }
  };
  // Words written capitalised inside a sentence are names; the same word at a sentence
  // start ("Rice said...") is then a name too.
  std::unordered_set<std::string> names;
  std::vector<Token> body = Tokens(doc.text);
  for (const Token& t : body) {
    if (t.capital && !t.sentence_start && !t.digits) names.insert(AsciiLowerCopy(t.raw));
  }
  auto scan = [&](std::string_view text, double boost) {
    std::vector<Token> title_tokens;
    if (text.data() != doc.text.data()) title_tokens = Tokens(text);
    const std::vector<Token>& toks = text.data() == doc.text.data() ? body : title_tokens;
    size_t span = 0;  // with `only`: the first span not ended before the token
    for (size_t k = 0; k < toks.size(); ++k) {
      Token t = toks[k];
      if (only) {
        size_t at = static_cast<size_t>(t.raw.data() - doc.text.data());
        while (span < only->size() && (*only)[span].second <= at) ++span;
        if (span == only->size() || at < (*only)[span].first) continue;
      }
      std::string lower = AsciiLowerCopy(t.raw);
      if (t.capital && t.sentence_start && names.count(lower)) t.sentence_start = false;
      if (t.digits) {
        // Years and figures tell events of a kind apart ("the 2004 quake", "7.8").
        if (t.raw.size() >= 2) add("#" + lower, boost);
        continue;
      }
      if (lower.size() < 3 || stop.count(lower)) continue;
      bool name = t.capital && !t.sentence_start;
      // Names are their own terms ("!nichols"): they tell two events of a kind apart.
      if (name) {
        add("!" + lower, boost * options_.name_weight);
      } else {
        add(text::Stem(lower), boost);
      }
      // "Hugo Chavez", "Los Angeles": a pair of capitalised words is one more term.
      if (t.capital && k + 1 < toks.size() && toks[k + 1].capital && !toks[k + 1].sentence_start) {
        add("@" + lower + " " + AsciiLowerCopy(toks[k + 1].raw), boost * options_.name_weight);
      }
    }
  };
  scan(doc.text, 1.0);
  if (!only) scan(doc.title, options_.name_weight);
  return out;
}

std::vector<std::pair<uint32_t, double>> StoryClusterer::Vector(const TermCounts& counts) {
  // Term ids are given in first-occurrence order, as the terms were counted.
  std::unordered_map<uint32_t, double> tf;
  for (const auto& [term, w] : counts.terms) tf[TermId(term)] += w;
  ++docs_;
  for (const auto& [term, f] : tf) ++df_[term];
  return Weigh(tf);
}

std::vector<std::pair<uint32_t, double>> StoryClusterer::Weigh(const std::unordered_map<uint32_t, double>& tf) const {
  std::vector<std::pair<uint32_t, double>> v;
  v.reserve(tf.size());
  for (const auto& [term, f] : tf) {
    double idf = std::log((static_cast<double>(docs_) + 1.0) / (static_cast<double>(df_[term]) + 0.5)) + 1.0;
    v.emplace_back(term, (1.0 + std::log(f)) * idf);
  }
  std::sort(v.begin(), v.end(), HeaviestFirst);
  if (v.size() > options_.terms_per_article) v.resize(options_.terms_per_article);
  double norm = 0;
  for (const auto& [t, w] : v) norm += w * w;
  norm = std::sqrt(norm);
  if (norm > 0) {
    for (auto& [t, w] : v) w /= norm;
  }
  return v;
}

double StoryClusterer::NameNorm(const std::vector<std::pair<uint32_t, double>>& v) const {
  double names = 0;
  for (const auto& [t, w] : v) {
    if (entity_[t]) names += w * w;
  }
  return std::sqrt(names);
}

// Adds weighted terms (an article's vector, or a merged story's centroid) to story `id`'s
// centroid; a term new to it is posted under the story.
template <typename Terms>
void StoryClusterer::AddToCentroid(uint32_t id, const Terms& terms) {
  Story& s = stories_[id];
  for (const auto& [t, w] : terms) {
    auto [it, inserted] = s.centroid.emplace(t, 0.0);
    it->second += w;
    if (inserted) postings_[t].push_back(id);
  }
}

void StoryClusterer::Join(uint32_t id, const std::vector<std::pair<uint32_t, double>>& v, const StoryDoc& doc) {
  AddToCentroid(id, v);
  Story& s = stories_[id];
  Normalise(&s);
  if (doc.date) SetLast(id, *doc.date);
  ++s.size;
}

// Prunes a centroid grown past twice `terms_per_story` to its strongest terms (dropped
// terms leave the postings lazily: a stale posting only costs a lookup that finds nothing)
// and recomputes its norms.
void StoryClusterer::Normalise(Story* s) const {
  if (s->centroid.size() > options_.terms_per_story * 2) {
    std::vector<std::pair<uint32_t, double>> all(s->centroid.begin(), s->centroid.end());
    std::sort(all.begin(), all.end(), HeaviestFirst);
    all.resize(options_.terms_per_story);
    s->centroid.clear();
    for (const auto& [t, w] : all) s->centroid.emplace(t, w);
  }
  double norm = 0, names = 0;
  for (const auto& [t, w] : s->centroid) {
    norm += w * w;
    if (entity_[t]) names += w * w;
  }
  s->norm = std::sqrt(norm);
  s->name_norm = std::sqrt(names);
}

void StoryClusterer::SetLast(uint32_t id, const Date& date) {
  Story& s = stories_[id];
  if (s.last && !(*s.last < date)) return;
  if (s.last) open_by_last_.erase({s.last->LastDay(), id});
  s.last = date;
  open_by_last_.emplace(s.last->LastDay(), id);
}

uint32_t StoryClusterer::Survivor(uint32_t story) const {
  while (stories_[story].merged_into != UINT32_MAX) story = stories_[story].merged_into;
  return story;
}

double StoryClusterer::Score(const std::vector<std::pair<uint32_t, double>>& v, double v_names,
                             const Story& st) const {
  // Cosine over all terms and over names alone; the score mixes them (name_share), so an
  // article about the same kind of event with other people and places scores low.
  double dot_all = 0, dot_names = 0;
  for (const auto& [t, w] : v) {
    auto c = st.centroid.find(t);
    if (c == st.centroid.end()) continue;
    dot_all += w * c->second;
    if (entity_[t]) dot_names += w * c->second;
  }
  double all = st.norm > 0 ? dot_all / st.norm : 0;
  double names = st.name_norm > 0 && v_names > 0 ? dot_names / (st.name_norm * v_names) : all;
  // Both name people, places or organisations and share none: another event of the kind,
  // however alike the words (two shootings, two mergers told in one template).
  if (st.name_norm > 0 && v_names > 0 && dot_names == 0) return 0;
  return (1 - options_.name_share) * all + options_.name_share * names;
}

// After an article joined `story`, the open candidate stories whose centroids now score
// `merge_threshold` against its centroid become one story with it, kept under the
// earlier id.
void StoryClusterer::MergeOpenStories(uint32_t story, const std::vector<std::pair<uint32_t, double>>& candidates,
                                      const std::optional<Date>& date, Assignment* a) {
  if (stories_[story].held) return;  // a held story takes no merge
  size_t tried = 0;
  // The survivor's centroid as a unit vector, rebuilt only when a merge changes it; the
  // norm of its names is the survivor's name_norm / norm.
  std::vector<std::pair<uint32_t, double>> v;
  uint32_t built_for = UINT32_MAX;
  for (const auto& [other, ignored] : candidates) {
    if (tried >= kMergeCandidates) break;
    uint32_t into = Survivor(story);
    if (other == into || stories_[other].closed || Stale(stories_[other], date)) continue;
    ++tried;
    if (built_for != into || v.empty()) {
      const Story& s = stories_[into];
      v.clear();
      v.reserve(s.centroid.size());
      for (const auto& [t, w] : s.centroid) v.emplace_back(t, w / s.norm);
      built_for = into;
    }
    const Story& survivor = stories_[into];
    if (Score(v, survivor.name_norm / survivor.norm, stories_[other]) < options_.merge_threshold) continue;
    uint32_t keep = std::min(into, other), gone = std::max(into, other);
    Story& k = stories_[keep];
    Story& g = stories_[gone];
    AddToCentroid(keep, g.centroid);
    Normalise(&k);
    if (g.last) {
      open_by_last_.erase({g.last->LastDay(), gone});
      SetLast(keep, *g.last);
    }
    k.size += g.size;
    FreeCentroid(&g);
    g.closed = true;
    g.merged_into = keep;
    g.thread.root = gone;  // in no thread: its articles are the survivor's
    a->merged.push_back(gone);
    built_for = UINT32_MAX;  // the survivor's centroid changed
  }
  a->story = Survivor(story);
  std::sort(a->merged.begin(), a->merged.end());
}

// An undated article is taken to arrive at the latest date seen, as a streaming caller
// that closes stories on every dated article would have it.
bool StoryClusterer::Stale(const Story& s, const std::optional<Date>& date) const {
  if (s.held) return date.has_value();  // it takes undated articles only
  const std::optional<Date>& now = date ? date : latest_;
  return s.closed || (now && s.last && now->FirstDay() - s.last->LastDay() > options_.window_days);
}

void StoryClusterer::FreeCentroid(Story* s) {
  std::unordered_map<uint32_t, double>().swap(s->centroid);
  s->norm = s->name_norm = 0;
}

// Links a closing story into a thread (see the header), then frees its centroid unless
// closed stories are held.
void StoryClusterer::Close(uint32_t id) {
  LinkThread(id);
  Story& st = stories_[id];
  st.closed = true;
  if (hold_closed_) {
    st.held = true;
  } else {
    FreeCentroid(&st);
  }
}

void StoryClusterer::Release(uint32_t id) {
  Story& st = stories_[id];
  if (!st.held) return;
  st.held = false;
  FreeCentroid(&st);
  ++closed_since_compaction_;
}

void StoryClusterer::LinkThread(uint32_t id) {
  Story& st = stories_[id];
  st.thread.root = id;
  if (options_.thread_threshold <= 0 || !st.last) return;
  std::vector<std::pair<uint32_t, double>> names;
  for (const auto& [t, w] : st.centroid) {
    if (entity_[t]) names.emplace_back(t, w);
  }
  std::sort(names.begin(), names.end(), HeaviestFirst);
  if (names.size() > kThreadNames) names.resize(kThreadNames);
  double norm = 0;
  for (const auto& [t, w] : names) norm += w * w;
  if (norm <= 0) return;
  norm = std::sqrt(norm);
  for (auto& [t, w] : names) w /= norm;
  // The earlier stories sharing a name, scored by the cosine of the two name vectors.
  std::unordered_map<uint32_t, double> dots;
  for (const auto& [t, w] : names) {
    auto p = thread_postings_.find(t);
    if (p == thread_postings_.end()) continue;
    for (uint32_t other : p->second) {
      for (const auto& [u, x] : thread_names_.at(other)) {
        if (u == t) dots[other] += w * x;
      }
    }
  }
  uint32_t best = UINT32_MAX;
  double best_score = 0;
  for (const auto& [other, score] : dots) {
    if (score > best_score || (score == best_score && other < best)) {
      best = other;
      best_score = score;
    }
  }
  if (best != UINT32_MAX && best_score >= options_.thread_threshold) {
    st.thread = Thread{stories_[best].thread.root, best, best_score};
  }
  for (const auto& [t, w] : names) {
    std::vector<uint32_t>& list = thread_postings_[t];
    list.push_back(id);
    if (list.size() > kThreadPostings) list.erase(list.begin());
  }
  thread_names_.emplace(id, std::move(names));
}

StoryClusterer::Thread StoryClusterer::ThreadOf(uint32_t story) const {
  const Thread& t = stories_[story].thread;
  return stories_[story].closed ? t : Thread{story, UINT32_MAX, 0};
}

std::vector<uint32_t> StoryClusterer::CloseAll() {
  // Dated stories in order of their last article, as CloseStale would close them; then
  // the undated ones.
  std::vector<uint32_t> closed;
  while (!open_by_last_.empty()) {
    uint32_t id = open_by_last_.begin()->second;
    open_by_last_.erase(open_by_last_.begin());
    Close(id);
    closed.push_back(id);
  }
  for (uint32_t id = 0; id < stories_.size(); ++id) {
    if (stories_[id].closed) continue;
    Close(id);
    closed.push_back(id);
  }
  std::sort(closed.begin(), closed.end());
  return closed;
}

std::vector<uint32_t> StoryClusterer::CloseStale(const Date& now) {
  // Stories idle longer than the window can no longer take articles: free their centroids.
  std::vector<uint32_t> closed;
  int64_t first = now.FirstDay();
  while (!open_by_last_.empty() && first - open_by_last_.begin()->first > options_.window_days) {
    uint32_t id = open_by_last_.begin()->second;
    open_by_last_.erase(open_by_last_.begin());
    Close(id);
    closed.push_back(id);
  }
  std::sort(closed.begin(), closed.end());
  closed_since_compaction_ += closed.size();
  // Postings of closed stories are dropped in bulk once as many stories have closed as
  // remain open, so postings stay proportional to the open stories.
  if (closed_since_compaction_ > 1024 && closed_since_compaction_ > open_by_last_.size()) CompactPostings();
  return closed;
}

void StoryClusterer::CompactPostings() {
  closed_since_compaction_ = 0;
  for (auto it = postings_.begin(); it != postings_.end();) {
    std::vector<uint32_t>& list = it->second;
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](uint32_t s) { return stories_[s].closed && !stories_[s].held; }),
               list.end());
    if (list.empty()) {
      it = postings_.erase(it);
    } else {
      if (list.capacity() > 2 * list.size() + 8) list.shrink_to_fit();
      ++it;
    }
  }
}

StoryClusterer::Assignment StoryClusterer::Add(const StoryDoc& doc, const TermCounts* counts, const PastedFrom* pasted) {
  if (doc.date && (!latest_ || *latest_ < *doc.date)) latest_ = doc.date;
  TermCounts counted;
  if (!counts) {
    counted = CountTerms(doc);
    counts = &counted;
  }
  std::vector<std::pair<uint32_t, double>> v = Vector(*counts);
  Assignment a;
  if (doc.duplicate_of >= 0 && static_cast<size_t>(doc.duplicate_of) < doc_story_.size() &&
      !Stale(stories_[Survivor(doc_story_[static_cast<size_t>(doc.duplicate_of)])], doc.date)) {
    a.story = Survivor(doc_story_[static_cast<size_t>(doc.duplicate_of)]);
    a.similarity = 1;
    Join(a.story, v, doc);
    doc_story_.push_back(a.story);
    return a;
  }
  // Candidates: stories that hold one of the article's strongest terms, found through
  // each term's most recent postings only, ranked by the weight they share; then the exact
  // score for the best of them. Each step is bounded, so an article costs the same
  // whether 100 or 100,000 stories came before it.
  std::vector<std::pair<uint32_t, double>> strongest = v;  // sorted by weight already
  if (strongest.size() > kCandidateTerms) strongest.resize(kCandidateTerms);
  std::unordered_map<uint32_t, double> shared;
  for (const auto& [t, w] : strongest) {
    auto p = postings_.find(t);
    if (p == postings_.end()) continue;
    const std::vector<uint32_t>& list = p->second;
    size_t from = list.size() > kPostingsPerTerm ? list.size() - kPostingsPerTerm : 0;
    for (size_t k = from; k < list.size(); ++k) shared[list[k]] += w;
  }
  std::vector<std::pair<uint32_t, double>> ranked(shared.begin(), shared.end());
  std::sort(ranked.begin(), ranked.end(), HeaviestFirst);
  if (ranked.size() > kCandidates) ranked.resize(kCandidates);
  double doc_names = NameNorm(v);
  // The article's own words, without the paragraphs it pasted from other outlets (weighed
  // with the idf the whole article just updated).
  std::vector<std::pair<uint32_t, double>> own_v;
  auto paste_source = [&](uint32_t s) {
    for (uint32_t p : pasted->stories) {
      if (Survivor(p) == s) return true;
    }
    return false;
  };
  if (pasted) {
    std::unordered_map<uint32_t, double> tf;
    for (const auto& [term, w] : pasted->own.terms) tf[TermId(term)] += w;
    own_v = Weigh(tf);
  }
  const double own_names = NameNorm(own_v);
  double best = 0;
  int64_t best_story = -1;
  for (const auto& [s, ignored] : ranked) {
    const Story& st = stories_[s];
    if (Stale(st, doc.date)) continue;
    double cos = pasted && paste_source(s) ? Score(own_v, own_names, st) : Score(v, doc_names, st);
    if (st.held && cos < options_.late_threshold) continue;
    if (cos > best || (cos == best && best_story >= 0 && s < best_story)) {
      best = cos;
      best_story = s;
    }
  }
  if (best_story >= 0 && best >= options_.threshold) {
    a.story = static_cast<uint32_t>(best_story);
    a.similarity = best;
  } else {
    a.story = static_cast<uint32_t>(stories_.size());
    stories_.emplace_back();
  }
  Join(a.story, pasted && !paste_source(a.story) ? own_v : v, doc);
  if (options_.merge_threshold > 0 && a.similarity > 0) MergeOpenStories(a.story, ranked, doc.date, &a);
  doc_story_.push_back(a.story);
  return a;
}

}  // namespace corroborate::cluster
