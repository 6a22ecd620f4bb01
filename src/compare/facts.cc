// How facts are formed (see also HACKING.md):
//  1. Every figure that is not a duration becomes a node with its measure (unit kind and
//     counted concept), source, time, value interval and sentence context.
//  2. Candidate pairs share a blocking key (unit kind plus counted class, event or place).
//     Each pair gets a link score from concept similarity, sentence similarity and
//     agreement of source, time and value. Pairs whose figures disagree need a higher
//     score: a conflict is only declared when the same thing is clearly meant.
//  3. Links are applied best first; a merge is refused when it would put two different
//     sources, two different explicit times, incompatible concepts, or two disagreeing
//     figures of one article into one fact.
//  4. Each fact's status: one article -> single_source; identical figures -> agreed;
//     figures whose intervals share a value -> compatible; otherwise conflict, with the
//     articles outside the largest agreeing group listed as dissenting.
#include "compare/facts.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "corroborate/base/data.h"
#include "corroborate/base/date.h"
#include "corroborate/base/strings.h"

namespace corroborate::compare {

using extract::Concept;
using extract::Mention;
using extract::Qualifier;
using extract::Quantity;
using extract::QuantityKind;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Dimensions with at most this many figures are compared exhaustively (~1.1M pairs).
constexpr size_t kSmallDimension = 1500;
// Mutual best counterparts need the same concept and some shared context to link.
constexpr double kMutualConcept = 0.9;
constexpr double kMutualContext = 0.15;
constexpr double kMutualMargin = 0.1;
// What a distinctive figure counts for when one side does not say what it counts.
constexpr double kDistinctiveConcept = 0.8;

bool PersonLike(const std::string& c) {
  static const std::set<std::string> kPeople = {
      "person", "soldier", "civilian", "child", "woman", "man", "passenger", "migrant", "refugee",
      "student", "worker", "patient", "prisoner", "hostage", "journalist", "officer", "militant",
      "voter"};
  return kPeople.count(c) > 0;
}

// Outlets convert units ("400 kilograms (882 pounds)", "a 370-mile journey" beside "a
// 600-kilometre journey"): a measure in a unit of compare/unit_factors.tsv is compared in
// its dimension's reference unit (values and rounding step scaled; the unit renamed).
struct UnitFactor {
  std::string reference;
  double factor = 1;  // reference units per unit
};

const UnitFactor* UnitFactorOf(const Quantity& q) {
  static const auto* factors = [] {
    auto* m = new StringMap<UnitFactor>();
    for (const auto& row : data::Table("compare/unit_factors.tsv")) {
      if (row.fields.size() < 4) continue;
      (*m)[std::string(row.fields[0])] =
          UnitFactor{std::string(row.fields[2]), std::strtod(std::string(row.fields[3]).c_str(), nullptr)};
    }
    return m;
  }();
  if (q.kind != QuantityKind::kMeasure) return nullptr;
  auto it = factors->find(q.normalized_unit);
  return it == factors->end() ? nullptr : &it->second;
}

Quantity InReferenceUnit(const Quantity& q) {
  const UnitFactor* f = UnitFactorOf(q);
  if (!f || f->reference == q.normalized_unit) return q;
  Quantity r = q;
  r.low *= f->factor;  // an open end (NaN) stays open
  r.high *= f->factor;
  r.granularity *= f->factor;
  r.normalized_unit = f->reference;
  return r;
}

// The unit dimension key: figures are only compared within one.
std::string DimensionKey(const Quantity& q) {
  switch (q.kind) {
    case QuantityKind::kCount: return q.normalized_unit.empty() ? "count" : "count:" + q.normalized_unit;  // "per day"
    case QuantityKind::kPercent: return "percent:" + q.normalized_unit;
    case QuantityKind::kMoney: return "money:" + q.normalized_unit;
    default: return std::string(extract::KindName(q.kind)) + ":" + q.normalized_unit;
  }
}

struct Node {
  std::optional<Date> reference;  // "now" for this mention's article
  uint32_t article = 0;
  uint32_t mention = 0;
  const Mention* m = nullptr;
  Quantity q;  // m's quantity, in its dimension's reference unit when it has one (InReferenceUnit)
  std::string dim;
  int source = -1;          // entity id, or -2 - index of an unresolved source name
  std::string source_name;  // canonical or as written
  ValueInterval interval;
  std::vector<uint32_t> context;  // sentence stems without numbers
  bool distinctive = false;       // an informative figure that several articles write the same
  bool at_hospitals = false;      // counted where the victims were taken (CountedAtHospitals)
};

int Specificity(const Concept& c) {
  return (c.head_class.empty() ? 0 : 1) + (c.event_class.empty() ? 0 : 1) + (c.place.empty() ? 0 : 1);
}

bool TimesCompatible(const std::optional<Date>& a, const std::optional<Date>& b) {
  if (!a || !b) return true;
  return a->Contains(*b) || b->Contains(*a);
}

// An undated figure is as of its article's reference date ("now"). A dated figure is
// compatible with "now" when its date reaches into the last weeks before it: "in February
// 2025" is history in a February 2026 story, "on Wednesday" is not.
constexpr int64_t kRecentDays = 45;
constexpr int64_t kNearbyDays = 3;
bool NowCompatible(const Date& dated, const Date& now) {
  return dated.LastDay() >= now.FirstDay() - kRecentDays && dated.FirstDay() <= now.LastDay() + 7;
}

int64_t DaysApart(const Date& a, const Date& b) {
  return std::llabs(a.FirstDay() - b.FirstDay());
}

// Stated bounds, with approx figures read as points: what "agreed" compares.
std::pair<double, double> Stated(const Quantity& q) {
  double lo = extract::IsOpen(q.low) ? -kInf : q.low;
  double hi = extract::IsOpen(q.high) ? kInf : q.high;
  return {lo, hi};
}

bool SameFigure(const Quantity& a, const Quantity& b) {
  auto sa = Stated(a), sb = Stated(b);
  auto eq = [](double x, double y) {
    if (std::isinf(x) || std::isinf(y)) return x == y;
    return std::fabs(x - y) <= 1e-9 * std::max(1.0, std::fabs(x));
  };
  return eq(sa.first, sb.first) && eq(sa.second, sb.second);
}

// Bounds far apart: "more than 10,000 people lost their lives" (in one town) and "more
// than 94,000 people have been confirmed dead" (in the country) overlap as intervals but
// are not one report of one figure. A bound and a figure more than twice or less than half
// of it are kept apart.
bool FarApartBounds(const Quantity& a, const Quantity& b) {
  bool bound = a.qualifier == Qualifier::kAtLeast || a.qualifier == Qualifier::kAtMost ||
               b.qualifier == Qualifier::kAtLeast || b.qualifier == Qualifier::kAtMost;
  if (!bound) return false;
  double va = std::fabs(a.Value()), vb = std::fabs(b.Value());
  if (!(va > 0) || !(vb > 0)) return false;
  return std::max(va, vb) > 2 * std::min(va, vb);
}

// "the bodies of seven people ... were brought to two Baghdad hospitals": a count of the
// victims taken somewhere is part of the toll, not another report of it.
bool CountedAtHospitals(std::string_view sentence) {
  std::string lower = AsciiLowerCopy(sentence);
  if (lower.find("hospital") == std::string::npos && lower.find("morgue") == std::string::npos) return false;
  for (const char* verb : {"brought to", "taken to", "admitted to", "treated at", "treated in", "arrived at"}) {
    if (lower.find(verb) != std::string::npos) return true;
  }
  return false;
}

class FactBuilder {
 public:
  FactBuilder(const std::vector<StoryArticle>& articles, const std::vector<SentenceFeatures>& sentences,
              const extract::EntityResolver& entities, Vocabulary* vocab, const CompareOptions& options)
      : articles_(articles), outlet_(Outlets(articles)), sentences_(sentences), entities_(entities), vocab_(vocab),
        options_(options) {}

  std::vector<Fact> Run() {
    MakeNodes();
    FindDistinctiveFigures();
    std::vector<Link> links = ScoreLinks();
    Cluster(links);
    return MakeFacts();
  }

 private:
  struct Link {
    double score;
    uint32_t a, b;
  };

  // "one senior official said", "a month or two", "one or two questions", "serve one
  // term": "one" and "two" spelled out, counting no event, are attribution or idiom far
  // more often than figures worth comparing ("two people were killed" has an event and
  // stays; so does "2 mosques").
  static bool IdiomaticCount(const StoryArticle& article, const Quantity& q) {
    if (q.kind != QuantityKind::kCount || !q.normalized_unit.empty() || !q.counted.event_class.empty()) return false;
    if (q.high > 2 || q.low < 0) return false;
    std::string_view text = q.value_span.Of(article.doc->text());
    return !text.empty() && IsAsciiAlpha(text.front());
  }

  void MakeNodes() {
    std::map<std::pair<uint32_t, uint32_t>, const SentenceFeatures*> by_sentence;
    for (const SentenceFeatures& f : sentences_) by_sentence[{f.article, f.sentence}] = &f;
    std::unordered_map<std::string, int> unresolved;
    for (uint32_t a = 0; a < articles_.size(); ++a) {
      const auto& mentions = articles_[a].extraction->mentions;
      for (uint32_t k = 0; k < mentions.size(); ++k) {
        const Mention& m = mentions[k];
        const Quantity& q = m.quantity;
        if (q.kind == QuantityKind::kDuration || q.anaphoric) continue;
        if (extract::IsOpen(q.low) && extract::IsOpen(q.high)) continue;
        // A bare figure with neither unit nor counted concept says nothing comparable.
        if (q.counted.empty() && q.normalized_unit.empty()) continue;
        if (IdiomaticCount(articles_[a], q)) continue;
        Node n;
        n.reference = articles_[a].reference;
        n.article = a;
        n.mention = k;
        n.m = &m;
        n.q = InReferenceUnit(q);
        n.dim = DimensionKey(n.q);
        n.interval = Widen(n.q, options_.approx_tolerance);
        if (!m.source.empty()) {
          int id = entities_.Find(m.source);
          if (id >= 0) {
            n.source = id;
            n.source_name = entities_.entities()[id].name;
          } else if (!m.source_named) {
            // A description ("the city fire department") is shown but never separates
            // facts: two outlets describe one source in different words.
            n.source_name = m.source;
          } else {
            std::string key = extract::NameKey(m.source);
            auto [it, inserted] = unresolved.emplace(key, static_cast<int>(unresolved.size()));
            n.source = -2 - it->second;
            n.source_name = m.source;
          }
        }
        auto it = by_sentence.find({a, m.sentence});
        if (it != by_sentence.end()) {
          for (uint32_t s : it->second->stems) {
            n.context.push_back(s);
          }
          n.at_hospitals = CountedAtHospitals(it->second->span.Of(articles_[a].doc->text()));
        }
        // The figure itself is not context: its digits would make agreeing sentences look
        // more alike than disagreeing ones.
        std::vector<uint32_t> figure = ContentStems(articles_[a].doc->text(), q.value_span, vocab_);
        std::vector<uint32_t> ctx;
        std::set_difference(n.context.begin(), n.context.end(), figure.begin(), figure.end(),
                            std::back_inserter(ctx));
        n.context = std::move(ctx);
        nodes_.push_back(std::move(n));
      }
    }
  }

  // A figure that carries information by itself ("$11 billion", "3,500", "22.5%"): not a
  // small count, not a year, not a round share like "10%".
  static bool Informative(const Quantity& q) {
    double v = std::fabs(q.Value());
    bool whole = v == std::floor(v);
    switch (q.kind) {
      case QuantityKind::kCount:
        return q.normalized_unit.empty() && v >= 100 && !(whole && v >= 1900 && v <= 2100);
      case QuantityKind::kMoney:
        return v >= 10;
      case QuantityKind::kPercent:
        return !whole || (v > 10 && std::fmod(v, 10) != 0);
      default:
        return !whole || v >= 10;
    }
  }

  // The same informative figure in several articles of one story is the same fact even when
  // one of them does not say what it counts ("a surprising $11 billion gamble", "the $11
  // billion merger"). Marks the nodes whose (dimension, figure) is such a figure in two or
  // more articles; mentions that say they count different things still never share a fact
  // (Compatible), so one that says nothing joins the best-scoring of them.
  void FindDistinctiveFigures() {
    std::map<std::pair<std::string, std::pair<double, double>>, std::vector<uint32_t>> by_figure;
    for (uint32_t i = 0; i < nodes_.size(); ++i) {
      const Quantity& q = nodes_[i].q;
      if (!Informative(q) || q.vague || q.change != extract::Change::kNone) continue;
      by_figure[{nodes_[i].dim, Stated(q)}].push_back(i);
    }
    for (const auto& [key, ids] : by_figure) {
      std::set<uint32_t> articles;
      for (uint32_t i : ids) articles.insert(nodes_[i].article);
      if (articles.size() < 2) continue;
      for (uint32_t i : ids) nodes_[i].distinctive = true;
    }
  }

  bool SourcesCompatible(const Node& x, const Node& y) const {
    if (x.source == -1 || y.source == -1) return true;
    if (x.source == y.source) return true;
    if (x.source >= 0 && y.source >= 0) return entities_.Related(x.source, y.source);
    return false;
  }

  // The two figures were written in different units of one dimension ("400 kilograms (882
  // pounds)"); callers compare nodes of one dimension.
  static bool TwoUnits(const Node& x, const Node& y) {
    return x.m->quantity.normalized_unit != y.m->quantity.normalized_unit;
  }

  // Whether two nodes' figures can be one report: their intervals meet, or, written in two
  // units, they meet once each is allowed the rounding a writer's conversion adds ("370
  // miles" is 595.5 km, written "600 km"; "6 miles (10 km)" is 9.7 km).
  static bool ValuesMeet(const Node& x, const Node& y) {
    if (Overlap(x.interval, y.interval)) return true;
    if (!TwoUnits(x, y)) return false;
    constexpr double kConversionRounding = 0.025;
    auto relaxed = [](ValueInterval v) {
      double slack = std::max(std::fabs(v.lo), std::fabs(v.hi)) * kConversionRounding;
      if (std::isfinite(slack)) {
        v.lo -= slack;
        v.hi += slack;
      }
      return v;
    };
    return Overlap(relaxed(x.interval), relaxed(y.interval));
  }

  // Hard constraints between two nodes of one fact.
  bool Compatible(const Node& x, const Node& y) const {
    if (x.dim != y.dim) return false;
    const Mention& mx = *x.m;
    const Mention& my = *y.m;
    // A change ("cut by 2 million") and a level ("12 million smoke") are different measures.
    if (mx.quantity.change != my.quantity.change) return false;
    // "hundreds of thousands dead" neither confirms nor contradicts "up to 325,000
    // deaths": an order of magnitude only groups with another.
    if (mx.quantity.vague != my.quantity.vague) return false;
    if (!ConceptsCompatible(mx.quantity.counted, my.quantity.counted)) return false;
    if (!SourcesCompatible(x, y)) return false;
    bool values_ok = ValuesMeet(x, y);
    if (x.article == y.article && !values_ok) return false;
    if (FarApartBounds(x.q, y.q)) return false;
    // Two different figures in one sentence are two facts ("at least £1 billion would be
    // spent ... savings of £30 billion"), however compatible their values; one figure in
    // two units is one ("400 kilograms (882 pounds)").
    if (x.article == y.article && mx.sentence == my.sentence && !SameFigure(x.q, y.q) && !TwoUnits(x, y)) return false;
    if (!TimesFit(x, y)) {
      // The same figure dated differently by two outlets is one report, not two points
      // of a timeline, when the dates are within about a year.
      if (x.article == y.article || !SameFigure(x.q, y.q)) return false;
      std::optional<Date> tx = mx.as_of ? mx.as_of : x.reference;
      std::optional<Date> ty = my.as_of ? my.as_of : y.reference;
      if (!tx || !ty || DaysApart(*tx, *ty) > 400) return false;
    }
    return true;
  }

  // The weekday an unresolved time expression names ("on Saturday" -> 5), or -1.
  static int BareWeekday(const Mention& m) {
    if (m.as_of || m.as_of_text.empty()) return -1;
    auto words = SplitWhitespace(m.as_of_text);
    return words.empty() ? -1 : WeekdayFromName(words[0]);
  }

  // Whether two figures can refer to the same time. Days a few apart are one time for
  // figures that agree: outlets date the same count by the event, the statement or the
  // report ("killed on Wednesday", "said on Thursday").
  static bool TimesFit(const Node& x, const Node& y) {
    const std::optional<Date>& a = x.m->as_of;
    const std::optional<Date>& b = y.m->as_of;
    if (a && b) {
      if (TimesCompatible(a, b)) return true;
      return a->has_day() && b->has_day() && DaysApart(*a, *b) <= kNearbyDays &&
             ValuesMeet(x, y);
    }
    if (!a && !b) {
      // Without a date to resolve them, "on Friday" and "on Saturday" still differ.
      int wx = BareWeekday(*x.m), wy = BareWeekday(*y.m);
      if (wx >= 0 && wy >= 0 && wx != wy) return false;
      if (!x.reference || !y.reference) return true;
      return DaysApart(*x.reference, *y.reference) <= 31;
    }
    const Date& dated = a ? *a : *b;
    const std::optional<Date>& now = a ? y.reference : x.reference;
    return !now || NowCompatible(dated, *now);
  }

  double Score(const Node& x, const Node& y, bool* conflict) const {
    const Mention& mx = *x.m;
    const Mention& my = *y.m;
    const Concept& cx = mx.quantity.counted;
    const Concept& cy = my.quantity.counted;
    double cs = ConceptSimilarity(cx, cy);
    double ctx = Jaccard(x.context, y.context);
    // Distinctive figures (FindDistinctiveFigures) vouch for what the words leave out.
    if (x.distinctive && y.distinctive && SameFigure(mx.quantity, my.quantity) && (cx.empty() || cy.empty())) {
      cs = std::max(cs, kDistinctiveConcept);
    } else if (cx.empty() && cy.empty()) {
      // Only the unit says what is measured: the sentences must say the rest.
      if (ctx < 0.4) return 0;
      cs = 0.5;
    }
    if (cs <= 0) return 0;
    bool values_ok = ValuesMeet(x, y);
    *conflict = !values_ok;
    // A count at the hospitals neither confirms nor contradicts the whole toll.
    if (*conflict && x.at_hospitals != y.at_hospitals) return 0;
    // A conflict needs to know what is counted: the same counted thing, or two of counted
    // thing, event and place, or sentences that say much the same ("wounded 38 others" and
    // "wounded five others" may be two events).
    bool same_head = !cx.head_class.empty() && cx.head_class == cy.head_class;
    if (*conflict && !same_head && std::min(Specificity(cx), Specificity(cy)) < 2 && ctx < 0.5) return 0;
    double score = 0.5 * cs + 0.5 * ctx;
    if (x.source >= 0 && x.source == y.source) score += 0.1;
    if (mx.as_of && my.as_of && *mx.as_of == *my.as_of) score += 0.1;
    // The same unresolved time expression ("on Saturday" in both, no date to resolve it).
    if (!mx.as_of && !my.as_of && !mx.as_of_text.empty() && EqualsIgnoreCase(mx.as_of_text, my.as_of_text)) {
      score += 0.05;  // weak: many things happen "on Saturday"
    }
    if (SameFigure(mx.quantity, my.quantity)) {
      score += 0.2;
    } else if (values_ok) {
      score += 0.1;
    }
    if (!TimesFit(x, y)) score -= 0.15;
    return score;
  }

  void Explain(const Node& x, const Node& y, double score, double threshold, bool conflict) const {
    auto describe = [&](const Node& n) {
      const Quantity& q = n.m->quantity;
      return "[" + articles_[n.article].article->id + " \"" +
             std::string(q.span.Of(articles_[n.article].doc->text())) + "\" " + q.counted.text + "]";
    };
    *options_.explain << "pair " << describe(x) << " " << describe(y) << " score=" << FormatNumber(std::round(score * 1000) / 1000)
                      << " needs=" << FormatNumber(threshold) << (conflict ? " figures-disagree" : "")
                      << " concept=" << FormatNumber(std::round(ConceptSimilarity(x.m->quantity.counted, y.m->quantity.counted) * 100) / 100)
                      << " context=" << FormatNumber(std::round(Jaccard(x.context, y.context) * 100) / 100)
                      << (score >= threshold ? " LINK" : "") << "\n";
  }

  std::vector<Link> ScoreLinks() {
    // Blocking: in a dimension with few figures every pair is scored; in a large one only
    // pairs that share a concept key or the same figure.
    std::unordered_map<std::string, std::vector<uint32_t>> blocks;
    std::unordered_map<std::string, size_t> per_dim;
    for (const Node& n : nodes_) ++per_dim[n.dim];
    for (uint32_t i = 0; i < nodes_.size(); ++i) {
      if (per_dim[nodes_[i].dim] <= kSmallDimension) {
        blocks[nodes_[i].dim + "|all"].push_back(i);
        continue;
      }
      const Quantity& q = nodes_[i].q;
      blocks[nodes_[i].dim + "|v|" + FormatNumber(q.Value())].push_back(i);
      const Concept& c = nodes_[i].m->quantity.counted;
      const std::string& d = nodes_[i].dim;
      bool any = false;
      if (!c.head_class.empty()) {
        blocks[d + "|h|" + (PersonLike(c.head_class) ? std::string("person") : c.head_class)].push_back(i);
        any = true;
      }
      if (!c.event_class.empty()) {
        blocks[d + "|e|" + c.event_class].push_back(i);
        any = true;
      }
      if (!c.place.empty()) {
        blocks[d + "|p|" + c.place].push_back(i);
        any = true;
      }
      if (!any) blocks[d + "|-"].push_back(i);
    }
    std::set<std::pair<uint32_t, uint32_t>> seen;
    std::vector<Link> links;
    // Conflict candidates that miss the threshold but may still be each other's only
    // counterpart (below).
    struct Candidate {
      Link link;
      double concept_similarity;
      double context_similarity;
    };
    std::vector<Candidate> near_conflicts;
    // Best and second-best scoring partner of each node in each other article, over every
    // scored pair.
    struct Best {
      double score = -1;
      uint32_t node = 0;
      double second = -1;
    };
    std::map<std::pair<uint32_t, uint32_t>, Best> best;
    auto note_best = [&](uint32_t n, uint32_t other, double score) {
      Best& b = best[{n, nodes_[other].article}];
      if (score > b.score) {
        b.second = b.score;
        b.score = score;
        b.node = other;
      } else if (score > b.second) {
        b.second = score;
      }
    };
    size_t budget = options_.max_candidate_pairs;
    std::vector<std::string> keys;
    keys.reserve(blocks.size());
    for (const auto& [k, v] : blocks) keys.push_back(k);
    std::sort(keys.begin(), keys.end());  // deterministic order
    for (const std::string& key : keys) {
      const auto& ids = blocks[key];
      for (size_t p = 0; p < ids.size(); ++p) {
        for (size_t q = p + 1; q < ids.size(); ++q) {
          if (budget == 0) break;
          uint32_t a = ids[p], b = ids[q];
          if (!seen.insert({a, b}).second) continue;
          --budget;
          const Node& x = nodes_[a];
          const Node& y = nodes_[b];
          if (!Compatible(x, y)) continue;
          bool conflict = false;
          double s = Score(x, y, &conflict);
          if (s <= 0) continue;
          if (x.article != y.article) {
            note_best(a, b, s);
            note_best(b, a, s);
          }
          double threshold = conflict ? options_.conflict_link_threshold : options_.link_threshold;
          if (x.article == y.article && !SameFigure(x.q, y.q)) {
            threshold = std::max(threshold, 0.7);  // two figures of one article: be strict
          }
          if (options_.explain) Explain(x, y, s, threshold, conflict);
          if (s >= threshold) {
            links.push_back(Link{s, a, b});
            if (conflict) approved_conflicts_.insert({a, b});
          } else if (conflict && x.article != y.article) {
            near_conflicts.push_back({Link{s, a, b}, ConceptSimilarity(x.m->quantity.counted, y.m->quantity.counted),
                                      Jaccard(x.context, y.context)});
          }
        }
      }
    }
    // Outlets paraphrase: "Two U.S. soldiers were killed Saturday in separate attacks" and
    // "Two U.S. soldiers were killed by roadside bombs ... Saturday" share few words. When
    // two figures name exactly the same thing and each is the other's clear best
    // counterpart in its article (by a margin over the runner-up), they are one fact even
    // if the sentences differ.
    auto clear_best = [&](uint32_t n, uint32_t other) {
      auto it = best.find({n, nodes_[other].article});
      return it != best.end() && it->second.node == other && it->second.score - it->second.second >= kMutualMargin;
    };
    for (const Candidate& c : near_conflicts) {
      if (c.concept_similarity < kMutualConcept || c.context_similarity < kMutualContext) continue;
      if (clear_best(c.link.a, c.link.b) && clear_best(c.link.b, c.link.a)) {
        links.push_back(c.link);
        approved_conflicts_.insert({c.link.a, c.link.b});
      }
    }
    std::sort(links.begin(), links.end(), [](const Link& l, const Link& r) {
      if (l.score != r.score) return l.score > r.score;
      if (l.a != r.a) return l.a < r.a;
      return l.b < r.b;
    });
    return links;
  }

  int Root(int i) {
    while (parent_[i] != i) {
      parent_[i] = parent_[parent_[i]];
      i = parent_[i];
    }
    return i;
  }

  void Cluster(const std::vector<Link>& links) {
    parent_.resize(nodes_.size());
    members_.resize(nodes_.size());
    for (uint32_t i = 0; i < nodes_.size(); ++i) {
      parent_[i] = static_cast<int>(i);
      members_[i] = {i};
    }
    for (const Link& l : links) {
      int ra = Root(static_cast<int>(l.a)), rb = Root(static_cast<int>(l.b));
      if (ra == rb) continue;
      // Every pair across the two groups must be compatible, and when two articles'
      // figures disagree, some figure of one must have been linked directly to a figure of
      // the other: a conflict is never inferred through a chain ("at least one site" fits
      // both "168 sites" and "two sites").
      std::set<std::pair<uint32_t, uint32_t>> evidenced;  // article pairs with a direct conflict link
      for (uint32_t x : members_[ra]) {
        for (uint32_t y : members_[rb]) {
          if (approved_conflicts_.count({std::min(x, y), std::max(x, y)})) {
            evidenced.insert({nodes_[x].article, nodes_[y].article});
          }
        }
      }
      bool ok = true;
      for (uint32_t x : members_[ra]) {
        for (uint32_t y : members_[rb]) {
          const Node& nx = nodes_[x];
          const Node& ny = nodes_[y];
          if (!Compatible(nx, ny) ||
              (!ValuesMeet(nx, ny) && !evidenced.count({nx.article, ny.article}))) {
            ok = false;
            break;
          }
        }
        if (!ok) break;
      }
      if (!ok) continue;
      if (rb < ra) std::swap(ra, rb);
      parent_[rb] = ra;
      members_[ra].insert(members_[ra].end(), members_[rb].begin(), members_[rb].end());
      members_[rb].clear();
    }
  }

  std::string Label(const std::vector<uint32_t>& ids) const {
    // The most informative wording, preferring body text over headlines (title case).
    std::map<std::string, std::pair<int, int>> votes;  // text -> (informativeness, count)
    for (uint32_t i : ids) {
      const Mention& m = *nodes_[i].m;
      const Concept& c = m.quantity.counted;
      std::string t = c.text;
      if (t.empty()) continue;
      int info = (c.head_class.empty() ? 0 : 2) + (c.event_class.empty() ? 0 : 2) +
                 (c.place.empty() ? 0 : 1) - (m.in_title ? 3 : 0) - (c.inherited ? 1 : 0);
      auto& v = votes[t];
      v.first = std::max(v.first, info);
      v.second += 1;
    }
    std::string best;
    std::pair<int, int> best_v{-100, 0};
    for (const auto& [t, v] : votes) {
      if (v > best_v) {
        best_v = v;
        best = t;
      }
    }
    if (best.empty()) {
      // Nothing says what is counted: name the kind of figure ("amount in dollar").
      const Quantity& q = nodes_[ids[0]].m->quantity;
      if (q.kind == QuantityKind::kMoney) {
        best = "amount in " + q.normalized_unit;
      } else if (q.kind == QuantityKind::kPercent) {
        best = "percentage";
      } else {
        best = q.normalized_unit.empty() ? std::string(extract::KindName(q.kind)) : q.normalized_unit;
      }
    }
    return best;
  }

  std::vector<Fact> MakeFacts() {
    std::vector<Fact> facts;
    for (uint32_t r = 0; r < nodes_.size(); ++r) {
      if (members_[r].empty()) continue;
      std::vector<uint32_t> ids = members_[r];
      std::sort(ids.begin(), ids.end(), [&](uint32_t x, uint32_t y) {
        if (nodes_[x].article != nodes_[y].article) return nodes_[x].article < nodes_[y].article;
        return nodes_[x].mention < nodes_[y].mention;
      });
      Fact f;
      f.label = Label(ids);
      const Quantity& q0 = nodes_[ids[0]].m->quantity;
      f.kind = q0.kind;
      f.unit = q0.normalized_unit;
      std::map<std::string, int> sources;  // name -> votes; names outvote descriptions
      std::map<std::string, int> times;
      std::map<std::string, Date> time_value;
      for (uint32_t i : ids) {
        const Node& n = nodes_[i];
        f.mentions.push_back(MentionRef{n.article, n.mention});
        if (f.articles.empty() || f.articles.back() != n.article) f.articles.push_back(n.article);
        if (!n.source_name.empty()) sources[n.source_name] += n.source == -1 ? 1 : 3;
        if (n.m->as_of) {
          std::string iso = n.m->as_of->ToIso();
          ++times[iso];
          time_value[iso] = *n.m->as_of;
        }
      }
      f.articles.erase(std::unique(f.articles.begin(), f.articles.end()), f.articles.end());
      std::sort(f.articles.begin(), f.articles.end());
      f.articles.erase(std::unique(f.articles.begin(), f.articles.end()), f.articles.end());
      // Source: the most named; ties go to the longer (more specific) name.
      int best = 0;
      for (const auto& [name, count] : sources) {
        if (count > best || (count == best && name.size() > f.attributed_to.size())) {
          best = count;
          f.attributed_to = name;
        }
      }
      // Time: the most common; ties go to the more precise, then the later.
      best = 0;
      for (const auto& [iso, count] : times) {
        const Date& d = time_value[iso];
        if (count > best || (count == best && f.as_of &&
                             (iso.size() > f.as_of->ToIso().size() ||
                              (iso.size() == f.as_of->ToIso().size() && f.as_of->FirstDay() < d.FirstDay())))) {
          best = count;
          f.as_of = d;
        }
      }
      Status(ids, &f);
      facts.push_back(std::move(f));
    }
    return facts;
  }

  void Status(const std::vector<uint32_t>& ids, Fact* f) const {
    // Consensus: the largest set of articles whose figures all agree with one another.
    std::vector<uint32_t> best_group;
    for (uint32_t seed : ids) {
      std::vector<uint32_t> group;
      for (uint32_t j : ids) {
        bool ok = true;
        for (uint32_t g : group) ok = ok && ValuesMeet(nodes_[g], nodes_[j]);
        if (ok && ValuesMeet(nodes_[seed], nodes_[j])) group.push_back(j);
      }
      std::set<uint32_t> arts;
      for (uint32_t g : group) arts.insert(nodes_[g].article);
      std::set<uint32_t> best_arts;
      for (uint32_t g : best_group) best_arts.insert(nodes_[g].article);
      if (arts.size() > best_arts.size() || (arts.size() == best_arts.size() && group.size() > best_group.size())) {
        best_group = group;
      }
    }
    bool all_same = true;
    for (uint32_t i : ids) all_same = all_same && SameFigure(nodes_[i].q, nodes_[ids[0]].q);
    f->outlets = static_cast<uint32_t>(DistinctOutlets(outlet_, f->articles));
    if (f->outlets < 2) {
      f->status = FactStatus::kSingleSource;
    } else if (all_same) {
      f->status = FactStatus::kAgreed;
    } else if (best_group.size() == ids.size()) {
      f->status = FactStatus::kCompatible;
    } else {
      f->status = FactStatus::kConflict;
      // Dissenters only when a strict majority of the outlets agree: with two outlets, or
      // an even split, the report cannot tell which figure is the odd one out.
      std::set<uint32_t> consensus;
      for (uint32_t g : best_group) consensus.insert(nodes_[g].article);
      if (consensus.size() * 2 > f->articles.size()) {
        for (uint32_t a : f->articles) {
          if (!consensus.count(a)) f->dissenting.push_back(a);
        }
      }
    }
    // Consolidated value: the intersection of the consensus figures as stated, or of their
    // widened intervals when the stated ones do not meet ("2,514" and "about 2,500").
    // The value is given in f->unit (the first mention's): from the consensus figures
    // written in it, or, when none is, from the others in the reference unit, converted.
    std::vector<uint32_t> in_unit;
    for (uint32_t g : best_group) {
      if (nodes_[g].m->quantity.normalized_unit == f->unit) in_unit.push_back(g);
    }
    const bool one_unit = !in_unit.empty() || best_group.empty();
    const std::vector<uint32_t>& basis = one_unit ? in_unit : best_group;
    auto stated = [&](uint32_t g) { return Stated(one_unit ? nodes_[g].m->quantity : nodes_[g].q); };
    double lo = -kInf, hi = kInf;
    for (uint32_t g : basis) {
      auto s = stated(g);
      lo = std::max(lo, s.first);
      hi = std::min(hi, s.second);
    }
    if (lo > hi) {
      // Stated bounds do not meet: take the most common figure of the consensus.
      std::map<std::pair<double, double>, int> counts;
      for (uint32_t g : basis) ++counts[stated(g)];
      int best = 0;
      for (const auto& [v, c] : counts) {
        if (c > best) {
          best = c;
          lo = v.first;
          hi = v.second;
        }
      }
    }
    if (!one_unit) {
      const UnitFactor* u = UnitFactorOf(nodes_[ids[0]].m->quantity);
      double back = u ? u->factor : 1;
      lo /= back;
      hi /= back;
    }
    f->low = std::isinf(lo) ? extract::kOpen : lo;
    f->high = std::isinf(hi) ? extract::kOpen : hi;
  }

  const std::vector<StoryArticle>& articles_;
  const std::vector<uint32_t> outlet_;  // Outlets(articles_)
  const std::vector<SentenceFeatures>& sentences_;
  const extract::EntityResolver& entities_;
  Vocabulary* vocab_;
  const CompareOptions& options_;
  std::vector<Node> nodes_;
  std::set<std::pair<uint32_t, uint32_t>> approved_conflicts_;  // (lower, higher) node ids
  std::vector<int> parent_;
  std::vector<std::vector<uint32_t>> members_;
};

}  // namespace

ValueInterval Widen(const Quantity& q, double t) {
  double g = q.granularity > 0 ? q.granularity : 1;
  double half = g / 2;
  ValueInterval v;
  switch (q.qualifier) {
    case Qualifier::kExact: {
      v.lo = q.low - half;
      v.hi = q.high + half;
      break;
    }
    case Qualifier::kApprox: {
      double x = q.low;
      double slack = std::fabs(x) * t;
      v.lo = x - slack - half;
      v.hi = x + slack + half;
      if (q.lean < 0) v.hi = x;          // "nearly": at or a little below
      if (q.lean > 0) v.lo = x - half;
      break;
    }
    case Qualifier::kAtLeast:
      v.lo = q.low - half;
      v.hi = kInf;
      break;
    case Qualifier::kAtMost:
      v.lo = q.kind == QuantityKind::kCount ? 0 : -kInf;
      v.hi = q.high + half;
      break;
    case Qualifier::kRange:
      v.lo = q.low - half;
      v.hi = q.high + half;
      break;
  }
  return v;
}

bool Overlap(const ValueInterval& a, const ValueInterval& b) { return a.lo < b.hi && b.lo < a.hi; }

bool ConceptsCompatible(const Concept& a, const Concept& b) {
  if (!a.place.empty() && !b.place.empty() && a.place != b.place) return false;
  if (!a.event_class.empty() && !b.event_class.empty() && a.event_class != b.event_class) return false;
  if (!a.head_class.empty() && !b.head_class.empty() && a.head_class != b.head_class) {
    bool person_ok = (a.head_class == "person" && PersonLike(b.head_class)) ||
                     (b.head_class == "person" && PersonLike(a.head_class));
    if (!person_ok) return false;
  }
  return true;
}

double ConceptSimilarity(const Concept& a, const Concept& b) {
  if (!ConceptsCompatible(a, b)) return 0;
  double present = 0, matched = 0;
  // A part only one side states is not a disagreement, just less evidence: it earns
  // part of its weight ("20 percent of Ukraine" vs "20 percent of Ukrainian territory").
  constexpr double kOneSided = 0.4;
  auto part = [&](const std::string& x, const std::string& y, double w, double generic_credit) {
    if (x.empty() && y.empty()) return;
    present += w;
    if (x == y) {
      matched += w;
    } else if (!x.empty() && !y.empty()) {
      matched += w * generic_credit;  // "people" vs "soldiers"
    } else {
      matched += w * kOneSided;
    }
  };
  part(a.head_class, b.head_class, 0.35, 0.5);
  part(a.event_class, b.event_class, 0.35, 0);
  part(a.place, b.place, 0.15, 0);
  if (!a.modifiers.empty() || !b.modifiers.empty()) {
    present += 0.15;
    std::vector<std::string> inter;
    std::set_intersection(a.modifiers.begin(), a.modifiers.end(), b.modifiers.begin(),
                          b.modifiers.end(), std::back_inserter(inter));
    size_t uni = a.modifiers.size() + b.modifiers.size() - inter.size();
    if (uni) matched += 0.15 * static_cast<double>(inter.size()) / static_cast<double>(uni);
  }
  return present > 0 ? matched / present : 0;
}

std::vector<Fact> BuildFacts(const std::vector<StoryArticle>& articles,
                             const std::vector<SentenceFeatures>& sentences,
                             const extract::EntityResolver& entities, Vocabulary* vocab,
                             const CompareOptions& options) {
  return FactBuilder(articles, sentences, entities, vocab, options).Run();
}

}  // namespace corroborate::compare
