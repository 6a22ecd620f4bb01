// Measure-level views over facts:
//   timelines  one source's figure for one measure at different times
//   estimates  different sources' figures for one measure at the same time
#include <algorithm>
#include <map>

#include "compare/facts.h"
#include "corroborate/base/strings.h"
#include "corroborate/extract/entities.h"

namespace corroborate::compare {
namespace {

// What a fact counts, from all its mentions: the most specific mention's concept, with
// the parts it leaves out filled from the others ("injured" in one outlet and "people" in
// another are "people injured").
extract::Concept ConceptOf(const std::vector<StoryArticle>& articles, const Fact& f) {
  const extract::Concept* best = nullptr;
  int best_score = -1;
  for (const MentionRef& r : f.mentions) {
    const extract::Concept& c = articles[r.article].extraction->mentions[r.mention].quantity.counted;
    int score = (c.head_class.empty() ? 0 : 1) + (c.event_class.empty() ? 0 : 1) + (c.place.empty() ? 0 : 1);
    if (score > best_score) {
      best_score = score;
      best = &c;
    }
  }
  extract::Concept out = *best;
  for (const MentionRef& r : f.mentions) {
    const extract::Concept& c = articles[r.article].extraction->mentions[r.mention].quantity.counted;
    if (out.head_class.empty() && !c.head_class.empty()) out.head_class = c.head_class;
    if (out.event_class.empty() && !c.event_class.empty()) out.event_class = c.event_class;
    if (out.place.empty() && !c.place.empty()) out.place = c.place;
  }
  return out;
}

// What a fact measures, read once per fact (grouping compares every pair): what it
// counts (ConceptOf) and whether it is an order of magnitude ("thousands of").
struct Measure {
  extract::Concept counted;
  bool vague = false;
};

std::vector<Measure> MeasuresOf(const std::vector<StoryArticle>& articles, const std::vector<Fact>& facts) {
  std::vector<Measure> out;
  out.reserve(facts.size());
  for (const Fact& f : facts) {
    const MentionRef& r = f.mentions.front();
    out.push_back(Measure{ConceptOf(articles, f), articles[r.article].extraction->mentions[r.mention].quantity.vague});
  }
  return out;
}

// Facts of one measure: same unit kind, compatible concepts, and the same counted thing
// or event stated on both sides (places alone are not enough: "three regions" and
// "Russian casualties" share only Russia).
bool SameMeasure(const Fact& a, const Measure& ma, const Fact& b, const Measure& mb) {
  if (a.kind != b.kind || a.unit != b.unit) return false;
  // "thousands of local people" is no estimate beside "1.8 million people" (as in facts,
  // an order of magnitude only goes with another).
  if (ma.vague != mb.vague) return false;
  const extract::Concept& ca = ma.counted;
  const extract::Concept& cb = mb.counted;
  if (!ConceptsCompatible(ca, cb)) return false;
  bool same_event = !ca.event_class.empty() && ca.event_class == cb.event_class;
  bool same_head = !ca.head_class.empty() && ca.head_class == cb.head_class;
  if (!same_event && !same_head) return false;
  // Heads of different specificity ("people killed", "U.S. soldiers killed") can both be
  // true, the soldiers being some of the people: they are one measure only when both name
  // the same place ("people killed fighting on Russia's side", "Russian soldiers killed").
  if (!ca.head_class.empty() && !cb.head_class.empty() && !same_head && (ca.place.empty() || ca.place != cb.place)) {
    return false;
  }
  // An event only one side names is another measure: "hundreds of troops" counts people,
  // "a soldier killed" counts deaths.
  if (ca.event_class != cb.event_class) return false;
  return ConceptSimilarity(ca, cb) >= 0.5;
}

// Coarse dates sort by their middle: "mid-2025" (2025) comes after "2025-01".
int64_t MidDay(const Date& d) { return (d.FirstDay() + d.LastDay()) / 2; }

bool SameValue(const Fact& a, const Fact& b) {
  auto eq = [](double x, double y) {
    return (extract::IsOpen(x) && extract::IsOpen(y)) || x == y;
  };
  return eq(a.low, b.low) && eq(a.high, b.high);
}

// Groups fact indices greedily into measures: a fact joins the first group all of whose
// members are the same measure as it.
template <typename Pred>
std::vector<std::vector<uint32_t>> GroupFacts(const std::vector<StoryArticle>& articles,
                                              const std::vector<Fact>& facts, Pred eligible_pair) {
  const std::vector<Measure> measures = MeasuresOf(articles, facts);
  std::vector<std::vector<uint32_t>> groups;
  for (uint32_t i = 0; i < facts.size(); ++i) {
    bool placed = false;
    for (auto& g : groups) {
      bool ok = true;
      for (uint32_t j : g) {
        if (!eligible_pair(facts[i], facts[j]) || !SameMeasure(facts[i], measures[i], facts[j], measures[j])) {
          ok = false;
          break;
        }
      }
      if (ok) {
        g.push_back(i);
        placed = true;
        break;
      }
    }
    if (!placed) groups.push_back({i});
  }
  return groups;
}

// One source as the timeline sees it: a name by its key, a description ("the city fire
// department", "the department") by its head word, so that one outlet's wording matches
// another's.
std::string SourceKey(const std::string& s) {
  if (s.empty()) return s;
  auto words = SplitWhitespace(s);
  std::string_view last = words.back();
  if (!last.empty() && IsAsciiLower(last[0])) return AsciiLowerCopy(last);
  return extract::NameKey(s);
}

// The body behind a source, for telling sources apart: "U.S. military officials" and "a
// U.S. military spokesman" speak for "U.S. military".
std::string InstitutionKey(const std::string& s) {
  static const char* const kRoles[] = {"officials", "official", "spokesman", "spokeswoman", "spokesperson",
                                       "spokespeople", "sources", "source", "officers", "authorities",
                                       "statement", "figures", "data"};
  std::vector<std::string_view> words = SplitWhitespace(s);
  while (words.size() > 1 && std::find(std::begin(kRoles), std::end(kRoles), words.back()) != std::end(kRoles)) {
    words.pop_back();
  }
  std::string body;
  for (std::string_view w : words) body += (body.empty() ? "" : " ") + std::string(w);
  return extract::NameKey(body);
}

}  // namespace

std::vector<Timeline> BuildTimelines(const std::vector<StoryArticle>& articles, const std::vector<Fact>& facts) {
  std::vector<Timeline> out;
  auto groups = GroupFacts(articles, facts, [](const Fact& a, const Fact& b) {
    return !a.attributed_to.empty() && SourceKey(a.attributed_to) == SourceKey(b.attributed_to);
  });
  for (const auto& g : groups) {
    if (g.size() < 2 || facts[g[0]].attributed_to.empty()) continue;
    // One point per time; the better-covered fact wins a tie.
    std::map<std::string, uint32_t> by_time;  // "" = the time of the reports
    for (uint32_t i : g) {
      std::string key = facts[i].as_of ? facts[i].as_of->ToIso() : "";
      auto it = by_time.find(key);
      if (it == by_time.end() || facts[i].articles.size() > facts[it->second].articles.size()) {
        by_time[key] = i;
      }
    }
    if (by_time.size() < 2) continue;
    std::vector<TimelinePoint> points;
    for (const auto& [key, i] : by_time) points.push_back(TimelinePoint{facts[i].as_of, i});
    // Times that contain one another ("2025" and "January 2025") are one time told at two
    // precisions, not two points of a timeline: the more precise one stays.
    std::vector<TimelinePoint> distinct;
    for (const TimelinePoint& p : points) {
      bool coarser = false;
      for (const TimelinePoint& q : points) {
        if (&p == &q || !p.as_of || !q.as_of) continue;
        if (p.as_of->Contains(*q.as_of) && !q.as_of->Contains(*p.as_of)) coarser = true;
      }
      if (!coarser) distinct.push_back(p);
    }
    points = std::move(distinct);
    if (points.size() < 2) continue;
    std::sort(points.begin(), points.end(), [](const TimelinePoint& a, const TimelinePoint& b) {
      if (!a.as_of || !b.as_of) return a.as_of.has_value() && !b.as_of.has_value();
      return MidDay(*a.as_of) < MidDay(*b.as_of);
    });
    bool changes = false;
    for (size_t k = 1; k < points.size(); ++k) {
      changes = changes || !SameValue(facts[points[k].fact], facts[points[0].fact]);
    }
    if (!changes) continue;
    Timeline t;
    t.attributed_to = facts[g[0]].attributed_to;
    // Label from the best-covered point.
    uint32_t label_fact = points[0].fact;
    for (const TimelinePoint& p : points) {
      if (facts[p.fact].articles.size() > facts[label_fact].articles.size()) label_fact = p.fact;
    }
    t.label = facts[label_fact].label;
    t.points = std::move(points);
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<Estimates> BuildEstimates(const std::vector<StoryArticle>& articles, const std::vector<Fact>& facts) {
  std::vector<Estimates> out;
  auto groups = GroupFacts(articles, facts, [](const Fact& a, const Fact& b) {
    if (a.attributed_to.empty() || b.attributed_to.empty() ||
        InstitutionKey(a.attributed_to) == InstitutionKey(b.attributed_to)) {
      return false;
    }
    if (a.as_of && b.as_of) return a.as_of->Contains(*b.as_of) || b.as_of->Contains(*a.as_of);
    return true;
  });
  for (const auto& g : groups) {
    if (g.size() < 2) continue;
    bool differ = false;
    for (uint32_t i : g) differ = differ || !SameValue(facts[i], facts[g[0]]);
    if (!differ) continue;
    Estimates e;
    e.facts = g;
    uint32_t label_fact = g[0];
    for (uint32_t i : g) {
      if (facts[i].articles.size() > facts[label_fact].articles.size()) label_fact = i;
    }
    e.label = facts[label_fact].label;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace corroborate::compare
