#include "corroborate/pipeline/analyze.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <unordered_map>

#include "corroborate/base/strings.h"
#include "corroborate/compare/features.h"
#include "corroborate/extract/timex.h"
#include "pipeline/parallel.h"

namespace corroborate::pipeline {
namespace {

// The latest calendar date (month precision or finer) that any article states outright:
// a lower bound for when the story was written, used only when nothing is dated.
std::optional<Date> LatestMentionedDate(const std::vector<std::unique_ptr<ArticleAnalysis>>& arts) {
  std::optional<Date> best;
  for (const auto& a : arts) {
    for (const clean::Block& b : a->blocks) {
      if (!b.kept()) continue;
      const text::Paragraph& p = a->doc.seg.paragraphs[b.paragraph];
      for (uint32_t s = p.first_sentence; s < p.first_sentence + p.sentence_count; ++s) {
        for (const extract::Timex& t : extract::ExtractTimexes(a->doc.text(), a->doc.seg.sentences[s], std::nullopt)) {
          if (t.type != extract::TimexType::kDate || !t.date || t.date->month == 0 || t.relative) continue;
          if (!best || *best < *t.date) best = t.date;
        }
      }
    }
  }
  return best;
}

// The headline most like the others ("the story's title"), or the lead summary sentence.
std::string StoryTitle(const std::vector<std::unique_ptr<ArticleAnalysis>>& arts, const StoryResult& story) {
  compare::Vocabulary vocab;
  std::vector<std::pair<std::string, std::vector<uint32_t>>> titles;
  for (size_t i : story.articles) {
    const ingest::Article& a = arts[i]->article;
    if (!a.title || a.title->empty()) continue;
    titles.emplace_back(*a.title, compare::ContentStems(*a.title, Span{0, static_cast<uint32_t>(a.title->size())}, &vocab));
  }
  if (!titles.empty()) {
    size_t best = 0;
    double best_score = -1;
    for (size_t i = 0; i < titles.size(); ++i) {
      double score = 0;
      for (size_t j = 0; j < titles.size(); ++j) {
        if (i != j) score += compare::Jaccard(titles[i].second, titles[j].second);
      }
      if (score > best_score + 1e-9 || (std::abs(score - best_score) < 1e-9 && titles[i].first.size() < titles[best].first.size())) {
        best = i;
        best_score = score;
      }
    }
    return titles[best].first;
  }
  if (!story.summary.empty()) return FirstWords(story.summary[0].text, 14);
  return "Untitled story";
}

// A kept body paragraph, fingerprinted for paragraph-level copy detection.
struct KeptParagraph {
  Span original;  // in the article's original bytes
  Span kept;      // in the kept text
  cluster::ParagraphPrint print;
};

// The text an article contributes to fingerprints and story terms: its kept paragraphs
// (the headline is scored on its own; a URL line is an address, not text). With
// `paragraphs`, its body paragraphs long enough to be pasted are fingerprinted there.
std::string KeptText(const text::Document& doc, const std::vector<clean::Block>& blocks,
                     const cluster::ParagraphOptions& options, std::vector<KeptParagraph>* paragraphs) {
  std::string kept;
  for (const clean::Block& b : blocks) {
    if (!b.kept() || b.role == clean::Role::kTitle || b.role == clean::Role::kUrl) continue;
    std::string_view text = b.span.Of(doc.text());
    if (paragraphs && b.role == clean::Role::kBody) {
      cluster::ParagraphPrint pp = cluster::MakeParagraphPrint(text, options);
      if (!pp.shingles.empty()) {
        Span in_kept{static_cast<uint32_t>(kept.size()), static_cast<uint32_t>(kept.size() + text.size())};
        paragraphs->push_back(KeptParagraph{doc.ToOriginal(b.span), in_kept, std::move(pp)});
      }
    }
    kept.append(text).append("\n");
  }
  return kept;
}

// A story's id from its number: "s1" for number 0.
std::string StoryId(uint32_t number) { return "s" + std::to_string(number + 1); }

// What the comparison and the reports read of an analysed article.
compare::StoryArticle ViewOf(const ArticleAnalysis& a) {
  return compare::StoryArticle{&a.article, &a.doc, &a.blocks, &a.extraction, a.now};
}

report::StoryView MakeStoryView(const StoryResult& s, const std::vector<std::unique_ptr<ArticleAnalysis>>& arts) {
  report::StoryView sv;
  sv.id = s.id;
  sv.title = s.title;
  sv.thread = s.thread;
  sv.follows = s.follows;
  sv.follows_score = s.follows_score;
  sv.analysis = &s.analysis;
  sv.summary = &s.summary;
  for (size_t i : s.articles) {
    const ArticleAnalysis& a = *arts[i];
    sv.articles.push_back(ViewOf(a));
    sv.duplicate_of.push_back(a.duplicate_of);
    sv.duplicate_jaccard.push_back(a.duplicate_jaccard);
    sv.pasted.push_back(a.pasted);
  }
  return sv;
}

// Takes articles in publication order and turns them into finished stories. Articles are
// prepared (normalised, segmented, cleaned, fingerprinted and, when dated, extracted) a
// batch at a time in parallel; near-duplicate and story decisions are then made one
// article at a time in order, so they never depend on the thread count; stories that
// close are finished together in parallel and handed over in number order.
class Engine {
 public:
  Engine(const AnalyzeOptions& options, const std::function<void(FinishedStory&&)>& on_story)
      : options_(options), on_story_(on_story), repeated_(options.clean), dedup_(options.dedup),
        clusterer_(options.stories), paragraphs_(options.paragraphs) {}

  void Add(ingest::Article&& a) {
    batch_.push_back(std::move(a));
    if (batch_.size() >= std::max<size_t>(1, options_.batch)) Flush();
  }

  // Undated articles will come after the dated ones (`count` of them): stories that close
  // are held for them (see Hold).
  void ExpectUndated(size_t count) {
    hold_ = count > 0 && !options_.one_story && options_.hold_articles > 0;
    clusterer_.HoldClosed(hold_);
  }

  // Finishes every story still open or held.
  void Finish() {
    Flush();
    if (!options_.one_story) clusterer_.CloseAll();
    hold_ = false;
    for (auto& [number, held] : held_) open_.emplace(number, std::move(held));
    held_.clear();
    held_order_.clear();
    for (auto& [number, open] : open_) Close(number, std::move(open));
    open_.clear();
    FinishReady();
  }

  size_t articles() const { return arrivals_; }
  size_t stories() const { return finished_; }
  const std::vector<std::pair<std::string, std::string>>& merged() const { return merged_; }

 private:
  struct Open {
    std::vector<std::unique_ptr<ArticleAnalysis>> articles;
    std::vector<uint32_t> arrivals;    // their arrival indices, for the duplicate finder
    std::vector<uint32_t> paragraphs;  // their ids in the paragraph index
  };
  struct Prepared {
    std::unique_ptr<ArticleAnalysis> a;
    std::string kept;
    cluster::Fingerprint print;
    cluster::TermCounts terms;  // the story clusterer's terms, counted in parallel
    std::vector<KeptParagraph> paragraphs;
  };
  // A paragraph in the index: where it came from.
  struct ParagraphOwner {
    std::string article;
    std::optional<std::string> source;
    uint32_t story = 0;
    Span span;
  };

  static cluster::StoryDoc StoryDocOf(const ArticleAnalysis& a, std::string_view kept) {
    return cluster::StoryDoc{kept, a.article.title ? std::string_view(*a.article.title) : std::string_view(),
                             a.article.published_date, -1};
  }

  void Flush() {
    const size_t n = batch_.size();
    if (n == 0) return;
    std::vector<Prepared> p(n);
    ParallelFor(n, options_.threads, [&](size_t i) {
      p[i].a = std::make_unique<ArticleAnalysis>();
      p[i].a->article = std::move(batch_[i]);
      p[i].a->doc = text::MakeDocument(p[i].a->article.text, options_.normalize, options_.segment);
    });
    batch_.clear();
    // The cross-article repeated-line signal counts every article read so far, this
    // batch included (with one batch, the whole run).
    const bool repeated = options_.clean.repeated_line_min_articles > 0;
    if (repeated) {
      for (const Prepared& x : p) repeated_.Add(x.a->doc);
    }
    ParallelFor(n, options_.threads, [&](size_t i) {
      ArticleAnalysis& a = *p[i].a;
      a.blocks = clean::Clean(a.article, a.doc, options_.clean, repeated ? &repeated_ : nullptr);
      // Paragraphs are fingerprinted for the report's pastes and, in clustering, so that a
      // paragraph pasted from another story does not draw the article into it.
      const bool paragraphs = options_.analyze || !options_.one_story;
      p[i].kept = KeptText(a.doc, a.blocks, options_.paragraphs, paragraphs ? &p[i].paragraphs : nullptr);
      p[i].print = cluster::MakeFingerprint(p[i].kept, options_.dedup);
      if (!options_.one_story) p[i].terms = clusterer_.CountTerms(StoryDocOf(a, p[i].kept));
      if (!options_.analyze) {
        // Only the metadata is reported.
        std::string().swap(a.article.text);
        a.article.page_removed.clear();
        a.doc = text::Document();
        a.blocks.clear();
      } else {
        if (a.article.published_date) {
          a.reference = a.now = a.article.published_date;
          a.extraction = extract::ExtractArticle(a.doc, a.blocks, a.reference, options_.extract);
        }
      }
    });
    for (Prepared& x : p) {
      std::unique_ptr<ArticleAnalysis> a = std::move(x.a);
      const std::optional<Date>& date = a->article.published_date;
      if (date && !options_.one_story) {
        for (uint32_t s : clusterer_.CloseStale(*date)) {
          auto it = open_.find(s);
          Close(s, std::move(it->second), date);
          open_.erase(it);
        }
        ForgetRetired(*date);
      }
      uint32_t arrival = static_cast<uint32_t>(arrivals_++);
      cluster::DuplicateFinder::Match m = dedup_.Add(std::move(x.print));
      if (m.original >= 0) {
        // The original is in an open story, or in one closed less than a window ago (a
        // late copy: it cannot join the written story, so the clusterer places it anew,
        // and the report still names what it copies).
        a->duplicate_of = open_ids_.at(static_cast<uint32_t>(m.original));
        a->duplicate_jaccard = m.jaccard;
      }
      std::vector<cluster::ParagraphIndex::Match> sources = PasteSources(*a, x.paragraphs);
      if (options_.one_story) {
        a->story = 0;
      } else {
        cluster::StoryDoc doc = StoryDocOf(*a, x.kept);
        doc.duplicate_of = m.original;
        std::optional<cluster::PastedFrom> pasted = PastedStories(*a, x, sources);
        cluster::StoryClusterer::Assignment s = clusterer_.Add(doc, &x.terms, pasted ? &*pasted : nullptr);
        a->story = s.story;
        a->story_similarity = s.similarity;
        for (uint32_t gone : s.merged) MergeOpen(gone, s.story);
      }
      std::string().swap(x.kept);
      std::vector<std::pair<std::string, double>>().swap(x.terms.terms);
      open_ids_.emplace(arrival, a->article.id);
      auto held = held_.find(a->story);
      if (held != held_.end()) ++held_articles_;
      Open& open = held != held_.end() ? held->second : open_[a->story];
      open.arrivals.push_back(arrival);
      IndexParagraphs(a.get(), std::move(x.paragraphs), sources, &open);
      open.articles.push_back(std::move(a));
    }
    FinishReady();
  }

  // Open story `gone` was merged into `into`: its articles, duplicate-finder entries and
  // paragraphs are `into`'s now, in arrival order; pastes that named `gone` name `into`.
  void MergeOpen(uint32_t gone, uint32_t into) {
    auto it = open_.find(gone);
    if (it == open_.end()) return;
    Open from = std::move(it->second);
    open_.erase(it);
    Open& to = open_[into];
    std::vector<std::pair<uint32_t, std::unique_ptr<ArticleAnalysis>>> all;
    for (size_t k = 0; k < to.articles.size(); ++k) all.emplace_back(to.arrivals[k], std::move(to.articles[k]));
    for (size_t k = 0; k < from.articles.size(); ++k) all.emplace_back(from.arrivals[k], std::move(from.articles[k]));
    std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    to.articles.clear();
    to.arrivals.clear();
    for (auto& [arrival, a] : all) {
      a->story = into;
      to.arrivals.push_back(arrival);
      to.articles.push_back(std::move(a));
    }
    for (uint32_t id : from.paragraphs) {
      paragraph_owner_.at(id).story = into;
      to.paragraphs.push_back(id);
    }
    const std::string old_id = StoryId(gone), new_id = StoryId(into);
    merged_.emplace_back(old_id, new_id);
    for (auto& [number, open] : open_) {
      for (auto& a : open.articles) {
        for (compare::PastedParagraph& p : a->pasted) {
          if (p.from_story == old_id) p.from_story = new_id;
        }
      }
    }
  }

  const ParagraphOwner& OwnerOf(const cluster::ParagraphIndex::Match& m) const {
    return paragraph_owner_.at(static_cast<uint32_t>(m.id));
  }

  // Paragraph-level copies: each paragraph's best match among the open stories'
  // paragraphs, when it is another outlet's (pastes within one outlet are its own
  // furniture) and the article is no near-duplicate as a whole; -1 otherwise.
  std::vector<cluster::ParagraphIndex::Match> PasteSources(const ArticleAnalysis& a,
                                                          const std::vector<KeptParagraph>& paragraphs) const {
    std::vector<cluster::ParagraphIndex::Match> out(paragraphs.size());
    if (!a.duplicate_of.empty()) return out;
    for (size_t k = 0; k < paragraphs.size(); ++k) {
      cluster::ParagraphIndex::Match m = paragraphs_.Find(paragraphs[k].print);
      if (m.id < 0) continue;
      const ParagraphOwner& from = OwnerOf(m);
      if (!(a.article.source && from.source && *a.article.source == *from.source)) out[k] = m;
    }
    return out;
  }

  // The stories an article took a minority of its text from (pasted paragraphs), and its
  // terms without those paragraphs. A story that most of the article's text comes from
  // is the story it retells (a rewrite reuses the original's paragraphs) and is scored
  // on the whole text.
  std::optional<cluster::PastedFrom> PastedStories(const ArticleAnalysis& a, const Prepared& x,
                                                   const std::vector<cluster::ParagraphIndex::Match>& sources) const {
    std::map<uint32_t, size_t> bytes;  // story -> bytes of the paragraphs pasted from it
    for (size_t k = 0; k < sources.size(); ++k) {
      if (sources[k].id >= 0) bytes[OwnerOf(sources[k]).story] += x.paragraphs[k].kept.size();
    }
    cluster::PastedFrom pasted;
    for (const auto& [story, n] : bytes) {
      if (2 * n < x.kept.size()) pasted.stories.push_back(story);
    }
    if (pasted.stories.empty()) return std::nullopt;
    std::vector<std::pair<size_t, size_t>> spans;  // in the kept text, ascending
    for (size_t k = 0; k < sources.size(); ++k) {
      if (sources[k].id >= 0 && 2 * bytes.at(OwnerOf(sources[k]).story) < x.kept.size()) {
        spans.emplace_back(x.paragraphs[k].kept.begin, x.paragraphs[k].kept.end);
      }
    }
    pasted.own = clusterer_.CountTermsWithout(StoryDocOf(a, x.kept), x.terms, spans);
    if (pasted.own.terms.empty()) return std::nullopt;  // nothing of its own: scored whole
    return pasted;
  }

  // Reports the pastes found (in analyze) and indexes the article's paragraphs under its story.
  void IndexParagraphs(ArticleAnalysis* a, std::vector<KeptParagraph> paragraphs,
                       const std::vector<cluster::ParagraphIndex::Match>& sources, Open* open) {
    for (size_t k = 0; k < paragraphs.size(); ++k) {
      if (sources[k].id >= 0 && options_.analyze) {
        const ParagraphOwner& from = OwnerOf(sources[k]);
        a->pasted.push_back(compare::PastedParagraph{paragraphs[k].original, from.article, StoryId(from.story),
                                                     from.span, std::round(sources[k].jaccard * 1000) / 1000});
      }
      uint32_t id = paragraphs_.Add(std::move(paragraphs[k].print));
      paragraph_owner_.emplace(id, ParagraphOwner{a->article.id, a->article.source, a->story, paragraphs[k].original});
      open->paragraphs.push_back(id);
    }
  }

  // A closed story's articles stay in the duplicate finder for one more window, so a
  // syndicated copy published late is still recognised; at the end of the run, or for a
  // story closed without a date, they are forgotten at once. The story is then finished,
  // or held (see Hold).
  void Close(uint32_t number, Open&& open, const std::optional<Date>& now = std::nullopt) {
    Retire(&open, now);
    if (hold_ && now) {
      Hold(number, std::move(open));
    } else {
      ready_.emplace_back(number, std::move(open.articles));
    }
  }

  void Retire(Open* open, const std::optional<Date>& now) {
    if (now) {
      retired_.push_back(Retired{now->LastDay() + options_.stories.window_days, std::move(open->arrivals)});
    } else {
      ForgetArrivals(open->arrivals);
    }
    open->arrivals.clear();
    for (uint32_t id : open->paragraphs) {
      paragraphs_.Forget(id);
      paragraph_owner_.erase(id);
    }
    open->paragraphs.clear();
  }

  // A closed story is held unfinished while undated articles are still to come (they
  // arrive last, and the clusterer lets one join a held story it matches strongly), up to
  // `hold_articles` articles held in all: past that, the stories closed first are finished.
  void Hold(uint32_t number, Open&& open) {
    held_articles_ += open.articles.size();
    held_order_.push_back(number);
    held_.emplace(number, std::move(open));
    while (held_articles_ > options_.hold_articles && !held_order_.empty()) {
      uint32_t first = held_order_.front();
      held_order_.pop_front();
      auto it = held_.find(first);
      held_articles_ -= it->second.articles.size();
      clusterer_.Release(first);
      Retire(&it->second, std::nullopt);
      ready_.emplace_back(first, std::move(it->second.articles));
      held_.erase(it);
    }
  }

  void ForgetArrivals(const std::vector<uint32_t>& arrivals) {
    for (uint32_t arrival : arrivals) {
      dedup_.Forget(arrival);
      open_ids_.erase(arrival);
    }
  }

  // Forgets the retired articles whose extra window has passed by `now` (articles come in
  // publication order, so the queue is in order of expiry).
  void ForgetRetired(const Date& now) {
    while (!retired_.empty() && retired_.front().until < now.FirstDay()) {
      ForgetArrivals(retired_.front().arrivals);
      retired_.pop_front();
    }
  }

  // Extracts the undated articles of the ready stories (against their story's latest
  // publication date), then compares and summarises each story, and hands them over.
  void FinishReady() {
    if (ready_.empty()) return;
    std::vector<FinishedStory> done(ready_.size());
    std::vector<std::pair<size_t, size_t>> undated;  // (story, article)
    for (size_t k = 0; k < ready_.size(); ++k) {
      FinishedStory& f = done[k];
      f.story.number = ready_[k].first;
      f.story.id = StoryId(ready_[k].first);
      f.story.thread = f.story.id;
      if (!options_.one_story) {
        cluster::StoryClusterer::Thread t = clusterer_.ThreadOf(f.story.number);
        f.story.thread = StoryId(t.root);
        if (t.follows != UINT32_MAX) {
          f.story.follows = StoryId(t.follows);
          f.story.follows_score = std::round(t.score * 1000) / 1000;
        }
      }
      f.articles = std::move(ready_[k].second);
      for (size_t i = 0; i < f.articles.size(); ++i) f.story.articles.push_back(i);
      if (!options_.analyze) continue;
      std::optional<Date> story_date;
      bool all_dated = true;
      for (const auto& a : f.articles) {
        const std::optional<Date>& d = a->article.published_date;
        if (d && (!story_date || *story_date < *d)) story_date = d;
        all_dated &= d.has_value();
      }
      if (all_dated) continue;
      // Without any publication date, the latest stated date stands in for "now".
      std::optional<Date> now = story_date ? story_date : LatestMentionedDate(f.articles);
      for (size_t i = 0; i < f.articles.size(); ++i) {
        ArticleAnalysis& a = *f.articles[i];
        if (a.article.published_date) continue;
        a.reference = story_date;
        a.now = now;
        undated.emplace_back(k, i);
      }
    }
    ready_.clear();
    if (options_.analyze) {
      ParallelFor(undated.size(), options_.threads, [&](size_t u) {
        ArticleAnalysis& a = *done[undated[u].first].articles[undated[u].second];
        a.extraction = extract::ExtractArticle(a.doc, a.blocks, a.reference, options_.extract);
      });
      ParallelFor(done.size(), options_.threads, [&](size_t k) {
        FinishedStory& f = done[k];
        std::vector<compare::StoryArticle> view;
        for (const auto& a : f.articles) view.push_back(ViewOf(*a));
        std::vector<compare::SentenceFeatures> sentences;
        f.story.analysis = compare::Compare(view, options_.compare, &sentences);
        f.story.summary = summarize::Summarize(view, f.story.analysis, options_.summary, &sentences);
        f.story.title = StoryTitle(f.articles, f.story);
      });
    }
    for (FinishedStory& f : done) {
      ++finished_;
      on_story_(std::move(f));
    }
  }

  const AnalyzeOptions& options_;
  const std::function<void(FinishedStory&&)>& on_story_;
  clean::RepeatedLines repeated_;
  cluster::DuplicateFinder dedup_;
  cluster::StoryClusterer clusterer_;
  cluster::ParagraphIndex paragraphs_;
  std::unordered_map<uint32_t, ParagraphOwner> paragraph_owner_;  // open stories' paragraphs
  std::vector<ingest::Article> batch_;
  std::map<uint32_t, Open> open_;                       // by story number
  bool hold_ = false;                                   // undated articles are to come
  std::map<uint32_t, Open> held_;                       // closed stories held for them
  std::deque<uint32_t> held_order_;                     // in order of closing
  size_t held_articles_ = 0;
  // Arrival index -> article id: open stories and retired ones.
  std::unordered_map<uint32_t, std::string> open_ids_;
  struct Retired {
    int64_t until = 0;               // last day (days since 1970) a copy is still recognised
    std::vector<uint32_t> arrivals;  // the closed story's articles
  };
  std::deque<Retired> retired_;
  std::vector<std::pair<uint32_t, std::vector<std::unique_ptr<ArticleAnalysis>>>> ready_;  // closed, in order
  size_t arrivals_ = 0;
  size_t finished_ = 0;
  std::vector<std::pair<std::string, std::string>> merged_;  // (story merged away, story it joined)
};

// Publication order: dated articles by date, then undated ones; input order within each.
struct OrderKey {
  std::optional<Date> date;
  uint64_t sequence = 0;
};

bool Before(const OrderKey& x, const OrderKey& y) {
  if (x.date.has_value() != y.date.has_value()) return x.date.has_value();
  if (x.date && y.date && !(*x.date == *y.date)) return *x.date < *y.date;
  return x.sequence < y.sequence;
}

// Articles held in memory, put in publication order.
void SortByPublication(std::vector<ingest::Article>* articles) {
  std::stable_sort(articles->begin(), articles->end(), [](const ingest::Article& x, const ingest::Article& y) {
    return Before({x.published_date, x.sequence}, {y.published_date, y.sequence});
  });
}

size_t Undated(const std::vector<ingest::Article>& articles) {
  return static_cast<size_t>(std::count_if(articles.begin(), articles.end(),
                                           [](const ingest::Article& a) { return !a.published_date.has_value(); }));
}

// Reads `paths` and feeds the engine in publication order (see the header).
RunInfo ReadInOrder(const std::vector<std::string>& paths, const AnalyzeOptions& options,
                    const std::function<void(const ingest::Skipped&)>& on_skip, Engine* engine) {
  RunInfo info;
  auto progress = [&](const char* phase, size_t n, uint64_t bytes) {
    if (options.progress) options.progress(phase, n, bytes);
  };
  ingest::Sink sink;
  size_t count = 0;
  uint64_t bytes = 0;
  sink.skipped = [&](ingest::Skipped&& s) {
    if (on_skip) on_skip(s);
    info.skipped.push_back(std::move(s));
  };
  sink.warning = [&](ingest::Warning&& w) { info.warnings.push_back(std::move(w)); };
  bool rereadable = std::none_of(paths.begin(), paths.end(), [](const std::string& p) { return p == "-"; });
  if (!rereadable) {
    std::vector<ingest::Article> all;
    sink.article = [&](ingest::Article&& a) {
      bytes += a.text.size();
      all.push_back(std::move(a));
      progress("reading", all.size(), bytes);
    };
    info.read = ingest::ReadPaths(paths, options.ingest, sink);
    SortByPublication(&all);
    engine->ExpectUndated(Undated(all));
    for (ingest::Article& a : all) engine->Add(std::move(a));
    return info;
  }
  // Pass 1: dates only; problems are reported by pass 2.
  std::vector<OrderKey> keys;
  ingest::Sink dates;
  dates.article = [&](ingest::Article&& a) {
    bytes += a.text.size();
    keys.push_back({a.published_date, a.sequence});
    progress("ordering", keys.size(), bytes);
  };
  dates.skipped = [](ingest::Skipped&&) {};
  dates.warning = [](ingest::Warning&&) {};
  ingest::ReadPaths(paths, options.ingest, dates);
  std::sort(keys.begin(), keys.end(), Before);
  engine->ExpectUndated(static_cast<size_t>(
      std::count_if(keys.begin(), keys.end(), [](const OrderKey& k) { return !k.date.has_value(); })));
  std::unordered_map<uint64_t, size_t> rank;  // sequence -> position in publication order
  rank.reserve(keys.size());
  for (size_t r = 0; r < keys.size(); ++r) rank.emplace(keys[r].sequence, r);
  std::vector<OrderKey>().swap(keys);
  // Pass 2: everything, each article released when every article before it in
  // publication order has been.
  std::map<size_t, ingest::Article> pending;
  std::vector<ingest::Article> unexpected;  // not seen by pass 1: the input changed
  size_t next = 0;
  bytes = 0;
  sink.article = [&](ingest::Article&& a) {
    bytes += a.text.size();
    progress("reading", ++count, bytes);
    auto r = rank.find(a.sequence);
    if (r == rank.end()) {
      unexpected.push_back(std::move(a));
      return;
    }
    if (r->second != next) {
      pending.emplace(r->second, std::move(a));
      return;
    }
    engine->Add(std::move(a));
    ++next;
    for (auto it = pending.begin(); it != pending.end() && it->first == next; it = pending.erase(it), ++next) {
      engine->Add(std::move(it->second));
    }
  };
  info.read = ingest::ReadPaths(paths, options.ingest, sink);
  if (!pending.empty() || !unexpected.empty() || count != rank.size()) {
    info.warnings.push_back(ingest::Warning{
        "(inputs)", std::nullopt,
        "the inputs changed between the ordering pass and the reading pass; later articles are taken in input order"});
  }
  for (auto& [r, a] : pending) engine->Add(std::move(a));
  for (ingest::Article& a : unexpected) engine->Add(std::move(a));
  return info;
}

}  // namespace

int RunInfo::ExitStatus() const {
  if (articles == 0) return 2;
  return skipped.empty() ? 0 : 1;
}

report::RunView RunInfo::View() const {
  report::RunView v;
  v.generator = std::string("corroborate ") + kVersion;
  v.skipped = skipped;
  v.warnings = warnings;
  v.merged = merged;
  return v;
}

report::StoryView FinishedStory::View() const { return MakeStoryView(story, articles); }

report::RunView RunResult::View() const {
  report::RunView v = info.View();
  for (const StoryResult& s : stories) v.stories.push_back(MakeStoryView(s, articles));
  return v;
}

namespace {

// Runs an engine: `feed` gives it the articles in publication order and returns what it
// read and skipped; the counts come from the engine once every story is finished.
RunInfo RunEngine(const AnalyzeOptions& options, const std::function<void(FinishedStory&&)>& on_story,
                  const std::function<RunInfo(Engine*)>& feed) {
  Engine engine(options, on_story);
  RunInfo info = feed(&engine);
  engine.Finish();
  info.articles = engine.articles();
  info.stories = engine.stories();
  info.merged = engine.merged();
  return info;
}

// Collects finished stories into a RunResult, by number.
std::function<void(FinishedStory&&)> Collector(RunResult* result) {
  return [result](FinishedStory&& f) {
    size_t base = result->articles.size();
    for (size_t& i : f.story.articles) i += base;
    for (auto& a : f.articles) result->articles.push_back(std::move(a));
    result->stories.push_back(std::move(f.story));
  };
}

void SortStories(RunResult* result) {
  std::sort(result->stories.begin(), result->stories.end(),
            [](const StoryResult& x, const StoryResult& y) { return x.number < y.number; });
}

}  // namespace

RunInfo AnalyzeStream(const std::vector<std::string>& paths, const AnalyzeOptions& options,
                      const std::function<void(FinishedStory&&)>& on_story,
                      const std::function<void(const ingest::Skipped&)>& on_skip) {
  return RunEngine(options, on_story, [&](Engine* e) { return ReadInOrder(paths, options, on_skip, e); });
}

RunResult Analyze(const std::vector<std::string>& paths, const AnalyzeOptions& options,
                  const std::function<void(const ingest::Skipped&)>& on_skip) {
  RunResult result;
  result.info = AnalyzeStream(paths, options, Collector(&result), on_skip);
  SortStories(&result);
  return result;
}

RunResult AnalyzeArticles(std::vector<ingest::Article> articles, const AnalyzeOptions& options) {
  for (size_t i = 0; i < articles.size(); ++i) articles[i].sequence = i;
  SortByPublication(&articles);
  RunResult result;
  result.info = RunEngine(options, Collector(&result), [&](Engine* e) {
    e->ExpectUndated(Undated(articles));
    for (ingest::Article& a : articles) e->Add(std::move(a));
    return RunInfo();
  });
  SortStories(&result);
  return result;
}

}  // namespace corroborate::pipeline
